/**
 * A trace mapped onto the topology it ran on, for the trace panel: where each step happens (its
 * node, port and the link the frame crosses), the path of a leg, and for each step a structured
 * description of what decided it (the matched route in its table, the ARP exchange, the bridge's
 * FDB, a netfilter rule's before and after). Pure data in, pure data out.
 *
 * What decides a step is read from `step.data`, which the packet walk (src/core/sim/walk.ts) fills
 * per stage; `DECIDERS` below has one entry per kind of decision, so a new stage (DNS, say) adds an
 * entry, not a rewrite. Anything a decider does not know is still shown, as key/value fields.
 */
import type { Localized } from '../text/i18n';
import type { Leg, LegKind, PacketHeaders, Stage, Step, TraceResult } from '../datapath/trace';
import { bridgeId, nodeId, portId, switchId } from './topology';
import type { RouteTableView, StepAnchor, TopoLink, TopologyModel, TraceBranch, TraceView } from './types';

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

function str(data: Step['data'], key: string): string | undefined {
  const v = data?.[key];
  return typeof v === 'string' ? v : undefined;
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
        link = str(step.data, 'switch') !== undefined ? linkOf(ix, port, 'cable') : linkOf(ix, port, 'veth') ?? linkOf(ix, port, 'cable');
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
export function traceView(model: TopologyModel, trace: TraceResult, title: string, branches: readonly TraceBranch[] = []): TraceView {
  return {
    title,
    trace,
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

// ---------------------------------------------------------------------------------------------
// Headers, as rows of a table

export interface HeaderRow {
  readonly layer: 'eth' | 'arp' | 'ip' | 'icmp' | 'tcp' | 'udp';
  readonly field: string;
  readonly value: string;
}

/** The packet's headers at a step, outermost first, one field per row. */
export function headerRows(p: PacketHeaders): HeaderRow[] {
  const rows: HeaderRow[] = [];
  if (p.eth) rows.push({ layer: 'eth', field: 'src', value: p.eth.src }, { layer: 'eth', field: 'dst', value: p.eth.dst });
  if (p.arp) {
    rows.push({ layer: 'arp', field: 'op', value: p.arp.op }, { layer: 'arp', field: 'sender', value: p.arp.sender }, { layer: 'arp', field: 'target', value: p.arp.target });
  }
  if (p.ip.src || p.ip.dst) {
    rows.push(
      { layer: 'ip', field: 'src', value: p.ip.src },
      { layer: 'ip', field: 'dst', value: p.ip.dst },
      { layer: 'ip', field: 'ttl', value: String(p.ip.ttl) },
      { layer: 'ip', field: 'proto', value: p.ip.proto },
    );
  }
  if (p.icmp) {
    rows.push({ layer: 'icmp', field: 'type', value: p.icmp.type });
    if (p.icmp.code !== undefined) rows.push({ layer: 'icmp', field: 'code', value: p.icmp.code });
  }
  if (p.tcp) {
    rows.push({ layer: 'tcp', field: 'sport', value: String(p.tcp.sport) }, { layer: 'tcp', field: 'dport', value: String(p.tcp.dport) }, { layer: 'tcp', field: 'flags', value: p.tcp.flags });
  }
  if (p.udp) rows.push({ layer: 'udp', field: 'sport', value: String(p.udp.sport) }, { layer: 'udp', field: 'dport', value: String(p.udp.dport) });
  return rows;
}

/** `layer.field` of every header that differs from `before` (or that `before` did not have). */
export function changedHeaders(before: PacketHeaders | undefined, after: PacketHeaders): Set<string> {
  const out = new Set<string>();
  if (!before) return out;
  const old = new Map(headerRows(before).map((r) => [`${r.layer}.${r.field}`, r.value]));
  for (const r of headerRows(after)) {
    const k = `${r.layer}.${r.field}`;
    if (old.get(k) !== r.value) out.add(k);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Decisions: what decided each step

export interface RouteRow {
  readonly line: string;
  readonly matched: boolean;
}

export type Decision =
  /** A route lookup: the table it used with the matched route marked, or no route at all. */
  | {
      readonly kind: 'route';
      readonly table: string;
      /** The matched route, as `ip route` prints it; absent when no route matched. */
      readonly route?: string;
      readonly dev?: string;
      readonly gateway?: string;
      readonly src?: string;
      /** The table's routes, the matched one marked. */
      readonly rows: readonly RouteRow[];
    }
  /** Neighbour resolution: an ARP exchange, the neighbour cache or a static entry. */
  | {
      readonly kind: 'neigh';
      readonly via: 'arp' | 'cache' | 'static';
      readonly nexthop: string;
      readonly dev?: string;
      /** The address the ARP request asks to be told at (`who-has NEXTHOP tell SENDER`). */
      readonly sender?: string;
      readonly mac?: string;
      readonly answered: boolean;
      readonly answeredBy?: string;
      readonly answers?: number;
      readonly heardBy?: readonly string[];
      /** A static entry's state (PERMANENT...). */
      readonly state?: string;
    }
  /** A Linux bridge: forwards by its FDB, floods, learns, or takes the frame itself. */
  | { readonly kind: 'bridge'; readonly bridge: string; readonly action: 'forward' | 'flood' | 'learn' | 'local'; readonly mac?: string; readonly port?: string }
  /** A lab switch delivers or floods a frame. */
  | { readonly kind: 'switch'; readonly switch: string; readonly how: string; readonly port?: string; readonly mac?: string }
  /** A frame crosses a veth pair. */
  | { readonly kind: 'veth'; readonly from: string; readonly to: string }
  /** A netfilter hook changed or judged the packet. */
  | {
      readonly kind: 'netfilter';
      readonly hook?: string;
      readonly before?: PacketHeaders;
      readonly after: PacketHeaders;
      /** `layer.field` of the headers the hook changed (NAT). */
      readonly changed: readonly string[];
      /** Other facts (table, chain, rule...), as given. */
      readonly fields: readonly DataField[];
    }
  /** IP forwarding: the TTL before and after, or an expired TTL. */
  | { readonly kind: 'forward'; readonly ttlBefore?: number; readonly ttlAfter: number; readonly expired: boolean }
  /** The packet dies here. */
  | { readonly kind: 'drop'; readonly reason: Localized; readonly sysctl?: string; readonly value?: string; readonly fields: readonly DataField[] }
  /** Facts the panel has no special drawing for, as key/value fields (empty: nothing to show). */
  | { readonly kind: 'data'; readonly fields: readonly DataField[] };

export interface DataField {
  readonly key: string;
  readonly value: string;
}

export interface DecisionContext {
  /** The topology, for the namespace's routing tables. */
  readonly model?: TopologyModel;
  /** The step before (for the TTL before forwarding). */
  readonly prev?: Step;
}

type Decider = (step: Step, ctx: DecisionContext) => Decision | undefined;

function fieldValue(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return String(v);
  if (Array.isArray(v)) return v.map(fieldValue).join(', ');
  if (typeof v === 'object') {
    return Object.entries(v as Record<string, unknown>)
      .map(([k, x]) => `${k}=${fieldValue(x)}`)
      .join(' ');
  }
  return String(v);
}

/** The step's data as key/value fields, leaving out `omit`. */
export function dataFields(data: Step['data'], omit: readonly string[] = []): DataField[] {
  if (!data) return [];
  return Object.entries(data)
    .filter(([k, v]) => !omit.includes(k) && v !== undefined && v !== null)
    .map(([key, v]) => ({ key, value: fieldValue(v) }));
}

const squash = (s: string) => s.trim().replace(/\s+/g, ' ');

/** The namespace's table of this name, from the topology. */
export function tableOf(model: TopologyModel | undefined, host: string, netns: string, table: string): RouteTableView | undefined {
  const id = nodeId(host, netns);
  const node = model?.nodes.find((n) => n.id === id);
  return node?.tables?.find((t) => t.table === table);
}

/** The routes of a table with `route` marked: the same line, else the same type and destination. */
export function markRoute(routes: readonly string[], route: string | undefined): RouteRow[] {
  if (route === undefined) return routes.map((line) => ({ line, matched: false }));
  const want = squash(route);
  let at = routes.findIndex((l) => squash(l) === want);
  if (at < 0) {
    const head = (l: string) => {
      const t = squash(l).split(' ');
      return /^[a-z]+$/.test(t[0] ?? '') && t.length > 1 && !['via', 'dev'].includes(t[1]!) ? `${t[0]} ${t[1]}` : (t[0] ?? '');
    };
    const h = head(want);
    at = routes.findIndex((l) => head(l) === h);
  }
  const rows = routes.map((line, i) => ({ line, matched: i === at }));
  // A route the table (as drawn) does not hold: shown anyway, marked.
  if (at < 0) rows.push({ line: route, matched: true });
  return rows;
}

const routeDecider: Decider = (step, ctx) => {
  const d = step.data;
  if (!d) return undefined;
  const table = str(d, 'table') ?? 'main';
  const route = str(d, 'route');
  const listed = Array.isArray(d['routes']) ? (d['routes'] as unknown[]).filter((x): x is string => typeof x === 'string') : undefined;
  const fromModel = tableOf(ctx.model, step.host, step.netns, table)?.routes;
  const rows = markRoute(fromModel ?? listed ?? [], route);
  const dev = str(d, 'dev');
  const gateway = str(d, 'gateway');
  const src = str(d, 'src');
  return { kind: 'route', table, ...(route !== undefined ? { route } : {}), ...(dev ? { dev } : {}), ...(gateway ? { gateway } : {}), ...(src ? { src } : {}), rows };
};

const neighDecider: Decider = (step) => {
  const d = step.data;
  const nexthop = str(d, 'nexthop');
  if (!d || nexthop === undefined) return undefined;
  const from = str(d, 'from');
  const via = from === 'cache' ? 'cache' : from !== undefined ? 'static' : 'arp';
  const mac = str(d, 'mac');
  const answeredBy = str(d, 'answeredBy');
  const heard = d['heardBy'];
  const sender = via === 'arp' ? /\btell (\S+)/.exec(step.detail.en)?.[1] : undefined;
  return {
    kind: 'neigh',
    via,
    nexthop,
    ...(step.iface !== undefined ? { dev: step.iface } : {}),
    ...(sender ? { sender } : {}),
    ...(mac ? { mac } : {}),
    answered: d['answered'] !== false && mac !== undefined,
    ...(answeredBy ? { answeredBy } : {}),
    ...(typeof d['answers'] === 'number' ? { answers: d['answers'] } : {}),
    ...(Array.isArray(heard) ? { heardBy: heard.map(fieldValue) } : {}),
    ...(via === 'static' && from ? { state: from } : {}),
  };
};

const bridgeDecider: Decider = (step) => {
  const d = step.data;
  const bridge = str(d, 'bridge');
  if (!d || bridge === undefined) return undefined;
  const fdb = d['fdb'] as { mac?: unknown; port?: unknown } | undefined;
  const learned = d['learned'] as { mac?: unknown; port?: unknown } | undefined;
  if (fdb) return { kind: 'bridge', bridge, action: 'forward', mac: fieldValue(fdb.mac), port: fieldValue(fdb.port) };
  if (learned) return { kind: 'bridge', bridge, action: 'learn', mac: fieldValue(learned.mac), port: fieldValue(learned.port) };
  if (d['local']) return { kind: 'bridge', bridge, action: 'local', ...(step.packet.eth ? { mac: step.packet.eth.dst } : {}) };
  return { kind: 'bridge', bridge, action: 'flood', ...(step.packet.eth ? { mac: step.packet.eth.dst } : {}), ...(step.iface !== undefined ? { port: step.iface } : {}) };
};

const wireDecider: Decider = (step) => {
  const d = step.data;
  const sw = str(d, 'switch');
  if (sw !== undefined) {
    return { kind: 'switch', switch: sw, how: str(d, 'how') ?? '', ...(step.iface !== undefined ? { port: step.iface } : {}), ...(step.packet.eth ? { mac: step.packet.eth.dst } : {}) };
  }
  const from = str(d, 'from');
  const to = str(d, 'to');
  if (from !== undefined && to !== undefined) return { kind: 'veth', from, to };
  return undefined;
};

const netfilterDecider: Decider = (step) => {
  const before = step.data?.['before'] as PacketHeaders | undefined;
  const hook = step.hook ?? str(step.data, 'hook');
  return {
    kind: 'netfilter',
    ...(hook ? { hook } : {}),
    ...(before ? { before } : {}),
    after: step.packet,
    changed: [...changedHeaders(before, step.packet)],
    fields: dataFields(step.data, ['before', 'hook']),
  };
};

const forwardDecider: Decider = (step, ctx) => {
  const ttlBefore = ctx.prev?.packet.ip.ttl;
  const ttlAfter = step.packet.ip.ttl;
  return { kind: 'forward', ...(ttlBefore !== undefined ? { ttlBefore } : {}), ttlAfter, expired: ttlBefore !== undefined ? ttlBefore === ttlAfter && ttlAfter <= 1 : ttlAfter <= 1 };
};

const dropDecider: Decider = (step) => {
  const sysctl = str(step.data, 'sysctl');
  const value = step.data?.['value'];
  return { kind: 'drop', reason: step.detail, ...(sysctl ? { sysctl } : {}), ...(value !== undefined ? { value: fieldValue(value) } : {}), fields: dataFields(step.data, ['sysctl', 'value']) };
};

/**
 * One decider per stage. `recv` on a bridge port is the bridge learning; a new stage (or a new kind
 * of data on an old one) adds an entry here. A decider that does not recognise the data gives
 * undefined, and the data is shown as fields.
 */
export const DECIDERS: Partial<Record<Stage, Decider>> = {
  route: routeDecider,
  neigh: neighDecider,
  bridge: bridgeDecider,
  recv: (step) => (str(step.data, 'bridge') !== undefined ? bridgeDecider(step, {}) : undefined),
  wire: wireDecider,
  netfilter: netfilterDecider,
  forward: forwardDecider,
  drop: dropDecider,
};

/** What decided a step, from its stage and data. */
export function decisionOf(step: Step, ctx: DecisionContext = {}): Decision {
  const decider = DECIDERS[step.stage];
  return decider?.(step, ctx) ?? { kind: 'data', fields: dataFields(step.data) };
}
