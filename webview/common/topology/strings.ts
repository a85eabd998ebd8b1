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
  onPath: { en: 'on the packet path', ko: '패킷 라우트 위' },
  current: { en: 'current step', ko: '현재 단계' },
  match: { en: 'search match', ko: '검색 결과' },
} satisfies Record<string, Localized>;

export type StringKey = keyof typeof S;

/** A string in the display language, `{0}`, `{1}`... replaced by the arguments. */
export function t(lang: Lang, key: StringKey, ...args: readonly (string | number)[]): string {
  return fill(S[key], lang, args);
}
