/** `ip address`: add, del, flush and show, as iproute2 6.1's ipaddress.c reads its arguments. */
import { type Addr, BITS, broadcastOf, formatAddr, parseInetLoose, parsePrefixLoose, type PrefixParse } from '../../net/addr';
import { addAddress, deleteAddress, findLink, operState } from '../../sim/kernel';
import type { Scope } from '../../sim/model';
import type { NotSimulated } from '../types';
import { USAGE_ADDRESS } from '../usage';
import {
  Args,
  duparg,
  duparg2,
  familyName,
  invarg,
  IpExit,
  type IpState,
  ipNotSimulated,
  matches,
  nodev,
  parseU32,
  rtnlError,
  unknownCommand,
  usage,
} from './common';
import { addrLine, brief, LIFETIME, linkDisplayName, linkHeader, linkLayerLine, shownAddrs } from './format';
import { filteredLinks, parseShowFilter } from './link';

/** get_prefix(): `ADDR[/LEN]`, also `default`/`any`/`all`; exits with iproute2's message when unreadable. */
export function getPrefix(text: string, family: 0 | 4 | 6): PrefixParse {
  if (text === 'default' || text === 'any' || text === 'all') {
    const fam = family === 6 ? 6 : 4;
    return { addr: { family: fam, value: 0n }, len: 0, explicitLen: true };
  }
  const p = parsePrefixLoose(text);
  if (!p || (family !== 0 && p.addr.family !== family)) {
    throw new IpExit(1, `Error: ${familyName(family)} prefix is expected rather than "${text}".\n`);
  }
  return p;
}

/** get_addr(): an address (a prefix length is refused). */
export function getAddr(text: string, family: 0 | 4 | 6): Addr {
  const a = text.includes('/') ? undefined : parseInetLoose(text);
  if (!a || (family !== 0 && a.family !== family)) {
    throw new IpExit(1, `Error: ${familyName(family)} address is expected rather than "${text}".\n`);
  }
  return a;
}

/** rtnl_rtscope_a2n(). */
export function parseScope(text: string): Scope | number | undefined {
  const names: Record<string, Scope> = {
    global: 'global',
    universe: 'global',
    site: 'site',
    link: 'link',
    host: 'host',
    nowhere: 'nowhere',
  };
  if (names[text]) return names[text];
  const n = /^[0-9]+$/.test(text) ? Number(text) : /^0[xX][0-9a-fA-F]+$/.test(text) ? parseInt(text, 16) : NaN;
  if (!Number.isInteger(n) || n > 255) return undefined;
  const byValue: Record<number, Scope> = { 0: 'global', 200: 'site', 253: 'link', 254: 'host', 255: 'nowhere' };
  return byValue[n] ?? n;
}

interface AddrReq {
  local?: PrefixParse;
  localText?: string;
  dev?: string;
  label?: string;
  scope?: Scope;
  brd?: Addr | '+' | '-';
  /** The first option given that the simulator does not model, reported once the line is otherwise valid. */
  notSimulated?: NotSimulated;
}

const FOREVER = 0xffffffff;

/** set_lifetime(): `forever` or a number of seconds. */
function lifetime(v: string): number | undefined {
  return v === 'forever' ? FOREVER : parseU32(v);
}

function parseAddrArgs(st: IpState, a: Args): AddrReq {
  const req: AddrReq = {};
  let family = st.opts.family;
  let valid: number | undefined;
  let preferred: number | undefined;
  while (!a.done) {
    const w = a.cur;
    if (w === 'peer' || w === 'remote') throw ipNotSimulated(`ip addr ${w}`, a.col);
    else if (matches(w, 'broadcast') || w === 'brd') {
      const v = a.next();
      if (req.brd !== undefined) throw duparg('broadcast', v);
      if (v === '+' || v === '-') req.brd = v;
      else req.brd = getAddr(v, family);
    } else if (w === 'anycast') throw ipNotSimulated('ip addr anycast', a.col);
    else if (w === 'scope') {
      const v = a.next();
      const s = parseScope(v);
      if (s === undefined) throw invarg('invalid scope value.', v);
      if (typeof s === 'number') throw ipNotSimulated(`ip addr ... scope ${v}`, a.col);
      req.scope = s;
    } else if (w === 'dev') req.dev = a.next();
    else if (w === 'label') req.label = a.next();
    else if (matches(w, 'metric') || matches(w, 'priority') || matches(w, 'preference')) {
      const col = a.col;
      const v = a.next();
      if (parseU32(v) === undefined) throw invarg('"metric" value is invalid\n', v);
      req.notSimulated ??= { command: 'ip addr ... metric', column: col };
    } else if (matches(w, 'valid_lft') || matches(w, 'preferred_lft')) {
      const key = matches(w, 'valid_lft') ? 'valid_lft' : 'preferred_lft';
      if ((key === 'valid_lft' ? valid : preferred) !== undefined) throw duparg(key, w);
      const col = a.col;
      const v = a.next();
      const n = lifetime(v);
      if (n === undefined) throw invarg(`${key} value`, v);
      if (key === 'valid_lft') valid = n;
      else preferred = n;
      req.notSimulated ??= { command: `ip addr ... ${key}`, column: col };
    } else if (['home', 'nodad', 'mngtmpaddr', 'optimistic', 'noprefixroute', 'autojoin', 'proto'].includes(w)) {
      throw ipNotSimulated(`ip addr ... ${w}`, a.col);
    } else {
      let v = w;
      if (w === 'local') v = a.next();
      if (matches(v, 'help')) throw usage(USAGE_ADDRESS);
      if (req.local) throw duparg2('local', v);
      req.local = getPrefix(v, family);
      req.localText = v;
      family = req.local.addr.family;
    }
    a.advance();
  }
  if (valid !== undefined || preferred !== undefined) {
    if ((valid ?? FOREVER) === 0) throw new IpExit(1, 'valid_lft is zero\n');
    if ((valid ?? FOREVER) < (preferred ?? FOREVER)) throw new IpExit(1, 'preferred_lft is greater than valid_lft\n');
  }
  return req;
}

function throwNotSimulated(req: AddrReq): void {
  if (req.notSimulated) throw new IpExit(1, `knetlab: ${req.notSimulated.command} is not simulated\n`, req.notSimulated);
}

function addrAdd(st: IpState, a: Args): void {
  const req = parseAddrArgs(st, a);
  if (req.dev === undefined) throw new IpExit(1, 'Not enough information: "dev" argument is required.\n');
  const link = findLink(st.netns, req.dev);
  if (!link) throw nodev(req.dev);
  if (!req.local) throw rtnlError({ errno: 'EOPNOTSUPP' });
  throwNotSimulated(req);
  const { addr, len } = req.local;
  let broadcast: Addr | undefined;
  if (req.brd === '+') broadcast = addr.family === 4 && len < 31 ? broadcastOf(addr, len) : undefined;
  else if (req.brd === '-')
    broadcast = addr.family === 4 && len < 31 ? { family: 4, value: addr.value & ~(broadcastOf(addr, len).value ^ addr.value) } : undefined;
  else broadcast = req.brd;
  const r = addAddress(link, { addr, prefixLen: len, scope: req.scope, broadcast, label: req.label });
  if (!r.ok) throw rtnlError(r.err);
}

function addrDel(st: IpState, a: Args): void {
  const req = parseAddrArgs(st, a);
  if (req.dev === undefined) throw new IpExit(1, 'Not enough information: "dev" argument is required.\n');
  const link = findLink(st.netns, req.dev);
  if (!link) throw nodev(req.dev);
  if (!req.local) throw ipNotSimulated('ip addr del without an address', a.col);
  throwNotSimulated(req);
  const { addr, len, explicitLen } = req.local;
  if (!explicitLen && addr.family === 4) {
    st.err +=
      'Warning: Executing wildcard deletion to stay compatible with old scripts.\n' +
      `         Explicitly specify the prefix length (${req.localText}/${BITS[addr.family]}) to avoid this warning.\n` +
      '         This special behaviour is likely to disappear in further releases,\n' +
      '         fix your scripts!\n';
  }
  const r = deleteAddress(link, addr, explicitLen ? len : undefined);
  if (!r.ok)
    throw rtnlError(r.err.extack ? r.err : { errno: r.err.errno, extack: addr.family === 4 ? 'ipv4: Address not found' : undefined });
}

function addrFlush(st: IpState, a: Args): void {
  if (a.done) throw new IpExit(1, 'Flush requires arguments.\n');
  const f = parseShowFilter(st, a, USAGE_ADDRESS);
  for (const l of filteredLinks(st.netns, f)) {
    for (const ifa of [...l.addrs].reverse()) {
      if (st.opts.family && ifa.addr.family !== st.opts.family) continue;
      if (l.addrs.includes(ifa)) deleteAddress(l, ifa.addr, ifa.prefixLen);
    }
  }
}

export function addrShow(st: IpState, a: Args): void {
  const f = parseShowFilter(st, a, USAGE_ADDRESS);
  if (st.opts.details) throw ipNotSimulated('ip -details addr', 0);
  if (st.opts.stats) throw ipNotSimulated('ip -stats addr', 0);
  const fam = st.opts.family;
  for (const l of filteredLinks(st.netns, f)) {
    const addrs = shownAddrs(l, fam);
    if (fam && addrs.length === 0) continue;
    if (st.opts.brief) {
      st.out += brief(linkDisplayName(l), operState(l)) + addrs.map((x) => `${formatAddr(x.addr)}/${x.prefixLen} `).join('') + '\n';
      continue;
    }
    if (st.opts.oneline) {
      for (const x of addrs) st.out += `${l.ifindex}: ${l.name}    ${addrLine(x)}\\${LIFETIME}\n`;
      continue;
    }
    // iproute2 6.1 dumps the links of `ip -6 addr` (no device named) without their qdisc and group.
    const head =
      fam === 6 && !f.dev
        ? linkHeader(l, false)
            .replace(/ qdisc \S+/, '')
            .replace(' group default', '')
        : linkHeader(l, false);
    st.out += head + '\n';
    if (!fam) st.out += linkLayerLine(l) + '\n';
    for (const x of addrs) st.out += `    ${addrLine(x)}\n${LIFETIME}\n`;
  }
}

export function doAddr(st: IpState, a: Args): void {
  if (a.done) return addrShow(st, a);
  const w = a.cur;
  const col = a.col;
  a.advance();
  if (matches(w, 'add')) return addrAdd(st, a);
  if (matches(w, 'change') || w === 'chg' || matches(w, 'replace')) throw ipNotSimulated(`ip addr ${w}`, col);
  if (matches(w, 'delete')) return addrDel(st, a);
  if (matches(w, 'list') || matches(w, 'show') || matches(w, 'lst')) return addrShow(st, a);
  if (matches(w, 'flush')) return addrFlush(st, a);
  if (matches(w, 'save') || matches(w, 'showdump') || matches(w, 'restore')) throw ipNotSimulated(`ip addr ${w}`, col);
  if (matches(w, 'help')) throw usage(USAGE_ADDRESS);
  throw unknownCommand(w, 'address');
}
