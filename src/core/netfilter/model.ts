/**
 * Netfilter's tables as iptables (1.8, nf_tables backend) writes them into a namespace: four tables,
 * each with its built-in chains (one per hook it is registered at, with a policy) and the user's
 * chains; a chain is an ordered list of rules. A rule is typed data: the IP part every rule has
 * (`-s -d -i -o -p`, ipspec.ts), the matches it loaded (`-m NAME ...`, one module each in matches/),
 * and its target (`-j`/`-g`, one module each in targets/, or a jump to a user chain). Its text as
 * `iptables -S` prints it is computed from that data (save.ts), so a renamed chain renames the jumps.
 *
 * The tables live in the namespace (state.ts keeps them under a PernetKey); a walk reads them and
 * never writes them: what a trace hits is in its steps (counters.ts), not in the world.
 */
import type { SourceRef } from '../sim/model';
import type { Hook } from '../datapath/trace';
import type { IpSpec } from './ipspec';
import type { MatchModule, TableName, TargetModule } from './module';

export type { TableName };

/** The tables in the order iptables-save prints them (and this simulator lists them). */
export const TABLE_NAMES: readonly TableName[] = ['raw', 'mangle', 'nat', 'filter'];

/** Each table's built-in chains, in the order `iptables -S` prints their policies. */
export const BUILTIN_CHAINS: Readonly<Record<TableName, readonly Hook[]>> = {
  filter: ['INPUT', 'FORWARD', 'OUTPUT'],
  nat: ['PREROUTING', 'INPUT', 'OUTPUT', 'POSTROUTING'],
  mangle: ['PREROUTING', 'INPUT', 'FORWARD', 'OUTPUT', 'POSTROUTING'],
  raw: ['PREROUTING', 'OUTPUT'],
};

/**
 * The tables at each hook, in the kernel's priority order: raw (-300), [conntrack, -200: the walk's
 * hooks.ts], mangle (-150), nat as destination NAT (-100, PREROUTING and OUTPUT), filter (0), nat as
 * source NAT (+100, INPUT and POSTROUTING).
 */
export const HOOK_TABLES: Readonly<Record<Hook, readonly TableName[]>> = {
  PREROUTING: ['raw', 'mangle', 'nat'],
  INPUT: ['mangle', 'filter', 'nat'],
  FORWARD: ['mangle', 'filter'],
  OUTPUT: ['raw', 'mangle', 'nat', 'filter'],
  POSTROUTING: ['mangle', 'nat'],
};

export type Policy = 'ACCEPT' | 'DROP';

export interface Counters {
  packets: number;
  bytes: number;
}

/** A loaded match: its module and what its options said. */
export interface MatchUse<D = unknown> {
  readonly module: MatchModule<D>;
  readonly data: D;
}

/** What a rule does when it matches. */
export type RuleTarget =
  /** A target module (ACCEPT, DROP, RETURN, REJECT, DNAT, MARK...) with its options. */
  | { readonly kind: 'module'; readonly module: TargetModule<unknown>; readonly data: unknown }
  /** `-j CHAIN` (come back after it) or `-g CHAIN` (do not). */
  | { readonly kind: 'jump' | 'goto'; readonly chain: Chain };

export interface Rule {
  readonly ip: IpSpec;
  /** In the order they were loaded (an implicit `-m tcp` where its first option was). */
  readonly matches: readonly MatchUse[];
  /** Absent for a rule without `-j`/`-g`: it only counts. */
  readonly target?: RuleTarget;
  /** The run line that wrote the rule. */
  readonly source?: SourceRef;
  /** What the kernel counted: stays 0 in the world (a trace changes nothing; see counters.ts). */
  readonly counters: Counters;
}

export interface Chain {
  name: string;
  /** The hook of a built-in chain; absent for a user chain. */
  readonly hook?: Hook;
  /** A built-in chain's policy (ACCEPT until `-P`). */
  policy?: Policy;
  policySource?: SourceRef;
  readonly counters: Counters;
  rules: Rule[];
}

export interface Table {
  readonly name: TableName;
  /** Built-in chains first (BUILTIN_CHAINS order), then user chains in creation order. */
  readonly chains: Map<string, Chain>;
}

export function newTable(name: TableName): Table {
  const chains = new Map<string, Chain>();
  for (const hook of BUILTIN_CHAINS[name]) chains.set(hook, { name: hook, hook, policy: 'ACCEPT', counters: zero(), rules: [] });
  return { name, chains };
}

export function zero(): Counters {
  return { packets: 0, bytes: 0 };
}

/** User chains sorted by name, as `iptables -S` and `-L` list them. */
export function userChains(t: Table): Chain[] {
  return [...t.chains.values()].filter((c) => !c.hook).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
