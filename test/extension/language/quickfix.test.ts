/** Quick fixes of the language features: did-you-mean, IP forwarding, bringing an interface up. */
import { strict as assert } from 'node:assert';
import { checkLab, type Diagnostic } from '../../../src/core';
import { codeFixes, type CodeFix, downLinks } from '../../../src/extension/language/quickfix';
import type { Span } from '../../../src/extension/language/span';
import { analyze, posOf } from '../../support/language';

function apply(text: string, fix: CodeFix): string {
  const lines = text.split('\n');
  const offset = (p: { line: number; character: number }) => lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
  const edits = [...fix.edits].sort((a, b) => offset(b.span.start) - offset(a.span.start));
  let out = text;
  for (const e of edits) out = out.slice(0, offset(e.span.start)) + e.newText + out.slice(offset(e.span.end));
  return out;
}

function fixesAt(text: string, at: Span): { fixes: CodeFix[]; diags: Diagnostic[] } {
  const diags = checkLab(text, { file: 'lab.yaml' });
  return { fixes: codeFixes(analyze(text), diags, at), diags };
}

const point = (text: string, needle: string, delta = 0): Span => {
  const p = posOf(text, needle, delta);
  return { start: p, end: p };
};

describe('extension language: quick fixes', () => {
  it('replaces a misspelt key with the suggested one', () => {
    const text = 'name: t\nswitches: [lan1]\nhosts:\n  a:\n    interfacs: { eth0: lan1 }\n';
    const { fixes, diags } = fixesAt(text, point(text, 'interfacs', 2));
    assert.ok(diags.some((d) => d.code === 'unknown-key'));
    const fix = fixes.find((f) => f.diagnostic?.code === 'unknown-key')!;
    assert.ok(fix, JSON.stringify(diags.map((d) => d.message.en)));
    assert.equal(fix.title.en, 'Change "interfacs" to "interfaces"');
    assert.match(fix.title.ko, /바꾸기/);
    assert.equal(apply(text, fix), text.replace('interfacs', 'interfaces'));
  });

  it('replaces an unknown switch with the close one', () => {
    const text = 'name: t\nswitches: [lan1, wan]\nhosts:\n  a:\n    interfaces: { eth0: lan11 }\n';
    const { fixes } = fixesAt(text, point(text, 'lan11', 1));
    const fix = fixes.find((f) => f.diagnostic?.code === 'unknown-switch')!;
    assert.ok(fix);
    assert.equal(apply(text, fix), text.replace('lan11', 'lan1'));
  });

  it('replaces an unknown check kind with the close one', () => {
    const text =
      'name: t\nswitches: [lan1]\nhosts:\n  a:\n    interfaces: { eth0: lan1 }\nexercises:\n  - id: x\n    checks:\n      - reachh: { from: a, to: 10.0.0.1 }\n';
    const { fixes, diags } = fixesAt(text, point(text, 'reachh', 1));
    const fix = fixes.find((f) => f.diagnostic?.code === 'unknown-check-kind');
    assert.ok(fix, JSON.stringify(diags.map((d) => [d.code, d.message.en])));
    assert.equal(apply(text, fix), text.replace('reachh', 'reach'));
  });

  it('offers nothing when the checker has no suggestion', () => {
    const text = 'name: t\nswitches: [lan1]\nhosts:\n  a:\n    interfaces: { eth0: zzzzzz }\n';
    const { fixes, diags } = fixesAt(text, point(text, 'zzzzzz', 1));
    assert.ok(diags.some((d) => d.code === 'unknown-switch'));
    assert.deepEqual(fixes, []);
  });

  it("enables IP forwarding at the end of the router's run block", () => {
    const text = [
      'name: t',
      'switches: [lan1, lan2]',
      'hosts:',
      '  a:',
      '    interfaces: { eth0: lan1 }',
      '    run: |',
      '      ip addr add 10.0.1.10/24 dev eth0',
      '      ip route add default via 10.0.1.1',
      '  r:',
      '    interfaces: { eth0: lan1, eth1: lan2 }',
      '    run: |',
      '      ip addr add 10.0.1.1/24 dev eth0',
      '      ip addr add 10.0.2.1/24 dev eth1',
      '  c:',
      '    interfaces: { eth0: lan2 }',
      '    run: |',
      '      ip addr add 10.0.2.10/24 dev eth0',
      '      ip route add default via 10.0.2.1',
      '',
    ].join('\n');
    const diags = checkLab(text, { file: 'lab.yaml' });
    const fwd = diags.find((d) => d.code === 'forwarding-off')!;
    assert.ok(fwd, JSON.stringify(diags.map((d) => d.code)));
    const at: Span = { start: { line: fwd.line - 1, character: fwd.column - 1 }, end: { line: fwd.line - 1, character: fwd.column - 1 } };
    const fix = codeFixes(analyze(text), diags, at).find((f) => f.diagnostic?.code === 'forwarding-off')!;
    assert.ok(fix);
    assert.equal(fix.title.en, 'Enable IP forwarding on r (sysctl -w net.ipv4.ip_forward=1)');
    const fixed = apply(text, fix);
    assert.match(fixed, /ip addr add 10\.0\.2\.1\/24 dev eth1\n {6}sysctl -w net\.ipv4\.ip_forward=1\n {2}c:/);
    assert.deepEqual(
      checkLab(fixed, { file: 'lab.yaml' }).filter((d) => d.code === 'forwarding-off'),
      [],
    );
  });

  it('inserts into a run list as a list item', () => {
    const text = [
      'name: t',
      'switches: [lan1, lan2]',
      'hosts:',
      '  a:',
      '    interfaces: { eth0: lan1 }',
      '    run: ["ip addr add 10.0.1.10/24 dev eth0", "ip route add default via 10.0.1.1"]',
      '  r:',
      '    interfaces: { eth0: lan1, eth1: lan2 }',
      '    run:',
      '      - ip addr add 10.0.1.1/24 dev eth0',
      '      - ip addr add 10.0.2.1/24 dev eth1',
    ].join('\n');
    const diags = checkLab(text, { file: 'lab.yaml' });
    const fix = codeFixes(analyze(text), diags, { start: { line: 0, character: 0 }, end: { line: 11, character: 0 } }).find(
      (f) => f.diagnostic?.code === 'forwarding-off',
    );
    assert.ok(fix, JSON.stringify(diags.map((d) => d.code)));
    assert.ok(apply(text, fix).endsWith('      - ip addr add 10.0.2.1/24 dev eth1\n      - sysctl -w net.ipv4.ip_forward=1'));
  });

  describe('bring an interface up', () => {
    const text = [
      'name: t',
      'switches: [lan]',
      'hosts:',
      '  h:',
      '    interfaces: { eth0: lan }',
      '    run: |',
      '      ip netns add red',
      '      ip link add veth-red type veth peer name veth-red-br',
      '      ip link set veth-red netns red',
      '      ip -n red addr add 10.0.0.2/24 dev veth-red',
      '      ip -n red link set veth-red up',
      '      ip addr add 10.0.0.1/24 dev veth-red-br',
      '      # veth-red-br is never brought up',
      'exercises:',
      '  - id: x',
      '    checks:',
      '      - reach: { from: h/red, to: 10.0.0.1 }',
      '      - reach: { from: h, to: 10.0.0.1 }',
      '',
    ].join('\n');

    it('finds the interfaces the run lines created and left down', () => {
      const a = analyze(text);
      const down = downLinks(a.lab!, a.built()!.world);
      assert.deepEqual(
        down.map((d) => [d.link.name, d.command, d.after.text]),
        [['veth-red-br', 'ip link set veth-red-br up', 'ip addr add 10.0.0.1/24 dev veth-red-br']],
      );
    });

    it('offers "Bring DEV up" on a reach check that fails on it, and the check then passes', () => {
      const { fixes } = fixesAt(text, point(text, 'reach: { from: h/red', 2));
      assert.equal(fixes.length, 1);
      assert.equal(fixes[0]!.title.en, 'Bring veth-red-br up (ip link set veth-red-br up)');
      const fixed = apply(text, fixes[0]!);
      assert.match(fixed, /dev veth-red-br\n {6}ip link set veth-red-br up\n {6}# veth-red/);
      const again = analyze(fixed);
      assert.deepEqual(downLinks(again.lab!, again.built()!.world), []);
    });

    it('offers nothing on a reach check that does not cross it', () => {
      assert.deepEqual(fixesAt(text, point(text, 'reach: { from: h,', 2)).fixes, []);
    });

    it('asks the check kind: on a check that passes when answered (reach, with its own packet), not on noreach', () => {
      const tcp = text.replace('reach: { from: h/red, to: 10.0.0.1 }', 'reach: { from: h/red, to: 10.0.0.1, proto: tcp }');
      assert.deepEqual(
        fixesAt(tcp, point(tcp, 'reach: { from: h/red', 2)).fixes.map((f) => f.title.en),
        ['Bring veth-red-br up (ip link set veth-red-br up)'],
      );
      const blocked = text.replace('reach: { from: h/red', 'noreach: { from: h/red');
      assert.deepEqual(fixesAt(blocked, point(blocked, 'noreach: { from: h/red', 2)).fixes, []);
    });

    it('offers it on the run line that created the interface', () => {
      const { fixes } = fixesAt(text, point(text, 'ip link add veth-red', 3));
      assert.deepEqual(
        fixes.map((f) => f.title.en),
        ['Bring veth-red-br up (ip link set veth-red-br up)'],
      );
    });

    it('uses ip -n for an interface inside a namespace', () => {
      const t2 = text
        .replace('      ip -n red link set veth-red up\n', '')
        .replace('ip addr add 10.0.0.1/24 dev veth-red-br', 'ip addr add 10.0.0.1/24 dev veth-red-br\n      ip link set veth-red-br up');
      const a = analyze(t2);
      assert.deepEqual(
        downLinks(a.lab!, a.built()!.world).map((d) => d.command),
        ['ip -n red link set veth-red up'],
      );
      const { fixes } = fixesAt(t2, point(t2, 'reach: { from: h/red', 2));
      assert.equal(fixes[0]?.title.en, 'Bring veth-red up (ip -n red link set veth-red up)');
      assert.match(apply(t2, fixes[0]!), /ip -n red addr add 10\.0\.0\.2\/24 dev veth-red\n {6}ip -n red link set veth-red up\n/);
    });
  });
});
