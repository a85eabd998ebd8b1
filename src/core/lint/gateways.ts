/**
 * Who owns a route's gateway: for every route through a gateway on an L2 segment (not the
 * kernel's own routes, not a gateway that is a local address), the interfaces of other namespaces
 * on that segment that hold the gateway's address. gateway-not-owned reports routes with no
 * owner; forwarding-off looks at the one owner's forwarding.
 */
import type { Netns, Route } from '../sim/model';
import type { LintContext } from './context';
import { type AddrAt, addrKey, type Segment } from './segments';

export interface GatewayRoute {
  readonly route: Route;
  /** The namespace whose table holds the route. */
  readonly ns: Netns;
  /** The segment of the route's device. */
  readonly seg: Segment;
  /** The interfaces of other namespaces on the segment with the gateway's address (none, one, or a duplicate address). */
  readonly owners: readonly AddrAt[];
}

/** Every route through a gateway on a segment, host by host, namespace by namespace, table by table (for ctx.shared). */
export function gatewayRoutes(ctx: LintContext): GatewayRoute[] {
  const out: GatewayRoute[] = [];
  for (const host of ctx.world.hosts.values()) {
    for (const ns of host.netns.values()) {
      for (const table of ns.tables.values()) {
        for (const r of table) {
          if (!r.gateway || !r.dev || r.gatewayIsLocal || r.proto === 'kernel') continue;
          const seg = ctx.segments.of(r.dev);
          if (!seg) continue;
          const found = seg.byAddr.get(addrKey(r.gateway));
          const owners = found && (found.length === 1 && found[0]!.link.netns !== ns ? found : found.filter((o) => o.link.netns !== ns));
          out.push({ route: r, ns, seg, owners: owners ?? [] });
        }
      }
    }
  }
  return out;
}
