/**
 * The client side's contract: what a lookup asked, where, and what came back, step by step.
 * `dns/resolver/` fills it in (glibc's getaddrinfo/gethostbyname with nsswitch.conf, /etc/hosts
 * and resolv.conf; dig's, nslookup's and host's own queries); the tools (`commands/dns/`), the
 * `knetlab resolve` command, the `resolve` check kind and the trace panel read it.
 *
 * `knetlab resolve --format json` prints `{ answers, rcode, queries, steps }` from it (issue 13 §3).
 */
import type { Diagnostic } from '../text/diag';
import type { Localized } from '../text/i18n';
import type { Endpoint } from '../net/endpoint';
import type { SourceRef } from '../sim/model';
import type { Leg } from '../datapath/trace';
import type { DnsMessage, Rcode } from './msg';

/** An answer as `knetlab resolve` prints it: `data` in presentation form (`10.0.0.5`, `web.example.com.`). */
export interface LookupAnswer {
  readonly name: string;
  readonly type: string;
  readonly ttl: number;
  readonly data: string;
  /** Where it came from: a hosts file line, a zone file record, a `hosts` plugin entry. */
  readonly source?: SourceRef;
}

/** One DNS query the client sent, and how it ended. */
export interface LookupQuery {
  readonly name: string;
  readonly type: string;
  /** `10.96.0.10#53`, as dig names a server. */
  readonly server: string;
  /** The answer's rcode, or how it failed: no answer in time, or ICMP port/host unreachable. */
  readonly rcode: Rcode | 'TIMEOUT' | 'UNREACHABLE';
  /** The reply, when one came. */
  readonly reply?: DnsMessage;
  /** The indexes in `Lookup.legs` of this query's legs (the query, its answer, a server's upstream legs). */
  readonly legs: readonly number[];
}

export type LookupStepKind =
  | 'nsswitch' // a source of the hosts: line tried, its status and the action taken
  | 'hosts' // /etc/hosts read: the line that matched, or none
  | 'search' // a candidate name from the search list (ndots, the domain appended)
  | 'query' // a query sent to a server (its legs in `legs`)
  | 'server' // what the server did (a server block chosen, each plugin's decision)
  | 'timeout' // no answer in time: the wait and the retry
  | 'answer' // the result taken
  | 'note'; // anything else worth saying (a plugin only parsed, not simulated)

export interface LookupStep {
  readonly kind: LookupStepKind;
  readonly detail: Localized;
  readonly source?: SourceRef;
  /** The plugin, for a `server` step. */
  readonly plugin?: string;
  /** The index of the query in `Lookup.queries`, for steps about one query. */
  readonly query?: number;
  readonly data?: Readonly<Record<string, unknown>>;
}

/** Which program looks the name up, and so which rules apply. */
export type LookupTool =
  | 'getent-hosts' // getent hosts NAME: gethostbyname2 (AF_INET6 first unless told?), see the resolver
  | 'getent-ahosts' // getent ahosts NAME: getaddrinfo, A and AAAA
  | 'getaddrinfo' // what ping, curl and the trace use: getaddrinfo(AF_UNSPEC)
  | 'dig' // its own queries: no search list unless +search, no /etc/hosts
  | 'nslookup'
  | 'host';

export interface LookupRequest {
  readonly from: Endpoint;
  readonly name: string;
  /** Record type for dig/host/nslookup (A by default); getent and getaddrinfo ask A and AAAA as glibc does. */
  readonly type?: string;
  readonly tool: LookupTool;
  /** A server given on the command line (`dig @10.0.0.53`, `nslookup NAME SERVER`) instead of resolv.conf's. */
  readonly server?: string;
  /** dig's `+search`, `+tries=N`, `+time=N`, `+recurse`...: the options the tool was given, as the resolver reads them. */
  readonly options?: Readonly<Record<string, string | number | boolean>>;
}

/**
 * How a glibc lookup ended (NSS status of the last source tried, and getaddrinfo's error, if any):
 * `success`, `notfound` (NXDOMAIN or no such name in the files: "Name or service not known"),
 * `nodata` (the name exists without such records), `tryagain` (no server answered:
 * "Temporary failure in name resolution"), `unavail`.
 */
export type LookupStatus = 'success' | 'notfound' | 'nodata' | 'tryagain' | 'unavail';

export interface Lookup {
  readonly request: LookupRequest;
  readonly status: LookupStatus;
  /** The rcode of the answer taken (the last DNS answer), absent when no DNS answer came (files only, or timeouts). */
  readonly rcode?: Rcode;
  /** The addresses or records found, in the order the tool prints them. */
  readonly answers: readonly LookupAnswer[];
  /** The canonical name when a CNAME chain was followed. */
  readonly canonical?: string;
  /** Which nsswitch source answered: `files`, `dns`, ... */
  readonly answeredBy?: string;
  readonly queries: readonly LookupQuery[];
  readonly steps: readonly LookupStep[];
  /** Every leg the lookup walked (kind `query` and `answer`, a server's upstream legs with `parent`). */
  readonly legs: readonly Leg[];
  /** Simulated time the lookup took, in milliseconds (timeouts count). */
  readonly elapsedMs: number;
  /** What the simulator does not model that this answer could depend on. */
  readonly warnings?: readonly Diagnostic[];
}
