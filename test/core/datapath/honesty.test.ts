/**
 * An answer that may be wrong says so (src/core/datapath/honesty.ts): a trace, a grade's check and
 * an answer read on one host carry the lab lines the simulator does not model that they could
 * depend on, and only those.
 */
import { strict as assert } from 'node:assert';
import { buildWorld, gradeLab, loadLab, tracePacket, unmodelledLines } from '../../../src/core';

/** a, b and n on lan, c on lan2 behind router r; a, n and c have a line the simulator ignores. */
const LAB = `name: honest
switches: [lan, lan2]
hosts:
  a:
    interfaces: { eth0: lan }
    run: |
      ip addr add 10.0.0.1/24 dev eth0
      tc qdisc add dev eth0 root netem loss 100%
      ip route add default via 10.0.0.254
  b:
    interfaces: { eth0: lan }
    run: |
      ip addr add 10.0.0.2/24 dev eth0
      ip route add default via 10.0.0.254
  n:
    interfaces: { eth0: lan }
    run: |
      ip addr add 10.0.0.3/24 dev eth0
      nft add table inet filter
  r:
    interfaces: { eth0: lan, eth1: lan2 }
    run: |
      ip addr add 10.0.0.254/24 dev eth0
      ip addr add 10.0.1.254/24 dev eth1
      sysctl -w net.ipv4.ip_forward=1
  c:
    interfaces: { eth0: lan2 }
    run: |
      ip addr add 10.0.1.1/24 dev eth0
      ethtool -K eth0 tso off
exercises:
  - id: e1
    checks:
      - reach: { from: b, to: 10.0.0.3 }
      - route: { on: b, to: 10.0.1.1 }
      - output: { on: c, run: hostname, match: c }
      - quiz: { question: "Which host?", answer: b }
`;

function world() {
  const loaded = loadLab(LAB, { file: 'lab.yaml' });
  assert.ok(loaded.lab, JSON.stringify(loaded.diagnostics));
  return { lab: loaded.lab, ...buildWorld(loaded.lab) };
}

const lines = (ws: readonly { line: number }[] | undefined) => (ws ?? []).map((w) => w.line);

describe('honest answers: lines the simulator does not model', () => {
  it('each host keeps its unmodelled lines, the same warnings check reports', () => {
    const { world: w, diagnostics } = world();
    const notSim = diagnostics.filter((d) => d.code === 'command-not-simulated');
    assert.deepEqual(lines(notSim), [8, 19, 30]);
    assert.deepEqual(lines(unmodelledLines(w)), [8, 19, 30]);
    assert.deepEqual(lines(unmodelledLines(w, ['a'])), [8]);
    assert.deepEqual(lines(unmodelledLines(w, ['b'])), []);
  });

  it('a trace warns of the lines of the hosts it crossed and of their neighbours on the switches it crossed', () => {
    const { world: w } = world();
    // b -> a on lan: a (crossed) and n (a neighbour on lan), not c (lan2, never reached).
    const ab = tracePacket(w, { from: { host: 'b', netns: '' }, to: '10.0.0.1', proto: 'icmp' });
    assert.equal(ab.verdict, 'replied');
    assert.deepEqual(lines(ab.warnings), [8, 19]);
    assert.ok(ab.warnings!.every((d) => d.code === 'command-not-simulated' && d.severity === 'warning'));
    // b -> c through r: every host of lan and lan2.
    const bc = tracePacket(w, { from: { host: 'b', netns: '' }, to: '10.0.1.1', proto: 'icmp' });
    assert.deepEqual(lines(bc.warnings), [8, 19, 30]);
  });

  it('a trace that never leaves its host depends only on that host: no warning when it has none', () => {
    const { world: w } = world();
    const local = tracePacket(w, { from: { host: 'b', netns: '' }, to: '10.0.0.2', proto: 'icmp' });
    assert.equal(local.replied, true);
    assert.equal(local.warnings, undefined);
    // c has no route to 10.9.9.9: it decided alone, with its own unmodelled line.
    const none = tracePacket(w, { from: { host: 'c', netns: '' }, to: '10.9.9.9', proto: 'icmp' });
    assert.equal(none.verdict, 'no-route');
    assert.deepEqual(lines(none.warnings), [30]);
  });

  it("a grade's checks carry the warnings of what they read: the trace, the host they name, nothing for a quiz", () => {
    const { lab, world: w } = world();
    const g = gradeLab(lab, { world: w });
    const [reach, route, output, quiz] = g.exercises[0]!.checks;
    assert.deepEqual(lines(reach!.warnings), [8, 19], 'b -> n on lan: a and n are on lan');
    assert.deepEqual(lines(route!.warnings), [], 'ip route get on b reads only b, which has no such line');
    assert.deepEqual(lines(output!.warnings), [30], 'a command on c reads c');
    assert.equal(quiz!.warnings, undefined);
  });
});
