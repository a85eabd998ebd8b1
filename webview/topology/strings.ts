/** The topology panel's words, in English and Korean. */
import { fill, type Lang, type Localized } from '../../src/core/text/i18n';

export const STRINGS = {
  toolbar: { en: 'Topology tools', ko: '토폴로지 도구' },
  search: { en: 'Search names and addresses', ko: '이름과 주소 검색' },
  searchPlaceholder: { en: 'Search (name or address)', ko: '검색 (이름 또는 주소)' },
  matches: { en: '{0} matches', ko: '{0}개 일치' },
  oneMatch: { en: '1 match', ko: '1개 일치' },
  noMatch: { en: 'No match', ko: '일치 없음' },
  fit: { en: 'Fit', ko: '맞추기' },
  fitLabel: { en: 'Fit the whole drawing in the panel', ko: '그림 전체를 패널에 맞추기' },
  exportSvg: { en: 'Export SVG', ko: 'SVG 내보내기' },
  exportPng: { en: 'Export PNG', ko: 'PNG 내보내기' },
  exportSvgLabel: { en: 'Export the drawing as an SVG file', ko: '그림을 SVG 파일로 내보내기' },
  exportPngLabel: { en: 'Export the drawing as a PNG image', ko: '그림을 PNG 이미지로 내보내기' },
  busy: { en: 'Working…', ko: '작업 중…' },
  empty: {
    en: 'No lab to draw yet: open a lab.yaml and run "knetlab: Show Topology".',
    ko: '아직 그릴 실습이 없습니다. lab.yaml을 열고 "knetlab: 토폴로지 보기"를 실행하세요.',
  },
  error: {
    en: 'The lab does not load; this drawing is the last one that did: {0}',
    ko: '실습을 불러올 수 없어, 마지막으로 불러온 그림을 보여 줍니다: {0}',
  },
  exported: { en: 'Exported {0}', ko: '{0} 내보냄' },
  exportFailed: { en: 'Export failed: {0}', ko: '내보내기 실패: {0}' },
} satisfies Record<string, Localized>;

export function s(lang: Lang, key: keyof typeof STRINGS, ...args: readonly (string | number)[]): string {
  return fill(STRINGS[key], lang, args);
}
