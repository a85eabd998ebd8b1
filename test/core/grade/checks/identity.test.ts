/** Who answered a reach check (src/core/grade/checks/identity.ts): named targets, the reference world, the message. */
import { strict as assert } from 'node:assert';
import { gradeLab } from '../../../../src/core/grade/grade';
import { answeredBy, expectedAnswerer, ownersOf, parseTarget, resolveNamed } from '../../../../src/core/grade/checks/identity';
import { labWorld } from '../../../support/world';
import { buildWorld } from '../../../../src/core/world/build';
import { parseAddr } from '../../../../src/core/net/addr';
import { tracePacket } from '../../../../src/core/datapath/walk';
import { checkDiags, ex, gatewayLab, load } from '../../../support/gradeLab';

const ONE = (check: string) => `  - id: e
    checks:
      - ${check}
`;

/** The gateway lab where r also holds b's address on its loopback (a sends to r, which answers). */
const onR = (text: string) =>
  text.replace(
    '      ip addr add 192.168.2.1/24 dev eth1\n',
    '      ip addr add 192.168.2.1/24 dev eth1\n      ip addr add 192.168.2.10/32 dev lo\n',
  );

/** host1 with namespaces red and green on a bridge, green at 192.168.15.3 on veth-green (and a secondary). */
const NS = `name: ns
switches: [lan]
hosts:
  host1:
    interfaces: { eth0: lan }
    run: |
      ip addr add 192.168.1.2/24 dev eth0
      ip netns add red
      ip netns add green
      ip link add br0 type bridge
      ip link set br0 up
      ip link add veth-red type veth peer name veth-red-br
      ip link add veth-green type veth peer name veth-green-br
      ip link set veth-red netns red
      ip link set veth-green netns green
      ip link set veth-red-br master br0
      ip link set veth-green-br master br0
      ip link set veth-red-br up
      ip link set veth-green-br up
      ip -n red addr add 192.168.15.1/24 dev veth-red
      ip -n green addr add 192.168.15.3/24 dev veth-green
      ip -n green addr add 192.168.15.33/24 dev veth-green
      ip -n red link set veth-red up
      ip -n green link set veth-green up
      ip addr add 192.168.15.5/24 dev br0
exercises:
`;

describe('grade: who answered', () => {
  it('reads to: as an address or a named endpoint', () => {
    assert.deepEqual(parseTarget('192.168.2.10'), { addr: '192.168.2.10' });
    assert.deepEqual(parseTarget(' fe80::1%eth0 '), { addr: 'fe80::1%eth0' });
    assert.deepEqual(parseTarget('2001:db8::10'), { addr: '2001:db8::10' });
    assert.deepEqual(parseTarget('c'), { named: { host: 'c' } });
    assert.deepEqual(parseTarget('c/eth0'), { named: { host: 'c', second: 'eth0' } });
    assert.deepEqual(parseTarget('host1/green/veth-green'), { named: { host: 'host1', second: 'green', iface: 'veth-green' } });
    assert.equal(parseTarget('192.168.2'), undefined);
    assert.equal(parseTarget('10'), undefined);
    assert.equal(parseTarget('a b'), undefined);
    assert.equal(parseTarget('-a'), undefined);
  });

  it('resolves a named endpoint to its primary address: the named interface, else the first with one', () => {
    const w = buildWorld(load(NS + ONE('reach: { from: host1, to: host1/green }'))).world;
    assert.deepEqual(resolveNamed(w, { host: 'host1' }), { endpoint: 'host1', addr: '192.168.1.2' });
    assert.deepEqual(resolveNamed(w, { host: 'host1', second: 'br0' }), { endpoint: 'host1', addr: '192.168.15.5' });
    // green's second address on the same subnet is a secondary: the primary is the first.
    assert.deepEqual(resolveNamed(w, { host: 'host1', second: 'green' }), { endpoint: 'host1/green', addr: '192.168.15.3' });
    assert.deepEqual(resolveNamed(w, { host: 'host1', second: 'green', iface: 'veth-green' }), {
      endpoint: 'host1/green',
      addr: '192.168.15.3',
    });
    const noNs = resolveNamed(w, { host: 'host1', second: 'blue', iface: 'eth0' });
    assert.ok('missing' in noNs && /host1 has no network namespace "blue"/.test(noNs.missing.en));
    const noIf = resolveNamed(w, { host: 'host1', second: 'red', iface: 'eth9' });
    assert.ok('missing' in noIf);
    assert.equal(noIf.missing.en, 'host1/red has no interface eth9.');
    assert.equal(noIf.missing.ko, 'host1/red에 eth9 인터페이스가 없습니다.');
    const neither = resolveNamed(w, { host: 'host1', second: 'eth9' });
    assert.ok('missing' in neither);
    assert.equal(neither.missing.ko, 'host1에는 "eth9" 네트워크 네임스페이스도, 인터페이스도 없습니다.');
    assert.ok('missing' in resolveNamed(w, { host: 'nobody' }));
  });

  it('says an endpoint has no address, with the right particle', () => {
    const w = buildWorld(
      load(NS.replace('      ip addr add 192.168.1.2/24 dev eth0\n', '') + ONE('reach: { from: host1, to: host1/red }')),
    ).world;
    const r = resolveNamed(w, { host: 'host1', second: 'eth0' });
    assert.ok('missing' in r);
    assert.equal(r.missing.en, 'host1/eth0 has no address to send to.');
    assert.equal(r.missing.ko, 'host1/eth0이 보낼 주소가 없습니다.');
  });

  it('knows who answered from the trace, and who owns an address', () => {
    const w = buildWorld(load(NS + ONE('reach: { from: host1, to: host1/green }'))).world;
    assert.equal(
      answeredBy(tracePacket(w, { from: { host: 'host1/red'.split('/')[0]!, netns: 'red' }, to: '192.168.15.3', proto: 'icmp' })),
      'host1/green',
    );
    assert.equal(answeredBy(tracePacket(w, { from: { host: 'host1', netns: 'red' }, to: '192.168.15.5', proto: 'icmp' })), 'host1');
    assert.equal(answeredBy(tracePacket(w, { from: { host: 'host1', netns: 'red' }, to: '192.168.15.9', proto: 'icmp' })), undefined);
    assert.deepEqual(ownersOf(w, parseAddr('192.168.15.3')!), ['host1/green']);
  });

  it('a named target must answer itself: to: b passes when b answers, fails when r answers for it', () => {
    const good = ex(gradeLab(load(gatewayLab(1, ONE('reach: { from: a, to: b, proto: tcp, port: 80 }')))), 'e').checks[0]!;
    assert.equal(good.passed, true, good.feedback.en);
    assert.match(good.feedback.en, /^a → b \(192\.168\.2\.10\) tcp\/80: /);
    assert.equal(good.identityUnchecked, undefined);
    const bad = ex(gradeLab(load(onR(gatewayLab(1, ONE('reach: { from: a, to: b }'))))), 'e').checks[0]!;
    assert.equal(bad.passed, false);
    assert.equal(bad.feedback.en, 'a → b (192.168.2.10): 192.168.2.10 answered by r, not b');
    assert.equal(bad.feedback.ko, 'a → b (192.168.2.10): 192.168.2.10에는 b가 아니라 r이 응답했습니다');
    assert.equal(bad.trace?.replied, true);
  });

  it('a named namespace, and a name with no address, fail or pass as they should', () => {
    const green = ex(gradeLab(load(NS + ONE('reach: { from: host1/red, to: host1/green }'))), 'e').checks[0]!;
    assert.equal(green.passed, true, green.feedback.en);
    const missing = ex(gradeLab(load(NS + ONE('reach: { from: host1/red, to: host1/blue }'))), 'e').checks[0]!;
    assert.equal(missing.passed, false);
    assert.match(missing.feedback.en, /^host1\/red → host1\/blue: host1 has no network namespace and no interface named "blue"\.$/);
  });

  it('an address is held to whoever answers it in the reference world', () => {
    const check = ONE('reach: { from: a, to: 192.168.2.10 }');
    const reference = buildWorld(load(gatewayLab(1, check))).world;
    const cheat = load(onR(gatewayLab(1, check)));
    const held = ex(gradeLab(cheat, { reference }), 'e').checks[0]!;
    assert.equal(held.passed, false);
    assert.equal(held.feedback.en, 'a → 192.168.2.10: 192.168.2.10 answered by r, not b');
    assert.equal(held.expected, 'answered by b');
    assert.equal(held.actual, 'answered by r');
    const fair = ex(gradeLab(load(gatewayLab(1, check)), { reference }), 'e').checks[0]!;
    assert.equal(fair.passed, true);
    assert.doesNotMatch(fair.feedback.en, /not checked/);
    // Without a reference, it passes and says that who answered was not checked.
    const alone = ex(gradeLab(cheat), 'e').checks[0]!;
    assert.equal(alone.passed, true);
    assert.equal(alone.identityUnchecked, true);
    assert.match(alone.feedback.en, /\(who answered was not checked: .*\)$/);
    assert.match(alone.feedback.ko, /\(누가 응답했는지는 확인하지 않았습니다: .*\)$/);
  });

  it('falls back to the address owner when the reference world does not answer', () => {
    const check = ONE('reach: { from: a, to: 192.168.2.10 }');
    // In the reference, r does not forward (no answer to trace), but b owns the address.
    const reference = buildWorld(load(gatewayLab(0, check))).world;
    const held = ex(gradeLab(load(onR(gatewayLab(1, check))), { reference }), 'e').checks[0]!;
    assert.equal(held.passed, false);
    assert.match(held.feedback.en, /answered by r, not b$/);
  });

  it('validates to: at its place: a bad address, an unknown host with did-you-mean', () => {
    const d = checkDiags(`      - reach: { from: a, to: B }
      - reach: { from: a, to: 192.168.2 }
      - noreach: { from: a, to: b/eth0 }
      - reach: { from: a, to: "b c" }
`);
    assert.deepEqual(
      d.map((x) => [x.code, x.line]),
      [
        ['unknown-host', d[0]!.line],
        ['bad-address', d[0]!.line + 1],
        ['bad-address', d[0]!.line + 3],
      ],
    );
    assert.match(d[0]!.en, /"B" is not an IP address, and there is no host "B" in this lab; did you mean "b"\?/);
  });

  it('a port forwarded to a namespace (DNAT) is held to that namespace; a random pick of backends is not held to one', () => {
    const lab = (rules: string) => `name: fwd
switches: [lan]
hosts:
  h:
    interfaces: { eth0: lan }
    run: |
      ip addr add 10.0.0.1/24 dev eth0
      ip netns add app
      ip netns add app2
      ip link add br0 type bridge
      ip link set br0 up
      ip addr add 10.9.0.1/24 dev br0
      ip link add v1 type veth peer name e1 netns app
      ip link add v2 type veth peer name e2 netns app2
      ip link set v1 master br0
      ip link set v2 master br0
      ip link set v1 up
      ip link set v2 up
      ip -n app addr add 10.9.0.2/24 dev e1
      ip -n app2 addr add 10.9.0.3/24 dev e2
      ip -n app link set e1 up
      ip -n app2 link set e2 up
      ip -n app route add default via 10.9.0.1
      ip -n app2 route add default via 10.9.0.1
      sysctl -w net.ipv4.ip_forward=1
${rules}
    serve: [app:tcp/8080, app2:tcp/8080]
  c:
    interfaces: { eth0: lan }
    run: |
      ip addr add 10.0.0.2/24 dev eth0
`;
    const req = { from: { host: 'c', netns: '' }, to: '10.0.0.1', proto: 'tcp' as const, port: 80 };
    const fixed = labWorld(lab('      iptables -t nat -A PREROUTING -p tcp --dport 80 -j DNAT --to-destination 10.9.0.2:8080'));
    assert.equal(expectedAnswerer(fixed, req), 'h/app');
    const random = labWorld(
      lab(
        [
          '      iptables -t nat -A PREROUTING -p tcp --dport 80 -m statistic --mode random --probability 0.5 -j DNAT --to-destination 10.9.0.2:8080',
          '      iptables -t nat -A PREROUTING -p tcp --dport 80 -j DNAT --to-destination 10.9.0.3:8080',
        ].join('\n'),
      ),
    );
    assert.equal(expectedAnswerer(random, req), undefined);
  });
});
