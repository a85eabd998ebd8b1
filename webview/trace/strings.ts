/** Every string the trace panel shows, in English and Korean. */
import { fill, type Lang, type Localized, pick } from '../../src/core/text/i18n';
import type { Stage, Verdict } from '../../src/core/datapath/trace';

export const S = {
  panel: { en: 'Packet trace', ko: '패킷 추적' },
  waiting: {
    en: 'No trace yet: run one from a check or with the command "knetlab: Trace a packet".',
    ko: '아직 추적이 없습니다. 검사에서 실행하거나 "knetlab: 패킷 추적" 명령으로 실행하세요.',
  },
  controls: { en: 'Playback', ko: '재생' },
  toStart: { en: 'To the first step (Home)', ko: '첫 단계로 (Home)' },
  back: { en: 'Step back (←)', ko: '한 단계 뒤로 (←)' },
  play: { en: 'Play (Space)', ko: '재생 (Space)' },
  pause: { en: 'Pause (Space)', ko: '일시 정지 (Space)' },
  forward: { en: 'Step forward (→)', ko: '한 단계 앞으로 (→)' },
  toEnd: { en: 'To the last step (End)', ko: '마지막 단계로 (End)' },
  speed: { en: 'Speed', ko: '속도' },
  showTable: { en: 'Show as a table', ko: '표로 보기' },
  showLists: { en: 'Show as lists', ko: '목록으로 보기' },
  showTopology: { en: 'Open the topology', ko: '토폴로지 열기' },
  noSteps: { en: 'No step: nothing came back.', ko: '단계 없음: 아무것도 돌아오지 않았습니다.' },
  noStepsRequest: { en: 'No step.', ko: '단계 없음.' },
  stepOf: { en: 'Step {n} of {total}', ko: '{total}단계 중 {n}단계' },
  legStep: { en: '{leg}, step {n}', ko: '{leg} {n}단계' },
  events: { en: '{leg}: {n} steps', ko: '{leg}: {n}단계' },
  eventsLabelled: { en: '{leg} ({label}): {n} steps', ko: '{leg} ({label}): {n}단계' },
  openedBy: { en: 'Opened by {leg}', ko: '{leg}에서 이어진 연결' },
  number: { en: '#', ko: '#' },
  where: { en: 'Where', ko: '위치' },
  iface: { en: 'Interface', ko: '인터페이스' },
  stage: { en: 'Stage', ko: '단계' },
  what: { en: 'What happens', ko: '일어나는 일' },
  leg: { en: 'Leg', ko: '구간' },
  tableCaption: { en: 'Every step of the trace {title}, the request then the reply', ko: '{title} 추적의 모든 단계: 요청, 그다음 응답' },
  tableCaptionLegs: { en: 'Every step of the trace {title}, leg by leg: {legs}', ko: '{title} 추적의 모든 단계, 구간 순서대로: {legs}' },
  topology: { en: "The topology, with the packet's path", ko: '패킷 라우트가 표시된 토폴로지' },
  detail: { en: 'The selected step', ko: '선택한 단계' },
  headers: { en: 'The packet here', ko: '이 지점의 패킷' },
  layer: { en: 'Header', ko: '헤더' },
  field: { en: 'Field', ko: '필드' },
  value: { en: 'Value', ko: '값' },
  changed: { en: 'changed at this step', ko: '이 단계에서 바뀜' },
  decision: { en: 'What decided it', ko: '결정한 것' },
  labLine: { en: 'Lab line', ko: '실습 파일 줄' },
  openLine: { en: 'Open {file}:{line} in the editor', ko: '편집기에서 {file}:{line} 열기' },
  mayBeWrong: {
    en: 'This answer may be wrong: it could depend on these lines, which the simulator does not model.',
    ko: '이 답은 틀릴 수 있습니다. 시뮬레이터가 다루지 않는 다음 줄에 따라 달라질 수 있습니다.',
  },
  nothingDecided: { en: 'Nothing to decide at this step.', ko: '이 단계에서는 결정할 것이 없습니다.' },
  // Decisions
  routeTable: { en: 'Routing table {table} of {where}', ko: '{where}의 라우팅 테이블 {table}' },
  matched: { en: 'matched', ko: '일치' },
  noRouteMatched: { en: 'No route matches.', ko: '일치하는 라우트가 없습니다.' },
  removedRoute: {
    en: 'Removed: {route} (added at line {added}, removed at line {removed})',
    ko: '제거됨: {route} ({added}행에서 추가, {removed}행에서 제거)',
  },
  emptyTable: { en: 'The table is empty.', ko: '테이블이 비어 있습니다.' },
  outDev: { en: 'Out through', ko: '나가는 인터페이스' },
  gateway: { en: 'Next hop (gateway)', ko: '다음 홉 (게이트웨이)' },
  source: { en: 'Source address', ko: '출발지 주소' },
  arpExchange: { en: 'ARP exchange on {dev}', ko: '{dev}의 ARP 교환' },
  arpWhoHas: { en: 'who-has {target} tell {sender}', ko: 'who-has {target} tell {sender}' },
  arpIsAt: { en: '{target} is-at {mac}', ko: '{target} is-at {mac}' },
  arpFrom: { en: 'answered by {who}', ko: '응답: {who}' },
  ndExchange: { en: 'Neighbour discovery on {dev}', ko: '{dev}의 이웃 탐색(neighbour discovery)' },
  ndSolicit: {
    en: 'neighbour solicitation for {target} from {sender}',
    ko: '이웃 요청(neighbour solicitation): {target}의 MAC 주소 문의, 보낸 곳 {sender}',
  },
  ndAdvert: { en: 'neighbour advertisement: {target} is at {mac}', ko: '이웃 광고(neighbour advertisement): {target}의 MAC은 {mac}' },
  arpNoAnswer: { en: 'no answer', ko: '응답 없음' },
  arpHeardBy: { en: 'heard by {list}', ko: '들은 곳: {list}' },
  arpNobody: { en: 'nobody heard it', ko: '아무도 듣지 못함' },
  arpAnswers: { en: '{n} interfaces answered: the address is used twice', ko: '{n}개 인터페이스가 응답: 주소가 중복 사용됨' },
  neighCache: {
    en: 'Neighbour cache: {target} is at {mac} (learned earlier in this trace).',
    ko: '이웃 캐시: {target}의 MAC은 {mac} (이 추적에서 앞서 학습).',
  },
  neighStatic: { en: 'Static neighbour entry ({state}): {target} is at {mac}.', ko: '정적 이웃 항목 ({state}): {target}의 MAC은 {mac}.' },
  fdb: { en: 'FDB of bridge {bridge}', ko: '브리지 {bridge}의 FDB' },
  mac: { en: 'MAC', ko: 'MAC' },
  port: { en: 'Port', ko: '포트' },
  bridgeForward: { en: 'The entry is known: the frame goes to that port only.', ko: '알려진 항목이라 프레임은 그 포트로만 갑니다.' },
  bridgeFlood: {
    en: 'No entry for {mac}: the bridge floods the frame, here to port {port}.',
    ko: '{mac} 항목이 없어 브리지가 프레임을 플러딩합니다. 여기서는 포트 {port:로}.',
  },
  bridgeLearn: { en: "Learned from the frame's source address.", ko: '프레임의 출발지 주소에서 학습했습니다.' },
  bridgeLocal: {
    en: "{mac} is the bridge's own address: the frame goes up to the bridge's IP stack.",
    ko: '{mac:은} 브리지 자신의 주소라 프레임이 브리지의 IP 스택으로 올라갑니다.',
  },
  switchHow: { en: 'Switch {switch}: {how} to {port}', ko: '스위치 {switch}: {port:로} {how}' },
  how_unicast: { en: 'delivered', ko: '전달' },
  how_flooded: { en: 'flooded (the MAC is unknown)', ko: '플러딩 (MAC을 모름)' },
  how_broadcast: { en: 'broadcast', ko: '브로드캐스트' },
  veth: { en: 'veth pair: {from} → {to}', ko: 'veth 쌍: {from} → {to}' },
  netfilter: { en: 'Netfilter hook {hook}', ko: '넷필터 훅 {hook}' },
  nfRuleOpen: { en: 'Open {file}:{line} in the editor, the rule {rule}', ko: '편집기에서 {file}:{line} 열기, 규칙 {rule}' },
  nfDiff: { en: 'The packet before and after this step', ko: '이 단계 전과 후의 패킷' },
  nfBranches: { en: "The statistic rule's branches", ko: 'statistic 규칙의 분기' },
  nfThisRule: { en: 'this rule: probability {p}', ko: '이 규칙: 확률 {p}' },
  nfNextRule: { en: 'on to the next rule: probability {p}', ko: '다음 규칙으로: 확률 {p}' },
  nfTaken: { en: 'taken', ko: '선택됨' },
  nfDraw: {
    en: 'Drawn {draw} with seed {seed}: below {p} takes this rule. The same seed gives the same draw (knetlab trace --seed N).',
    ko: '시드 {seed}에서 뽑은 값 {draw}: {p}보다 작으면 이 규칙을 탑니다. 시드가 같으면 뽑는 값도 같습니다 (knetlab trace --seed N).',
  },
  nfBridged: { en: 'bridged traffic (br_netfilter)', ko: '브리지 트래픽 (br_netfilter)' },
  before: { en: 'Before', ko: '이전' },
  after: { en: 'After', ko: '이후' },
  ttl: { en: 'TTL {before} → {after} (net.ipv4.ip_forward = 1)', ko: 'TTL {before} → {after} (net.ipv4.ip_forward = 1)' },
  hopLimit: {
    en: 'Hop limit {before} → {after} (net.ipv6.conf.all.forwarding = 1)',
    ko: 'hop limit {before} → {after} (net.ipv6.conf.all.forwarding = 1)',
  },
  hopLimitExpired: {
    en: 'Hop limit {ttl}: the packet cannot be forwarded (time exceeded).',
    ko: 'hop limit {ttl}: 패킷을 포워딩할 수 없습니다 (time exceeded).',
  },
  ttlExpired: {
    en: 'TTL {ttl}: the packet cannot be forwarded (time exceeded).',
    ko: 'TTL {ttl}: 패킷을 포워딩할 수 없습니다 (time exceeded).',
  },
  dropReason: { en: 'Why it is dropped', ko: '버려지는 이유' },
  sysctlIs: { en: '{key} = {value}', ko: '{key} = {value}' },
  // Verdicts
  verdict: { en: 'Verdict', ko: '결과' },
  branches: { en: 'Where the trace splits', ko: '추적이 갈라지는 곳' },
  branchMain: { en: 'This trace', ko: '이 추적' },
  busy: { en: 'Working…', ko: '작업 중…' },
  newTrace: { en: 'Trace a packet:', ko: '패킷 추적:' },
  from: { en: 'From (host or host/namespace)', ko: '출발지 (호스트 또는 호스트/네임스페이스)' },
  to: { en: 'To (an IP address)', ko: '목적지 (IP 주소)' },
  toPlaceholder: { en: 'IP address', ko: 'IP 주소' },
  proto: { en: 'Protocol', ko: '프로토콜' },
  traceRun: { en: 'Trace', ko: '추적' },
  needFrom: { en: 'Pick where the packet starts.', ko: '패킷이 출발할 곳을 고르세요.' },
  needTo: { en: 'Give the destination as an IP address.', ko: '목적지를 IP 주소로 입력하세요.' },
  needPort: { en: 'The port is a whole number from 1 to 65535.', ko: '포트는 1부터 65535 사이의 정수입니다.' },
  error: { en: 'The lab does not load', ko: '실습이 로드되지 않습니다' },
} as const satisfies Record<string, Localized>;

export type StringKey = keyof typeof S;

export { STAGES, VERDICTS } from '../../src/core/datapath/verdicts';
import { STAGES, VERDICTS } from '../../src/core/datapath/verdicts';

export const LAYERS: Readonly<Record<string, Localized>> = {
  eth: { en: 'Ethernet', ko: '이더넷' },
  arp: { en: 'ARP', ko: 'ARP' },
  ip: { en: 'IPv4', ko: 'IPv4' },
  ip6: { en: 'IPv6', ko: 'IPv6' },
  nd: { en: 'Neighbour discovery', ko: '이웃 탐색' },
  icmp: { en: 'ICMP', ko: 'ICMP' },
  tcp: { en: 'TCP', ko: 'TCP' },
  udp: { en: 'UDP', ko: 'UDP' },
  skb: { en: 'Kernel', ko: '커널' },
  app: { en: 'Application', ko: '애플리케이션' },
};

/** The string `key` in `lang`, with `{name}` placeholders filled in. */
export function t(lang: Lang, key: StringKey, vars: Readonly<Record<string, string | number>> = {}): string {
  return fill(S[key], lang, vars);
}

export function tl(lang: Lang, text: Localized): string {
  return pick(text, lang);
}

/** An IPv6 address is written with colons; the panel names IPv6's mechanisms by their own names. */
export const isV6 = (a: string | undefined): boolean => !!a && a.includes(':');

/** A step's stage, as IPv6 names it where its name differs (neighbour discovery, not ARP). */
export function stageLabel(
  lang: Lang,
  step: { readonly stage: Stage; readonly packet?: { readonly ip: { readonly dst: string } } },
): string {
  if (step.stage === 'neigh' && isV6(step.packet?.ip.dst)) return tl(lang, { en: 'ND', ko: 'ND' });
  return tl(lang, STAGES[step.stage]);
}

/** A trace's verdict, as IPv6 names it where its name differs (hop limit, not TTL). */
export function verdictLabel(
  lang: Lang,
  trace: {
    readonly verdict: Verdict;
    readonly request: { readonly steps: readonly { readonly packet?: { readonly ip: { readonly dst: string } } }[] };
  },
): string {
  const verdict = trace.verdict;
  if (verdict === 'ttl-exceeded' && isV6(trace.request.steps[0]?.packet?.ip.dst))
    return tl(lang, { en: 'Hop limit exceeded', ko: 'hop limit 초과' });
  return tl(lang, VERDICTS[verdict]);
}
