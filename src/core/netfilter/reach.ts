/**
 * Which hooks a chain is reached from: its own (a built-in chain), or those of every built-in chain
 * that jumps to it, through any number of user chains. The kernel checks a rule against them when
 * it is written (state.ts: DNAT only where PREROUTING or OUTPUT reach, MASQUERADE only from
 * POSTROUTING...), so every write asks.
 *
 * Asking by scanning every rule of the table for jumps to the chain, and again for each chain on the
 * way up, made writing a kube-proxy-sized table (20,000 rules, bench/kube.ts) quadratic: tens of
 * seconds. So each table keeps who jumps to whom (how many rules of chain A jump or go to chain B),
 * made from the rules on the first question and kept up to date by state.ts, which makes every
 * change: jumps added by -A and -I are counted in (`jumpsAdded`); any other change (a rule deleted
 * or replaced, a chain flushed or deleted) drops it, to be made again on the next question
 * (`rulesChanged`). Code that changes a table's rules elsewhere must call `rulesChanged`.
 */
import type { Hook } from '../datapath/trace';
import type { Chain, Rule, Table } from './model';

/** For each chain, the chains with rules jumping (or going) to it, and how many such rules each has. */
type Referrers = Map<Chain, Map<Chain, number>>;

const REFERRERS = new WeakMap<Table, Referrers>();

function count(refs: Referrers, from: Chain, rules: readonly Rule[]): void {
  for (const r of rules) {
    const t = r.target;
    if (!t || t.kind === 'module') continue;
    let by = refs.get(t.chain);
    if (!by) refs.set(t.chain, (by = new Map()));
    by.set(from, (by.get(from) ?? 0) + 1);
  }
}

function referrers(table: Table): Referrers {
  let refs = REFERRERS.get(table);
  if (!refs) {
    refs = new Map();
    for (const c of table.chains.values()) count(refs, c, c.rules);
    REFERRERS.set(table, refs);
  }
  return refs;
}

/** Rules were added to `from` (-A, -I): their jumps join the table's graph. */
export function jumpsAdded(table: Table, from: Chain, rules: readonly Rule[]): void {
  const refs = REFERRERS.get(table);
  if (refs) count(refs, from, rules);
}

/** Any other change to the table's rules or chains: the graph is made again when next asked. */
export function rulesChanged(table: Table): void {
  REFERRERS.delete(table);
}

/** The hooks a chain is reached from: its own, or those of every built-in chain that jumps to it. */
export function chainHooks(table: Table, chain: Chain): Set<Hook> {
  const refs = referrers(table);
  const out = new Set<Hook>();
  const seen = new Set<Chain>();
  const visit = (c: Chain): void => {
    if (seen.has(c)) return;
    seen.add(c);
    if (c.hook) out.add(c.hook);
    for (const from of refs.get(c)?.keys() ?? []) visit(from);
  };
  visit(chain);
  return out;
}
