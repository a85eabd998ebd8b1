/** The reach check (src/core/grade/checks/reach.ts): the packet gets its answer, or the feedback says where and why it stopped. */
import { strict as assert } from 'node:assert';
import { gradeLab, validateExercises } from '../../../../src/core/grade/grade';
import { reachCheck } from '../../../../src/core/grade/checks/reach';
import { checkDiags, ex, gatewayLab, GW, lineOf, load } from '../../../support/gradeLab';

describe('grade: reach', () => {
  it('says where and why the packet stopped, with the lab line', () => {
    const text = gatewayLab(0, GW);
    const e = ex(gradeLab(load(text)), 'gw');
    const reach = e.checks[0]!;
    assert.equal(reach.passed, false);
    const line = lineOf(text, 'ip_forward=0');
    assert.match(reach.feedback.en, /^a → 192\.168\.2\.10: the packet stops at r: .*net\.ipv4\.ip_forward is 0/);
    assert.ok(reach.feedback.en.endsWith(`(lab.yaml:${line})`), reach.feedback.en);
    assert.match(reach.feedback.ko, /패킷이 r에서 멈춥니다: .*ip_forward/);
    assert.ok(reach.feedback.ko.includes(`(lab.yaml:${line})`));
    assert.equal(reach.source?.line, line);
    assert.equal(reach.source?.file, 'labs/gw/lab.yaml');
    assert.equal(reach.trace?.verdict, 'dropped');
    assert.equal(reach.expected, 'replied');
    assert.match(e.checks[1]!.feedback.en, /^a → 192\.168\.2\.10 tcp\/80: /);
  });

  it('reports a reply that does not come back', () => {
    const text = gatewayLab(
      1,
      `  - id: back
    checks:
      - reach: { from: a, to: 192.168.2.10 }
`,
    ).replace('      ip route add 192.168.1.0/24 via 192.168.2.1\n', '');
    const c = ex(gradeLab(load(text)), 'back').checks[0]!;
    assert.equal(c.passed, false);
    assert.match(c.feedback.en, /the reply stops at b: .*no route to 192\.168\.1\.10/);
  });

  it('fails, rather than errs, from a namespace no run line made', () => {
    const lab = load(
      gatewayLab(
        1,
        `  - id: ns
    checks:
      - reach: { from: a/red, to: 192.168.2.10 }
`,
      ),
    );
    assert.deepEqual(validateExercises(lab), []);
    const c = ex(gradeLab(lab), 'ns').checks[0]!;
    assert.equal(c.passed, false);
    assert.match(c.feedback.en, /a has no network namespace "red"/);
  });

  it('reports missing and unknown arguments at their place', () => {
    const d = checkDiags('      - reach: { from: a, too: 192.168.2.10 }\n');
    assert.deepEqual(d.map((x) => x.code).sort(), ['missing-key', 'unknown-key']);
    assert.match(d.find((x) => x.code === 'unknown-key')!.en, /did you mean "to"/);
  });

  it('reports unknown hosts, bad addresses, protocols and ports', () => {
    const d = checkDiags(`      - reach: { from: B, to: 192.168.2 }
      - reach: { from: a, to: 192.168.2.10, proto: sctp }
      - reach: { from: a, to: 192.168.2.10, proto: tcp, port: 70000 }
`);
    assert.deepEqual(
      d.map((x) => x.code),
      ['unknown-host', 'bad-address', 'wrong-type', 'bad-port'],
    );
    assert.match(d[0]!.en, /No host "B" in this lab; did you mean "b"\?/);
  });

  it('labels and traces its packet as it walks it: ping, or tcp/udp to port 80 unless told', () => {
    const at = { file: 'lab.yaml', line: 1, column: 1, endLine: 1, endColumn: 2 };
    const c = (args: unknown) => ({ kind: 'reach', args, range: at, argRanges: {} });
    assert.equal(reachCheck.label(c({ from: 'a', to: '192.168.2.10' })), 'a → 192.168.2.10 (icmp)');
    assert.equal(reachCheck.label(c({ from: 'a', to: 'b', proto: 'TCP' })), 'a → b (tcp/80)');
    assert.equal(reachCheck.label(c({ to: ' ' })), '? → ? (icmp)');
    assert.deepEqual(reachCheck.packet?.of(c({ from: 'a/red', to: '10.0.0.5', proto: 'udp', port: 53 })), {
      from: 'a/red',
      to: '10.0.0.5',
      proto: 'udp',
      port: 53,
    });
    assert.deepEqual(reachCheck.packet?.of(c({ from: 'a', to: 'b', proto: 'tcp' })), { from: 'a', to: 'b', proto: 'tcp', port: 80 });
    assert.equal(reachCheck.packet?.of(c({ from: 'a', to: 'b', proto: 'sctp' })), undefined);
    assert.equal(reachCheck.packet?.of(c({ from: 'a', to: 'b', proto: 'tcp', port: 70000 })), undefined);
    assert.equal(reachCheck.packet?.passesWhen, 'replied');
  });
});
