/**
 * A trace mapped onto the topology it ran on, for the trace panel: its legs, where each step
 * happens (its node, port and the link the frame crosses), the path of a leg, and the steps in
 * order across legs. Pure data in, pure data out. What a step shows in the detail (its headers and
 * what decided it) is traceDetail.ts, re-exported here.
 */
import type { Leg, LegKind, Step, TraceResult } from '../datapath/trace';
import { bridgeId, nodeId, portId, switchId } from './topology';
import { str } from './traceDetail';
import type { StepAnchor, TopoLink, TopologyModel, TraceArgsView, TraceBranch, TraceView } from './types';

// ---------------------------------------------------------------------------------------------
// Legs: a trace has any number (a lookup's query and answer, the request, a proxied connection, the
// reply); everything below refers to a leg by its index in `legs`.

/**
 * The legs of a trace in walk order. A trace written before traces had `legs` (a panel's state
 * saved by an older version) has its request, then its reply when the reply has steps.
 */
export function legsOf(trace: TraceResult): readonly Leg[] {
  const legs = (trace as { legs?: readonly Leg[] }).legs;
  if (legs) return legs;
  return trace.reply.steps.length ? [trace.request, trace.reply] : [trace.request];
}

/** What leg `i` is; a leg without a kind is the request when first, a reply after. */
export function legKind(trace: TraceResult, i: number): LegKind {
  return legsOf(trace)[i]?.kind ?? (i === 0 ? 'request' : 'reply');
}

/**
 * The index in `legs` of `trace.request` or `trace.reply`: the same object where it still is
 * (-1 for a reply left out because it has no steps); after a trip through JSON, where identity is
 * lost, the first request (last reply) that no other leg opened.
 */
export function mainLeg(trace: TraceResult, which: 'request' | 'reply'): number {
  const legs = legsOf(trace);
  const target = trace[which];
  const same = legs.indexOf(target);
  if (same >= 0) return same;
  if (which === 'reply' && target.steps.length === 0) return -1;
  const matches = legs.map((l, i) => (legKind(trace, i) === which && l.parent === undefined ? i : -1)).filter((i) => i >= 0);
  return (which === 'request' ? matches[0] : matches.at(-1)) ?? -1;
}

/**
 * A leg index from a saved panel state: a number as saved now, or `request` / `reply` as saved
 * before traces had legs (the request's and the reply's index, 0 when the reply is not among them).
 */
export function savedLeg(trace: TraceResult, leg: unknown): number {
  if (typeof leg === 'number' && Number.isInteger(leg) && leg >= 0) return leg;
  if (leg === 'request' || leg === 'reply') return Math.max(0, mainLeg(trace, leg));
  return 0;
}

/** The leg whose last step comes just before leg `i`'s first: the one it answers, else the one that opened it. */
function precedingLeg(trace: TraceResult, i: number): number | undefined {
  const leg = legsOf(trace)[i];
  if (!leg) return undefined;
  if (leg.answers !== undefined) return leg.answers;
  if (leg.parent !== undefined) return leg.parent;
  // Legs without kinds: the reply follows the request.
  return leg.kind === undefined && i > 0 ? i - 1 : undefined;
}

// ---------------------------------------------------------------------------------------------
// Ids: the scheme of types.ts, from topology.ts

/** `host` or `host/netns`, as the CLI prints an endpoint. */
export function stepPlace(step: Pick<Step, 'host' | 'netns'>): string {
  return step.netns ? `${step.host}/${step.netns}` : step.host;
}

/**
 * The packet a trace sent, from its request's first step: the endpoint, the destination address,
 * the protocol and port (a trace to a name: the address it resolved to). Undefined when nothing was sent.
 */
export function traceArgsOf(trace: Pick<TraceResult, 'request'>): TraceArgsView | undefined {
  const first = trace.request.steps[0];
  const p = first?.packet;
  if (!first || !p) return undefined;
  const port = p.ip.proto === 'icmp' ? undefined : (p.tcp?.dport ?? p.udp?.dport);
  return { from: stepPlace(first), to: p.ip.dst, proto: p.ip.proto, ...(port !== undefined ? { port } : {}) };
}

// ---------------------------------------------------------------------------------------------
// Anchors

interface ModelIndex {
  readonly nodes: ReadonlySet<string>;
  readonly ports: ReadonlySet<string>;
  /** Links by the ports and nodes they join. */
  readonly linksByEnd: ReadonlyMap<string, readonly TopoLink[]>;
}

const indexes = new WeakMap<TopologyModel, ModelIndex>();

function indexOf(model: TopologyModel): ModelIndex {
  let ix = indexes.get(model);
  if (ix) return ix;
  const linksByEnd = new Map<string, TopoLink[]>();
  const add = (k: string, l: TopoLink) => {
    const list = linksByEnd.get(k);
    if (list) list.push(l);
    else linksByEnd.set(k, [l]);
  };
  for (const l of model.links) {
    add(l.a, l);
    add(l.b, l);
  }
  ix = { nodes: new Set(model.nodes.map((n) => n.id)), ports: new Set(model.ports.map((p) => p.id)), linksByEnd };
  indexes.set(model, ix);
  return ix;
}

function linkOf(ix: ModelIndex, port: string, kind: TopoLink['kind']): string | undefined {
  return ix.linksByEnd.get(port)?.find((l) => l.kind === kind)?.id;
}

/**
 * Where a step happens. The link is the one the frame crosses at this step: the cable or veth pair
 * it leaves on (`xmit`), the one it arrives by (`wire`: the arriving port's cable or veth), the
 * bridge port it enters or leaves a bridge through (`recv` on a port, `bridge`).
 */
export function anchorOf(model: TopologyModel, step: Step): StepAnchor {
  const ix = indexOf(model);
  const node = nodeId(step.host, step.netns);
  const port = step.iface !== undefined ? portId(step.host, step.netns, step.iface) : undefined;
  const hasPort = port !== undefined && ix.ports.has(port);
  let link: string | undefined;
  if (hasPort) {
    const bridge = str(step.data, 'bridge');
    switch (step.stage) {
      case 'xmit':
        link = linkOf(ix, port, 'cable') ?? linkOf(ix, port, 'veth');
        break;
      case 'wire':
        link = str(step.data, 'switch') !== undefined ? linkOf(ix, port, 'cable') : (linkOf(ix, port, 'veth') ?? linkOf(ix, port, 'cable'));
        break;
      case 'recv':
      case 'bridge':
        if (bridge !== undefined && !step.data?.['local']) link = linkOf(ix, port, 'bridge-port');
        break;
      default:
        break;
    }
  }
  return { node, ...(hasPort ? { port } : {}), ...(link ? { link } : {}) };
}

/** The trace as the panel draws it: one anchor per step of each leg, the legs in `legs` order. */
export function traceView(
  model: TopologyModel,
  trace: TraceResult,
  title: string,
  branches: readonly TraceBranch[] = [],
  seed?: number,
): TraceView {
  return {
    title,
    trace,
    ...(seed !== undefined ? { seed } : {}),
    anchors: legsOf(trace).map((leg) => leg.steps.map((s) => anchorOf(model, s))),
    branches: [...branches],
  };
}

export interface TracePath {
  readonly nodes: string[];
  readonly ports: string[];
  readonly links: string[];
}

/**
 * The nodes, ports and links a leg crosses, in order, each once: up to step `upTo` (inclusive)
 * or the whole leg. Switches and bridges the frame crosses are among the nodes.
 */
export function pathOf(view: TraceView, leg: number, upTo?: number): TracePath {
  const anchors = view.anchors[leg] ?? [];
  const steps = legsOf(view.trace)[leg]?.steps ?? [];
  const last = upTo === undefined ? anchors.length - 1 : Math.min(upTo, anchors.length - 1);
  const nodes = new Set<string>();
  const ports = new Set<string>();
  const links = new Set<string>();
  for (let i = 0; i <= last; i++) {
    const a = anchors[i]!;
    const s = steps[i];
    // A switch is crossed before the port it delivers to; a bridge lives in the step's namespace.
    const sw = s ? str(s.data, 'switch') : undefined;
    const br = s ? str(s.data, 'bridge') : undefined;
    if (sw !== undefined) nodes.add(switchId(sw));
    nodes.add(a.node);
    if (s && br !== undefined) nodes.add(bridgeId(s.host, s.netns, br));
    if (a.port) ports.add(a.port);
    if (a.link) links.add(a.link);
  }
  return { nodes: [...nodes], ports: [...ports], links: [...links] };
}

// ---------------------------------------------------------------------------------------------
// Positions: every leg's steps, the legs in walk order

export interface StepRef {
  /** The leg's index in `legs`. */
  readonly leg: number;
  readonly index: number;
}

/** Every step in order: the first leg's, then the next leg's, and so on. */
export function stepOrder(trace: TraceResult): StepRef[] {
  return legsOf(trace).flatMap((l, leg) => l.steps.map((_, index) => ({ leg, index })));
}

export function stepAt(trace: TraceResult, ref: StepRef): Step | undefined {
  return legsOf(trace)[ref.leg]?.steps[ref.index];
}

/**
 * The step the packet at `ref` follows on from: the step before in its leg; for a leg's first step,
 * the last step of the leg it answers (a reply's request, an answer's query) or of the leg that
 * opened it; none for a leg that starts afresh.
 */
export function previousStep(trace: TraceResult, ref: StepRef): Step | undefined {
  const legs = legsOf(trace);
  if (ref.index > 0) return legs[ref.leg]?.steps[ref.index - 1];
  const before = precedingLeg(trace, ref.leg);
  return before !== undefined ? legs[before]?.steps.at(-1) : undefined;
}

export * from './traceDetail';
export * from './traceNetfilter';
export * from './traceLookup';
