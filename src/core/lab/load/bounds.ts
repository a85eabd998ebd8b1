/**
 * Bounds on what a YAML document may make the readers walk, checked before anything walks it:
 * nesting (a reader, the schema and `toJS` recurse once per level; thousands of levels overflow
 * the stack) and aliases (an alias bomb: anchors of aliases of aliases, a few lines that expand
 * to millions of nodes). Either is one error at its line, and nothing reads the document further:
 * never a silent skip, never a `Maximum call stack size exceeded`. Walks without recursion.
 */
import { type Alias, type Document, isAlias, isCollection, isPair, type Node, visit } from 'yaml';

/** Deeper than any lab, course or answers file needs. */
export const MAX_DEPTH = 100;
/** The most nodes the document's aliases may expand to, all aliases together. */
export const MAX_ALIAS_NODES = 10_000;
/** yaml's own bound (`toJS({ maxAliasCount })`), as the schema check reads the document. */
export const MAX_ALIAS_COUNT = 1000;

export type BoundProblem =
  | { readonly kind: 'depth'; readonly node: Node }
  /** Expands past MAX_ALIAS_NODES; or, for `loop`, names a node it is inside (`a: &a [*a]`). */
  | { readonly kind: 'aliases' | 'loop'; readonly node: Alias };

function children(doc: Document, node: unknown): unknown[] {
  if (isAlias(node)) {
    const target = node.resolve(doc);
    return target ? [target] : [];
  }
  if (isCollection(node)) return node.items.flatMap((i) => (isPair(i) ? [i.key, i.value] : [i]));
  if (isPair(node)) return [node.key, node.value];
  return [];
}

/** The first node nested deeper than MAX_DEPTH collections, aliases not followed. */
function tooDeepNode(doc: Document): Node | undefined {
  const stack: [unknown, number][] = [[doc.contents, 0]];
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    if (!isCollection(node)) continue;
    if (depth + 1 > MAX_DEPTH) return node;
    const kids = node.items.flatMap((i) => (isPair(i) ? [i.key, i.value] : [i]));
    for (let k = kids.length - 1; k >= 0; k--) stack.push([kids[k], depth + 1]);
  }
  return undefined;
}

/**
 * Every node's size and depth with its aliases expanded, post-order without recursion (memoised);
 * `loops` gets each alias that names a node it is inside.
 */
function measure(doc: Document, roots: readonly unknown[], loops: Set<unknown>): Map<unknown, { size: number; depth: number }> {
  const memo = new Map<unknown, { size: number; depth: number }>();
  const open = new Set<unknown>();
  const stack: { node: unknown; expanded: boolean }[] = roots.map((node) => ({ node, expanded: false }));
  while (stack.length) {
    const top = stack[stack.length - 1]!;
    if (memo.has(top.node)) {
      stack.pop();
      continue;
    }
    const kids = children(doc, top.node);
    if (!top.expanded) {
      top.expanded = true;
      open.add(top.node);
      for (const k of kids) {
        if (open.has(k)) loops.add(k).add(top.node);
        else if (!memo.has(k)) stack.push({ node: k, expanded: false });
      }
      continue;
    }
    let size = 1;
    let depth = 0;
    for (const k of kids) {
      const m = memo.get(k) ?? { size: 1, depth: 0 };
      size = Math.min(size + m.size, Number.MAX_SAFE_INTEGER);
      depth = Math.max(depth, m.depth);
    }
    memo.set(top.node, { size: isAlias(top.node) ? size - 1 : size, depth: isCollection(top.node) ? depth + 1 : depth });
    open.delete(top.node);
    stack.pop();
  }
  return memo;
}

/** Whether yaml's own alias bound refuses the document (the schema check reads it this way). */
function yamlRefuses(doc: Document): boolean {
  const logLevel = doc.options.logLevel;
  try {
    doc.options.logLevel = 'error';
    doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    return false;
  } catch (e) {
    return e instanceof ReferenceError && /alias/i.test(e.message);
  } finally {
    doc.options.logLevel = logLevel;
  }
}

/**
 * The first thing of `doc` past the bounds: a node nested deeper than MAX_DEPTH (counting what its
 * aliases expand to), or the alias where the expansion of the aliases, in document order, passes
 * MAX_ALIAS_NODES (or yaml's own bound; then the alias that expands most).
 */
export function yamlBounds(doc: Document): BoundProblem | undefined {
  const deep = tooDeepNode(doc);
  if (deep) return { kind: 'depth', node: deep };
  const aliases: { alias: Alias; depth: number }[] = [];
  // The document is at most MAX_DEPTH deep here: visit's recursion is bounded.
  visit(doc, {
    Alias(_key, node, path) {
      aliases.push({ alias: node, depth: path.filter((p) => isCollection(p)).length });
    },
  });
  if (!aliases.length) return undefined;
  const loops = new Set<unknown>();
  const m = measure(
    doc,
    aliases.map((a) => a.alias),
    loops,
  );
  const loop = aliases.find((a) => loops.has(a.alias));
  if (loop) return { kind: 'loop', node: loop.alias };
  let total = 0;
  let biggest: Alias | undefined;
  let most = -1;
  for (const { alias, depth } of aliases) {
    const at = m.get(alias) ?? { size: 0, depth: 0 };
    if (depth + at.depth > MAX_DEPTH) return { kind: 'depth', node: alias };
    total += at.size;
    if (total > MAX_ALIAS_NODES) return { kind: 'aliases', node: alias };
    if (at.size > most) {
      most = at.size;
      biggest = alias;
    }
  }
  return biggest && yamlRefuses(doc) ? { kind: 'aliases', node: biggest } : undefined;
}

/**
 * The document with every alias replaced by a copy of what it names (the copy keeps the anchor's
 * places), for the readers, which read nodes, not aliases. A copy: `doc` itself stays as parsed
 * (the incremental parser keeps it). Only for a document within the bounds (yamlBounds).
 */
export function expandAliases<T extends Document>(doc: T): T {
  let any = false;
  visit(doc, {
    Alias() {
      any = true;
      return visit.BREAK;
    },
  });
  if (!any) return doc;
  const copy = doc.clone() as T;
  visit(copy, {
    Alias(_key, node) {
      const target = node.resolve(copy);
      return target ? (target.clone() as Node) : undefined;
    },
  });
  return copy;
}
