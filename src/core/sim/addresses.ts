/**
 * Addresses as `ip addr` sets them, with the kernel's side effects: the local, broadcast and
 * prefix routes it adds by itself, primary and secondary addresses (deleted with their primary, or
 * promoted when promote_secondaries is set), and the routes that die with an address. Part of the kernel API (kernel.ts).
 */
import { type Addr, addrEq, BITS, broadcastOf, formatAddr, networkOf, prefixContains } from '../net/addr';
import { fail, type KResult, ok } from './errors';
import { type IfAddr, type Link, type Netns, type Route, SCOPE_VALUE, type Scope, type SourceRef, TABLE_LOCAL, TABLE_MAIN } from './model';
import { recordAddr, recordRoutes } from './history';
import { insertRoute, invalidate } from './routes';
import { addInet6Routes, syncAddrconf } from './addrconf';
import { scopeOf6 } from './inet6';
import { ipv6Disabled } from './ipv6conf';

export interface NewAddr {
  readonly addr: Addr;
  readonly prefixLen: number;
  readonly scope?: Scope;
  readonly broadcast?: Addr;
  readonly label?: string;
  readonly origin?: SourceRef;
}

export function allAddrs(ns: Netns): { link: Link; a: IfAddr }[] {
  const out: { link: Link; a: IfAddr }[] = [];
  for (const link of ns.links.values()) for (const a of link.addrs) out.push({ link, a });
  return out;
}

/** `ip addr add`. The kernel adds the local route at once, the prefix and broadcast routes when the link is up. */
export function addAddress(link: Link, spec: NewAddr): KResult<IfAddr> {
  if (spec.addr.family === 6) return addAddress6(link, spec);
  if (link.addrs.some((a) => addrEq(a.addr, spec.addr) && a.prefixLen === spec.prefixLen)) {
    return fail('EEXIST', 'ipv4: Address already assigned');
  }
  const secondary = link.addrs.some(
    (a) =>
      !a.secondary &&
      a.addr.family === spec.addr.family &&
      a.prefixLen === spec.prefixLen &&
      prefixContains({ addr: networkOf(a.addr, a.prefixLen), len: a.prefixLen }, spec.addr),
  );
  const ifa: IfAddr = {
    addr: spec.addr,
    prefixLen: spec.prefixLen,
    scope: spec.scope ?? (link.kind === 'loopback' && spec.addr.family === 4 && spec.addr.value >> 24n === 127n ? 'host' : 'global'),
    label: spec.label ?? link.name,
    broadcast: spec.broadcast,
    secondary,
    origin: spec.origin ?? link.netns.host.runOrigin,
  };
  // __inet_insert_ifa: a primary goes after the last primary of the same or a wider scope, a secondary at the end.
  let at = link.addrs.length;
  if (!secondary) {
    at = 0;
    link.addrs.forEach((a, i) => {
      if (!a.secondary && a.addr.family === ifa.addr.family && SCOPE_VALUE[ifa.scope] <= SCOPE_VALUE[a.scope]) at = i + 1;
    });
    // Addresses of the other family do not interleave: keep them where they are.
    if (at === 0) {
      const firstSame = link.addrs.findIndex((a) => a.addr.family === ifa.addr.family);
      at = firstSame < 0 ? link.addrs.length : firstSame;
    }
  }
  link.addrs.splice(at, 0, ifa);
  const ns = link.netns;
  addLocalRoute(ns, link, ifa);
  if (link.up) addIfaddrRoutes(ns, link, ifa);
  return ok(ifa);
}

/** The address's local route (table local), whose source is its subnet's primary. */
function addLocalRoute(ns: Netns, link: Link, ifa: IfAddr): void {
  const r: Route = {
    table: TABLE_LOCAL,
    type: 'local',
    dst: { addr: ifa.addr, len: BITS[ifa.addr.family] },
    dev: link,
    metric: 0,
    prefsrc: primaryFor(link, ifa).addr,
    scope: 'host',
    proto: 'kernel',
  };
  if (!hasRoute(ns, r)) insertRoute(ns, r);
}

/** inet6_addr_add: IPv6 has no secondary addresses; the routes come when the link is ready (addrconf.ts). */
function addAddress6(link: Link, spec: NewAddr): KResult<IfAddr> {
  if (ipv6Disabled(link)) return fail('EACCES', 'ipv6: IPv6 is disabled on this device');
  if (link.addrs.some((a) => addrEq(a.addr, spec.addr)) || addrEq(link.inet6Auto, spec.addr)) {
    return fail('EEXIST', 'ipv6: address already assigned');
  }
  const ifa: IfAddr = {
    addr: spec.addr,
    prefixLen: spec.prefixLen,
    scope: spec.scope ?? scopeOf6(spec.addr),
    label: spec.label ?? link.name,
    secondary: false,
    origin: spec.origin ?? link.netns.host.runOrigin,
  };
  link.addrs.push(ifa);
  if (link.inet6Auto) addInet6Routes(link, ifa.addr, ifa.prefixLen);
  syncAddrconf(link.netns);
  return ok(ifa);
}

/** inet6_addr_del: the local entry goes, and the prefix route when no other address of the link has that prefix. */
function deleteAddress6(link: Link, addr: Addr, prefixLen: number | undefined): KResult {
  const idx = link.addrs.findIndex((a) => addrEq(a.addr, addr) && (prefixLen === undefined || a.prefixLen === prefixLen));
  if (idx < 0) return fail('EADDRNOTAVAIL', 'ipv6: address not found');
  const ifa = link.addrs.splice(idx, 1)[0]!;
  const ns = link.netns;
  const net = networkOf(ifa.addr, ifa.prefixLen);
  const shared = link.addrs.some(
    (a) => a.addr.family === 6 && a.prefixLen === ifa.prefixLen && addrEq(networkOf(a.addr, a.prefixLen), net),
  );
  for (const [id, t] of ns.tables) {
    ns.tables.set(
      id,
      t.filter((r) => {
        if (r.dev !== link || r.proto !== 'kernel' || r.dst.addr.family !== 6) return true;
        if (r.type === 'local' && addrEq(r.dst.addr, addr)) return false;
        return shared || !(r.type === 'unicast' && r.dst.len === ifa.prefixLen && addrEq(r.dst.addr, net) && r.metric === 256);
      }),
    );
  }
  invalidate(ns);
  syncAddrconf(ns);
  return ok();
}

function primaryFor(link: Link, ifa: IfAddr): IfAddr {
  if (!ifa.secondary) return ifa;
  return (
    link.addrs.find(
      (a) =>
        !a.secondary &&
        a.prefixLen === ifa.prefixLen &&
        prefixContains({ addr: networkOf(a.addr, a.prefixLen), len: a.prefixLen }, ifa.addr),
    ) ?? ifa
  );
}

/** The routes the kernel adds for an address of an up link: local, broadcast, and its prefix. */
export function addIfaddrRoutes(ns: Netns, link: Link, ifa: IfAddr): void {
  if (ifa.addr.family === 6) return; // addrconf.ts, when the link is ready
  const prim = primaryFor(link, ifa);
  const bits = BITS[ifa.addr.family];
  const key = (r: Omit<Route, 'table'> & { table: number }) => r;
  // The local route (kept while the link is down; re-added if a flush took it).
  const local = key({
    table: TABLE_LOCAL,
    type: 'local',
    dst: { addr: ifa.addr, len: bits },
    dev: link,
    metric: 0,
    prefsrc: prim.addr,
    scope: 'host',
    proto: 'kernel',
  });
  if (!hasRoute(ns, local)) insertRoute(ns, local);
  if (ifa.broadcast && !(ifa.addr.family === 4 && ifa.broadcast.value === 0xffffffffn)) {
    const b = {
      table: TABLE_LOCAL,
      type: 'broadcast' as const,
      dst: { addr: ifa.broadcast, len: bits },
      dev: link,
      metric: 0,
      prefsrc: prim.addr,
      scope: 'link' as const,
      proto: 'kernel' as const,
    };
    if (!hasRoute(ns, b)) insertRoute(ns, b);
  }
  const net = networkOf(ifa.addr, ifa.prefixLen);
  if (!ifa.secondary && net.value !== 0n && (!addrEq(net, ifa.addr) || ifa.prefixLen < bits)) {
    const loop = link.kind === 'loopback';
    const p = {
      table: loop ? TABLE_LOCAL : TABLE_MAIN,
      type: loop ? ('local' as const) : ('unicast' as const),
      dst: { addr: net, len: ifa.prefixLen },
      dev: link,
      metric: 0,
      prefsrc: ifa.addr,
      scope: loop ? ('host' as const) : ('link' as const),
      proto: 'kernel' as const,
    };
    if (!hasRoute(ns, p)) insertRoute(ns, p);
    if (ifa.prefixLen < bits - 1 && ifa.addr.family === 4) {
      const b = {
        table: TABLE_LOCAL,
        type: 'broadcast' as const,
        dst: { addr: broadcastOf(ifa.addr, ifa.prefixLen), len: bits },
        dev: link,
        metric: 0,
        prefsrc: ifa.addr,
        scope: 'link' as const,
        proto: 'kernel' as const,
      };
      if (!hasRoute(ns, b)) insertRoute(ns, b);
    }
  }
}

function hasRoute(ns: Netns, r: Route): boolean {
  const t = ns.tables.get(r.table);
  return !!t?.some(
    (x) =>
      x.type === r.type &&
      x.dev === r.dev &&
      x.dst.len === r.dst.len &&
      addrEq(x.dst.addr, r.dst.addr) &&
      x.metric === r.metric &&
      addrEq(x.prefsrc, r.prefsrc),
  );
}

function sameSubnet(primary: IfAddr, a: IfAddr): boolean {
  return (
    a.addr.family === primary.addr.family &&
    a.prefixLen === primary.prefixLen &&
    prefixContains({ addr: networkOf(primary.addr, primary.prefixLen), len: primary.prefixLen }, a.addr)
  );
}

/** Removes the routes of `ns` that `drop` picks, recorded as gone with `because`. */
function dropRoutes(ns: Netns, drop: (r: Route) => boolean, because: string, cause: 'addr-del' | 'secondary-del' = 'addr-del'): void {
  const gone: Route[] = [];
  for (const [id, t] of ns.tables) {
    if (!t.some(drop)) continue;
    ns.tables.set(
      id,
      t.filter((r) => {
        if (!drop(r)) return true;
        gone.push(r);
        return false;
      }),
    );
  }
  recordRoutes(ns, gone, cause, because);
}

const text = (a: IfAddr) => `${formatAddr(a.addr)}/${a.prefixLen}`;

/**
 * One address goes (NETDEV_DOWN, fib_del_ifaddr): its local route; for a primary, its prefix and
 * broadcast routes; and (IPv4, fib_sync_down_addr) every route that uses it as its source, unless another
 * interface still has the address.
 */
function addrDown(link: Link, ifa: IfAddr, cause: 'addr-del' | 'secondary-del', because: string): void {
  const ns = link.netns;
  const bits = BITS[ifa.addr.family];
  const elsewhere = allAddrs(ns).some(({ a }) => addrEq(a.addr, ifa.addr));
  dropRoutes(
    ns,
    (r) =>
      (r.dev === link && r.proto === 'kernel' && r.type === 'local' && r.dst.len === bits && addrEq(r.dst.addr, ifa.addr)) ||
      (!ifa.secondary && r.dev === link && r.proto === 'kernel' && addrEq(r.prefsrc, ifa.addr)) ||
      (ifa.addr.family === 4 && !elsewhere && addrEq(r.prefsrc, ifa.addr)),
    because,
    cause,
  );
  recordAddr(link, ifa, cause, cause === 'secondary-del' ? because : undefined);
}

/**
 * `ip addr del` (__inet_del_ifa). Deleting a primary IPv4 address deletes the secondaries of its
 * subnet too, unless net.ipv4.conf.{all,DEV}.promote_secondaries is set: then the first secondary
 * becomes the primary and takes over the subnet's routes. When the link has no IPv4 address left,
 * every IPv4 route through it goes (fib_disable_ip).
 */
export function deleteAddress(link: Link, addr: Addr, prefixLen: number | undefined): KResult {
  if (addr.family === 6) return deleteAddress6(link, addr, prefixLen);
  const idx = link.addrs.findIndex((a) => addrEq(a.addr, addr) && (prefixLen === undefined || a.prefixLen === prefixLen));
  if (idx < 0) return fail('EADDRNOTAVAIL');
  const ifa = link.addrs[idx]!;
  const ns = link.netns;
  link.addrs.splice(idx, 1);
  const v4 = ifa.addr.family === 4;
  let promote: IfAddr | undefined;
  if (v4 && !ifa.secondary) {
    const promoting = !!(ns.sysctl.promoteSecondaries || link.promoteSecondaries);
    for (const a of [...link.addrs]) {
      if (!a.secondary || !sameSubnet(ifa, a)) continue;
      if (promoting) {
        promote ??= a;
        continue;
      }
      link.addrs.splice(link.addrs.indexOf(a), 1);
      addrDown(link, a, 'secondary-del', text(ifa));
    }
  }
  addrDown(link, ifa, 'addr-del', text(ifa));
  if (promote) {
    // The promoted address moves after the last primary and owns the subnet's routes from now on.
    link.addrs.splice(link.addrs.indexOf(promote), 1);
    let at = 0;
    link.addrs.forEach((a, i) => {
      if (!a.secondary && a.addr.family === 4) at = i + 1;
    });
    promote.secondary = false;
    link.addrs.splice(at, 0, promote);
    // The subnet's secondaries' local routes come back with the new primary as their source.
    for (const a of link.addrs) {
      if (a !== promote && !(a.secondary && sameSubnet(promote, a))) continue;
      if (link.up) addIfaddrRoutes(ns, link, a);
      else addLocalRoute(ns, link, a);
    }
  }
  if (v4 && !link.addrs.some((a) => a.addr.family === 4)) {
    dropRoutes(ns, (r) => r.dev === link && r.dst.addr.family === 4, text(ifa));
  }
  invalidate(ns);
  return ok();
}
