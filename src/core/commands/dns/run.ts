/** What dig, host and nslookup share: how a lookup's failed tries print, the reply taken, the server's name. */
import type { Lookup, LookupQuery, LookupRequest } from '../../dns/lookup';
import type { DnsMessage } from '../../dns/msg';
import { serverWait } from '../../dns/transport/exchange';
import type { Leg } from '../../datapath/trace';
import type { CommandResult } from '../types';
import { isAddress } from './names';
import { bare } from './present';

/** Does a lookup: the simulated resolver in the command, a fake in tests. */
export type Resolve = (req: LookupRequest) => Lookup;

/** One try of a query, as the tools count them: what it was asked of, and how it ended. */
export interface Try {
  readonly name: string;
  readonly server: string;
  readonly failed?: 'timed out' | 'connection refused' | 'network unreachable';
}

/**
 * Every try of a lookup's queries, in order. A query the resolver sent several times (its `tries`)
 * has one `query` leg of its own per try (a server's upstream queries hang from one by `parent`):
 * all but an answered last one failed as the query ended.
 */
export function triesOf(lookup: Lookup): Try[] {
  return lookup.queries.flatMap((q) => {
    // the client's own query legs: a server's upstream queries (a forward) have a parent
    const legs = q.legs.map((i) => lookup.legs[i]).filter((l) => l?.kind === 'query' && l.parent === undefined);
    const sent = Math.max(1, legs.length);
    const failed = q.rcode !== 'UNREACHABLE' ? 'timed out' : legs.some(noRoute) ? 'network unreachable' : 'connection refused';
    const lost = Array.from({ length: q.reply ? sent - 1 : sent }, () => ({ name: q.name, server: q.server, failed }) as const);
    return q.reply ? [...lost, { name: q.name, server: q.server }] : lost;
  });
}

/**
 * A query that never left its host for want of a route (connect: ENETUNREACH): the walk's route
 * lookup, then the drop, and nothing on any wire.
 */
function noRoute(leg: Leg | undefined): boolean {
  const steps = leg?.steps ?? [];
  const last = steps[steps.length - 1];
  return (
    last?.stage === 'drop' && steps[steps.length - 2]?.stage === 'route' && !steps.some((s) => s.stage === 'xmit' || s.host !== last.host)
  );
}

/**
 * The lines BIND's tools print for each try that got no answer (dighost.c): a timeout or an ICMP
 * port unreachable as `communications error`; a socket that could not even be set up (no route; a
 * refused TCP connection) says so with `no servers could be reached` each time (`final`: the last
 * try did, and nothing more is printed).
 */
export function failedTries(lookup: Lookup, typed: string | undefined, tcp: boolean): { text: string; final: boolean } {
  let text = '';
  let final = false;
  for (const t of triesOf(lookup)) {
    if (!t.failed) continue;
    final = t.failed === 'network unreachable' || (tcp && t.failed === 'connection refused');
    if (final) {
      const what = tcp ? 'Connection to' : 'UDP setup with';
      text += `;; ${what} ${t.server}(${userArg(typed, t.server)}) for ${bare(t.name)} failed: ${t.failed}.\n;; no servers could be reached\n`;
    } else text += `;; communications error to ${t.server}: ${t.failed}\n`;
  }
  return { text, final };
}

/**
 * The last query that was answered, with its reply and its server. Its time is 0 ms: the simulated
 * network has no delay of its own (the waits of timeouts are in `Lookup.elapsedMs`, not in the answer's time).
 */
export function replied(lookup: Lookup): { query: LookupQuery; reply: DnsMessage; server: string; ms: number } | undefined {
  const query = [...lookup.queries].reverse().find((q) => q.reply !== undefined);
  if (!query) return undefined;
  // the network has no delay: the time is what the server said it waited (forward's 2 s read timeout
  // for each silent upstream: the real dig's `Query time: 2004 msec`, test/oracle/dns/COREDNS.md)
  const ms = serverWait(query.legs.flatMap((i) => lookup.legs[i] ?? []));
  return { query, reply: query.reply!, server: query.server, ms };
}

/** How the tools name the server in `SERVER: ADDR#PORT(NAME)`: as typed with `@`, else its address. */
export function userArg(typed: string | undefined, server: string): string {
  return typed ?? server.slice(0, server.lastIndexOf('#'));
}

/**
 * The addresses of a server named on the command line (dighost.c get_addresses: getaddrinfo, so
 * /etc/hosts and DNS as nsswitch.conf says): an address is itself; a name that does not resolve is
 * `TOOL: couldn't get address for 'NAME': not found` (or `failure` when no server answered), exit 1.
 */
export function serverAddresses(tool: string, typed: string, from: LookupRequest['from'], resolve: Resolve): string[] | CommandResult {
  if (isAddress(typed)) return [typed];
  const lookup = resolve({ from, name: typed, tool: 'getaddrinfo' });
  const addrs = lookup.status === 'success' ? lookup.answers.filter((a) => a.type === 'A' || a.type === 'AAAA').map((a) => a.data) : [];
  if (addrs.length) return addrs;
  const why = lookup.status === 'notfound' || lookup.status === 'nodata' ? 'not found' : 'failure';
  return { stdout: '', stderr: `${tool}: couldn't get address for '${typed}': ${why}\n`, status: 1 };
}
