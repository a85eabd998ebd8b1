/** `ip route show` and `ip route flush` (iproute2 6.1's iproute.c): the filter they share, print_route()'s lines. */
import { routeLine } from '../../sim/routefmt';
import { type Addr, addrEq, maskOf, prefixContains } from '../../net/addr';
import { deleteRoute, findLink } from '../../sim/kernel';
import { type Link, type Route, type Scope, TABLE_MAIN } from '../../sim/model';
import { USAGE_ROUTE } from '../usage';
import { Args, invarg, IpExit, type IpState, ipNotSimulated, matches, nodev, usage } from './common';
import { getPrefix, parseScope } from './addr';
import { parseProto, parseRouteType, parseTable } from './route-args';

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

export function routeShow(st: IpState, a: Args): void {
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
  if (v6) {
    for (const id of tables) {
      for (const r of st.netns.tables.get(id) ?? []) {
        if (r.dst.addr.family !== 6 || !selected(r, f)) continue;
        st.out += routeLine(r, { hideDev: !!f.dev, hideProto: !!f.proto, showTable: all }) + '\n';
      }
    }
  }
}

export function routeFlush(st: IpState, a: Args): void {
  if (a.done) throw new IpExit(1, '"ip route flush" requires arguments.\n');
  const f = parseShow(st, a);
  const tables = f.table === 0 ? [...st.netns.tables.keys()] : [f.table ?? TABLE_MAIN];
  for (const id of tables) {
    for (const r of [...(st.netns.tables.get(id) ?? [])]) {
      if (r.dst.addr.family !== (f.family === 6 ? 6 : 4) || !selected(r, f)) continue;
      deleteRoute(
        st.netns,
        {
          table: id,
          type: r.type,
          dst: r.dst,
          gateway: r.gateway,
          dev: r.dev,
          metric: r.metric,
          prefsrc: r.prefsrc,
          scope: r.scope,
          proto: r.proto,
        },
        'route-flush',
      );
    }
  }
}
