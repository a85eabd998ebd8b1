/**
 * The locator: from an ajv error's JSON pointer (`/hosts/a/interfaces/eth0`) to the YAML node it
 * names, its key, and the deepest node on the way when the path runs past the document (a missing
 * key). Aliases are followed; big mappings (`hosts:`) get a key index on first use.
 */
import { isAlias, isMap, isScalar, isSeq, type Document, type Node, type Pair } from 'yaml';
import type { Place } from './types';

/** A pair's key as text, as the loader reads it. */
export function keyText(pair: Pair): string {
  const k = pair.key as unknown;
  if (isScalar(k)) return k.value === null ? '' : String(k.value);
  return String(k);
}

/** Finds pairs by key; mappings with many keys (hosts:) get an index on first use. */
export class Pairs {
  private readonly index = new Map<object, Map<string, Pair>>();

  find(map: Node | null | undefined, key: string): Pair | undefined {
    if (!isMap(map)) return undefined;
    if (map.items.length < 16) {
      for (const p of map.items) if (keyText(p) === key) return p;
      return undefined;
    }
    let idx = this.index.get(map);
    if (!idx) {
      idx = new Map();
      for (const p of map.items) {
        const k = keyText(p);
        if (!idx.has(k)) idx.set(k, p);
      }
      this.index.set(map, idx);
    }
    return idx.get(key);
  }
}

function resolveAlias(doc: Document.Parsed, n: unknown): Node | null | undefined {
  if (isAlias(n)) {
    try {
      return (n.resolve(doc) as Node | undefined) ?? null;
    } catch {
      return null;
    }
  }
  return n as Node | null | undefined;
}

export function locate(doc: Document.Parsed, pairs: Pairs, segments: readonly string[]): Place {
  let node = resolveAlias(doc, doc.contents);
  let key: Node | null | undefined;
  let last = node;
  const inList: boolean[] = [];
  for (const seg of segments) {
    inList.push(isSeq(node));
    if (isMap(node)) {
      const pair = pairs.find(node, seg);
      if (!pair) return { node: undefined, last, inList };
      key = pair.key as Node | null;
      node = resolveAlias(doc, pair.value);
    } else if (isSeq(node)) {
      const item = node.items[Number(seg)];
      key = undefined;
      node = resolveAlias(doc, item);
    } else {
      return { node: undefined, last, inList };
    }
    if (node) last = node;
  }
  return { node, ...(key !== undefined ? { key } : {}), last, inList };
}
