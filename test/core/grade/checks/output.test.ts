/** The output check (src/core/grade/checks/output.ts): a command run on a host, and what it prints. */
import { strict as assert } from 'node:assert';
import { gradeLab, validateExercises } from '../../../../src/core/grade/grade';
import { outputCheck } from '../../../../src/core/grade/checks/output';
import { checkDiags, ex, gatewayLab, GW, load } from '../../../support/gradeLab';

describe('grade: output', () => {
  it('shows what the command printed', () => {
    const e = ex(gradeLab(load(gatewayLab(0, GW))), 'gw');
    assert.equal(e.checks[3]!.passed, false);
    assert.match(e.checks[3]!.feedback.en, /expected output showing \/= 1\$\/; actual: net\.ipv4\.ip_forward = 0/);
  });

  it('regex, contains, not, status', () => {
    const exs = `  - id: out
    checks:
      - output: { on: a, run: "ip -br link show eth0", match: "^eth0\\\\s+UP" }
      - output: { on: a, run: "ip -br link show eth0", contains: "DOWN", not: true }
      - output: { on: a, run: "ip link show eth9", status: 1 }
      - output: { on: a, run: "ip link show eth9", status: 0 }
      - output: { on: a, run: "ip -br addr", contains: "192.168.1.10/24" }
      - output: { on: a, run: "ip -br addr", contains: "10.9.9.9" }
`;
    const e = ex(gradeLab(load(gatewayLab(1, exs))), 'out');
    assert.deepEqual(
      e.checks.map((c) => c.passed),
      [true, true, true, false, true, false],
      JSON.stringify(e.checks.map((c) => c.feedback.en)),
    );
    assert.match(e.checks[3]!.feedback.en, /expected exit status 0, got 1/);
    assert.match(e.checks[5]!.feedback.en, /expected output showing "10\.9\.9\.9"; actual: /);
  });

  it('fails, rather than errs, in a namespace no run line made', () => {
    const lab = load(
      gatewayLab(
        1,
        `  - id: ns
    checks:
      - output: { on: b/blue, run: "ip addr", match: "lo" }
`,
      ),
    );
    assert.deepEqual(validateExercises(lab), []);
    const c = ex(gradeLab(lab), 'ns').checks[0]!;
    assert.equal(c.passed, false);
    assert.match(c.feedback.ko, /"blue" 네트워크 네임스페이스가 없습니다/);
  });

  it('reports a bad regular expression', () => {
    assert.deepEqual(
      checkDiags('      - output: { on: a, run: "ip a", match: "(" }\n').map((x) => x.code),
      ['bad-regex'],
    );
  });

  it('labels itself as a prompt, the command and what it looks for; sends no packet', () => {
    const at = { file: 'lab.yaml', line: 1, column: 1, endLine: 1, endColumn: 2 };
    const c = (args: unknown) => ({ kind: 'output', args, range: at, argRanges: {} });
    assert.equal(
      outputCheck.label(c({ on: 'host1', run: 'ip link show veth-green-br', match: 'state UP' })),
      'host1$ ip link show veth-green-br ~ /state UP/',
    );
    assert.equal(outputCheck.label(c({ on: 'a', run: 'ip route', contains: 'default', not: true })), 'a$ ip route !~ "default"');
    assert.equal(outputCheck.label(c({ on: 'a', run: 'false', status: 1 })), 'a$ false (status 1)');
    assert.equal(outputCheck.packet, undefined);
  });
});
