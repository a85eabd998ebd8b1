/**
 * A wrong mask, read off the wiring: an address whose prefix length differs from the one the rest
 * of its layer-2 segment uses for the same subnet. The kernel makes a connected route from each
 * address (`192.0.0.0/8 dev eth0` from `192.168.2.20/8`), so a mask too wide makes a far address
 * look on-link (the host asks for it by ARP instead of handing it to a gateway, and nobody
 * answers), and a mask too narrow leaves a neighbour outside every route. Each explanation names
 * the address, the line that added it, and the addresses of the segment that disagree with it.
 */
import { type Addr, formatAddr, formatPrefix, networkOf, prefixContains } from '../../net/addr';
import { loc } from '../../text/i18n';
import { eulreul, eunneun, iga } from '../../text/particle';
import type { IfAddr, Link, Netns, World } from '../../sim/model';
import { type Explanation, linkLabel as label } from './why';
import { segmentLinks } from './segment';

interface Peer {
  readonly link: Link;
  readonly addr: IfAddr;
}

const subnetOf = (a: IfAddr) => ({ addr: networkOf(a.addr, a.prefixLen), len: a.prefixLen });
const cidr = (a: IfAddr) => `${formatAddr(a.addr)}/${a.prefixLen}`;

/** The addresses on the segment of `dev` (other links than `dev`) for which `keep` holds. */
function peers(world: World, dev: Link, keep: (a: IfAddr) => boolean): Peer[] {
  const out: Peer[] = [];
  for (const l of segmentLinks(world, dev)) {
    if (l === dev || l.kind === 'loopback') continue;
    for (const a of l.addrs) if (keep(a)) out.push({ link: l, addr: a });
  }
  return out;
}

/** Whether another address of the segment has the same subnet as `mine`: then `mine` is not the odd one out. */
function shared(world: World, dev: Link, mine: IfAddr): boolean {
  return (
    peers(world, dev, (b) => b.addr.family === mine.addr.family && b.prefixLen === mine.prefixLen && prefixContains(subnetOf(b), mine.addr))
      .length > 0
  );
}

/** The prefix length most of `ps` use (on a tie, the one seen first). */
function usual(ps: readonly Peer[]): number {
  const count = new Map<number, number>();
  for (const p of ps) count.set(p.addr.prefixLen, (count.get(p.addr.prefixLen) ?? 0) + 1);
  return [...count].sort((a, b) => b[1] - a[1])[0]![0];
}

function listed(ps: readonly Peer[]): string {
  const shown = ps.slice(0, 3).map((p) => `${label(p.link)} ${cidr(p.addr)}`);
  return shown.join(', ') + (ps.length > 3 ? ', ...' : '');
}

/**
 * Nobody answered for `nexthop` on `dev`, which an address of `dev` made look on-link: the wrong
 * mask, when others on the segment use a longer prefix of the same subnet that leaves `nexthop` out.
 */
export function explainWideMask(world: World, dev: Link, nexthop: Addr): Explanation | undefined {
  const mine = dev.addrs
    .filter((a) => a.addr.family === nexthop.family && prefixContains(subnetOf(a), nexthop))
    .sort((a, b) => b.prefixLen - a.prefixLen)[0];
  if (!mine) return undefined;
  const others = peers(
    world,
    dev,
    (b) =>
      b.addr.family === mine.addr.family &&
      b.prefixLen > mine.prefixLen &&
      prefixContains(subnetOf(b), mine.addr) &&
      !prefixContains(subnetOf(b), nexthop),
  );
  if (!others.length || shared(world, dev, mine)) return undefined;
  const len = usual(others);
  const nh = formatAddr(nexthop);
  const route = `${formatPrefix(subnetOf(mine))} dev ${dev.name}`;
  return {
    reason: loc(
      `Wrong mask: ${label(dev)} has ${cidr(mine)}, and with that mask ${nh} looks on its own link ("${route}"), so it is asked for by ARP instead of sent to a gateway. The others on this segment use /${len} (${listed(others)}), and ${nh} is not in their subnet.`,
      `서브넷 마스크가 잘못되었습니다. ${label(dev)}의 주소는 ${cidr(mine)}입니다. 이 마스크로는 ${iga(nh)} 같은 링크에 있는 것처럼 보여서("${route}") 게이트웨이로 보내지 않고 ARP로 직접 찾습니다. 이 세그먼트의 다른 주소는 ${eulreul(`/${len}`)} 쓰고 (${listed(others)}), ${eunneun(nh)} 그 서브넷에 없습니다.`,
    ),
    ...(mine.origin ? { source: mine.origin } : {}),
    data: {
      wrongMask: { address: cidr(mine), dev: label(dev), usual: len, others: others.map((p) => `${label(p.link)} ${cidr(p.addr)}`) },
    },
  };
}

/**
 * `ns` has no route to `dst`, which is on the segment of one of its links: the wrong mask, when
 * others there use a shorter prefix of the same subnet that holds `dst`, and the link's own leaves it out.
 */
export function explainNarrowMask(world: World, ns: Netns, dst: Addr): Explanation | undefined {
  for (const dev of ns.links.values()) {
    if (dev.kind === 'loopback') continue;
    for (const mine of dev.addrs) {
      if (mine.addr.family !== dst.family || prefixContains(subnetOf(mine), dst)) continue;
      const others = peers(
        world,
        dev,
        (b) =>
          b.addr.family === dst.family &&
          b.prefixLen < mine.prefixLen &&
          prefixContains(subnetOf(b), mine.addr) &&
          prefixContains(subnetOf(b), dst),
      );
      if (!others.length || shared(world, dev, mine)) continue;
      const len = usual(others);
      const d = formatAddr(dst);
      return {
        reason: loc(
          `Wrong mask: ${label(dev)} has ${cidr(mine)}, a subnet too small to hold ${d}, though ${d} is on its segment: the others there use /${len} (${listed(others)}). With /${len}, the kernel's route for the address would cover it.`,
          `서브넷 마스크가 잘못되었습니다. ${label(dev)}의 주소 ${cidr(mine)}의 서브넷은 너무 작아서 ${eulreul(d)} 포함하지 못합니다. 하지만 ${eunneun(d)} 같은 세그먼트에 있고, 그곳의 다른 주소는 ${eulreul(`/${len}`)} 씁니다 (${listed(others)}). 마스크가 다른 주소와 같았다면 커널이 이 주소에 맞춰 만드는 라우트가 ${eulreul(d)} 포함했을 것입니다.`,
        ),
        ...(mine.origin ? { source: mine.origin } : {}),
        data: {
          wrongMask: { address: cidr(mine), dev: label(dev), usual: len, others: others.map((p) => `${label(p.link)} ${cidr(p.addr)}`) },
        },
      };
    }
  }
  return undefined;
}
