/**
 * A lab.yaml key's documentation, from the JSON Schema: the key's place in the document (its path
 * of keys and list indexes), the schema node at that path, its "English / 한국어" description split
 * by language.
 */
import { isMap, isScalar, isSeq, type Node, parseDocument } from 'yaml';
import type { Lang } from '../../core';
import labSchema from '../../../schema/lab.schema.json';

export type PathStep = string | number;

interface SchemaNode {
  readonly $ref?: string;
  readonly description?: string;
  readonly properties?: Record<string, SchemaNode>;
  readonly additionalProperties?: SchemaNode | boolean;
  readonly items?: SchemaNode;
  readonly oneOf?: SchemaNode[];
  readonly anyOf?: SchemaNode[];
  readonly allOf?: SchemaNode[];
}

export interface KeyAt {
  readonly path: PathStep[];
  /** Offsets of the key itself. */
  readonly start: number;
  readonly end: number;
}

/** The key under `offset` and its path from the document's root, if the offset is on a mapping key. */
export function keyAt(text: string, offset: number): KeyAt | undefined {
  const doc = parseDocument(text, { keepSourceTokens: false });
  const visit = (node: Node | null | undefined, path: PathStep[]): KeyAt | undefined => {
    if (!node) return undefined;
    if (isMap(node)) {
      for (const pair of node.items) {
        const k = pair.key as Node | null;
        if (isScalar(k) && k.range && offset >= k.range[0] && offset <= k.range[1]) {
          return { path: [...path, String(k.value)], start: k.range[0], end: k.range[1] };
        }
        const v = pair.value as Node | null;
        if (v && v.range && offset >= v.range[0] && offset <= v.range[2]) {
          const found = visit(v, [...path, isScalar(k) ? String(k.value) : '']);
          if (found) return found;
        }
      }
    } else if (isSeq(node)) {
      for (let i = 0; i < node.items.length; i++) {
        const v = node.items[i] as Node | null;
        if (v && v.range && offset >= v.range[0] && offset <= v.range[2]) {
          const found = visit(v, [...path, i]);
          if (found) return found;
        }
      }
    }
    return undefined;
  };
  return visit(doc.contents as Node | null, []);
}

function deref(root: SchemaNode, node: SchemaNode): SchemaNode {
  let n = node;
  for (let i = 0; i < 16 && n.$ref; i++) {
    // draft 2019+ `$defs` (lab.schema.json) or draft-07 `definitions` (cni.schema.json)
    const m = /^#\/(\$defs|definitions)\/(.+)$/.exec(n.$ref);
    const defs = m ? ((root as unknown as Record<string, Record<string, SchemaNode> | undefined>)[m[1]!] ?? {}) : {};
    const next = m ? defs[m[2]!] : undefined;
    if (!next) break;
    n = { ...next, ...stripRef(n) };
  }
  return n;
}

function stripRef(n: SchemaNode): SchemaNode {
  const { $ref: _ref, ...rest } = n;
  return rest;
}

function child(root: SchemaNode, node: SchemaNode, step: PathStep): SchemaNode | undefined {
  const n = deref(root, node);
  if (typeof step === 'number') return n.items;
  const direct = n.properties?.[step];
  if (direct) return direct;
  for (const alt of [...(n.oneOf ?? []), ...(n.anyOf ?? []), ...(n.allOf ?? [])]) {
    const found = deref(root, alt).properties?.[step];
    if (found) return found;
  }
  return typeof n.additionalProperties === 'object' ? n.additionalProperties : undefined;
}

/** The schema's description of the node at `path`, whole ("English / 한국어"). */
export function schemaDescription(path: readonly PathStep[], schema: unknown = labSchema): string | undefined {
  const root = schema as SchemaNode;
  let node: SchemaNode | undefined = root;
  for (const step of path) {
    node = node && child(root, node, step);
    if (!node) return undefined;
  }
  // The description next to a $ref is the more specific one; else the referenced definition's.
  return node.description ?? deref(root, node).description;
}

/** One language's half of an "English / 한국어" description. */
export function splitDescription(description: string, lang: Lang): string {
  // The split is the last " / " before the first Hangul: English text may hold a slash of its own.
  const hangul = description.search(/[\uac00-\ud7a3]/);
  const at = hangul < 0 ? description.lastIndexOf(' / ') : description.lastIndexOf(' / ', hangul);
  if (at < 0) return description;
  return lang === 'ko' ? description.slice(at + 3).trim() : description.slice(0, at).trim();
}
