/**
 * `-m conntrack --ctstate LIST` and `-m state --state LIST`: the state of the packet's connection as
 * conntrack sees it at this hook (datapath/flow.ts): NEW on its first packet (and every later one
 * until a reply went back), ESTABLISHED after, RELATED for an ICMP error about it, INVALID for a
 * packet conntrack cannot follow; SNAT and DNAT when its NAT changed the addresses. The conntrack
 * match's other options (its tuples, status and direction) are in ctTuple.ts.
 */
import { defineMatch, type EvalCtx, type MatchModule } from '../module';
import { CT_TUPLE_OPTIONS, type CtTupleData, ctTupleMatches, hasCtTuple, parseCtTuple, showCtTuple } from './ctTuple';

/** The states in the order iptables prints them (their bit order). */
const STATES = ['INVALID', 'NEW', 'RELATED', 'ESTABLISHED', 'UNTRACKED', 'SNAT', 'DNAT'] as const;
export type CtStateName = (typeof STATES)[number];

export interface StateData {
  states?: CtStateName[];
  invert?: boolean;
}

export function parseStates(
  d: StateData,
  arg: string | undefined,
  invert: boolean,
  bad: string,
  only?: readonly string[],
): string | undefined {
  const set = new Set<CtStateName>();
  for (const s of (arg ?? '').split(',')) {
    const u = s.toUpperCase() as CtStateName;
    if (!STATES.includes(u) || (only && !only.includes(u))) return `${bad} "${s}"`;
    set.add(u);
  }
  d.states = STATES.filter((s) => set.has(s));
  if (invert) d.invert = true;
  return undefined;
}

/** The packet's states at this hook. */
export function packetStates(ctx: EvalCtx): Set<CtStateName> {
  const t = ctx.conn;
  // A packet conntrack could not follow (an echo reply or ICMP error with no connection) is INVALID;
  // UNTRACKED is for packets the raw table exempts (-j CT --notrack), which the simulator does not run.
  if (!t) return new Set(['INVALID']);
  const out = new Set<CtStateName>();
  if (t.related) out.add('RELATED');
  else out.add(t.conn.state === 'NEW' && t.dir === 'original' ? 'NEW' : t.conn.state === 'RELATED' ? 'RELATED' : 'ESTABLISHED');
  for (const n of t.conn.nat) out.add(n.kind === 'snat' ? 'SNAT' : 'DNAT');
  return out;
}

export function statesMatch(d: StateData, ctx: EvalCtx): boolean {
  const have = packetStates(ctx);
  const hit = (d.states ?? []).some((s) => have.has(s));
  return hit !== !!d.invert;
}

type ConntrackData = StateData & CtTupleData;

export const conntrackMatch: MatchModule = defineMatch<ConntrackData>({
  name: 'conntrack',
  options: [{ name: 'ctstate', arg: true }, ...CT_TUPLE_OPTIONS],
  init: () => ({}),
  parse: (d, opt, arg, invert) => {
    if (opt === 'ctstate') return parseStates(d, arg, invert, 'Bad ctstate');
    const e = parseCtTuple(d, opt, arg ?? '', invert);
    return e === 'not-mine' ? `unknown option "--${opt}"` : e;
  },
  final: (d) => (d.states || hasCtTuple(d) ? undefined : 'conntrack: At least one option is required'),
  save: (d) => (d.states ? `${d.invert ? ' !' : ''} --ctstate ${d.states.join(',')}` : '') + showCtTuple(d, '--'),
  print: (d) => (d.states ? `${d.invert ? ' !' : ''} ctstate ${d.states.join(',')}` : '') + showCtTuple(d, ''),
  // conntrack_mt: without a connection only a rule that asks for states alone can match.
  match: (d, ctx) => {
    if (d.states && !statesMatch(d, ctx)) return false;
    if (!hasCtTuple(d)) return true;
    return ctx.conn ? ctTupleMatches(d, { ...ctx, conn: ctx.conn }) : false;
  },
});
