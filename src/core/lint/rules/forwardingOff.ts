/**
 * forwarding-off: a route through a gateway whose owner does not forward (net.ipv4.ip_forward, or
 * net.ipv4.conf.DEV.forwarding for the interface, is 0; for an IPv6 gateway net.ipv6.conf.all.forwarding), unless that router is only the route's
 * destination. One warning per router (per interface when forwarding is set for it alone), at the
 * first route through it, with the sysctl line that fixes it.
 */
import { loc } from '../../text/i18n';
import { formatAddr, formatRouteDst, prefixContains } from '../../net/addr';
import { fibTableLookup } from '../../sim/fib';
import { ipv6Forwarding } from '../../sim/kernel';
import { type Link, type Netns, nsLabel, ROOT_NS, type Route } from '../../sim/model';
import type { LintRule } from '../rule';
import type { AddrAt } from '../segments';
import { keepFirst, moreRoutes } from '../common';
import { gatewayRoutes } from '../gateways';
import { eulreul, eunneun, iga } from '../../text/particle';

export const forwardingOff: LintRule = {
  code: 'forwarding-off',
  summary: loc(
    'Other hosts route through this host, but it does not forward (`net.ipv4.ip_forward` is 0); the quick fix adds `sysctl -w net.ipv4.ip_forward=1`.',
    '다른 호스트가 이 호스트를 거쳐 가지만 이 호스트는 패킷을 포워딩하지 않습니다(`net.ipv4.ip_forward`가 0). 빠른 수정이 `sysctl -w net.ipv4.ip_forward=1`을 추가합니다.',
  ),
  check(ctx, warn) {
    /** One warning per non-forwarding router: its namespace, or the interface that owns the gateway when forwarding is set for it alone. */
    const noForward = new Map<Link | Netns, { route: Route; ns: Netns; owner: AddrAt; count: number }>();
    /** Whether a router only serves as the destination of a prefix, by router and prefix. */
    const destOnly = new Map<string, boolean>();
    for (const { route: r, ns, owners } of ctx.shared(gatewayRoutes)) {
      if (owners.length !== 1) continue; // none: gateway-not-owned; several: a duplicate address
      const owner = owners[0]!;
      const routerNs = owner.link.netns;
      // IPv6 is forwarded by net.ipv6.conf.all.forwarding alone (never per interface).
      const v6 = r.gateway!.family === 6;
      const fwd = v6 ? ipv6Forwarding(routerNs) : (owner.link.forwarding ?? routerNs.sysctl.ipForward);
      if (fwd) continue;
      const dk = `${ctx.segments.numberOf(owner.link)}|${r.dst.addr.family}|${r.dst.addr.value}/${r.dst.len}`;
      let only = destOnly.get(dk);
      if (only === undefined) destOnly.set(dk, (only = onlyDestination(routerNs, r)));
      if (only) continue;
      keepFirst(noForward, !v6 && owner.link.forwarding !== undefined ? owner.link : routerNs, { route: r, ns, owner, count: 1 }, (e) =>
        ctx.routePlace(e.route, e.ns),
      );
    }
    for (const { route: r, ns, owner, count } of noForward.values()) {
      const gw = formatAddr(r.gateway!);
      const routerNs = owner.link.netns;
      const router = nsLabel(routerNs);
      const v6 = r.gateway!.family === 6;
      const perLink = !v6 && owner.link.forwarding !== undefined;
      const setting = v6 ? 'net.ipv6.conf.all.forwarding' : perLink ? `net.ipv4.conf.${owner.link.name}.forwarding` : 'net.ipv4.ip_forward';
      const setAt = ctx.lineOf(
        v6 ? routerNs.conf6?.all.forwardingOrigin : perLink ? owner.link.forwardingOrigin : routerNs.sysctl.ipForwardOrigin,
      );
      const exec = routerNs.name === ROOT_NS ? '' : `ip netns exec ${routerNs.name} `;
      const fix = `${exec}sysctl -w ${setting}=1`;
      const more = moreRoutes(count, false);
      warn(
        ctx.routePlace(r, ns),
        loc(
          `${nsLabel(ns)}: this route sends ${formatRouteDst(r.dst)} through ${gw} (${router}), but ${router} does not forward packets: ${setting} is 0 there${setAt.en}. Enable it on ${routerNs.host.name}: ${fix}${more.en}`,
          `${nsLabel(ns)}: 이 라우트는 ${eulreul(formatRouteDst(r.dst))} ${gw}(${router}) 게이트웨이로 보내지만 ${eunneun(router)} 패킷을 포워딩하지 않습니다: 그곳의 ${iga(setting)} 0입니다${setAt.ko}. ${routerNs.host.name}에서 켜세요: ${fix}${more.ko}`,
        ),
      );
    }
  },
};

/**
 * Whether the router only receives the route's packets: every address of the route's prefix is
 * local to it (a route to one of its own addresses, or to a prefix it holds as `local`).
 */
function onlyDestination(router: Netns, r: Route): boolean {
  const hit = fibTableLookup(router, r.dst.addr, { ignoreLinkState: true });
  return !!hit && hit.type === 'local' && hit.dst.len <= r.dst.len && prefixContains(hit.dst, r.dst.addr);
}
