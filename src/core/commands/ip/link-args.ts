/**
 * iplink_parse() of iproute2 6.1: the attributes of `ip link add/set/del`, up to `type`. Keywords are
 * read with matches(), a prefix match, in iproute2's order, so a device name that is a prefix of a
 * keyword is that keyword (`ip link add br type bridge` is `broadcast type`: `"type" is invalid
 * lladdr.`). Each option's value is checked as iproute2 checks it; an option the simulator does not
 * model is remembered (`notSimulated`) and reported by the caller only once the line is otherwise valid.
 */
import { findLink } from '../../sim/kernel';
import type { Link, Netns } from '../../sim/model';
import type { NotSimulated } from '../types';
import { USAGE_LINK } from '../usage';
import { Args, duparg, duparg2, invalidLladdr, invarg, IpExit, type IpState, matches, parseLladdr, rtnlError, usage } from './common';

/** check_ifname(): 1 to 15 characters, no `/` and no white space. */
export function validIfname(name: string): boolean {
  return name.length > 0 && name.length < 16 && !/[/\s]/.test(name);
}

function validAltIfname(name: string): boolean {
  return name.length > 0 && name.length < 128 && !/[/\s]/.test(name);
}

export interface LinkReq {
  dev?: string;
  devCol: number;
  name?: string;
  up?: boolean;
  mtu?: number;
  address?: string;
  netns?: Netns;
  master?: Link | null; // null: nomaster
  type?: string;
  typeCol: number;
  /** `link DEV`: checked to exist when a link is created. */
  link?: string;
  /** The length in bytes of a `broadcast` address given: the kernel refuses one shorter than the device's (EINVAL). */
  brdLen?: number;
  /** The first option given that the simulator does not model. */
  notSimulated?: NotSimulated;
}

/**
 * ll_addr_a2n(): the part of `text` it refuses, or undefined when it takes it. Each colon-separated
 * part is read with sscanf("%x"), which takes the leading hex digits and ignores the rest (`down` is
 * 0x0d, `bridge` 0x0b; `up` and `type` are refused); a dotted text must be an IPv4 address.
 */
export function badLladdr(text: string): string | undefined {
  if (text.includes('.'))
    return /^(\d{1,3})(\.\d{1,3}){3}$/.test(text) && text.split('.').every((x) => Number(x) <= 255) ? undefined : text;
  const parts = text.split(':');
  for (const part of parts.slice(0, 32)) {
    const m = /^\s*([+-]?)(?:0[xX])?([0-9a-fA-F]+)/.exec(part);
    if (!m || (m[1] === '-' && /[1-9a-fA-F]/.test(m[2]!)) || parseInt(m[2]!.slice(-9), 16) > 255 || m[2]!.replace(/^0+/, '').length > 2)
      return part;
  }
  return undefined;
}

/** get_integer(): a C integer (decimal, 0x hex or 0 octal). */
function isInteger(text: string): boolean {
  return /^[+-]?(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9][0-9]*)$/.test(text);
}

/** on_off(): the error of a value other than on or off (return -1: status 1). */
function onOff(key: string, v: string): void {
  if (v !== 'on' && v !== 'off') throw new IpExit(1, `Error: argument of "${key}" must be "on" or "off", not "${v}"\n`);
}

const ON_OFF = ['multicast', 'allmulticast', 'promisc', 'trailers', 'arp'];
const OTHERS = ['carrier', 'vf', 'vrf', 'group', 'mode', 'state', 'protodown', 'protodown_reason', 'gso_max_size', 'gso_max_segs'];
const ADDRGENMODES = ['eui64', 'none', 'stable_secret', 'random'];

export function parseLinkArgs(st: IpState, a: Args, ns: Netns): LinkReq {
  const req: LinkReq = { devCol: 0, typeCol: 0 };
  let qlen = false;
  let txq = false;
  let rxq = false;
  let linkNetns = false;
  const notSim = (what: string, col: number) => {
    req.notSimulated ??= { command: `ip link option "${what}"`, column: col };
  };
  while (!a.done) {
    const w = a.cur;
    const col = a.col;
    if (w === 'up') req.up = true;
    else if (w === 'down') req.up = false;
    else if (w === 'name') {
      const v = a.next();
      if (req.name !== undefined) throw duparg('name', v);
      if (!validIfname(v)) throw invarg('"name" not a valid ifname', v);
      req.name = v;
    } else if (w === 'index') {
      const v = a.next();
      if (!/^[0-9]+$/.test(v) || Number(v) <= 0) throw invarg('Invalid "index" value', v);
      notSim('index', col);
    } else if (matches(w, 'link')) {
      req.link = a.next();
      notSim('link', col);
    } else if (matches(w, 'address')) {
      const v = a.next();
      const mac = parseLladdr(v);
      if (!mac) throw invalidLladdr(v);
      if (req.address !== undefined) throw duparg('address', v);
      req.address = mac;
    } else if (matches(w, 'broadcast') || w === 'brd') {
      const v = a.next();
      const bad = badLladdr(v);
      if (bad !== undefined) throw invalidLladdr(bad);
      req.brdLen = v.includes('.') ? 4 : Math.min(32, v.split(':').length);
      notSim('broadcast', col);
    } else if (matches(w, 'txqueuelen') || w === 'qlen' || matches(w, 'txqlen')) {
      const v = a.next();
      if (qlen) throw duparg('txqueuelen', v);
      if (!isInteger(v)) throw invarg('Invalid "txqueuelen" value\n', v);
      qlen = true;
      notSim('txqueuelen', col);
    } else if (w === 'mtu') {
      const v = a.next();
      if (req.mtu !== undefined) throw duparg('mtu', v);
      if (!/^[+-]?(0[xX][0-9a-fA-F]+|[0-9]+)$/.test(v)) throw invarg('Invalid "mtu" value\n', v);
      req.mtu = Number(v);
    } else if (w.startsWith('xdp') && ['xdp', 'xdpgeneric', 'xdpdrv', 'xdpoffload'].includes(w)) {
      a.next();
      notSim(w, col);
    } else if (w === 'netns') {
      const v = a.next();
      if (req.netns !== undefined) throw duparg('netns', v);
      const target = st.ctx.host.netns.get(v);
      if (target && v !== '') req.netns = target;
      else if (/^[0-9]+$/.test(v)) req.notSimulated ??= { command: 'ip link set ... netns PID', column: col };
      else throw invarg('Invalid "netns" value\n', v);
    } else if (ON_OFF.includes(w)) {
      onOff(w, a.next());
      notSim(w, col);
    } else if (OTHERS.includes(w) || w === 'gro_max_size' || w === 'parentdev') {
      notSim(w, col);
      // Their values are not modelled: the rest of the line is not read as iproute2 reads it.
      throw new IpExit(1, `knetlab: ip link option "${w}" is not simulated\n`, req.notSimulated);
    } else if (matches(w, 'master')) {
      const v = a.next();
      const m = findLink(ns, v);
      if (!m) throw invarg('Device does not exist\n', v);
      req.master = m;
    } else if (matches(w, 'nomaster')) req.master = null;
    else if (matches(w, 'dynamic')) {
      onOff('dynamic', a.next());
      notSim('dynamic', col);
    } else if (matches(w, 'type')) {
      req.type = a.next();
      req.typeCol = a.col;
      a.advance();
      break;
    } else if (matches(w, 'alias')) {
      const v = a.next();
      if (new TextEncoder().encode(v).length >= 256) throw invarg('alias too long\n', v);
      notSim('alias', col);
    } else if (matches(w, 'numtxqueues') || matches(w, 'numrxqueues')) {
      const tx = matches(w, 'numtxqueues');
      const key = tx ? 'numtxqueues' : 'numrxqueues';
      const v = a.next();
      if (tx ? txq : rxq) throw duparg(key, v);
      if (!isInteger(v)) throw invarg(`Invalid "${key}" value\n`, v);
      if (tx) txq = true;
      else rxq = true;
      notSim(key, col);
    } else if (matches(w, 'addrgenmode')) {
      const v = a.next();
      if (!ADDRGENMODES.includes(v)) throw invarg('Invalid address generation mode\n', v);
      notSim('addrgenmode', col);
    } else if (matches(w, 'link-netns') || matches(w, 'link-netnsid')) {
      const id = !matches(w, 'link-netns');
      const v = a.next();
      if (linkNetns) throw duparg('link-netns/link-netnsid', v);
      linkNetns = true;
      if (id ? !isInteger(v) : !st.ctx.host.netns.has(v) && !isInteger(v))
        throw invarg(`Invalid "${id ? 'link-netnsid' : 'link-netns'}" value\n`, v);
      notSim(id ? 'link-netnsid' : 'link-netns', col);
    } else {
      if (matches(w, 'help')) throw usage(USAGE_LINK);
      let v = w;
      if (w === 'dev') v = a.next();
      if (req.dev !== undefined) throw duparg2('dev', v);
      if (!validAltIfname(v)) throw invarg('"dev" not a valid ifname', v);
      req.dev = v;
      req.devCol = a.col;
    }
    a.advance();
  }
  return req;
}

/** The option not modelled, as the line's error, once the line is otherwise as iproute2 takes it. */
export function throwNotSimulated(req: LinkReq): void {
  // validate_linkmsg: a broadcast address shorter than an Ethernet address is refused.
  if (req.brdLen !== undefined && req.brdLen < 6) throw rtnlError({ errno: 'EINVAL' });
  if (req.notSimulated) throw new IpExit(1, `knetlab: ${req.notSimulated.command} is not simulated\n`, req.notSimulated);
}
