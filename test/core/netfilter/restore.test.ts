/**
 * iptables-restore (netfilter/restore.ts) against what the real tool did: restore-kernel.json holds
 * inputs run by iptables 1.8.9 (nf_tables) on Linux 6.18 in a fresh namespace (after one rule in
 * filter's INPUT), with the exit status, the output and `iptables-save -c` after. Then the rules of
 * the format one by one, with exact texts: flush against --noflush, a failed table rolled back while
 * an earlier COMMIT stays, the line numbers of each kind of failure.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { execCommand } from '../../../src/core';
import { ensureIptables } from '../../../src/core/netfilter/index';
import { restoreIptables, type RestoreOptions, splitRuleLine } from '../../../src/core/netfilter/restore';
import { SAVE_DATE } from '../../../src/core/netfilter/saveAll';
import { labWorld } from '../../support/world';

interface Case {
  name: string;
  flags: string;
  input: string;
  status: number;
  stdout: string;
  stderr: string;
  save: string;
}

const LAB =
  'name: t\nswitches: [lan]\nhosts:\n  a:\n    interfaces: { eth0: lan }\n    run: |\n      iptables -A INPUT -s 9.9.9.9 -j ACCEPT\n';

function world() {
  const w = labWorld(LAB);
  const ns = w.hosts.get('a')!.netns.get('')!;
  return { w, ns, save: (args = '-c') => execCommand(w, { host: 'a', netns: '' }, `iptables-save ${args}`).stdout };
}

function options(flags: string): RestoreOptions {
  const f = flags.split(' ');
  const t = f.indexOf('-T');
  return {
    noflush: f.includes('-n'),
    counters: f.includes('-c'),
    test: f.includes('-t'),
    verbose: f.includes('-v'),
    ...(t >= 0 ? { table: f[t + 1]! } : {}),
  };
}

describe('iptables-restore: as the real tool did (restore-kernel.json)', () => {
  const { cases } = JSON.parse(readFileSync(join(__dirname, 'restore-kernel.json'), 'utf8')) as { cases: Case[] };
  for (const c of cases) {
    it(`${c.name}: exit ${c.status}`, () => {
      const { ns, save } = world();
      const out = restoreIptables(ensureIptables(ns), c.input, options(c.flags));
      assert.equal(out.status, c.status);
      assert.equal(out.stderr, c.stderr);
      assert.equal(out.stdout, c.stdout);
      assert.equal(save(), c.save.replaceAll(' on DATE', ` on ${SAVE_DATE}`));
    });
  }
});

describe('iptables-restore: the format', () => {
  const run = (input: string, opts: RestoreOptions = {}) => {
    const { ns, save } = world();
    const out = restoreIptables(ensureIptables(ns), input, opts);
    return {
      out,
      rules: save('-t filter')
        .split('\n')
        .filter((l) => l.startsWith('-A') || l.startsWith(':')),
    };
  };

  it('flushes each table it names, policies back to ACCEPT; --noflush keeps what was there', () => {
    const input = '*filter\n-A INPUT -s 1.1.1.1 -j DROP\nCOMMIT\n';
    assert.deepEqual(run(input).rules, [
      ':INPUT ACCEPT [0:0]',
      ':FORWARD ACCEPT [0:0]',
      ':OUTPUT ACCEPT [0:0]',
      '-A INPUT -s 1.1.1.1/32 -j DROP',
    ]);
    assert.deepEqual(run(input, { noflush: true }).rules.slice(3), ['-A INPUT -s 9.9.9.9/32 -j ACCEPT', '-A INPUT -s 1.1.1.1/32 -j DROP']);
  });

  it('a failure leaves its table as it was (the flush undone too), and a table committed before stays', () => {
    const { ns, save } = world();
    const out = restoreIptables(
      ensureIptables(ns),
      '*nat\n-A POSTROUTING -o eth0 -j MASQUERADE\nCOMMIT\n*filter\n:INPUT DROP [0:0]\n:NEW - [0:0]\n-A NEW -j ACCEPT\n-A INPUT -j MISSING\nCOMMIT\n',
    );
    assert.equal(out.status, 2);
    assert.equal(
      out.stderr,
      "iptables-restore v1.8.9 (nf_tables): Chain 'MISSING' does not exist\nError occurred at line: 9\nTry `iptables-restore -h' or 'iptables-restore --help' for more information.\n",
    );
    assert.equal(out.line, 8);
    const text = save('');
    assert.match(text, /\*nat\n(:.*\n){4}-A POSTROUTING -o eth0 -j MASQUERADE\nCOMMIT\n/);
    assert.match(
      text,
      /\*filter\n:INPUT ACCEPT \[0:0\]\n:FORWARD ACCEPT \[0:0\]\n:OUTPUT ACCEPT \[0:0\]\n-A INPUT -s 9\.9\.9\.9\/32 -j ACCEPT\nCOMMIT\n/,
    );
  });

  it('what the table lacks is reported at COMMIT with the line of the command; a word it cannot read, at its own line', () => {
    assert.equal(
      run('*filter\n\n-A INPUT -j ACCEPT\n-D INPUT -s 8.8.8.8 -j DROP\nCOMMIT\n').out.stderr,
      'iptables-restore: line 4 failed: Bad rule (does a matching rule exist in that chain?).\n',
    );
    const bad = run('*filter\n# rules\n-A INPUT -p tcp --dprot 22 -j DROP\nCOMMIT\n').out;
    assert.equal(bad.status, 2);
    assert.equal(bad.line, 3);
    assert.match(bad.stderr, /^iptables-restore v1\.8\.9 \(nf_tables\): unknown option "--dprot"\nError occurred at line: 3\n/);
  });

  it("counters: `[p:b]` and a policy's are set with -c only", () => {
    const input = '*filter\n:INPUT ACCEPT [3:300]\n[4:400] -A INPUT -j ACCEPT\nCOMMIT\n';
    assert.deepEqual(run(input, { counters: true }).rules, [
      ':INPUT ACCEPT [3:300]',
      ':FORWARD ACCEPT [0:0]',
      ':OUTPUT ACCEPT [0:0]',
      '-A INPUT -j ACCEPT',
    ]);
    const { ns, save } = world();
    restoreIptables(ensureIptables(ns), input, { counters: true });
    assert.match(save('-c -t filter'), /\n\[4:400\] -A INPUT -j ACCEPT\n/);
    const plain = world();
    restoreIptables(ensureIptables(plain.ns), input);
    assert.match(plain.save('-c -t filter'), /\n:INPUT ACCEPT \[0:0\]\n[^]*\n\[0:0\] -A INPUT -j ACCEPT\n/);
  });

  it('reads words as the tool does: blanks, double quotes with escapes, a quote left open to the end of the line', () => {
    assert.deepEqual(splitRuleLine('-A\tINPUT  -m comment --comment "a b" -j ACCEPT\n'), [
      '-A',
      'INPUT',
      '-m',
      'comment',
      '--comment',
      'a b',
      '-j',
      'ACCEPT',
    ]);
    assert.deepEqual(splitRuleLine('--comment "say \\"hi\\"" x'), ['--comment', 'say "hi"', 'x']);
    assert.deepEqual(splitRuleLine("--comment 'a b'"), ['--comment', "'a", "b'"]);
    assert.deepEqual(splitRuleLine('--comment "open -j X\n'), ['--comment', 'open -j X\n']);
  });
});

describe('iptables-restore: where the chains are reached from, after it', () => {
  /** POSTROUTING jumps to X, X to Y: a DNAT in Y is refused (the kernel's checkentry at POSTROUTING). */
  const setup = () => {
    const { w, ns } = world();
    const run = (l: string) => execCommand(w, { host: 'a', netns: '' }, l);
    for (const l of ['iptables -t nat -N X', 'iptables -t nat -N Y', 'iptables -t nat -A POSTROUTING -j X', 'iptables -t nat -A X -j Y'])
      assert.equal(run(l).status, 0, l);
    assert.equal(run('iptables -t nat -A Y -j DNAT --to-destination 10.0.0.1').status, 4);
    return { ns, run };
  };
  const input = '*nat\n:X - [0:0]\n-A PREROUTING -j Y\n';

  it('--noflush with X declared again empties X: Y, now reached from PREROUTING only, takes a DNAT', () => {
    const { ns, run } = setup();
    const out = restoreIptables(ensureIptables(ns), `${input}COMMIT\n`, { noflush: true });
    assert.equal(out.status, 0, out.stderr);
    assert.equal(run('iptables -t nat -A Y -j DNAT --to-destination 10.0.0.1').status, 0);
  });

  it('a table rolled back is reached as before it: from POSTROUTING again', () => {
    const { ns, run } = setup();
    const out = restoreIptables(ensureIptables(ns), `${input}-A Y -j NOSUCH\nCOMMIT\n`, { noflush: true });
    assert.notEqual(out.status, 0);
    assert.equal(run('iptables -t nat -A Y -j DNAT --to-destination 10.0.0.1').status, 4);
  });
});
