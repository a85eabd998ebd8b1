/**
 * The hooks a chain is reached from (src/core/netfilter/reach.ts), from a jump graph state.ts keeps
 * up to date: after every change of a random sequence (-N -A -I -R -D -F -X -E, jumps and goto
 * among user chains, refused loops), the answer for every chain is the one a scan of every rule
 * gives; and the kernel's check that depends on it (DNAT only where PREROUTING or OUTPUT reach)
 * follows a jump removed. Seeded: a failure repeats.
 */
import { strict as assert } from 'node:assert';
import type { Hook } from '../../../src/core/datapath/trace';
import type { Chain, Table } from '../../../src/core/netfilter/model';
import { chainHooks } from '../../../src/core/netfilter/reach';
import { iptablesOf } from '../../../src/core/netfilter/state';
import { fixture } from '../../support/commands';

/** The plain answer: every rule of the table scanned for jumps, for each chain on the way up. */
function scanned(table: Table, chain: Chain): Set<Hook> {
  const out = new Set<Hook>();
  const seen = new Set<Chain>();
  const visit = (c: Chain): void => {
    if (seen.has(c)) return;
    seen.add(c);
    if (c.hook) out.add(c.hook);
    for (const from of table.chains.values())
      for (const r of from.rules) if (r.target && r.target.kind !== 'module' && r.target.chain === c) visit(from);
  };
  visit(chain);
  return out;
}

function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (Math.imul(a ^ (a >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0;
    return a / 4294967296;
  };
}

describe('netfilter reach: the hooks a chain is reached from', () => {
  it('after every change of random sequences, the same hooks as a scan of every rule', () => {
    let checks = 0;
    for (let seed = 1; seed <= 20; seed++) {
      const r = rng(seed);
      const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
      const f = fixture();
      const names = ['A', 'B', 'C', 'D', 'E'];
      f.ok('iptables -t nat -N A', 'iptables -t nat -N B');
      for (let step = 0; step < 60; step++) {
        const table = iptablesOf(f.host.netns.get('')!)!.table('nat');
        const chains = [...table.chains.keys()];
        const op = r();
        const target = () =>
          r() < 0.6 ? `-${r() < 0.8 ? 'j' : 'g'} ${pick(chains.filter((c) => !/^[A-Z]+ING$|^INPUT$|^OUTPUT$/.test(c)))}` : '-j RETURN';
        const c = pick(chains);
        if (op < 0.3) f.sh(`iptables -t nat -A ${c} ${target()}`);
        else if (op < 0.45) f.sh(`iptables -t nat -I ${c} 1 ${target()}`);
        else if (op < 0.55) f.sh(`iptables -t nat -R ${c} 1 ${target()}`);
        else if (op < 0.7) f.sh(`iptables -t nat -D ${c} 1`);
        else if (op < 0.78) f.sh(`iptables -t nat -F ${c}`);
        else if (op < 0.86) f.sh(`iptables -t nat -X ${c}`);
        else if (op < 0.93) f.sh(`iptables -t nat -N ${pick(names)}`);
        else f.sh(`iptables -t nat -E ${c} ${pick(names)}`);
        for (const ch of table.chains.values()) {
          assert.deepEqual([...chainHooks(table, ch)].sort(), [...scanned(table, ch)].sort(), `seed ${seed} step ${step}: ${ch.name}`);
          checks++;
        }
      }
    }
    assert.ok(checks > 20 * 60 * 4);
  });

  it('DNAT is refused in a chain POSTROUTING reaches, and taken once the jump is deleted (the graph follows)', () => {
    const f = fixture();
    f.ok('iptables -t nat -N SVC', 'iptables -t nat -A PREROUTING -j SVC', 'iptables -t nat -A POSTROUTING -j SVC');
    assert.notEqual(f.sh('iptables -t nat -A SVC -j DNAT --to-destination 10.0.0.2').status, 0);
    f.ok('iptables -t nat -D POSTROUTING 1', 'iptables -t nat -A SVC -j DNAT --to-destination 10.0.0.2');
    // and refused again once POSTROUTING jumps there by an inserted rule
    f.ok('iptables -t nat -F SVC', 'iptables -t nat -I POSTROUTING 1 -j SVC');
    assert.notEqual(f.sh('iptables -t nat -A SVC -j DNAT --to-destination 10.0.0.2').status, 0);
  });
});
