/**
 * `knetlab check` on a course folder: each lab checked with its solution applied as a patch, the
 * course.yaml checked as a course; the bundled course has no error and no warning.
 */
import { strict as assert } from 'node:assert';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../../support/cli';

describe('knetlab check: a course folder', () => {
  it('the bundled course (labs/) has no error and no warning, as text and as JSON', () => {
    const r = run('check', 'labs');
    assert.equal(r.code, 0, r.out + r.err);
    assert.equal(r.out, '');
    assert.equal(r.err, '0 error(s), 0 warning(s)\n');
    assert.deepEqual(JSON.parse(run('check', 'labs', '--format', 'json').out), []);
  });

  it("a solution's lab.yaml named alone is checked as its lab's patch; course.yaml as a course", () => {
    assert.equal(run('check', 'labs/02-gateway/solution/lab.yaml').err, '0 error(s), 0 warning(s)\n');
    assert.equal(run('check', 'labs/02-gateway/solution').err, '0 error(s), 0 warning(s)\n');
    assert.equal(run('check', 'labs/course.yaml').err, '0 error(s), 0 warning(s)\n');
  });

  it("a mistake of a solution is told at the solution's line; a course naming a missing lab, at its entry", () => {
    const dir = mkdtempSync(join(tmpdir(), 'knetlab-course-'));
    try {
      cpSync('labs', dir, { recursive: true });
      const patch = join(dir, '02-gateway', 'solution', 'lab.yaml');
      writeFileSync(
        patch,
        'hosts:\n  a:\n    run: |\n      ip addr add 192.168.1.10/24 dev eth0\n      ip route add 192.168.2.0/24 via 192.168.7.1\n',
      );
      writeFileSync(join(dir, 'course.yaml'), 'name: c\nlabs:\n  - 02-gateway\n  - 03-missing\n');
      const r = run('check', dir, '--format', 'json');
      assert.equal(r.code, 1);
      const ds = JSON.parse(r.out) as { file: string; line: number; column: number; severity: string; code: string; message: string }[];
      const errors = ds.filter((d) => d.severity === 'error');
      assert.deepEqual(
        errors.map((d) => [
          d.file.endsWith('course.yaml') ? 'course.yaml' : d.file.endsWith('solution/lab.yaml') ? 'solution' : d.file,
          d.line,
          d.column,
          d.code,
        ]),
        [
          ['solution', 5, 39, 'command-failed'],
          ['course.yaml', 4, 5, 'file-not-found'],
        ],
      );
      assert.equal(errors[1]!.message, 'The course names the lab folder "03-missing", which has no lab.yaml.');
      const ko = JSON.parse(run('--lang', 'ko', 'check', join(dir, 'course.yaml'), '--format', 'json').out);
      assert.equal(ko[0].message, '과정이 가리키는 실습 폴더 "03-missing"에 lab.yaml이 없습니다.');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
