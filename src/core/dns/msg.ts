/**
 * A DNS message as the simulator carries it: the payload of a UDP (or TCP) packet to or from port
 * 53 (`Payload.app === 'dns'`, the message in `Payload.data.msg`). Fields follow RFC 1035 §4.1 and
 * miekg/dns's `Msg`, which CoreDNS uses; names are absolute (with the final dot), kept in the case
 * they were asked in (a server answers in the question's case, as CoreDNS does).
 *
 * This file is the contract between the two sides of a lookup: the resolvers that ask (glibc,
 * dig, nslookup, host: `dns/resolver/`) and the servers that answer (CoreDNS: `dns/server/`), with
 * the transport between them (`dns/transport/`: a query is a packet walked through the simulated
 * network, a server is an App on its socket).
 */
import type { Localized } from '../text/i18n';
import type { SourceRef } from '../sim/model';
import type { RData } from './zone/types';

/** The response codes knetlab's servers give (RFC 1035 §4.1.1, RFC 6895). */
export type Rcode = 'NOERROR' | 'FORMERR' | 'SERVFAIL' | 'NXDOMAIN' | 'NOTIMP' | 'REFUSED';

export interface Question {
  /** Absolute, as asked (`Web.Example.com.`). */
  readonly name: string;
  /** A, AAAA, PTR, ... or TYPEnn. */
  readonly type: string;
  /** IN (CH for CoreDNS's `chaos`/`whoami` style queries). */
  readonly cls: string;
}

/** A resource record of a message. */
export interface RR {
  readonly name: string;
  readonly ttl: number;
  readonly cls: string;
  readonly type: string;
  readonly data: RData;
  /** The lab line (a hosts file line, a zone file record, a `hosts` plugin entry) it comes from, where known. */
  readonly source?: SourceRef;
}

export interface DnsMessage {
  readonly id: number;
  /** QR: false in a query, true in a response. */
  readonly response: boolean;
  readonly opcode: 'QUERY';
  /** AA, TC, RD, RA, AD, CD. */
  readonly aa: boolean;
  readonly tc: boolean;
  readonly rd: boolean;
  readonly ra: boolean;
  readonly ad: boolean;
  readonly cd: boolean;
  readonly rcode: Rcode;
  readonly question: readonly Question[];
  readonly answer: readonly RR[];
  readonly authority: readonly RR[];
  readonly additional: readonly RR[];
  /** The EDNS0 OPT pseudo-record (RFC 6891), when the message has one (dig sends it; glibc does not unless `options edns0`). */
  readonly edns?: {
    readonly udpSize: number;
    readonly do: boolean;
    /**
     * The COOKIE option (RFC 7873), in hex: dig sends a client cookie of 8 bytes; CoreDNS copies the
     * option into its reply (request.SizeAndDo keeps COOKIE), which dig prints as `(echoed)`.
     */
    readonly cookie?: string;
  };
}

/** How a query is made: its id, flags and EDNS0 record. */
export interface QueryOptions {
  readonly id: number;
  /** RD: recursion desired (glibc, dig and host set it; dig +norecurse clears it). */
  readonly rd?: boolean;
  /** An EDNS0 OPT record (dig sends one, glibc only with `options edns0`). */
  readonly edns?: DnsMessage['edns'];
  readonly ad?: boolean;
  /** IN unless told (CH for `version.bind`). */
  readonly cls?: string;
}

/** A query for `name` (made absolute) and `type`, as a resolver puts it on the wire. */
export function makeQuery(name: string, type: string, opts: QueryOptions): DnsMessage {
  const abs = name.endsWith('.') ? name : `${name}.`;
  return {
    id: opts.id,
    response: false,
    opcode: 'QUERY',
    aa: false,
    tc: false,
    rd: opts.rd ?? true,
    ra: false,
    ad: opts.ad ?? false,
    cd: false,
    rcode: 'NOERROR',
    question: [{ name: abs, type, cls: opts.cls ?? 'IN' }],
    answer: [],
    authority: [],
    additional: [],
    ...(opts.edns ? { edns: opts.edns } : {}),
  };
}

/** The `Payload.app` of a DNS message. */
export const DNS_APP = 'dns';

/** The port DNS servers listen on. */
export const DNS_PORT = 53;

// ---------------------------------------------------------------------------------------------
// The server side: what a DNS server program (CoreDNS) does with a query that reached its socket.

/** One thing a server did with a query, for the trace: a server block chosen, a plugin's decision. */
export interface ServerStep {
  /** The plugin that decided (`hosts`, `forward`, `cache`), absent for the server's own steps. */
  readonly plugin?: string;
  readonly detail: Localized;
  /** The Corefile line (or hosts/zone file line) behind the decision. */
  readonly source?: SourceRef;
  /**
   * `waitedMs` (a number): time the server spent on this step (an upstream that never answered); the
   * transport adds it to the lookup's time. `notSimulated` (a string, what is not): the step is about
   * something only parsed, and the answer carries a warning at its source.
   */
  readonly data?: Readonly<Record<string, unknown>>;
}

/** A query as it reached a server's socket. */
export interface ServerQuery {
  readonly msg: DnsMessage;
  readonly proto: 'udp' | 'tcp';
  /** The client's address and port, and the address and port the query was sent to. */
  readonly client: { readonly addr: string; readonly port: number };
  readonly local: { readonly addr: string; readonly port: number };
}

/** How an upstream query (a `forward` plugin's) ended. */
export type UpstreamAnswer =
  | { readonly ok: true; readonly msg: DnsMessage }
  | { readonly ok: false; readonly why: 'timeout' | 'refused' | 'unreachable'; readonly reason: Localized };

export type ServerOutcome =
  /** Answer the client with `msg`. */
  | { readonly kind: 'reply'; readonly msg: DnsMessage; readonly steps: readonly ServerStep[] }
  /** Send nothing back (a server that drops the query). */
  | { readonly kind: 'drop'; readonly steps: readonly ServerStep[]; readonly reason: Localized }
  /** Ask an upstream server from this host, then go on with its answer (which may forward again, to the next upstream). */
  | {
      readonly kind: 'forward';
      readonly to: { readonly addr: string; readonly port: number; readonly proto: 'udp' | 'tcp' };
      readonly msg: DnsMessage;
      readonly steps: readonly ServerStep[];
      readonly then: (answer: UpstreamAnswer) => ServerOutcome;
    };

/**
 * State that lives as long as one lookup (a `knetlab resolve`, one `dig`): a server's cache, a
 * `forward` policy's round-robin position, `options rotate`. The simulator has no clock between
 * commands: a new lookup starts with empty caches, and the trace says so.
 */
export interface DnsSession {
  readonly state: Map<string, unknown>;
}

export function newSession(): DnsSession {
  return { state: new Map() };
}

/** A DNS server program: what it answers, step by step. Pure: it never walks packets itself. */
export interface DnsServer {
  /** The program's name, as the trace shows it (`coredns`). */
  readonly name: string;
  handle(q: ServerQuery, session: DnsSession): ServerOutcome;
}
