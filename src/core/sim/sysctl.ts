/**
 * The forwarding sysctls: net.ipv4.ip_forward for a namespace, net.ipv4.conf.DEV.forwarding per
 * link. Part of the kernel API (kernel.ts).
 */
import type { Link, Netns, SourceRef } from './model';

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
