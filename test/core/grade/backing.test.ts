/** A noreach earns its points only in a network that works (src/core/grade/backing.ts). */
import { strict as assert } from 'node:assert';
import { gradeLab } from '../../../src/core/grade/grade';
import { ex, gatewayLab, load } from '../../support/gradeLab';

/** a — r — b; with `forward` 0 nothing crosses r. */
const lab = (forward: 0 | 1, exercises: string) => load(gatewayLab(forward, exercises));

describe('grade: noreach needs a network that works', () => {
  const ISO = `  - id: iso
    points: 10
    checks:
      - reach: { from: a, to: 192.168.2.10 }
      - noreach: { from: a, to: 192.168.2.10, proto: udp, port: 9 }
`;

  it("counts a noreach only when its exercise's reach checks pass", () => {
    const off = ex(gradeLab(lab(0, ISO)), 'iso');
    assert.equal(off.score, 0);
    const n = off.checks[1]!;
    assert.equal(n.passed, false);
    assert.match(
      n.feedback.en,
      /is blocked, as it should be: .*; but a blocked packet counts only once this exercise's reach checks pass \(0 of 1 do\)$/,
    );
    assert.match(n.feedback.ko, /\. 하지만 차단 검사는 이 과제의 reach 검사가 모두 통과해야 점수가 됩니다\(1개 중 0개 통과\)$/);
    assert.equal(n.expected, 'blocked, in a network that works');
    // One full stop, Korean particles chosen by the word: 9로 끝나는 라벨 + 는 ('구'), no 은(는).
    assert.doesNotMatch(n.feedback.en, /\.;/);
    assert.match(n.feedback.ko, /^a → 192\.168\.2\.10 udp\/9는 의도대로 막힙니다: /);
    assert.doesNotMatch(n.feedback.ko, /\.\. /);
    const on = ex(gradeLab(lab(1, ISO)), 'iso');
    assert.equal(on.score, 10);
    assert.equal(on.checks[1]!.passed, true);
  });

  it('holds an exercise of noreach checks only to every reach check of the lab', () => {
    const exs = `  - id: works
    checks:
      - reach: { from: a, to: 192.168.2.10 }
  - id: only-blocks
    points: 4
    checks:
      - noreach: { from: b, to: 192.168.1.10, proto: tcp, port: 22 }
`;
    const off = ex(gradeLab(lab(0, exs)), 'only-blocks');
    assert.equal(off.score, 0);
    assert.match(off.checks[0]!.feedback.en, /counts only once every reach check of the lab passes \(0 of 1 do\)$/);
    assert.match(off.checks[0]!.feedback.ko, /실습의 reach 검사가 모두 통과해야/);
    assert.equal(ex(gradeLab(lab(1, exs)), 'only-blocks').score, 4);
  });

  it('in a lab with no reach check, wants something that blocked the packet, not a sender with nothing', () => {
    const exs = `  - id: only-blocks
    checks:
      - noreach: { from: a, to: 10.9.9.9 }
      - noreach: { from: a, to: 192.168.2.10 }
`;
    const g = ex(gradeLab(lab(0, exs)), 'only-blocks');
    // a has no route to 10.9.9.9: nothing decided that block.
    assert.equal(g.checks[0]!.passed, false);
    assert.match(g.checks[0]!.feedback.en, /but nothing blocked it: the packet never left its sender/);
    // The packet to b left a and died at r (forwarding off): a block on the way.
    assert.equal(g.checks[1]!.passed, true, g.checks[1]!.feedback.en);
  });

  it('leaves a noreach that gets through as it was', () => {
    const g = ex(gradeLab(lab(1, ISO.replace('proto: udp, port: 9', 'proto: tcp, port: 80'))), 'iso');
    assert.match(g.checks[1]!.feedback.en, /gets through, but it should not/);
    assert.match(g.checks[1]!.feedback.ko, /^a → 192\.168\.2\.10 tcp\/80이 통과하지만 막혀야 합니다/);
  });
});
