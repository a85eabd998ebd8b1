/**
 * `ip route`: add, change, replace, append, del, flush, show and get, as iproute2 6.1's iproute.c.
 * The arguments are parsed in route-args.ts; show and flush live in route-show.ts.
 */
import { type Addr, addrEq, formatAddr, maskOf } from '../../net/addr';
import { type OutputRoute, routeOutput } from '../../sim/fib';
import { tableName } from '../../sim/routefmt';
import { addRoute, deleteRoute, findLink, type RouteSpec } from '../../sim/kernel';
import { type Link, type RouteProto, type RouteType, TABLE_LOCAL, TABLE_MAIN } from '../../sim/model';
import { USAGE_ROUTE } from '../usage';
import { Args, invarg, IpExit, type IpState, ipNotSimulated, matches, nodev, rtnlError, unknownCommand, usage } from './common';
import { getPrefix } from './addr';
import { keywordOf, parseRouteArgs } from './route-args';
import type { NotSimulated } from '../types';
import { routeFlush, routeShow } from './route-show';

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
  if (req.notSimulated) throw new IpExit(1, `knetlab: ${req.notSimulated.command} is not simulated\n`, req.notSimulated);
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
    const metric = req.metric ?? (dst.addr.family === 6 ? 1024 : 0);
    if (!t.some((r) => r.dst.len === dst.len && addrEq(r.dst.addr, dst.addr) && r.metric === metric)) {
      throw rtnlError({ errno: 'ENOENT' });
    }
  }
  const r = addRoute(st.netns, spec, mode === 'change' ? 'replace' : mode);
  if (!r.ok) throw rtnlError(r.err);
}

// ---------------------------------------------------------------------------------------------
// ip route get

/** iproute_get()'s keywords in its order (`d` is dsfield, `f` from, `i` iif, `m` mark, `o` oif). */
const GET_KEYWORDS: readonly (readonly [string, 'exact' | 'prefix'])[] = [
  ['tos', 'exact'],
  ['dsfield', 'prefix'],
  ['from', 'prefix'],
  ['iif', 'prefix'],
  ['mark', 'prefix'],
  ['oif', 'prefix'],
  ['dev', 'exact'],
  ['notify', 'prefix'],
  ['connected', 'prefix'],
  ['vrf', 'prefix'],
  ['uid', 'prefix'],
  ['fibmatch', 'prefix'],
  ['as', 'exact'],
  ['sport', 'prefix'],
  ['dport', 'prefix'],
  ['ipproto', 'prefix'],
];

function routeGet(st: IpState, a: Args): void {
  let dst: Addr | undefined;
  let from: Addr | undefined;
  let oif: Link | undefined;
  let family = st.opts.family;
  let notSim: NotSimulated | undefined;
  while (!a.done) {
    const w = a.cur;
    const k = keywordOf(w, GET_KEYWORDS);
    if (k === 'from') {
      const v = a.next();
      if (matches(v, 'help')) throw usage(USAGE_ROUTE);
      from = getPrefix(v, family).addr;
    } else if (k === 'oif' || k === 'dev') {
      const v = a.next();
      oif = findLink(st.netns, v);
      if (!oif) throw nodev(v);
    } else if (k === 'vrf') {
      throw invarg('Invalid VRF\n', a.next());
    } else if (k !== undefined) {
      const col = a.col;
      if (k === 'as') {
        if (a.next() === 'to') a.next();
      } else if (k !== 'notify' && k !== 'connected' && k !== 'fibmatch') a.next();
      notSim ??= { command: `ip route get ... ${k}`, column: col };
    } else {
      let v = w;
      if (w === 'to') v = a.next();
      if (matches(v, 'help')) throw usage(USAGE_ROUTE);
      const p = getPrefix(v, family);
      dst = p.addr;
      family = p.addr.family;
    }
    a.advance();
  }
  if (notSim && dst) throw new IpExit(1, `knetlab: ${notSim.command} is not simulated\n`, notSim);
  if (!dst) throw new IpExit(1, 'need at least a destination address\n');
  if (from && ![...st.netns.links.values()].some((l) => l.addrs.some((x) => addrEq(x.addr, from)))) {
    throw rtnlError({ errno: 'ENETUNREACH' });
  }
  const r = routeOutput(st.netns, dst, { src: from, oif });
  if (!r.ok) throw rtnlError(r.err);
  const o = r.value;
  if (dst.family === 6) {
    st.out += routeGet6(o, from);
    return;
  }
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

/** `ip -6 route get`: the route's own fields (rt6_fill_node), `from ::` when no source was asked for. */
function routeGet6(o: OutputRoute, from: Addr | undefined): string {
  const r = o.route;
  const p: string[] = [];
  if (o.type === 'local' || r.type === 'anycast') p.push(r.type === 'anycast' ? 'anycast' : 'local');
  p.push(formatAddr(o.dst), 'from', from ? formatAddr(from) : '::');
  if (o.gateway) p.push('via', formatAddr(o.gateway));
  p.push('dev', o.dev.name);
  if (r.table !== TABLE_MAIN) p.push('table', tableName(r.table));
  if (r.proto !== 'boot') p.push('proto', r.proto);
  if (o.src) p.push('src', formatAddr(o.src));
  p.push('metric', String(r.metric), 'pref', 'medium');
  return p.join(' ') + '\n';
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
