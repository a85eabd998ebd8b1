/**
 * Worlds, hosts and network namespaces: a booted host has its root namespace with `lo` up; a new
 * namespace holds only `lo`, down; deleting one destroys its virtual links and hands its NICs back
 * to the root namespace. Part of the kernel API (kernel.ts).
 */
import { type Host, type Netns, ROOT_NS, type SourceRef, TABLE_LOCAL, TABLE_MAIN, type World } from './model';
import { addLinkRaw, deleteLink, moveLink, setLinkUp } from './links';

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
