/**
 * The lonely-subnet lint rule (src/core/lint/rules/lonelySubnet.ts): an address whose subnet no
 * neighbour on its segment shares (across a bridge too); /32s and hosts not yet configured are
 * fine.
 */
import { strict as assert } from 'node:assert';
import { codes, lineOf, lint, TWO } from '../../../support/lint';

describe('lab lints', () => {
  describe('lonely-subnet', () => {
    it('the odd one out on a switch', () => {
      const text = `name: t
switches: [lan]
hosts:
  a:
    interfaces: { eth0: lan }
    run: ip addr add 10.0.0.1/24 dev eth0
  b:
    interfaces: { eth0: lan }
    run: ip addr add 10.0.0.2/24 dev eth0
  c:
    interfaces: { eth0: lan }
    run: ip addr add 10.0.1.3/24 dev eth0
`;
      const d = codes(lint(text));
      assert.deepEqual(
        d.map((x) => x.code),
        ['lonely-subnet'],
      );
      assert.equal(d[0]!.line, lineOf(text, '10.0.1.3/24'));
      assert.match(d[0]!.message.en, /^c: .*10\.0\.1\.0\/24.*10\.0\.0\.0\/24/);
    });

    it('two hosts that disagree: one warning, not two', () => {
      const text = TWO('ip addr add 10.0.0.1/24 dev eth0', 'ip addr add 10.0.1.2/24 dev eth0');
      const d = codes(lint(text));
      assert.deepEqual(
        d.map((x) => x.code),
        ['lonely-subnet'],
      );
      assert.equal(d[0]!.line, lineOf(text, '10.0.1.2/24'));
    });

    it('an address on a bridge is on the bridge segment', () => {
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
      ip addr add 192.168.16.5/24 dev br0
`;
      const d = codes(lint(text));
      assert.deepEqual(
        d.map((x) => x.code),
        ['lonely-subnet'],
      );
      assert.equal(d[0]!.line, lineOf(text, '192.168.16.5/24'));
      const ok = text.replace('192.168.16.5/24', '192.168.15.5/24');
      assert.deepEqual(lint(ok), []);
    });

    it('shared subnets, /32 addresses and hosts not yet configured are fine', () => {
      assert.deepEqual(lint(TWO('ip addr add 10.0.0.1/24 dev eth0', 'ip addr add 10.0.0.2/16 dev eth0')), []);
      assert.deepEqual(
        lint(TWO('ip addr add 10.0.0.1/24 dev eth0\nip addr add 10.9.9.9/32 dev eth0', 'ip addr add 10.0.0.2/24 dev eth0')),
        [],
      );
      assert.deepEqual(lint(TWO('ip addr add 10.0.0.1/24 dev eth0', 'true')), []);
    });
  });
});
