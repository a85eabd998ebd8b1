/** Writing quiz answers into answers.yaml: comments and other answers kept, quoting, a new file, lists. */
import { strict as assert } from 'node:assert';
import { parseAnswers } from '../../../src/core/grade/answers';
import { editAnswers, MAX_QUIZZES, parseAnswerKey, quizAnswerKey, setAnswer } from '../../../src/core/grade/answersEdit';

const read = (text: string) => {
  const r = parseAnswers(text, 'answers.yaml');
  assert.deepEqual(
    r.diagnostics.map((d) => d.message.en),
    [],
    `reads:\n${text}`,
  );
  return Object.fromEntries(r.answers.byExercise);
};

const SOLUTION = `# The right answers to lab 01's quiz questions.
how-routing-works: [r, default via 192.168.1.1 dev eth0] # both of them

# A single answer
subnet-quiz: 192.168.1.0/24   # the first one
`;

describe('answers.yaml editing (setAnswer)', () => {
  it('answer keys: the exercise id for its only quiz, id#n for one of several', () => {
    assert.equal(quizAnswerKey('subnet-quiz', 0, 1), 'subnet-quiz');
    assert.equal(quizAnswerKey('veth-pairs', 0, 2), 'veth-pairs#1');
    assert.equal(quizAnswerKey('veth-pairs', 1, 2), 'veth-pairs#2');
    assert.deepEqual(parseAnswerKey('veth-pairs#2'), { exercise: 'veth-pairs', index: 1 });
    assert.deepEqual(parseAnswerKey('subnet-quiz'), { exercise: 'subnet-quiz' });
    assert.deepEqual(parseAnswerKey('x#0'), { exercise: 'x#0' });
    assert.deepEqual(parseAnswerKey('#3'), { exercise: '#3' });
  });

  it('creates the text when the file does not exist', () => {
    const t = setAnswer(undefined, 'subnet-quiz', '192.168.1.0/24');
    assert.equal(t, 'subnet-quiz: 192.168.1.0/24\n');
    assert.deepEqual(read(setAnswer(undefined, 'veth-pairs#2', 'ip -n green link')), { 'veth-pairs': ['', 'ip -n green link'] });
    assert.deepEqual(read(setAnswer('', 'a', 'x')), { a: ['x'] });
  });

  it('keeps every comment and the other answers', () => {
    const t = setAnswer(SOLUTION, 'how-routing-works#1', 'b');
    for (const c of ["# The right answers to lab 01's quiz questions.", '# both of them', '# A single answer', '# the first one'])
      assert.ok(t.includes(c), `${c} kept in:\n${t}`);
    assert.deepEqual(read(t), { 'how-routing-works': ['b', 'default via 192.168.1.1 dev eth0'], 'subnet-quiz': ['192.168.1.0/24'] });
    const u = setAnswer(t, 'subnet-quiz', '10.0.0.0/8');
    for (const c of ['# both of them', '# A single answer', '# the first one']) assert.ok(u.includes(c), `${c} kept in:\n${u}`);
    assert.deepEqual(read(u), { 'how-routing-works': ['b', 'default via 192.168.1.1 dev eth0'], 'subnet-quiz': ['10.0.0.0/8'] });
  });

  it('adds a new exercise at the end, keeping a comment-only file', () => {
    const t = setAnswer('# my answers\n', 'return-route#1', 'b');
    assert.ok(t.startsWith('# my answers\n'), t);
    assert.deepEqual(read(t), { 'return-route': ['b'] });
    const u = setAnswer(SOLUTION, 'veth-pairs#2', 'ip link');
    assert.deepEqual(read(u)['veth-pairs'], ['', 'ip link']);
    assert.ok(u.includes('# the first one'));
  });

  it('quotes values that would read as something else', () => {
    for (const v of [
      'true',
      'no',
      'null',
      '~',
      '1.50',
      '0x10',
      '12',
      'a: b',
      '- x',
      '# not a comment',
      '[1, 2]',
      '{a}',
      "it's",
      '"q"',
      ' lead',
      'trail ',
      '',
      '*alias',
      '&anchor',
      '!tag',
      '%x',
      '@x',
      '`x',
      '---',
      '...',
      'a #b',
      'line\nbreak',
      'tab\there',
      '\u0085',
      '\u2028x',
      '\ufeffbom',
      '\u0000nul',
      '한국어 답',
    ]) {
      for (const key of ['q', 'q#1', 'q#2']) {
        const t = setAnswer(SOLUTION, key, v);
        const r = read(t);
        const i = parseAnswerKey(key).index ?? 0;
        assert.equal(r['q']?.[i], v, `${JSON.stringify(v)} as ${key}:\n${t}`);
        assert.deepEqual(r['subnet-quiz'], ['192.168.1.0/24']);
      }
    }
    assert.match(setAnswer(undefined, 'q', 'true'), /^q: "true"\n$|^q: 'true'\n$/);
  });

  it('a scalar answer becomes the first of a list when a second quiz is answered', () => {
    const t = setAnswer('q: first # mine\n', 'q#2', 'second');
    assert.deepEqual(read(t), { q: ['first', 'second'] });
    assert.ok(t.includes('# mine'), t);
    assert.equal(t.split('# mine').length, 2, `the comment once:\n${t}`);
    // and a list written for a single quiz: its first item is the answer
    assert.deepEqual(read(setAnswer('q: [a, b]\n', 'q', 'c')), { q: ['c', 'b'] });
    // a block list keeps its style
    const b = setAnswer('q:\n  - a # one\n  - b\n', 'q#2', 'x');
    assert.deepEqual(read(b), { q: ['a', 'x'] });
    assert.ok(b.includes('# one') && b.includes('  - '), b);
  });

  it('an exercise id written as a number is found as the reader finds it', () => {
    assert.deepEqual(read(setAnswer('1: old\n', '1', 'new')), { 1: ['new'] });
    assert.equal(setAnswer('1: old\n', '1', 'new'), '1: new\n');
  });

  it('never throws; a file it cannot read is left as it is, with the reason', () => {
    for (const bad of ['a: [', '- a\n- b\n', 'a: 1\na: 2\n', 'just text', '{a: {b: c}}: x\n', '%YAML 9\n---\na: b\n', '\t\ta: b']) {
      const r = editAnswers(bad, 'a', 'x');
      if (r.error) {
        assert.equal(r.text, bad);
        assert.ok(r.error.en.startsWith('The answer was not saved'), r.error.en);
        assert.ok(r.error.ko.startsWith('답을 저장하지 못했습니다'), r.error.ko);
        assert.equal(setAnswer(bad, 'a', 'x'), bad);
      } else {
        assert.deepEqual(read(r.text)['a'], ['x']);
      }
    }
    assert.ok(editAnswers('a: [', 'a', 'x').error);
    assert.ok(editAnswers('- a\n', 'a', 'x').error);
    const huge = editAnswers('', `q#${MAX_QUIZZES + 1}`, 'x');
    assert.ok(huge.error);
    assert.equal(huge.text, '');
  });

  it('an answer for a key that is not an exercise id does not break the file', () => {
    const t = setAnswer(SOLUTION, 'a: b', 'x');
    assert.equal(read(t)['a: b']?.[0], 'x');
    assert.deepEqual(read(t)['subnet-quiz'], ['192.168.1.0/24']);
  });
});
