/**
 * A JSON document read by jsonc-parser, with what the CNI checks need: ranges of nodes as
 * 1-based line/column places, properties by key (the last one wins, as in Go's encoding/json),
 * and paths in words (`plugins[0].ipam.ranges[0][1].subnet`).
 */
import type { Node as JsonNode } from 'jsonc-parser/lib/esm/main.js';
import type { SourceRange } from '../text/diag';

export type { JsonNode };
export type Segment = string | number;

/** Offsets to 1-based lines and columns (UTF-16 code units, as editors count). */
export class Lines {
  private readonly starts: number[] = [0];

  constructor(readonly text: string) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) this.starts.push(i + 1);
      else if (c === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        this.starts.push(i + 1);
      }
    }
  }

  position(offset: number): { line: number; column: number } {
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: o - this.starts[lo]! + 1 };
  }
}

export class JsonDoc {
  readonly lines: Lines;

  constructor(
    readonly text: string,
    readonly file: string,
    readonly root: JsonNode | undefined,
  ) {
    this.lines = new Lines(text);
  }

  /** The place of `length` characters from `offset` (at least one character). */
  rangeAt(offset: number, length: number): SourceRange {
    const a = this.lines.position(offset);
    const b = this.lines.position(offset + Math.max(1, length));
    const end = b.line === a.line && b.column <= a.column ? { line: a.line, column: a.column + 1 } : b;
    return { file: this.file, line: a.line, column: a.column, endLine: end.line, endColumn: end.column };
  }

  /** The whole node. */
  range(node: JsonNode): SourceRange {
    return this.rangeAt(node.offset, node.length);
  }

  /** The key of the property whose value `node` is. */
  keyOf(node: JsonNode): JsonNode | undefined {
    const p = node.parent;
    return p && p.type === 'property' && p.children?.[1] === node ? p.children[0] : undefined;
  }

  /**
   * Where a problem with a value shows: the value itself, but for an object or a list over several
   * lines its key (or its opening bracket), so the squiggle stays short.
   */
  anchor(node: JsonNode): SourceRange {
    if ((node.type === 'object' || node.type === 'array') && this.spansLines(node)) {
      const key = this.keyOf(node);
      return key ? this.range(key) : this.rangeAt(node.offset, 1);
    }
    return this.range(node);
  }

  /** Where a problem with a whole object shows: its key, or its opening brace. */
  objectAnchor(node: JsonNode): SourceRange {
    const key = this.keyOf(node);
    return key ? this.range(key) : this.rangeAt(node.offset, 1);
  }

  spansLines(node: JsonNode): boolean {
    return this.lines.position(node.offset).line !== this.lines.position(node.offset + node.length).line;
  }

  /** The node at a path of keys and indices. */
  find(path: readonly Segment[]): JsonNode | undefined {
    let node = this.root;
    for (const seg of path) {
      if (!node) return undefined;
      if (node.type === 'object') node = prop(node, String(seg));
      else if (node.type === 'array') node = node.children?.[Number(seg)];
      else return undefined;
    }
    return node;
  }
}

/** The value of the property `key` of an object node (the last one, as Go keeps the last). */
export function prop(obj: JsonNode | undefined, key: string): JsonNode | undefined {
  return propNode(obj, key)?.children?.[1];
}

/** The key node of the property `key` (the last one). */
export function propKey(obj: JsonNode | undefined, key: string): JsonNode | undefined {
  return propNode(obj, key)?.children?.[0];
}

function propNode(obj: JsonNode | undefined, key: string): JsonNode | undefined {
  if (!obj || obj.type !== 'object' || !obj.children) return undefined;
  for (let i = obj.children.length - 1; i >= 0; i--) {
    const p = obj.children[i]!;
    if (p.children?.[0]?.value === key) return p;
  }
  return undefined;
}

/** The keys of an object node, in order. */
export function keys(obj: JsonNode | undefined): string[] {
  if (!obj || obj.type !== 'object' || !obj.children) return [];
  return obj.children.map((p) => String(p.children?.[0]?.value ?? ''));
}

export function items(arr: JsonNode | undefined): JsonNode[] {
  return arr && arr.type === 'array' ? (arr.children ?? []) : [];
}

export function str(node: JsonNode | undefined): string | undefined {
  return node && node.type === 'string' && typeof node.value === 'string' ? node.value : undefined;
}

/** `plugins[0].ipam.ranges[0][1].subnet`, `sysctl["net.core.somaxconn"]`. */
export function formatPath(path: readonly Segment[]): string {
  let out = '';
  for (const s of path) {
    if (typeof s === 'number') out += `[${s}]`;
    else if (/^[A-Za-z_][A-Za-z0-9_-]*$/.test(s)) out += out ? `.${s}` : s;
    else out += `[${JSON.stringify(s)}]`;
  }
  return out;
}

/** The path of a node from the root: keys and indices. */
export function pathOf(node: JsonNode): Segment[] {
  const out: Segment[] = [];
  let n: JsonNode | undefined = node;
  while (n && n.parent) {
    const p: JsonNode = n.parent;
    if (p.type === 'property') {
      out.unshift(String(p.children?.[0]?.value ?? ''));
      n = p.parent;
    } else if (p.type === 'array') {
      out.unshift(p.children?.indexOf(n) ?? 0);
      n = p;
    } else {
      n = p;
    }
  }
  return out;
}
