/** answers.yaml (src/core/grade/answers.ts): reading it, ids the lab lacks, and a malformed file graded as unanswered. */
import { strict as assert } from 'node:assert';
import { checkAnswerIds, parseAnswers } from '../../../src/core/grade/answers';
import { gradeLab } from '../../../src/core/grade/grade';
import { ex, gatewayLab, load, QUIZ } from '../../support/gradeLab';

const lab = () => load(gatewayLab(1, QUIZ));

describe('grade: answers.yaml', () => {
  it('reads answers.yaml: strings, lists, numbers as written', () => {
    const r = parseAnswers('q: [192.168.1.1, 2]\nother: 0x10\nthird: 1.50\nempty:\n', 'answers.yaml');
    assert.deepEqual(r.diagnostics, []);
    assert.deepEqual(r.answers.byExercise.get('q'), ['192.168.1.1', '2']);
    assert.deepEqual(r.answers.byExercise.get('other'), ['0x10']);
    assert.deepEqual(r.answers.byExercise.get('third'), ['1.50']);
    assert.deepEqual(r.answers.byExercise.get('empty'), []);
    assert.equal(parseAnswers('', 'answers.yaml').answers.byExercise.size, 0);
    assert.equal(parseAnswers('# nothing yet\n', 'answers.yaml').diagnostics.length, 0);
  });

  it('warns about answers under an id the lab does not have', () => {
    const parsed = parseAnswers('q: 192.168.1.1\nqq: nope\n', 'answers.yaml');
    const d = checkAnswerIds(parsed, lab());
    assert.equal(d.length, 1);
    assert.equal(d[0]!.line, 2);
    assert.equal(d[0]!.severity, 'warning');
    assert.match(d[0]!.message.en, /no exercise "qq"; did you mean "q"\?/);
  });

  it('grades a malformed answers.yaml as unanswered, with a clear diagnostic', () => {
    for (const bad of ['q: [unclosed\n', '- just\n- a list\n', 'q: { a: 1 }\n', 'q: 1\nq: 2\n', 'q:\n  - [nested]\n', '"\\xZZ"']) {
      const r = parseAnswers(bad, 'answers.yaml');
      assert.equal(r.answers.byExercise.size, 0, bad);
      assert.equal(r.diagnostics.length, 1, bad);
      const d = r.diagnostics[0]!;
      assert.equal(d.code, 'answers-malformed');
      assert.equal(d.file, 'answers.yaml');
      assert.ok(d.line >= 1 && d.column >= 1);
      assert.match(d.message.en, /answers\.yaml cannot be read .*graded as unanswered/);
      assert.match(d.message.ko, /답하지 않은 것으로 채점됩니다/);
      const g = gradeLab(lab(), { answers: r.answers, answersDiagnostics: r.diagnostics });
      assert.ok(ex(g, 'q').checks.every((c) => c.unanswered));
      assert.ok(g.diagnostics.some((x) => x.code === 'answers-malformed'));
    }
    const r = parseAnswers('q: ok\nbroken: [x\n', 'answers.yaml');
    assert.ok(r.diagnostics[0]!.line >= 2, 'the place of the error, not the top of the file');
  });
});
