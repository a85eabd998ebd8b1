/**
 * lonely-subnet: an address whose subnet no other interface on its L2 segment shares (subnets.ts
 * finds them), so it has no neighbour to talk to directly: often a typo in the address or the
 * prefix length. When no two interfaces there agree there is no odd one out: one warning, at the
 * last address.
 */
import { loc } from '../../text/i18n';
import { formatAddr, formatPrefix, networkOf } from '../../net/addr';
import { nsLabel } from '../../sim/model';
import type { LintRule } from '../rule';
import type { AddrAt, Segment } from '../segments';
import { placeOrder } from '../common';
import { lonelyGroups } from '../subnets';
import { eunneun } from '../../text/particle';

export const lonelySubnet: LintRule = {
  code: 'lonely-subnet',
  summary: loc(
    "An interface's subnet has no other member on its segment: nothing there can answer it.",
    '인터페이스의 서브넷에 같은 세그먼트의 다른 구성원이 없어 아무도 응답할 수 없습니다.',
  ),
  check(ctx, warn) {
    for (const { seg, all, lonely } of ctx.shared(lonelyGroups)) {
      const report =
        lonely.length === all.length ? [...lonely].sort((x, y) => placeOrder(ctx.addrPlace(x), ctx.addrPlace(y))).slice(-1) : lonely;
      for (const x of report) {
        const subnet = formatPrefix({ addr: networkOf(x.a.addr, x.a.prefixLen), len: x.a.prefixLen });
        const others = neighbourSubnets(seg, x);
        warn(
          ctx.addrPlace(x),
          loc(
            `${nsLabel(x.link.netns)}: no other interface on the L2 segment of ${x.link.name} has an address in ${subnet}, so ${formatAddr(x.a.addr)}/${x.a.prefixLen} has no neighbour to talk to directly. The others there are on ${others}: is the address or the prefix length a typo?`,
            `${nsLabel(x.link.netns)}: ${x.link.name}의 L2 세그먼트에 ${subnet} 주소를 가진 다른 인터페이스가 없어 ${formatAddr(x.a.addr)}/${eunneun(x.a.prefixLen)} 직접 통신할 이웃이 없습니다. 그곳의 다른 인터페이스는 ${others}에 있습니다. 주소나 프리픽스 길이를 잘못 쓴 것 아닌가요?`,
          ),
        );
      }
    }
  },
};

/** The subnets of the other interfaces on the segment, for a message (at most three). */
function neighbourSubnets(seg: Segment, x: AddrAt): string {
  const seen = new Set<string>();
  for (const y of seg.addrs) {
    if (y.link === x.link || y.a.addr.family !== x.a.addr.family) continue;
    seen.add(
      formatPrefix({
        addr: networkOf(y.a.addr, y.a.prefixLen),
        len: y.a.prefixLen,
      }),
    );
    if (seen.size > 3) break;
  }
  const list = [...seen];
  return list.length > 3 ? `${list.slice(0, 3).join(', ')}, ...` : list.join(', ');
}
