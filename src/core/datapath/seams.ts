/**
 * The two places where the walk asks someone else, as the kernel does:
 *
 * - **Netfilter.** At each hook (PREROUTING, INPUT, FORWARD, OUTPUT, POSTROUTING) the walk asks the
 *   namespace's netfilter, if it has one, what to do with the packet: accept it, drop it, reject it
 *   (with an ICMP error or a TCP reset) or rewrite it, after which the walk looks the route up again
 *   where the kernel does (after OUTPUT; after PREROUTING the lookup comes next anyway). Rules are
 *   state of the namespace: whoever writes them (the iptables command) keeps a `Netfilter` there under
 *   NETFILTER, and the walk always consults it. Per-walk state (conntrack, NAT bindings) is the Flow.
 * - **Apps.** When a packet reaches a socket, the program behind it decides: accept (the kernel's own
 *   answer: SYN-ACK, a datagram taken), reply with a payload, refuse, or proxy (open a new
 *   connection from this namespace, and answer when that one is done). A socket's owner that is an
 *   App is asked; a bare socket accepts.
 */
import type { Addr } from '../net/addr';
import type { Localized } from '../text/i18n';
import { PernetKey } from '../sim/pernet';
import type { Link, Netns, Socket, SocketOwner, SourceRef } from '../sim/model';
import type { Flow, Tracked } from './flow';
import type { IcmpKind, Packet, Payload, Proto } from './packet';
import type { Hook, Verdict } from './trace';

// ---------------------------------------------------------------------------------------------
// Netfilter

export interface HookIo {
  readonly in?: Link;
  readonly out?: Link;
  /** For a bridged packet at FORWARD (br_netfilter): the bridge ports it came in by and goes out of (`-m physdev`). */
  readonly physIn?: Link;
  readonly physOut?: Link;
}

/** One thing netfilter did at a hook, for the trace (a rule that matched, a table's policy). */
export interface NetfilterNote {
  readonly detail: Localized;
  readonly source?: SourceRef;
  readonly data?: Readonly<Record<string, unknown>>;
}

interface DecisionBase {
  /** What was consulted and what matched, in order; each becomes a trace step. */
  readonly notes?: readonly NetfilterNote[];
}

export type RejectWith =
  | 'tcp-reset'
  | Extract<
      IcmpKind,
      | 'port-unreachable'
      | 'host-unreachable'
      | 'net-unreachable'
      | 'pkt-filtered'
      | 'admin-prohibited'
      | 'proto-unreachable'
      | 'net-prohibited'
      | 'host-prohibited'
    >;

export type HookDecision =
  | (DecisionBase & { readonly verdict: 'accept' })
  | (DecisionBase & { readonly verdict: 'drop'; readonly detail: Localized; readonly source?: SourceRef })
  | (DecisionBase & { readonly verdict: 'reject'; readonly with: RejectWith; readonly detail: Localized; readonly source?: SourceRef })
  | (DecisionBase & { readonly verdict: 'rewrite'; readonly packet: Packet; readonly detail: Localized; readonly source?: SourceRef });

export interface HookContext {
  readonly hook: Hook;
  readonly ns: Netns;
  readonly packet: Packet;
  readonly io: HookIo;
  readonly flow: Flow;
  /** The packet's connection in this namespace, as conntrack sees it before the hook's tables. */
  readonly conn?: Tracked;
  /**
   * At PREROUTING and OUTPUT, a later packet of a NATed connection is given already translated
   * (`packet`); this is how it reached the hook, as the tables before nat (raw -300, mangle -150) see it.
   */
  readonly untranslated?: Packet;
}

export interface Netfilter {
  run(ctx: HookContext): HookDecision;
}

/** Where a namespace keeps its netfilter (see sim/pernet.ts). */
export const NETFILTER = new PernetKey<Netfilter>('netfilter');

// ---------------------------------------------------------------------------------------------
// Apps

export interface AppContext {
  readonly ns: Netns;
  readonly socket: Socket;
  /** The packet as it reached the socket (after any NAT). */
  readonly packet: Packet;
  readonly flow: Flow;
}

/** A connection a proxy opens from its own namespace. */
export interface Upstream {
  readonly to: Addr;
  readonly proto: Proto;
  readonly port?: number;
  readonly payload?: Payload;
  /** What this connection is, for the leg's heading. */
  readonly label?: Localized;
}

/** How an upstream connection ended, for the proxy to answer its client. */
export interface UpstreamResult {
  readonly replied: boolean;
  readonly verdict: Verdict;
  readonly reason: Localized;
  /** The payload of the answer, if one came back. */
  readonly payload?: Payload;
}

/**
 * What a program did on the way to its decision (a DNS server's plugins), for the trace: each note
 * becomes a 'deliver' step at the program's socket, in order, before what the decision does.
 */
export interface AppNote extends NetfilterNote {
  /**
   * Set when the note is about something the simulator reads but does not model (a CoreDNS plugin
   * only parsed): the walk makes it a `trace-not-simulated` warning at the note's source, so the
   * answer says it may differ from the real program's.
   */
  readonly notSimulated?: string;
}

interface AppDecisionBase {
  readonly notes?: readonly AppNote[];
}

export type AppDecision =
  /** The kernel's own answer: SYN-ACK for TCP; a UDP datagram is taken and not answered. */
  | (AppDecisionBase & { readonly kind: 'accept'; readonly detail?: Localized })
  /** An answer back to the sender, carrying `payload`. */
  | (AppDecisionBase & { readonly kind: 'reply'; readonly payload?: Payload; readonly detail: Localized })
  /** The program closes the connection (TCP RST) or ignores the datagram. */
  | (AppDecisionBase & { readonly kind: 'refuse'; readonly detail: Localized })
  /**
   * Open `upstream` from this namespace, then answer the client as `then` says: a final decision,
   * or another proxy (a DNS forwarder trying its next upstream after a timeout), walked in turn,
   * each upstream connection with legs of its own.
   */
  | (AppDecisionBase & {
      readonly kind: 'proxy';
      readonly upstream: Upstream;
      readonly detail: Localized;
      readonly then: (result: UpstreamResult) => AppDecision;
    });

export interface App extends SocketOwner {
  receive(ctx: AppContext): AppDecision;
}

/** The socket's owner as an App, if it is one. */
export function appOf(socket: Socket): App | undefined {
  const o = socket.owner as Partial<App> | undefined;
  return o && typeof o.receive === 'function' ? (o as App) : undefined;
}
