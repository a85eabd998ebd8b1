/**
 * duplicate-address: two interfaces on one L2 segment hold the same IP address. Both answer ARP for
 * it, so its packets go to one or the other. One warning per later holder, at the line that gave
 * it the address; the message points at the first.
 */
import { loc } from '../../text/i18n';
import { formatAddr } from '../../net/addr';
import { nsLabel } from '../../sim/model';
import type { LintRule } from '../rule';
import { placeOrder } from '../common';
import { eunneun, ro } from '../../text/particle';

export const duplicateAddress: LintRule = {
  code: 'duplicate-address',
  summary: loc(
    'Two interfaces on the same L2 segment hold the same IP address.',
    '같은 L2 세그먼트의 두 인터페이스가 같은 IP 주소를 갖고 있습니다.',
  ),
  check(ctx, warn) {
    for (const seg of ctx.segments.all()) {
      for (const list of seg.byAddr.values()) {
        if (list.length < 2) continue;
        const sorted = [...list].sort((x, y) => placeOrder(ctx.addrPlace(x), ctx.addrPlace(y)));
        const first = sorted[0]!;
        for (const x of sorted.slice(1)) {
          if (x.link === first.link) continue;
          const addr = formatAddr(x.a.addr);
          const other = `${nsLabel(first.link.netns)} ${first.link.name}`;
          const l = ctx.lineOf(ctx.addrPlace(first));
          warn(
            ctx.addrPlace(x),
            loc(
              `${nsLabel(x.link.netns)}: ${addr} on ${x.link.name} is already the address of ${other}${l.en}, on the same L2 segment. Both answer ARP for it; packets for ${addr} go to one or the other.`,
              `${nsLabel(x.link.netns)}: ${x.link.name}의 ${eunneun(addr)} 같은 L2 세그먼트에 있는 ${other}${l.ko}의 주소이기도 합니다. 둘 다 이 주소의 ARP에 응답하므로 ${ro(addr)} 가는 패킷이 둘 중 하나로 갑니다.`,
            ),
          );
        }
      }
    }
  },
};
