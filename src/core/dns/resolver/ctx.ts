/**
 * One lookup's record while it runs: its steps, the queries sent with their legs, the simulated
 * time, the warnings, and its budget (a lookup sends at most MAX_QUERIES queries, then ends).
 */
import { addOnce, type Diagnostic } from '../../text/diag';
import type { Localized } from '../../text/i18n';
import type { SourceRef, World } from '../../sim/model';
import type { Leg } from '../../datapath/trace';
import { type DnsSession, newSession } from '../msg';
import type { LookupQuery, LookupRequest, LookupStep, LookupStepKind } from '../lookup';
import { concatLegs } from '../transport/exchange';

/** The most queries one lookup sends (every name of the search list, every try, every server). */
export const MAX_QUERIES = 64;

export class LookupCtx {
  readonly steps: LookupStep[] = [];
  readonly queries: LookupQuery[] = [];
  legs: Leg[] = [];
  readonly warnings: Diagnostic[] = [];
  elapsedMs = 0;
  readonly session: DnsSession;
  /** Set when glibc switched itself to single-request(-reopen) after a lost answer: it stays so for the lookup. */
  singleRequest?: 'single' | 'reopen';
  /** Set when the budget ran out: no more queries are sent. */
  exhausted = false;
  private nextId = 0x1000;

  constructor(
    readonly world: World,
    readonly req: LookupRequest,
    session?: DnsSession,
  ) {
    this.session = session ?? newSession();
  }

  step(
    kind: LookupStepKind,
    detail: Localized,
    extra: { source?: SourceRef; query?: number; plugin?: string; data?: Record<string, unknown> } = {},
  ): void {
    const s: { -readonly [K in keyof LookupStep]: LookupStep[K] } = { kind, detail };
    if (extra.source) s.source = extra.source;
    if (extra.plugin) s.plugin = extra.plugin;
    if (extra.query !== undefined) s.query = extra.query;
    if (extra.data) s.data = extra.data;
    this.steps.push(s);
  }

  /** Adds an exchange's legs; their indexes in `legs`. */
  addLegs(more: readonly Leg[]): number[] {
    const at = this.legs.length;
    this.legs = concatLegs(this.legs, more);
    return more.map((_, i) => at + i);
  }

  warn(ds: readonly Diagnostic[]): void {
    for (const d of ds) addOnce(this.warnings, d);
  }

  /** A query id of this lookup (glibc's are random; these are counted, so a trace is the same every time). */
  id(): number {
    return this.nextId++;
  }

  /** Whether another query may be sent. */
  canSend(): boolean {
    if (this.queries.length < MAX_QUERIES) return true;
    this.exhausted = true;
    return false;
  }
}
