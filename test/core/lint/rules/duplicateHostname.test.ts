/**
 * The duplicate-hostname lint rule (src/core/lint/rules/duplicateHostname.ts): two hosts with one
 * host name (renamed, or in /etc/hostname), ignoring case.
 */
import { strict as assert } from 'node:assert';
import { codes, lineOf, lint, TWO } from '../../../support/lint';

describe('lab lints', () => {
  describe('duplicate-hostname', () => {
    it('a host renamed to another host name, ignoring case', () => {
      const text = TWO('ip addr add 10.0.0.1/24 dev eth0', 'hostname A\nip addr add 10.0.0.2/24 dev eth0');
      const d = codes(lint(text), 'duplicate-hostname');
      assert.equal(d.length, 1);
      assert.equal(d[0]!.line, lineOf(text, 'hostname A'));
      assert.match(d[0]!.message.en, /host name is set to "A", the name of a .*ignore case/);
    });

    it('two clones with one /etc/hostname', () => {
      const text = `name: t
switches: [lan]
hosts:
  n1:
    interfaces:
      eth0: lan
    files:
      /etc/hostname: "node\\n"
  n2:
    interfaces:
      eth0: lan
    files:
      /etc/hostname: "node\\n"
`;
      const d = codes(lint(text), 'duplicate-hostname');
      assert.equal(d.length, 1, JSON.stringify(d));
      assert.equal(d[0]!.line, lineOf(text, '/etc/hostname', 2));
      assert.match(d[0]!.message.en, /^n2: its \/etc\/hostname says "node"/);
    });

    it('distinct names, and a host that sets its own name, are fine', () => {
      assert.deepEqual(lint(TWO('hostname a\nip addr add 10.0.0.1/24 dev eth0', 'hostname web\nip addr add 10.0.0.2/24 dev eth0')), []);
    });
  });
});
