/**
 * Netfilter as iptables 1.8.9 (nf_tables backend) sets it up and the kernel runs it. The room's map:
 *
 * - model.ts: tables, built-in and user chains, policies, rules as typed data; the hook order.
 * - module.ts: what a match or target module is; matches/ and targets/: one file each, and their
 *   registries (matches/index.ts, targets/index.ts).
 * - ipspec.ts: the part every rule has (-s -d -i -o -p).
 * - parse.ts: an iptables command line, read (errors.ts: its error texts and exit statuses).
 * - state.ts: a namespace's tables (under IPTABLES, and NETFILTER for the walk) and every change to them.
 * - apply.ts: a parsed command run against a namespace; save.ts: `iptables -S` text.
 * - engine.ts: the tables at a hook (the datapath's Netfilter seam); chainIndex.ts: a long chain's
 *   rules by destination, so a packet skips those that cannot match it.
 * - reach.ts: the hooks a chain is reached from (the jump graph state.ts keeps up to date).
 * - counters.ts: what a trace hit, counted from its steps.
 */
export { applyIptables, isTable, type Outcome } from './apply';
export { countHits, extraCounters, type Hits } from './counters';
export { listChain, type ListOptions, listTable } from './list';
export { type IptablesError, PREFIX, USAGE_HINT } from './errors';
export { BUILTIN_CHAINS, type Chain, HOOK_TABLES, type Rule, type Table, TABLE_NAMES, type TableName } from './model';
export { type IptablesCommand, parseIptables, type ParseOutcome, type RuleSpec } from './parse';
export { chainHead, listChainRules, listRules, ruleBody, ruleText } from './save';
export { ensureIptables, IPTABLES, Iptables, iptablesOf } from './state';
