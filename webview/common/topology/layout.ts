/**
 * Where everything of a topology goes: a deterministic layered layout, no randomness, no DOM
 * (text widths come from a `measure` function), so the same model always draws the same way.
 *
 * Top level: hosts and switches, in columns (layers) from left to right. The "backbone" (switches,
 * and hosts cabled to two switches or more: routers) is layered breadth-first from the first
 * switch; a host on one switch only sits in the column next to it (left of a first-column switch,
 * else right; around a lone switch, alternately left and right). Within a column, items are ordered
 * by the barycentre of their neighbours (a few sweeps), then placed vertically as close to their
 * neighbours as the order allows (an isotonic regression: pool adjacent violators). Components go
 * one below the other.
 *
 * Inside a host (the same for a namespace): its title, then one row per interface with the port on
 * the box's edge (on the side its switch is), then its namespaces stacked on one side and its
 * bridges beside them, each bridge a vertical bar holding its enslaved ports in line with their
 * veth peers, so veth lines run straight across.
 */
import type { TopoLink, TopologyModel, TopoNode, TopoPort } from '../../../src/core/view/types';

export type Side = 'left' | 'right';

export const M = {
  row: 22,
  pad: 10,
  title: 26,
  port: 10,
  gapX: 110,
  gapY: 28,
  compGap: 70,
  bar: 8,
  nsGap: 12,
  switchMinW: 92,
  switchMinH: 44,
} as const;

export interface PortGeom {
  readonly id: string;
  readonly port: TopoPort;
  /** Centre of the port's square, relative to its item. */
  x: number;
  y: number;
  /** Where lines leave the port. */
  side: Side;
  readonly label: string;
  lx: number;
  ly: number;
  anchor: 'start' | 'end';
  /** A port drawn on a bridge bar (enslaved), or a bridge's own interface (drawn at its bar's top). */
  readonly on: 'edge' | 'bridge' | 'bridge-self';
}

export interface BoxGeom {
  readonly id: string;
  readonly node: TopoNode;
  x: number;
  y: number;
  readonly w: number;
  readonly h: number;
  /** Title (hosts, namespaces) or name (bridges) and where it goes. */
  lx: number;
  ly: number;
  anchor: 'start' | 'end';
  /** Second line: a bridge's own addresses. */
  readonly sub?: string;
}

export interface ItemGeom {
  readonly id: string;
  readonly node: TopoNode;
  readonly kind: 'host' | 'switch';
  x: number;
  y: number;
  w: number;
  h: number;
  boxes: BoxGeom[];
  ports: PortGeom[];
  /** Which side of the item faces most of its switches (hosts). */
  facing: Side;
}

export interface TopoLayout {
  readonly items: ItemGeom[];
  readonly item: Map<string, ItemGeom>;
  /** Every port, by id. */
  readonly port: Map<string, PortGeom>;
  /** Every box (host, namespace, bridge), by node id. */
  readonly box: Map<string, BoxGeom>;
  /** The top-level item holding a node or port. */
  readonly owner: Map<string, string>;
}

export type Measure = (text: string) => number;

/** A rough width for monospace text at 12px (tests in Node; the panel measures with a canvas). */
export const monoMeasure: Measure = (t) => t.length * 7.2;

/** `eth0 192.168.1.10/24` (the first two addresses, then how many more). */
export function portLabel(p: TopoPort): string {
  const shown = p.addresses.slice(0, 2).join(' ');
  const more = p.addresses.length > 2 ? ` +${p.addresses.length - 2}` : '';
  return shown ? `${p.name} ${shown}${more}` : p.name;
}

interface Index {
  readonly nodes: Map<string, TopoNode>;
  readonly ports: Map<string, TopoPort>;
  /** Ports by the node they live in. */
  readonly portsOf: Map<string, TopoPort[]>;
  readonly children: Map<string, TopoNode[]>;
  readonly linksAt: Map<string, TopoLink[]>;
  /** The top-level node (host) of a namespace/bridge/port. */
  readonly hostOf: Map<string, string>;
}

function push<T>(m: Map<string, T[]>, k: string, v: T): void {
  const l = m.get(k);
  if (l) l.push(v);
  else m.set(k, [v]);
}

function index(model: TopologyModel): Index {
  const nodes = new Map(model.nodes.map((n) => [n.id, n]));
  const ports = new Map(model.ports.map((p) => [p.id, p]));
  const portsOf = new Map<string, TopoPort[]>();
  const children = new Map<string, TopoNode[]>();
  const linksAt = new Map<string, TopoLink[]>();
  const hostOf = new Map<string, string>();
  for (const p of model.ports) push(portsOf, p.node, p);
  for (const n of model.nodes) if (n.parent && nodes.has(n.parent)) push(children, n.parent, n);
  for (const l of model.links) {
    push(linksAt, l.a, l);
    push(linksAt, l.b, l);
  }
  const top = (id: string): string => {
    let n = nodes.get(id);
    for (let i = 0; n?.parent && nodes.has(n.parent) && i < 8; i++) n = nodes.get(n.parent);
    return n?.id ?? id;
  };
  for (const n of model.nodes) hostOf.set(n.id, top(n.id));
  for (const p of model.ports) hostOf.set(p.id, top(p.node));
  return { nodes, ports, portsOf, children, linksAt, hostOf };
}

// ---------------------------------------------------------------------------------------------
// Inside a host or namespace

interface Inner {
  w: number;
  h: number;
  boxes: BoxGeom[];
  ports: PortGeom[];
}

/** The other end of a port's veth pair, if any. */
function vethPeer(ix: Index, portId: string): string | undefined {
  const l = ix.linksAt.get(portId)?.find((x) => x.kind === 'veth');
  return l ? (l.a === portId ? l.b : l.a) : undefined;
}

/**
 * Lays out a host or namespace box facing right (its ports on the right edge unless `sides` says
 * otherwise for a cabled port, in absolute terms: mirrored by the caller for a left-facing host).
 */
function layoutBox(ix: Index, node: TopoNode, measure: Measure, sideOf: (p: TopoPort) => Side, titleExtra: string, minW = 0): Inner {
  const { row, pad, title, port: ps, bar } = M;
  const boxes: BoxGeom[] = [];
  const ports: PortGeom[] = [];
  const own = ix.portsOf.get(node.id) ?? [];
  const kids = ix.children.get(node.id) ?? [];
  const bridges = kids.filter((k) => k.kind === 'bridge');
  const namespaces = kids.filter((k) => k.kind === 'netns');
  const bridgeIds = new Set(bridges.map((b) => b.id));
  const bridgeSelf = new Map<string, TopoPort>();
  for (const b of bridges) {
    const p = own.find((x) => x.kind === 'bridge' && x.name === b.name);
    if (p) bridgeSelf.set(b.id, p);
  }
  const selfIds = new Set([...bridgeSelf.values()].map((p) => p.id));
  // Interfaces in `ip link` order, the loopback last (every box has one).
  const edge = own.filter((p) => !selfIds.has(p.id) && !(p.master && bridgeIds.has(p.master)));
  edge.sort((a, b) => Number(a.kind === 'loopback') - Number(b.kind === 'loopback'));

  let w = Math.max(minW, measure(node.name) * 1.1 + measure(titleExtra) + 3 * pad);
  let y = title;
  // Edge rows.
  const edgeRows: { p: TopoPort; y: number; side: Side; label: string; lw: number }[] = [];
  for (const p of edge) {
    y += row;
    const label = portLabel(p);
    const lw = measure(label);
    edgeRows.push({ p, y: y - row / 2, side: sideOf(p), label, lw });
    w = Math.max(w, lw + ps + 3 * pad);
  }
  const contentTop = y + (edge.length ? 8 : 2);

  // Namespaces, stacked.
  let nsW = 0;
  let cy = contentTop;
  const peerY = new Map<string, number>();
  const kidGeoms: { node: TopoNode; inner: Inner; y: number }[] = [];
  // Namespaces as wide as the widest, so that their ports line up.
  const widest = Math.max(0, ...namespaces.map((ns) => layoutBox(ix, ns, measure, () => 'right', '').w));
  for (const ns of namespaces) {
    const inner = layoutBox(ix, ns, measure, () => 'right', '', widest);
    kidGeoms.push({ node: ns, inner, y: cy });
    for (const p of inner.ports) peerY.set(p.id, cy + p.y);
    nsW = Math.max(nsW, inner.w);
    cy += inner.h + M.nsGap;
  }
  let bottom = namespaces.length ? cy - M.nsGap : contentTop;

  // Bridges, each a bar to the right of the namespaces.
  let x = pad + nsW;
  let used: Set<number>;
  const bridgeGeoms: { b: TopoNode; barX: number; top: number; h: number; sub: string; rows: { p: TopoPort; y: number; label: string; edge: boolean }[] }[] = [];
  let nextFree = contentTop + 2 * row;
  for (const b of bridges) {
    const slaves = (ix.portsOf.get(node.id) ?? []).filter((p) => p.master === b.id);
    const rows: { p: TopoPort; y: number; label: string; edge: boolean }[] = [];
    used = new Set<number>();
    let labelW = 0;
    const cabled = (p: TopoPort) => !!ix.linksAt.get(p.id)?.some((l) => l.kind === 'cable');
    for (const p of slaves) {
      if (cabled(p)) continue;
      const peer = vethPeer(ix, p.id);
      let py = peer !== undefined ? peerY.get(peer) : undefined;
      if (py === undefined || used.has(py)) py = Math.max(nextFree, bottom + row);
      used.add(py);
      nextFree = Math.max(nextFree, py + row);
      const label = p.name;
      labelW = Math.max(labelW, measure(label));
      rows.push({ p, y: py, label, edge: false });
    }
    for (const p of slaves) {
      if (!cabled(p)) continue;
      const py = Math.max(nextFree, bottom + row);
      nextFree = py + row;
      rows.push({ p, y: py, label: portLabel(p), edge: true });
    }
    const self = bridgeSelf.get(b.id);
    const sub = self ? self.addresses.join(' ') : '';
    const gap = Math.max(36, labelW + ps + 30);
    const barX = x + gap;
    const ys = rows.map((r) => r.y);
    const top = Math.min(contentTop, ...ys.map((v) => v - 14));
    const end = Math.max(top + Math.max(M.switchMinH, 2 * row + 10), ...ys.map((v) => v + 14));
    const colW = bar + 8 + Math.max(measure(b.name), measure(sub), ...rows.filter((r) => r.edge).map((r) => measure(r.label) + ps + 8));
    bridgeGeoms.push({ b, barX, top, h: end - top, sub, rows });
    x = barX + colW;
    bottom = Math.max(bottom, end);
  }
  w = Math.max(w, x + pad, pad * 2 + nsW);
  const h = Math.max(bottom + pad, y + pad);

  // Now that the width is known: place everything.
  boxes.push({ id: node.id, node, x: 0, y: 0, w, h, lx: pad, ly: 17, anchor: 'start' });
  for (const r of edgeRows) {
    const right = r.side === 'right';
    ports.push({
      id: r.p.id, port: r.p, x: right ? w : 0, y: r.y, side: r.side, label: r.label,
      lx: right ? w - ps / 2 - 6 : ps / 2 + 6, ly: r.y + 4, anchor: right ? 'end' : 'start', on: 'edge',
    });
  }
  for (const k of kidGeoms) {
    for (const bx of k.inner.boxes) boxes.push({ ...bx, x: bx.x + pad, y: bx.y + k.y, lx: bx.lx + pad, ly: bx.ly + k.y });
    for (const p of k.inner.ports) ports.push({ ...p, x: p.x + pad, y: p.y + k.y, lx: p.lx + pad, ly: p.ly + k.y });
  }
  for (const g of bridgeGeoms) {
    boxes.push({ id: g.b.id, node: g.b, x: g.barX, y: g.top, w: bar, h: g.h, lx: g.barX + bar + 6, ly: g.top + 12, anchor: 'start', ...(g.sub ? { sub: g.sub } : {}) });
    const self = bridgeSelf.get(g.b.id);
    if (self) ports.push({ id: self.id, port: self, x: g.barX + bar / 2, y: g.top, side: 'right', label: '', lx: g.barX, ly: g.top, anchor: 'start', on: 'bridge-self' });
    for (const r of g.rows) {
      if (r.edge) {
        ports.push({ id: r.p.id, port: r.p, x: w, y: r.y, side: 'right', label: r.label, lx: w - ps / 2 - 6, ly: r.y + 4, anchor: 'end', on: 'edge' });
      } else {
        const px = g.barX - 16;
        ports.push({ id: r.p.id, port: r.p, x: px, y: r.y, side: 'left', label: r.label, lx: px - ps / 2 - 4, ly: r.y - 6, anchor: 'end', on: 'bridge' });
      }
    }
  }
  return { w, h, boxes, ports };
}

function mirror(inner: Inner): void {
  const W = inner.w;
  for (const b of inner.boxes) {
    if (b.node.kind === 'bridge') {
      b.x = W - b.x - b.w;
      b.lx = b.x - 6;
      b.anchor = 'end';
    } else if (b.x !== 0 || b.y !== 0) {
      b.x = W - b.x - b.w;
      b.lx = b.x + M.pad;
    }
  }
  for (const p of inner.ports) {
    p.x = W - p.x;
    p.lx = W - p.lx;
    p.anchor = p.anchor === 'end' ? 'start' : 'end';
    p.side = p.side === 'right' ? 'left' : 'right';
  }
}

export function switchSize(node: TopoNode, cables: number, measure: Measure): { w: number; h: number } {
  return { w: Math.max(M.switchMinW, measure(node.name) * 1.1 + 2 * M.pad + 26), h: Math.max(M.switchMinH, 14 * Math.ceil(cables / 2) + 18) };
}

// ---------------------------------------------------------------------------------------------
// The whole drawing

export interface LayoutOptions {
  readonly measure?: Measure;
  /** Positions the user chose (dragged), by item id: kept as they are. */
  readonly pinned?: ReadonlyMap<string, { x: number; y: number }>;
  /**
   * Positions from the drawing before an edit, by item id: kept, and an item that was not there
   * goes near its neighbours instead of where a fresh layout would put it.
   */
  readonly previous?: ReadonlyMap<string, { x: number; y: number; w?: number; h?: number }>;
  /** With `previous`: move down, just enough, what a new item or one that grew now covers (default true). */
  readonly settle?: boolean;
  /** The text after a forwarding host's name (`forwarding`, in the display language). */
  readonly forwardingLabel?: string;
}

interface Graph {
  readonly items: TopoNode[];
  readonly adj: Map<string, string[]>;
  /** Each host's cables: its port and the switch. */
  readonly cables: Map<string, { port: string; sw: string }[]>;
}

function graph(model: TopologyModel, ix: Index): Graph {
  const items = model.nodes.filter((n) => n.kind === 'switch' || (n.kind === 'host' && !n.parent));
  const adj = new Map<string, string[]>(items.map((n) => [n.id, []]));
  const cables = new Map<string, { port: string; sw: string }[]>();
  const link = (a: string, b: string) => {
    if (a === b || !adj.has(a) || !adj.has(b)) return;
    if (!adj.get(a)!.includes(b)) adj.get(a)!.push(b);
    if (!adj.get(b)!.includes(a)) adj.get(b)!.push(a);
  };
  for (const l of model.links) {
    const ha = ix.hostOf.get(l.a);
    if (!ha) continue;
    if (l.kind === 'cable') {
      if (!adj.has(l.b)) continue;
      link(ha, l.b);
      push(cables, ha, { port: l.a, sw: l.b });
    } else if (l.kind === 'veth') {
      const hb = ix.hostOf.get(l.b);
      if (hb && hb !== ha) link(ha, hb);
    }
  }
  return { items, adj, cables };
}

/** Columns: a layer number per item, and the components in order. */
function layers(g: Graph): { layer: Map<string, number>; comps: string[][] } {
  const layer = new Map<string, number>();
  const comps: string[][] = [];
  const order = new Map(g.items.map((n, i) => [n.id, i]));
  const kind = new Map(g.items.map((n) => [n.id, n.kind]));
  const seen = new Set<string>();
  for (const start of g.items) {
    if (seen.has(start.id)) continue;
    // The component, in BFS order.
    const comp: string[] = [start.id];
    seen.add(start.id);
    for (let i = 0; i < comp.length; i++) for (const n of g.adj.get(comp[i]!)!) {
        if (seen.has(n)) continue;
        seen.add(n);
        comp.push(n);
      }
    comp.sort((a, b) => order.get(a)! - order.get(b)!);
    comps.push(comp);
    const deg = (id: string) => g.adj.get(id)!.filter((n) => kind.get(n) === 'switch').length + g.adj.get(id)!.filter((n) => kind.get(n) === 'host').length;
    const backbone = new Set(comp.filter((id) => kind.get(id) === 'switch' || deg(id) >= 2));
    const root = comp.find((id) => backbone.has(id) && kind.get(id) === 'switch') ?? comp.find((id) => backbone.has(id));
    if (root === undefined) {
      for (const id of comp) layer.set(id, 0);
      continue;
    }
    const q = [root];
    layer.set(root, 0);
    for (let i = 0; i < q.length; i++) {
      const cur = q[i]!;
      for (const n of g.adj.get(cur)!) {
        if (!backbone.has(n) || layer.has(n)) continue;
        layer.set(n, layer.get(cur)! + 1);
        q.push(n);
      }
    }
    let max = 0;
    for (const id of backbone) max = Math.max(max, layer.get(id) ?? 0);
    let alt = 0;
    for (const id of comp) {
      if (backbone.has(id)) continue;
      const sw = g.adj.get(id)![0];
      const l = sw !== undefined ? layer.get(sw) ?? 0 : 0;
      if (sw === undefined) layer.set(id, 0);
      else if (max === 0) layer.set(id, alt++ % 2 === 0 ? -1 : 1);
      else layer.set(id, l === 0 ? -1 : l + 1);
    }
    // Backbone items a BFS did not reach (cannot happen in a connected component, but be safe).
    for (const id of comp) if (!layer.has(id)) layer.set(id, 0);
    const min = Math.min(...comp.map((id) => layer.get(id)!));
    for (const id of comp) layer.set(id, layer.get(id)! - min);
  }
  return { layer, comps };
}

/** Isotonic regression with gaps: tops as close to `want` as the order and the heights allow. */
function placeInOrder(want: number[], heights: number[], gap: number): number[] {
  const n = want.length;
  const off: number[] = [];
  let acc = 0;
  for (let i = 0; i < n; i++) {
    off.push(acc);
    acc += heights[i]! + gap;
  }
  // z_i = want_i - off_i must be non-decreasing: pool adjacent violators.
  const blocks: { sum: number; count: number }[] = [];
  for (let i = 0; i < n; i++) {
    blocks.push({ sum: want[i]! - off[i]!, count: 1 });
    while (blocks.length > 1 && blocks[blocks.length - 2]!.sum / blocks[blocks.length - 2]!.count > blocks[blocks.length - 1]!.sum / blocks[blocks.length - 1]!.count) {
      const b = blocks.pop()!;
      blocks[blocks.length - 1]!.sum += b.sum;
      blocks[blocks.length - 1]!.count += b.count;
    }
  }
  const out: number[] = [];
  for (const b of blocks) for (let k = 0; k < b.count; k++) out.push(b.sum / b.count + off[out.length]!);
  return out;
}

/** A host's interior, mirrored when it faces left. */
export function hostInterior(model: TopologyModel, hostId: string, sideOfPort: ReadonlyMap<string, Side>, measure: Measure, forwardingLabel: string): Pick<ItemGeom, 'w' | 'h' | 'boxes' | 'ports' | 'facing'> {
  const ix = indexCache(model);
  return interior(ix, ix.nodes.get(hostId)!, sideOfPort, measure, forwardingLabel);
}

const indexes = new WeakMap<TopologyModel, Index>();
export type ModelIndex = Index;
/** The model's lookups (computed once per model). */
export function modelIndex(model: TopologyModel): Index {
  return indexCache(model);
}
function indexCache(model: TopologyModel): Index {
  let ix = indexes.get(model);
  if (!ix) indexes.set(model, (ix = index(model)));
  return ix;
}

function interior(ix: Index, node: TopoNode, sideOfPort: ReadonlyMap<string, Side>, measure: Measure, forwardingLabel: string): Pick<ItemGeom, 'w' | 'h' | 'boxes' | 'ports' | 'facing'> {
  let right = 0;
  let left = 0;
  for (const [p, s] of sideOfPort) {
    if (ix.hostOf.get(p) !== node.id) continue;
    if (s === 'right') right++;
    else left++;
  }
  const facing: Side = left > right ? 'left' : 'right';
  const local = (p: TopoPort): Side => {
    const s = sideOfPort.get(p.id);
    if (!s) return 'right';
    return s === facing ? 'right' : 'left';
  };
  const inner = layoutBox(ix, node, measure, local, node.forwarding ? forwardingLabel : '');
  if (facing === 'left') mirror(inner);
  return { ...inner, facing };
}

/** The whole layout. Deterministic: the same model and options give the same numbers. */
export function layoutTopology(model: TopologyModel, opts: LayoutOptions = {}): TopoLayout {
  const measure = opts.measure ?? monoMeasure;
  const fwd = opts.forwardingLabel ?? 'forwarding';
  const ix = indexCache(model);
  const g = graph(model, ix);
  const { layer, comps } = layers(g);

  // Port sides from the columns: towards the switch.
  const sideOfPort = new Map<string, Side>();
  for (const [host, cs] of g.cables) for (const c of cs) sideOfPort.set(c.port, (layer.get(c.sw) ?? 0) >= (layer.get(host) ?? 0) ? 'right' : 'left');

  const items: ItemGeom[] = [];
  const item = new Map<string, ItemGeom>();
  const cableCount = new Map<string, number>();
  for (const cs of g.cables.values()) for (const c of cs) cableCount.set(c.sw, (cableCount.get(c.sw) ?? 0) + 1);
  for (const n of g.items) {
    let geom: ItemGeom;
    if (n.kind === 'switch') {
      const s = switchSize(n, cableCount.get(n.id) ?? 0, measure);
      geom = { id: n.id, node: n, kind: 'switch', x: 0, y: 0, w: s.w, h: s.h, boxes: [], ports: [], facing: 'right' };
    } else {
      geom = { id: n.id, node: n, kind: 'host', x: 0, y: 0, ...interior(ix, n, sideOfPort, measure, fwd) };
    }
    items.push(geom);
    item.set(n.id, geom);
  }

  // Columns per component; components one below the other.
  let top = 0;
  for (const comp of comps) {
    const nl = Math.max(...comp.map((id) => layer.get(id)!)) + 1;
    const cols: string[][] = Array.from({ length: nl }, () => []);
    for (const id of comp) cols[layer.get(id)!]!.push(id);
    // Order: barycentre sweeps over the neighbours' positions in the adjacent columns.
    const pos = new Map<string, number>();
    const setPos = () => cols.forEach((c) => c.forEach((id, i) => pos.set(id, i)));
    setPos();
    for (let iter = 0; iter < 4; iter++) {
      const dir = iter % 2 === 0 ? 1 : -1;
      for (let k = 0; k < nl; k++) {
        const li = dir === 1 ? k : nl - 1 - k;
        const col = cols[li]!;
        const bary = new Map<string, number>();
        for (const id of col) {
          const ns = g.adj.get(id)!.filter((n) => layer.get(n) === li - dir);
          bary.set(id, ns.length ? ns.reduce((s, n) => s + pos.get(n)!, 0) / ns.length : pos.get(id)!);
        }
        col.sort((a, b) => bary.get(a)! - bary.get(b)! || pos.get(a)! - pos.get(b)!);
        col.forEach((id, i) => pos.set(id, i));
      }
    }
    // A column much taller than the drawing is wide is cut into side-by-side columns (in order),
    // so that a big lab keeps a readable shape; the bundled labs' columns are short enough.
    let area = 0;
    for (const id of comp) area += item.get(id)!.w * item.get(id)!.h;
    const tall = Math.max(600, 1.5 * Math.sqrt(area / 1.6));
    const stack = (col: string[]) => col.reduce((sum, id) => sum + item.get(id)!.h, 0) + M.gapY * (col.length - 1);
    const phys: { layer: number; ids: string[] }[] = [];
    cols.forEach((col, li) => {
      const parts = col.length >= 4 ? Math.ceil(stack(col) / tall) : 1;
      const per = Math.ceil(col.length / parts);
      for (let k = 0; k < col.length; k += per) phys.push({ layer: li, ids: col.slice(k, k + per) });
      if (!col.length) phys.push({ layer: li, ids: [] });
    });
    // x: column widths; hosts aligned towards their cables.
    let x = 0;
    phys.forEach((pc, i) => {
      const col = pc.ids;
      const cw = Math.max(0, ...col.map((id) => item.get(id)!.w));
      for (const id of col) {
        const it = item.get(id)!;
        const sides = (g.cables.get(id) ?? []).map((c) => sideOfPort.get(c.port));
        const allRight = sides.length > 0 && sides.every((s) => s === 'right');
        const allLeft = sides.length > 0 && sides.every((s) => s === 'left');
        it.x = x + (allRight ? cw - it.w : allLeft ? 0 : (cw - it.w) / 2);
      }
      x += cw + (phys[i + 1]?.layer === pc.layer ? M.gapY * 2 : M.gapX);
    });
    // y: stacked, then pulled towards the neighbours.
    for (const { ids: col } of phys) {
      let y = -stack(col) / 2;
      for (const id of col) {
        item.get(id)!.y = y;
        y += item.get(id)!.h + M.gapY;
      }
    }
    const cablesOfSwitch = new Map<string, { host: string; port: string }[]>();
    for (const [host, cs] of g.cables) for (const c of cs) push(cablesOfSwitch, c.sw, { host, port: c.port });
    const localY = new Map<string, number>();
    for (const id of comp) for (const p of item.get(id)!.ports) localY.set(p.id, p.y);
    const portY = (host: string, port: string) => {
      const it = item.get(host)!;
      return it.y + (localY.get(port) ?? it.h / 2);
    };
    const np = phys.length;
    for (let iter = 0; iter < 6; iter++) {
      const dir = iter % 2 === 0 ? 1 : -1;
      for (let k = 0; k < np; k++) {
        const col = phys[dir === 1 ? k : np - 1 - k]!.ids;
        const want = col.map((id) => {
          const it = item.get(id)!;
          if (it.kind === 'switch') {
            const ys = (cablesOfSwitch.get(id) ?? []).filter((c) => layer.get(c.host) !== layer.get(id)).map((c) => portY(c.host, c.port));
            return ys.length ? ys.reduce((s, v) => s + v, 0) / ys.length - it.h / 2 : it.y;
          }
          const cs = g.cables.get(id) ?? [];
          const ws = cs.map((c) => {
            const sw = item.get(c.sw)!;
            return sw.y + sw.h / 2 - (localY.get(c.port) ?? it.h / 2);
          });
          const hosts = g.adj.get(id)!.filter((n) => item.get(n)!.kind === 'host').map((n) => item.get(n)!.y);
          const all = [...ws, ...hosts];
          return all.length ? all.reduce((s, v) => s + v, 0) / all.length : it.y;
        });
        const ys = placeInOrder(want, col.map((id) => item.get(id)!.h), M.gapY);
        col.forEach((id, i) => (item.get(id)!.y = ys[i]!));
      }
    }
    const minY = Math.min(...comp.map((id) => item.get(id)!.y));
    let maxY = -Infinity;
    for (const id of comp) {
      const it = item.get(id)!;
      it.y += top - minY;
      maxY = Math.max(maxY, it.y + it.h);
    }
    top = maxY + M.compGap;
  }
  for (const it of items) {
    it.x = Math.round(it.x);
    it.y = Math.round(it.y);
  }
  const fixed = new Map([...(opts.previous ?? []), ...(opts.pinned ?? [])]);
  if (fixed.size) applyFixed(ix, g, items, item, fixed, new Set(opts.pinned?.keys() ?? []), !!opts.previous?.size, opts.settle !== false, sideOfPort, measure, fwd);
  return finish(items, item);
}

function finish(items: ItemGeom[], item: Map<string, ItemGeom>): TopoLayout {
  const port = new Map<string, PortGeom>();
  const box = new Map<string, BoxGeom>();
  const owner = new Map<string, string>();
  for (const it of items) {
    owner.set(it.id, it.id);
    for (const b of it.boxes) {
      box.set(b.id, b);
      owner.set(b.id, it.id);
    }
    for (const p of it.ports) {
      port.set(p.id, p);
      owner.set(p.id, it.id);
    }
  }
  return { items, item, port, box, owner };
}

const overlaps = (a: ItemGeom, b: ItemGeom, m: number) => a.x < b.x + b.w + m && b.x < a.x + a.w + m && a.y < b.y + b.h + m && b.y < a.y + a.h + m;

/**
 * Keeps the given positions; a new item goes where the fresh layout puts it relative to a
 * neighbour that kept its place (else shifted as the kept items were), and is moved down until it
 * overlaps nothing. Ports face their switches where they now are.
 */
function applyFixed(
  ix: Index, g: Graph, items: ItemGeom[], item: Map<string, ItemGeom>,
  fixed: ReadonlyMap<string, { x: number; y: number; w?: number; h?: number }>, pinned: ReadonlySet<string>, relative: boolean, settle: boolean, sideOfPort: Map<string, Side>, measure: Measure, fwd: string,
): void {
  const fresh = new Map(items.map((it) => [it.id, { x: it.x, y: it.y }]));
  const kept = items.filter((it) => fixed.has(it.id));
  const dx = kept.map((it) => fixed.get(it.id)!.x - it.x).sort((a, b) => a - b);
  const dy = kept.map((it) => fixed.get(it.id)!.y - it.y).sort((a, b) => a - b);
  const shift = { x: dx[dx.length >> 1] ?? 0, y: dy[dy.length >> 1] ?? 0 };
  for (const it of kept) {
    const p = fixed.get(it.id)!;
    it.x = p.x;
    it.y = p.y;
  }
  const moved = relative ? items.filter((it) => !fixed.has(it.id)) : [];
  for (const it of moved) {
    const nb = g.adj.get(it.id)!.find((n) => fixed.has(n));
    const f = fresh.get(it.id)!;
    if (nb !== undefined) {
      const fn = fresh.get(nb)!;
      const p = fixed.get(nb)!;
      it.x = p.x + (f.x - fn.x);
      it.y = p.y + (f.y - fn.y);
    } else {
      it.x = f.x + shift.x;
      it.y = f.y + shift.y;
    }
  }
  // Ports towards their switches, where they now are.
  let changed = false;
  for (const [host, cs] of g.cables) {
    const h = item.get(host)!;
    for (const c of cs) {
      const sw = item.get(c.sw)!;
      const s: Side = sw.x + sw.w / 2 >= h.x + h.w / 2 ? 'right' : 'left';
      if (sideOfPort.get(c.port) === s) continue;
      sideOfPort.set(c.port, s);
      changed = true;
    }
  }
  if (changed) {
    for (const it of items) if (it.kind === 'host') Object.assign(it, interior(ix, it.node, sideOfPort, measure, fwd));
  }
  // New items must not overlap anything.
  for (const it of moved) {
    for (let guard = 0; guard < items.length + 1; guard++) {
      const hit = items.find((o) => o !== it && (fixed.has(o.id) || moved.indexOf(o) < moved.indexOf(it)) && overlaps(it, o, 16));
      if (!hit) break;
      it.y = hit.y + hit.h + M.gapY;
    }
    it.x = Math.round(it.x);
    it.y = Math.round(it.y);
  }
  if (!relative || !settle) return;
  // A new item, or one that grew (a namespace added), may now cover the ones below it: those move
  // down, just enough (and may push others in turn); an item the user placed stays where it is.
  const active = new Set(moved.map((it) => it.id));
  for (const it of kept) {
    const p = fixed.get(it.id)!;
    if ((p.w !== undefined && it.w > p.w) || (p.h !== undefined && it.h > p.h)) active.add(it.id);
  }
  if (!active.size) return;
  const order = [...items].sort((a, b) => a.y - b.y || a.x - b.x);
  for (let i = 1; i < order.length; i++) {
    const it = order[i]!;
    if (pinned.has(it.id)) continue;
    for (let guard = 0; guard < order.length; guard++) {
      let hit: ItemGeom | undefined;
      for (let j = 0; j < i && !hit; j++) if (active.has(order[j]!.id) && overlaps(it, order[j]!, 8)) hit = order[j];
      if (!hit) break;
      it.y = hit.y + hit.h + M.gapY;
      active.add(it.id);
    }
  }
}

/** Where a cable meets its switch: the side facing the port, spread along it in the ports' order. */
export function switchAttachments(layout: TopoLayout, model: TopologyModel): Map<string, { x: number; y: number; side: Side }> {
  const out = new Map<string, { x: number; y: number; side: Side }>();
  const bySwitch = new Map<string, { link: string; px: number; py: number }[]>();
  for (const l of model.links) {
    if (l.kind !== 'cable') continue;
    const p = layout.port.get(l.a);
    const owner = layout.owner.get(l.a);
    if (!p || owner === undefined || !layout.item.has(l.b)) continue;
    const it = layout.item.get(owner)!;
    push(bySwitch, l.b, { link: l.id, px: it.x + p.x, py: it.y + p.y });
  }
  for (const [sw, list] of bySwitch) {
    const s = layout.item.get(sw)!;
    const cx = s.x + s.w / 2;
    for (const side of ['left', 'right'] as const) {
      const mine = list.filter((c) => (c.px < cx ? 'left' : 'right') === side).sort((a, b) => a.py - b.py);
      mine.forEach((c, i) => {
        out.set(c.link, { x: side === 'left' ? s.x : s.x + s.w, y: s.y + (s.h * (i + 1)) / (mine.length + 1), side });
      });
    }
  }
  return out;
}

/** The bounding box of items (all of them by default). */
export function bounds(items: Iterable<ItemGeom>): { x: number; y: number; w: number; h: number } | undefined {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const it of items) {
    x0 = Math.min(x0, it.x);
    y0 = Math.min(y0, it.y);
    x1 = Math.max(x1, it.x + it.w);
    y1 = Math.max(y1, it.y + it.h);
  }
  return x0 === Infinity ? undefined : { x: x0, y: y0, w: x1 - x0, h: y1 - y0 };
}
