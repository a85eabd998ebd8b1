/**
 * Property: whatever answer a student types, setAnswer writes it so that answers.ts reads back
 * exactly that string, under its exercise and place, with every other answer unchanged; and on any
 * text at all it never throws.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { parseAnswers } from '../../src/core/grade/answers';
import { editAnswers, parseAnswerKey, setAnswer } from '../../src/core/grade/answersEdit';
import { timed } from './helpers';

const NUM_RUNS = 400;

const BASE = `# answers of a student
q1: [a, "b c"] # two quizzes
q2: 192.168.1.0/24
`;

const anyString = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.string({
    unit: fc.constantFrom(
      ' ',
      '\n',
      '\t',
      ':',
      '#',
      '-',
      '"',
      "'",
      '\\',
      '\u0085',
      '\u2028',
      '\ufeff',
      '\r',
      'a',
      '1',
      '.',
      '!',
      '&',
      '*',
      '|',
      '>',
      '[',
      '{',
    ),
    maxLength: 12,
  }),
);
const keys = fc.constantFrom('q1', 'q1#1', 'q1#2', 'q1#3', 'q2', 'q2#2', 'q3', 'q3#2', 'new-exercise');
const files = fc.constantFrom<string | undefined>(undefined, '', BASE, '# only a comment\n', 'q2: 12\n', 'q1:\n  - x\n  - y\n');

describe('fuzz: setAnswer', () => {
  it('answers.ts reads back exactly the value set, for arbitrary strings', () => {
    fc.assert(
      fc.property(files, keys, anyString, (text, key, value) => {
        const r = timed('editAnswers', () => editAnswers(text, key, value));
        assert.equal(r.error, undefined, `not saved: ${r.error?.en}`);
        const parsed = parseAnswers(r.text, 'answers.yaml');
        assert.deepEqual(parsed.diagnostics, [], r.text);
        const k = parseAnswerKey(key);
        assert.equal(parsed.answers.byExercise.get(k.exercise)?.[k.index ?? 0], value, `${JSON.stringify(value)} as ${key} in:\n${r.text}`);
        if (text !== undefined) {
          const before = parseAnswers(text, 'answers.yaml').answers.byExercise;
          for (const [id, list] of before) if (id !== k.exercise) assert.deepEqual(parsed.answers.byExercise.get(id), list);
        }
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('answers set one after another are all kept', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(keys, anyString), { maxLength: 6 }), (edits) => {
        let text: string | undefined;
        const want = new Map<string, string>();
        for (const [key, value] of edits) {
          text = setAnswer(text, key, value);
          const k = parseAnswerKey(key);
          want.set(`${k.exercise}@${k.index ?? 0}`, value);
        }
        const got = parseAnswers(text ?? '', 'answers.yaml').answers.byExercise;
        for (const [at, value] of want) {
          const [id, i] = at.split('@') as [string, string];
          assert.equal(got.get(id)?.[Number(i)], value, `${at} in:\n${text}`);
        }
      }),
      { numRuns: NUM_RUNS / 4 },
    );
  });

  it('never throws on any file text and any key', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), fc.string({ maxLength: 20 }), anyString, (text, key, value) => {
        const r = timed('editAnswers', () => editAnswers(text, key, value));
        if (r.error) assert.equal(r.text, text);
        assert.equal(typeof setAnswer(text, key, value), 'string');
      }),
      { numRuns: NUM_RUNS },
    );
  });
});
