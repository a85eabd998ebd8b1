/** A link's carrier (LOWER_UP) and operational state as `ip link` shows them. Part of the kernel API (kernel.ts). */
import type { Link } from './model';

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
