/**
 * Where the items of one component go, its columns ordered: a column much taller than the drawing
 * is wide is cut into side-by-side columns; columns go left to right (hosts aligned towards their
 * cables); within a column, items are placed vertically as close to their neighbours as the order
 * allows (an isotonic regression: pool adjacent violators), in a few sweeps; the component goes
 * below the ones before it. Split out of layout.ts.
 */
import { type ItemGeom, M, push, type Side } from './geometry';
import type { Graph } from './layering';

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
    while (
      blocks.length > 1 &&
      blocks[blocks.length - 2]!.sum / blocks[blocks.length - 2]!.count > blocks[blocks.length - 1]!.sum / blocks[blocks.length - 1]!.count
    ) {
      const b = blocks.pop()!;
      blocks[blocks.length - 1]!.sum += b.sum;
      blocks[blocks.length - 1]!.count += b.count;
    }
  }
  const out: number[] = [];
  for (const b of blocks) for (let k = 0; k < b.count; k++) out.push(b.sum / b.count + off[out.length]!);
  return out;
}

/**
 * Places the items of `comp` (its columns `cols`, ordered), its top at `top`; returns where the
 * next component starts.
 */
export function placeComponent(
  comp: readonly string[],
  cols: readonly string[][],
  g: Graph,
  layer: ReadonlyMap<string, number>,
  item: ReadonlyMap<string, ItemGeom>,
  sideOfPort: ReadonlyMap<string, Side>,
  top: number,
): number {
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
        const hosts = g.adj
          .get(id)!
          .filter((n) => item.get(n)!.kind === 'host')
          .map((n) => item.get(n)!.y);
        const all = [...ws, ...hosts];
        return all.length ? all.reduce((s, v) => s + v, 0) / all.length : it.y;
      });
      const ys = placeInOrder(
        want,
        col.map((id) => item.get(id)!.h),
        M.gapY,
      );
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
  return maxY + M.compGap;
}
