/**
 * `-m conntrack --ctstate LIST` and `-m state --state LIST`: the state of the packet's connection as
 * conntrack sees it at this hook (datapath/flow.ts): NEW on its first packet (and every later one
 * until a reply went back), ESTABLISHED after, RELATED for an ICMP error about it, INVALID for a
 * packet conntrack cannot follow; SNAT and DNAT when its NAT changed the addresses.
 */
import { defineMatch, type EvalCtx, type MatchModule } from '../module';

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

export const conntrackMatch: MatchModule = defineMatch<StateData>({
  name: 'conntrack',
  options: [{ name: 'ctstate', arg: true }],
  init: () => ({}),
  parse: (d, _opt, arg, invert) => parseStates(d, arg, invert, 'Bad ctstate'),
  final: (d) => (d.states ? undefined : 'conntrack: At least one option is required'),
  save: (d) => (d.states ? `${d.invert ? ' !' : ''} --ctstate ${d.states.join(',')}` : ''),
  print: (d) => `${d.invert ? ' !' : ''} ctstate ${(d.states ?? []).join(',')}`,
  match: statesMatch,
});
