/**
 * What a trace step shows in the panel's detail: the packet's headers as rows (and which changed),
 * and a structured description of what decided the step (the matched route in its table, the ARP
 * exchange, the bridge's FDB, a netfilter rule's before and after), read from `step.data`, which the
 * packet walk (src/core/datapath) fills per stage. `DECIDERS` has one entry per kind of decision, so a
 * new stage (DNS, say) adds an entry, not a rewrite. Anything a decider does not know is still shown,
 * as key/value fields.
 */
import type { Localized } from '../text/i18n';
import type { PacketHeaders, Stage, Step } from '../datapath/trace';
import { DEFAULT_SEED } from '../datapath/flow';
import { nodeId } from './topology';
import { type NetfilterRow, netfilterRow } from './traceNetfilter';
import { type LookupDecision, lookupDecision } from './traceLookup';
import type { RouteTableView, TopologyModel } from './types';

/** A string field of a step's data. */
export function str(data: Step['data'], key: string): string | undefined {
  const v = data?.[key];
  return typeof v === 'string' ? v : undefined;
}

// ---------------------------------------------------------------------------------------------
// Headers, as rows of a table

export interface HeaderRow {
  readonly layer: 'eth' | 'arp' | 'nd' | 'ip' | 'ip6' | 'icmp' | 'tcp' | 'udp' | 'skb' | 'app';
  readonly field: string;
  readonly value: string;
}

/** The packet's headers at a step, outermost first, one field per row. */
export function headerRows(p: PacketHeaders): HeaderRow[] {
  const rows: HeaderRow[] = [];
  if (p.eth) rows.push({ layer: 'eth', field: 'src', value: p.eth.src }, { layer: 'eth', field: 'dst', value: p.eth.dst });
  if (p.arp) {
    // IPv6 resolves neighbours with ICMPv6 neighbour discovery, not ARP
    const nd = p.arp.target.includes(':');
    const layer = nd ? 'nd' : 'arp';
    rows.push(
      { layer, field: 'op', value: nd ? (p.arp.op === 'request' ? 'solicitation' : 'advertisement') : p.arp.op },
      { layer, field: 'sender', value: p.arp.sender },
      { layer, field: 'target', value: p.arp.target },
    );
  }
  if (p.ip.src || p.ip.dst) {
    const v6 = p.ip.dst.includes(':') || p.ip.src.includes(':');
    const layer = v6 ? 'ip6' : 'ip';
    rows.push(
      { layer, field: 'src', value: p.ip.src },
      { layer, field: 'dst', value: p.ip.dst },
      { layer, field: v6 ? 'hop limit' : 'ttl', value: String(p.ip.ttl) },
      { layer, field: 'proto', value: v6 && p.ip.proto === 'icmp' ? 'icmpv6' : p.ip.proto },
    );
  }
  if (p.icmp) {
    rows.push({ layer: 'icmp', field: 'type', value: p.icmp.type });
    if (p.icmp.code !== undefined) rows.push({ layer: 'icmp', field: 'code', value: p.icmp.code });
  }
  if (p.tcp) {
    rows.push(
      { layer: 'tcp', field: 'sport', value: String(p.tcp.sport) },
      { layer: 'tcp', field: 'dport', value: String(p.tcp.dport) },
      { layer: 'tcp', field: 'flags', value: p.tcp.flags },
    );
  }
  if (p.udp)
    rows.push({ layer: 'udp', field: 'sport', value: String(p.udp.sport) }, { layer: 'udp', field: 'dport', value: String(p.udp.dport) });
  // What the kernel keeps beside the packet (the mark), and what the application carries.
  if (p.mark) rows.push({ layer: 'skb', field: 'mark', value: `0x${p.mark.toString(16)}` });
  if (p.payload) rows.push({ layer: 'app', field: p.payload.app, value: p.payload.summary });
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
      /** When no route matched: the route a lab line removed that would have, and the lines that added and removed it. */
      readonly removed?: { readonly route: string; readonly addedAt?: number; readonly removedAt?: number };
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
  | {
      readonly kind: 'bridge';
      readonly bridge: string;
      readonly action: 'forward' | 'flood' | 'learn' | 'local';
      readonly mac?: string;
      readonly port?: string;
    }
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
      /** The step as a row: table, chain, rule text, verdict, the rewrite (traceNetfilter.ts). */
      readonly row: NetfilterRow;
    }
  /** IP forwarding: the TTL before and after, or an expired TTL. */
  | { readonly kind: 'forward'; readonly ttlBefore?: number; readonly ttlAfter: number; readonly expired: boolean }
  /** The packet dies here. */
  | {
      readonly kind: 'drop';
      readonly reason: Localized;
      readonly sysctl?: string;
      readonly value?: string;
      readonly fields: readonly DataField[];
    }
  /** A name lookup's own step: the part of the resolver's configuration it read (traceLookup.ts). */
  | LookupDecision
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
  /** The seed the trace ran with (a statistic rule's draw); DEFAULT_SEED when absent. */
  readonly seed?: number;
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
  const removedRoute = str(d, 'removedRoute');
  const line = (k: string) => (typeof d[k] === 'number' ? { [k]: d[k] as number } : {});
  return {
    kind: 'route',
    table,
    ...(removedRoute !== undefined && route === undefined
      ? { removed: { route: removedRoute, ...line('addedAt'), ...line('removedAt') } }
      : {}),
    ...(route !== undefined ? { route } : {}),
    ...(dev ? { dev } : {}),
    ...(gateway ? { gateway } : {}),
    ...(src ? { src } : {}),
    rows,
  };
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
  const sender = via === 'arp' ? (str(d, 'sender') ?? /\btell (\S+)/.exec(step.detail.en)?.[1]) : undefined;
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
  if (d['local']) return { kind: 'bridge', bridge, action: 'local', ...(step.packet?.eth ? { mac: step.packet.eth.dst } : {}) };
  return {
    kind: 'bridge',
    bridge,
    action: 'flood',
    ...(step.packet?.eth ? { mac: step.packet.eth.dst } : {}),
    ...(step.iface !== undefined ? { port: step.iface } : {}),
  };
};

const wireDecider: Decider = (step) => {
  const d = step.data;
  const sw = str(d, 'switch');
  if (sw !== undefined) {
    return {
      kind: 'switch',
      switch: sw,
      how: str(d, 'how') ?? '',
      ...(step.iface !== undefined ? { port: step.iface } : {}),
      ...(step.packet?.eth ? { mac: step.packet.eth.dst } : {}),
    };
  }
  const from = str(d, 'from');
  const to = str(d, 'to');
  if (from !== undefined && to !== undefined) return { kind: 'veth', from, to };
  return undefined;
};

const netfilterDecider: Decider = (step, ctx) => {
  const before = step.data?.['before'] as PacketHeaders | undefined;
  // A rule's note carries the packet as it came, and what the rule made of it in `after`.
  const after = (step.data?.['after'] as PacketHeaders | undefined) ?? step.packet;
  if (!after) return undefined;
  const hook = step.hook ?? str(step.data, 'hook');
  return {
    kind: 'netfilter',
    ...(hook ? { hook } : {}),
    ...(before ? { before } : {}),
    after,
    changed: [...changedHeaders(before, after)],
    fields: dataFields(step.data, [
      'before',
      'after',
      'hook',
      'table',
      'chain',
      'rule',
      'text',
      'policy',
      'verdict',
      'conntrack',
      'statistic',
      'bridged',
    ]),
    row: netfilterRow(step, ctx.seed ?? DEFAULT_SEED)!,
  };
};

const forwardDecider: Decider = (step, ctx) => {
  const ttlBefore = ctx.prev?.packet?.ip.ttl;
  const ttlAfter = step.packet?.ip.ttl;
  if (ttlAfter === undefined) return undefined;
  return {
    kind: 'forward',
    ...(ttlBefore !== undefined ? { ttlBefore } : {}),
    ttlAfter,
    expired: ttlBefore !== undefined ? ttlBefore === ttlAfter && ttlAfter <= 1 : ttlAfter <= 1,
  };
};

const dropDecider: Decider = (step) => {
  const sysctl = str(step.data, 'sysctl');
  const value = step.data?.['value'];
  return {
    kind: 'drop',
    reason: step.detail,
    ...(sysctl ? { sysctl } : {}),
    ...(value !== undefined ? { value: fieldValue(value) } : {}),
    fields: dataFields(step.data, ['sysctl', 'value']),
  };
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
  resolve: (step) => lookupDecision(step, dataFields(step.data, ['lookup', 'server'])),
};

/** What decided a step, from its stage and data. */
export function decisionOf(step: Step, ctx: DecisionContext = {}): Decision {
  const decider = DECIDERS[step.stage];
  return decider?.(step, ctx) ?? { kind: 'data', fields: dataFields(step.data) };
}
