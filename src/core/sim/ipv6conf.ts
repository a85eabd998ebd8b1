/**
 * IPv6's per-namespace and per-device settings (net.ipv6.conf.{all,default,DEV}.*), as the kernel's
 * addrconf keeps them: `default` is copied into a device when it is created (or moved in);
 * writing `all.forwarding` (addrconf_fixup_forwarding) or `all.disable_ipv6` sets `default` and
 * every device too, while `all.hop_limit` changes nothing but itself. The forwarding decision reads
 * `all` alone (ip6_forward: net->ipv6.devconf_all->forwarding); a device's own `forwarding` only
 * makes it act as a router on that link (the subnet-router anycast addresses). Part of the kernel
 * API (kernel.ts).
 */
import type { DevConf6, Link, Netns, SourceRef } from './model';

export type Conf6Key = 'forwarding' | 'hop_limit' | 'disable_ipv6';

export type NetConf6 = NonNullable<Netns['conf6']>;

export const CONF6_DEFAULTS: Readonly<Record<Conf6Key, number>> = { forwarding: 0, hop_limit: 64, disable_ipv6: 0 };

function fresh(from?: DevConf6): DevConf6 {
  return { forwarding: from?.forwarding ?? 0, hop_limit: from?.hop_limit ?? 64, disable_ipv6: from?.disable_ipv6 ?? 0 };
}

/** The namespace's `all` and `default` settings (created on first use). */
export function netConf6(ns: Netns): NetConf6 {
  return (ns.conf6 ??= { all: fresh(), dflt: fresh() });
}

/** A device's settings: a copy of `default` taken when the device arrived in its namespace. */
export function devConf6(link: Link): DevConf6 {
  return (link.conf6 ??= fresh(link.netns.conf6?.dflt));
}

/** Called when a device is created in, or moved into, a namespace: it starts from `default`. */
export function inheritConf6(link: Link): void {
  link.conf6 = link.netns.conf6 ? fresh(link.netns.conf6.dflt) : undefined;
}

/** Does the namespace forward IPv6 packets? (ip6_forward reads `all` only.) */
export function ipv6Forwarding(ns: Netns): boolean {
  return (ns.conf6?.all.forwarding ?? 0) !== 0;
}

/** The hop limit of packets sent through `dev` (ip6_dst_hoplimit: the device's hop_limit). */
export function hopLimit(dev: Link | undefined): number {
  return dev ? devConf6(dev).hop_limit : 64;
}

/** Is IPv6 switched off on this device? */
export function ipv6Disabled(link: Link): boolean {
  return (link.conf6?.disable_ipv6 ?? link.netns.conf6?.dflt.disable_ipv6 ?? 0) !== 0;
}

/** Reads a setting of `all`, `default` or a device. */
export function getConf6(ns: Netns, where: 'all' | 'default' | Link, key: Conf6Key): number {
  if (where === 'all') return netConf6(ns).all[key];
  if (where === 'default') return netConf6(ns).dflt[key];
  return devConf6(where)[key];
}

/**
 * Writes a setting, with the kernel's side effects: `all.forwarding` and `all.disable_ipv6` are
 * copied to `default` and to every device. Returns the devices whose setting changed (their
 * automatic addresses and routes may follow: see addrconf.ts).
 */
export function setConf6(ns: Netns, where: 'all' | 'default' | Link, key: Conf6Key, value: number, origin?: SourceRef): Link[] {
  const at = origin ?? ns.host.runOrigin;
  const write = (c: DevConf6) => {
    c[key] = value;
    if (key === 'forwarding') c.forwardingOrigin = at;
  };
  if (where === 'default') {
    write(netConf6(ns).dflt);
    return [];
  }
  if (where !== 'all') {
    write(devConf6(where));
    return [where];
  }
  const nc = netConf6(ns);
  write(nc.all);
  if (key === 'hop_limit') return [];
  write(nc.dflt);
  const links = [...ns.links.values()];
  for (const l of links) write(devConf6(l));
  return links;
}
