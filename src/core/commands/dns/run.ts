/** What dig, host and nslookup share: how a lookup's failed tries print, the reply taken, the server's name. */
import type { Lookup, LookupQuery, LookupRequest } from '../../dns/lookup';
import type { DnsMessage } from '../../dns/msg';

/** Does a lookup: the simulated resolver in the command, a fake in tests. */
export type Resolve = (req: LookupRequest) => Lookup;

/**
 * The lines BIND's tools print for each try that got no answer (dighost.c): a timeout, or an ICMP
 * port unreachable (`connection refused`).
 */
export function commErrors(lookup: Lookup, until = lookup.queries.length): string {
  return lookup.queries
    .slice(0, until)
    .filter((q) => q.rcode === 'TIMEOUT' || q.rcode === 'UNREACHABLE')
    .map((q) => `;; communications error to ${q.server}: ${q.rcode === 'TIMEOUT' ? 'timed out' : 'connection refused'}\n`)
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
