/** The CLI's own messages, in English and Korean. `{0}`, `{1}` are filled in order. */
import type { Localized } from '../core';

export const MESSAGES = {
  usage: {
    en: `knetlab: Linux network labs, simulated.

Usage:
  knetlab check PATH... [--format text|json]
      Check labs (a lab folder, a lab.yaml, or a folder of labs), Corefiles and CNI configurations
      (.conflist, .conf). Exit 1 when any error.
  knetlab trace LAB --from HOST[/NETNS] --to ADDR [--proto icmp|tcp|udp] [--port N] [--format text|json]
      Walk a packet and its reply through the lab, step by step. Exit 0 when it got its reply, 1 when not.
  knetlab exec LAB --on HOST[/NETNS] -- COMMAND...
      Run one command on a simulated host after the lab's run lines; prints what the real tool prints.
  knetlab grade LAB|COURSE [--student ID] [--solution] [--format text|json|junit] [--min-score N|N%]
      Grade a lab's exercises (or every lab of a course). Exit 0 when graded, 1 below --min-score.
  knetlab variant LAB --student ID --out DIR
      Write a student's own variant of a lab (its variables drawn for that student).
  knetlab quiz-hash ANSWER [--salt SALT]
      Print the salted hash of a quiz answer, for lab authors.

Options:
  --lang en|ko   language of messages (default: from LANG)
  --version      print the version`,
    ko: `knetlab: 시뮬레이션으로 하는 리눅스 네트워크 실습.

사용법:
  knetlab check 경로... [--format text|json]
      랩(랩 폴더, lab.yaml, 또는 랩들이 있는 폴더), Corefile, CNI 설정(.conflist, .conf)을 검사합니다.
      오류가 있으면 종료 상태 1.
  knetlab trace 랩 --from 호스트[/네임스페이스] --to 주소 [--proto icmp|tcp|udp] [--port N] [--format text|json]
      패킷과 그 응답이 랩을 지나가는 과정을 단계별로 보여 줍니다. 응답을 받으면 0, 아니면 1.
  knetlab exec 랩 --on 호스트[/네임스페이스] -- 명령...
      랩의 run 줄을 실행한 뒤 시뮬레이션된 호스트에서 명령 하나를 실행하고, 실제 도구가 출력하는 내용을 출력합니다.
  knetlab grade 랩|코스 [--student ID] [--solution] [--format text|json|junit] [--min-score N|N%]
      랩의 과제를 채점합니다 (코스면 모든 랩). 채점하면 0, --min-score 미만이면 1.
  knetlab variant 랩 --student ID --out 폴더
      학생 한 명의 랩 변형을 씁니다 (그 학생에게 뽑힌 변수 값으로).
  knetlab quiz-hash 답 [--salt SALT]
      퀴즈 답의 솔트 해시를 출력합니다 (랩 작성자용).

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
  gradeUsage: { en: 'usage: knetlab grade LAB|COURSE [--student ID] [--solution] [--format text|json|junit] [--min-score N|N%]', ko: '사용법: knetlab grade 랩|코스 [--student ID] [--solution] [--format text|json|junit] [--min-score N|N%]' },
  noSolution: { en: '{0} has no solution/ folder', ko: '{0}에 solution/ 폴더가 없습니다' },
  badCourse: { en: 'cannot read the course {0}', ko: '코스 {0}을(를) 읽을 수 없습니다' },
  badMinScore: { en: '"{0}" is not a score (a number, or a percentage like 80%)', ko: '"{0}"은(는) 점수가 아닙니다 (숫자 또는 80% 같은 백분율)' },
  badAttempts: { en: '"{0}" is not a number of attempts', ko: '"{0}"은(는) 시도 횟수가 아닙니다' },
  belowMin: { en: 'score {0} is below the minimum {1}', ko: '점수 {0}이(가) 최소 점수 {1}보다 낮습니다' },
  gradeLab: { en: 'Lab {0}', ko: '랩 {0}' },
  pass: { en: 'PASS', ko: '통과' },
  fail: { en: 'FAIL', ko: '실패' },
  gradeTotal: { en: 'Total', ko: '합계' },
  expected: { en: 'expected', ko: '기대값' },
  actual: { en: 'actual', ko: '실제값' },
  hint: { en: 'hint', ko: '힌트' },
  variantUsage: { en: 'usage: knetlab variant LAB --student ID --out DIR', ko: '사용법: knetlab variant 랩 --student ID --out 폴더' },
  outNotEmpty: { en: '{0} is not empty (use --force to write into it)', ko: '{0}이(가) 비어 있지 않습니다 (덮어쓰려면 --force)' },
  variantWritten: { en: 'wrote {0} files to {1} (the variant of student {2})', ko: '{1}에 파일 {0}개를 썼습니다 ({2} 학생의 변형)' },
  quizHashUsage: { en: 'usage: knetlab quiz-hash ANSWER [--salt SALT]', ko: '사용법: knetlab quiz-hash 답 [--salt SALT]' },
  internal: { en: 'internal error: {0}', ko: '내부 오류: {0}' },
} satisfies Record<string, Localized>;

export type MessageId = keyof typeof MESSAGES;
