/** The topology drawing's own words (aria labels, tooltips), in English and Korean. */
import { fill, type Lang, type Localized } from '../../../src/core/text/i18n';

export const S = {
  diagram: { en: 'Topology of the lab {0}', ko: '실습 {0}의 토폴로지' },
  roleDiagram: { en: 'network diagram', ko: '네트워크 그림' },
  diagramHelp: {
    en: 'Arrow keys move between nodes, Enter opens the declaration in the lab file, + and - zoom, 0 fits the drawing.',
    ko: '화살표 키로 노드 사이를 이동하고, Enter로 실습 파일의 선언을 엽니다. +와 -로 확대/축소하고, 0으로 전체를 맞춥니다.',
  },
  nodeList: { en: 'Nodes of the topology', ko: '토폴로지의 노드' },
  host: { en: 'Host', ko: '호스트' },
  netns: { en: 'Namespace', ko: '네임스페이스' },
  switch: { en: 'Switch', ko: '스위치' },
  bridge: { en: 'Bridge', ko: '브리지' },
  port: { en: 'Interface', ko: '인터페이스' },
  forwarding: { en: 'forwarding', ko: '포워딩' },
  forwardingOn: { en: 'IPv4 forwarding on', ko: 'IPv4 포워딩 켜짐' },
  forwardingOff: { en: 'IPv4 forwarding off', ko: 'IPv4 포워딩 꺼짐' },
  forwarding6On: { en: 'IPv6 forwarding on', ko: 'IPv6 포워딩 켜짐' },
  addresses: { en: 'Addresses', ko: '주소' },
  noAddress: { en: 'no address', ko: '주소 없음' },
  routes: { en: 'Routes, table {0}', ko: '라우트, 테이블 {0}' },
  noRoutes: { en: '(empty)', ko: '(비어 있음)' },
  state: { en: 'state {0}', ko: '상태 {0}' },
  down: { en: 'down', ko: '꺼짐' },
  noCarrier: { en: 'no carrier (its peer is down)', ko: '캐리어 없음 (상대편이 꺼짐)' },
  mac: { en: 'MAC {0}', ko: 'MAC {0}' },
  cabledTo: { en: 'cabled to switch {0}', ko: '스위치 {0}에 연결됨' },
  vethPeer: { en: 'veth pair with {0}', ko: '{0:과} veth 쌍' },
  masterOf: { en: 'port of bridge {0}', ko: '브리지 {0}의 포트' },
  connected: { en: 'Connected: {0}', ko: '연결: {0}' },
  ports: { en: 'Ports: {0}', ko: '포트: {0}' },
  none: { en: 'none', ko: '없음' },
  inNode: { en: 'in {0}', ko: '{0} 안' },
  revealHint: { en: 'Click or Enter: show the declaration in the lab file', ko: '클릭 또는 Enter: 실습 파일에서 선언 보기' },
  container: { en: 'Container', ko: '컨테이너' },
  image: { en: 'image {0}', ko: '이미지 {0}' },
  running: { en: 'running', ko: '실행 중' },
  created: { en: 'created, not started (docker ps -a shows it)', ko: '생성만 되고 시작되지 않음 (docker ps -a에 보임)' },
  exited: { en: 'exited with status {0}', ko: '종료됨, 종료 코드 {0}' },
  network: { en: 'network {0}', ko: '네트워크 {0}' },
  modeBridge: { en: 'its own namespace {0}, a veth to bridge {1}', ko: '자체 네임스페이스 {0}, 브리지 {1}에 veth로 연결' },
  modeHost: { en: "shares the host's network namespace (--network host)", ko: '호스트의 네트워크 네임스페이스 공유 (--network host)' },
  modeNone: { en: 'no network: only lo (--network none)', ko: '네트워크 없음: lo만 있음 (--network none)' },
  noNamespace: { en: 'no namespace while it is not running', ko: '실행 중이 아니라 네임스페이스 없음' },
  published: { en: 'Published ports: {0}', ko: '포트 매핑: {0}' },
  listens: { en: 'Listens on {0}', ko: '{0}에서 수신 대기' },
  dockerNetwork: { en: 'Docker network {0}', ko: 'Docker 네트워크 {0}' },
  subnet: { en: 'subnet {0}', ko: '서브넷 {0}' },
  gateway: { en: 'gateway {0}', ko: '게이트웨이 {0}' },
  containers: { en: 'Containers: {0}', ko: '컨테이너: {0}' },
  containerVeth: { en: "the host's end of container {0}'s veth", ko: '컨테이너 {0}의 veth 중 호스트 쪽' },
  onPath: { en: 'on the packet path', ko: '패킷 라우트 위' },
  current: { en: 'current step', ko: '현재 단계' },
  match: { en: 'search match', ko: '검색 결과' },
} satisfies Record<string, Localized>;

export type StringKey = keyof typeof S;

/** A string in the display language, `{0}`, `{1}`... replaced by the arguments. */
export function t(lang: Lang, key: StringKey, ...args: readonly (string | number)[]): string {
  return fill(S[key], lang, args);
}
