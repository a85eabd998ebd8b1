/**
 * `ip route`'s arguments, as iproute2 6.1's iproute.c parses them: route types, tables and protocols
 * by name, and the request of add, change, replace, append and del.
 */
import { type Addr } from '../../net/addr';
import { type Scope } from '../../sim/model';
import type { NotSimulated } from '../types';
import { USAGE_ROUTE } from '../usage';
import { Args, duparg2, invarg, type IpState, ipNotSimulated, matches, parseU32, usage } from './common';
import { getAddr, getPrefix, parseScope } from './addr';

/** rtnl_rtntype_a2n(), prefix matching included (so `x` reads as `xresolve`). */
export function parseRouteType(text: string): string | undefined {
  if (text === 'local' || text === 'nat') return text;
  if (matches(text, 'broadcast') || text === 'brd') return 'broadcast';
  for (const t of ['anycast', 'multicast', 'prohibit', 'unreachable', 'blackhole', 'xresolve', 'unicast']) if (matches(text, t)) return t;
  if (text === 'throw') return 'throw';
  const n = parseU32(text);
  if (n !== undefined && n <= 255)
    return (
      [
        'unspec',
        'unicast',
        'local',
        'broadcast',
        'anycast',
        'multicast',
        'blackhole',
        'unreachable',
        'prohibit',
        'throw',
        'nat',
        'xresolve',
      ][n] ?? String(n)
    );
  return undefined;
}

const TABLE_NAMES: Record<string, number> = { local: 255, main: 254, default: 253, unspec: 0, all: 0 };

/** rtnl_rttable_a2n(). */
export function parseTable(text: string): number | undefined {
  if (text in TABLE_NAMES) return TABLE_NAMES[text];
  return parseU32(text);
}

const PROTO_NAMES: Record<string, number> = {
  unspec: 0,
  redirect: 1,
  kernel: 2,
  boot: 3,
  static: 4,
  gated: 8,
  ra: 9,
  mrt: 10,
  zebra: 11,
  bird: 12,
  dnrouted: 13,
  xorp: 14,
  ntk: 15,
  dhcp: 16,
  keepalived: 18,
  babel: 42,
  openr: 99,
  bgp: 186,
  isis: 187,
  ospf: 188,
  rip: 189,
  eigrp: 192,
};

export function parseProto(text: string): string | undefined {
  if (text in PROTO_NAMES) return text;
  const n = parseU32(text);
  if (n === undefined || n > 255) return undefined;
  return Object.keys(PROTO_NAMES).find((k) => PROTO_NAMES[k] === n) ?? String(n);
}

interface RouteReq {
  type?: string;
  typeCol: number;
  dst?: { addr: Addr; len: number };
  gateway?: Addr;
  dev?: string;
  metric?: number;
  prefsrc?: Addr;
  scope?: Scope;
  proto?: string;
  table?: number;
  onlink: boolean;
  family: 0 | 4 | 6;
  /** The first option given that the simulator does not model, reported once the line is otherwise valid. */
  notSimulated?: NotSimulated;
}

/**
 * iproute_modify()'s keywords in its order, each read exactly (strcmp) or as a prefix (matches()):
 * `m` is metric, `t` table, `d` dsfield, `c` cwnd, `w` window. Anything else is the destination.
 */
const MODIFY_KEYWORDS: readonly (readonly [string, 'exact' | 'prefix'])[] = [
  ['src', 'exact'],
  ['as', 'exact'],
  ['via', 'exact'],
  ['from', 'exact'],
  ['tos', 'exact'],
  ['dsfield', 'prefix'],
  ['expires', 'exact'],
  ['metric', 'prefix'],
  ['priority', 'prefix'],
  ['preference', 'exact'],
  ['scope', 'exact'],
  ['mtu', 'exact'],
  ['hoplimit', 'exact'],
  ['advmss', 'exact'],
  ['reordering', 'prefix'],
  ['rtt', 'exact'],
  ['rto_min', 'exact'],
  ['window', 'prefix'],
  ['cwnd', 'prefix'],
  ['initcwnd', 'prefix'],
  ['initrwnd', 'prefix'],
  ['features', 'prefix'],
  ['quickack', 'prefix'],
  ['congctl', 'prefix'],
  ['rttvar', 'prefix'],
  ['ssthresh', 'prefix'],
  ['realms', 'prefix'],
  ['onlink', 'exact'],
  ['nexthop', 'exact'],
  ['nhid', 'exact'],
  ['protocol', 'prefix'],
  ['table', 'prefix'],
  ['vrf', 'prefix'],
  ['dev', 'exact'],
  ['oif', 'exact'],
  ['pref', 'prefix'],
  ['encap', 'exact'],
  ['ttl-propagate', 'exact'],
  ['fastopen_no_cookie', 'prefix'],
];

/** The keyword `w` is in a keyword chain of iproute2, or undefined. */
export function keywordOf(w: string, chain: readonly (readonly [string, 'exact' | 'prefix'])[]): string | undefined {
  for (const [k, how] of chain) if (how === 'exact' ? w === k : matches(w, k)) return k;
  return undefined;
}

/** Route metrics iproute2 reads as a number, optionally after `lock`, with the name its error uses. */
const METRICS: Record<string, string> = {
  mtu: 'mtu',
  hoplimit: 'hoplimit',
  advmss: 'mss',
  reordering: 'reordering',
  window: 'window',
  cwnd: 'cwnd',
  initcwnd: 'initcwnd',
  initrwnd: 'initrwnd',
  ssthresh: 'ssthresh',
};

export function parseRouteArgs(st: IpState, a: Args, modify: boolean): RouteReq {
  const req: RouteReq = { onlink: false, family: st.opts.family, typeCol: 0 };
  let dstOk = false;
  const notSim = (what: string, col = a.col) => {
    req.notSimulated ??= { command: `ip route ... ${what}`, column: col };
  };
  while (!a.done) {
    const w = a.cur;
    const col = a.col;
    const k = keywordOf(w, MODIFY_KEYWORDS);
    if (k === 'src') {
      req.prefsrc = getAddr(a.next(), req.family);
    } else if (k === 'via') {
      let v = a.next();
      if (['inet', 'inet6', 'mpls', 'bridge', 'link'].includes(v)) {
        if (v !== 'inet' && v !== 'inet6') notSim(`via ${v}`);
        const fam = v === 'inet' ? 4 : 6;
        v = a.next();
        req.gateway = getAddr(v, fam);
      } else {
        req.gateway = getAddr(v, req.family);
      }
      if (req.family === 0) req.family = req.gateway.family;
    } else if (k === 'metric' || k === 'priority' || k === 'preference') {
      const v = a.next();
      const n = parseU32(v);
      if (n === undefined) throw invarg('"metric" value is invalid\n', v);
      req.metric = n;
    } else if (k === 'scope') {
      const v = a.next();
      const s = parseScope(v);
      if (s === undefined) throw invarg('invalid "scope" value\n', v);
      if (typeof s === 'number') notSim(`scope ${v}`);
      req.scope = s as Scope;
    } else if (k === 'onlink') {
      req.onlink = true;
    } else if (k === 'protocol') {
      const v = a.next();
      const p = parseProto(v);
      if (p === undefined) throw invarg('"protocol" value is invalid\n', v);
      req.proto = p;
    } else if (k === 'table') {
      const v = a.next();
      const t = parseTable(v);
      if (t === undefined) throw invarg('"table" value is invalid\n', v);
      req.table = t;
    } else if (k === 'dev' || k === 'oif') {
      req.dev = a.next();
    } else if (k !== undefined && k in METRICS) {
      let v = a.next();
      if (v === 'lock') v = a.next();
      if (parseU32(v) === undefined) throw invarg(`"${METRICS[k]}" value is invalid\n`, v);
      notSim(k, col);
    } else if (k === 'vrf') {
      // No device of the simulated world is a VRF.
      throw invarg('Invalid VRF\n', a.next());
    } else if (k === 'pref') {
      const v = a.next();
      if (!['low', 'medium', 'high'].includes(v)) throw invarg('"pref" value is invalid\n', v);
      notSim(k, col);
    } else if (k === 'nexthop' || k === 'encap') {
      throw ipNotSimulated(`ip route ... ${k}`, col);
    } else if (k === 'as') {
      if (a.next() === 'to') a.next();
      notSim(k, col);
    } else if (k !== undefined) {
      // A keyword with a value the simulator does not read: tos, dsfield, expires, rtt, realms, ...
      a.next();
      notSim(k, col);
    } else {
      let v = w;
      if (w === 'to') v = a.next();
      if ((v[0]! < '0' || v[0]! > '9') && parseRouteType(v) !== undefined) {
        req.type = parseRouteType(v);
        req.typeCol = a.col;
        v = a.next();
      }
      if (matches(v, 'help')) throw usage(USAGE_ROUTE);
      if (dstOk) throw duparg2('to', v);
      const p = getPrefix(v, req.family);
      // `default` with no family yet stays AF_UNSPEC: a later `via` decides it (iproute2's get_prefix).
      if (req.family === 0 && !(p.len === 0 && (v === 'default' || v === 'any' || v === 'all'))) req.family = p.addr.family;
      req.dst = { addr: p.addr, len: p.len };
      dstOk = true;
    }
    a.advance();
  }
  if (!dstOk && modify) throw usage(USAGE_ROUTE);
  if (req.dst && req.dst.addr.family !== req.family && req.family !== 0 && req.dst.len === 0) {
    req.dst = { addr: { family: req.family, value: 0n }, len: 0 };
  }
  return req;
}
