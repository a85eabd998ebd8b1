/**
 * Fuzzing the grading inputs: whatever a student writes in answers.yaml, and whatever exercises a
 * lab declares, parsing and grading return (never throw) within a time bound, with well-formed
 * diagnostics; a malformed answers file grades as unanswered.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { gradeLab, loadLab, parseAnswers } from '../../src/core/index';
import { assertWellFormed, timed } from './helpers';

const NUM_RUNS = 120;
const LAB = `name: fuzz
switches: [lan]
hosts:
  a:
    interfaces: { eth0: lan }
    run: |
      ip addr add 10.0.0.1/24 dev eth0
  b:
    interfaces: { eth0: lan }
    run: |
      ip addr add 10.0.0.2/24 dev eth0
`;

const answerValue = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.integer(),
  fc.constant(null),
  fc.array(fc.string({ maxLength: 10 }), { maxLength: 4 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), { maxKeys: 3 }),
);
const ids = fc.constantFrom('q1', 'q2', 'reach', 'x', '', 'a b', '🙂');

describe('fuzz: answers.yaml and exercises', () => {
  it('parseAnswers never throws on any text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        const r = timed('parseAnswers', () => parseAnswers(text, 'answers.yaml'));
        for (const d of r.diagnostics) assertWellFormed(d, 'answers.yaml');
      }),
      { numRuns: NUM_RUNS * 2 },
    );
  });

  it('grading with random answers documents never throws, and scores stay in range', () => {
    const lab = loadLab(
      LAB +
        `exercises:
  - id: q1
    points: 4
    checks:
      - quiz: { ask: "why?", answer: { sha256: "${'0'.repeat(64)}", salt: "s" } }
      - reach: { from: a, to: 10.0.0.2 }
  - id: q2
    points: 2
    checks:
      - quiz: { ask: "what?", choices: [x, y], answer: { sha256: "${'1'.repeat(64)}", salt: "t" } }
      - quiz: { ask: "which?", answer: { sha256: "${'2'.repeat(64)}", salt: "u" } }
`,
      { file: 'lab.yaml' },
    ).lab!;
    assert.ok(lab);
    fc.assert(
      fc.property(fc.dictionary(ids, answerValue, { maxKeys: 5 }), (doc) => {
        const text = stringify(doc);
        const { answers, diagnostics } = parseAnswers(text, 'answers.yaml');
        for (const d of diagnostics) assertWellFormed(d, 'answers.yaml');
        const g = timed('gradeLab', () => gradeLab(lab, { answers }));
        assert.ok(g.score >= 0 && g.score <= g.maxScore, `score ${g.score}/${g.maxScore}`);
        assert.equal(g.maxScore, 6);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('random check arguments are diagnosed, never thrown', () => {
    const arg = fc.oneof(
      fc.string({ maxLength: 12 }),
      fc.integer(),
      fc.boolean(),
      fc.constant(null),
      fc.constantFrom('a', 'b', 'a/red', '10.0.0.2', '999.1.1.1', 'tcp', 'udp', '[', '(?'),
    );
    const check = fc.record({
      kind: fc.constantFrom('reach', 'noreach', 'route', 'output', 'quiz', 'bogus', 'Reach'),
      args: fc.dictionary(
        fc.constantFrom(
          'from',
          'to',
          'on',
          'via',
          'dev',
          'proto',
          'port',
          'run',
          'match',
          'contains',
          'status',
          'not',
          'ask',
          'answer',
          'choices',
          'zzz',
        ),
        arg,
        { maxKeys: 5 },
      ),
    });
    fc.assert(
      fc.property(fc.array(check, { minLength: 1, maxLength: 4 }), fc.integer({ min: -5, max: 100 }), (checks, points) => {
        const text = LAB + stringify({ exercises: [{ id: 'e1', points, checks: checks.map((c) => ({ [c.kind]: c.args })) }] });
        const loaded = timed('loadLab', () => loadLab(text, { file: 'lab.yaml' }));
        for (const d of loaded.diagnostics) assertWellFormed(d, 'lab.yaml');
        if (!loaded.lab) return;
        const g = timed('gradeLab', () => gradeLab(loaded.lab!, {}));
        for (const d of g.diagnostics) assertWellFormed(d, 'lab.yaml');
        for (const e of g.exercises) for (const c of e.checks) assert.ok(c.feedback.en && c.feedback.ko);
      }),
      { numRuns: NUM_RUNS },
    );
  });
});
