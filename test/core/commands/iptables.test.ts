/**
 * The iptables command (src/core/commands/iptables.ts) as a lab's run line fails: the diagnostic is
 * command-failed with iptables's own message, at the line and the word it is about (the option, the
 * chain, the address, the target), and for a target the kernel refuses, what the kernel logs
 * (dmesg on Linux 6.18: `x_tables: ip_tables: DNAT target: only valid in nat table, not filter`).
 */
import { strict as assert } from 'node:assert';
import { checkLab } from '../../../src/core';
import type { Diagnostic } from '../../../src/core/text/diag';

/** Each line alone on host a's run lines (line 7 of the lab), with its diagnostics. */
function diagnose(line: string): { d: Diagnostic[]; word: (d: Diagnostic) => string } {
  const text = `name: t\nswitches: [lan]\nhosts:\n  a:\n    interfaces: { eth0: lan }\n    run: |\n      ip netns add red\n      ${line}\n`;
  const d = checkLab(text, { file: 'lab.yaml', readFile: () => undefined }).filter((x) => x.severity === 'error');
  const src = text.split('\n');
  return { d, word: (x) => src[x.line - 1]!.slice(x.column - 1, x.endColumn - 1) };
}

function one(line: string): { d: Diagnostic; word: string } {
  const { d, word } = diagnose(line);
  assert.equal(d.length, 1, JSON.stringify(d));
  assert.equal(d[0]!.code, 'command-failed');
  assert.equal(d[0]!.line, 8);
  return { d: d[0]!, word: word(d[0]!) };
}

describe('iptables: a failed line as a diagnostic', () => {
  it('an unknown option: at the option', () => {
    const { d, word } = one('iptables -A INPUT -p tcp --dprot 22 -j DROP');
    assert.equal(word, '--dprot');
    assert.match(d.message.en, /iptables v1\.8\.9 \(nf_tables\): unknown option "--dprot"/);
    assert.match(d.message.ko, /이 명령은 실패합니다 \(종료 상태 2\): iptables v1\.8\.9 \(nf_tables\): unknown option "--dprot"/);
  });

  it("a target's missing argument: at the option; a target's missing option: at the target", () => {
    assert.equal(one('iptables -t nat -A PREROUTING -p tcp --dport 80 -j DNAT --to-destination').word, '--to-destination');
    const { d, word } = one('iptables -t nat -A PREROUTING -p tcp --dport 80 -j DNAT');
    assert.equal(word, 'DNAT');
    assert.match(d.message.en, /DNAT: option "--to-destination" must be specified/);
    assert.equal(one('iptables -t nat -A POSTROUTING -j MASQUERADE --to-ports').word, '--to-ports');
  });

  it("a jump to a chain that does not exist: at the chain, with iptables's message, also under ip netns exec", () => {
    const { d, word } = one('iptables -A INPUT -j NOPE');
    assert.equal(word, 'NOPE');
    assert.match(d.message.en, /Chain 'NOPE' does not exist/);
    assert.equal(one('ip netns exec red iptables -A INPUT -j NOPE').word, 'NOPE');
  });

  it('DNAT outside the nat table or at a hook it does not serve: at the target, with what the kernel logs', () => {
    const filter = one('iptables -A INPUT -p tcp -j DNAT --to-destination 10.0.0.2');
    assert.equal(filter.word, 'DNAT');
    assert.match(
      filter.d.message.en,
      /RULE_APPEND failed \(Invalid argument\): rule in chain INPUT \(the kernel logs: x_tables: ip_tables: DNAT target: only valid in nat table, not filter\)$/,
    );
    assert.match(filter.d.message.ko, /\(커널 로그: x_tables: ip_tables: DNAT target: only valid in nat table, not filter\)$/);
    const hook = one('ip netns exec red iptables -t nat -A INPUT -j DNAT --to-destination 10.0.0.2');
    assert.equal(hook.word, 'DNAT');
    assert.match(hook.d.message.en, /DNAT target: used from hooks INPUT, but only usable from PREROUTING\/OUTPUT\)$/);
    const masq = one('iptables -t nat -A PREROUTING -j MASQUERADE');
    assert.match(masq.d.message.en, /MASQUERADE target: used from hooks PREROUTING, but only usable from POSTROUTING\)$/);
  });

  it('a bad address: at the address', () => {
    assert.equal(one('iptables -A INPUT -s 10.0.0.300 -j DROP').word, '10.0.0.300');
    assert.equal(one('iptables -A INPUT -j REJECT --reject-with foo').word, 'foo');
  });

  it("REJECT's reset for what is not TCP, with the kernel's log", () => {
    const { d, word } = one('iptables -A INPUT -p udp -j REJECT --reject-with tcp-reset');
    assert.equal(word, 'REJECT');
    assert.match(d.message.en, /\(the kernel logs: ipt_REJECT: TCP_RESET invalid for non-tcp\)$/);
    assert.deepEqual(diagnose('iptables -A INPUT -p tcp -j REJECT --reject-with tcp-reset').d, []);
  });

  it('a rule the kernel refuses for a reason we do not know the log of has none of ours', () => {
    const { d } = one('iptables -A OUTPUT -m physdev --physdev-out veth0 -j ACCEPT');
    assert.match(d.message.en, /RULE_APPEND failed \(Invalid argument\)/);
    assert.doesNotMatch(d.message.en, /kernel logs/);
  });
});
