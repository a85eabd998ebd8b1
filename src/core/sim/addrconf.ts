/**
 * IPv6 address autoconfiguration as the kernel's addrconf does it for a lab: when a link becomes
 * ready (up, with a carrier, IPv6 not disabled) it gets `::1` (lo) or its EUI-64 link-local address,
 * with the routes that come with it (`fe80::/64 ... metric 256` in main, the `local` and
 * `multicast ff00::/8` entries in table local); a device that forwards (net.ipv6.conf.DEV.forwarding)
 * also answers its subnet-router anycast addresses. When the link goes down, every IPv6 address it
 * had goes with its routes (keep_addr_on_down 0). Duplicate address detection is taken as done.
 * Part of the kernel API (kernel.ts).
 */
import { type Addr, addrEq, networkOf, type Prefix } from '../net/addr';
import { hasCarrier } from './carrier';
import { linkLocalOf, LOOPBACK6 } from './inet6';
import { type Conf6Key, devConf6, ipv6Disabled, setConf6 } from './ipv6conf';
import { type Link, type Netns, type Route, type RouteType, type SourceRef, TABLE_LOCAL, TABLE_MAIN } from './model';
import { insertRoute, invalidate } from './routes';

const FE80: Prefix = { addr: { family: 6, value: 0xfe80n << 112n }, len: 64 };
const FF00: Prefix = { addr: { family: 6, value: 0xffn << 120n }, len: 8 };

function kernelRoute(link: Link, table: number, type: RouteType, dst: Prefix, metric: number): Route {
  return { table, type, dst, dev: link, metric, scope: type === 'unicast' ? 'link' : 'host', proto: 'kernel' };
}

function has(ns: Netns, r: Route): boolean {
  return !!ns.tables
    .get(r.table)
    ?.some(
      (x) => x.type === r.type && x.dev === r.dev && x.dst.len === r.dst.len && addrEq(x.dst.addr, r.dst.addr) && x.metric === r.metric,
    );
}

function ensure(ns: Netns, r: Route): void {
  if (!has(ns, r)) insertRoute(ns, r);
}

/** The kernel's routes for one IPv6 address of a ready link: its local entry and its prefix. */
export function addInet6Routes(link: Link, addr: Addr, prefixLen: number): void {
  const ns = link.netns;
  ensure(ns, kernelRoute(link, TABLE_LOCAL, 'local', { addr, len: 128 }, 0));
  if (addr.value !== 1n) ensure(ns, kernelRoute(link, TABLE_MAIN, 'unicast', { addr: networkOf(addr, prefixLen), len: prefixLen }, 256));
}

function ready(l: Link): boolean {
  return l.up && (l.kind === 'loopback' || hasCarrier(l)) && !ipv6Disabled(l);
}

/** addrconf_ifdown: the link's IPv6 addresses and every IPv6 route through it go. */
export function inet6Down(link: Link): void {
  const ns = link.netns;
  link.inet6Auto = undefined;
  link.addrs = link.addrs.filter((a) => a.addr.family !== 6);
  for (const [id, t] of ns.tables)
    ns.tables.set(
      id,
      t.filter((r) => r.dev !== link || r.dst.addr.family !== 6),
    );
  invalidate(ns);
}

/** Brings every link of `ns` in line: addrconf on links that became ready, anycast entries that follow forwarding. */
export function syncAddrconf(ns: Netns): void {
  for (const l of ns.links.values()) {
    const ok = ready(l);
    if (ok && !l.inet6Auto) {
      const a = l.kind === 'loopback' ? LOOPBACK6 : linkLocalOf(l.mac);
      l.inet6Auto = a;
      if (l.kind !== 'loopback') {
        ensure(ns, kernelRoute(l, TABLE_MAIN, 'unicast', FE80, 256));
        ensure(ns, kernelRoute(l, TABLE_LOCAL, 'multicast', FF00, 256));
      }
      ensure(ns, kernelRoute(l, TABLE_LOCAL, 'local', { addr: a, len: 128 }, 0));
      // Addresses given while the link was not ready get their routes now.
      for (const x of l.addrs) if (x.addr.family === 6) addInet6Routes(l, x.addr, x.prefixLen);
    } else if (!ok && l.inet6Auto && (!l.up || ipv6Disabled(l))) {
      inet6Down(l);
    }
    syncAnycast(l);
  }
}

/** The subnet-router anycast entries (`anycast 2001:db8:1:: ... table local`) of a forwarding device. */
function syncAnycast(l: Link): void {
  const ns = l.netns;
  const want: Prefix[] = [];
  if (l.inet6Auto && l.kind !== 'loopback' && devConf6(l).forwarding) {
    want.push({ addr: FE80.addr, len: 128 });
    for (const a of l.addrs) {
      if (a.addr.family !== 6 || a.prefixLen >= 127) continue;
      const n = networkOf(a.addr, a.prefixLen);
      if (!want.some((w) => addrEq(w.addr, n))) want.push({ addr: n, len: 128 });
    }
  }
  const t = ns.tables.get(TABLE_LOCAL) ?? [];
  const stale = t.filter((r) => r.type === 'anycast' && r.dev === l && !want.some((w) => addrEq(w.addr, r.dst.addr)));
  if (stale.length) {
    ns.tables.set(
      TABLE_LOCAL,
      t.filter((r) => !stale.includes(r)),
    );
    invalidate(ns);
  }
  for (const w of want) ensure(ns, kernelRoute(l, TABLE_LOCAL, 'anycast', w, 0));
}

/** `sysctl -w net.ipv6.conf.WHERE.KEY=VALUE`, with what follows from it (addresses, anycast entries). */
export function writeConf6(ns: Netns, where: 'all' | 'default' | Link, key: Conf6Key, value: number, origin?: SourceRef): void {
  setConf6(ns, where, key, value, origin);
  syncAddrconf(ns);
}
