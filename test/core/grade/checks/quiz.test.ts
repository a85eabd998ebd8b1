/** The quiz check (src/core/grade/checks/quiz.ts): answers from answers.yaml against the stored hash, never the answer in the lab. */
import { strict as assert } from 'node:assert';
import { gradeLab } from '../../../../src/core/grade/grade';
import { hashAnswer } from '../../../../src/core/net/answer';
import { quizCheck } from '../../../../src/core/grade/checks/quiz';
import { answers, checkDiags, ex, gatewayLab, load, QUIZ } from '../../../support/gradeLab';

describe('grade: quiz', () => {
  const lab = () => load(gatewayLab(1, QUIZ));

  it('grades right answers, with choice numbers too', () => {
    const e = ex(gradeLab(lab(), { answers: answers({ q: [' 192.168.1.1', 'ip'] }) }), 'q');
    assert.deepEqual(
      e.checks.map((c) => c.passed),
      [true, true],
    );
    assert.equal(e.score, 4);
    const byNumber = ex(gradeLab(lab(), { answers: answers({ q: ['192.168.1.1', '2'] }) }), 'q');
    assert.equal(byNumber.passed, true);
  });

  it('takes an answer in any form that means the same (a default route, an address)', () => {
    const q = `  - id: r
    checks:
      - quiz:
          ask: "a's route out?"
          answer: { sha256: "${hashAnswer('default via 192.168.1.1', 'k')}", salt: k }
      - quiz:
          ask: "b's IPv6 address?"
          answer: { sha256: "${hashAnswer('2001:db8::10', 'k')}", salt: k }
`;
    const e = ex(gradeLab(load(gatewayLab(1, q)), { answers: answers({ r: ['0.0.0.0/0  via 192.168.1.1', '2001:DB8:0:0::0010'] }) }), 'r');
    assert.deepEqual(
      e.checks.map((c) => c.passed),
      [true, true],
    );
    const wrong = ex(gradeLab(load(gatewayLab(1, q)), { answers: answers({ r: ['default via 192.168.1.10', '2001:db8::1'] }) }), 'r');
    assert.deepEqual(
      wrong.checks.map((c) => c.passed),
      [false, false],
    );
  });

  it('takes a choice written in either language, whichever language the hash was made from', () => {
    const q = `  - id: why
    checks:
      - quiz:
          ask: { en: "Why no reply?", ko: "왜 응답이 없습니까?" }
          choices:
            - { en: "r does not forward", ko: "r이 포워딩하지 않는다" }
            - { en: "b has no route back", ko: "b에 돌아가는 라우트가 없다" }
          answer: { sha256: "${hashAnswer('b has no route back', 'k')}", salt: k }
`;
    const graded = (given: string) => ex(gradeLab(load(gatewayLab(1, q)), { answers: answers({ why: [given] }) }), 'why').passed;
    assert.equal(graded('b has no route back'), true);
    assert.equal(graded('  b에 돌아가는   라우트가 없다 '), true);
    assert.equal(graded('2'), true);
    assert.equal(graded('r이 포워딩하지 않는다'), false);
    assert.equal(graded('1'), false);
    assert.equal(graded('b에 라우트가 없다'), false);
  });

  it('never reveals the answer on a wrong one', () => {
    const e = ex(gradeLab(lab(), { answers: answers({ q: ['192.168.1.2', 'TCP'] }) }), 'q');
    assert.deepEqual(
      e.checks.map((c) => c.passed),
      [false, false],
    );
    assert.match(e.checks[0]!.feedback.en, /Not the right answer/);
    assert.match(e.checks[0]!.feedback.ko, /정답이 아닙니다/);
    assert.ok(!JSON.stringify(e).includes('192.168.1.1'));
    assert.equal(e.hints.length, 1);
  });

  it('marks missing answers unanswered, without hints', () => {
    const e = ex(gradeLab(lab(), { answers: answers({ q: ['192.168.1.1'] }) }), 'q');
    assert.deepEqual(
      e.checks.map((c) => [c.passed, !!c.unanswered]),
      [
        [true, false],
        [false, true],
      ],
    );
    assert.equal(e.score, 2);
    assert.match(e.checks[1]!.feedback.en, /Not answered yet: .*answers\.yaml.*"q".*number 2/);
    assert.match(e.checks[1]!.feedback.ko, /아직 답하지 않았습니다/);
    assert.deepEqual(e.hints, []);
    const none = ex(gradeLab(lab()), 'q');
    assert.ok(none.checks.every((c) => c.unanswered && !c.passed));
  });

  it('requires an answer hash, and never a plain-text answer', () => {
    const d = checkDiags(`      - quiz: { ask: Why? }
      - quiz: { ask: Why?, answer: forty-two }
      - quiz: { ask: Why?, answer: { sha256: abc, salt: s } }
`);
    assert.deepEqual(
      d.map((x) => x.code),
      ['quiz-no-answer', 'quiz-no-answer', 'quiz-no-answer'],
    );
    assert.match(
      d[1]!.en,
      new RegExp(`Never store a quiz answer in plain text.*sha256: "${hashAnswer('forty-two', 'gateway')}", salt: "gateway"`),
    );
  });

  it('labels itself with its English question; sends no packet', () => {
    const at = { file: 'lab.yaml', line: 1, column: 1, endLine: 1, endColumn: 2 };
    const c = (args: unknown) => ({ kind: 'quiz', args, range: at, argRanges: {} });
    assert.equal(quizCheck.label(c({ ask: { en: 'Why?', ko: '왜?' } })), 'Why?');
    assert.equal(quizCheck.label(c({ ask: '왜?' })), '왜?');
    assert.equal(quizCheck.label(c(3)), 'quiz');
    assert.equal(quizCheck.packet, undefined);
  });
});
