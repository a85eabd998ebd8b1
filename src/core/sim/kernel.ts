/**
 * Configuration of the simulated kernel, as rtnetlink requests do it: links, addresses, routes,
 * namespaces and sysctls, with the kernel's own side effects (the connected, local and broadcast
 * routes it adds by itself; routes lost when a link goes down) and its own errors.
 */
import { type Addr, addrEq, BITS, broadcastOf, deterministicMac, networkOf, parseAddr, prefixContains, type Prefix } from '../net/addr';
import { fail, type KResult, ok } from './errors';
import {
  type Host,
  type IfAddr,
  type Link,
  type LinkKind,
  type Netns,
  ROOT_NS,
  type Route,
  type RouteProto,
  type RouteType,
  SCOPE_VALUE,
  type Scope,
  type SourceRef,
  TABLE_LOCAL,
  TABLE_MAIN,
  type World,
} from './model';
import { fibIndexInsert, fibTableLookup, routesWithPrefix } from './fib';

export function createWorld(): World {
  return { hosts: new Map(), switches: new Map() };
}

/** A host with its root namespace: `lo` up with 127.0.0.1/8, as a booted Linux machine has. */
export function addHost(world: World, name: string, origin?: SourceRef): Host {
  const host: Host = { name, netns: new Map(), files: new Map(), sockets: [], origin };
  world.hosts.set(name, host);
  const ns = createNetns(host, ROOT_NS, origin);
  setLinkUp(ns.links.get('lo')!, true);
  return host;
}

/** A new namespace holds only `lo`, down and without an address, as after `ip netns add`. */
export function createNetns(host: Host, name: string, origin?: SourceRef): Netns {
  const ns: Netns = {
    name,
    host,
    links: new Map(),
    nextIfindex: 1,
    tables: new Map([
      [TABLE_LOCAL, []],
      [TABLE_MAIN, []],
    ]),
    neigh: [],
    sysctl: { ipForward: false },
    origin: origin ?? host.runOrigin,
  };
  host.netns.set(name, ns);
  addLinkRaw(ns, { name: 'lo', kind: 'loopback', mac: '00:00:00:00:00:00', mtu: 65536 });
  return ns;
}

export function deleteNetns(host: Host, name: string): void {
  const ns = host.netns.get(name);
  if (!ns) return;
  // Deleting a namespace destroys its veths (and so their peers) and returns nothing to the host
  // but physical devices; the lab's NICs never live in a named namespace for long enough to matter.
  for (const link of [...ns.links.values()]) {
    if (link.kind === 'veth' || link.kind === 'bridge' || link.kind === 'dummy') deleteLink(link);
    else if (link.kind === 'nic') moveLink(link, host.netns.get(ROOT_NS)!);
  }
  host.netns.delete(name);
}

export interface NewLink {
  readonly name: string;
  readonly kind: LinkKind;
  readonly mac?: string;
  readonly mtu?: number;
  readonly switchName?: string;
  readonly origin?: SourceRef;
}

function addLinkRaw(ns: Netns, spec: NewLink): Link {
  const link: Link = {
    ifindex: ns.nextIfindex++,
    name: spec.name,
    kind: spec.kind,
    mac: spec.mac ?? deterministicMac(`${ns.host.name}/${ns.name}/${spec.name}/${spec.kind}`),
    mtu: spec.mtu ?? 1500,
    up: false,
    netns: ns,
    addrs: [],
    switchName: spec.switchName,
    origin: spec.origin ?? ns.host.runOrigin,
  };
  if (spec.kind === 'bridge') link.fdb = new Map();
  ns.links.set(link.name, link);
  return link;
}

export function addLink(ns: Netns, spec: NewLink): KResult<Link> {
  if (ns.links.has(spec.name)) return fail('EEXIST');
  return ok(addLinkRaw(ns, spec));
}

/** `ip link add NAME type veth peer name PEER`: both ends in `ns` (or the peer in `peerNs`), down. */
export function addVethPair(ns: Netns, name: string, peerName: string, origin?: SourceRef, peerNs: Netns = ns): KResult<[Link, Link]> {
  if (ns.links.has(name) || peerNs.links.has(peerName) || (ns === peerNs && name === peerName)) return fail('EEXIST');
  // The kernel registers the peer first: it gets the lower ifindex.
  const b = addLinkRaw(peerNs, { name: peerName, kind: 'veth', origin });
  const a = addLinkRaw(ns, { name, kind: 'veth', origin });
  a.peer = b;
  b.peer = a;
  return ok([a, b]);
}

export function findLink(ns: Netns, name: string): Link | undefined {
  return ns.links.get(name);
}

export function linkByIndex(ns: Netns, ifindex: number): Link | undefined {
  for (const l of ns.links.values()) if (l.ifindex === ifindex) return l;
  return undefined;
}

/** Whether the link has a carrier (LOWER_UP). */
export function hasCarrier(link: Link): boolean {
  if (!link.up) return false;
  switch (link.kind) {
    case 'loopback':
    case 'dummy':
    case 'nic':
      return true;
    case 'veth':
      return !!link.peer && link.peer.up;
    case 'bridge': {
      // A bridge without ports keeps the carrier it was created with; with ports, it has one when a port has.
      let ports = false;
      for (const l of link.netns.links.values()) {
        if (l.master !== link) continue;
        ports = true;
        if (hasCarrier(l)) return true;
      }
      return !ports;
    }
  }
}

/** The operational state `ip link` shows. */
export function operState(link: Link): 'UP' | 'DOWN' | 'UNKNOWN' | 'LOWERLAYERDOWN' {
  if (!link.up) return 'DOWN';
  if (link.kind === 'loopback' || link.kind === 'dummy') return 'UNKNOWN';
  if (link.kind === 'bridge' && ![...link.netns.links.values()].some((l) => l.master === link)) return 'UNKNOWN';
  return hasCarrier(link) ? 'UP' : link.kind === 'veth' ? 'LOWERLAYERDOWN' : 'DOWN';
}

export function deleteLink(link: Link): KResult {
  // Physical devices (lo, NICs) have no rtnl dellink.
  if (link.kind === 'loopback' || link.kind === 'nic') return fail('EOPNOTSUPP');
  unregister(link); // a bridge's ports are released there
  if (link.peer) {
    const peer = link.peer;
    link.peer = undefined;
    peer.peer = undefined;
    unregister(peer);
  }
  return ok();
}

function unregister(link: Link): void {
  const ns = link.netns;
  flushLinkRoutes(ns, link, true);
  link.addrs = [];
  ns.neigh = ns.neigh.filter((n) => n.dev !== link);
  if (link.master?.fdb) for (const [mac, e] of link.master.fdb) if (e.port === link) link.master.fdb.delete(mac);
  if (link.kind === 'bridge') for (const l of ns.links.values()) if (l.master === link) l.master = undefined;
  link.master = undefined;
  ns.links.delete(link.name);
}

/** Sets IFF_UP. Up: the loopback gets 127.0.0.1/8, prefix and broadcast routes return. Down: routes through the link go. */
export function setLinkUp(link: Link, up: boolean): KResult {
  if (link.up === up) return ok();
  link.up = up;
  const ns = link.netns;
  if (up) {
    if (link.kind === 'loopback' && !link.addrs.some((a) => a.addr.family === 4)) {
      addAddress(link, { addr: parseAddr('127.0.0.1')!, prefixLen: 8, scope: 'host' });
    } else {
      for (const a of link.addrs) addIfaddrRoutes(ns, link, a);
    }
  } else {
    flushLinkRoutes(ns, link, false);
    ns.neigh = ns.neigh.filter((n) => n.dev !== link);
  }
  return ok();
}

export function renameLink(link: Link, name: string): KResult {
  // Kernel 6.18 renames an up link too (verified: `ip link set v0 name v1` on an up veth succeeds).
  const ns = link.netns;
  if (ns.links.has(name)) return fail('EEXIST');
  ns.links.delete(link.name);
  link.name = name;
  const entries = [...ns.links.entries(), [name, link] as [string, Link]].sort((a, b) => a[1].ifindex - b[1].ifindex);
  ns.links = new Map(entries);
  return ok();
}

/** `ip link set DEV netns NS`: the link arrives down, without addresses or routes. */
export function moveLink(link: Link, to: Netns): KResult {
  if (link.kind === 'loopback') return fail('EINVAL');
  if (to === link.netns) return ok();
  if (link.kind === 'bridge') return fail('EINVAL', 'The interface netns is immutable');
  if (to.links.has(link.name)) return fail('EEXIST');
  const from = link.netns;
  if (link.up) setLinkUp(link, false);
  flushLinkRoutes(from, link, true);
  link.addrs = [];
  if (link.master?.fdb) for (const [mac, e] of link.master.fdb) if (e.port === link) link.master.fdb.delete(mac);
  link.master = undefined;
  from.links.delete(link.name);
  // The kernel keeps the ifindex when it is free in the new namespace.
  let taken = false;
  for (const l of to.links.values()) if (l.ifindex === link.ifindex) taken = true;
  if (taken) link.ifindex = to.nextIfindex++;
  else to.nextIfindex = Math.max(to.nextIfindex, link.ifindex + 1);
  from.nextIfindex = Math.max(from.nextIfindex, link.ifindex + 1);
  link.netns = to;
  to.links.set(link.name, link);
  return ok();
}

export function setMaster(link: Link, master: Link | undefined): KResult {
  if (master) {
    if (master.kind !== 'bridge') return fail('EOPNOTSUPP');
    if (link.kind === 'bridge') return fail('EINVAL', 'Can not enslave a bridge to a bridge');
    if (link.kind === 'loopback') return fail('EINVAL');
    link.master = master;
  } else {
    link.master = undefined;
  }
  return ok();
}

// ---------------------------------------------------------------------------------------------
// Addresses

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
  const prim = primaryFor(link, ifa);
  insertRoute(ns, {
    table: TABLE_LOCAL,
    type: 'local',
    dst: { addr: ifa.addr, len: BITS[ifa.addr.family] },
    dev: link,
    metric: 0,
    prefsrc: prim.addr,
    scope: 'host',
    proto: 'kernel',
  });
  if (link.up) addIfaddrRoutes(ns, link, ifa);
  return ok(ifa);
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

function addIfaddrRoutes(ns: Netns, link: Link, ifa: IfAddr): void {
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

export function deleteAddress(link: Link, addr: Addr, prefixLen: number | undefined): KResult {
  const idx = link.addrs.findIndex((a) => addrEq(a.addr, addr) && (prefixLen === undefined || a.prefixLen === prefixLen));
  if (idx < 0) return fail('EADDRNOTAVAIL');
  const ifa = link.addrs[idx]!;
  const ns = link.netns;
  link.addrs.splice(idx, 1);
  // Routes with this source address go: the local route, and the prefix and broadcast routes it owned.
  for (const [id, t] of ns.tables) {
    ns.tables.set(
      id,
      t.filter((r) => {
        if (r.dev !== link) return true;
        if (r.proto !== 'kernel') return true;
        if (r.type === 'local' && r.dst.len === BITS[addr.family] && addrEq(r.dst.addr, addr)) return false;
        if (!ifa.secondary && addrEq(r.prefsrc, addr)) return false;
        return true;
      }),
    );
  }
  if (!ifa.secondary) {
    // The kernel promotes a secondary address of the same subnet, if there is one.
    const next = link.addrs.find(
      (a) =>
        a.secondary &&
        a.prefixLen === ifa.prefixLen &&
        prefixContains({ addr: networkOf(ifa.addr, ifa.prefixLen), len: ifa.prefixLen }, a.addr),
    );
    if (next) {
      next.secondary = false;
      for (const t of ns.tables.values()) {
        for (let i = 0; i < t.length; i++) {
          const r = t[i]!;
          if (r.dev === link && r.type === 'local' && addrEq(r.prefsrc, addr)) t[i] = { ...r, prefsrc: next.addr };
        }
      }
      if (link.up) addIfaddrRoutes(ns, link, next);
    } else {
      // Static routes whose gateway was on this subnet die with it.
      const stillOnLink = (gw: Addr) =>
        link.addrs.some((a) => prefixContains({ addr: networkOf(a.addr, a.prefixLen), len: a.prefixLen }, gw));
      const t = ns.tables.get(TABLE_MAIN)!;
      ns.tables.set(
        TABLE_MAIN,
        t.filter((r) => !(r.dev === link && r.gateway && !r.onlink && !stillOnLink(r.gateway))),
      );
    }
  }
  invalidate(ns);
  return ok();
}

// ---------------------------------------------------------------------------------------------
// Routes

/** Routes are kept in `ip route show` order: by destination, longer prefix first, then metric. */
function compareRoutes(a: Route, b: Route): number {
  if (a.dst.addr.family !== b.dst.addr.family) return a.dst.addr.family - b.dst.addr.family;
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

function invalidate(ns: Netns): void {
  ns.fibIndex = undefined;
}

function flushLinkRoutes(ns: Netns, link: Link, includeLocal: boolean): void {
  for (const [id, t] of ns.tables) {
    ns.tables.set(
      id,
      t.filter((r) => r.dev !== link || (!includeLocal && r.type === 'local' && r.scope === 'host' && r.proto === 'kernel')),
    );
  }
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
  if (type === 'blackhole' || type === 'unreachable' || type === 'prohibit' || type === 'throw') {
    if (spec.gateway || dev)
      return fail('EINVAL', 'Gateway or device supplied for ' + (type === 'blackhole' ? 'blackhole' : type) + ' route');
    return ok({
      table,
      type,
      dst: spec.dst,
      metric: spec.metric ?? 0,
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
    if (!dev.up) return fail('ENETDOWN', 'Device for nexthop is not up');
  }
  return ok({
    table,
    type,
    dst: spec.dst,
    gateway: spec.gateway,
    dev,
    metric: spec.metric ?? 0,
    prefsrc: spec.prefsrc,
    scope,
    proto: spec.proto ?? 'boot',
    onlink: spec.onlink,
    ...(gatewayIsLocal ? { gatewayIsLocal } : {}),
    origin: spec.origin ?? ns.host.runOrigin,
  });
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
export function deleteRoute(ns: Netns, m: RouteMatch): KResult<Route> {
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
  invalidate(ns);
  return ok(r!);
}

/** net.ipv4.ip_forward (the same switch as net.ipv4.conf.all.forwarding): sets every interface. */
export function setIpForward(ns: Netns, on: boolean, origin?: SourceRef): void {
  ns.sysctl.ipForward = on;
  ns.sysctl.ipForwardOrigin = origin ?? ns.host.runOrigin;
  for (const l of ns.links.values()) {
    l.forwarding = undefined;
    l.forwardingOrigin = undefined;
  }
}

/** net.ipv4.conf.DEV.forwarding: forwarding of packets that arrive on this interface. */
export function setLinkForwarding(link: Link, on: boolean, origin?: SourceRef): void {
  link.forwarding = on;
  link.forwardingOrigin = origin ?? link.netns.host.runOrigin;
}

export function linkForwarding(link: Link): boolean {
  return link.forwarding ?? link.netns.sysctl.ipForward;
}
