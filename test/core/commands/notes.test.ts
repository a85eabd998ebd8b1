/**
 * knetlab's own lines among a simulated command's output (src/core/commands/notes.ts): written in
 * English on the machine, shown in the user's language; a tool's own lines stay as Linux prints them.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { buildWorld, execCommand, loadLab, localizeNotes } from '../../../src/core';

const lab = loadLab(readFileSync('labs/02-gateway/lab.yaml', 'utf8'), { file: 'lab.yaml' }).lab!;
const { world } = buildWorld(lab);
const run = (line: string) => execCommand(world, { host: 'a', netns: '' }, line).stderr;

describe("knetlab's own lines in the user's language", () => {
  const cases: [string, string][] = [
    ['ip link | grep x', 'knetlab: 파이프(|)는 시뮬레이션하지 않습니다\n'],
    ['echo $(hostname)', 'knetlab: 명령 치환($(...))은 시뮬레이션하지 않습니다\n'],
    ['for i in 1; do echo; done', 'knetlab: 셸 복합 명령(for ...)은 시뮬레이션하지 않습니다\n'],
    ['cat <<EOF', 'knetlab: 히어 도큐먼트(<<)는 시뮬레이션하지 않습니다\n'],
    ['(hostname)', 'knetlab: 서브셸(( ... ))은 시뮬레이션하지 않습니다\n'],
    ['hostname 3>/dev/null', 'knetlab: 파일 디스크립터 3의 리다이렉션은 시뮬레이션하지 않습니다\n'],
    ['sh', 'knetlab: -c 없는 sh 실행은 시뮬레이션하지 않습니다\n'],
    ['cd /', 'knetlab: 셸 내장 명령("cd")은 시뮬레이션하지 않습니다\n'],
    ['sysctl --system', 'knetlab: "sysctl --system" 부분은 시뮬레이션하지 않습니다\n'],
    ['ip xfrm state', 'knetlab: "ip xfrm" 부분은 시뮬레이션하지 않습니다\n'],
  ];
  for (const [line, ko] of cases) {
    it(`${line}: Korean under ko, as it was under en`, () => {
      const en = run(line);
      assert.match(en, /^knetlab: .* not simulated\n$/);
      assert.equal(localizeNotes(en, 'en'), en);
      assert.equal(localizeNotes(en, 'ko'), ko);
    });
  }

  it('a host that is not there; internal errors; writing a file it does not model', () => {
    const none = execCommand(world, { host: 'zz', netns: '' }, 'hostname').stderr;
    assert.equal(localizeNotes(none, 'ko'), 'knetlab: "zz" 호스트가 없습니다\n');
    assert.equal(localizeNotes('knetlab: internal error: boom\n', 'ko'), 'knetlab: 내부 오류: boom\n');
    assert.equal(localizeNotes('knetlab: internal error in "ip": boom\n', 'ko'), 'knetlab: "ip" 실행 중 내부 오류: boom\n');
    assert.equal(
      localizeNotes('knetlab: writing to /sys/x is not simulated\n', 'ko'),
      'knetlab: /sys/x에 쓰기는 시뮬레이션하지 않습니다\n',
    );
  });

  it("a tool's own lines stay as Linux prints them, around knetlab's", () => {
    const text = 'Cannot find device "eth9"\nknetlab: pipes (|) are not simulated\nsh: 1: tc: not found\n';
    assert.equal(
      localizeNotes(text, 'ko'),
      'Cannot find device "eth9"\nknetlab: 파이프(|)는 시뮬레이션하지 않습니다\nsh: 1: tc: not found\n',
    );
  });
});
