/**
 * The shadowed-rule lint rule (src/core/lint/rules/shadowedRule.ts): a rule an earlier rule of its
 * chain takes every packet of, with ACCEPT, DROP or REJECT; not one that a RETURN, a jump, a
 * narrower rule or a random split comes before.
 */
import { strict as assert } from 'node:assert';
import { codes, lineOf, lint, TWO } from '../../../support/lint';

const shadowed = (aRun: string) => codes(lint(TWO(aRun, 'ip addr add 10.0.0.2/24 dev eth0')), 'shadowed-rule');

describe('lab lints', () => {
  describe('shadowed-rule', () => {
    it('a rule after one with the same matches in another order and spelling', () => {
      const run =
        'iptables -A INPUT -p tcp -m tcp --dport 22 -s 10.0.0.0/8 -j DROP\niptables -A INPUT --source 10.1.2.3/8 --protocol tcp --dport 22 -j ACCEPT';
      const text = TWO(run, 'ip addr add 10.0.0.2/24 dev eth0');
      const d = codes(lint(text), 'shadowed-rule');
      assert.equal(d.length, 1, JSON.stringify(d));
      assert.equal(d[0]!.line, lineOf(text, '--source 10.1.2.3/8'));
      assert.equal(
        d[0]!.message.en,
        `a: this rule can never match: in INPUT (filter table), the rule of line ${lineOf(text, '-s 10.0.0.0/8')} (-A INPUT -s 10.0.0.0/8 -p tcp -m tcp --dport 22 -j DROP) comes first and takes every packet it would.`,
      );
      assert.match(
        d[0]!.message.ko,
        /^a: 이 규칙은 매치될 수 없습니다\. filter 테이블의 INPUT 체인에서 먼저 오는 \d+행의 규칙\(-A INPUT .*\)이 /,
      );
    });

    it('a rule after a broader one: fewer matches, a wider address, an interface wildcard', () => {
      assert.equal(shadowed('iptables -A FORWARD -j ACCEPT\niptables -A FORWARD -p udp -j DROP').length, 1);
      assert.equal(shadowed('iptables -A FORWARD -s 10.0.0.0/8 -j REJECT\niptables -A FORWARD -s 10.1.0.0/16 -p tcp -j ACCEPT').length, 1);
      assert.equal(shadowed('iptables -A FORWARD -i eth+ -j DROP\niptables -A FORWARD -i eth0 -j ACCEPT').length, 1);
      assert.equal(shadowed('iptables -A FORWARD -m comment --comment "all" -j DROP\niptables -A FORWARD -p tcp -j ACCEPT').length, 1);
      assert.equal(shadowed('iptables -t nat -A POSTROUTING -j ACCEPT\niptables -t nat -A POSTROUTING -o eth0 -j MASQUERADE').length, 1);
    });

    it('names the earliest rule that takes the packets, whether it has a destination or not', () => {
      const run = 'iptables -A INPUT -d 10.0.0.0/8 -j DROP\niptables -A INPUT -j ACCEPT\niptables -A INPUT -d 10.1.0.0/16 -p tcp -j DROP';
      const text = TWO(run, 'ip addr add 10.0.0.2/24 dev eth0');
      const d = codes(lint(text), 'shadowed-rule');
      assert.deepEqual(
        d.map((x) => x.line),
        [lineOf(text, '-d 10.1.0.0/16')],
      );
      assert.match(
        d[0]!.message.en,
        new RegExp(`the rule of line ${lineOf(text, '-d 10.0.0.0/8')} \\(-A INPUT -d 10\\.0\\.0\\.0/8 -j DROP\\)`),
      );
      const after = TWO(
        'iptables -A INPUT -p tcp -j ACCEPT\niptables -A INPUT -d 10.0.0.0/8 -j DROP\niptables -A INPUT -d 10.1.2.3 -p tcp -j DROP',
        'ip addr add 10.0.0.2/24 dev eth0',
      );
      assert.match(codes(lint(after), 'shadowed-rule')[0]!.message.en, /\(-A INPUT -p tcp -j ACCEPT\)/);
    });

    it('not after a narrower rule, a rule that does not end the way, a random split, or in another chain', () => {
      assert.deepEqual(shadowed('iptables -A FORWARD -p udp -j DROP\niptables -A FORWARD -j ACCEPT'), []);
      assert.deepEqual(shadowed('iptables -A FORWARD -s 10.1.0.0/16 -j DROP\niptables -A FORWARD -s 10.0.0.0/8 -j ACCEPT'), []);
      assert.deepEqual(shadowed('iptables -A FORWARD -j LOG\niptables -A FORWARD -j DROP'), []);
      assert.deepEqual(shadowed('iptables -A FORWARD -j RETURN\niptables -A FORWARD -j DROP'), []);
      assert.deepEqual(shadowed('iptables -N X\niptables -A FORWARD -j X\niptables -A FORWARD -j DROP'), []);
      assert.deepEqual(shadowed('iptables -A FORWARD ! -s 10.0.0.0/8 -j DROP\niptables -A FORWARD -s 10.1.0.0/16 -j ACCEPT'), []);
      assert.deepEqual(
        shadowed(
          'iptables -A FORWARD -m statistic --mode random --probability 0.5 -j ACCEPT\niptables -A FORWARD -m statistic --mode random --probability 0.5 -j ACCEPT',
        ),
        [],
      );
      assert.deepEqual(shadowed('iptables -A INPUT -j ACCEPT\niptables -A FORWARD -j DROP'), []);
      assert.deepEqual(shadowed('iptables -A INPUT -s 10.0.0.0/8,10.1.0.0/16 -j ACCEPT'), [], 'the rules of one line');
    });
  });
});
