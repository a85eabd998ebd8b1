/** A course.yaml that does not load is one usage error (exit 2) for every command that reads it, in both languages. */
import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../support/cli';

describe('cli: a course that does not load', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'knetlab-course-'));
    writeFileSync(join(dir, 'course.yaml'), 'labs: [unclosed\n');
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('grade and variant: exit 2, "cannot read the course", with the reason first', () => {
    const file = join(dir, 'course.yaml');
    for (const argv of [
      ['grade', dir],
      ['variant', dir, '--student', 's1', '--out', join(dir, 'out')],
    ]) {
      const r = run(...argv);
      assert.equal(r.code, 2, argv.join(' '));
      assert.match(r.err, new RegExp(`cannot read the course ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`), argv.join(' '));
      const ko = run('--lang', 'ko', ...argv);
      assert.match(ko.err, / 코스 파일을 읽을 수 없습니다/, argv.join(' '));
    }
  });
});
