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
 *
 * The steps live in their own files: geometry.ts (shapes, measures, the model's lookups),
 * interior.ts (inside a host), layering.ts (columns), ordering.ts (order within a column),
 * placement.ts (positions), incremental.ts (positions to keep). This file runs them in order, and
 * is what the drawing and the tests import.
 */
import type { TopologyModel } from '../../../src/core/view/types';
import {
  type BoxGeom,
  type ItemGeom,
  type Measure,
  modelIndex,
  monoMeasure,
  type PortGeom,
  push,
  type Side,
  type TopoLayout,
} from './geometry';
import { applyFixed } from './incremental';
import { interior, switchSize } from './interior';
import { graph, layers } from './layering';
import { orderColumns } from './ordering';
import { placeComponent } from './placement';

export { bounds, M, modelIndex, monoMeasure, portLabel } from './geometry';
export type { BoxGeom, ItemGeom, Measure, ModelIndex, PortGeom, Side, TopoLayout } from './geometry';
export { hostInterior, switchSize } from './interior';

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

/** The whole layout. Deterministic: the same model and options give the same numbers. */
export function layoutTopology(model: TopologyModel, opts: LayoutOptions = {}): TopoLayout {
  const measure = opts.measure ?? monoMeasure;
  const fwd = opts.forwardingLabel ?? 'forwarding';
  const ix = modelIndex(model);
  const g = graph(model, ix);
  const { layer, comps } = layers(g);

  // Port sides from the columns: towards the switch.
  const sideOfPort = new Map<string, Side>();
  for (const [host, cs] of g.cables)
    for (const c of cs) sideOfPort.set(c.port, (layer.get(c.sw) ?? 0) >= (layer.get(host) ?? 0) ? 'right' : 'left');

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

  // Columns per component, ordered, placed; components one below the other.
  let top = 0;
  for (const comp of comps) top = placeComponent(comp, orderColumns(comp, layer, g.adj), g, layer, item, sideOfPort, top);
  for (const it of items) {
    it.x = Math.round(it.x);
    it.y = Math.round(it.y);
  }
  const fixed = new Map([...(opts.previous ?? []), ...(opts.pinned ?? [])]);
  if (fixed.size)
    applyFixed(
      ix,
      g,
      items,
      item,
      fixed,
      new Set(opts.pinned?.keys() ?? []),
      !!opts.previous?.size,
      opts.settle !== false,
      sideOfPort,
      measure,
      fwd,
    );
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
