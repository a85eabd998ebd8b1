/** What dig, host and nslookup share: how a lookup's failed tries print, the reply taken, the server's name. */
import type { Lookup, LookupQuery, LookupRequest } from '../../dns/lookup';
import type { DnsMessage } from '../../dns/msg';

/** Does a lookup: the simulated resolver in the command, a fake in tests. */
export type Resolve = (req: LookupRequest) => Lookup;

/** One try of a query, as the tools count them: what it was asked of, and how it ended. */
export interface Try {
  readonly name: string;
  readonly server: string;
  readonly failed?: 'timed out' | 'connection refused';
}

/**
 * Every try of a lookup's queries, in order. A query the resolver sent several times (its `tries`)
 * has one `query` leg per try: all but an answered last one failed as the query ended.
 */
export function triesOf(lookup: Lookup): Try[] {
  return lookup.queries.flatMap((q) => {
    const sent = Math.max(1, q.legs.filter((i) => lookup.legs[i]?.kind === 'query').length);
    const failed = q.rcode === 'UNREACHABLE' ? 'connection refused' : 'timed out';
    const lost = Array.from({ length: q.reply ? sent - 1 : sent }, () => ({ name: q.name, server: q.server, failed }) as const);
    return q.reply ? [...lost, { name: q.name, server: q.server }] : lost;
  });
}

/** The lines BIND's tools print for each try that got no answer (dighost.c): a timeout, or an ICMP port unreachable. */
export function commErrors(lookup: Lookup): string {
  return triesOf(lookup)
    .filter((t) => t.failed)
    .map((t) => `;; communications error to ${t.server}: ${t.failed}\n`)
    .join('');
}

/**
 * The last query that was answered, with its reply and its server. Its time is 0 ms: the simulated
 * network has no delay of its own (the waits of timeouts are in `Lookup.elapsedMs`, not in the answer's time).
 */
export function replied(lookup: Lookup): { query: LookupQuery; reply: DnsMessage; server: string; ms: number } | undefined {
  const query = [...lookup.queries].reverse().find((q) => q.reply !== undefined);
  return query ? { query, reply: query.reply!, server: query.server, ms: 0 } : undefined;
}

/** How the tools name the server in `SERVER: ADDR#PORT(NAME)`: as typed with `@`, else its address. */
export function userArg(typed: string | undefined, server: string): string {
  return typed ?? server.slice(0, server.lastIndexOf('#'));
}
