import { strict as assert } from 'node:assert';
import { loadLab } from '../../../../src/core/lab/load';

const lab = (hints: string) => `name: t
hosts: {}
exercises:
  - id: e
    hints:
${hints}
    checks: []
`;

describe('exercise hints', () => {
  it('keeps plain hints in order and cause hints apart, with their cause and place', () => {
    const r = loadLab(
      lab(`      - first
      - { en: second, ko: 둘째 }
      - when: forwarding-off
        text: { en: "r does not forward", ko: "r이 포워딩하지 않습니다" }
      - { when: no-route-back, text: back }`),
      { file: 'lab.yaml' },
    );
    const ex = r.lab!.exercises[0]!;
    assert.deepEqual(ex.hints, [
      { en: 'first', ko: 'first' },
      { en: 'second', ko: '둘째' },
    ]);
    assert.deepEqual(
      ex.causeHints?.map((h) => [h.when, h.text.en, h.text.ko, h.range.line]),
      [
        ['forwarding-off', 'r does not forward', 'r이 포워딩하지 않습니다', 8],
        ['no-route-back', 'back', 'back', 10],
      ],
    );
    assert.deepEqual(
      r.diagnostics.filter((d) => d.severity === 'error'),
      [],
    );
  });

  it('an unknown cause is an error at its line, with did-you-mean', () => {
    const r = loadLab(lab('      - { when: forwarding-of, text: x }'), { file: 'lab.yaml' });
    const d = r.diagnostics.find((x) => x.code === 'unknown-cause');
    assert.ok(d);
    assert.equal(d.severity, 'error');
    assert.equal(d.line, 6);
    assert.match(d.message.en, /Unknown cause "forwarding-of"; did you mean "forwarding-off"\?/);
    assert.match(d.message.ko, /"forwarding-off"를 뜻했나요\?/);
    assert.doesNotMatch(d.message.ko, /\(를\)|\(을\)/);
    // one finding at that place: the schema's "must be one of" gives way to it
    assert.deepEqual(
      r.diagnostics.filter((x) => x.line === 6).map((x) => x.code),
      ['unknown-cause'],
    );
  });

  it('a cause hint without text, or with an unknown key, is reported', () => {
    const r = loadLab(lab('      - { when: no-route }\n      - { when: no-route, text: x, why: y }'), { file: 'lab.yaml' });
    assert.ok(r.diagnostics.some((d) => d.code === 'missing-key' && d.line === 6));
    assert.ok(r.diagnostics.some((d) => d.code === 'unknown-key' && d.line === 7));
  });
});
