import { strict as assert } from 'node:assert';
import { loadLab } from '../../../src/core/lab/load';
import { buildWorld } from '../../../src/core/world/build';
import { tracePacket } from '../../../src/core/datapath/walk';
import { TRACE_CAUSES, isTraceCause, traceCauses } from '../../../src/core/datapath/causes';
import type { TraceResult } from '../../../src/core/datapath/trace';
import { NETFILTER, type HookDecision, type Netfilter } from '../../../src/core/datapath/seams';
import { setPernet } from '../../../src/core/sim/pernet';
import { loc } from '../../../src/core/text/i18n';
import { gatewayWorld } from '../../support/world';

const A = ['ip addr add 192.168.1.10/24 dev eth0', 'ip route add 192.168.2.0/24 via 192.168.1.1'];
const R = ['ip addr add 192.168.1.1/24 dev eth0', 'ip addr add 192.168.2.1/24 dev eth1', 'sysctl -w net.ipv4.ip_forward=1'];
const B = ['ip addr add 192.168.2.10/24 dev eth0', 'ip route add 192.168.1.0/24 via 192.168.2.1'];

/** a — r — b (the gateway lab), each host's run lines given; b serves tcp/80. */
function trace(a: string[], r: string[], b: string[], proto: 'icmp' | 'tcp' = 'icmp', port?: number, to = '192.168.2.10'): TraceResult {
  const block = (lines: string[]): string => lines.map((l) => `      ${l}\n`).join('') || '      true\n';
  const text = `name: gw
switches: [lan1, lan2]
hosts:
  a:
    interfaces: { eth0: lan1 }
    run: |
${block(a)}  r:
    interfaces: { eth0: lan1, eth1: lan2 }
    run: |
${block(r)}  b:
    interfaces: { eth0: lan2 }
    run: |
${block(b)}    serve: [tcp/80]
`;
  const res = loadLab(text, { file: 'lab.yaml' });
  assert.ok(res.lab, JSON.stringify(res.diagnostics));
  const { world } = buildWorld(res.lab);
  return tracePacket(world, { from: { host: 'a', netns: '' }, to, proto, ...(port ? { port } : {}) });
}

const names = (t: TraceResult): string[] => traceCauses(t).map((c) => `${c.cause}@${c.host}`);

describe('traceCauses', () => {
  it('a packet that got its answer has no cause', () => {
    assert.deepEqual(traceCauses(trace(A, R, B)), []);
  });

  it('ip_forward 0 on the router is forwarding-off at r, at the sysctl line', () => {
    const causes = traceCauses(
      trace(A, ['ip addr add 192.168.1.1/24 dev eth0', 'ip addr add 192.168.2.1/24 dev eth1', 'sysctl -w net.ipv4.ip_forward=0'], B),
    );
    assert.deepEqual(
      causes.map((c) => `${c.cause}@${c.host}`),
      ['forwarding-off@r'],
    );
    assert.equal(causes[0]!.source?.line, 14);
  });

  it('no route at the sender is no-route at a', () => {
    assert.deepEqual(names(trace([A[0]!], R, B)), ['no-route@a']);
  });

  it('a router with no route (net unreachable) is no-route at r', () => {
    assert.deepEqual(names(trace(A, ['ip addr add 192.168.1.1/24 dev eth0', 'sysctl -w net.ipv4.ip_forward=1'], B)), ['no-route@r']);
  });

  it('the request arrives and the reply has no route: no-route-back at b, not no-route', () => {
    assert.deepEqual(names(trace(A, R, [B[0]!])), ['no-route-back@b']);
  });

  it('a router interface set down is interface-down, at its line', () => {
    const causes = traceCauses(trace(A, [...R, 'ip link set eth1 down'], B));
    assert.deepEqual(
      causes.map((c) => `${c.cause}@${c.host}`),
      ['interface-down@r'],
    );
    assert.equal(causes[0]!.source?.line, 15);
  });

  it("the gateway's own interface down is interface-down, not gateway-unreachable", () => {
    assert.deepEqual(names(trace(A, [...R, 'ip link set eth0 down'], B)), ['interface-down@a']);
  });

  it('the destination interface down is interface-down', () => {
    assert.deepEqual(names(trace(A, R, [...B, 'ip link set eth0 down'])), ['interface-down@r']);
  });

  it('a wrong gateway address (no ARP answer) is gateway-unreachable at a, at the route line', () => {
    const causes = traceCauses(trace([A[0]!, 'ip route add 192.168.2.0/24 via 192.168.1.2'], R, B));
    assert.deepEqual(
      causes.map((c) => `${c.cause}@${c.host}`),
      ['gateway-unreachable@a'],
    );
    assert.equal(causes[0]!.source?.line, 8);
  });

  it('a destination no one owns on its link is host-unreachable at the router', () => {
    assert.deepEqual(names(trace(A, R, ['ip addr add 192.168.2.11/24 dev eth0'])), ['host-unreachable@r']);
  });

  it("a mask too wide on b is wrong-mask with the ARP nobody answered, at b's address line", () => {
    // b's /8 makes a's 192.168.1.10 look on lan2: the reply is asked for by ARP, not sent to r.
    const causes = traceCauses(trace(A, R, ['ip addr add 192.168.2.10/8 dev eth0', 'ip route add default via 192.168.2.1']));
    assert.deepEqual(
      causes.map((c) => `${c.cause}@${c.host}`),
      ['wrong-mask@b', 'host-unreachable@b'],
    );
    assert.equal(causes[0]!.source?.line, 18);
    // The same /8 with a /24 route back through r is no fault: the more specific route wins.
    assert.deepEqual(traceCauses(trace(A, R, ['ip addr add 192.168.2.10/8 dev eth0', B[1]!])), []);
  });

  it('a closed port is not-listening', () => {
    assert.deepEqual(names(trace(A, R, B, 'tcp', 81)), ['not-listening@b']);
    assert.deepEqual(traceCauses(trace(A, R, B, 'tcp', 80)), []);
  });

  it('a blackhole route is route-rejects', () => {
    assert.deepEqual(names(trace([A[0]!, 'ip route add blackhole 192.168.2.0/24'], R, B)), ['route-rejects@a']);
  });

  it('two routers sending the packet to each other is a routing-loop', () => {
    // r and b send 192.168.3.0/24 to each other: the packet goes round until its TTL runs out.
    const t = trace(
      A.concat('ip route add 192.168.3.0/24 via 192.168.1.1'),
      [...R, 'ip route add 192.168.3.0/24 via 192.168.2.10'],
      [...B, 'ip route add 192.168.3.0/24 via 192.168.2.1', 'sysctl -w net.ipv4.ip_forward=1'],
      'icmp',
      undefined,
      '192.168.3.5',
    );
    assert.equal(t.verdict, 'ttl-exceeded');
    assert.deepEqual(
      traceCauses(t).map((c) => c.cause),
      ['routing-loop'],
    );
  });

  it('a loop back to the sender ends there: its own address comes back as a martian source (checked on kernel 6.18)', () => {
    const t = trace(
      [...A, 'sysctl -w net.ipv4.ip_forward=1'],
      ['ip addr add 192.168.1.1/24 dev eth0', 'ip route add 192.168.2.0/24 via 192.168.1.10', 'sysctl -w net.ipv4.ip_forward=1'],
      B,
    );
    assert.equal(t.verdict, 'dropped');
    assert.match(
      t.reason.en,
      /a drops a packet that claims to come from its own address 192\.168\.1\.10 \(net\.ipv4\.conf\.eth0\.accept_local is 0\)/,
    );
  });

  it('the vocabulary is stable names', () => {
    assert.ok(TRACE_CAUSES.every((c) => /^[a-z]+(-[a-z]+)*$/.test(c)));
    assert.ok(isTraceCause('forwarding-off'));
    assert.ok(!isTraceCause('forward-off'));
  });
});

describe('traceCauses: netfilter', () => {
  const at = (decision: HookDecision): TraceResult => {
    const w = gatewayWorld(true, true);
    const nf: Netfilter = { run: (ctx) => (ctx.hook === 'FORWARD' ? decision : { verdict: 'accept' }) };
    setPernet(w.ns('r'), NETFILTER, nf);
    return tracePacket(w.world, { from: { host: 'a', netns: '' }, to: '192.168.2.10', proto: 'tcp', port: 80 });
  };

  it('a DROP rule is filtered at r', () => {
    const t = at({ verdict: 'drop', detail: loc('-A FORWARD -j DROP', '-A FORWARD -j DROP') });
    assert.deepEqual(names(t), ['filtered@r']);
  });

  it('a REJECT with a TCP reset is filtered, not not-listening', () => {
    const t = at({ verdict: 'reject', with: 'tcp-reset', detail: loc('REJECT', 'REJECT') });
    assert.equal(t.verdict, 'refused');
    assert.deepEqual(names(t), ['filtered@r']);
  });
});
