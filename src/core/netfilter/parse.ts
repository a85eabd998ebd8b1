/**
 * An `iptables` command line read as iptables 1.8.9 (nf_tables) reads it: its command (`-A -C -D -I
 * -R -L -S -F -Z -N -X -P -E`), the table, and for a rule its IP part, its matches (a module's
 * options go to the modules loaded so far, else to the one `-p` loads by itself) and its target
 * with its options. Never throws: a mistake is iptables's own message, its exit status and the
 * word it is about. Chains are not looked up here (state.ts does it against the namespace's tables).
 */
import { type AddrMask, checkIface, parseAddrList, parseProto } from './ipspec';
import type { MatchModule, ParseEnv, TargetModule } from './module';
import type { MatchUse, TableName } from './model';
import { IMPLICIT, MATCHES, UNSIMULATED_MATCHES } from './matches/index';
import { TARGETS, UNSIMULATED_TARGETS } from './targets/index';
import { COMMANDS, GENERIC, longName, type Op, words } from './options';

export type { Op };

/** A rule as the line gives it, before its chain and its jump are looked up. */
export interface RuleSpec {
  readonly src: readonly AddrMask[];
  readonly srcInvert: boolean;
  readonly dst: readonly AddrMask[];
  readonly dstInvert: boolean;
  readonly in?: string;
  readonly inInvert: boolean;
  readonly out?: string;
  readonly outInvert: boolean;
  readonly proto?: number;
  readonly protoInvert: boolean;
  readonly matches: readonly MatchUse[];
  /** `-j NAME` / `-g NAME`: a target module, or a chain to look up (`module` absent). */
  readonly target?: {
    readonly name: string;
    readonly goto: boolean;
    readonly module?: TargetModule;
    readonly data?: unknown;
    readonly arg: number;
  };
}

export interface IptablesCommand {
  readonly op: Op;
  readonly table: TableName | string;
  readonly chain?: string;
  /** -E's new name, -P's policy. */
  readonly second?: string;
  /** -I, -R, -D, -S's rule number. */
  readonly num?: number;
  readonly rule?: RuleSpec;
  readonly numeric: boolean;
  readonly verbose: boolean;
  readonly exact: boolean;
  readonly lineNumbers: boolean;
  /** `-c PKTS BYTES` / `--set-counters`: the counters the new rules start with (-A, -I, -R). */
  readonly counters?: { readonly packets: number; readonly bytes: number };
  /** -L or -S with -Z: the counters listed are zeroed after. */
  readonly zero?: boolean;
  /** The index in argv of the command's option (for diagnostics). */
  readonly opArg: number;
}

export type ParseOutcome =
  | { readonly ok: true; readonly command: IptablesCommand }
  /** iptables's message (after its `iptables v1.8.9 (nf_tables): ` prefix unless `bare`), exit status 2, at argv[arg]. */
  | { readonly ok: false; readonly message: string; readonly bare?: boolean; readonly hintOnly?: boolean; readonly arg: number }
  /** A real option or module the simulator does not run. */
  | { readonly ok: false; readonly notSimulated: string; readonly arg: number };

/** Which commands take a rule (and so the rule's options). */
const RULE_OPS: ReadonlySet<Op> = new Set(['A', 'C', 'D', 'I', 'R']);
const INVERTIBLE = new Set(['s', 'd', 'p', 'i', 'o', 'f']);

interface Word {
  readonly name: string;
  readonly long: boolean;
  /** `--name=value`'s value. */
  readonly inline?: string;
}

/** xshared's parse_chain, for -N: too long, a leading `-` or `!`, a target's name, a space. */
function badChainName(name: string): string | undefined {
  if (name.length >= 29) return `chain name \`${name}' too long (must be under 29 chars)`;
  if (name.startsWith('-') || name.startsWith('!')) return `chain name not allowed to start with \`${name[0]}'`;
  if (TARGETS.has(name) || UNSIMULATED_TARGETS.has(name)) return 'chain name may not clash with target name';
  if (/\s/.test(name)) return `Invalid chain name \`${name}'`;
  return undefined;
}

/** `restore`: a line of iptables-restore's input (its `-t TABLE` first), where a second `-t` is an error. */
export function parseIptables(args: readonly string[], opts: { restore?: boolean } = {}): ParseOutcome {
  let tableSet = false;
  const ws = words(args.slice(1)).map((w) => ({ ...w, arg: w.arg + 1 }));
  let op: Op | undefined;
  let opArg = 0;
  let chain: string | undefined;
  let second: string | undefined;
  let num: number | undefined;
  let table = 'filter';
  const flags = { numeric: false, verbose: false, exact: false, lineNumbers: false };
  const r = {
    src: [] as AddrMask[],
    srcInvert: false,
    dst: [] as AddrMask[],
    dstInvert: false,
    in: undefined as string | undefined,
    inInvert: false,
    out: undefined as string | undefined,
    outInvert: false,
    proto: undefined as number | undefined,
    protoInvert: false,
  };
  const seen = new Set<string>();
  const matches: { module: MatchModule; data: unknown }[] = [];
  let target: { name: string; goto: boolean; module?: TargetModule; data?: unknown; arg: number } | undefined;
  let invert = false;
  let zero = false;
  let ruleOption: { name: string; arg: number } | undefined;
  let counters: { packets: number; bytes: number; arg: number } | undefined;
  const err = (message: string, arg: number): ParseOutcome => ({ ok: false, message, arg });
  const env = (): ParseEnv => ({ ...(r.proto !== undefined ? { proto: r.proto } : {}), protoInvert: r.protoInvert });

  for (let k = 0; k < ws.length; k++) {
    const w = ws[k]!;
    const text = w.text;
    const at = w.arg;
    if (text === '!') {
      if (invert) return err('multiple consecutive ! not allowed', at);
      invert = true;
      continue;
    }
    if (!text.startsWith('-') || text === '-') return { ok: false, message: `Bad argument \`${text}'`, bare: true, arg: at };
    const long = text.startsWith('--');
    const eq = long ? text.indexOf('=') : -1;
    const given = long ? text.slice(2, eq < 0 ? undefined : eq) : text.slice(1);
    const implicit = r.proto !== undefined ? IMPLICIT.get(r.proto) : undefined;
    const pending = implicit && !matches.some((m) => m.module === implicit) ? implicit : undefined;
    const word: Word = {
      name: long
        ? (longName(given, [...matches.map((m) => m.module), ...(target?.module ? [target.module] : [])], pending) ?? given)
        : given,
      long,
      ...(eq >= 0 ? { inline: text.slice(eq + 1) } : w.inline !== undefined ? { inline: w.inline } : {}),
    };
    const shown = long ? `--${word.name}` : `-${word.name}`;
    /** The option's argument: inline, or the next word. */
    const value = (): string | undefined => {
      if (word.inline !== undefined) return word.inline;
      const next = ws[k + 1];
      if (!next) return undefined;
      k++;
      return next.text;
    };
    /** The next word as a further argument (xs_has_arg): none when it starts with `-` or `!`. */
    const nextArg = (): string | undefined => {
      const next = ws[k + 1];
      if (!next || next.text.startsWith('-') || next.text.startsWith('!')) return undefined;
      k++;
      return next.text;
    };
    /** An optional argument: the next word unless it looks like an option. */
    const optional = (): string | undefined => {
      if (word.inline !== undefined) return word.inline;
      const next = ws[k + 1];
      if (!next || next.text.startsWith('-') || next.text === '!') return undefined;
      k++;
      return next.text;
    };
    const missing = () => err(`option "${shown}" requires an argument`, at);

    const cmd = COMMANDS[word.name];
    if (cmd && (long || word.name.length === 1)) {
      if (invert) return err("unexpected '!' flag", at);
      // -Z goes with -L or -S: the chain listed (the last one named) is zeroed after.
      const zeroList = op && ((cmd === 'Z' && (op === 'L' || op === 'S')) || ((cmd === 'L' || cmd === 'S') && op === 'Z'));
      if (op && !zeroList) return err(`Cannot use -${cmd} with -${op}`, at);
      if (zeroList) zero = true;
      if (!zeroList || cmd !== 'Z') {
        op = cmd;
        opArg = at;
      }
      if ('ADIRNPE'.includes(cmd) || cmd === 'C') {
        chain = value();
        if (chain === undefined) return missing();
      } else if ('LSFZX'.includes(cmd)) chain = optional() ?? (zeroList ? chain : undefined);
      if (cmd === 'N' && chain !== undefined) {
        const bad = badChainName(chain);
        if (bad) return err(bad, at);
      }
      if (cmd === 'E' || cmd === 'P') {
        second = optional();
        if (second === undefined)
          return err(cmd === 'P' ? '-P requires a chain and a policy' : '-E requires old-chain-name and new-chain-name', at);
      }
      if (cmd === 'I' || cmd === 'R' || cmd === 'D' || ('SLZ'.includes(cmd) && chain !== undefined)) {
        const n = optional();
        if (n !== undefined) {
          if (!/^[0-9]+$/.test(n) || Number(n) < 1) return err(`Invalid rule number \`${n}'`, at);
          num = Number(n);
        } else if (cmd === 'R') return err('-R requires a rule number', at);
      }
      continue;
    }

    const g = GENERIC[word.name];
    if (g && (long || word.name.length === 1)) {
      const [letter, hasArg] = g;
      if (invert && !INVERTIBLE.has(letter)) return err(`cannot have ! before ${shown}`, at);
      const arg = hasArg ? value() : undefined;
      if (hasArg && arg === undefined) return missing();
      if ('sdpiojg'.includes(letter)) {
        const key = letter === 'g' ? 'j' : letter;
        if (seen.has(key)) return err(`multiple -${letter} flags not allowed`, at);
        seen.add(key);
        ruleOption ??= { name: `-${letter}`, arg: at };
      }
      const inv = invert;
      invert = false;
      switch (letter) {
        case 't':
          if (opts.restore && tableSet) return err('The -t option cannot be used in iptables-restore.\n', at);
          tableSet = true;
          table = arg!;
          break;
        case 's':
        case 'd': {
          const list = parseAddrList(arg!);
          if (typeof list === 'string') return err(list, at);
          if (letter === 's') [r.src, r.srcInvert] = [list, inv];
          else [r.dst, r.dstInvert] = [list, inv];
          break;
        }
        case 'p': {
          const p = parseProto(arg!);
          if (typeof p === 'string') return err(p, at);
          [r.proto, r.protoInvert] = [p, inv];
          break;
        }
        case 'i':
        case 'o': {
          const e = checkIface(arg!);
          if (e) return err(e, at);
          if (letter === 'i') [r.in, r.inInvert] = [arg, inv];
          else [r.out, r.outInvert] = [arg, inv];
          break;
        }
        case 'm': {
          ruleOption ??= { name: '-m', arg: at };
          const m = MATCHES.get(arg!);
          if (!m) {
            if (UNSIMULATED_MATCHES.has(arg!)) return { ok: false, notSimulated: `iptables -m ${arg}`, arg: at };
            return err(`Couldn't load match \`${arg}':No such file or directory\n`, at);
          }
          matches.push({ module: m, data: m.init() });
          break;
        }
        case 'j':
        case 'g': {
          const t = letter === 'j' ? TARGETS.get(arg!) : undefined;
          if (letter === 'j' && !t && UNSIMULATED_TARGETS.has(arg!)) return { ok: false, notSimulated: `iptables -j ${arg}`, arg: at };
          target = t ? { name: arg!, goto: false, module: t, data: t.init(), arg: at } : { name: arg!, goto: letter === 'g', arg: at };
          break;
        }
        case 'n':
          flags.numeric = true;
          break;
        case 'v':
          flags.verbose = true;
          break;
        case 'x':
          flags.exact = true;
          break;
        case '0':
          flags.lineNumbers = true;
          break;
        case 'w':
          optional();
          break;
        case 'c': {
          if (counters) return err('multiple -c flags not allowed', at);
          // `-c P B` or `-c P,B`; sscanf("%llu") reads each
          const comma = arg!.indexOf(',', 1);
          const bytes = comma >= 0 ? arg!.slice(comma + 1) : nextArg();
          if (bytes === undefined) return err(`-c requires packet and byte counter`, at);
          const num = (t: string) => /^\s*\+?([0-9]+)/.exec(t)?.[1];
          const p = num(comma >= 0 ? arg!.slice(0, comma) : arg!);
          if (p === undefined) return err('-c packet counter not numeric', at);
          const b = num(bytes);
          if (b === undefined) return err('-c byte counter not numeric', at);
          counters = { packets: Number(p), bytes: Number(b), arg: at };
          break;
        }
        case 'W':
        case '4':
          break;
        case '6':
          // iptables -6 prints only the usage hint.
          return { ok: false, message: '', bare: true, hintOnly: true, arg: at };
        default:
          return { ok: false, notSimulated: `iptables ${shown}`, arg: at };
      }
      continue;
    }

    // A module's option: the matches loaded so far, then the target, then the match -p loads by itself.
    const inv = invert;
    invert = false;
    const offer = (m: MatchModule | TargetModule, data: unknown): ParseOutcome | 'taken' | undefined => {
      const def = m.options.find((o) => o.name === word.name || o.aliases?.includes(word.name));
      if (!def || !long) return undefined;
      if (def.unsimulated) return { ok: false, notSimulated: `iptables -m ${m.name} --${def.name}`, arg: at };
      const arg = def.arg ? value() : undefined;
      if (def.arg && arg === undefined) return missing();
      const e = m.parse(data, def.name, arg, inv, env(), nextArg);
      return e === undefined ? 'taken' : err(e, at);
    };
    let done: ParseOutcome | 'taken' | undefined;
    for (const m of matches) if ((done = offer(m.module, m.data))) break;
    if (!done && target?.module) done = offer(target.module, target.data);
    if (!done && r.proto !== undefined) {
      const implicit = IMPLICIT.get(r.proto);
      if (implicit && !matches.some((m) => m.module === implicit)) {
        const data = implicit.init();
        done = offer(implicit, data);
        if (done === 'taken') matches.push({ module: implicit, data });
      }
    }
    if (done === 'taken') continue;
    if (done) return done;
    return err(`unknown option "${shown}"`, at);
  }
  if (invert) return err('nothing appropriate following !', ws.length ? ws[ws.length - 1]!.arg : 0);
  if (!op) return err('no command specified', 0);
  if (!RULE_OPS.has(op) || (op === 'D' && num !== undefined)) {
    if (ruleOption) return err(`Illegal option \`${ruleOption.name}' with this command`, ruleOption.arg);
  }
  if (counters && op !== 'A' && op !== 'I' && op !== 'R') return err("Illegal option `-c' with this command", counters.arg);
  const base = {
    op,
    table,
    ...(chain !== undefined ? { chain } : {}),
    ...(second !== undefined ? { second } : {}),
    ...(num !== undefined ? { num } : {}),
    ...flags,
    ...(zero ? { zero } : {}),
    ...(counters ? { counters: { packets: counters.packets, bytes: counters.bytes } } : {}),
    opArg,
  };
  if (!RULE_OPS.has(op) || (op === 'D' && num !== undefined)) return { ok: true, command: base };
  for (const m of matches) {
    const e = m.module.final?.(m.data, env());
    if (e) return err(e, opArg);
  }
  if (target?.module) {
    const e = target.module.final?.(target.data, env());
    if (e) return err(e, target.arg);
    if (table === 'nat' && target.name === 'DROP')
      return err('\nThe "nat" table is not intended for filtering, the use of DROP is therefore inhibited.\n\n', target.arg);
  }
  if (chain === 'INPUT' || chain === 'PREROUTING') {
    if (r.out !== undefined) return err(`Can't use -o with ${chain}\n`, opArg);
  }
  if (chain === 'OUTPUT' || chain === 'POSTROUTING') {
    if (r.in !== undefined) return err(`Can't use -i with ${chain}\n`, opArg);
  }
  const rule: RuleSpec = { ...r, matches, ...(target ? { target } : {}) };
  return { ok: true, command: { ...base, rule } };
}
