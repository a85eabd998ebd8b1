/**
 * An iptables command run against a namespace's tables: what it prints and its exit status, as
 * iptables 1.8.9 (nf_tables) would. Reading commands on a namespace nobody wrote to see the default
 * tables without making them; the first write makes them (state.ts ensureIptables).
 */
import type { Netns, SourceRef } from '../sim/model';
import { type IptablesError, kernelError, NO_CHAIN, PREFIX, tableError } from './errors';
import { TABLE_NAMES, type TableName } from './model';
import type { IptablesCommand } from './parse';
import { listChain, listTable } from './list';
import { listChainRules, listRules } from './save';
import {
  deleteChain,
  deleteRuleNum,
  ensureIptables,
  findRules,
  flushOrZero,
  Iptables,
  iptablesOf,
  newChain,
  renameChain,
  resolveRules,
  type Result,
  setPolicy,
  writeRules,
} from './state';

export interface Outcome {
  readonly stdout: string;
  readonly error?: IptablesError;
}

const done = (r: Result): Outcome => (r.ok ? { stdout: '' } : { stdout: '', error: r.error });

export function isTable(name: string): name is TableName {
  return (TABLE_NAMES as readonly string[]).includes(name);
}

export function applyIptables(ns: Netns, cmd: IptablesCommand, source?: SourceRef): Outcome {
  const out = run(ns, cmd, source);
  // -L -Z / -S -Z: what was listed is zeroed after (the tables' own counters; a walk writes none).
  const ipt = cmd.zero && !out.error ? iptablesOf(ns) : undefined;
  if (ipt && isTable(cmd.table)) flushOrZero(ipt.table(cmd.table), cmd.chain, false);
  return out;
}

function run(ns: Netns, cmd: IptablesCommand, source?: SourceRef): Outcome {
  if (!isTable(cmd.table))
    return {
      stdout: '',
      error: { stderr: `${PREFIX}table '${cmd.table}' does not exist\nPerhaps iptables or your kernel needs to be upgraded.\n`, status: 3 },
    };
  const reading = cmd.op === 'S' || cmd.op === 'L' || cmd.op === 'C' || cmd.op === 'V';
  return applyTo(reading ? (iptablesOf(ns) ?? new Iptables()) : ensureIptables(ns), cmd, source);
}

/** Commands after which the table exists in the kernel (iptables-nft makes it on the first change that succeeds). */
const MAKES_TABLE = new Set(['A', 'I', 'R', 'D', 'N', 'P', 'E']);

/** A command (its table one of the four) run against a namespace's tables, or a copy of them (iptables-restore). */
export function applyTo(ipt: Iptables, cmd: IptablesCommand, source?: SourceRef): Outcome {
  const out = runOn(ipt, cmd, source);
  if (!out.error && MAKES_TABLE.has(cmd.op) && isTable(cmd.table)) ipt.made.add(cmd.table);
  return out;
}

function runOn(ipt: Iptables, cmd: IptablesCommand, source?: SourceRef): Outcome {
  if (!isTable(cmd.table)) return { stdout: '' };
  const table = ipt.table(cmd.table);
  const arg = cmd.opArg;
  const chain = cmd.chain ?? '';
  switch (cmd.op) {
    case 'V':
      return { stdout: 'iptables v1.8.9 (nf_tables)\n' };
    case 'S': {
      if (cmd.chain === undefined) return { stdout: listRules(table) };
      const c = table.chains.get(cmd.chain);
      if (!c)
        return {
          stdout: '',
          error: { stderr: `${PREFIX}chain \`${cmd.chain}' in table \`${table.name}' is incompatible, use 'nft' tool.\n`, status: 1, arg },
        };
      return { stdout: listChainRules(c, cmd.num) };
    }
    case 'A':
    case 'I':
    case 'R':
    case 'C':
    case 'D': {
      if (cmd.op === 'D' && cmd.num !== undefined) return done(deleteRuleNum(table, chain, cmd.num, arg));
      const rules = resolveRules(table, cmd.rule!, source, cmd.op === 'C' || cmd.op === 'D' ? undefined : cmd.counters);
      if (!Array.isArray(rules)) {
        // A jump to a built-in chain is refused by the kernel, with the operation's own name.
        const what = cmd.op === 'I' ? 'RULE_INSERT' : cmd.op === 'R' ? 'RULE_REPLACE' : 'RULE_APPEND';
        return { stdout: '', error: rules.status === 4 ? kernelError(what, 'Operation not supported', chain, arg) : rules };
      }
      // -C and -D of a rule look for it (in no chain, they find none); -A, -I, -R need the chain.
      if (cmd.op === 'C' || cmd.op === 'D') return done(findRules(table, chain, rules, cmd.op === 'D', arg));
      if (!table.chains.has(chain)) return { stdout: '', error: tableError(NO_CHAIN, arg) };
      return done(writeRules(table, chain, cmd.op, rules, cmd.num, arg));
    }
    case 'F':
    case 'Z':
      return done(flushOrZero(table, cmd.chain, cmd.op === 'F', arg));
    case 'N':
      return done(newChain(table, chain, arg));
    case 'X':
      return done(deleteChain(table, cmd.chain, arg));
    case 'P':
      return done(setPolicy(table, chain, cmd.second ?? '', source, arg));
    case 'E':
      return done(renameChain(table, chain, cmd.second ?? '', arg));
    case 'L': {
      const o = { numeric: cmd.numeric, verbose: cmd.verbose, exact: cmd.exact, lineNumbers: cmd.lineNumbers };
      if (cmd.chain === undefined) return { stdout: listTable(table, o) };
      const c = table.chains.get(cmd.chain);
      if (!c)
        return {
          stdout: '',
          error: { stderr: `${PREFIX}chain \`${cmd.chain}' in table \`${table.name}' is incompatible, use 'nft' tool.\n`, status: 1, arg },
        };
      return { stdout: listChain(table, c, o, cmd.num) };
    }
    case 'h':
      return { stdout: '' };
  }
}
