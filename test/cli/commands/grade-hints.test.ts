/** `knetlab grade`: attempts kept in the lab's .knetlab/, hints one at a time and per cause, quiz questions, places once. */
import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runWith, tmpLab } from '../../support/cli';

/** knetlab as a student runs it: attempts recorded. */
const run = (...argv: string[]) => runWith({ LANG: 'C' }, ...argv);
import { gatewayLab } from '../../support/gradeLab';

const EX = `  - id: gw
    points: 10
    hints:
      - first plain hint
      - second plain hint
      - when: forwarding-off
        text: { en: "r does not forward: net.ipv4.ip_forward.", ko: "r이 포워딩하지 않습니다." }
      - when: no-route
        text: a has no route
    checks:
      - reach: { from: a, to: 192.168.2.10 }
  - id: q
    checks:
      - quiz: { ask: { en: "Which host forwards?", ko: "어느 호스트가 포워딩합니까?" }, choices: [a, r, b], answer: r }
`;

const hints = (out: string): string[] =>
  out
    .split('\n')
    .filter((l) => l.trim().startsWith('hint:'))
    .map((l) => l.trim().slice(6));

describe('knetlab grade: hints across runs', () => {
  it('shows the cause hint in place of the plain ones', () => {
    const dir = tmpLab(gatewayLab(0, EX));
    assert.deepEqual(hints(run('grade', dir).out), ['r does not forward: net.ipv4.ip_forward.']);
    assert.deepEqual(hints(run('grade', dir).out), ['r does not forward: net.ipv4.ip_forward.']);
  });

  it('shows one more plain hint per failed run, kept in .knetlab/attempts.json', () => {
    const dir = tmpLab(
      gatewayLab(1, EX).replace('sysctl -w net.ipv4.ip_forward=1', 'sysctl -w net.ipv4.ip_forward=1\n      ip link set eth1 down'),
    );
    const first = run('grade', dir);
    assert.deepEqual(hints(first.out), ['first plain hint']);
    const file = join(dir, '.knetlab', 'attempts.json');
    const saved = JSON.parse(readFileSync(file, 'utf8'));
    assert.equal(saved.version, 1);
    assert.equal(saved.failed.gw, 1);
    const second = run('grade', dir);
    assert.deepEqual(hints(second.out), ['first plain hint', 'second plain hint']);
    assert.equal(JSON.parse(readFileSync(file, 'utf8')).failed.gw, 2);
  });

  it('--no-record reads the attempts and writes nothing', () => {
    const dir = tmpLab(gatewayLab(0, EX));
    const r = run('grade', dir, '--no-record');
    assert.equal(r.code, 0);
    assert.equal(hints(r.out).length, 1);
    assert.ok(!existsSync(join(dir, '.knetlab')));
    run('grade', dir);
    run('grade', dir, '--no-record');
    assert.equal(JSON.parse(readFileSync(join(dir, '.knetlab', 'attempts.json'), 'utf8')).failed.gw, 1);
  });

  it('records nothing under CI or KNETLAB_NO_RECORD', () => {
    const dir = tmpLab(gatewayLab(0, EX));
    runWith({ LANG: 'C', CI: 'true' }, 'grade', dir);
    runWith({ LANG: 'C', KNETLAB_NO_RECORD: '1' }, 'grade', dir);
    assert.ok(!existsSync(join(dir, '.knetlab')));
  });

  it('--attempts N neither reads nor writes the attempts', () => {
    const dir = tmpLab(gatewayLab(0, EX));
    assert.deepEqual(hints(run('grade', dir, '--attempts', '0').out), ['r does not forward: net.ipv4.ip_forward.']);
    assert.ok(!existsSync(join(dir, '.knetlab')));
  });

  it('shows each quiz question with its choices, in text and JSON, and causes in JSON', () => {
    const dir = tmpLab(gatewayLab(0, EX));
    assert.match(run('grade', dir, '--no-record').out, /question: Which host forwards\? \[a, r, b\]/);
    const json = JSON.parse(run('grade', dir, '--no-record', '--format', 'json').out);
    const q = json.exercises.find((e: { id: string }) => e.id === 'q').checks[0];
    assert.equal(q.question, 'Which host forwards?');
    assert.deepEqual(q.choices, ['a', 'r', 'b']);
    const gw = json.exercises.find((e: { id: string }) => e.id === 'gw');
    assert.deepEqual(
      gw.causes.map((c: { cause: string; host: string }) => `${c.cause}@${c.host}`),
      ['forwarding-off@r'],
    );
  });

  it('shows choices written { en, ko } in the language asked, in text and JSON', () => {
    const ex = `  - id: why
    checks:
      - quiz:
          ask: { en: "Why?", ko: "왜?" }
          choices: [{ en: "no route back", ko: "돌아가는 라우트가 없다" }, plain]
          answer: { sha256: "${'1'.repeat(64)}", salt: s }
`;
    const dir = tmpLab(gatewayLab(1, ex));
    assert.match(run('grade', dir, '--no-record').out, /question: Why\? \[no route back, plain\]/);
    const ko = runWith({ LANG: 'C', KNETLAB_NO_RECORD: '1' }, 'grade', dir, '--lang', 'ko').out;
    assert.match(ko, /질문: 왜\? \[돌아가는 라우트가 없다, plain\]/);
    assert.doesNotMatch(ko, /object Object/);
    const json = JSON.parse(run('grade', dir, '--no-record', '--format', 'json').out);
    assert.deepEqual(json.exercises[0].checks[0].choices, ['no route back', 'plain']);
  });

  it('names the causes the traces showed, with host and line', () => {
    const dir = tmpLab(gatewayLab(0, EX));
    assert.match(run('grade', dir, '--no-record').out, /\n {4}cause: forwarding-off \(r, .*lab\.yaml:14\)\n/);
    assert.match(
      runWith({ LANG: 'C', KNETLAB_NO_RECORD: '1' }, 'grade', dir, '--lang', 'ko').out,
      /\n {4}원인: 포워딩 꺼짐 \[forwarding-off\] \(r, /,
    );
  });

  it('prints a check place once', () => {
    const dir = tmpLab(gatewayLab(0, EX));
    const line = run('grade', dir, '--no-record')
      .out.split('\n')
      .find((l) => l.includes('✗ reach'))!;
    assert.equal((line.match(/lab\.yaml:14/g) ?? []).length, 1, line);
  });
});
