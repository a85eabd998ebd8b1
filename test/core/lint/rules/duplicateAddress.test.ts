/**
 * The duplicate-address lint rule (src/core/lint/rules/duplicateAddress.ts): two interfaces with
 * one address on one L2 segment (a switch, a bridge, a veth pair), and none across segments.
 */
import { strict as assert } from 'node:assert';
import { codes, lineOf, lint, TWO } from '../../../support/lint';

describe('lab lints', () => {
  describe('duplicate-address', () => {
    it('two hosts with one address on a switch: one warning, at the later line', () => {
      const text = TWO('ip addr add 10.0.0.1/24 dev eth0', 'ip addr add 10.0.0.1/24 dev eth0');
      const d = codes(lint(text), 'duplicate-address');
      assert.equal(d.length, 1);
      assert.equal(d[0]!.line, lineOf(text, 'ip addr add', 2));
      assert.match(d[0]!.message.en, /10\.0\.0\.1 .*a eth0 \(line \d+\)/);
      assert.deepEqual(
        codes(lint(text)).map((x) => x.code),
        ['duplicate-address'],
        'nothing else: the subnet is shared',
      );
    });

    it('across a switch, a bridge and a veth pair: one segment', () => {
      const text = `name: t
switches: [lan]
hosts:
  h1:
    interfaces:
      eth0: lan
    run: |
      ip netns add red
      ip link add br0 type bridge
      ip link set br0 up
      ip link set eth0 master br0
      ip link add v type veth peer name v-br
      ip link set v netns red
      ip link set v-br master br0
      ip link set v-br up
      ip -n red link set v up
      ip -n red addr add 10.0.0.2/24 dev v
  h2:
    interfaces:
      eth0: lan
    run: |
      ip addr add 10.0.0.2/24 dev eth0
`;
      const d = codes(lint(text), 'duplicate-address');
      assert.equal(d.length, 1);
      assert.equal(d[0]!.line, lineOf(text, 'ip addr add 10.0.0.2/24 dev eth0'));
      assert.match(d[0]!.message.en, /h1\/red v/);
    });

    it('one address on two different switches is no conflict', () => {
      const text = TWO('ip addr add 10.0.0.1/24 dev eth0', 'ip addr add 10.0.0.1/24 dev eth0').replace(
        /(b:\n {4}interfaces:\n {6}eth0: )lan1/,
        '$1lan2',
      );
      assert.deepEqual(lint(text), []);
    });
  });
});
