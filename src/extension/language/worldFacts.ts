/** Facts about a built world, for hovers: who owns an address, which routes cover it, a host's interfaces. */
import {
  type Addr,
  addrEq,
  broadcastOf,
  BITS,
  formatAddr,
  type Host,
  type IfAddr,
  type Link,
  type Netns,
  networkOf,
  nsLabel,
  prefixContains,
  type Route,
  TABLE_MAIN,
  type World,
} from '../../core';
import { routeLine } from '../../core/sim/routefmt';

export interface AddrOwner {
  readonly ns: Netns;
  readonly link: Link;
  readonly addr: IfAddr;
}

export function allNamespaces(world: World): Netns[] {
  const out: Netns[] = [];
  for (const h of world.hosts.values()) out.push(...h.netns.values());
  return out;
}

/** The interfaces that hold exactly this address. */
export function ownersOf(world: World, a: Addr): AddrOwner[] {
  const out: AddrOwner[] = [];
  for (const ns of allNamespaces(world))
    for (const link of ns.links.values()) for (const ia of link.addrs) if (addrEq(ia.addr, a)) out.push({ ns, link, addr: ia });
  return out;
}

/** The interfaces whose subnet is (or lies in) the prefix, loopbacks left out. */
export function interfacesOn(world: World, net: Addr, len: number): AddrOwner[] {
  const out: AddrOwner[] = [];
  const p = { addr: networkOf(net, len), len };
  for (const ns of allNamespaces(world)) {
    for (const link of ns.links.values()) {
      if (link.kind === 'loopback') continue;
      for (const ia of link.addrs) if (ia.prefixLen >= len && prefixContains(p, ia.addr)) out.push({ ns, link, addr: ia });
    }
  }
  return out;
}

/** Per namespace, the main-table route the kernel would pick for `a` (longest prefix, then lowest metric). */
export function coveringRoutes(world: World, a: Addr, len = BITS[a.family]): { ns: Netns; route: Route }[] {
  const out: { ns: Netns; route: Route }[] = [];
  for (const ns of allNamespaces(world)) {
    let best: Route | undefined;
    for (const r of ns.tables.get(TABLE_MAIN) ?? []) {
      if (r.dst.len > len || !prefixContains(r.dst, a)) continue;
      if (!best || r.dst.len > best.dst.len || (r.dst.len === best.dst.len && r.metric < best.metric)) best = r;
    }
    if (best) out.push({ ns, route: best });
  }
  return out;
}

export function describeRoute(ns: Netns, r: Route): string {
  return `${nsLabel(ns)}: ${routeLine(r)}`;
}

export interface PrefixFacts {
  readonly network: string;
  readonly broadcast?: string;
  readonly first?: string;
  readonly last?: string;
  readonly size: bigint;
}

export function prefixFacts(a: Addr, len: number): PrefixFacts {
  const bits = BITS[a.family];
  const net = networkOf(a, len);
  const size = 1n << BigInt(bits - len);
  const bc = broadcastOf(a, len);
  const network = `${formatAddr(net)}/${len}`;
  if (a.family === 4 && len <= 30) {
    return {
      network,
      broadcast: formatAddr(bc),
      first: formatAddr({ family: 4, value: net.value + 1n }),
      last: formatAddr({ family: 4, value: bc.value - 1n }),
      size: size - 2n,
    };
  }
  return { network, first: formatAddr(net), last: formatAddr(bc), size };
}

export function linkState(l: Link): string {
  return l.up ? 'UP' : 'DOWN';
}

export interface HostInterface {
  readonly netns: string;
  readonly name: string;
  readonly kind: Link['kind'];
  readonly up: boolean;
  readonly switchName?: string;
  readonly master?: string;
  readonly addrs: string[];
}

/** A host's interfaces after its run lines, namespace by namespace; loopbacks only when they carry more than 127.0.0.1. */
export function hostInterfaces(host: Host): HostInterface[] {
  const out: HostInterface[] = [];
  for (const ns of host.netns.values()) {
    for (const l of ns.links.values()) {
      const addrs = l.addrs.map((ia) => `${formatAddr(ia.addr)}/${ia.prefixLen}`);
      if (l.kind === 'loopback' && addrs.every((x) => x.startsWith('127.') || x === '::1/128')) continue;
      out.push({
        netns: ns.name,
        name: l.name,
        kind: l.kind,
        up: l.up,
        addrs,
        ...(l.switchName ? { switchName: l.switchName } : {}),
        ...(l.master ? { master: l.master.name } : {}),
      });
    }
  }
  return out;
}
