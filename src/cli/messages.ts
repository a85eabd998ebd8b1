/**
 * The messages several CLI commands share, in English and Korean (a command's own messages are in
 * its module). `{0}`, `{1}` are filled in order.
 */
import type { Localized } from '../core';

export const MESSAGES = {
  unknownCommand: { en: 'unknown command "{0}"; try knetlab --help', ko: '알 수 없는 명령 "{0}"; knetlab --help를 보세요' },
  unknownOption: { en: 'unknown option "{0}"', ko: '알 수 없는 옵션 "{0}"' },
  missingValue: { en: 'option {0} needs a value', ko: '{0} 옵션에 값이 필요합니다' },
  repeatedOption: { en: 'option {0} is given twice ("{1}" and "{2}")', ko: '{0} 옵션이 두 번 주어졌습니다 ("{1}", "{2}")' },
  noSuchPath: { en: 'no such file or folder: {0}', ko: '파일이나 폴더가 없습니다: {0}' },
  noLabYaml: { en: 'no lab.yaml in {0}', ko: '{0}에 lab.yaml이 없습니다' },
  badCourse: { en: 'cannot read the course {0}', ko: '{0} 코스 파일을 읽을 수 없습니다' },
  minAboveMax: {
    en: '--min-score {0} is above the most points there are ({1}): nobody could pass',
    ko: '--min-score {0}: 받을 수 있는 최대 점수({1})보다 높아 아무도 통과할 수 없습니다',
  },
  cannotRead: { en: 'cannot read {0}: {1}', ko: '{0:을} 읽을 수 없습니다: {1}' },
  badFormat: { en: 'unknown format "{0}" (text or json)', ko: '알 수 없는 형식 "{0}" (text 또는 json)' },
  badAs: {
    en: 'unknown file kind "{0}" (hosts, resolv, nsswitch, zone or corefile)',
    ko: '알 수 없는 파일 종류 "{0}" (hosts, resolv, nsswitch, zone 또는 corefile)',
  },
  needLab: { en: 'which lab? give a lab folder or lab.yaml', ko: '어떤 실습인가요? 실습 폴더나 lab.yaml을 주세요' },
  labHasErrors: { en: '{0} has errors; fix them first (knetlab check)', ko: '{0}에 오류가 있습니다. 먼저 고치세요 (knetlab check)' },
  badEndpoint: { en: '"{0}" is not HOST or HOST/NETNS', ko: '"{0}"{0|은} 호스트 또는 호스트/네임스페이스가 아닙니다' },
  noHost: { en: 'no host "{0}" in this lab (hosts: {1})', ko: '이 실습에 "{0}" 호스트가 없습니다 (호스트: {1})' },
  noNetns: {
    en: 'no network namespace "{0}" on {1} (namespaces: {2})',
    ko: '{1}에 "{0}" 네트워크 네임스페이스가 없습니다 (네임스페이스: {2})',
  },
  internal: { en: 'internal error: {0}', ko: '내부 오류: {0}' },
  mayBeWrong: {
    en: 'warning: this answer may be wrong: it could depend on these lines, which the simulator does not model:',
    ko: '경고: 이 답은 틀릴 수 있습니다. 시뮬레이터가 다루지 않는 다음 줄에 따라 달라질 수 있습니다:',
  },
} satisfies Record<string, Localized>;

export type MessageId = keyof typeof MESSAGES;
