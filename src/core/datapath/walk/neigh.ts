/**
 * Neighbour resolution (arp_solicit with arp_announce 0, arp_ignore 0): the walk's own cache, a
 * static entry, or an ARP request on the segment that the owner of the address answers. Entries
 * learned live in the walk's Flow, never in the world.
 */
import { type Addr, addrEq, BROADCAST_MAC, formatAddr } from '../../net/addr';
import { type Localized, loc } from '../../text/i18n';
import { fibTableLookup } from '../../sim/fib';
import { hasCarrier } from '../../sim/kernel';
import { type Link, type Netns, nsLabel } from '../../sim/model';
import type { Frame, Packet } from '../packet';
import { solicitWords } from '../inet6';
import type { Walk } from './context';
import { downWhy, explainLoop, explainNoAnswer } from './explain';
import { iga } from '../../text/particle';

function neighKey(dev: Link, a: Addr): string {
  return `${dev.ifindex}|${a.value}`;
}

function learn(w: Walk, ns: Netns, dev: Link, a: Addr, mac: string): void {
  let m = w.flow.neigh.get(ns);
  if (!m) w.flow.neigh.set(ns, (m = new Map()));
  m.set(neighKey(dev, a), mac);
}

/** The address is one of the namespace's own (a /32 or /128 local route in table local). */
export function ownsAddress(ns: Netns, a: Addr): boolean {
  const r = fibTableLookup(ns, a);
  return !!r && r.type === 'local' && r.table === 255 && r.dst.len === (a.family === 4 ? 32 : 128);
}

/** The MAC of `nexthop` on `dev`, or undefined when nobody answers. */
export function resolve(w: Walk, ns: Netns, dev: Link, nexthop: Addr, p: Packet): string | undefined {
  w.clearL2Loop();
  w.arpWhy = undefined;
  if (dev.kind === 'loopback') return '00:00:00:00:00:00';
  const nh = formatAddr(nexthop);
  const known = w.flow.neigh.get(ns)?.get(neighKey(dev, nexthop));
  if (known) {
    w.add(ns, 'neigh', dev, p, loc(`${nh} is at ${known} (neighbour cache).`, `${nh}의 MAC은 ${known}입니다 (이웃 캐시).`), {
      data: { nexthop: nh, mac: known, from: 'cache' },
    });
    return known;
  }
  const perm = ns.neigh.find((n) => n.dev === dev && addrEq(n.addr, nexthop) && n.mac);
  if (perm?.mac) {
    w.add(
      ns,
      'neigh',
      dev,
      p,
      loc(`${nh} is at ${perm.mac} (static neighbour entry).`, `${nh}의 MAC은 ${perm.mac}입니다 (정적 이웃 항목).`),
      {
        data: { nexthop: nh, mac: perm.mac, from: perm.state },
      },
    );
    return perm.mac;
  }
  // ARP: who-has nexthop tell <our source>.
  const sender = arpSource(dev, p.src);
  const arpReq: Frame = {
    src: dev.mac,
    dst: BROADCAST_MAC,
    arp: { op: 'request', sender: sender ?? { family: 4, value: 0n }, target: nexthop },
  };
  const v6 = nexthop.family === 6;
  const asker = sender ? { sender: formatAddr(sender) } : {};
  const ask = solicitWords(nexthop.family, nexthop, sender);
  if (!hasCarrier(dev)) {
    const why = noCarrierWhy(dev);
    const down = dev.up ? (dev.kind === 'veth' && dev.peer && !dev.peer.up ? downWhy(dev.peer) : undefined) : downWhy(dev);
    if (down) w.arpWhy = { reason: loc(`${down.text.en}.`, `${down.text.ko}.`), source: down.source };
    w.add(
      ns,
      'neigh',
      dev,
      p,
      loc(
        `${cap(ask.en)}: ${dev.name} has no carrier (${why.en}), so nobody hears it.`,
        `${ask.ko}: ${dev.name}에 캐리어가 없어(${why.ko}) 아무도 듣지 못합니다.`,
      ),
      { data: { nexthop: nh, ...asker, answered: false }, ...(down?.source ? { source: down.source } : {}) },
    );
    return undefined;
  }
  const arrivals = w.stages.l2Send(w, dev, arpReq);
  if (w.l2Loop) {
    // The request came back to a bridge it had crossed: the walk ends in the storm (the caller sees l2Loop).
    const e = explainLoop(w.l2Loop);
    w.add(
      ns,
      'neigh',
      dev,
      p,
      loc(`${cap(ask.en)} on ${dev.name}: a broadcast storm.`, `${dev.name}에서 ${ask.ko}: 브로드캐스트 스톰이 일어납니다.`),
      {
        data: { nexthop: nh, answered: false },
      },
    );
    w.drop(w.l2Loop.ns ?? ns, undefined, p, 'dropped', e.reason, e.source, e.data);
    return undefined;
  }
  const answers: { link: Link }[] = [];
  for (const a of arrivals) {
    const rns = a.link.netns;
    if (a.link.kind === 'loopback') continue;
    if (!ownsAddress(rns, nexthop)) continue;
    answers.push({ link: a.link });
    if (sender) learn(w, rns, a.link, sender, dev.mac);
  }
  if (answers.length === 0) {
    const why = explainNoAnswer(w.world, dev, nexthop, w.l2Blocked);
    w.arpWhy = why;
    w.add(
      ns,
      'neigh',
      dev,
      p,
      loc(
        `${cap(ask.en)} on ${dev.name}: ${v6 ? 'no neighbour advertisement' : 'no answer'}. ${why ? why.reason.en : `No interface on this segment owns ${nh}.`}`,
        `${dev.name}에서 ${ask.ko}: ${v6 ? '이웃 광고(neighbour advertisement)가 없습니다' : '응답이 없습니다'}. ${why ? why.reason.ko : `이 세그먼트에는 ${nh} 주소를 가진 인터페이스가 없습니다.`}`,
      ),
      {
        data: {
          nexthop: nh,
          ...asker,
          answered: false,
          heardBy: arrivals.map((a) => `${nsLabel(a.link.netns)} ${a.link.name}`),
          ...why?.data,
        },
        ...(why?.source ? { source: why.source } : {}),
      },
    );
    return undefined;
  }
  const first = answers[0]!.link;
  // The reply travels back as unicast; bridges on the way learn the answerer's MAC.
  w.stages.l2Send(w, first, { src: first.mac, dst: dev.mac, arp: { op: 'reply', sender: nexthop, target: sender ?? nexthop } });
  learn(w, ns, dev, nexthop, first.mac);
  const dup =
    answers.length > 1
      ? loc(
          ` (${answers.length} interfaces answered: ${nh} is used twice on this segment; the first answer wins)`,
          ` (${answers.length}개 인터페이스가 응답했습니다: ${iga(nh)} 이 세그먼트에서 중복 사용됩니다. 첫 응답이 쓰입니다)`,
        )
      : loc('', '');
  w.add(
    ns,
    'neigh',
    dev,
    p,
    loc(
      v6
        ? `${cap(ask.en)} on ${dev.name}: neighbour advertisement ${nh} is at ${first.mac} (${nsLabel(first.netns)} ${first.name})${dup.en}.`
        : `${ask.en} on ${dev.name}: ${nh} is-at ${first.mac} (${nsLabel(first.netns)} ${first.name})${dup.en}.`,
      v6
        ? `${dev.name}에서 ${ask.ko}: 이웃 광고(neighbour advertisement)가 돌아옵니다. ${nh}의 MAC은 ${first.mac}입니다 (${nsLabel(first.netns)} ${first.name})${dup.ko}.`
        : `${dev.name}에서 ${ask.ko}: ${nh}의 MAC은 ${first.mac}입니다 (${nsLabel(first.netns)} ${first.name})${dup.ko}.`,
    ),
    { data: { nexthop: nh, ...asker, mac: first.mac, answeredBy: `${nsLabel(first.netns)} ${first.name}`, answers: answers.length } },
  );
  return first.mac;
}

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function noCarrierWhy(dev: Link): Localized {
  if (!dev.up) return loc(`${dev.name} is down`, `${iga(dev.name)} down 상태`);
  if (dev.kind === 'veth')
    return dev.peer
      ? loc(`its peer ${dev.peer.name} is down`, `상대편 ${iga(dev.peer.name)} down 상태`)
      : loc('it has no peer', '상대편이 없음');
  if (dev.kind === 'bridge') return loc('no port of the bridge is up', '브리지에 up 상태인 포트가 없음');
  return loc('no link', '링크 없음');
}

/** arp_solicit with arp_announce=0: the packet's source if it is ours, else an address of the device. */
function arpSource(dev: Link, src: Addr): Addr | undefined {
  if (src.value !== 0n && ownsAddress(dev.netns, src)) return src;
  const a = dev.addrs.find((x) => x.addr.family === src.family && !x.secondary);
  return a?.addr ?? (src.value !== 0n ? src : undefined);
}
