/**
 * gateway-not-owned: a route through a gateway that no interface on the route's L2 segment holds:
 * ARP for it gets no answer and the packets are lost. One warning per (namespace, segment,
 * gateway), at its first route, counting the others; none for a gateway in a lonely subnet
 * (lonely-subnet already says what is wrong there).
 */
import { loc } from '../../text/i18n';
import { formatAddr, formatRouteDst, networkOf, prefixContains } from '../../net/addr';
import { type Netns, nsLabel, type Route } from '../../sim/model';
import type { LintRule } from '../rule';
import { keepFirst, moreRoutes } from '../common';
import { gatewayRoutes } from '../gateways';
import { lonelyAddrs } from '../subnets';
import { eulreul, ro } from '../../text/particle';

export const gatewayNotOwned: LintRule = {
  code: 'gateway-not-owned',
  summary: loc(
    "A route's gateway is an address no interface on that segment holds: ARP gets no answer.",
    '라우트의 게이트웨이 주소를 그 세그먼트의 어떤 인터페이스도 갖고 있지 않아 ARP에 응답이 없습니다.',
  ),
  check(ctx, warn) {
    /** One warning per (namespace, segment, gateway) for an unowned gateway. */
    const unowned = new Map<string, { route: Route; ns: Netns; count: number }>();
    const lonely = ctx.shared(lonelyAddrs);
    for (const { route: r, ns, owners } of ctx.shared(gatewayRoutes)) {
      if (owners.length !== 0) continue;
      const gw = r.gateway!;
      if (
        r.dev!.addrs.some(
          (a) =>
            lonely.has(a) &&
            prefixContains(
              {
                addr: networkOf(a.addr, a.prefixLen),
                len: a.prefixLen,
              },
              gw,
            ),
        )
      )
        continue;
      // Per namespace: each host that routes through the missing gateway is told at its own line.
      const key = `${nsLabel(ns)}|${ctx.segments.numberOf(r.dev!)}|${gw.family}|${gw.value}`;
      keepFirst(unowned, key, { route: r, ns, count: 1 }, (e) => ctx.routePlace(e.route, e.ns));
    }
    for (const { route: r, ns, count } of unowned.values()) {
      const gw = formatAddr(r.gateway!);
      const more = moreRoutes(count);
      warn(
        ctx.routePlace(r, ns),
        loc(
          `${nsLabel(ns)}: this route sends ${formatRouteDst(r.dst)} through ${gw}, but no interface on the L2 segment of ${r.dev!.name} has that address: ARP for ${gw} gets no answer and the packets are lost.${more.en}`,
          `${nsLabel(ns)}: 이 라우트는 ${eulreul(formatRouteDst(r.dst))} ${ro(gw)} 보내지만 ${r.dev!.name}의 L2 세그먼트에 그 주소를 가진 인터페이스가 없습니다. ${gw}에 대한 ARP에 응답이 없어 패킷이 사라집니다.${more.ko}`,
        ),
      );
    }
  },
};
