/**
 * The gateway-not-owned lint rule (src/core/lint/rules/gatewayNotOwned.ts): a route through a
 * gateway nobody on its segment owns, once per gateway; not again for a lonely subnet.
 */
import { strict as assert } from 'node:assert';
import { codes, lineOf, lint, TWO } from '../../../support/lint';

describe('lab lints', () => {
  describe('gateway-not-owned', () => {
    it('a gateway nobody on the segment owns: once per gateway, at its first route', () => {
      const text = `name: t
switches: [lan1, lan2]
hosts:
  a:
    interfaces: { eth0: lan1 }
    run: |
      ip addr add 10.0.0.1/24 dev eth0
      ip route add 10.1.0.0/16 via 10.0.0.254
      ip route add default via 10.0.0.254
  b:
    interfaces: { eth0: lan1 }
    run: ip addr add 10.0.0.2/24 dev eth0
  c:
    interfaces: { eth0: lan2 }
    run: ip addr add 10.0.0.254/24 dev eth0
`;
      const d = codes(lint(text));
      assert.deepEqual(
        d.map((x) => x.code),
        ['gateway-not-owned'],
        'c owns 10.0.0.254, but on another switch',
      );
      assert.equal(d[0]!.line, lineOf(text, 'ip route add 10.1.0.0/16'));
      assert.match(d[0]!.message.en, /10\.0\.0\.254.*\(1 other route/);
    });

    it('two hosts through the same missing gateway: each is told at its own line, counting only its own routes', () => {
      const text = `name: t
switches: [lan1]
hosts:
  a:
    interfaces: { eth0: lan1 }
    run: |
      ip addr add 10.0.0.1/24 dev eth0
      ip route add default via 10.0.0.254
  b:
    interfaces: { eth0: lan1 }
    run: |
      ip addr add 10.0.0.2/24 dev eth0
      ip route add 10.9.0.0/16 via 10.0.0.254
      ip route add default via 10.0.0.254
`;
      const d = codes(lint(text), 'gateway-not-owned');
      assert.deepEqual(
        d.map((x) => x.line),
        [lineOf(text, 'ip route add default via 10.0.0.254'), lineOf(text, 'ip route add 10.9.0.0/16')],
      );
      assert.doesNotMatch(d[0]!.message.en, /other route/, "a has one route through it; b's are not a's");
      assert.match(d[0]!.message.en, /^a: /);
      assert.match(d[1]!.message.en, /^b: .*\(1 other route of this namespace uses it too\.\)/);
    });

    it("a route of another namespace of the same host is not counted, and each line's count is its own", () => {
      const text = `name: t
switches: [lan1]
hosts:
  a:
    interfaces: { eth0: lan1, eth1: lan1 }
    run: |
      ip addr add 10.0.0.1/24 dev eth0
      ip route add 10.7.0.0/16 via 10.0.0.254
      ip route add 10.8.0.0/16 via 10.0.0.254
      ip route add 10.9.0.0/16 via 10.0.0.254
      ip netns add red
      ip link set eth1 netns red
      ip -n red addr add 10.0.0.5/24 dev eth1
      ip -n red link set eth1 up
      ip -n red route add default via 10.0.0.254
`;
      const d = codes(lint(text), 'gateway-not-owned');
      assert.deepEqual(
        d.map((x) => x.line),
        [lineOf(text, 'ip route add 10.7.0.0/16'), lineOf(text, 'ip -n red route add default')],
      );
      assert.match(d[0]!.message.en, /^a: .*\(2 other routes of this namespace use it too\.\)$/);
      assert.match(d[0]!.message.ko, /\(이 네임스페이스의 다른 라우트 2개도 같은 게이트웨이를 사용합니다\.\)$/);
      assert.match(d[1]!.message.en, /^a\/red: /);
      assert.doesNotMatch(d[1]!.message.en, /other route/, "a/red has one route through it; a's three are not red's");
    });

    it('a gateway owned on the segment (here: inside a namespace, through a bridge) is fine', () => {
      const text = `name: t
switches: [lan]
hosts:
  h:
    interfaces:
      eth0: lan
    run: |
      ip netns add red
      ip link add br0 type bridge
      ip link set br0 up
      ip link add v type veth peer name v-br
      ip link set v netns red
      ip link set v-br master br0
      ip link set v-br up
      ip -n red link set v up
      ip -n red addr add 192.168.15.1/24 dev v
      ip addr add 192.168.15.5/24 dev br0
      ip route add 10.5.0.0/16 via 192.168.15.1
      ip netns exec red sysctl -w net.ipv4.ip_forward=1
`;
      assert.deepEqual(lint(text), []);
    });

    it('a lonely subnet is reported once: not again for its gateway', () => {
      const text = TWO('ip addr add 10.0.0.1/24 dev eth0', 'ip addr add 10.0.1.2/24 dev eth0\nip route add default via 10.0.1.1');
      assert.deepEqual(
        codes(lint(text)).map((x) => x.code),
        ['lonely-subnet'],
      );
    });
  });
});
