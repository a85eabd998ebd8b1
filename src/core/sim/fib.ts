/**
 * Route lookup as the kernel's FIB does it: the local and main tables searched together, longest
 * prefix first, then the lowest metric; routes filtered by scope and output device. Then source
 * address selection (inet_select_addr) and the output route of a locally sent packet.
 */
import { type Addr, BITS, maskOf, type Prefix } from '../net/addr';
import { type Errno, fail, type KResult, ok } from './errors';
import { selectSource6 } from './inet6';
import { type Link, type Netns, type Route, SCOPE_VALUE, TABLE_LOCAL, TABLE_MAIN } from './model';

interface TableIndex {
  /** Prefix lengths present, longest first. */
  readonly lens: number[];
  readonly byLen: Map<number, Map<bigint, Route[]>>;
}

interface FibIndex {
  readonly local: Record<4 | 6, TableIndex>;
  readonly main: Record<4 | 6, TableIndex>;
}

function buildTableIndex(routes: readonly Route[], family: 4 | 6): TableIndex {
  const byLen = new Map<number, Map<bigint, Route[]>>();
  for (const r of routes) {
    if (r.dst.addr.family !== family) continue;
    let m = byLen.get(r.dst.len);
    if (!m) byLen.set(r.dst.len, (m = new Map()));
    const list = m.get(r.dst.addr.value);
    if (list) list.push(r);
    else m.set(r.dst.addr.value, [r]);
  }
  return { lens: [...byLen.keys()].sort((a, b) => b - a), byLen };
}

function index(ns: Netns): FibIndex {
  let idx = ns.fibIndex as FibIndex | undefined;
  if (!idx) {
    const local = ns.tables.get(TABLE_LOCAL) ?? [];
    const main = ns.tables.get(TABLE_MAIN) ?? [];
    idx = {
      local: { 4: buildTableIndex(local, 4), 6: buildTableIndex(local, 6) },
      main: { 4: buildTableIndex(main, 4), 6: buildTableIndex(main, 6) },
    };
    ns.fibIndex = idx;
  }
  return idx;
}

/**
 * Adds a route to a built index in place (keeping the alias order of the table: metric, then
 * insertion). Returns false when there is no index to update.
 */
export function fibIndexInsert(ns: Netns, r: Route): boolean {
  const idx = ns.fibIndex as FibIndex | undefined;
  if (!idx) return true;
  const tbl = r.table === TABLE_LOCAL ? idx.local : r.table === TABLE_MAIN ? idx.main : undefined;
  if (!tbl) return true;
  const ti = tbl[r.dst.addr.family];
  let m = ti.byLen.get(r.dst.len);
  if (!m) {
    ti.byLen.set(r.dst.len, (m = new Map()));
    ti.lens.push(r.dst.len);
    ti.lens.sort((a, b) => b - a);
  }
  const list = m.get(r.dst.addr.value);
  if (!list) m.set(r.dst.addr.value, [r]);
  else {
    let i = 0;
    while (i < list.length && list[i]!.metric <= r.metric) i++;
    list.splice(i, 0, r);
  }
  return true;
}

/** The routes of a table with exactly this prefix, from the index (undefined for other tables). */
export function routesWithPrefix(ns: Netns, table: number, dst: Prefix): readonly Route[] | undefined {
  if (table !== TABLE_LOCAL && table !== TABLE_MAIN) return undefined;
  const idx = index(ns);
  const ti = (table === TABLE_LOCAL ? idx.local : idx.main)[dst.addr.family];
  return ti.byLen.get(dst.len)?.get(dst.addr.value) ?? [];
}

export interface LookupOptions {
  /** Only routes whose scope value is at least this (RT_SCOPE_UNIVERSE = 0 lets every route match). */
  readonly minScope?: number;
  /** Only routes through this device. */
  readonly oif?: Link;
  readonly ignoreLinkState?: boolean;
}

function pickAlias(list: Route[] | undefined, opts: LookupOptions): Route | undefined {
  if (!list) return undefined;
  const minScope = opts.minScope ?? 0;
  for (const r of list) {
    if (SCOPE_VALUE[r.scope] < minScope) continue;
    if (opts.oif && r.dev && r.dev !== opts.oif) continue;
    if (opts.oif && !r.dev && (r.type === 'unicast' || r.type === 'local')) continue;
    return r;
  }
  return undefined;
}

/** The route the kernel picks for `dst`, or undefined when no route matches. */
export function fibTableLookup(ns: Netns, dst: Addr, opts: LookupOptions = {}): Route | undefined {
  const idx = index(ns);
  const fam = dst.family;
  const local = idx.local[fam];
  const main = idx.main[fam];
  // Walk both tables' prefix lengths together, longest first.
  let i = 0;
  let j = 0;
  while (i < local.lens.length || j < main.lens.length) {
    const li = local.lens[i] ?? -1;
    const mj = main.lens[j] ?? -1;
    const len = Math.max(li, mj);
    const key = dst.value & maskOf(fam, len);
    if (li === len) {
      const r = pickAlias(local.byLen.get(len)!.get(key), opts);
      if (r) return r;
      i++;
    }
    if (mj === len) {
      const r = pickAlias(main.byLen.get(len)!.get(key), opts);
      if (r) return r;
      j++;
    }
  }
  return undefined;
}

/** Links of a namespace in ifindex order (the kernel's dev_base order; lo is first). */
function linksInOrder(ns: Netns): Link[] {
  return [...ns.links.values()].sort((a, b) => a.ifindex - b.ifindex);
}

function inSubnet(a: Addr, base: Addr, len: number): boolean {
  return a.family === base.family && (a.value & maskOf(a.family, len)) === (base.value & maskOf(a.family, len));
}

/** inet_select_addr: a primary address of `dev` of suitable scope, on `dst`'s subnet if one is. */
function selectSourceAddr(dev: Link, dst: Addr | undefined, scope: number, family: 4 | 6 = 4): Addr | undefined {
  let addr: Addr | undefined;
  for (const ifa of dev.addrs) {
    if (ifa.secondary || ifa.addr.family !== family) continue;
    if (Math.min(SCOPE_VALUE[ifa.scope], SCOPE_VALUE.link) > scope) continue;
    if (!dst || inSubnet(dst, ifa.addr, ifa.prefixLen)) return ifa.addr;
    if (!addr) addr = ifa.addr;
  }
  if (addr) return addr;
  // Not on that device: the first suitable address of any device, loopback first.
  for (const l of linksInOrder(dev.netns)) {
    for (const ifa of l.addrs) {
      if (ifa.secondary || ifa.addr.family !== family) continue;
      if (ifa.scope !== 'link' && SCOPE_VALUE[ifa.scope] <= scope) return ifa.addr;
    }
  }
  return undefined;
}

/** fib_result_prefsrc: the route's src, else inet_select_addr on its device within the route's scope. */
function routeSource(r: Route, dst: Addr): Addr | undefined {
  if (r.type === 'local') return r.prefsrc ?? dst;
  if (r.prefsrc) return r.prefsrc;
  if (dst.family === 6) return r.dev ? selectSource6(r.dev.netns, r.dev, dst) : undefined;
  return r.dev ? selectSourceAddr(r.dev, r.gateway, SCOPE_VALUE[r.scope], dst.family) : undefined;
}

export interface OutputRoute {
  readonly route: Route;
  readonly type: 'unicast' | 'local' | 'broadcast';
  readonly dst: Addr;
  /** The device the packet leaves by (lo for a local destination). */
  readonly dev: Link;
  /** The next hop: the gateway, or the destination itself. */
  readonly nexthop: Addr;
  readonly gateway?: Addr;
  readonly src?: Addr;
  /**
   * Where the packet really goes when that is not `dst`: a packet to 0.0.0.0 goes to the source
   * address, else to 127.0.0.1 (ip_route_output_key_hash_rcu: "apparently, routing tricks").
   */
  readonly sendTo?: Addr;
}

const LOOPBACK_ADDR: Addr = { family: 4, value: 0x7f000001n };

const ERROR_OF: Partial<Record<Route['type'], Errno>> = {
  blackhole: 'EINVAL',
  unreachable: 'EHOSTUNREACH',
  prohibit: 'EACCES',
  throw: 'EAGAIN' as Errno,
};

/** ip_route_output: the route of a packet this namespace sends, as `ip route get` shows it. */
export function routeOutput(ns: Netns, dst: Addr, opts: { src?: Addr; oif?: Link } = {}): KResult<OutputRoute> & { route?: Route } {
  if (opts.oif && !opts.oif.up) return fail('ENETUNREACH');
  if (dst.family === 4 && dst.value === 0n && !opts.oif) {
    // A destination of 0.0.0.0 is this host: the source address if one is given, else 127.0.0.1, through lo.
    const lo = [...ns.links.values()].find((l) => l.kind === 'loopback')!;
    const to = opts.src ?? LOOPBACK_ADDR;
    const route: Route = {
      table: TABLE_LOCAL,
      type: 'local',
      dst: { addr: dst, len: 32 },
      dev: lo,
      metric: 0,
      scope: 'host',
      proto: 'kernel',
    };
    return ok({ route, type: 'local', dst, dev: lo, nexthop: to, src: to, sendTo: to });
  }
  const r = fibTableLookup(ns, dst, { oif: opts.oif });
  if (!r && opts.oif) {
    // ip_route_output_key_hash_rcu: no route through the given device, so the destination is taken to be on its link.
    const dev = opts.oif;
    const route: Route = {
      table: TABLE_MAIN,
      type: 'unicast',
      dst: { addr: dst, len: BITS[dst.family] },
      dev,
      metric: 0,
      scope: 'link',
      proto: 'boot',
    };
    return ok({
      route,
      type: 'unicast',
      dst,
      dev,
      nexthop: dst,
      src: opts.src ?? (dst.family === 6 ? selectSource6(ns, dev, dst) : selectSourceAddr(dev, undefined, SCOPE_VALUE.link, dst.family)),
    });
  }
  if (!r) return fail('ENETUNREACH');
  const errno = ERROR_OF[r.type];
  if (errno) return { ...fail(errno === ('EAGAIN' as Errno) ? 'ENETUNREACH' : errno), route: r };
  if (r.type === 'local' || r.type === 'anycast') {
    const lo = [...ns.links.values()].find((l) => l.kind === 'loopback')!;
    return ok({ route: r, type: 'local', dst, dev: lo, nexthop: dst, src: opts.src ?? r.prefsrc ?? dst });
  }
  const dev = r.dev!;
  const src = opts.src ?? routeSource(r, dst);
  const gateway = effectiveGateway(r);
  return ok({ route: r, type: r.type === 'broadcast' ? 'broadcast' : 'unicast', dst, dev, nexthop: gateway ?? dst, gateway, src });
}

/** The gateway packets really go to: none when the route's gateway is a local address. */
export function effectiveGateway(r: Route): Addr | undefined {
  return r.gatewayIsLocal ? undefined : r.gateway;
}

export function hostBits(a: Addr): number {
  return BITS[a.family];
}
