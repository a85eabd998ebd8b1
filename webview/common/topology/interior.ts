/**
 * Inside a host (the same for a namespace): its title, then one row per interface with the port on
 * the box's edge (on the side its switch is), then its namespaces stacked on one side and its
 * bridges beside them, each bridge a vertical bar holding its enslaved ports in line with their
 * veth peers, so veth lines run straight across. A left-facing host is laid out facing right, then
 * mirrored. Also a switch's size. Split out of layout.ts, which places these items on the page.
 */
import type { TopologyModel, TopoNode, TopoPort } from '../../../src/core/view/types';
import {
  type BoxGeom,
  containerTexts,
  ICON_W,
  type Index,
  type ItemGeom,
  M,
  type Measure,
  modelIndex,
  networkText,
  ownNamespace,
  portLabel,
  type PortGeom,
  type Side,
} from './geometry';

export interface Inner {
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
  // Containers with a namespace of their own are stacked with the namespaces; the others are a row each.
  const namespaces = kids.filter((k) => k.kind === 'netns' || ownNamespace(k));
  const chips = kids.filter((k) => k.kind === 'container' && !ownNamespace(k));
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

  // A container's title row: its icon, name, image and mode; its published ports on a line below.
  const ct = node.container && containerTexts(node.container);
  const titleW = ct ? ICON_W + measure(node.name) * 1.1 + 8 + measure(chipRest(ct)) : measure(node.name) * 1.1 + measure(titleExtra);
  const published = ct?.published ?? '';
  let w = Math.max(minW, titleW + 3 * pad, published ? measure(published) + ICON_W + 2 * pad : 0);
  let y = title + (published ? 14 : 0);
  // Edge rows.
  const edgeRows: { p: TopoPort; y: number; side: Side; label: string; lw: number }[] = [];
  for (const p of edge) {
    y += row;
    const label = portLabel(p);
    const lw = measure(label);
    edgeRows.push({ p, y: y - row / 2, side: sideOf(p), label, lw });
    w = Math.max(w, lw + ps + 3 * pad);
  }
  // Containers without a namespace of their own (host network, not running): a row each.
  const chipRows: { n: TopoNode; y: number }[] = [];
  if (chips.length) y += 4;
  for (const c of chips) {
    chipRows.push({ n: c, y });
    y += row;
    w = Math.max(w, ICON_W + measure(c.name) * 1.1 + 8 + measure(chipRest(containerTexts(c.container!))) + 4 * pad);
  }
  const contentTop = y + (edge.length || chips.length ? 8 : 2);

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
  const bridgeGeoms: {
    b: TopoNode;
    barX: number;
    top: number;
    h: number;
    sub: string;
    net: string;
    rows: { p: TopoPort; y: number; label: string; edge: boolean }[];
  }[] = [];
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
    const net = networkText(b);
    const gap = Math.max(36, labelW + ps + 30);
    const barX = x + gap;
    const ys = rows.map((r) => r.y);
    const top = Math.min(contentTop, ...ys.map((v) => v - 14));
    const end = Math.max(top + Math.max(M.switchMinH, 2 * row + 10), ...ys.map((v) => v + 14));
    const colW =
      bar + 8 + Math.max(measure(b.name), measure(sub), measure(net), ...rows.filter((r) => r.edge).map((r) => measure(r.label) + ps + 8));
    bridgeGeoms.push({ b, barX, top, h: end - top, sub, net, rows });
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
      id: r.p.id,
      port: r.p,
      x: right ? w : 0,
      y: r.y,
      side: r.side,
      label: r.label,
      lx: right ? w - ps / 2 - 6 : ps / 2 + 6,
      ly: r.y + 4,
      anchor: right ? 'end' : 'start',
      on: 'edge',
    });
  }
  for (const r of chipRows)
    boxes.push({
      id: r.n.id,
      node: r.n,
      x: pad,
      y: r.y + 2,
      w: w - 2 * pad,
      h: row - 4,
      lx: 2 * pad,
      ly: r.y + 15,
      anchor: 'start',
      chip: true,
    });
  for (const k of kidGeoms) {
    for (const bx of k.inner.boxes) boxes.push({ ...bx, x: bx.x + pad, y: bx.y + k.y, lx: bx.lx + pad, ly: bx.ly + k.y });
    for (const p of k.inner.ports) ports.push({ ...p, x: p.x + pad, y: p.y + k.y, lx: p.lx + pad, ly: p.ly + k.y });
  }
  for (const g of bridgeGeoms) {
    boxes.push({
      id: g.b.id,
      node: g.b,
      x: g.barX,
      y: g.top,
      w: bar,
      h: g.h,
      lx: g.barX + bar + 6,
      ly: g.top + 12,
      anchor: 'start',
      ...(g.sub ? { sub: g.sub } : {}),
      ...(g.net ? { net: g.net } : {}),
    });
    const self = bridgeSelf.get(g.b.id);
    if (self)
      ports.push({
        id: self.id,
        port: self,
        x: g.barX + bar / 2,
        y: g.top,
        side: 'right',
        label: '',
        lx: g.barX,
        ly: g.top,
        anchor: 'start',
        on: 'bridge-self',
      });
    for (const r of g.rows) {
      if (r.edge) {
        ports.push({
          id: r.p.id,
          port: r.p,
          x: w,
          y: r.y,
          side: 'right',
          label: r.label,
          lx: w - ps / 2 - 6,
          ly: r.y + 4,
          anchor: 'end',
          on: 'edge',
        });
      } else {
        const px = g.barX - 16;
        ports.push({
          id: r.p.id,
          port: r.p,
          x: px,
          y: r.y,
          side: 'left',
          label: r.label,
          lx: px - ps / 2 - 4,
          ly: r.y - 6,
          anchor: 'end',
          on: 'bridge',
        });
      }
    }
  }
  return { w, h, boxes, ports };
}

/** What follows a container's name on its row: image, mode, state. */
function chipRest(ct: ReturnType<typeof containerTexts>): string {
  return [ct.image, ct.tags, ct.warn].filter(Boolean).join('  ');
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
  return {
    w: Math.max(M.switchMinW, measure(node.name) * 1.1 + 2 * M.pad + 26),
    h: Math.max(M.switchMinH, 14 * Math.ceil(cables / 2) + 18),
  };
}

/** A host's interior, mirrored when it faces left. */
export function hostInterior(
  model: TopologyModel,
  hostId: string,
  sideOfPort: ReadonlyMap<string, Side>,
  measure: Measure,
  forwardingLabel: string,
): Pick<ItemGeom, 'w' | 'h' | 'boxes' | 'ports' | 'facing'> {
  const ix = modelIndex(model);
  return interior(ix, ix.nodes.get(hostId)!, sideOfPort, measure, forwardingLabel);
}

export function interior(
  ix: Index,
  node: TopoNode,
  sideOfPort: ReadonlyMap<string, Side>,
  measure: Measure,
  forwardingLabel: string,
): Pick<ItemGeom, 'w' | 'h' | 'boxes' | 'ports' | 'facing'> {
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
  const inner = layoutBox(ix, node, measure, local, node.forwarding || node.forwarding6 ? forwardingLabel : '');
  if (facing === 'left') mirror(inner);
  return { ...inner, facing };
}
