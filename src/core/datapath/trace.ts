/**
 * A packet's trace is data: the steps it went through, in order, each with the packet's headers as
 * they were at that point. Modelled on Batfish (hops of steps, a final disposition) and on Packet
 * Tracer's simulation mode (an event list with the packet at each layer).
 */
import type { Diagnostic } from '../text/diag';
import type { Localized } from '../text/i18n';
import type { SourceRef } from '../sim/model';

export type Stage =
  | 'send' // a socket hands the packet to the stack
  | 'route' // a routing decision (the route that matched, its table)
  | 'netfilter' // a netfilter hook: PREROUTING, INPUT, FORWARD, OUTPUT, POSTROUTING
  | 'neigh' // neighbour (ARP) resolution
  | 'xmit' // a frame leaves an interface
  | 'wire' // a frame crosses a switch or a veth pair
  | 'bridge' // a Linux bridge forwards, floods or delivers a frame
  | 'recv' // a frame arrives at an interface
  | 'forward' // the IP layer forwards the packet (TTL decrement)
  | 'deliver' // the packet reaches a socket, or the stack answers it
  | 'icmp' // the stack generates an ICMP error
  | 'drop' // the packet dies here, with a reason
  | 'resolve'; // a name lookup's own work, no packet: an nsswitch source, an /etc/hosts line, a search-list name, a query sent

export type Hook = 'PREROUTING' | 'INPUT' | 'FORWARD' | 'OUTPUT' | 'POSTROUTING';

export interface EthHeader {
  readonly src: string;
  readonly dst: string;
}

export interface PacketHeaders {
  readonly eth?: EthHeader;
  readonly ip: {
    readonly src: string;
    readonly dst: string;
    readonly ttl: number;
    readonly proto: 'icmp' | 'tcp' | 'udp';
  };
  readonly icmp?: { readonly type: string; readonly code?: string };
  readonly tcp?: { readonly sport: number; readonly dport: number; readonly flags: string };
  readonly udp?: { readonly sport: number; readonly dport: number };
  readonly arp?: { readonly op: 'request' | 'reply'; readonly sender: string; readonly target: string };
  /** skb->mark, when netfilter set one. */
  readonly mark?: number;
  /** What the application carries (a DNS question, an HTTP request), in one line. */
  readonly payload?: { readonly app: string; readonly summary: string };
}

export interface Step {
  readonly host: string;
  /** '' for the host's own (root) namespace. */
  readonly netns: string;
  readonly iface?: string;
  readonly stage: Stage;
  readonly hook?: Hook;
  /** The packet's headers here; absent for a step no packet takes (stage `resolve`). */
  readonly packet?: PacketHeaders;
  readonly detail: Localized;
  /** Structured facts behind the detail (the matched route, the FDB entry, ...). */
  readonly data?: Readonly<Record<string, unknown>>;
  /** The lab line that caused this step's outcome, where known. */
  readonly source?: SourceRef;
}

export type Verdict =
  | 'replied' // ping got its echo reply, TCP its SYN-ACK, UDP reached a listening socket
  | 'refused' // TCP RST, or ICMP port unreachable
  | 'no-route' // no route (at the sender: ENETUNREACH; from a router: net unreachable)
  | 'host-unreachable' // a neighbour never answered ARP
  | 'ttl-exceeded' // time to live exceeded in transit (a routing loop)
  | 'blackhole' // a blackhole route dropped it
  | 'prohibited' // a prohibit route
  | 'unreachable-route' // an unreachable route
  | 'dropped' // silently dropped (ip_forward 0, a down link, not addressed to the host...)
  | 'budget-exceeded' // the walk gave up
  | 'unresolved'; // a trace to a name that did not resolve: nothing was sent (dns/traceName.ts)

/**
 * What a leg of a trace is. A plain ping or connection has a `request` and its `reply`; a name
 * lookup adds its own steps (`lookup`: the nsswitch sources, /etc/hosts, the search list; no
 * packet) and each `query` with its `answer` before the connection; a proxy (an Ingress controller)
 * opens a second connection whose legs are `request` and `reply` too, with `parent` set.
 */
export type LegKind = 'request' | 'reply' | 'query' | 'answer' | 'lookup';

export interface Leg {
  readonly steps: Step[];
  /** Absent in legs written before legs had kinds: read it as `request` for the first, `reply` after. */
  readonly kind?: LegKind;
  /** What this leg carries, in a few words (`DNS query for web.default.svc`, `proxied to 10.244.1.5:80`). */
  readonly label?: Localized;
  /** The index (in `legs`) of the leg this one answers: a reply's request, an answer's query. */
  readonly answers?: number;
  /** The index (in `legs`) of the leg whose arrival opened this one (a proxy's client connection). */
  readonly parent?: number;
}

export interface TraceResult {
  readonly replied: boolean;
  readonly verdict: Verdict;
  readonly reason: Localized;
  /** Where the decisive step happened and which lab line caused it, where known. */
  readonly source?: SourceRef;
  /** The first leg from the origin (the connection the user asked for). */
  readonly request: Leg;
  /** The answer that came back (or did not) to the origin; steps are empty when nothing was sent back. */
  readonly reply: Leg;
  /**
   * Every leg in the order the walk took them (a lookup's query and answer, the request, a proxied
   * connection's request and reply, the reply). `request` and `reply` are among them, the same objects.
   * The request is always the first; any other leg with no steps is left out.
   */
  readonly legs: readonly Leg[];
  /**
   * The lab lines the simulator does not model that this answer could depend on (honesty.ts):
   * when there are any, the answer may be wrong. Absent when there are none.
   */
  readonly warnings?: readonly Diagnostic[];
  /** What the answer that reached the origin carried (a DNS response: `app` 'dns', the message in `data.msg`). */
  readonly answer?: { readonly app: string; readonly summary: string; readonly data?: Readonly<Record<string, unknown>> };
}
