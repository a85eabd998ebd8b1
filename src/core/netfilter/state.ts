/**
 * A namespace's iptables: its four tables (model.ts), kept under IPTABLES and, as the walk's
 * Netfilter, under NETFILTER (datapath/seams.ts) from the first write on. Every change a command
 * makes goes through here, with the kernel's own checks: a target or match only where the kernel
 * allows it (its table, the hooks its chain is reached from), a user chain deleted only when empty
 * and unreferenced. Each change tells reach.ts (who jumps to whom: jumpsAdded, rulesChanged).
 */
import { PernetKey, pernet, setPernet } from '../sim/pernet';
import type { Netns, SourceRef } from '../sim/model';
import { NETFILTER, type HookContext, type HookDecision, type Netfilter } from '../datapath/seams';
import type { Hook } from '../datapath/trace';
import { runTables } from './engine';
import { BAD_RULE, type IptablesError, kernelError, NO_CHAIN, tableError, usageError } from './errors';
import type { IpSpec } from './ipspec';
import { type Chain, type Counters, newTable, type Policy, type Rule, type Table, TABLE_NAMES, type TableName, zero } from './model';
import type { RuleSpec } from './parse';
import { chainHooks, jumpsAdded, rulesChanged } from './reach';
import { ruleBody } from './save';

export class Iptables implements Netfilter {
  readonly tables = new Map<TableName, Table>(TABLE_NAMES.map((n) => [n, newTable(n)]));
  /** The tables iptables has made in the kernel (by a change that succeeded): those iptables-save prints. */
  readonly made = new Set<TableName>();

  table(name: TableName): Table {
    return this.tables.get(name)!;
  }

  run(ctx: HookContext): HookDecision {
    return runTables(this, ctx);
  }
}

export const IPTABLES = new PernetKey<Iptables>('iptables');

/** The namespace's iptables, if anything was ever written there. */
export function iptablesOf(ns: Netns): Iptables | undefined {
  return pernet(ns, IPTABLES);
}

/** The namespace's iptables, made (and plugged into the walk) on the first write. */
export function ensureIptables(ns: Netns): Iptables {
  let ipt = pernet(ns, IPTABLES);
  if (!ipt) {
    ipt = new Iptables();
    setPernet(ns, IPTABLES, ipt);
    setPernet(ns, NETFILTER, ipt);
  }
  return ipt;
}

export type Result = { readonly ok: true } | { readonly ok: false; readonly error: IptablesError };
const OK: Result = { ok: true };
const fail = (error: IptablesError): Result => ({ ok: false, error });

/** The rules a spec stands for (one per source and destination of `-s a,b -d c,d`), its jump looked up. */
export function resolveRules(table: Table, spec: RuleSpec, source?: SourceRef, counters?: Counters): Rule[] | IptablesError {
  const t = spec.target;
  let target: Rule['target'];
  if (t?.module) target = { kind: 'module', module: t.module, data: t.data };
  else if (t) {
    const chain = table.chains.get(t.name);
    if (!chain || chain.hook) {
      if (chain?.hook) return kernelError('RULE_APPEND', 'Operation not supported', chain.name, t.arg);
      return usageError(`Chain '${t.name}' does not exist`, t.arg);
    }
    target = { kind: t.goto ? 'goto' : 'jump', chain };
  }
  const srcs = spec.src.length ? spec.src : [undefined];
  const dsts = spec.dst.length ? spec.dst : [undefined];
  const out: Rule[] = [];
  for (const src of srcs)
    for (const dst of dsts) {
      const ip: IpSpec = {
        ...(src ? { src, srcInvert: spec.srcInvert } : {}),
        ...(dst ? { dst, dstInvert: spec.dstInvert } : {}),
        ...(spec.in !== undefined ? { in: spec.in, inInvert: spec.inInvert } : {}),
        ...(spec.out !== undefined ? { out: spec.out, outInvert: spec.outInvert } : {}),
        ...(spec.proto ? { proto: spec.proto, protoInvert: spec.protoInvert } : {}),
      };
      const c = counters ? { packets: counters.packets, bytes: counters.bytes } : zero();
      out.push({ ip, matches: spec.matches, ...(target ? { target } : {}), ...(source ? { source } : {}), counters: c });
    }
  return out;
}

export { chainHooks } from './reach';

/** The kernel's check of rules put in `chain` (and of the chains they jump to), at the hooks it is reached from. */
function valid(table: Table, hooks: ReadonlySet<Hook>, rules: readonly Rule[], seen = new Set<Chain>()): 'ok' | 'invalid' | 'loop' {
  for (const r of rules) {
    for (const m of r.matches) if (m.module.check && !m.module.check(m.data, { table: table.name, hooks, ip: r.ip })) return 'invalid';
    const t = r.target;
    if (t?.kind === 'module') {
      if (t.module.table && t.module.table !== table.name) return 'invalid';
      if (t.module.hooks && [...hooks].some((h) => !t.module.hooks!.includes(h))) return 'invalid';
      if (t.module.check && !t.module.check(t.data, { table: table.name, hooks, ip: r.ip })) return 'invalid';
    } else if (t && hooks.size > 0) {
      if (seen.has(t.chain)) return 'loop';
      const v = valid(table, hooks, t.chain.rules, new Set([...seen, t.chain]));
      if (v !== 'ok') return v;
    }
  }
  return 'ok';
}

function findChain(table: Table, name: string | undefined, arg?: number): Chain | IptablesError {
  const c = name === undefined ? undefined : table.chains.get(name);
  return c ?? tableError(NO_CHAIN, arg);
}

export type RuleOp = 'A' | 'I' | 'R';

/** -A, -I N, -R N: the rules written into the chain, if the kernel takes them. */
export function writeRules(table: Table, chainName: string, op: RuleOp, rules: Rule[], num?: number, arg?: number): Result {
  const chain = findChain(table, chainName, arg);
  if ('stderr' in chain) return fail(chain);
  const what = op === 'A' ? 'RULE_APPEND' : op === 'I' ? 'RULE_INSERT' : 'RULE_REPLACE';
  if (op === 'I' && num !== undefined && num > chain.rules.length + 1) return fail(tableError('Index of insertion too big.', arg));
  if (op === 'R' && (num === undefined || num > chain.rules.length)) return fail(tableError('Index of replacement too big.', arg));
  const seen = new Set<Chain>([chain]);
  const v = valid(table, chainHooks(table, chain), rules, seen);
  if (v !== 'ok') return fail(kernelError(what, v === 'loop' ? 'Too many links' : 'Invalid argument', chain.name, arg));
  if (op === 'A') chain.rules.push(...rules);
  else if (op === 'I') chain.rules.splice((num ?? 1) - 1, 0, ...rules);
  else chain.rules.splice(num! - 1, 1, ...rules);
  if (op === 'R') rulesChanged(table);
  else jumpsAdded(table, chain, rules);
  return OK;
}

/** -D CHAIN RULE / -C CHAIN RULE: the first rule that reads the same (deleted for -D). */
export function findRules(table: Table, chainName: string, rules: Rule[], del: boolean, arg?: number): Result {
  const chain = table.chains.get(chainName);
  if (!chain) return fail(tableError(BAD_RULE, arg));
  for (const r of rules) {
    const body = ruleBody(r);
    const i = chain.rules.findIndex((x) => ruleBody(x) === body);
    if (i < 0) return fail(tableError(BAD_RULE, arg));
    if (del) {
      chain.rules.splice(i, 1);
      rulesChanged(table);
    }
  }
  return OK;
}

/** -D CHAIN N. */
export function deleteRuleNum(table: Table, chainName: string, num: number, arg?: number): Result {
  const chain = findChain(table, chainName, arg);
  if ('stderr' in chain) return fail(chain);
  if (num > chain.rules.length) return fail(tableError('Index of deletion too big.', arg));
  chain.rules.splice(num - 1, 1);
  rulesChanged(table);
  return OK;
}

/** -N NAME (its name checked by the parser, as iptables does). */
export function newChain(table: Table, name: string, arg?: number): Result {
  if (table.chains.has(name)) return fail(tableError('Chain already exists.', arg));
  table.chains.set(name, { name, counters: zero(), rules: [] });
  return OK;
}

function referenced(table: Table, chain: Chain, ignore?: ReadonlySet<Chain>): boolean {
  for (const c of table.chains.values()) {
    if (ignore?.has(c)) continue;
    if (c.rules.some((r) => r.target && r.target.kind !== 'module' && r.target.chain === chain)) return true;
  }
  return false;
}

/** -X [NAME]: a user chain that is empty and that no rule jumps to (every such chain without a name). */
export function deleteChain(table: Table, name: string | undefined, arg?: number): Result {
  const targets = name === undefined ? [...table.chains.values()].filter((c) => !c.hook) : [];
  if (name !== undefined) {
    const c = findChain(table, name, arg);
    if ('stderr' in c) return fail(c);
    targets.push(c);
  }
  const all = new Set(targets);
  for (const c of targets)
    if (c.hook || c.rules.length > 0 || referenced(table, c, name === undefined ? all : undefined))
      return fail(kernelError('CHAIN_DEL', 'Device or resource busy', c.name, arg));
  for (const c of targets) table.chains.delete(c.name);
  rulesChanged(table);
  return OK;
}

/** -F [CHAIN] and -Z [CHAIN]. */
export function flushOrZero(table: Table, name: string | undefined, flush: boolean, arg?: number): Result {
  const chains = name === undefined ? [...table.chains.values()] : [];
  if (name !== undefined) {
    const c = findChain(table, name, arg);
    if ('stderr' in c) return fail(c);
    chains.push(c);
  }
  if (flush) rulesChanged(table);
  for (const c of chains) {
    if (flush) c.rules = [];
    else {
      Object.assign(c.counters, zero());
      for (const r of c.rules) Object.assign(r.counters, zero());
    }
  }
  return OK;
}

/** -P CHAIN ACCEPT|DROP. */
export function setPolicy(table: Table, name: string, policy: string, source?: SourceRef, arg?: number): Result {
  const c = table.chains.get(name);
  if (!c?.hook) return fail(tableError('Bad built-in chain name.', arg));
  if (policy !== 'ACCEPT' && policy !== 'DROP') return fail(tableError("Bad policy name. Run `dmesg' for more information.", arg));
  c.policy = policy as Policy;
  c.policySource = source;
  return OK;
}

/** -E OLD NEW: the jumps to it follow (they hold the chain, not its name); iptables checks no new name. */
export function renameChain(table: Table, from: string, to: string, arg?: number): Result {
  const c = table.chains.get(from);
  if (!c || c.hook) return fail(tableError(NO_CHAIN, arg));
  if (table.chains.has(to)) return fail(tableError('File exists.', arg));
  const entries = [...table.chains.entries()].map(([k, v]) => (k === from ? ([to, v] as const) : ([k, v] as const)));
  c.name = to;
  table.chains.clear();
  for (const [k, v] of entries) table.chains.set(k, v);
  return OK;
}
