/**
 * The lab panel's view model (src/core/view/lab.ts) for every bundled lab: ungraded, graded as
 * given (the starter: failing checks, hints, unanswered quizzes) and graded with its reference
 * solution (every check passed, full marks); check labels, trace arguments, quiz keys and answers.
 */
import { strict as assert } from 'node:assert';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadLab } from '../../../src/core/lab/load';
import type { Lab } from '../../../src/core/lab/types';
import { NO_ANSWERS, parseAnswers } from '../../../src/core/grade/answers';
import { parseAnswerKey, setAnswer } from '../../../src/core/grade/answersEdit';
import { gradeLab } from '../../../src/core/grade/grade';
import { applySolution } from '../../../src/core/grade/overlay';
import { findCheckKind } from '../../../src/core/grade/registry';
import { readTree } from '../../../src/cli/grade';
import { instantiateLab } from '../../../src/core/lab/variant';
import type { Answers, LabGrade } from '../../../src/core/grade/types';
import { checkLabel, labErrorsView, labView, traceArgs } from '../../../src/core/view/lab';
import type { LabView } from '../../../src/core/view/types';

const LABS = 'labs';

const dirs = readdirSync(LABS, { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(join(LABS, d.name, 'lab.yaml')))
  .map((d) => d.name)
  .sort();

interface Case {
  readonly lab: Lab;
  readonly grade: LabGrade;
  readonly answers: Answers;
}

function graded(dir: string, files: ReadonlyMap<string, string>, attempts = 1): Case {
  const file = join(LABS, dir, 'lab.yaml');
  const lab = loadLab(files.get('lab.yaml')!, { file, readFile: (rel) => files.get(rel) }).lab!;
  assert.ok(lab, `${file} loads`);
  const text = files.get('answers.yaml');
  const answers = text === undefined ? NO_ANSWERS : parseAnswers(text, join(LABS, dir, 'answers.yaml')).answers;
  return { lab, grade: gradeLab(lab, { answers, attempts }), answers };
}

/** How many of an exercise's cause hints its grade shows (their causes seen in its failed checks' traces). */
function causeHintsSeen(lab: Lab, grade: LabGrade, id: string): number {
  const seen = new Set(grade.exercises.find((x) => x.id === id)?.causes?.map((c) => c.cause));
  return (lab.exercises.find((x) => x.id === id)?.causeHints ?? []).filter((h) => seen.has(h.when)).length;
}

/** What every view must be, whatever its grade. */
function wellFormed(v: LabView, lab: Lab): void {
  assert.equal(v.lab, lab.name);
  assert.deepEqual(v.title, lab.title);
  assert.deepEqual(v.errors, []);
  assert.equal(
    v.maxScore,
    lab.exercises.reduce((s, e) => s + e.points, 0),
  );
  assert.deepEqual(
    v.exercises.map((e) => e.id),
    lab.exercises.map((e) => e.id),
  );
  v.exercises.forEach((e, i) => {
    const spec = lab.exercises[i]!;
    assert.deepEqual(e.title, spec.title);
    assert.deepEqual(e.task, spec.task);
    assert.equal(e.points, spec.points);
    assert.equal(e.hintCount, spec.hints.length);
    // The plain hints revealed so far, in order, or in their place the hints of the causes seen.
    const byCause = (spec.causeHints ?? []).map((h) => JSON.stringify(h.text));
    const isCause = (h: unknown): boolean => byCause.includes(JSON.stringify(h));
    if (e.hints.some(isCause)) assert.ok(e.hints.every(isCause));
    else {
      assert.ok(e.hints.length <= e.hintCount);
      e.hints.forEach((h, j) => assert.deepEqual(h, spec.hints[j]));
    }
    assert.deepEqual(e.source, spec.range);
    assert.equal(e.checks.length, spec.checks.length);
    e.checks.forEach((c, j) => {
      const cs = spec.checks[j]!;
      assert.equal(c.index, j);
      assert.equal(c.kind, cs.kind);
      assert.ok(c.label.length > 0 && !c.label.includes('\n'), `one line: ${c.label}`);
      assert.ok(c.source.line >= 1 && c.source.file.endsWith('lab.yaml'), JSON.stringify(c.source));
      assert.ok(Math.abs(c.points - spec.points / spec.checks.length) < 0.01);
      const kind = findCheckKind(cs.kind)!;
      assert.deepEqual([c.kindName, c.kindSummary], [kind.name, kind.summary], 'the kind names itself');
      // The packet the kind makes of the check (a resolve check's only for getaddrinfo, the lookup ping makes).
      if (kind.packet) assert.deepEqual(c.trace, kind.packet.of(cs), `${e.id} ${c.kind}: trace args`);
      if (kind.packet?.passesWhen) assert.ok(c.trace, `${e.id} ${c.kind}: trace args`);
      if (!kind.packet) assert.equal(c.trace, undefined);
      if (c.kind === 'quiz') {
        assert.ok(c.quiz);
        assert.ok(c.quiz.question.en && c.quiz.question.ko && c.quiz.question.en !== c.quiz.question.ko);
        assert.equal(parseAnswerKey(c.quiz.id).exercise, e.id);
      } else {
        assert.equal(c.quiz, undefined);
      }
    });
  });
  assert.doesNotThrow(() => JSON.parse(JSON.stringify(v)));
  assert.deepEqual(JSON.parse(JSON.stringify(v)), v, 'plain serializable data');
}

describe('labView: the lab panel model', () => {
  it('covers every bundled lab', () => assert.ok(dirs.length >= 3, dirs.join(', ')));

  for (const dir of dirs) {
    describe(dir, () => {
      const tree = instantiateLab(readTree(join(LABS, dir)), '').files; // the lab as written
      const starter = new Map([...tree].filter(([p]) => !p.startsWith('solution/')));
      const solved = applySolution(tree).files;

      it('without a grade: every exercise and check untried, no score, no hints', () => {
        const { lab } = graded(dir, starter);
        const v = labView(lab, undefined, undefined);
        wellFormed(v, lab);
        assert.equal(v.score, undefined);
        assert.equal(v.warnings, undefined);
        for (const e of v.exercises) {
          assert.equal(e.state, 'untried');
          assert.equal(e.score, undefined);
          assert.deepEqual(e.hints, []);
          for (const c of e.checks) {
            assert.equal(c.state, 'untried');
            assert.equal(c.feedback, undefined);
            assert.equal(c.score, undefined);
            assert.deepEqual(c.source, lab.exercises.find((x) => x.id === e.id)!.checks[c.index]!.range);
            if (c.quiz) assert.equal(c.quiz.answer, undefined);
          }
        }
      });

      it('graded as given: failing checks with feedback and their lab line, one hint, quizzes unanswered', () => {
        const { lab, grade, answers } = graded(dir, starter);
        const v = labView(lab, grade, answers);
        wellFormed(v, lab);
        assert.equal(v.score, grade.score);
        assert.ok(v.score! < v.maxScore);
        for (const e of v.exercises) {
          const g = grade.exercises.find((x) => x.id === e.id)!;
          assert.equal(e.score, g.score);
          assert.notEqual(e.state, 'passed', `${e.id} is not solved in the starter`);
          assert.deepEqual(e.hints, g.hints);
          e.checks.forEach((c, i) => {
            const cg = g.checks[i]!;
            assert.equal(c.state, cg.passed ? 'passed' : cg.unanswered ? 'unanswered' : 'failed');
            assert.deepEqual(c.feedback, cg.feedback);
            assert.equal(c.score, cg.points);
            assert.equal(c.expected, cg.expected);
            assert.equal(c.actual, cg.actual);
            assert.deepEqual(c.source, cg.source ?? cg.range);
          });
          const quizOnly = e.checks.every((c) => c.kind === 'quiz');
          if (quizOnly) {
            assert.equal(e.state, 'unanswered');
            assert.deepEqual(e.hints, [], 'no hint before an attempt');
          } else {
            assert.equal(e.state, 'failed');
            // the first hint after a failed attempt, or the hints of the causes the traces show
            const n = causeHintsSeen(lab, grade, e.id);
            assert.equal(e.hints.length, n || 1, `${e.id}: the first hint after a failed attempt`);
          }
        }
        // more attempts reveal more hints, never more than there are
        const g3 = graded(dir, starter, 3).grade;
        const v3 = labView(lab, g3, answers);
        for (const e of v3.exercises) if (e.state === 'failed') assert.equal(e.hints.length, causeHintsSeen(lab, g3, e.id) || e.hintCount);
      });

      it('graded with the reference solution: every check passed, full marks, answers shown', () => {
        const { lab, grade, answers } = graded(dir, solved);
        const v = labView(lab, grade, answers);
        wellFormed(v, lab);
        assert.equal(v.score, v.maxScore);
        for (const e of v.exercises) {
          assert.equal(e.state, 'passed');
          assert.equal(e.score, e.points);
          assert.deepEqual(e.hints, []);
          for (const c of e.checks) {
            assert.equal(c.state, 'passed');
            if (c.quiz) {
              assert.ok(c.quiz.answer, `${c.quiz.id}: the saved answer`);
              if (c.quiz.choices)
                assert.ok(
                  c.quiz.choices.some((ch) => ch.key === c.quiz!.answer),
                  `${c.quiz.answer} is one of the choices`,
                );
            }
          }
        }
      });

      it('a quiz answer saved with setAnswer under the quiz key shows in the view and is graded', () => {
        const { lab } = graded(dir, starter);
        const quizzes = labView(lab, undefined, undefined).exercises.flatMap((e) => e.checks.flatMap((c) => (c.quiz ? [c.quiz] : [])));
        assert.ok(quizzes.length > 0);
        let text: string | undefined;
        for (const q of quizzes) text = setAnswer(text, q.id, q.choices ? q.choices[0]!.key : 'my answer');
        const answers = parseAnswers(text!, 'answers.yaml').answers;
        const v = labView(lab, gradeLab(lab, { answers }), answers);
        for (const c of v.exercises.flatMap((e) => e.checks)) {
          if (!c.quiz) continue;
          const q = quizzes.find((x) => x.id === c.quiz!.id)!;
          assert.equal(c.quiz.answer, q.choices ? q.choices[0]!.key : 'my answer');
          assert.ok(c.state === 'passed' || c.state === 'failed', 'answered, so graded');
        }
      });
    });
  }

  it('labels and trace arguments per check kind', () => {
    const lab = loadLab(
      `name: t
switches: [lan]
hosts:
  a: { interfaces: { eth0: lan } }
  h: { interfaces: { eth0: lan } }
exercises:
  - id: x
    points: 12
    checks:
      - reach: { from: a, to: 192.168.2.10 }
      - reach: { from: h/red, to: 10.0.0.5, proto: tcp, port: 80 }
      - noreach: { from: a, to: 10.0.0.1, proto: udp }
      - route: { on: h, to: 192.168.1.10, via: 192.168.4.1, dev: eth0 }
      - output: { on: a, run: "ip -br link show eth0", match: "UP" }
      - output: { on: a, run: "ip route", contains: "default", not: true }
      - quiz: { ask: { en: "Why?", ko: "왜?" }, answer: { sha256: "${'0'.repeat(64)}", salt: s } }
      - quiz: { ask: "Which?", choices: [x, { en: "yes", ko: "예" }], answer: { sha256: "${'1'.repeat(64)}", salt: s } }
`,
      { file: 'lab.yaml' },
    ).lab!;
    const checks = lab.exercises[0]!.checks;
    assert.deepEqual(checks.map(checkLabel), [
      'a → 192.168.2.10 (icmp)',
      'h/red → 10.0.0.5 (tcp/80)',
      'a → 10.0.0.1 (udp/80)',
      'h: ip route get 192.168.1.10 → via 192.168.4.1 dev eth0',
      'a$ ip -br link show eth0 ~ /UP/',
      'a$ ip route !~ "default"',
      'Why?',
      'Which?',
    ]);
    assert.deepEqual(checks.map(traceArgs), [
      { from: 'a', to: '192.168.2.10', proto: 'icmp' },
      { from: 'h/red', to: '10.0.0.5', proto: 'tcp', port: 80 },
      { from: 'a', to: '10.0.0.1', proto: 'udp', port: 80 },
      { from: 'h', to: '192.168.1.10', proto: 'icmp' },
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
    const v = labView(lab, undefined, { byExercise: new Map([['x', ['because', 'yes']]]) });
    const quizzes = v.exercises[0]!.checks.flatMap((c) => (c.quiz ? [c.quiz] : []));
    assert.deepEqual(quizzes, [
      { id: 'x#1', question: { en: 'Why?', ko: '왜?' }, answer: 'because' },
      {
        id: 'x#2',
        question: { en: 'Which?', ko: 'Which?' },
        choices: [
          { key: 'x', text: { en: 'x', ko: 'x' } },
          { key: 'yes', text: { en: 'yes', ko: '예' } },
        ],
        answer: 'yes',
      },
    ]);
    assert.equal(v.exercises[0]!.checks[0]!.points, 1.5);
  });

  it('names each check by its kind, and an unknown kind by itself', () => {
    const lab = loadLab(
      'name: t\nswitches: [lan]\nhosts:\n  a: { interfaces: { eth0: lan } }\nexercises:\n  - id: x\n    checks:\n      - noreach: { from: a, to: 10.0.0.1 }\n      - ping: { from: a, to: 10.0.0.1 }\n',
      { file: 'lab.yaml' },
    ).lab!;
    const [noreach, ping] = labView(lab, undefined, undefined).exercises[0]!.checks;
    assert.deepEqual([noreach!.kindName, noreach!.kindSummary], [findCheckKind('noreach')!.name, findCheckKind('noreach')!.summary]);
    assert.deepEqual(ping!.kindName, { en: 'ping', ko: 'ping' });
    assert.equal(ping!.kindSummary, undefined);
    assert.equal(ping!.label, 'ping { from: a, to: 10.0.0.1 }');
    assert.equal(ping!.trace, undefined);
  });

  it('a grade of another version of the lab leaves what no longer matches untried', () => {
    const dir = dirs[0]!;
    const tree = instantiateLab(readTree(join(LABS, dir)), '').files; // the lab as written
    const { lab, grade } = graded(dir, new Map([...tree].filter(([p]) => !p.startsWith('solution/'))));
    const stale: LabGrade = {
      ...grade,
      exercises: grade.exercises.map((e, i) => (i === 0 ? { ...e, id: 'renamed' } : i === 1 ? { ...e, checks: e.checks.slice(1) } : e)),
    };
    const v = labView(lab, stale, undefined);
    assert.equal(v.exercises[0]!.state, 'untried');
    assert.ok(v.exercises[0]!.checks.every((c) => c.state === 'untried'));
    assert.equal(v.exercises[1]!.state, 'untried');
    assert.notEqual(v.exercises[2]!.state, 'untried');
  });

  it('grading errors become warnings; a lab that does not load gives its errors', () => {
    const lab = loadLab(
      'name: t\nswitches: [lan]\nhosts:\n  a: { interfaces: { eth0: lan } }\nexercises:\n  - id: q\n    points: 1\n    checks:\n      - quiz: { ask: "?", answer: { sha256: "' +
        '0'.repeat(64) +
        '", salt: s } }\n',
      { file: 'lab.yaml' },
    ).lab!;
    const bad = parseAnswers('q: [', 'answers.yaml');
    const g = gradeLab(lab, { answers: bad.answers, answersDiagnostics: bad.diagnostics });
    const v = labView(lab, g, bad.answers);
    assert.equal(v.warnings?.length, 1);
    assert.equal(v.warnings![0]!.source.file, 'answers.yaml');
    assert.match(v.warnings![0]!.message.en, /cannot be read/);
    assert.equal(v.exercises[0]!.state, 'unanswered');

    const loaded = loadLab('name: t\nhosts: 3\n', { file: 'lab.yaml' });
    const e = labErrorsView('t', loaded.diagnostics, { en: 'T', ko: '티' });
    assert.ok(e.errors.length > 0);
    assert.deepEqual(e.exercises, []);
    assert.equal(e.errors[0]!.source.file, 'lab.yaml');
    assert.ok(e.errors.every((x) => x.message.en && x.message.ko));
  });

  it("a handout's questions show as quizzes the student answers in the panel, with their choices and saved answers", () => {
    const text = `name: h
handout: true
hosts: {}
exercises:
  - id: return-route
    points: 10
    questions:
      - ask: { en: "Where is the reply lost?", ko: "응답은 어디서 사라집니까?" }
        choices: [a, r, b]
      - ask: "Which address?"
`;
    const lab = loadLab(text, { file: 'lab.yaml' }).lab!;
    const answers = parseAnswers('return-route: [r]\n', 'answers.yaml').answers;
    const ex = labView(lab, undefined, answers).exercises[0]!;
    assert.deepEqual(
      ex.checks.map((c) => [c.kind, c.state, c.label, c.quiz?.id, c.quiz?.answer, c.quiz?.choices?.map((x) => x.key), c.source.line]),
      [
        ['quiz', 'untried', 'Where is the reply lost?', 'return-route#1', 'r', ['a', 'r', 'b'], 8],
        ['quiz', 'untried', 'Which address?', 'return-route#2', undefined, undefined, 10],
      ],
    );
    assert.equal(ex.checks[0]!.quiz!.question.ko, '응답은 어디서 사라집니까?');
  });
});
