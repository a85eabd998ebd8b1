/** `ip route`: add, change, replace, append, del, flush, show and get, as iproute2 6.1's iproute.c. */
import { routeLine } from '../../sim/routefmt';
import { type Addr, addrEq, formatAddr, formatRouteDst, maskOf, prefixContains } from '../../net/addr';
import { routeOutput } from '../../sim/fib';
import { addRoute, deleteRoute, findLink, hasCarrier, type RouteSpec } from '../../sim/kernel';
import { type Link, type Route, type RouteProto, type RouteType, type Scope, TABLE_LOCAL, TABLE_MAIN } from '../../sim/model';
import { USAGE_ROUTE } from '../usage';
import {
  Args,
  duparg2,
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
import { getAddr, getPrefix, parseScope } from './addr';
import { autoInet6 } from './format';

/** rtnl_rtntype_a2n(), prefix matching included (so `x` reads as `xresolve`). */
function parseRouteType(text: string): string | undefined {
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
function parseTable(text: string): number | undefined {
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

function parseProto(text: string): string | undefined {
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
}

function parseRouteArgs(st: IpState, a: Args, modify: boolean): RouteReq {
  const req: RouteReq = { onlink: false, family: st.opts.family, typeCol: 0 };
  let dstOk = false;
  const notSim = (what: string) => {
    throw ipNotSimulated(`ip route ... ${what}`, a.col);
  };
  while (!a.done) {
    const w = a.cur;
    if (w === 'src') {
      req.prefsrc = getAddr(a.next(), req.family);
    } else if (w === 'via') {
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
    } else if (matches(w, 'metric') || matches(w, 'priority') || w === 'preference') {
      const v = a.next();
      const n = parseU32(v);
      if (n === undefined) throw invarg('"metric" value is invalid\n', v);
      req.metric = n;
    } else if (w === 'scope') {
      const v = a.next();
      const s = parseScope(v);
      if (s === undefined) throw invarg('invalid "scope" value\n', v);
      if (typeof s === 'number') notSim(`scope ${v}`);
      req.scope = s as Scope;
    } else if (w === 'onlink') {
      req.onlink = true;
    } else if (matches(w, 'protocol')) {
      const v = a.next();
      const p = parseProto(v);
      if (p === undefined) throw invarg('"protocol" value is invalid\n', v);
      req.proto = p;
    } else if (matches(w, 'table')) {
      const v = a.next();
      const t = parseTable(v);
      if (t === undefined) throw invarg('"table" value is invalid\n', v);
      req.table = t;
    } else if (w === 'dev' || w === 'oif') {
      req.dev = a.next();
    } else if (
      [
        'as',
        'from',
        'tos',
        'expires',
        'mtu',
        'hoplimit',
        'advmss',
        'reordering',
        'rtt',
        'rttvar',
        'rto_min',
        'window',
        'cwnd',
        'initcwnd',
        'initrwnd',
        'features',
        'quickack',
        'congctl',
        'ssthresh',
        'realms',
        'encap',
        'nexthop',
        'nhid',
        'fastopen_no_cookie',
      ].includes(w) ||
      matches(w, 'dsfield') ||
      matches(w, 'vrf') ||
      matches(w, 'pref') ||
      matches(w, 'ttl-propagate') ||
      matches(w, 'realm')
    ) {
      notSim(w);
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
      if (req.family === 0) req.family = p.addr.family;
      req.dst = { addr: p.addr, len: p.len };
      dstOk = true;
    }
    a.advance();
  }
  if (!dstOk && modify) throw usage(USAGE_ROUTE);
  return req;
}

const SIMULATED_TYPES = new Set(['unicast', 'local', 'broadcast', 'blackhole', 'unreachable', 'prohibit', 'throw']);
const SIMULATED_PROTOS = new Set(['kernel', 'boot', 'static']);

function routeModify(st: IpState, a: Args, mode: 'add' | 'replace' | 'append' | 'change' | 'del', col: number): void {
  const req = parseRouteArgs(st, a, true);
  if (req.type && !SIMULATED_TYPES.has(req.type)) throw ipNotSimulated(`ip route ... ${req.type}`, req.typeCol);
  if (req.proto && !SIMULATED_PROTOS.has(req.proto)) throw ipNotSimulated(`ip route ... proto ${req.proto}`, col);
  let dev: Link | undefined;
  if (req.dev !== undefined) {
    dev = findLink(st.netns, req.dev);
    if (!dev) throw nodev(req.dev);
  }
  const dst = req.dst!;
  if (req.table === 0 && mode !== 'del') throw ipNotSimulated('ip route ... table 0', col);
  if ((dst.addr.value & ~maskOf(dst.addr.family, dst.len)) !== 0n) {
    throw rtnlError({ errno: 'EINVAL', extack: 'Invalid prefix for given prefix length' });
  }
  const spec: RouteSpec = {
    table: req.table,
    type: req.type as RouteType | undefined,
    dst,
    gateway: req.gateway,
    dev,
    metric: req.metric,
    prefsrc: req.prefsrc,
    scope: req.scope,
    proto: req.proto as RouteProto | undefined,
    onlink: req.onlink || undefined,
  };
  if (mode === 'del') {
    const r = deleteRoute(st.netns, spec);
    if (!r.ok) throw rtnlError(r.err);
    return;
  }
  if (mode === 'change') {
    const table = req.table ?? (req.type === 'local' || req.type === 'broadcast' ? TABLE_LOCAL : TABLE_MAIN);
    const t = st.netns.tables.get(table) ?? [];
    if (!t.some((r) => r.dst.len === dst.len && addrEq(r.dst.addr, dst.addr) && r.metric === (req.metric ?? 0))) {
      throw rtnlError({ errno: 'ENOENT' });
    }
  }
  const r = addRoute(st.netns, spec, mode === 'change' ? 'replace' : mode);
  if (!r.ok) throw rtnlError(r.err);
}

// ---------------------------------------------------------------------------------------------
// Showing routes

interface ShowFilter {
  table?: number; // undefined: main; 0: all
  dev?: Link;
  exact?: { addr: Addr; len: number };
  root?: { addr: Addr; len: number };
  match?: { addr: Addr; len: number };
  proto?: string;
  scope?: Scope;
  type?: string;
  family: 0 | 4 | 6;
}

function parseShow(st: IpState, a: Args): ShowFilter {
  const f: ShowFilter = { family: st.opts.family };
  while (!a.done) {
    const w = a.cur;
    if (matches(w, 'table')) {
      const v = a.next();
      const t = parseTable(v);
      if (t === undefined) throw invarg('table id value is invalid\n', v);
      f.table = t;
    } else if (w === 'cache' || w === 'cloned') {
      throw ipNotSimulated(`ip route show ${w}`, a.col);
    } else if (w === 'dev' || w === 'oif') {
      const v = a.next();
      const l = findLink(st.netns, v);
      if (!l) throw nodev(v);
      f.dev = l;
    } else if (matches(w, 'protocol')) {
      const v = a.next();
      const p = parseProto(v);
      if (p === undefined) throw invarg('invalid "protocol"\n', v);
      f.proto = p;
    } else if (w === 'scope') {
      const v = a.next();
      const s = parseScope(v);
      if (s === undefined || typeof s === 'number') throw invarg('invalid "scope"\n', v);
      f.scope = s;
    } else if (w === 'type') {
      const v = a.next();
      const t = parseRouteType(v);
      if (t === undefined) throw invarg('node type value is invalid\n', v);
      f.type = t;
    } else if (
      ['via', 'src', 'iif', 'mark', 'vrf', 'tos', 'from', 'realm', 'realms', 'nhid', 'expires'].includes(w) ||
      matches(w, 'dsfield')
    ) {
      throw ipNotSimulated(`ip route show ${w}`, a.col);
    } else {
      let v = w;
      if (matches(w, 'to')) v = a.next();
      if (matches(v, 'root')) f.root = getPrefix(a.next(), f.family);
      else if (matches(v, 'match')) f.match = getPrefix(a.next(), f.family);
      else {
        if (matches(v, 'exact')) v = a.next();
        else if (matches(v, 'help')) throw usage(USAGE_ROUTE);
        const p = getPrefix(v, f.family);
        f.exact = { addr: { family: p.addr.family, value: p.addr.value & maskOf(p.addr.family, p.len) }, len: p.len };
      }
    }
    a.advance();
  }
  return f;
}

function routeFlags(r: Route): string {
  let s = '';
  if (r.onlink) s += ' onlink';
  if (r.dev && r.dev.up && !hasCarrier(r.dev) && r.dev.kind !== 'loopback') s += ' linkdown';
  return s;
}

/** One line of `ip route show`, as print_route() writes it (with its trailing space). */
function formatRoute(r: Route, f: ShowFilter, showTable: boolean): string {
  return routeLine(r, { hideDev: !!f.dev, hideProto: !!f.proto, hideScope: !!f.scope, showTable }) + ' \n';
}

function selected(r: Route, f: ShowFilter): boolean {
  if (f.dev && r.dev !== f.dev) return false;
  if (f.proto && r.proto !== f.proto) return false;
  if (f.scope && r.scope !== f.scope) return false;
  if (f.type && r.type !== f.type) return false;
  if (f.exact && !(r.dst.len === f.exact.len && addrEq(r.dst.addr, f.exact.addr))) return false;
  if (f.root && !(r.dst.len >= f.root.len && prefixContains(f.root, r.dst.addr))) return false;
  if (f.match && !(r.dst.len <= f.match.len && prefixContains(r.dst, f.match.addr))) return false;
  return true;
}

/** The IPv6 routes the kernel keeps for its automatic addresses (fe80::/64, ::1), shown by `ip -6 route`. */
function inet6Lines(st: IpState, f: ShowFilter, table: number, showTable: boolean): string {
  let out = '';
  const links = [...st.netns.links.values()].sort((x, y) => x.ifindex - y.ifindex);
  const dev = (l: Link) => (f.dev ? '' : ` dev ${l.name}`);
  const tbl = showTable && table === TABLE_LOCAL ? ' table local' : '';
  for (const r of st.netns.tables.get(table) ?? []) {
    if (r.dst.addr.family !== 6 || !selected(r, f)) continue;
    const kind = r.type === 'unicast' ? '' : `${r.type} `;
    out += `${kind}${formatRouteDst(r.dst)}${r.gateway ? ` via ${formatAddr(r.gateway)}` : ''}${r.dev ? dev(r.dev) : ''}${tbl} proto ${r.proto} metric ${r.type === 'local' ? 0 : r.metric || 1024}${routeFlags(r)} pref medium\n`;
  }
  const locals: { addr: bigint; line: string }[] = [];
  let multicast = '';
  for (const l of links) {
    if (f.dev && l !== f.dev) continue;
    for (const x of autoInet6(l)) {
      if (table === TABLE_MAIN && l.kind !== 'loopback')
        out += `fe80::/64${dev(l)} proto kernel metric 256${routeFlags({ dev: l } as Route)} pref medium\n`;
      if (table === TABLE_LOCAL)
        locals.push({ addr: x.addr.value, line: `local ${formatAddr(x.addr)}${dev(l)}${tbl} proto kernel metric 0 pref medium\n` });
    }
    if (table === TABLE_LOCAL && l.kind !== 'loopback' && autoInet6(l).length)
      multicast += `multicast ff00::/8${dev(l)}${tbl} proto kernel metric 256 pref medium\n`;
  }
  out +=
    locals
      .sort((x, y) => (x.addr < y.addr ? -1 : x.addr > y.addr ? 1 : 0))
      .map((x) => x.line)
      .join('') + multicast;
  return out;
}

function routeShow(st: IpState, a: Args): void {
  const f = parseShow(st, a);
  if (st.opts.details) throw ipNotSimulated('ip -details route', 0);
  const all = f.table === 0;
  const tables = all ? [...st.netns.tables.keys()].sort((x, y) => x - y) : [f.table ?? TABLE_MAIN];
  const v6 = f.family === 6 || (f.family === 0 && all);
  if (f.family !== 6) {
    for (const id of tables) {
      for (const r of st.netns.tables.get(id) ?? []) {
        if (r.dst.addr.family !== 4 || !selected(r, f)) continue;
        st.out += formatRoute(r, f, all);
      }
    }
  }
  if (v6) for (const id of tables) st.out += inet6Lines(st, f, id, all);
}

function routeFlush(st: IpState, a: Args): void {
  if (a.done) throw new IpExit(1, '"ip route flush" requires arguments.\n');
  const f = parseShow(st, a);
  const tables = f.table === 0 ? [...st.netns.tables.keys()] : [f.table ?? TABLE_MAIN];
  for (const id of tables) {
    for (const r of [...(st.netns.tables.get(id) ?? [])]) {
      if (r.dst.addr.family !== (f.family === 6 ? 6 : 4) || !selected(r, f)) continue;
      deleteRoute(st.netns, {
        table: id,
        type: r.type,
        dst: r.dst,
        gateway: r.gateway,
        dev: r.dev,
        metric: r.metric,
        prefsrc: r.prefsrc,
        scope: r.scope,
        proto: r.proto,
      });
    }
  }
}

// ---------------------------------------------------------------------------------------------
// ip route get

function routeGet(st: IpState, a: Args): void {
  let dst: Addr | undefined;
  let from: Addr | undefined;
  let oif: Link | undefined;
  let family = st.opts.family;
  while (!a.done) {
    const w = a.cur;
    if (w === 'from') {
      from = getPrefix(a.next(), family).addr;
    } else if (w === 'oif' || w === 'dev') {
      const v = a.next();
      oif = findLink(st.netns, v);
      if (!oif) throw nodev(v);
    } else if (
      ['iif', 'tos', 'mark', 'vrf', 'uid', 'ipproto', 'sport', 'dport', 'connected', 'fibmatch', 'as', 'to'].includes(w) ||
      matches(w, 'dsfield')
    ) {
      if (w === 'to') {
        const p = getPrefix(a.next(), family);
        dst = p.addr;
        family = p.addr.family;
      } else throw ipNotSimulated(`ip route get ... ${w}`, a.col);
    } else {
      if (matches(w, 'help')) throw usage(USAGE_ROUTE);
      const p = getPrefix(w, family);
      dst = p.addr;
      family = p.addr.family;
    }
    a.advance();
  }
  if (!dst) throw new IpExit(1, 'need at least a destination address\n');
  if (from && ![...st.netns.links.values()].some((l) => l.addrs.some((x) => addrEq(x.addr, from)))) {
    throw rtnlError({ errno: 'ENETUNREACH' });
  }
  const r = routeOutput(st.netns, dst, { src: from, oif });
  if (!r.ok) throw rtnlError(r.err);
  const o = r.value;
  const p: string[] = [];
  if (o.type !== 'unicast') p.push(o.type);
  p.push(formatAddr(o.dst));
  if (from) p.push('from', formatAddr(from));
  // A gateway that is one of our own addresses makes a host-scope nexthop: no gateway on the route.
  const gw = o.gateway;
  const localGw = gw && [...st.netns.links.values()].some((l) => l.addrs.some((x) => addrEq(x.addr, gw)));
  if (gw && !localGw) p.push('via', formatAddr(gw));
  p.push('dev', o.dev.name);
  if (!from && o.src) p.push('src', formatAddr(o.src));
  p.push('uid', '0');
  const flags = o.type === 'local' ? '<local> ' : o.type === 'broadcast' ? '<local,brd> ' : '';
  st.out += `${p.join(' ')} \n    cache ${flags}\n`;
}

export function doRoute(st: IpState, a: Args): void {
  if (a.done) return routeShow(st, a);
  const w = a.cur;
  const col = a.col;
  a.advance();
  if (matches(w, 'add')) return routeModify(st, a, 'add', col);
  if (matches(w, 'change') || w === 'chg') return routeModify(st, a, 'change', col);
  if (matches(w, 'replace')) return routeModify(st, a, 'replace', col);
  if (matches(w, 'prepend')) return routeModify(st, a, 'append', col);
  if (matches(w, 'append')) return routeModify(st, a, 'append', col);
  if (matches(w, 'test')) throw ipNotSimulated('ip route test', col);
  if (matches(w, 'delete')) return routeModify(st, a, 'del', col);
  if (matches(w, 'list') || matches(w, 'show') || matches(w, 'lst')) return routeShow(st, a);
  if (matches(w, 'get')) return routeGet(st, a);
  if (matches(w, 'flush')) return routeFlush(st, a);
  if (matches(w, 'save') || matches(w, 'restore') || matches(w, 'showdump')) throw ipNotSimulated(`ip route ${w}`, col);
  if (matches(w, 'help')) throw usage(USAGE_ROUTE);
  throw unknownCommand(w, 'route');
}
