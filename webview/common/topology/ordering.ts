/**
 * The order of the items within each column of a component: by the barycentre of their neighbours
 * in the adjacent column, in a few sweeps left to right and back (fewer crossing lines). Split out
 * of layout.ts, between layering (the columns) and placement (where each item goes).
 */

/** The component's columns (by layer), each ordered by the barycentre sweeps. */
export function orderColumns(comp: readonly string[], layer: ReadonlyMap<string, number>, adj: ReadonlyMap<string, string[]>): string[][] {
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
        const ns = adj.get(id)!.filter((n) => layer.get(n) === li - dir);
        bary.set(id, ns.length ? ns.reduce((s, n) => s + pos.get(n)!, 0) / ns.length : pos.get(id)!);
      }
      col.sort((a, b) => bary.get(a)! - bary.get(b)! || pos.get(a)! - pos.get(b)!);
      col.forEach((id, i) => pos.set(id, i));
    }
  }
  return cols;
}
