/**
 * Routes as `ip route add/replace/append/del` make them: validated as fib_create_info does (the
 * gateway reachable, the device up), kept in `ip route show` order, with the FIB index updated or
 * dropped. Part of the kernel API (kernel.ts).
 */
import { type Addr, addrEq, maskOf, type Prefix } from '../net/addr';
import { fail, type KResult, ok } from './errors';
import {
  type Link,
  type Netns,
  type RemovalCause,
  type Route,
  type RouteProto,
  type RouteType,
  SCOPE_VALUE,
  type Scope,
  type SourceRef,
  TABLE_LOCAL,
  TABLE_MAIN,
} from './model';
import { fibIndexInsert, fibTableLookup, routesWithPrefix } from './fib';
import { isLinkLocal6 } from './inet6';
import { recordRoutes } from './history';

/** Routes are kept in `ip route show` order: by destination, longer prefix first, then metric. */
function compareRoutes(a: Route, b: Route): number {
  if (a.dst.addr.family !== b.dst.addr.family) return a.dst.addr.family - b.dst.addr.family;
  if (a.dst.addr.family === 6 && a.dst.len !== b.dst.len) {
    // fib6's tree walk: a prefix comes after the longer prefixes it contains (the default route last).
    const len = Math.min(a.dst.len, b.dst.len);
    const ma = a.dst.addr.value & maskOf(6, len);
    const mb = b.dst.addr.value & maskOf(6, len);
    if (ma === mb) return b.dst.len - a.dst.len;
    return ma < mb ? -1 : 1;
  }
  const ka = a.dst.addr.value;
  const kb = b.dst.addr.value;
  if (ka !== kb) return ka < kb ? -1 : 1;
  if (a.dst.len !== b.dst.len) return b.dst.len - a.dst.len;
  return a.metric - b.metric;
}

export function insertRoute(ns: Netns, r: Route, atFront = false): void {
  if (!r.origin && r.proto !== 'kernel' && ns.host.runOrigin) r.origin = ns.host.runOrigin;
  let t = ns.tables.get(r.table);
  if (!t) ns.tables.set(r.table, (t = []));
  // Binary search for the first route that sorts after r (or, atFront, not before it).
  let lo = 0;
  let hi = t.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const c = compareRoutes(t[mid]!, r);
    if (c < 0 || (!atFront && c === 0)) lo = mid + 1;
    else hi = mid;
  }
  t.splice(lo, 0, r);
  if (!fibIndexInsert(ns, r)) invalidate(ns);
}

/** Drops the namespace's FIB index: the next lookup rebuilds it. */
export function invalidate(ns: Netns): void {
  ns.fibIndex = undefined;
}

/** Removes the routes through a link (keeping its local routes unless `includeLocal`), recorded with their cause. */
export function flushLinkRoutes(ns: Netns, link: Link, includeLocal: boolean, cause: RemovalCause = 'link-down'): void {
  const gone: Route[] = [];
  for (const [id, t] of ns.tables) {
    ns.tables.set(
      id,
      t.filter((r) => {
        const keep = r.dev !== link || (!includeLocal && r.type === 'local' && r.scope === 'host' && r.proto === 'kernel');
        if (!keep) gone.push(r);
        return keep;
      }),
    );
  }
  recordRoutes(ns, gone, cause);
  invalidate(ns);
}

export interface RouteSpec {
  readonly table?: number;
  readonly type?: RouteType;
  readonly dst: Prefix;
  readonly gateway?: Addr;
  readonly dev?: Link;
  readonly metric?: number;
  readonly prefsrc?: Addr;
  readonly scope?: Scope;
  readonly proto?: RouteProto;
  readonly onlink?: boolean;
  readonly origin?: SourceRef;
}

function isLocalAddress(ns: Netns, a: Addr): boolean {
  for (const link of ns.links.values()) for (const ifa of link.addrs) if (addrEq(ifa.addr, a)) return true;
  return false;
}

/** Validates a new route as fib_create_info does and fills in its device. */
function resolveRoute(ns: Netns, spec: RouteSpec): KResult<Route> {
  const type = spec.type ?? 'unicast';
  const table = spec.table ?? (type === 'local' || type === 'broadcast' ? TABLE_LOCAL : TABLE_MAIN);
  const scope: Scope =
    spec.scope ?? (type === 'local' ? 'host' : type === 'broadcast' ? 'link' : type === 'unicast' && !spec.gateway ? 'link' : 'global');
  let dev = spec.dev;
  let gatewayIsLocal = false;
  if (spec.prefsrc && !isLocalAddress(ns, spec.prefsrc)) return fail('EINVAL', 'Invalid prefsrc address');
  const v6 = spec.dst.addr.family === 6;
  if (type === 'blackhole' || type === 'unreachable' || type === 'prohibit' || type === 'throw') {
    if (spec.gateway || dev)
      return fail('EINVAL', 'Gateway or device supplied for ' + (type === 'blackhole' ? 'blackhole' : type) + ' route');
    return ok({
      table,
      type,
      dst: spec.dst,
      // IPv6 keeps a reject route on lo (ip6_route_info_create), and user routes default to metric 1024.
      ...(v6 ? { dev: [...ns.links.values()].find((l) => l.kind === 'loopback') } : {}),
      metric: spec.metric ?? (v6 ? 1024 : 0),
      scope,
      proto: spec.proto ?? 'boot',
      prefsrc: spec.prefsrc,
      origin: spec.origin ?? ns.host.runOrigin,
    });
  }
  if (spec.gateway) {
    if (spec.onlink) {
      if (!dev) return fail('EINVAL', 'Nexthop device required for onlink');
      if (!dev.up) return fail('ENETDOWN', 'Nexthop device is not up');
    } else {
      const lookupScope = Math.max(SCOPE_VALUE[scope] + 1, SCOPE_VALUE.link);
      if (v6) {
        const r6 = resolveGateway6(ns, spec.gateway, dev);
        if (!r6.ok) return r6;
        dev = r6.value;
        return ok({
          table,
          type,
          dst: spec.dst,
          gateway: spec.gateway,
          dev,
          metric: spec.metric ?? 1024,
          prefsrc: spec.prefsrc,
          scope,
          proto: spec.proto ?? 'boot',
          origin: spec.origin ?? ns.host.runOrigin,
        });
      }
      const res = fibTableLookup(ns, spec.gateway, { minScope: lookupScope, oif: dev, ignoreLinkState: true });
      if (!res || (res.type !== 'unicast' && res.type !== 'local')) return fail('EINVAL', 'Nexthop has invalid gateway');
      const rdev = res.dev;
      if (!rdev) return fail('EINVAL', 'No egress device for nexthop gateway');
      if (dev && rdev !== dev) return fail('EINVAL', 'Nexthop has invalid gateway');
      dev = rdev;
      gatewayIsLocal = res.type === 'local';
      if (!dev.up) return fail('ENETDOWN');
    }
  } else {
    if (!dev) return fail('ENODEV');
    if (!dev.up) return fail('ENETDOWN', v6 ? 'Nexthop device is not up' : 'Device for nexthop is not up');
  }
  return ok({
    table,
    type,
    dst: spec.dst,
    gateway: spec.gateway,
    dev,
    metric: spec.metric ?? (v6 ? 1024 : 0),
    prefsrc: spec.prefsrc,
    scope,
    proto: spec.proto ?? 'boot',
    onlink: spec.onlink,
    ...(gatewayIsLocal ? { gatewayIsLocal } : {}),
    origin: spec.origin ?? ns.host.runOrigin,
  });
}

/**
 * ip6_validate_gw: a link-local gateway needs its device; any other must be reached by a route
 * that is not itself through a gateway (else "No route to host"); never through lo.
 */
function resolveGateway6(ns: Netns, gw: Addr, dev: Link | undefined): KResult<Link> {
  if (dev && !dev.up) return fail('ENETDOWN', 'Nexthop device is not up');
  if (isLinkLocal6(gw)) {
    if (!dev) return fail('ENODEV', 'Egress device not specified');
    return ok(dev);
  }
  let r: Route | undefined;
  for (const x of ns.tables.get(TABLE_MAIN) ?? []) {
    if (
      x.dst.addr.family !== 6 ||
      (dev && x.dev !== dev) ||
      (x.dst.addr.value & maskOf(6, x.dst.len)) !== (gw.value & maskOf(6, x.dst.len))
    )
      continue;
    if (!r || x.dst.len > r.dst.len || (x.dst.len === r.dst.len && x.metric < r.metric)) r = x;
  }
  if (!r || r.type !== 'unicast' || r.gateway || !r.dev) return fail('EHOSTUNREACH');
  if (r.dev.kind === 'loopback') return fail('EINVAL', 'Egress device can not be loopback device for this route');
  if (dev && r.dev !== dev) return fail('EHOSTUNREACH');
  return ok(r.dev);
}

function sameKey(r: Route, table: number, dst: Prefix, metric: number): boolean {
  return r.table === table && r.dst.len === dst.len && addrEq(r.dst.addr, dst.addr) && r.metric === metric;
}

/** `ip route add` (mode 'add'), `ip route replace` ('replace'), `ip route append` ('append'). */
export function addRoute(ns: Netns, spec: RouteSpec, mode: 'add' | 'replace' | 'append' = 'add'): KResult<Route> {
  const res = resolveRoute(ns, spec);
  if (!res.ok) return res;
  const r = res.value;
  const t = ns.tables.get(r.table) ?? [];
  const same = routesWithPrefix(ns, r.table, r.dst);
  const idx =
    same === undefined
      ? t.findIndex((x) => sameKey(x, r.table, r.dst, r.metric))
      : same.some((x) => x.metric === r.metric)
        ? t.findIndex((x) => sameKey(x, r.table, r.dst, r.metric))
        : -1;
  if (idx >= 0) {
    if (mode === 'add') return fail('EEXIST');
    if (mode === 'replace') {
      t[idx] = r;
      invalidate(ns);
      return ok(r);
    }
    if (t.some((x) => sameKey(x, r.table, r.dst, r.metric) && x.type === r.type && x.dev === r.dev && addrEq(x.gateway, r.gateway)))
      return fail('EEXIST');
  }
  insertRoute(ns, r);
  return ok(r);
}

/** What `ip route del` may name: any field given must match. */
export type RouteMatch = Omit<RouteSpec, 'onlink' | 'origin'>;

/** `ip route del`: the first route of that prefix (from the given metric on) that matches every field given. */
export function deleteRoute(ns: Netns, m: RouteMatch, cause: RemovalCause = 'route-del'): KResult<Route> {
  const table = m.table ?? (m.type === 'local' || m.type === 'broadcast' ? TABLE_LOCAL : TABLE_MAIN);
  const t = ns.tables.get(table);
  if (!t) return fail('ESRCH');
  const metric = m.metric ?? 0;
  const idx = t.findIndex(
    (r) =>
      r.dst.len === m.dst.len &&
      addrEq(r.dst.addr, m.dst.addr) &&
      r.metric >= metric &&
      (!m.type || r.type === m.type) &&
      (!m.scope || r.scope === m.scope) &&
      (!m.prefsrc || addrEq(r.prefsrc, m.prefsrc)) &&
      (!m.proto || r.proto === m.proto) &&
      (!m.dev || r.dev === m.dev) &&
      (!m.gateway || addrEq(r.gateway, m.gateway)) &&
      (m.metric === undefined || r.metric === m.metric),
  );
  if (idx < 0) return fail('ESRCH');
  const [r] = t.splice(idx, 1);
  recordRoutes(ns, [r!], cause);
  invalidate(ns);
  return ok(r!);
}
