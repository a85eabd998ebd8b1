/**
 * A layout with positions to keep: where the user dragged items (pinned), and the drawing before an
 * edit of the lab (previous). Kept items stay; a new item goes near a neighbour that kept its place;
 * nothing new overlaps; what a new or grown item now covers moves down, just enough. Split out of
 * layout.ts, which calls it after a fresh layout.
 */
import { type Index, type ItemGeom, M, type Measure, type Side } from './geometry';
import { interior } from './interior';
import type { Graph } from './layering';

const overlaps = (a: ItemGeom, b: ItemGeom, m: number) =>
  a.x < b.x + b.w + m && b.x < a.x + a.w + m && a.y < b.y + b.h + m && b.y < a.y + a.h + m;

/**
 * Keeps the given positions; a new item goes where the fresh layout puts it relative to a
 * neighbour that kept its place (else shifted as the kept items were), and is moved down until it
 * overlaps nothing. Ports face their switches where they now are.
 */
export function applyFixed(
  ix: Index,
  g: Graph,
  items: ItemGeom[],
  item: Map<string, ItemGeom>,
  fixed: ReadonlyMap<string, { x: number; y: number; w?: number; h?: number }>,
  pinned: ReadonlySet<string>,
  relative: boolean,
  settle: boolean,
  sideOfPort: Map<string, Side>,
  measure: Measure,
  fwd: string,
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
