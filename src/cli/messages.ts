/** The CLI's own messages, in English and Korean. `{0}`, `{1}` are filled in order. */
import type { Localized } from '../core';

export const MESSAGES = {
  usage: {
    en: `knetlab: Linux network labs, simulated.

Usage:
  knetlab check PATH... [--format text|json]
      Check labs (a lab folder, a lab.yaml, or a folder of labs). Exit 1 when any error.
  knetlab trace LAB --from HOST[/NETNS] --to ADDR [--proto icmp|tcp|udp] [--port N] [--format text|json]
      Walk a packet and its reply through the lab, step by step. Exit 0 when it got its reply, 1 when not.
  knetlab exec LAB --on HOST[/NETNS] -- COMMAND...
      Run one command on a simulated host after the lab's run lines; prints what the real tool prints.

Options:
  --lang en|ko   language of messages (default: from LANG)
  --version      print the version`,
    ko: `knetlab: 시뮬레이션으로 하는 리눅스 네트워크 실습.

사용법:
  knetlab check 경로... [--format text|json]
      랩을 검사합니다 (랩 폴더, lab.yaml, 또는 랩들이 있는 폴더). 오류가 있으면 종료 상태 1.
  knetlab trace 랩 --from 호스트[/네임스페이스] --to 주소 [--proto icmp|tcp|udp] [--port N] [--format text|json]
      패킷과 그 응답이 랩을 지나가는 과정을 단계별로 보여 줍니다. 응답을 받으면 0, 아니면 1.
  knetlab exec 랩 --on 호스트[/네임스페이스] -- 명령...
      랩의 run 줄을 실행한 뒤 시뮬레이션된 호스트에서 명령 하나를 실행하고, 실제 도구가 출력하는 내용을 출력합니다.

옵션:
  --lang en|ko   메시지 언어 (기본값: LANG에서)
  --version      버전 출력`,
  },
  unknownCommand: { en: 'unknown command "{0}"; try knetlab --help', ko: '알 수 없는 명령 "{0}"; knetlab --help를 보세요' },
  unknownOption: { en: 'unknown option "{0}"', ko: '알 수 없는 옵션 "{0}"' },
  missingValue: { en: 'option {0} needs a value', ko: '{0} 옵션에 값이 필요합니다' },
  noSuchPath: { en: 'no such file or folder: {0}', ko: '파일이나 폴더가 없습니다: {0}' },
  noLabYaml: { en: 'no lab.yaml in {0}', ko: '{0}에 lab.yaml이 없습니다' },
  cannotRead: { en: 'cannot read {0}: {1}', ko: '{0}을(를) 읽을 수 없습니다: {1}' },
  checkUsage: { en: 'usage: knetlab check PATH... [--format text|json]', ko: '사용법: knetlab check 경로... [--format text|json]' },
  checkSummary: { en: '{0} error(s), {1} warning(s)', ko: '오류 {0}개, 경고 {1}개' },
  badFormat: { en: 'unknown format "{0}" (text or json)', ko: '알 수 없는 형식 "{0}" (text 또는 json)' },
  needLab: { en: 'which lab? give a lab folder or lab.yaml', ko: '어떤 랩인가요? 랩 폴더나 lab.yaml을 주세요' },
  labHasErrors: { en: '{0} has errors; fix them first (knetlab check)', ko: '{0}에 오류가 있습니다. 먼저 고치세요 (knetlab check)' },
  badEndpoint: { en: '"{0}" is not HOST or HOST/NETNS', ko: '"{0}"은(는) 호스트 또는 호스트/네임스페이스가 아닙니다' },
  noHost: { en: 'no host "{0}" in this lab (hosts: {1})', ko: '이 랩에 "{0}" 호스트가 없습니다 (호스트: {1})' },
  noNetns: { en: 'no network namespace "{0}" on {1} (namespaces: {2})', ko: '{1}에 "{0}" 네트워크 네임스페이스가 없습니다 (네임스페이스: {2})' },
  traceUsage: { en: 'usage: knetlab trace LAB --from HOST[/NETNS] --to ADDR [--proto icmp|tcp|udp] [--port N]', ko: '사용법: knetlab trace 랩 --from 호스트[/네임스페이스] --to 주소 [--proto icmp|tcp|udp] [--port N]' },
  badProto: { en: 'unknown protocol "{0}" (icmp, tcp or udp)', ko: '알 수 없는 프로토콜 "{0}" (icmp, tcp, udp)' },
  badPort: { en: '"{0}" is not a port (1-65535)', ko: '"{0}"은(는) 포트가 아닙니다 (1-65535)' },
  badAddress: { en: '"{0}" is not an IP address', ko: '"{0}"은(는) IP 주소가 아닙니다' },
  execUsage: { en: 'usage: knetlab exec LAB --on HOST[/NETNS] -- COMMAND...', ko: '사용법: knetlab exec 랩 --on 호스트[/네임스페이스] -- 명령...' },
  requestHeading: { en: 'Request:', ko: '요청:' },
  replyHeading: { en: 'Reply:', ko: '응답:' },
  internal: { en: 'internal error: {0}', ko: '내부 오류: {0}' },
} satisfies Record<string, Localized>;

export type MessageId = keyof typeof MESSAGES;
