/**
 * `knetlab build` and `knetlab grade --key`: an instructor's lab or course split into the student
 * handout and the grading key; a student's folder graded with the key's exercises only.
 */
import { strict as assert } from 'node:assert';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { applySolution, instantiateLab } from '../../../src/core';
import { readTree } from '../../../src/cli/tree';
import { run } from '../../support/cli';

interface GradeJson {
  score: number;
  maxScore: number;
  exercises: { id: string; score: number; maxScore: number }[];
  diagnostics: { file: string; line: number; severity: string; code: string; message: string }[];
}

describe('knetlab build and grade --key', () => {
  let tmp: string;
  beforeEach(() => {
    tmp = mkdtempSync(join(tmpdir(), 'knetlab-build-'));
  });
  afterEach(() => rmSync(tmp, { recursive: true, force: true }));

  /** A student who solved the lab: the handout with the key's solution laid over it. */
  function solve(handout: string, key: string): void {
    const files = new Map([...readTree(handout), ...[...readTree(key)].filter(([rel]) => rel.startsWith('solution/'))]);
    for (const [rel, text] of applySolution(files).files) writeFileSync(join(handout, rel), text);
  }

  it('usage errors exit 2, in both languages', () => {
    for (const args of [
      [],
      ['labs/02-gateway'],
      ['labs/02-gateway', '--handout', join(tmp, 'h')],
      ['nope', '--handout', 'a', '--key', 'b'],
    ]) {
      const r = run('build', ...args);
      assert.equal(r.code, 2, args.join(' '));
    }
    const same = run('build', 'labs/02-gateway', '--handout', join(tmp, 'x'), '--key', join(tmp, 'x', 'k'));
    assert.equal(same.code, 2);
    assert.match(same.err, /two separate folders/);
    writeFileSync(join(tmp, 'f'), '');
    const full = run('build', 'labs/02-gateway', '--handout', tmp, '--key', join(tmp, '..', 'knetlab-build-k-none'), '--lang', 'ko');
    assert.equal(full.code, 2);
    assert.match(full.err, /비어 있지 않습니다/);
    assert.equal(run('grade', 'labs/02-gateway', '--key', tmp).code, 2);
    assert.match(run('grade', 'labs/02-gateway', '--key', tmp, '--solution').err, /--key and --solution/);
  });

  it('a lab: the handout has no solution, check or answer; the solved handout scores full marks with the key', () => {
    const h = join(tmp, 'h');
    const k = join(tmp, 'k');
    const r = run('build', 'labs/02-gateway', '--handout', h, '--key', k);
    assert.equal(r.code, 0, r.err);
    assert.match(r.err, /keep the key away from students/);
    assert.ok(!existsSync(join(h, 'solution')));
    assert.ok(existsSync(join(k, 'key.yaml')) && existsSync(join(k, 'solution', 'lab.yaml')));
    assert.doesNotMatch(readFileSync(join(h, 'lab.yaml'), 'utf8'), /checks:|sha256|hints:/);
    assert.doesNotMatch(readFileSync(join(h, 'README.md'), 'utf8') + readFileSync(join(h, 'README.ko.md'), 'utf8'), /--solution/);
    assert.equal(run('check', h).err, '0 error(s), 0 warning(s)\n');
    // graded without the key, a handout says who grades it
    const self = JSON.parse(run('grade', h, '--format', 'json').out) as GradeJson;
    assert.deepEqual(
      self.diagnostics.map((d) => [d.code, d.severity]),
      [['graded-by-key', 'info']],
    );
    solve(h, k);
    const g = JSON.parse(run('grade', h, '--key', k, '--format', 'json').out) as GradeJson;
    assert.equal(g.score, 65);
    assert.equal(g.maxScore, 65);
  });

  it("the cheat: a student's exercise replaced by a reach that already works, worth 100, scores nothing more", () => {
    const h = join(tmp, 'h');
    const k = join(tmp, 'k');
    assert.equal(run('build', 'labs/02-gateway', '--handout', h, '--key', k).code, 0);
    const before = JSON.parse(run('grade', h, '--key', k, '--format', 'json').out) as GradeJson;
    const lab = readFileSync(join(h, 'lab.yaml'), 'utf8');
    writeFileSync(
      join(h, 'lab.yaml'),
      lab.replace(
        /exercises:\n[\s\S]*$/,
        'exercises:\n  - id: r-on-lan3\n    points: 100\n    checks:\n      - reach: { from: a, to: 192.168.1.1 }\n',
      ),
    );
    // graded without the key (self-study), the cheat would score
    assert.equal((JSON.parse(run('grade', h, '--format', 'json').out) as GradeJson).score, 100);
    const after = JSON.parse(run('grade', h, '--key', k, '--format', 'json').out) as GradeJson;
    assert.equal(after.score, before.score);
    assert.equal(after.maxScore, 65);
    const note = after.diagnostics.find((d) => d.code === 'handout-altered');
    assert.equal(note?.severity, 'info');
    assert.match(note!.message, /exercises section differs from the handout/);
    const text = run('grade', h, '--key', k, '--lang', 'ko').out;
    assert.match(text, /info handout-altered: 과제\(exercises\) 부분이 배포한 내용과 다릅니다/);
  });

  it('a course: a handout and a key per lab and course.yaml in both; the class grades with the key', () => {
    const h = join(tmp, 'h');
    const k = join(tmp, 'k');
    assert.equal(run('build', 'labs', '--handout', h, '--key', k).code, 0);
    assert.equal(readFileSync(join(h, 'course.yaml'), 'utf8'), readFileSync('labs/course.yaml', 'utf8'));
    assert.ok(existsSync(join(k, 'course.yaml')));
    for (const lab of ['01-switching-routing', '02-gateway', '03-dns', '04-coredns', '05-network-namespaces', '06-docker-networking']) {
      assert.ok(existsSync(join(k, lab, 'key.yaml')), lab);
      solve(join(h, lab), join(k, lab));
    }
    const all = JSON.parse(run('grade', h, '--key', k, '--format', 'json').out) as { score: number; maxScore: number };
    const instructor = JSON.parse(run('grade', 'labs', '--solution', '--format', 'json').out) as { score: number; maxScore: number };
    assert.deepEqual(all, { ...all, score: instructor.score, maxScore: instructor.maxScore });
  });

  it("a class: build, one sealed variant per student, each graded with the key; a solved copy scores full marks, another student's copy is refused", () => {
    const h = join(tmp, 'h');
    const k = join(tmp, 'k');
    const secret = join(tmp, 'secret');
    writeFileSync(secret, 'a secret of the instructor\n');
    writeFileSync(join(tmp, 'roster.csv'), 'id,name\ns1,Kim\ns2,Lee\n');
    assert.equal(run('build', 'labs/02-gateway', '--handout', h, '--key', k).code, 0);
    const v = run('variant', h, '--roster', join(tmp, 'roster.csv'), '--out', join(tmp, 'class'), '--secret', secret);
    assert.equal(v.code, 0, v.err);
    const copy = join(tmp, 'class', 's1');
    // s1 solves their own copy: the key's solution drawn for s1 (the instructor's secret), laid over it
    const drawn = instantiateLab(new Map([...readTree('labs/02-gateway')]), 's1', { secret: 'a secret of the instructor' });
    assert.deepEqual(
      drawn.diagnostics.filter((d) => d.severity === 'error'),
      [],
    );
    const solution = new Map([...drawn.files].filter(([rel]) => rel.startsWith('solution/')));
    const record = readFileSync(join(copy, 'lab.yaml'), 'utf8').match(/^variant:.*(?:\n[ ].*)*/m)![0];
    for (const [rel, text] of applySolution(new Map([...readTree(copy), ...solution])).files) {
      writeFileSync(
        join(copy, rel),
        rel === 'lab.yaml' ? `${text.replace(/^variant:.*(?:\n[ ].*)*\n?/m, '').trimEnd()}\n${record}\n` : text,
      );
    }
    const g = JSON.parse(run('grade', copy, '--key', k, '--secret', secret, '--format', 'json').out) as GradeJson;
    assert.deepEqual([g.score, g.maxScore], [65, 65], JSON.stringify(g.diagnostics.filter((d) => d.severity === 'error')));
    // the same copy handed in as s2's is refused
    const other = run('grade', copy, '--key', k, '--secret', secret, '--student', 's2', '--format', 'json');
    assert.notEqual(other.code, 0);
    assert.equal((JSON.parse(other.out) as GradeJson).score, 0);
  });
});
