/**
 * Whether one rule's conditions cover another's (src/core/netfilter/compare.ts), read off parsed
 * rules: exact for the rule check, wider addresses and interface wildcards for shadowing.
 */
import { strict as assert } from 'node:assert';
import { parseIptables, type Rule } from '../../../src/core/netfilter/index';
import { conditionsOf, covers, isFinal, optionWords, targetWords } from '../../../src/core/netfilter/compare';

/** The rule a line writes (its first, for `-s a,b`), its jump left out. */
function rule(line: string): Rule {
  const p = parseIptables(['iptables', ...line.split(' ')]);
  assert.ok(p.ok, JSON.stringify(p));
  const s = p.command.rule!;
  const t = s.target?.module ? { target: { kind: 'module' as const, module: s.target.module, data: s.target.data } } : {};
  return {
    ip: {
      ...(s.src[0] ? { src: s.src[0], srcInvert: s.srcInvert } : {}),
      ...(s.dst[0] ? { dst: s.dst[0], dstInvert: s.dstInvert } : {}),
      ...(s.in !== undefined ? { in: s.in, inInvert: s.inInvert } : {}),
      ...(s.out !== undefined ? { out: s.out, outInvert: s.outInvert } : {}),
      ...(s.proto ? { proto: s.proto, protoInvert: s.protoInvert } : {}),
    },
    matches: s.matches,
    ...t,
    counters: { packets: 0, bytes: 0 },
  };
}

describe('netfilter: comparing rules', () => {
  it("splits a module's saved options one by one, with their !", () => {
    assert.deepEqual(optionWords(' ! --sport 9 --dport 80:90'), ['! --sport 9', '--dport 80:90']);
    assert.deepEqual(optionWords(''), []);
  });

  it('names each condition as iptables -S prints it', () => {
    const r = rule('-A INPUT ! -s 10.1.2.3/8 -i eth+ -p udp --dport 53 -m comment --comment x');
    assert.deepEqual(
      conditionsOf(r.ip, r.matches).map((c) => c.text),
      ['! -s 10.0.0.0/8', '-i eth+', '-p udp', '--dport 53', '--comment x'],
    );
    assert.deepEqual(targetWords(rule('-A INPUT -j REJECT')), {
      name: 'REJECT',
      goto: false,
      options: ['--reject-with icmp-port-unreachable'],
    });
  });

  it('covers the same rule and narrower ones, never wider or inverted-differently ones', () => {
    const wide = rule('-A INPUT -s 10.0.0.0/8 -p tcp -j DROP');
    assert.ok(covers(wide, rule('-A INPUT -p tcp -s 10.1.0.0/16 --dport 22 -j ACCEPT')));
    assert.ok(!covers(wide, rule('-A INPUT -p tcp -j ACCEPT')));
    assert.ok(!covers(wide, rule('-A INPUT -s 10.0.0.0/8 -p udp -j ACCEPT')));
    assert.ok(!covers(rule('-A INPUT ! -s 10.0.0.0/8 -j DROP'), rule('-A INPUT ! -s 10.1.0.0/16 -j DROP')));
    assert.ok(covers(rule('-A INPUT ! -s 10.0.0.0/8 -j DROP'), rule('-A INPUT ! -s 10.0.0.0/8 -p tcp -j DROP')));
    assert.ok(!covers(rule('-A INPUT -m statistic --mode random --probability 0.5 -j DROP'), rule('-A INPUT -j DROP')));
    const exact = conditionsOf(wide.ip, wide.matches);
    assert.ok(!exact.every((c) => c.holds(rule('-A INPUT -p tcp -s 10.1.0.0/16 -j ACCEPT'))), 'exact: the same prefix only');
  });

  it('calls ACCEPT, DROP and REJECT final, nothing else', () => {
    assert.deepEqual(
      ['ACCEPT', 'DROP', 'REJECT', 'RETURN', 'LOG'].map((t) => isFinal(rule(`-A INPUT -j ${t}`))),
      [true, true, true, false, false],
    );
  });
});
