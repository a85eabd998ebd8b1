/**
 * The duplicate-mac lint rule (src/core/lint/rules/duplicateMac.ts): one MAC on two machines, at
 * the interface or at the run line that set it; a bridge may share its port's MAC.
 */
import { strict as assert } from 'node:assert';
import { codes, lineOf, lint, TWO } from '../../../support/lint';

describe('lab lints', () => {
  describe('duplicate-mac', () => {
    const macs = (a: string, b: string): string => `name: t
switches: [lan1, lan2]
hosts:
  a:
    interfaces:
      eth0: { switch: lan1, mac: "${a}" }
  b:
    interfaces:
      eth0: lan2
      eth1: { switch: lan2, mac: "${b}" }
`;

    it('two machines with one MAC (cloned VMs): at the later interface', () => {
      const text = macs('02:00:00:00:00:01', '02:00:00:00:00:01');
      const d = codes(lint(text), 'duplicate-mac');
      assert.equal(d.length, 1);
      assert.equal(d[0]!.line, lineOf(text, 'eth1:'));
      assert.match(d[0]!.message.en, /02:00:00:00:00:01.*a eth0/);
    });

    it('a MAC set by a run line is reported at that line', () => {
      const text = TWO(
        'ip addr add 10.0.0.1/24 dev eth0',
        'ip link set eth0 address 02:aa:00:00:00:01\nip addr add 10.0.0.2/24 dev eth0',
      ).replace(
        'eth0: lan1\n    run: |\n      ip addr add 10.0.0.1',
        'eth0: { switch: lan1, mac: "02:AA:00:00:00:01" }\n    run: |\n      ip addr add 10.0.0.1',
      );
      const d = codes(lint(text), 'duplicate-mac');
      assert.equal(d.length, 1);
      assert.equal(d[0]!.line, lineOf(text, 'ip link set eth0 address'));
    });

    it('different MACs, or a bridge with its port MAC, are fine', () => {
      assert.deepEqual(lint(macs('02:00:00:00:00:01', '02:00:00:00:00:02')), []);
      const text = `name: t
switches: [lan]
hosts:
  a:
    interfaces:
      eth0: { switch: lan, mac: "02:00:00:00:00:01" }
    run: |
      ip link add br0 type bridge
      ip link set br0 address 02:00:00:00:00:01
      ip link set eth0 master br0
`;
      assert.deepEqual(lint(text), []);
    });
  });
});
