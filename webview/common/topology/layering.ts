/**
 * The layout's columns (layers), left to right. The "backbone" (switches, and hosts cabled to two
 * switches or more: routers) is layered breadth-first from the first switch; a host on one switch
 * only sits in the column next to it (left of a first-column switch, else right; around a lone
 * switch, alternately left and right). Each connected component is laid out on its own. Split out
 * of layout.ts; ordering.ts orders each column, placement.ts places it.
 */
import type { TopologyModel, TopoNode } from '../../../src/core/view/types';
import { type Index, push } from './geometry';

export interface Graph {
  readonly items: TopoNode[];
  readonly adj: Map<string, string[]>;
  /** Each host's cables: its port and the switch. */
  readonly cables: Map<string, { port: string; sw: string }[]>;
}

export function graph(model: TopologyModel, ix: Index): Graph {
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
export function layers(g: Graph): { layer: Map<string, number>; comps: string[][] } {
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
    for (let i = 0; i < comp.length; i++)
      for (const n of g.adj.get(comp[i]!)!) {
        if (seen.has(n)) continue;
        seen.add(n);
        comp.push(n);
      }
    comp.sort((a, b) => order.get(a)! - order.get(b)!);
    comps.push(comp);
    const deg = (id: string) =>
      g.adj.get(id)!.filter((n) => kind.get(n) === 'switch').length + g.adj.get(id)!.filter((n) => kind.get(n) === 'host').length;
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
      const l = sw !== undefined ? (layer.get(sw) ?? 0) : 0;
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
