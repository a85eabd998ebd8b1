/**
 * A long chain's rules by destination, so a packet skips the rules that cannot match it. The kernel
 * compares a packet with every rule of a chain in turn (ipt_do_table); kube-proxy's KUBE-SERVICES
 * is one rule per service (`-d CLUSTERIP/32 -p tcp --dport P -j KUBE-SVC-...`), thousands of them,
 * and a packet to no service is compared with all of them. The answer must stay the kernel's: the
 * first rule that matches, in the chain's order, and nothing else changes (a trace's steps, the
 * counters counted from them, the seeded draws of `-m statistic`).
 *
 * A rule whose IP part says `-d ADDR/MASK` (not `! -d`) cannot match a packet whose destination
 * under MASK is another address: ip_packet_match fails on it before any match module runs, so
 * skipping it changes nothing (a module is asked, and a statistic draws, only after the IP part
 * passed; engine.ts). Such a rule is filed under its mask and address; every other rule (no `-d`,
 * `! -d`, `-d 0.0.0.0/0`, a mask too rare to be worth a lookup) is a wildcard. For a packet, the
 * candidates after position i are the wildcards after i and, for each mask, the rules filed under
 * the packet's destination under that mask, after i: the engine runs the first of them, in order,
 * exactly as the linear scan would reach it. Positions are kept sorted, so the next candidate is a
 * binary search in each list; the destination is read again at every step (a target that changes
 * the packet goes on with the changed one, as in the scan).
 *
 * An index is made for a chain on first use and kept while its rules are the same: each use checks
 * the chain's rules against the ones it was made from (the same rule objects in the same order), so
 * any change (-A -I -D -R -F, a restore, whoever made it) makes it again. A short chain is scanned.
 */
import type { Chain, Rule } from './model';

/** When a chain is indexed: from this many rules, and a mask needs this many rules to get its own lists. */
export const CHAIN_INDEX = { minRules: 64, minGroup: 4 };

interface Group {
  readonly mask: number;
  /** Address under the mask -> positions of the rules filed there, ascending. */
  readonly at: ReadonlyMap<number, readonly number[]>;
}

export interface ChainIndex {
  /** The rules it was made from (a copy: the chain's own list changes in place). */
  readonly rules: readonly Rule[];
  /** Positions of the rules every packet must be compared with, ascending. */
  readonly wild: readonly number[];
  readonly groups: readonly Group[];
}

const NONE: readonly number[] = [];

/** The mask and address a rule is filed under, or undefined for a wildcard. */
function key(r: Rule): { mask: number; addr: number } | undefined {
  const d = r.ip.dst;
  if (!d || r.ip.dstInvert || d.mask === 0) return undefined;
  return { mask: d.mask >>> 0, addr: d.addr >>> 0 };
}

export function buildChainIndex(rules: readonly Rule[], minGroup = CHAIN_INDEX.minGroup): ChainIndex {
  const perMask = new Map<number, number>();
  for (const r of rules) {
    const k = key(r);
    if (k) perMask.set(k.mask, (perMask.get(k.mask) ?? 0) + 1);
  }
  const wild: number[] = [];
  const lists = new Map<number, Map<number, number[]>>();
  rules.forEach((r, i) => {
    const k = key(r);
    if (!k || perMask.get(k.mask)! < minGroup) {
      wild.push(i);
      return;
    }
    let at = lists.get(k.mask);
    if (!at) lists.set(k.mask, (at = new Map()));
    const list = at.get(k.addr);
    if (list) list.push(i);
    else at.set(k.addr, [i]);
  });
  return { rules: [...rules], wild, groups: [...lists].map(([mask, at]) => ({ mask, at })) };
}

const INDEXES = new WeakMap<Chain, ChainIndex>();

function same(a: readonly Rule[], b: readonly Rule[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** The chain's index, made or made again if its rules changed; undefined for a chain short enough to scan. */
export function chainIndex(chain: Chain): ChainIndex | undefined {
  if (chain.rules.length < CHAIN_INDEX.minRules) return undefined;
  let ix = INDEXES.get(chain);
  if (!ix || !same(ix.rules, chain.rules)) INDEXES.set(chain, (ix = buildChainIndex(chain.rules)));
  return ix;
}

/** The first position >= from in an ascending list, or the list's length. */
function lowerBound(list: readonly number[], from: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (list[mid]! < from) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The position of the first rule at or after `from` that a packet to `dst` (an IPv4 address as a
 * 32-bit number) could match, or the number of rules when none can (never less than `from`).
 */
export function nextCandidate(ix: ChainIndex, dst: number, from: number): number {
  if (from >= ix.rules.length) return from;
  let best = ix.rules.length;
  const w = lowerBound(ix.wild, from);
  if (w < ix.wild.length) best = ix.wild[w]!;
  for (const g of ix.groups) {
    const list = g.at.get((dst & g.mask) >>> 0) ?? NONE;
    const j = lowerBound(list, from);
    if (j < list.length && list[j]! < best) best = list[j]!;
  }
  return best;
}
