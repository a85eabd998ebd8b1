/**
 * A trace's verdict and its steps' stages in words, in both languages: the trace panel and the CLI's
 * text output (`knetlab trace`, a reach check's trace) say the same thing. The Korean are the course's words.
 */
import type { Lang, Localized } from '../text/i18n';
import type { Stage, Verdict } from './trace';

export const VERDICTS: Readonly<Record<Verdict, Localized>> = {
  replied: { en: 'Replied', ko: '응답 받음' },
  refused: { en: 'Refused', ko: '거부됨' },
  'no-route': { en: 'No route', ko: '라우트 없음' },
  'host-unreachable': { en: 'Host unreachable', ko: '호스트에 도달할 수 없음' },
  'ttl-exceeded': { en: 'TTL exceeded', ko: 'TTL 초과' },
  blackhole: { en: 'Blackhole route', ko: 'blackhole 라우트' },
  prohibited: { en: 'Prohibited', ko: '금지됨' },
  'unreachable-route': { en: 'Unreachable route', ko: 'unreachable 라우트' },
  dropped: { en: 'Dropped', ko: '버려짐' },
  'budget-exceeded': { en: 'Gave up', ko: '추적 중단' },
  unresolved: { en: 'Name not resolved', ko: '이름 해석 실패' },
};

/** The verdict as a trace's first line prints it: `REPLIED`, `NO-ROUTE` in English, `응답 받음` in Korean. */
export function verdictWord(verdict: Verdict, lang: Lang): string {
  return lang === 'ko' ? VERDICTS[verdict].ko : verdict.toUpperCase();
}

/** A step's stage, as the trace panel and the CLI name it. */
export const STAGES: Readonly<Record<Stage, Localized>> = {
  send: { en: 'send', ko: '송신' },
  route: { en: 'route', ko: '라우팅' },
  netfilter: { en: 'netfilter', ko: '넷필터' },
  neigh: { en: 'ARP', ko: 'ARP' },
  xmit: { en: 'transmit', ko: '전송' },
  wire: { en: 'wire', ko: '선로' },
  bridge: { en: 'bridge', ko: '브리지' },
  recv: { en: 'receive', ko: '수신' },
  forward: { en: 'forward', ko: '포워딩' },
  deliver: { en: 'deliver', ko: '전달' },
  icmp: { en: 'ICMP error', ko: 'ICMP 오류' },
  drop: { en: 'drop', ko: '버림' },
  resolve: { en: 'resolve', ko: '이름 해석' },
};

/** A stage as a trace's step line prints it: its id in English (`route`), its Korean word in Korean. */
export function stageWord(stage: Stage, lang: Lang): string {
  return lang === 'ko' ? STAGES[stage].ko : stage;
}
