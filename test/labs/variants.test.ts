/**
 * The bundled labs' variants: every lab declares its subnets as variables whose defaults are the
 * course notes' addresses (the lab as written, the READMEs), and for many students the variant
 * loads and checks clean, its solution (the variant applied) scores full marks, its starter less,
 * and no two students share their subnets.
 */
import { strict as assert } from 'node:assert';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { checkLab, instantiateLab, studentCopy } from '../../src/core/index';
import { readVariables } from '../../src/core/lab/variant';
import { gradeFiles } from '../../src/core/grade/folder';
import { readTree } from '../../src/cli/grade';

const LABS = 'labs';
const STUDENTS = Array.from({ length: 24 }, (_, i) => `s2026${String(i + 1).padStart(3, '0')}`);

const dirs = readdirSync(LABS, { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(join(LABS, d.name, 'lab.yaml')))
  .map((d) => d.name)
  .sort();

const errorsOf = (ds: readonly { severity: string; line: number; code: string; message: { en: string } }[]) =>
  ds.filter((d) => d.severity === 'error').map((d) => `${d.line} ${d.code}: ${d.message.en}`);

describe('bundled labs: a variant per student', () => {
  for (const dir of dirs) {
    describe(dir, () => {
      const tree = readTree(join(LABS, dir));
      const labText = tree.get('lab.yaml')!;
      const rv = readVariables(labText, 'lab.yaml');

      it("declares its subnets as variables, each with the course notes' subnet as its default", () => {
        const subnets = rv.variables.filter((v) => (v.def as { subnet?: string }).subnet !== undefined);
        assert.ok(subnets.length >= 2, `${subnets.length} subnet variables`);
        for (const v of subnets) assert.match(String((v.def as { default?: string }).default), /^192\.168\.\d+\.0\/24$/, v.name);
      });

      it("as written, the lab takes the defaults: every address of the READMEs is one of the lab's", () => {
        const inst = instantiateLab(tree, '');
        assert.deepEqual(errorsOf(inst.diagnostics), []);
        const written = [...inst.values.values()].map((v) => v.text);
        const defaults = rv.variables.map((v) => String((v.def as { default?: unknown }).default));
        assert.deepEqual(written, defaults);
        const lab = inst.files.get('lab.yaml')!;
        for (const readme of ['README.md', 'README.ko.md']) {
          const addrs = new Set(tree.get(readme)!.match(/\b192\.168\.\d+\.\d+\b/g) ?? []);
          assert.ok(addrs.size > 3, readme);
          // Inside the lab's subnets, the notes name the lab's addresses (and .99, the break-it steps' wrong gateway).
          const nets = defaults.map((d) => d.replace(/\.0\/24$/, '.'));
          const missing = [...addrs].filter((a) => nets.some((n) => a.startsWith(n)) && !lab.includes(a) && !/\.99$/.test(a));
          assert.deepEqual(missing, [], `${readme} names addresses the lab as written does not have`);
        }
      });

      const defaults = rv.variables.map((v) => String((v.def as { default?: unknown }).default));
      it(`for ${STUDENTS.length} students: loads and checks clean, the solution scores full marks, the starter less`, function () {
        // 24 variants, each loaded, checked and graded twice: seconds, more on a loaded machine.
        this.timeout(90_000);
        const seen = new Map<string, string>();
        for (const student of STUDENTS) {
          const copy = studentCopy(tree, student);
          assert.deepEqual(errorsOf(copy.diagnostics), [], student);
          assert.ok(![...copy.files.keys()].some((p) => p.startsWith('solution')), 'no solution in a copy');
          const text = copy.files.get('lab.yaml')!;
          assert.doesNotMatch(text, /\{\{|192\.168\./, `${student}: every address is the student's`);
          for (const readme of ['README.md', 'README.ko.md']) {
            const moved = copy.files.get(readme)!;
            const left = defaults.flatMap(
              (d) => moved.match(new RegExp(`\\b${d.replace(/0\/24$/, '').replace(/\./g, '\\.')}\\d+\\b`, 'g')) ?? [],
            );
            assert.deepEqual(left, [], `${student}: ${readme} names the student's addresses`);
            assert.equal(moved.split('\n').length, tree.get(readme)!.split('\n').length);
          }
          assert.deepEqual(errorsOf(checkLab(text, { file: 'lab.yaml', readFile: (r) => copy.files.get(r) })), [], student);
          const subnets = [...copy.values.values()].map((v) => v.text);
          const key = subnets.join(' ');
          assert.ok(!seen.has(key), `${student} shares ${key} with ${seen.get(key)}`);
          seen.set(key, student);
          const starter = gradeFiles(copy.files, { displayPath: (p) => p, student });
          assert.deepEqual(errorsOf(starter.diagnostics), [], `${student}: the copy grades`);
          assert.ok(starter.score < starter.maxScore, `${student}: starter ${starter.score}`);
          const solved = gradeFiles(tree, { displayPath: (p) => p, student, solution: true });
          assert.deepEqual(errorsOf(solved.diagnostics), [], student);
          const failed = solved.exercises.flatMap((e) => e.checks.filter((c) => !c.passed).map((c) => `${e.id}: ${c.feedback.en}`));
          assert.deepEqual(failed, [], student);
          assert.equal(solved.score, solved.maxScore, student);
          // The solution is the student's own: another student's values fail somewhere.
          const other = STUDENTS[(STUDENTS.indexOf(student) + 1) % STUDENTS.length]!;
          const wrong = gradeFiles(
            new Map([...tree].map(([p, t]) => [p, p.startsWith('solution/') ? instantiateLab(tree, other).files.get(p)! : t])),
            { displayPath: (p) => p, student, solution: true },
          );
          assert.ok(wrong.score < wrong.maxScore, `${student} with ${other}'s solution: ${wrong.score}`);
        }
      });
    });
  }
});
