/**
 * Honest answers in the CLI: a trace, a grade and a command on a host whose answer could depend on a
 * line the simulator does not model say so, in text and in JSON (`warnings: [{ file, line, column,
 * code, message }]`, the message in the user's language), and say nothing when there is none.
 */
import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import { main } from '../../../src/cli/main';
import { run, tmpLab } from '../../support/cli';

const LAB = `name: honest
switches: [lan]
hosts:
  a:
    interfaces: { eth0: lan }
    run: |
      ip addr add 10.0.0.1/24 dev eth0
      tc qdisc add dev eth0 root netem loss 100%
  b:
    interfaces: { eth0: lan }
    run: |
      ip addr add 10.0.0.2/24 dev eth0
exercises:
  - id: e1
    checks:
      - reach: { from: b, to: 10.0.0.1 }
      - route: { on: b, to: 10.0.0.1 }
`;

const HEAD_EN = 'warning: this answer may be wrong: it could depend on these lines, which the simulator does not model:';
const HEAD_KO = '경고: 이 답은 틀릴 수 있습니다. 시뮬레이터가 다루지 않는 다음 줄에 따라 달라질 수 있습니다:';
const LINE_EN =
  'lab.yaml:8:7: command-not-simulated: a: "tc" is not simulated; this line has no effect in the simulator. (sh: 1: tc: not found)';
const MSG_KO = 'a: "tc" 부분은 시뮬레이션하지 않습니다. 이 줄은 시뮬레이터에서 효과가 없습니다. (sh: 1: tc: not found)';

describe('knetlab: answers that may be wrong say so', () => {
  const dir = tmpLab(LAB);
  const file = join(dir, 'lab.yaml');

  it('trace, text: the warning follows the verdict, with each line the answer could depend on', () => {
    const r = run('trace', dir, '--from', 'b', '--to', '10.0.0.1');
    assert.equal(r.code, 0, r.err);
    const lines = r.out.split('\n');
    assert.match(lines[0]!, /^b -> 10\.0\.0\.1 ping: REPLIED: /);
    assert.equal(lines[1], HEAD_EN);
    assert.ok(lines[2]!.startsWith('  ') && lines[2]!.endsWith(LINE_EN), lines[2]);
    assert.equal(lines[3], '');
  });

  it('trace, JSON: warnings with file, line, column, code and the message in the chosen language', () => {
    const en = JSON.parse(run('trace', dir, '--from', 'b', '--to', '10.0.0.1', '--format', 'json').out);
    assert.deepEqual(en.warnings, [
      {
        file: en.warnings[0].file,
        line: 8,
        column: 7,
        code: 'command-not-simulated',
        message: 'a: "tc" is not simulated; this line has no effect in the simulator. (sh: 1: tc: not found)',
      },
    ]);
    assert.ok(file.endsWith(en.warnings[0].file.replace(/^(\.\.\/)+/, '')), en.warnings[0].file);
    const ko = JSON.parse(run('--lang', 'ko', 'trace', dir, '--from', 'b', '--to', '10.0.0.1', '--format', 'json').out);
    assert.equal(ko.warnings[0].message, MSG_KO);
    assert.equal(run('--lang', 'ko', 'trace', dir, '--from', 'b', '--to', '10.0.0.1').out.split('\n')[1], HEAD_KO);
  });

  it('trace: no warning, and an empty list in JSON, when the answer reads no such line', () => {
    const r = run('trace', 'labs/02-gateway', '--from', 'a', '--to', '192.168.2.10');
    assert.doesNotMatch(r.out, /may be wrong/);
    const j = JSON.parse(run('trace', 'labs/02-gateway', '--from', 'a', '--to', '192.168.2.10', '--format', 'json').out);
    assert.deepEqual(j.warnings, []);
  });

  it("grade: each check's warnings, under the check in text and as warnings in JSON", () => {
    const t = run('grade', dir);
    const lines = t.out.split('\n');
    const reach = lines.findIndex((l) => /✓ reach:/.test(l));
    assert.ok(reach > 0, t.out);
    assert.equal(lines[reach + 1], `      ${HEAD_EN}`);
    assert.ok(lines[reach + 2]!.endsWith(LINE_EN), lines[reach + 2]);
    // The route check reads only b, which has no such line.
    const route = lines.findIndex((l) => /route:/.test(l));
    assert.doesNotMatch(lines[route + 1] ?? '', /may be wrong/);
    const j = JSON.parse(run('--lang', 'ko', 'grade', dir, '--format', 'json').out);
    const [rc, rt] = j.exercises[0].checks;
    assert.deepEqual(
      rc.warnings.map((w: { line: number; code: string; message: string }) => [w.line, w.code, w.message]),
      [[8, 'command-not-simulated', MSG_KO]],
    );
    assert.deepEqual(rt.warnings, []);
  });

  it('exec: a command on a host with such lines warns on stderr; its output stays as Linux prints it', () => {
    const a = run('exec', dir, '--on', 'a', '--', 'ip', 'route', 'get', '10.0.0.2');
    assert.equal(a.code, 0);
    assert.match(a.out, /^10\.0\.0\.2 dev eth0 src 10\.0\.0\.1 uid 0 \n/);
    assert.equal(a.err.split('\n')[0], HEAD_EN);
    assert.ok(a.err.split('\n')[1]!.endsWith(LINE_EN));
    const b = run('exec', dir, '--on', 'b', '--', 'ip', 'route', 'get', '10.0.0.1');
    assert.equal(b.err, '');
    const ko = run('--lang', 'ko', 'exec', dir, '--on', 'a', '--', 'ip', 'route', 'get', '10.0.0.2');
    assert.equal(ko.err.split('\n')[0], HEAD_KO);
  });
});

describe('knetlab exec under a Korean locale: every message of knetlab in Korean', () => {
  it("--lang ko, KNETLAB_LANG=ko and LANG=ko_KR: knetlab's own lines in Korean, a tool's as Linux prints them", () => {
    const ko = run('--lang', 'ko', 'exec', 'labs/02-gateway', '--on', 'a', '--', 'ip link | grep eth0');
    assert.equal(ko.err, 'knetlab: 파이프(|)는 시뮬레이션하지 않습니다\n');
    let err = '';
    for (const env of [{ KNETLAB_LANG: 'ko' }, { LANG: 'ko_KR.UTF-8' }]) {
      err = '';
      main(['exec', 'labs/02-gateway', '--on', 'a', '--', 'cd', '/'], { out: () => undefined, err: (s) => (err += s) }, env);
      assert.equal(err, 'knetlab: 셸 내장 명령("cd")은 시뮬레이션하지 않습니다\n', JSON.stringify(env));
    }
    assert.equal(
      run('--lang', 'ko', 'exec', 'labs/02-gateway', '--on', 'a', '--', 'ip link show eth9').err,
      'Device "eth9" does not exist.\n',
    );
    assert.equal(run('exec', 'labs/02-gateway', '--on', 'a', '--', 'ip link | grep eth0').err, 'knetlab: pipes (|) are not simulated\n');
  });

  it('the usage errors of exec are Korean too', () => {
    const r = run('--lang', 'ko', 'exec', 'labs/02-gateway', '--on', 'zz', '--', 'hostname');
    assert.equal(r.code, 2);
    assert.match(r.err, /^knetlab: 이 실습에 "zz" 호스트가 없습니다/);
    const u = run('--lang', 'ko', 'exec', 'labs/02-gateway');
    assert.match(u.err, /^knetlab: 사용법: /);
  });
});
