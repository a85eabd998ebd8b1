/** The noreach check (src/core/grade/checks/noreach.ts): the packet must not get its answer; a failure says by which path it got through. */
import { strict as assert } from 'node:assert';
import { gradeLab } from '../../../../src/core/grade/grade';
import { noreachCheck } from '../../../../src/core/grade/checks/noreach';
import { checkDiags, ex, gatewayLab, load } from '../../../support/gradeLab';

describe('grade: noreach', () => {
  it('passes when blocked and says the path when it gets through', () => {
    const exs = `  - id: iso
    checks:
      - noreach: { from: a, to: 192.168.2.10 }
`;
    const blocked = ex(gradeLab(load(gatewayLab(0, exs))), 'iso').checks[0]!;
    assert.equal(blocked.passed, true);
    assert.match(blocked.feedback.en, /is blocked, as it should be/);
    const through = ex(gradeLab(load(gatewayLab(1, exs))), 'iso').checks[0]!;
    assert.equal(through.passed, false);
    assert.match(through.feedback.en, /gets through, but it should not: the request went a → r → b/);
    assert.match(through.feedback.ko, /a → r → b/);
  });

  it('takes a mapping of arguments', () => {
    assert.deepEqual(
      checkDiags('      - noreach: a\n').map((x) => x.code),
      ['wrong-type'],
    );
  });

  it('traces the same packet as reach, and passes when it is blocked', () => {
    const at = { file: 'lab.yaml', line: 1, column: 1, endLine: 1, endColumn: 2 };
    const c = { kind: 'noreach', args: { from: 'guest', to: '192.168.2.10', proto: 'udp' }, range: at, argRanges: {} };
    assert.equal(noreachCheck.label(c), 'guest → 192.168.2.10 (udp/80)');
    assert.deepEqual(noreachCheck.packet?.of(c), { from: 'guest', to: '192.168.2.10', proto: 'udp', port: 80 });
    assert.equal(noreachCheck.packet?.passesWhen, 'blocked');
  });
});
