/**
 * Why a packet did not get its answer, in a small stable vocabulary read off its trace: the lab
 * file attaches hints to these names (`hints: [{ when: forwarding-off, text: ... }]`), the grader
 * shows a hint when its cause is seen. Each cause comes from the trace's structured facts (a drop's
 * sysctl, a route step with no route, a neighbour that did not answer, a link down, a netfilter
 * verdict), never from its words, so a reworded message changes nothing here.
 */
import { type Localized, loc } from '../text/i18n';
import type { SourceRef } from '../sim/model';
import type { Leg, Step, TraceResult } from './trace';

/** The causes, in the order a hint of each is shown when several are seen. */
export const TRACE_CAUSES = [
  'forwarding-off',
  'interface-down',
  'wrong-mask',
  'no-route',
  'no-route-back',
  'gateway-unreachable',
  'host-unreachable',
  'not-listening',
  'filtered',
  'routing-loop',
  'route-rejects',
] as const;

export type TraceCauseName = (typeof TRACE_CAUSES)[number];

/** Each cause in a few words, as the grade output names it next to its id. */
export const TRACE_CAUSE_LABELS: Readonly<Record<TraceCauseName, Localized>> = {
  'forwarding-off': loc('forwarding off', '포워딩 꺼짐'),
  'interface-down': loc('interface down', '인터페이스 down'),
  'wrong-mask': loc('wrong mask', '잘못된 서브넷 마스크'),
  'no-route': loc('no route', '라우트 없음'),
  'no-route-back': loc('no route back', '돌아오는 라우트 없음'),
  'gateway-unreachable': loc('gateway unreachable', '게이트웨이와 통신할 수 없음'),
  'host-unreachable': loc('host unreachable', '호스트에 도달할 수 없음'),
  'not-listening': loc('nothing listening', '수신 대기 중인 소켓 없음'),
  filtered: loc('filtered', '필터링됨'),
  'routing-loop': loc('routing loop', '라우팅 루프'),
  'route-rejects': loc('route rejects', '거부하는 라우트'),
};

/** What each cause means, for the lab schema and the docs. */
export const TRACE_CAUSE_DOCS: Readonly<Record<TraceCauseName, Localized>> = {
  'forwarding-off': loc(
    'A router dropped the packet because forwarding is off there (net.ipv4.ip_forward, net.ipv4.conf.DEV.forwarding or net.ipv6.conf.all.forwarding is 0).',
    '라우터에서 포워딩이 꺼져 있어(net.ipv4.ip_forward, net.ipv4.conf.DEV.forwarding, net.ipv6.conf.all.forwarding 중 하나가 0) 패킷을 버렸습니다.',
  ),
  'interface-down': loc(
    'An interface on the way is down: set down, or never brought up.',
    '지나는 길의 인터페이스가 down 상태입니다. 내려졌거나 한 번도 올라온 적이 없습니다.',
  ),
  'wrong-mask': loc(
    "An address's prefix length differs from the one the rest of its segment uses for that subnet: too wide, a far address looks on-link and is asked for by ARP; too narrow, a neighbour is outside every route. Seen with host-unreachable, gateway-unreachable or no-route.",
    '주소의 프리픽스 길이가 같은 세그먼트의 다른 주소와 다릅니다. 마스크가 너무 넓으면 먼 주소가 같은 링크에 있는 것처럼 보여 ARP로 찾게 되고, 너무 좁으면 이웃이 어느 라우트에도 들지 않습니다. host-unreachable, gateway-unreachable, no-route와 함께 나타납니다.',
  ),
  'no-route': loc(
    'A host on the way had no route for the destination (the sender, or a router that answered net unreachable).',
    '지나는 길의 호스트에 목적지로 가는 라우트가 없었습니다 (송신 호스트이거나 net unreachable로 응답한 라우터).',
  ),
  'no-route-back': loc(
    'The request arrived, but a host had no route for the reply back to the sender.',
    '요청은 도착했지만 응답을 송신 호스트로 돌려보낼 라우트가 없는 호스트가 있었습니다.',
  ),
  'gateway-unreachable': loc(
    "No answer to ARP for a route's gateway: a wrong gateway address, or the gateway is not on that link.",
    '라우트의 게이트웨이에 대한 ARP 응답이 없었습니다. 게이트웨이 주소가 틀렸거나 그 링크에 게이트웨이가 없습니다.',
  ),
  'host-unreachable': loc(
    'No answer to ARP for the destination on its own link: no host there has that address.',
    '목적지와 같은 링크에서 목적지에 대한 ARP 응답이 없었습니다. 그 주소를 가진 호스트가 없습니다.',
  ),
  'not-listening': loc(
    'The packet arrived, but nothing listens on that port: the connection was refused.',
    '패킷은 도착했지만 그 포트에서 대기하는 프로그램이 없어 연결이 거부되었습니다.',
  ),
  filtered: loc('A netfilter rule dropped or rejected the packet.', 'netfilter 규칙이 패킷을 버리거나 거부했습니다.'),
  'routing-loop': loc('The packet went round in a routing loop until its TTL ran out.', '패킷이 라우팅 루프를 돌다가 TTL이 다 되었습니다.'),
  'route-rejects': loc(
    'A blackhole, prohibit or unreachable route matched the destination.',
    'blackhole, prohibit, unreachable 라우트가 목적지와 일치했습니다.',
  ),
};

/** A cause seen in a trace: where (host, namespace, interface) and the lab line behind it, where known. */
export interface TraceCause {
  readonly cause: TraceCauseName;
  readonly host: string;
  readonly netns?: string;
  readonly iface?: string;
  readonly source?: SourceRef;
}

export function isTraceCause(name: string): name is TraceCauseName {
  return (TRACE_CAUSES as readonly string[]).includes(name);
}

const FORWARDING_SYSCTL = /^net\.ipv4\.ip_forward$|^net\.ipv4\.conf\.[^.]+\.forwarding$|^net\.ipv6\.conf\.[^.]+\.forwarding$/;

function at(cause: TraceCauseName, s: Step, source?: SourceRef): TraceCause {
  const src = source ?? s.source;
  return {
    cause,
    host: s.host,
    ...(s.netns ? { netns: s.netns } : {}),
    ...(s.iface ? { iface: s.iface } : {}),
    ...(src ? { source: src } : {}),
  };
}

/** A leg goes back toward the origin of what it answers. */
const isBack = (leg: Leg, first: boolean): boolean => leg.kind === 'reply' || leg.kind === 'answer' || (leg.kind === undefined && !first);

const downIn = (d: Readonly<Record<string, unknown>> | undefined): boolean =>
  !!d && ((Array.isArray(d['down']) && d['down'].length > 0) || d['cause'] === 'link-down');

/** The causes of one leg's steps. */
function legCauses(leg: Leg, back: boolean): TraceCause[] {
  const out: TraceCause[] = [];
  const steps = leg.steps;
  steps.forEach((s, i) => {
    const d = s.data;
    if (s.stage === 'drop' && typeof d?.['sysctl'] === 'string' && FORWARDING_SYSCTL.test(d['sysctl']) && d['value'] === 0) {
      out.push(at('forwarding-off', s));
      return;
    }
    if (s.stage === 'netfilter' && (d?.['verdict'] === 'DROP' || d?.['verdict'] === 'REJECT')) {
      out.push(at('filtered', s));
      return;
    }
    if (downIn(d) && (s.stage === 'neigh' || s.stage === 'route' || s.stage === 'drop')) {
      out.push(at('interface-down', s));
      return;
    }
    // A wrong mask is told with what it caused (no route, or an ARP nobody answered), at the address's line.
    if (d?.['wrongMask'] && (s.stage === 'route' || s.stage === 'neigh')) out.push(at('wrong-mask', s));
    // A route lookup that found nothing: `route: null` at a router, the main table's list at the sender.
    if (s.stage === 'route' && d && (d['route'] === null || (Array.isArray(d['routes']) && !('route' in d)))) {
      out.push(at(back ? 'no-route-back' : 'no-route', s));
      return;
    }
    if (s.stage === 'neigh' && d?.['answered'] === false) {
      // The route that chose this next hop: a gateway, or the destination on its own link.
      const route = steps
        .slice(0, i)
        .reverse()
        .find((r) => r.stage === 'route' && r.host === s.host);
      const gw = route?.data?.['gateway'];
      const viaGateway = typeof gw === 'string' ? gw === s.data?.['nexthop'] : s.packet?.ip.dst !== s.data?.['nexthop'];
      out.push(at(viaGateway ? 'gateway-unreachable' : 'host-unreachable', s, route?.source));
    }
  });
  return out;
}

/**
 * The causes a trace shows, each once per host, in the order of TRACE_CAUSES: none for a packet
 * that got its answer. A verdict no step explains (refused, a loop, a route that rejects) is a
 * cause of its own, at the step where the walk ended.
 */
export function traceCauses(t: TraceResult): TraceCause[] {
  if (t.replied) return [];
  const found: TraceCause[] = [];
  t.legs.forEach((leg, i) => found.push(...legCauses(leg, isBack(leg, i === 0))));
  const all = t.legs.flatMap((l) => l.steps);
  // A refusal happens where the request arrived; a loop or a rejecting route where the packet died.
  const last =
    t.verdict === 'refused'
      ? t.request.steps.at(-1)
      : ([...all].reverse().find((s) => s.stage === 'drop' || s.stage === 'icmp') ?? all.at(-1));
  const byVerdict: Partial<Record<TraceResult['verdict'], TraceCauseName>> = {
    refused: 'not-listening',
    'ttl-exceeded': 'routing-loop',
    blackhole: 'route-rejects',
    prohibited: 'route-rejects',
    'unreachable-route': 'route-rejects',
  };
  const v = byVerdict[t.verdict];
  // A refusal by a netfilter REJECT is `filtered`, not a closed port.
  if (v && last && !(v === 'not-listening' && found.some((c) => c.cause === 'filtered')))
    found.push({ ...at(v, last, t.source), ...(t.source ? { source: t.source } : {}) });
  // A link down explains the ARP requests nobody answered behind it.
  const down = found.some((c) => c.cause === 'interface-down');
  const explained = (c: TraceCause): boolean => down && (c.cause === 'host-unreachable' || c.cause === 'gateway-unreachable');
  const seen = new Set<string>();
  const unique = found.filter((c) => {
    if (explained(c)) return false;
    const key = `${c.cause} ${c.host} ${c.netns ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return unique.sort((a, b) => TRACE_CAUSES.indexOf(a.cause) - TRACE_CAUSES.indexOf(b.cause));
}
