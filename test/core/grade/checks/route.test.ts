/** The route check (src/core/grade/checks/route.ts): the route `ip route get` picks, expected against actual. */
import { strict as assert } from 'node:assert';
import { gradeLab } from '../../../../src/core/grade/grade';
import { parseRouteGet, routeCheck } from '../../../../src/core/grade/checks/route';
import { checkDiags, ex, gatewayLab, GW, load } from '../../../support/gradeLab';

describe('grade: route', () => {
  it('passes when the kernel picks the route asked, even when r does not forward', () => {
    const e = ex(gradeLab(load(gatewayLab(0, GW))), 'gw');
    assert.equal(e.checks[2]!.kind, 'route');
    assert.equal(e.checks[2]!.passed, true);
  });

  it('shows expected against actual', () => {
    const exs = `  - id: rt
    checks:
      - route: { on: a, to: 192.168.2.10, via: 192.168.1.254, dev: eth0 }
      - route: { on: r, to: 192.168.2.10, via: none, dev: eth1, src: 192.168.2.1 }
      - route: { on: a, to: 10.1.1.1 }
      - route: { on: b, to: 192.168.1.10, via: 192.168.2.1 }
`;
    const e = ex(gradeLab(load(gatewayLab(1, exs))), 'rt');
    const [wrongVia, direct, noRoute, ok] = e.checks;
    assert.equal(wrongVia!.passed, false);
    assert.equal(wrongVia!.expected, 'via 192.168.1.254 dev eth0');
    assert.equal(wrongVia!.actual, '192.168.2.10 via 192.168.1.1 dev eth0 src 192.168.1.10');
    assert.match(
      wrongVia!.feedback.en,
      /via differs; expected: via 192\.168\.1\.254 dev eth0; actual: 192\.168\.2\.10 via 192\.168\.1\.1 dev eth0/,
    );
    assert.match(wrongVia!.feedback.ko, /기대: via 192\.168\.1\.254 dev eth0; 실제: /);
    assert.equal(direct!.passed, true, direct!.feedback.en);
    assert.equal(noRoute!.passed, false);
    assert.match(noRoute!.feedback.en, /actual: RTNETLINK answers: Network is unreachable/);
    assert.equal(ok!.passed, true);
  });

  it('parses ip route get output', () => {
    assert.deepEqual(parseRouteGet('192.168.2.10 via 192.168.1.1 dev eth0 src 192.168.1.10 uid 0 \n    cache \n'), {
      line: '192.168.2.10 via 192.168.1.1 dev eth0 src 192.168.1.10',
      via: '192.168.1.1',
      dev: 'eth0',
      src: '192.168.1.10',
    });
    assert.equal(parseRouteGet('local 127.0.0.1 dev lo src 127.0.0.1 uid 0\n').type, 'local');
  });

  it('reports unknown hosts and bad addresses', () => {
    assert.deepEqual(
      checkDiags('      - route: { on: x, to: 10.0.0.1, via: 10.0.0.256 }\n').map((x) => x.code),
      ['unknown-host', 'bad-address'],
    );
    assert.deepEqual(checkDiags('      - route: { on: a, to: 10.0.0.1, via: none }\n'), []);
  });

  it('labels itself as ip route get, and traces a ping from `on`', () => {
    const at = { file: 'lab.yaml', line: 1, column: 1, endLine: 1, endColumn: 2 };
    const c = (args: unknown) => ({ kind: 'route', args, range: at, argRanges: {} });
    const check = c({ on: 'e', to: '192.168.1.10', via: '192.168.2.1', dev: 'eth0' });
    assert.equal(routeCheck.label(check), 'e: ip route get 192.168.1.10 → via 192.168.2.1 dev eth0');
    assert.equal(routeCheck.label(c({ on: 'e' })), 'e: ip route get ?');
    assert.deepEqual(routeCheck.packet?.of(check), { from: 'e', to: '192.168.1.10', proto: 'icmp' });
    assert.equal(routeCheck.packet?.of(c({ on: 'e' })), undefined);
    assert.equal(routeCheck.packet?.passesWhen, undefined, 'the ping only follows the route');
  });
});
