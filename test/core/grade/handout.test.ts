/**
 * Splitting an instructor's lab into handout and key (grade/handout.ts): the handout holds no
 * check, hint, answer (in any form) or solution, and still loads and checks clean; the key holds
 * the exercises, the quiz answers in clear, the solution and the handout's digests.
 */
import { strict as assert } from 'node:assert';
import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { checkLab, handoutReadme, loadLab, splitLab } from '../../../src/core';
import { readTree } from '../../../src/cli/tree';

const LABS = 'labs';
const bundled = readdirSync(LABS, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name);

const sha = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');

describe('grade/handout: splitLab', () => {
  for (const name of bundled) {
    describe(name, () => {
      const files = readTree(join(LABS, name));
      const split = splitLab(files, { displayPath: (p) => p });
      const lab = loadLab(files.get('lab.yaml')!, { file: 'lab.yaml', readFile: (r) => files.get(r) }).lab!;

      it('the handout has no solution, no check, no hint and no answer in any form', () => {
        assert.deepEqual(split.diagnostics, []);
        assert.ok(split.handout.size > 0);
        for (const rel of split.handout.keys()) assert.ok(!rel.startsWith('solution/') && rel !== 'key.yaml', rel);
        const all = [...split.handout.values()].join('\n');
        assert.doesNotMatch(all, /--solution|sha256|salt:/);
        const data = parse(split.handout.get('lab.yaml')!) as { handout: boolean; exercises: Record<string, unknown>[] };
        assert.equal(data.handout, true);
        for (const ex of data.exercises) {
          assert.deepEqual(
            Object.keys(ex).filter((k) => !['id', 'title', 'task', 'points', 'questions'].includes(k)),
            [],
          );
        }
        // every salted hash of the instructor's lab is gone, and every hint
        for (const ex of lab.exercises) {
          for (const h of ex.hints) assert.ok(!all.includes(h.en), h.en);
          for (const c of ex.checks) {
            const a = (c.args as { answer?: { sha256?: string; salt?: string } }).answer;
            if (a?.sha256) assert.ok(!all.includes(a.sha256) && !all.includes(String(a.salt)));
          }
        }
      });

      it("a student reads every exercise's task and every quiz question with its choices", () => {
        const data = parse(split.handout.get('lab.yaml')!) as {
          exercises: { id: string; questions?: { ask: unknown; choices?: unknown[] }[] }[];
        };
        assert.deepEqual(
          data.exercises.map((e) => e.id),
          lab.exercises.map((e) => e.id),
        );
        for (const ex of lab.exercises) {
          const quizzes = ex.checks.filter((c) => c.kind === 'quiz').map((c) => c.args as { ask: unknown; choices?: unknown[] });
          const shown = data.exercises.find((e) => e.id === ex.id)!.questions ?? [];
          assert.deepEqual(
            shown,
            quizzes.map((q) => ({ ask: q.ask, ...(q.choices ? { choices: q.choices } : {}) })),
          );
        }
      });

      it('the handout lab checks clean (no error, no warning: a handout has no checks by design)', () => {
        const ds = checkLab(split.handout.get('lab.yaml')!, { file: 'lab.yaml', readFile: (r) => split.handout.get(r) });
        assert.deepEqual(
          ds.filter((d) => d.severity !== 'info'),
          [],
        );
      });

      it('the key holds the exercises with checks and points, answers in clear, the solution and a digest per handout file', () => {
        for (const rel of files.keys()) if (rel.startsWith('solution/')) assert.equal(split.key.get(rel), files.get(rel));
        const key = parse(split.key.get('key.yaml')!) as {
          name: string;
          key: { format: number; handout: { files: Record<string, string> } };
          exercises: { id: string; points: number; checks: Record<string, { answer?: unknown }>[] }[];
        };
        assert.equal(key.name, lab.name);
        assert.equal(key.key.format, 1);
        assert.deepEqual(Object.keys(key.key.handout.files).sort(), [...split.handout.keys()].sort());
        for (const [rel, text] of split.handout) assert.equal(key.key.handout.files[rel], sha(text), rel);
        assert.deepEqual(
          key.exercises.map((e) => [e.id, e.points, e.checks.length]),
          lab.exercises.map((e) => [e.id, e.points, e.checks.length]),
        );
        for (const ex of key.exercises)
          for (const c of ex.checks) if (c['quiz']) assert.equal(typeof c['quiz'].answer, 'string', `${ex.id}: an answer in clear`);
      });
    });
  }

  it("lab 02's quiz answers come out in clear, from the solution's answers", () => {
    const split = splitLab(readTree(join(LABS, '02-gateway')), { displayPath: (p) => p });
    const key = parse(split.key.get('key.yaml')!) as { exercises: { id: string; checks: { quiz?: { answer: string } }[] }[] };
    const quizzes = key.exercises.find((e) => e.id === 'return-route')!.checks.map((c) => c.quiz?.answer);
    assert.deepEqual(quizzes, ['b', '192.168.1.10']);
  });

  it('without a solution, a hashed answer is found among the choices', () => {
    const lab = `name: q
hosts: {}
exercises:
  - id: pick
    checks:
      - quiz: { ask: "Which?", choices: [x, y, z], answer: { sha256: "${sha('k:y')}", salt: "k" } }
`;
    const split = splitLab(new Map([['lab.yaml', lab]]), { displayPath: (p) => p });
    assert.match(split.key.get('key.yaml')!, /answer: y\b/);
    assert.doesNotMatch(split.handout.get('lab.yaml')!, /sha256|answer/);
  });

  it('a lab with errors, or a handout, is not split', () => {
    assert.equal(splitLab(new Map([['lab.yaml', 'name: [\n']]), { displayPath: (p) => p }).handout.size, 0);
    const again = splitLab(new Map([['lab.yaml', 'name: q\nhandout: true\nhosts: {}\n']]), { displayPath: (p) => p });
    assert.equal(again.diagnostics[0]?.code, 'bad-key');
  });

  it('handoutReadme drops the sentences that point at the solution, and only those', () => {
    const text = 'Intro.\n\nThe reference solution is in `solution/`:\n`knetlab grade x --solution`.\n\nMore.\n';
    assert.equal(handoutReadme(text), 'Intro.\n\nMore.\n');
    const mixed = 'Grade it. A hint\ncomes after a failure. The solution is in `solution/`: run\nit with --solution.\n\nEnd.\n';
    assert.equal(handoutReadme(mixed), 'Grade it. A hint\ncomes after a failure.\n\nEnd.\n');
    const ko = '힌트를 보여 줍니다. 모범 답안은 `solution/`에 있습니다(먼저\n보세요). `knetlab grade x --solution`이 채점합니다.\n';
    assert.equal(handoutReadme(ko), '힌트를 보여 줍니다.\n');
  });
});
