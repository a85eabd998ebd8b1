/**
 * The pieces of the incremental YAML patcher (incrementalParser.ts) that work on the document as a
 * whole: the changed region of two texts, the scalar that holds it and the way down to it, moving
 * every node after it (and the line index) by the edit's length, and small documents of the yaml
 * package's own to learn a scalar's value. The patches of one scalar are in scalarPatch.ts.
 */
import { type Document, isMap, isPair, isScalar, isSeq, type Node, parseDocument, Scalar } from 'yaml';
import { YAML_OPTIONS } from '../lab/load';

type Range3 = [number, number, number];

export interface Edit {
  /** Where the change starts (same in both texts). */
  readonly a: number;
  /** Where it ends in the old text, and in the new one. */
  readonly oldEnd: number;
  readonly newEnd: number;
  readonly delta: number;
}

/** The new scalar: its yaml-computed properties and its place in the new text. */
export interface Patch {
  readonly from: Scalar;
  readonly range: Range3;
  /**
   * When a block scalar took in blank lines after it or let some go (a line typed below its last
   * one, Enter at its end, its last line emptied): where the next node starts in the old text,
   * and that node, whose `spaceBefore` says whether blank lines come before it.
   */
  readonly gap?: { readonly next: number; readonly nextNode?: Node; readonly spaceBefore: boolean };
}

export function changedRegion(old: string, text: string): Edit {
  const min = Math.min(old.length, text.length);
  // Whole chunks first (comparing substrings is much faster than characters one by one).
  const CHUNK = 512;
  let a = 0;
  while (a + CHUNK <= min && old.slice(a, a + CHUNK) === text.slice(a, a + CHUNK)) a += CHUNK;
  while (a < min && old.charCodeAt(a) === text.charCodeAt(a)) a++;
  const maxS = min - a;
  let s = 0;
  while (s + CHUNK <= maxS && old.slice(old.length - s - CHUNK, old.length - s) === text.slice(text.length - s - CHUNK, text.length - s))
    s += CHUNK;
  while (s < maxS && old.charCodeAt(old.length - 1 - s) === text.charCodeAt(text.length - 1 - s)) s++;
  return { a, oldEnd: old.length - s, newEnd: text.length - s, delta: text.length - old.length };
}

export interface Found {
  readonly node: Scalar;
  /** The collections from the root down to the scalar, and where the way goes in each. */
  readonly path: { readonly coll: Node & { items: unknown[] }; readonly index: number; readonly side: 'key' | 'value' | 'item' }[];
  /** The pairs of the mapping, when the scalar is one of its keys. */
  keyOf?: readonly { key: unknown }[];
}

export function covers(n: unknown, a: number, end: number): n is Node {
  const r = (n as Node | null)?.range;
  return !!r && r[0] <= a && end <= r[1];
}

/** The innermost node holding [a, end) of the old text: a scalar, or nothing. */
export function findScalar(root: unknown, a: number, end: number): Found | undefined {
  const path: Found['path'][number][] = [];
  let n: unknown = root;
  for (;;) {
    if (!covers(n, a, end)) return undefined;
    if (isScalar(n)) {
      const last = path[path.length - 1];
      return { node: n, path, ...(last?.side === 'key' ? { keyOf: last.coll.items as { key: unknown }[] } : {}) };
    }
    if (!isMap(n) && !isSeq(n)) return undefined;
    const items = n.items as unknown[];
    let next: unknown;
    for (let i = 0; i < items.length && next === undefined; i++) {
      const item = items[i];
      if (isPair(item)) {
        if (isSeq(n)) {
          if (covers(item.key, a, end) || covers(item.value, a, end)) return undefined; // [a: b]: rare, parsed in full
        } else if (covers(item.key, a, end)) {
          next = item.key;
          path.push({ coll: n, index: i, side: 'key' });
        } else if (covers(item.value, a, end)) {
          next = item.value;
          path.push({ coll: n, index: i, side: 'value' });
        }
      } else if (covers(item, a, end)) {
        next = item;
        path.push({ coll: n, index: i, side: 'item' });
      }
    }
    if (next === undefined) return undefined;
    n = next;
  }
}

/** The furthest place a node (or a pair's key and value) reaches, or undefined if it has no range. */
function reach(item: unknown): number | undefined {
  if (isPair(item)) {
    const k = reach(item.key ?? null);
    const v = reach(item.value ?? null);
    return k === undefined || v === undefined ? undefined : Math.max(k, v);
  }
  if (item === null) return -1;
  const r = (item as Node).range;
  return r ? Math.max(r[0], r[1], r[2]) : undefined;
}

/** Moves every node of `item` by `delta`; false if one has no range or starts before `from`. */
function shiftTree(item: unknown, from: number, delta: number): boolean {
  if (item === null || item === undefined) return true;
  if (isPair(item)) return shiftTree(item.key, from, delta) && shiftTree(item.value, from, delta);
  const n = item as Node;
  const r = n.range;
  if (!r || r[0] < from) return false;
  n.range = [r[0] + delta, r[1] + delta, r[2] + delta];
  if (isMap(n) || isSeq(n)) for (const x of n.items as unknown[]) if (!shiftTree(x, from, delta)) return false;
  return true;
}

/**
 * Moves the nodes after the scalar by the edit's length, and the ends of the collections holding
 * it (those that end where the scalar ends end where it ends now). False if some node does not
 * fit that picture: the document is then half moved, and dropped.
 */
export function shiftNodes(doc: Document.Parsed, found: Found, edit: Edit, patch: Patch): boolean {
  const { a, oldEnd, delta } = edit;
  const end = found.node.range![1];
  const gap = patch.gap;
  const from = gap ? gap.next : Math.max(end, oldEnd);
  /** Where an end of a collection holding the scalar goes; undefined if it is in the edit. */
  const moved = (r: number): number | undefined =>
    gap && r === end ? patch.range[1] : r >= from || (!gap && r >= oldEnd) ? r + delta : undefined;
  const d = doc.range;
  if (d && (d[0] > a || moved(d[1]) === undefined || moved(d[2]) === undefined)) return false;
  for (const { coll, index } of found.path) {
    const r = coll.range;
    if (!r || r[0] > a || moved(r[1]) === undefined || moved(r[2]) === undefined) return false;
    // Before the way down: must end before the edit.
    if (index > 0) {
      const prev = reach(coll.items[index - 1]);
      if (prev === undefined || prev > a) return false;
    }
  }
  for (const { coll, index, side } of found.path) {
    const items = coll.items;
    const pair = items[index];
    if (isPair(pair)) {
      if (side === 'key' && !shiftTree(pair.value, from, delta)) return false;
      if (side === 'value') {
        const k = reach(pair.key ?? null);
        if (k === undefined || k > a) return false;
      }
    }
    for (let i = index + 1; i < items.length; i++) if (!shiftTree(items[i], from, delta)) return false;
    const r = coll.range!;
    coll.range = [r[0], moved(r[1])!, moved(r[2])!];
  }
  if (d) doc.range = [d[0], moved(d[1])!, moved(d[2])!];
  return true;
}

/** The node right after the scalar in the document (a key, in a block mapping), or undefined at the end. */
export function nextNode(found: Found): { node: unknown; keyInBlockMap: boolean } | undefined {
  for (let i = found.path.length - 1; i >= 0; i--) {
    const { coll, index } = found.path[i]!;
    const item = coll.items[index + 1];
    if (item === undefined) continue;
    return isPair(item) ? { node: item.key, keyInBlockMap: isMap(coll) && !coll.flow } : { node: item, keyInBlockMap: false };
  }
  return undefined;
}

/**
 * The line index of the new text: the old one before the edit, the edit's own line breaks, the old
 * one after it, moved. Undefined if the old index is not what the old text's line breaks say.
 */
export function shiftedLineStarts(starts: readonly number[], old: string, text: string, edit: Edit): number[] | undefined {
  const { a, oldEnd, newEnd, delta } = edit;
  // First index with a start > a.
  let lo = 0;
  let hi = starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (starts[mid]! <= a) lo = mid + 1;
    else hi = mid;
  }
  const out = starts.slice(0, lo);
  let j = lo;
  for (let i = old.indexOf('\n', a); i >= 0 && i < oldEnd; i = old.indexOf('\n', i + 1)) {
    if (starts[j] !== i + 1) return undefined;
    j++;
  }
  if (j < starts.length && starts[j]! <= oldEnd) return undefined;
  for (let i = text.indexOf('\n', a); i >= 0 && i < newEnd; i = text.indexOf('\n', i + 1)) out.push(i + 1);
  for (; j < starts.length; j++) out.push(starts[j]! + delta);
  return out;
}

/** Gives `node` the value of `from` (a scalar the yaml package composed from the same source). */
export function setScalar(node: Scalar, from: Scalar): void {
  node.value = from.value;
  node.source = from.source;
  if (from.type) node.type = from.type;
  else delete node.type;
  if (from.format) node.format = from.format;
  else delete node.format;
  if (from.minFractionDigits !== undefined) node.minFractionDigits = from.minFractionDigits;
  else delete node.minFractionDigits;
}

export function sameValue(a: Scalar, b: Scalar): boolean {
  return (
    Object.is(a.value, b.value) &&
    a.source === b.source &&
    a.type === b.type &&
    a.format === b.format &&
    a.minFractionDigits === b.minFractionDigits &&
    a.tag === b.tag
  );
}

/** A small document of the yaml package's own, with no error or warning: the scalar starting at `offset`. */
export function miniScalar(source: string, offset: number): Scalar | undefined {
  const doc = parseDocument(source, YAML_OPTIONS);
  if (doc.errors.length || doc.warnings.length) return undefined;
  let found: Scalar | undefined;
  const visit = (item: unknown): void => {
    if (isPair(item)) {
      visit(item.key);
      visit(item.value);
    } else if (isScalar(item)) {
      if (item.range?.[0] === offset) found = item;
    } else if (isMap(item) || isSeq(item)) (item.items as unknown[]).forEach(visit);
  };
  visit(doc.contents);
  return found;
}

/** The last offset before `at` that is not a space or a line break (-1 if none). */
export function lastNonBlank(text: string, at: number): number {
  let i = at - 1;
  while (i >= 0 && (text[i] === ' ' || text[i] === '\n' || text[i] === '\r')) i--;
  return i;
}
