/**
 * Links as rtnetlink makes them: create (with veth pairs), rename, move to another namespace,
 * enslave to a bridge, set up or down (the routes that come and go with it), delete; carrier and
 * operational state as `ip link` shows them. Part of the kernel API (kernel.ts).
 */
import { deterministicMac, parseAddr } from '../net/addr';
import { fail, type KResult, ok } from './errors';
import { type Link, type LinkKind, type Netns, nsLabel, type SourceRef } from './model';
import { addAddress, addIfaddrRoutes } from './addresses';
import { recordDetach, recordLinkState } from './history';
import { flushLinkRoutes } from './routes';
import { inet6Down, syncAddrconf } from './addrconf';
import { inheritConf6 } from './ipv6conf';
import { inheritConf4 } from './ipv4conf';

export interface NewLink {
  readonly name: string;
  readonly kind: LinkKind;
  readonly mac?: string;
  readonly mtu?: number;
  readonly switchName?: string;
  readonly origin?: SourceRef;
}

/** A new link, down, with no check that its name is free (addLink checks). */
export function addLinkRaw(ns: Netns, spec: NewLink): Link {
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
  if (ns.sysctl.promoteSecondariesDefault) link.promoteSecondaries = true;
  if (spec.kind === 'bridge') link.fdb = new Map();
  ns.links.set(link.name, link);
  inheritConf6(link);
  inheritConf4(link);
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
  flushLinkRoutes(ns, link, true, 'link-del');
  link.addrs = [];
  ns.neigh = ns.neigh.filter((n) => n.dev !== link);
  if (link.master?.fdb) for (const [mac, e] of link.master.fdb) if (e.port === link) link.master.fdb.delete(mac);
  if (link.kind === 'bridge')
    for (const l of ns.links.values())
      if (l.master === link) {
        recordDetach(l, link, 'link-del');
        l.master = undefined;
      }
  link.master = undefined;
  ns.links.delete(link.name);
}

/** IFLA_ADDRESS: the link's MAC (the caller has checked it is a unicast address). */
export function setLinkMac(link: Link, mac: string): void {
  link.mac = mac;
}

/** IFLA_MTU (the caller has checked the device's range). */
export function setLinkMtu(link: Link, mtu: number): void {
  link.mtu = mtu;
}

/** Sets IFF_UP. Up: the loopback gets 127.0.0.1/8, prefix and broadcast routes return. Down: routes through the link go. */
export function setLinkUp(link: Link, up: boolean): KResult {
  if (link.up === up) return ok();
  link.up = up;
  const ns = link.netns;
  recordLinkState(link, ns.host.runOrigin);
  if (up) {
    if (link.kind === 'loopback' && !link.addrs.some((a) => a.addr.family === 4)) {
      addAddress(link, { addr: parseAddr('127.0.0.1')!, prefixLen: 8, scope: 'host' });
    } else {
      for (const a of link.addrs) addIfaddrRoutes(ns, link, a);
    }
  } else {
    inet6Down(link);
    flushLinkRoutes(ns, link, false);
    ns.neigh = ns.neigh.filter((n) => n.dev !== link);
  }
  // Carriers follow (a veth's peer, a bridge's ports), and with them IPv6's automatic addresses.
  syncAddrconf(ns);
  if (link.peer && link.peer.netns !== ns) syncAddrconf(link.peer.netns);
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
  link.moved = { origin: from.host.runOrigin, from: nsLabel(from), wasUp: link.up };
  if (link.up) setLinkUp(link, false);
  flushLinkRoutes(from, link, true, 'link-netns');
  link.stateOrigin = undefined;
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
  inheritConf6(link);
  inheritConf4(link);
  return ok();
}

export function setMaster(link: Link, master: Link | undefined): KResult {
  if (master) {
    if (master.kind !== 'bridge') return fail('EOPNOTSUPP');
    if (link.kind === 'bridge') return fail('EINVAL', 'Can not enslave a bridge to a bridge');
    if (link.kind === 'loopback') return fail('EINVAL');
    link.master = master;
    link.masterOrigin = link.netns.host.runOrigin;
  } else {
    if (link.master) recordDetach(link, link.master, 'nomaster');
    link.master = undefined;
    link.masterOrigin = undefined;
  }
  syncAddrconf(link.netns);
  return ok();
}
