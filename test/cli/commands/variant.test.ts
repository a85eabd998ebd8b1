/**
 * `knetlab variant` on the bundled course: one student, and a class of 40 from a roster (each
 * handout loads and checks clean, the student's solution scores full marks, the subnets differ
 * between students); and `knetlab grade` refusing a copy of another student or an edited record.
 */
import { strict as assert } from 'node:assert';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkLab } from '../../../src/core/index';
import { gradeFiles } from '../../../src/core/grade/folder';
import { readVariantRecord } from '../../../src/core/lab/variant';
import { readTree } from '../../../src/cli/grade';
import { run } from '../../support/cli';

const LABS = ['01-switching-routing', '02-gateway', '03-dns', '04-coredns', '05-network-namespaces', '06-docker-networking'];
const SECRET = 'the instructor keeps this';

describe('knetlab variant: a course, for one student and for a class', () => {
  let dir = '';
  let secret = '';
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'knetlab-class-'));
    secret = join(dir, 'secret.txt');
    writeFileSync(secret, SECRET + '\n');
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it("writes one student's copy of every lab of a course (course.yaml kept, no solution)", () => {
    const out = join(dir, 'one');
    const r = run('variant', 'labs', '--student', 'alice', '--out', out);
    assert.equal(r.code, 0, r.err);
    assert.deepEqual(readdirSync(out).sort(), [...LABS, 'course.yaml']);
    assert.equal(readFileSync(join(out, 'course.yaml'), 'utf8'), readFileSync('labs/course.yaml', 'utf8'));
    for (const lab of LABS) {
      assert.ok(!existsSync(join(out, lab, 'solution')), lab);
      assert.equal(readVariantRecord(readFileSync(join(out, lab, 'lab.yaml'), 'utf8'))?.student, 'alice');
    }
    const g = JSON.parse(run('grade', out, '--student', 'alice', '--format', 'json').out) as { maxScore: number };
    assert.equal(g.maxScore, 470);
  });

  it('a roster of 40: one handout each, clean, the own solution at full marks, subnets all different, names spread', function () {
    // 40 handouts and 40 gradings in child processes: several seconds, more on a loaded machine.
    this.timeout(90_000);
    const roster = ['id,name', ...Array.from({ length: 40 }, (_, i) => `2026${String(i + 1).padStart(4, '0')},"Student ${i + 1}, A"`)];
    writeFileSync(join(dir, 'roster.csv'), roster.join('\n') + '\n');
    const out = join(dir, 'class');
    const r = run('variant', 'labs', '--roster', join(dir, 'roster.csv'), '--out', out, '--secret', secret);
    assert.equal(r.code, 0, r.err);
    assert.match(r.err, /wrote 40 handouts \(6 lab\(s\) each\)/);
    const ids = readdirSync(out).sort();
    assert.equal(ids.length, 40);
    const byVariable = new Map<string, Map<string, string>>(); // lab.variable -> subnet -> student
    for (const id of ids) {
      for (const lab of LABS) {
        const files = readTree(join(out, id, lab));
        const text = files.get('lab.yaml')!;
        const errors = checkLab(text, { file: 'lab.yaml', readFile: (p) => files.get(p) }).filter((d) => d.severity === 'error');
        assert.deepEqual(errors, [], `${id}/${lab} checks clean`);
        const rec = readVariantRecord(text)!;
        assert.equal(rec.student, id);
        assert.match(rec.seal!, /^secret:/);
        for (const [name, value] of rec.values) {
          const seen = byVariable.get(`${lab}.${name}`) ?? new Map<string, string>();
          // Subnets never repeat; a name (16 choices) may, between 40 students.
          if (value.includes('/')) assert.ok(!seen.has(value), `${id} and ${seen.get(value)} share ${lab} ${name} = ${value}`);
          seen.set(value, id);
          byVariable.set(`${lab}.${name}`, seen);
        }
        const v = new Map(rec.values);
        if (lab === '05-network-namespaces') assert.notEqual(v.get('green'), v.get('yellow'), `${id}: two namespaces, two names`);
        // The handout as graded by the instructor: sealed with the secret, short of full marks.
        const starter = gradeFiles(files, { displayPath: (p) => p, student: id, secret: SECRET });
        assert.deepEqual(
          starter.diagnostics.filter((d) => d.severity === 'error'),
          [],
        );
        assert.ok(starter.score < starter.maxScore);
        // The student's own solution (the template drawn for them, solution applied) scores full marks.
        const solved = gradeFiles(readTree(join('labs', lab)), { displayPath: (p) => p, student: id, secret: SECRET, solution: true });
        assert.equal(solved.score, solved.maxScore, `${id}/${lab}`);
      }
    }
    // The names spread over the class: most of the 16 choices are somebody's.
    for (const name of ['green', 'yellow']) assert.ok(byVariable.get(`05-network-namespaces.${name}`)!.size >= 10, name);
  });

  it('grade refuses a copy graded as another student, an edited record, another secret; accepts the own', () => {
    const out = join(dir, 'class');
    const copy = join(out, '20260001', '02-gateway');
    assert.equal(run('grade', copy, '--student', '20260001', '--secret', secret).code, 0);
    assert.equal(run('grade', copy).code, 0, 'a student checks their own copy without the secret');
    const other = run('grade', copy, '--student', '20260002', '--secret', secret, '--format', 'json');
    assert.equal(other.code, 1);
    const g = JSON.parse(other.out) as { score: number; maxScore: number; diagnostics: { code: string; line: number }[] };
    assert.equal(g.score, 0);
    assert.equal(g.maxScore, 65);
    assert.deepEqual(
      g.diagnostics.map((d) => d.code),
      ['variant-mismatch'],
    );
    assert.match(other.err, /scores 0/);
    const wrongSecret = join(dir, 'wrong.txt');
    writeFileSync(wrongSecret, 'guess');
    assert.equal(run('grade', copy, '--student', '20260001', '--secret', wrongSecret).code, 1);
    // The record edited into the next student's: student and values both copied from theirs.
    const mine = readFileSync(join(copy, 'lab.yaml'), 'utf8');
    const theirs = readFileSync(join(out, '20260002', '02-gateway', 'lab.yaml'), 'utf8');
    const theirLine = theirs.split('\n').find((l) => l.startsWith('variant:'))!;
    const forged = mine.replace(/^variant:.*$/m, theirLine.replace(/seal: "[^"]*"/, 'seal: "secret:' + '0'.repeat(64) + '"'));
    const forgedDir = join(dir, 'forged');
    run('variant', 'labs/02-gateway', '--student', 'x', '--out', forgedDir);
    writeFileSync(join(forgedDir, 'lab.yaml'), forged);
    const f = run('grade', forgedDir, '--student', '20260002', '--secret', secret, '--format', 'json');
    assert.equal(f.code, 1);
    assert.deepEqual(
      (JSON.parse(f.out) as { diagnostics: { code: string }[] }).diagnostics.map((d) => d.code),
      ['variant-tampered'],
    );
    // Only the student's id edited (values and seal left): the seal no longer holds.
    writeFileSync(join(forgedDir, 'lab.yaml'), mine.replace('student: "20260001"', 'student: "20260002"'));
    const ko = run('--lang', 'ko', 'grade', forgedDir, '--student', '20260002', '--secret', secret);
    assert.equal(ko.code, 1);
    assert.match(ko.out, /variant-tampered: variant: 기록이 맞지 않습니다/);
    // A copy sealed without a secret, graded with one: not made with it.
    assert.equal(run('grade', join(dir, 'one', '02-gateway'), '--student', 'alice', '--secret', secret).code, 1);
  });

  it('a malformed roster is told at its lines and writes nothing', () => {
    writeFileSync(join(dir, 'bad.csv'), 'id,name\ns1,A\ns1,B\ns2\n');
    const out = join(dir, 'bad');
    const r = run('variant', 'labs', '--roster', join(dir, 'bad.csv'), '--out', out);
    assert.equal(r.code, 1);
    assert.match(r.err, /bad\.csv:3:1: error duplicate-name/);
    assert.match(r.err, /bad\.csv:4:1: error bad-roster/);
    assert.ok(!existsSync(out));
    assert.equal(run('variant', 'labs', '--roster', join(dir, 'bad.csv'), '--student', 's1', '--out', out).code, 2);
  });
});
