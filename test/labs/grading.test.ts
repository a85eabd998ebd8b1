/**
 * The bundled labs' exercises: for every lab with exercises, the starter (the lab as given) loads
 * and checks clean, its reference solution (the `solution/` overlay, with `solution/answers.yaml`)
 * scores full marks, and the starter scores less.
 */
import { strict as assert } from 'node:assert';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkLab, instantiateLab, loadLab } from '../../src/core/index';
import type { Lab } from '../../src/core/index';
import { parseAnswers } from '../../src/core/grade/answers';
import { gradeLab } from '../../src/core/grade/grade';
import { applySolution } from '../../src/core/grade/overlay';
import { readTree } from '../../src/cli/grade';
import type { LabGrade } from '../../src/core/grade/types';

const LABS = 'labs';

function labDirs(): string[] {
  return readdirSync(LABS, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(LABS, d.name, 'lab.yaml')))
    .map((d) => d.name)
    .sort();
}

function load(dir: string, files: ReadonlyMap<string, string>): Lab {
  const file = join(LABS, dir, 'lab.yaml');
  const loaded = loadLab(files.get('lab.yaml')!, { file, readFile: (rel) => files.get(rel) });
  const errors = loaded.diagnostics.filter((d) => d.severity === 'error');
  assert.deepEqual(
    errors.map((d) => `${d.line}:${d.column} ${d.code}: ${d.message.en}`),
    [],
    `${file} loads`,
  );
  assert.ok(loaded.lab, `${file} did not load`);
  return loaded.lab;
}

function grade(dir: string, files: ReadonlyMap<string, string>): LabGrade {
  const lab = load(dir, files);
  const text = files.get('answers.yaml');
  const parsed = text === undefined ? undefined : parseAnswers(text, join(LABS, dir, 'answers.yaml'));
  if (parsed)
    assert.deepEqual(
      parsed.diagnostics.map((d) => d.message.en),
      [],
      `${dir}: answers.yaml reads`,
    );
  return gradeLab(lab, parsed ? { answers: parsed.answers } : {});
}

/** One line per failed check, to say why a score is short. */
function failures(g: LabGrade): string[] {
  return g.exercises.flatMap((ex) =>
    ex.checks.filter((c) => !c.passed).map((c) => `${ex.id} ${c.kind} (line ${c.range.line}): ${c.feedback.en}`),
  );
}

describe('bundled labs: exercises and reference solutions', () => {
  const dirs = labDirs().filter((d) => /^\s*exercises\s*:/m.test(readFileSync(join(LABS, d, 'lab.yaml'), 'utf8')));

  it('the labs have exercises', () => {
    assert.ok(dirs.length >= 3, `labs with exercises: ${dirs.join(', ')}`);
  });

  for (const dir of dirs) {
    describe(dir, () => {
      // The lab as written: its variables take their defaults (the course notes' addresses).
      const tree = instantiateLab(readTree(join(LABS, dir)), '').files;
      const starter = new Map([...tree].filter(([p]) => !p.startsWith('solution/')));

      it('has 3 to 9 exercises, each with points, a bilingual title and task, 1 or 2 hints; at least one quiz', () => {
        const lab = load(dir, starter);
        assert.ok(lab.exercises.length >= 3 && lab.exercises.length <= 9, `${lab.exercises.length} exercises`);
        for (const ex of lab.exercises) {
          assert.ok(ex.points > 0, `${ex.id}: points`);
          assert.ok(ex.title?.en && ex.title.ko && ex.title.en !== ex.title.ko, `${ex.id}: title in English and Korean`);
          assert.ok(ex.task?.en && ex.task.ko && ex.task.en !== ex.task.ko, `${ex.id}: task in English and Korean`);
          assert.ok(ex.hints.length >= 1 && ex.hints.length <= 2, `${ex.id}: ${ex.hints.length} hints`);
          for (const h of ex.hints) assert.ok(h.en && h.ko && h.en !== h.ko, `${ex.id}: hint in English and Korean`);
          assert.ok(ex.checks.length > 0, `${ex.id}: checks`);
        }
        assert.ok(
          lab.exercises.some((ex) => ex.checks.some((c) => c.kind === 'quiz')),
          'a quiz',
        );
      });

      it('the starter checks with no error diagnostics', () => {
        const file = join(LABS, dir, 'lab.yaml');
        const diags = checkLab(starter.get('lab.yaml')!, { file, readFile: (rel) => starter.get(rel) });
        assert.deepEqual(
          diags.filter((d) => d.severity === 'error').map((d) => `${d.line}:${d.column} ${d.code}: ${d.message.en}`),
          [],
        );
      });

      it('has a reference solution with its answers', () => {
        assert.ok(tree.has('solution/lab.yaml'), 'solution/lab.yaml');
        assert.ok(tree.has('solution/answers.yaml'), 'solution/answers.yaml');
      });

      it('the solution scores full marks', () => {
        const solved = applySolution(tree);
        assert.deepEqual(
          solved.diagnostics.map((d) => d.message.en),
          [],
          'the overlay applies',
        );
        assert.ok(![...solved.files.keys()].some((p) => p.startsWith('solution/')));
        const file = join(LABS, dir, 'lab.yaml');
        const diags = checkLab(solved.files.get('lab.yaml')!, { file, readFile: (rel) => solved.files.get(rel) });
        assert.deepEqual(
          diags.filter((d) => d.severity === 'error').map((d) => `${d.line}:${d.column} ${d.code}: ${d.message.en}`),
          [],
          'the solved lab checks clean',
        );
        const g = grade(dir, solved.files);
        assert.deepEqual(
          g.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message.en),
          [],
        );
        assert.ok(g.maxScore > 0);
        assert.deepEqual(failures(g), []);
        assert.equal(g.score, g.maxScore);
      });

      it('the starter scores less, every exercise short of its points', () => {
        const g = grade(dir, starter);
        assert.ok(g.score < g.maxScore, `${g.score} of ${g.maxScore}`);
        for (const ex of g.exercises) assert.equal(ex.passed, false, `${ex.id} is already solved in the starter`);
      });
    });
  }
});
