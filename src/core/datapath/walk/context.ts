/**
 * The state of one walk and the ways to record it: the legs and their steps, the connection being
 * walked (a proxy opens another inside it), the step budget, the ending. The stages of the walk
 * (send, output, neighbour, layer 2, input, local delivery, ICMP) are modules of their own that
 * take this context; they call each other through `stages`, wired once in ../walk.ts, so that no
 * stage module imports another.
 */
import type { Addr } from '../../net/addr';
import { type Localized, loc } from '../../text/i18n';
import { addOnce, type Diagnostic } from '../../text/diag';
import type { Link, Netns, SourceRef, World } from '../../sim/model';
import { Flow } from '../flow';
import { type Frame, headers, type Packet } from '../packet';
import type { Hook, Leg, LegKind, PacketHeaders, Stage, Step, Verdict } from '../trace';

/** The walk's stages, as the other stages reach them. */
export interface Stages {
  /** A packet made by a namespace's own stack: output route, OUTPUT, POSTROUTING, out. */
  sendLocal(w: Walk, ns: Netns, p: Packet, first: boolean, oif?: Link): void;
  /** ip_finish_output: the next hop's MAC, then the wire. */
  output(w: Walk, ns: Netns, dev: Link, nexthop: Addr, p: Packet, local: boolean): void;
  /** ip_rcv onwards: PREROUTING, the input route, local delivery or forwarding. */
  ipInput(w: Walk, ns: Netns, inDev: Link, p: Packet): void;
  /** The packet reached this namespace's own stack (after INPUT). */
  deliver(w: Walk, ns: Netns, inDev: Link, p: Packet): void;
  /** icmp_send: an ICMP error back to the packet's source. */
  icmpError(w: Walk, ns: Netns, p: Packet, kind: Packet['icmp'] & string, cause: Verdict, source?: SourceRef): void;
  /** A netfilter hook: the packet to go on with, or undefined when it went no further. */
  hook(w: Walk, hook: Hook, ns: Netns, p: Packet, io: { in?: Link; out?: Link }): Packet | undefined;
  /** Every interface where a frame sent out of `dev` arrives at layer 3, each with its way. */
  l2Send(w: Walk, dev: Link, frame: Frame): Arrival[];
}

export interface Arrival {
  readonly link: Link;
  readonly frame: Frame;
  readonly path: Step[];
}

/** A frame that came back to a segment it had crossed: the links of the circle, in order. */
export interface L2Loop {
  /** The bridge (its name) or lab switch where the frame came back. */
  readonly segment: string;
  readonly kind: 'bridge' | 'switch';
  /** The namespace of that bridge; absent for a lab switch. */
  readonly ns?: Netns;
  /** The links the frame crossed around the circle, from the segment back to it. */
  readonly links: readonly Link[];
}

export interface Ending {
  readonly verdict: Verdict;
  readonly reason: Localized;
  readonly source?: SourceRef;
}

export class Budget extends Error {}

interface MutableLeg {
  kind: LegKind;
  steps: Step[];
  label?: Localized;
  answers?: number;
  parent?: number;
}

/** One connection of the walk: the user's, or one a proxy opened on the way. */
export interface Connection {
  readonly origin: { ns: Netns; packet: Packet };
  readonly requestLeg: number;
  replied: boolean;
  ending?: Ending;
  /** The cause behind an ICMP error sent back, for the verdict when it arrives. */
  icmpCause?: Verdict;
  icmpSource?: SourceRef;
  /** The payload of the answer that reached the origin. */
  answer?: Packet['payload'];
  /** Why a TCP reset came back when it was not the kernel's "nothing listens": a REJECT rule, a program that refused. */
  reset?: { readonly why: Localized; readonly source?: SourceRef };
}

export const MAX_STEPS = 4000;

/** How a connection ends when nothing ended it: nothing came back and nothing said why. */
export const NOWHERE: Ending = { verdict: 'dropped', reason: loc('The packet went nowhere.', '패킷이 아무 데도 가지 못했습니다.') };

export class Walk {
  readonly legs: MutableLeg[] = [];
  readonly flow: Flow;
  private current = 0;
  private stepsTaken = 0;
  conn!: Connection;
  /** Set by the layer-2 walk: the longest way a frame went before it was lost, and why. */
  lastL2Path: Step[] = [];
  lastL2Drop?: Localized;
  /** Set by the layer-2 walk when its last frame came back to a segment it had crossed. */
  l2Loop?: L2Loop;
  /** Set by the layer-2 walk: the links where its last frame was lost because they were down. */
  l2Blocked: Link[] = [];
  /** Why the last neighbour resolution got no answer, where known (the neighbour stage sets it). */
  arpWhy?: { readonly reason: Localized; readonly source?: SourceRef; readonly data?: Record<string, unknown> };
  clearL2Loop(): void {
    this.l2Loop = undefined;
  }
  switchPorts?: Map<string, Link[]>;
  /** What the walk crossed and the simulator does not model, each at the lab line it came from. */
  readonly warnings: Diagnostic[] = [];

  /** A part of the walk that is not simulated: the answer carries the warning (at most once per line). */
  warn(at: SourceRef, message: Localized): void {
    addOnce(this.warnings, { ...at, severity: 'warning', code: 'trace-not-simulated', message });
  }

  constructor(
    readonly world: World,
    readonly stages: Stages,
    readonly maxSteps: number,
    seed?: number,
  ) {
    this.flow = new Flow(seed);
  }

  /** Starts a connection from `ns` with a new request leg (under `parent` for a proxy's). */
  open(ns: Netns, packet: Packet, label?: Localized, parent?: number): Connection {
    const leg: MutableLeg = { kind: 'request', steps: [] };
    if (label) leg.label = label;
    if (parent !== undefined) leg.parent = parent;
    this.legs.push(leg);
    this.current = this.legs.length - 1;
    this.conn = { origin: { ns, packet }, requestLeg: this.current, replied: false };
    return this.conn;
  }

  /** Goes back to a connection after another one (a proxy's upstream) is done. */
  resume(conn: Connection, leg: number): void {
    this.conn = conn;
    this.current = leg;
  }

  get legIndex(): number {
    return this.current;
  }

  /** The walk is on a leg going back to its connection's origin. */
  get inReply(): boolean {
    return this.legs[this.current]?.kind === 'reply';
  }

  /** The answer starts: a reply leg for the current connection. */
  startReply(): void {
    this.legs.push({ kind: 'reply', steps: [], answers: this.conn.requestLeg });
    this.current = this.legs.length - 1;
    if (this.conn.requestLeg === 0) this.mainReply = this.current;
  }

  end(e: Ending): void {
    if (!this.conn.ending) this.conn.ending = e;
  }

  step(
    ns: Netns,
    stage: Stage,
    iface: Link | undefined,
    packet: PacketHeaders,
    detail: Localized,
    extra?: { data?: Record<string, unknown>; source?: SourceRef; hook?: Hook },
  ): Step {
    if (++this.stepsTaken > this.maxSteps) throw new Budget();
    const s: { -readonly [K in keyof Step]: Step[K] } = { host: ns.host.name, netns: ns.name, stage, packet, detail };
    if (iface) s.iface = iface.name;
    if (extra) {
      if (extra.hook) s.hook = extra.hook;
      if (extra.data) s.data = extra.data;
      if (extra.source) s.source = extra.source;
    }
    return s;
  }

  push(s: Step): void {
    this.legs[this.current]!.steps.push(s);
  }

  add(
    ns: Netns,
    stage: Stage,
    iface: Link | undefined,
    p: Packet | undefined,
    detail: Localized,
    extra?: { data?: Record<string, unknown>; source?: SourceRef; hook?: Hook; eth?: { src: string; dst: string } },
  ): void {
    this.push(this.step(ns, stage, iface, headers(p, extra?.eth), detail, extra));
  }

  drop(
    ns: Netns,
    iface: Link | undefined,
    p: Packet | undefined,
    verdict: Verdict,
    reason: Localized,
    source?: SourceRef,
    data?: Record<string, unknown>,
  ): void {
    this.add(ns, 'drop', iface, p, reason, { source, data });
    this.end({ verdict, reason: this.inReply ? replyLost(reason) : reason, source });
  }

  nsOf(s: Step): Netns | undefined {
    return this.world.hosts.get(s.host)?.netns.get(s.netns);
  }

  /** The legs as the trace reports them: the request, then those with steps, renumbered. */
  result(): { legs: Leg[]; request: Leg; reply: Leg } {
    const kept = this.legs.map((l, i) => ({ l, i })).filter(({ l, i }) => i === 0 || l.steps.length > 0);
    const index = new Map(kept.map(({ i }, j) => [i, j]));
    const out = new Map<number, Leg>();
    for (const { l, i } of kept) {
      const leg: { -readonly [K in keyof Leg]: Leg[K] } = { kind: l.kind, steps: l.steps };
      if (l.label) leg.label = l.label;
      if (l.answers !== undefined && index.has(l.answers)) leg.answers = index.get(l.answers);
      if (l.parent !== undefined && index.has(l.parent)) leg.parent = index.get(l.parent);
      out.set(i, leg);
    }
    const request = out.get(0) ?? { kind: 'request' as const, steps: [] };
    const main = this.mainReply;
    const reply = (main !== undefined ? out.get(main) : undefined) ?? { kind: 'reply' as const, steps: [], answers: 0 };
    return { legs: out.size ? [...out.values()] : [request], request, reply };
  }

  /** The reply leg of the user's own connection (set when it starts). */
  mainReply?: number;
}

function replyLost(reason: Localized): Localized {
  return loc(
    `The request arrived, but the reply did not come back: ${reason.en}`,
    `요청은 도착했지만 응답이 돌아오지 못했습니다: ${reason.ko}`,
  );
}
