/**
 * `iptables-restore` as iptables 1.8.9 (nf_tables) reads its input (xtables-restore.c): `*TABLE`
 * starts a table (flushed first unless --noflush), `:CHAIN POLICY [c]` sets a built-in chain's
 * policy or declares a user chain (emptying one that exists), other lines are iptables commands
 * for the table, `COMMIT` applies the table's changes at once. Blank lines and lines starting with
 * `#` are skipped.
 *
 * The real tool queues a table's changes and sends them at COMMIT; what it finds wrong while
 * queueing them (an unknown chain, a policy's name) it reports then, naming the command's line; what
 * the kernel refuses (a target outside its table or hooks) comes last, every refused line listed; a
 * mistake in a line's words ends the run at that line. Whatever failed, nothing of that table was
 * applied: here the changes are made as they come and undone (a snapshot) when the table fails.
 */
import type { SourceRef } from '../sim/model';
import { applyTo } from './apply';
import { PREFIX as IPTABLES_PREFIX } from './errors';
import { type Chain, type Table, type TableName, TABLE_NAMES, zero } from './model';
import { parseIptables } from './parse';
import { rulesChanged } from './reach';
import type { Iptables } from './state';

export interface RestoreOptions {
  readonly noflush?: boolean;
  /** -c: the counters of `[p:b]` and of `:CHAIN POLICY [p:b]` are set. */
  readonly counters?: boolean;
  /** -T: only this table's sections; the others are skipped unread. */
  readonly table?: string;
  /** -t: read and check, apply nothing. */
  readonly test?: boolean;
  /** -v: comments are echoed. */
  readonly verbose?: boolean;
}

export interface RestoreOutcome {
  readonly stdout: string;
  readonly stderr: string;
  readonly status: number;
  /** The input's line (1-based) the failure is about: the command's own where the tool names COMMIT's. */
  readonly line?: number;
  /** A real option or module of that line the simulator does not run. */
  readonly notSimulated?: string;
}

export const RESTORE_PREFIX = 'iptables-restore v1.8.9 (nf_tables): ';
const HINT = "Try `iptables-restore -h' or 'iptables-restore --help' for more information.\n";

/** A mistake in a line's words (xtables_error, exit 2): the message, the line reached, the hint. */
function paramError(message: string, line: number, bare = false, stdout = ''): RestoreOutcome {
  return { stdout, stderr: `${bare ? '' : RESTORE_PREFIX}${message}\nError occurred at line: ${line}\n${HINT}`, status: 2, line };
}

/** A table's state to go back to: its chains in order, each with its name, policy, rules and counters. */
type Snapshot = {
  map: [string, Chain][];
  chains: { c: Chain; name: string; policy: Chain['policy']; rules: Chain['rules']; counts: number[] }[];
};

function snapshot(t: Table): Snapshot {
  const chains = [...t.chains.values()].map((c) => ({
    c,
    name: c.name,
    policy: c.policy,
    rules: [...c.rules],
    counts: [c.counters.packets, c.counters.bytes, ...c.rules.flatMap((r) => [r.counters.packets, r.counters.bytes])],
  }));
  return { map: [...t.chains.entries()], chains };
}

function rollback(t: Table, s: Snapshot): void {
  rulesChanged(t);
  t.chains.clear();
  for (const [k, v] of s.map) t.chains.set(k, v);
  for (const { c, name, policy, rules, counts } of s.chains) {
    c.name = name;
    c.policy = policy;
    c.rules = rules;
    Object.assign(c.counters, { packets: counts[0], bytes: counts[1] });
    rules.forEach((r, i) => Object.assign(r.counters, { packets: counts[2 + 2 * i], bytes: counts[3 + 2 * i] }));
  }
}

/** nft's table flush: no rules, no user chains, the built-in chains back to ACCEPT. */
function flushTable(t: Table): void {
  rulesChanged(t);
  for (const c of [...t.chains.values()]) {
    if (!c.hook) t.chains.delete(c.name);
    c.rules = [];
    c.policy = c.hook ? 'ACCEPT' : undefined;
    Object.assign(c.counters, zero());
  }
}

/** strtok: the next token of `s` from `at` after skipping delimiters, and where the next call starts. */
function strtok(s: string, at: number, delims: string): { tok?: string; next: number } {
  let i = at;
  while (i < s.length && delims.includes(s[i]!)) i++;
  if (i >= s.length) return { next: i };
  let j = i;
  while (j < s.length && !delims.includes(s[j]!)) j++;
  return { tok: s.slice(i, j), next: Math.min(j + 1, s.length) };
}

/**
 * add_param_to_argv: words split at blanks; `"` opens a quoted part where `\` escapes the next
 * character and the closing `"` ends the word. An unclosed quote runs to the end of the line, its
 * newline included.
 */
export function splitRuleLine(line: string): string[] {
  const out: string[] = [];
  let word = '';
  let quoted = false;
  let escaped = false;
  for (const ch of line) {
    if (quoted) {
      if (escaped) {
        word += ch;
        escaped = false;
      } else if (ch === '\\') escaped = true;
      else if (ch === '"') {
        quoted = false;
        out.push(word);
        word = '';
      } else word += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ' ' || ch === '\t' || ch === '\n') {
      if (word !== '') out.push(word);
      word = '';
    } else word += ch;
  }
  if (word !== '') out.push(word);
  return out;
}

interface Section {
  readonly name: TableName;
  readonly table: Table;
  readonly before: Snapshot;
  readonly madeBefore: boolean;
  /** The first failure found while queueing (reported at COMMIT). */
  queued?: (commitLine: number) => RestoreOutcome;
  /** What the kernel refused: `line N: RULE_APPEND failed (...)`. */
  readonly kernel: string[];
  /** What -v says when the queued changes are made, at COMMIT. */
  log: string;
}

/** Runs a restore input against a namespace's tables. Never throws. */
export function restoreIptables(ipt: Iptables, input: string, opts: RestoreOptions = {}, source?: SourceRef): RestoreOutcome {
  const lines = input.match(/[^\n]*\n|[^\n]+$/g) ?? [];
  let stdout = '';
  let sec: Section | undefined;
  let skipping = false; // inside a table -T leaves out
  const undo = (): void => {
    if (!sec) return;
    rollback(sec.table, sec.before);
    if (!sec.madeBefore) ipt.made.delete(sec.name);
  };
  const fail = (o: RestoreOutcome): RestoreOutcome => {
    undo();
    return { ...o, stdout: stdout + o.stdout };
  };
  const lineFailed = (n: number): RestoreOutcome =>
    fail({ stdout: '', stderr: `iptables-restore: line ${n} failed\n`, status: 1, line: n });

  for (let i = 0; i < lines.length; i++) {
    const n = i + 1;
    const text = lines[i]!;
    if (text[0] === '\n') continue;
    if (text[0] === '#') {
      if (opts.verbose) stdout += text;
      continue;
    }
    const inTable = !!sec || skipping;
    if (inTable && text.startsWith('COMMIT') && (text.length === 6 || text[6] === '\n')) {
      if (skipping) {
        skipping = false;
        continue;
      }
      const s = sec!;
      stdout += s.log;
      if (s.queued) return fail(s.queued(n));
      if (s.kernel.length) {
        const stderr = `${RESTORE_PREFIX}${s.kernel.map((k) => `\n${k}`).join('')}\n`;
        return fail({ stdout: '', stderr, status: 4, line: Number(/^line (\d+)/.exec(s.kernel[0]!)![1]) });
      }
      if (opts.test) undo();
      sec = undefined;
      continue;
    }
    if (skipping) continue;
    if (text[0] === '*' && !inTable) {
      const name = strtok(text, 1, ' \t\n').tok;
      if (name === undefined) return paramError(`iptables-restore: line ${n} table name invalid`, n, false, stdout);
      if (!(TABLE_NAMES as readonly string[]).includes(name))
        return paramError(`iptables-restore: line ${n} table name '${name}' invalid`, n, false, stdout);
      if (opts.table !== undefined && opts.table !== name) {
        skipping = true;
        continue;
      }
      const table = ipt.table(name as TableName);
      sec = { name: name as TableName, table, before: snapshot(table), madeBefore: ipt.made.has(name as TableName), kernel: [], log: '' };
      // a flushed table is gone from the kernel until something makes it again; -v flushes it
      // chain by chain instead, saying so, and the table stays
      if (!opts.noflush) {
        if (opts.verbose && ipt.made.has(sec.name)) for (const c of [...table.chains.values()]) sec.log += `Flushing chain \`${c.name}'\n`;
        else ipt.made.delete(sec.name);
        flushTable(table);
      }
      continue;
    }
    if (!sec) return lineFailed(n);
    if (text[0] === ':') {
      const out = chainLine(ipt, sec, text, n, opts);
      if (out) return fail(out);
      continue;
    }
    // a rule line: `[p:b]` counters first, then the words
    let rest = text;
    let pcnt: string | undefined;
    let bcnt: string | undefined;
    if (text[0] === '[') {
      const close = text.indexOf(']');
      if (close < 0) return fail(paramError(`Bad line ${n}: need ]`, n));
      const p = strtok(text, 1, ':');
      if (p.tok === undefined) return fail(paramError(`Bad line ${n}: need :`, n));
      const b = strtok(text, p.next, ']');
      if (b.tok === undefined || p.next >= text.length) return fail(paramError(`Bad line ${n}: need ]`, n));
      [pcnt, bcnt] = [p.tok, b.tok];
      rest = text.slice(close + 1);
    }
    const argv = [
      'iptables-restore',
      '-t',
      sec.name,
      ...(opts.counters && pcnt ? ['--set-counters', pcnt, bcnt!] : []),
      ...splitRuleLine(rest),
    ];
    const parsed = parseIptables(argv, { restore: true });
    if (!parsed.ok) {
      if ('notSimulated' in parsed)
        return fail({
          stdout: '',
          stderr: `knetlab: ${parsed.notSimulated} is not simulated\n`,
          status: 1,
          line: n,
          notSimulated: parsed.notSimulated,
        });
      if (parsed.hintOnly) return fail({ stdout: '', stderr: `Error occurred at line: ${n}\n${HINT}`, status: 2, line: n });
      return fail(paramError(parsed.message, n, parsed.bare));
    }
    if (sec.queued) continue; // the real tool stops queueing at the first failure
    const out = applyTo(ipt, parsed.command, source);
    stdout += out.stdout;
    const e = out.error;
    if (!e) continue;
    if (e.status === 4) sec.kernel.push(`line ${n}: ${e.stderr.slice(IPTABLES_PREFIX.length + 1).replace(/\n$/, '')}`);
    else if (e.status === 2) {
      const msg = e.stderr.startsWith(IPTABLES_PREFIX) ? e.stderr.slice(IPTABLES_PREFIX.length).split('\n')[0]! : e.stderr.split('\n')[0]!;
      sec.queued = (at) => ({ ...paramError(msg, at), line: n });
    } else {
      const msg = e.stderr
        .replace(/^iptables: /, '')
        .replace(/ Run `dmesg' for more information\.\n$/, '\n')
        .replace(/\n$/, '');
      sec.queued = () => ({ stdout: '', stderr: `iptables-restore: line ${n} failed: ${msg}\n`, status: 1, line: n });
    }
  }
  if (sec)
    return fail({ stdout: '', stderr: `iptables-restore: COMMIT expected at line ${lines.length + 1}\n`, status: 1, line: lines.length });
  return { stdout, stderr: '', status: 0 };
}

/** `:CHAIN POLICY [p:b]`: a built-in chain's policy (`-` keeps it), or a user chain declared (emptied if it exists). */
function chainLine(ipt: Iptables, sec: Section, text: string, n: number, opts: RestoreOptions): RestoreOutcome | undefined {
  const c = strtok(text, 1, ' \t\n');
  if (c.tok === undefined) return paramError(`iptables-restore: line ${n} chain name invalid`, n);
  const name = c.tok;
  if (name.length >= 29) return paramError(`chain name \`${name}' too long (must be under 29 chars)`, n);
  const p = strtok(text, c.next, ' \t\n');
  if (p.tok === undefined) return paramError(`iptables-restore: line ${n} policy invalid`, n);
  const chain = sec.table.chains.get(name);
  if (chain?.hook) {
    let counts = zero();
    if (opts.counters) {
      const ctr = strtok(text, p.next, ' \t\n').tok;
      const m = ctr === undefined ? null : /^\[([0-9]+):([0-9]+)\]$/.exec(ctr);
      if (!m) return paramError(`invalid policy counters for chain '${name}'`, n);
      counts = { packets: Number(m[1]), bytes: Number(m[2]) };
    }
    if (sec.queued) return undefined;
    ipt.made.add(sec.name);
    if (p.tok !== '-') {
      if (p.tok !== 'ACCEPT' && p.tok !== 'DROP') {
        sec.queued = () => ({ stdout: '', stderr: `iptables-restore: line ${n} failed: Bad policy name.\n`, status: 1, line: n });
        return undefined;
      }
      chain.policy = p.tok;
    }
    if (opts.counters) Object.assign(chain.counters, counts);
    return undefined;
  }
  if (sec.queued) return undefined;
  ipt.made.add(sec.name);
  rulesChanged(sec.table);
  if (chain) chain.rules = [];
  else sec.table.chains.set(name, { name, counters: zero(), rules: [] });
  return undefined;
}
