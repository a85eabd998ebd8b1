/**
 * knetlab's own words among a simulated command's output: what the simulator does not model,
 * its internal errors, a host that is not there. They are written on the simulated machine's
 * stderr in English, as a tool's messages are (a tool's own messages stay as Linux prints them);
 * what shows them to a person (`knetlab exec`, the editor's shell, a diagnostic) passes the text
 * through localizeNotes, which puts knetlab's lines, and only those, in the person's language.
 */
import type { Lang } from '../text/i18n';

/** Each of knetlab's lines (without `knetlab: `), and its Korean. The first that matches is used. */
const NOTES: readonly (readonly [RegExp, (m: RegExpExecArray) => string])[] = [
  [/^no host named "(.*)"$/, (m) => `"${m[1]}" 호스트가 없습니다`],
  [/^internal error in "(.*?)": (.*)$/, (m) => `"${m[1]}" 실행 중 내부 오류: ${m[2]}`],
  [/^internal error: (.*)$/, (m) => `내부 오류: ${m[1]}`],
  [/^redirection of descriptor (\d+) is not simulated$/, (m) => `파일 디스크립터 ${m[1]}의 리다이렉션은 시뮬레이션하지 않습니다`],
  [/^writing to (.*) is not simulated$/, (m) => `${m[1]}에 쓰기는 시뮬레이션하지 않습니다`],
  [
    /^ping without -c or -w is not simulated: a real ping sends until it is interrupted$/,
    () => '-c나 -w 없는 ping은 시뮬레이션하지 않습니다. 실제 ping은 중단할 때까지 계속 보냅니다',
  ],
  [
    /^ping that waits forever is not simulated: with -W 0 and no -w, a real ping waits until it is interrupted$/,
    () => '끝없이 기다리는 ping은 시뮬레이션하지 않습니다. -w 없이 -W 0이면 실제 ping은 중단할 때까지 기다립니다',
  ],
  [/^ping of more than (\d+) echo requests is not simulated$/, (m) => `echo 요청을 ${m[1]}개 넘게 보내는 ping은 시뮬레이션하지 않습니다`],
  [/^(\S+) without -c is not simulated$/, (m) => `-c 없는 ${m[1]} 실행은 시뮬레이션하지 않습니다`],
  [/^shell compound commands \((.*)\) are not simulated$/, (m) => `셸 복합 명령(${m[1]})은 시뮬레이션하지 않습니다`],
  [/^pipes \(\|\) are not simulated$/, () => '파이프(|)는 시뮬레이션하지 않습니다'],
  [/^command substitution \$\(\.\.\.\) is not simulated$/, () => '명령 치환($(...))은 시뮬레이션하지 않습니다'],
  [/^here-documents \(<<\) is not simulated$/, () => '히어 도큐먼트(<<)는 시뮬레이션하지 않습니다'],
  [/^subshells \( \.\.\. \) is not simulated$/, () => '서브셸(( ... ))은 시뮬레이션하지 않습니다'],
  [/^the shell builtin "(.*)" is not simulated$/, (m) => `셸 내장 명령("${m[1]}")은 시뮬레이션하지 않습니다`],
  [/^(.*) is not simulated$/, (m) => `"${m[1]}" 부분은 시뮬레이션하지 않습니다`],
];

/** `text` (a command's stdout or stderr) with knetlab's own lines in `lang`; every other line as it is. */
export function localizeNotes(text: string, lang: Lang): string {
  if (lang === 'en' || !text.includes('knetlab: ')) return text;
  return text.replace(/^knetlab: (.*)$/gm, (line, body: string) => {
    for (const [re, ko] of NOTES) {
      const m = re.exec(body);
      if (m) return `knetlab: ${ko(m)}`;
    }
    return line;
  });
}
