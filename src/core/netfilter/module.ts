/**
 * What a match (`-m tcp`, `-m conntrack`...) and a target (`-j DNAT`...) module is: its options, how
 * it reads them (as iptables's extension of that name does, with its error texts), how it prints
 * them back (`iptables -S`), and what it does with a packet. A new match or target is one file in
 * matches/ or targets/ and one line in its registry (matches/index.ts, targets/index.ts).
 */
import type { Addr } from '../net/addr';
import type { Localized } from '../text/i18n';
import type { Netns } from '../sim/model';
import type { Flow, Tracked } from '../datapath/flow';
import type { Packet } from '../datapath/packet';
import type { HookIo, RejectWith } from '../datapath/seams';
import type { Hook } from '../datapath/trace';
import type { IpSpec } from './ipspec';

export type TableName = 'filter' | 'nat' | 'mangle' | 'raw';

/** One option of a module: its long name (without `--`) and whether it takes an argument. */
export interface OptionDef {
  readonly name: string;
  readonly arg: boolean;
  /** Other names iptables accepts for it (`destination-port` for `dport`). */
  readonly aliases?: readonly string[];
  /** A real option the simulator does not run: a rule with it is said to be not simulated. */
  readonly unsimulated?: boolean;
}

/** What the rule being read has said so far that a module needs: its protocol (`-p`). */
export interface ParseEnv {
  /** The protocol number of `-p` (0 for all), undefined without `-p`. */
  readonly proto?: number;
  readonly protoInvert: boolean;
}

/**
 * An error as iptables prints it after `iptables v1.8.9 (nf_tables): ` (with the usage hint after
 * it), exit status 2. A text ending in a newline is printed with it (iptables's own blank line).
 */
export type ParseError = string;

/** Where a rule is checked for the kernel (its chain's hooks, or every hook it is reached from). */
export interface CheckEnv {
  readonly table: TableName;
  /** The rule's IP part (REJECT's tcp-reset needs `-p tcp`). */
  readonly ip: IpSpec;
  readonly hooks: ReadonlySet<Hook>;
}

/** A packet at a hook, as a module sees it. */
export interface EvalCtx {
  readonly hook: Hook;
  readonly ns: Netns;
  readonly packet: Packet;
  readonly io: HookIo;
  readonly flow: Flow;
  readonly conn?: Tracked;
  /** Says something for the trace (a statistic's draw), attached to the rule's step. */
  note(detail: Localized, data?: Record<string, unknown>): void;
}

interface ModuleBase<D> {
  readonly name: string;
  readonly options: readonly OptionDef[];
  /** Fresh data for a rule that loads the module. */
  init(): D;
  /**
   * Reads one of its options (by its canonical name), `!` before it when `invert`: an error, or
   * undefined. Mutates `d`, which is the rule's own until the rule is written. `more` takes the
   * next word as a second argument (`--tcp-flags MASK COMP`), undefined when none or it looks like an option.
   */
  parse(
    d: D,
    opt: string,
    arg: string | undefined,
    invert: boolean,
    env: ParseEnv,
    more?: () => string | undefined,
  ): ParseError | undefined;
  /** After the whole line: what is missing or does not go together (an error), or undefined. */
  final?(d: D, env: ParseEnv): ParseError | undefined;
  /** Its part of the rule's text after `-m NAME` / `-j NAME`: ` --dport 80` (leading space), or ''. */
  save(d: D): string;
  /** Its part of an `iptables -L` row (leading space), `numeric` for -n; absent: nothing. */
  print?(d: D, numeric: boolean): string;
  /** The kernel's check when the rule is written (checkentry): false is `RULE_APPEND failed (Invalid argument)`. */
  check?(d: D, env: CheckEnv): boolean;
}

export interface MatchModule<D = unknown> extends ModuleBase<D> {
  /** Whether the packet matches (the module's own `!` are in its data). */
  match(d: D, ctx: EvalCtx): boolean;
}

/** What a target does with a packet. */
export type TargetResult =
  | { readonly verdict: 'accept' | 'drop' | 'return' }
  | { readonly verdict: 'reject'; readonly with: RejectWith }
  /** The packet goes on to the next rule (LOG, MARK), possibly changed. */
  | { readonly verdict: 'continue'; readonly packet?: Packet; readonly detail?: Localized }
  /** NAT for the connection (decided on its first packet); the chain ends as for ACCEPT. */
  | { readonly verdict: 'nat'; readonly kind: 'snat' | 'dnat'; readonly to: Addr; readonly port?: number };

export interface TargetModule<D = unknown> extends ModuleBase<D> {
  /** Only in this table (nat targets, REJECT's filter), else in any. */
  readonly table?: TableName;
  /** Only at these hooks (the chains the kernel allows it in), else at any. */
  readonly hooks?: readonly Hook[];
  apply(d: D, ctx: EvalCtx): TargetResult;
}

/** A module whose data type is its own business, typed for the registries. */
export function defineMatch<D>(m: MatchModule<D>): MatchModule {
  return m as unknown as MatchModule;
}

export function defineTarget<D>(t: TargetModule<D>): TargetModule {
  return t as unknown as TargetModule;
}
