/**
 * Re-checking a lab after a keystroke without doing all the work again.
 *
 * `IncrementalLabParser` keeps the last text with its YAML document and line index. For a new text
 * it finds the changed region (the common prefix and suffix) and, when the change lies inside one
 * scalar in a way that cannot change the file's structure, reuses the document: it gives that
 * scalar its new value (computed by the `yaml` package itself, on the scalar's own lines), moves
 * every node after the change by the change's length and updates the line index. Anything else
 * is parsed from scratch. The result is always what a full parse gives (test/fuzz/incremental.test.ts
 * holds it to that); the fast path only decides how much work it takes.
 *
 * The fast path applies to an edit that lies
 * - inside the content lines of a block scalar (`run: |`, `files:` contents), or among the blank
 *   lines right after one: the header line is untouched, the block's content keeps its
 *   indentation (the lexer's rules for where a block scalar ends are replayed on the old text,
 *   where they must give the old end, and on the new one, where the text after the block must be
 *   the old one, give or take blank lines before the next key). So: typing in a command, Enter
 *   anywhere in a block (at its very end too), a new command typed below the last one, deleting a
 *   line, pasting lines at the block's indentation or deeper.
 * - inside one plain or quoted scalar on one line, which stays on one line: a plain scalar keeps
 *   to letters (any script), digits, spaces inside and `_ / . - + = ~ ^ ( ) $ @ % ; < >`, `:` only
 *   before a letter or digit and `#` only after one; a quoted one gets no quote, backslash or line
 *   break. A key must not become equal to a sibling key.
 * and only when the previous text had no YAML error or warning. It does not apply (a full parse
 * does the work) to: a change of a block's indentation or of its first line's, a line added below
 * a block followed by a comment or a list item rather than a key, block scalars with an
 * indentation indicator (`|2`), a tag or an anchor, edits in comments or between nodes, anything
 * that adds or removes structure (`:`, `-`, brackets, quotes...), and brackets nested too deep.
 *
 * `IncrementalLabChecker` is checkLab and loadLabFor on top of it: the loader, the schema and
 * the lints run on every check as before; the simulator builds again only the hosts whose spec
 * changed (HostBuildCache), and the shell reads again only the run lines it has not seen.
 */
import { type Document, isMap, isPair, isScalar, isSeq, LineCounter, type Node, parseDocument, Scalar } from 'yaml';
import type { Diagnostic } from '../text/diag';
import { checkLoaded, loadLabWith } from './check';
import { HostBuildCache } from '../world/build';
import { type LoadOptions, type LoadResult, type ParsedLabText, parseLabText, tooDeep, YAML_OPTIONS } from '../lab/load';

/** How the last text was parsed: from scratch, by patching the previous document, or not at all (same text). */
export type ParsePath = 'full' | 'incremental' | 'unchanged';

/** Parses successive versions of one lab file, reusing the previous parse when an edit allows it. */
export class IncrementalLabParser {
  private prev?: ParsedLabText;
  /** How the last call parsed its text. */
  lastPath: ParsePath = 'full';
  /** How many calls took each path. */
  readonly counts: Record<ParsePath, number> = { full: 0, incremental: 0, unchanged: 0 };

  parse(text: string): ParsedLabText {
    const prev = this.prev;
    let next: ParsedLabText | undefined;
    let path: ParsePath = 'full';
    if (prev && prev.text === text) {
      next = prev;
      path = 'unchanged';
    } else if (prev?.doc) {
      try {
        next = reparse(prev, text);
      } catch {
        next = undefined; // the old document may be half patched: it is dropped below
      }
      if (next) path = 'incremental';
    }
    if (!next) {
      this.prev = undefined;
      next = parseLabText(text);
    }
    this.prev = next;
    this.lastPath = path;
    this.counts[path]++;
    return next;
  }

  /** Forgets the previous text: the next call parses from scratch. */
  reset(): void {
    this.prev = undefined;
  }
}

/** checkLab and loadLabFor for successive versions of one lab file (one instance per open document). */
export class IncrementalLabChecker {
  readonly parser = new IncrementalLabParser();
  /** The simulated hosts of the last check: a host whose spec did not change is not built again. */
  private readonly hosts = new HostBuildCache();

  /** How the last call parsed its text. */
  get lastPath(): ParsePath {
    return this.parser.lastPath;
  }

  /** The same as loadLabFor(text, opts). Never throws. */
  load(text: string, opts: LoadOptions & { readonly student?: string }): LoadResult {
    return loadLabWith((t) => this.parser.parse(t), text, opts);
  }

  /** The same as checkLab(text, opts). */
  check(text: string, opts: LoadOptions & { readonly student?: string }): Diagnostic[] {
    const loaded = this.load(text, opts);
    try {
      return checkLoaded(loaded, this.hosts);
    } catch (e) {
      this.hosts.clear(); // a half-built host must not be taken again
      throw e;
    }
  }

  reset(): void {
    this.parser.reset();
    this.hosts.clear();
  }
}

// ---------------------------------------------------------------------------------------------

type Range3 = [number, number, number];

interface Edit {
  /** Where the change starts (same in both texts). */
  readonly a: number;
  /** Where it ends in the old text, and in the new one. */
  readonly oldEnd: number;
  readonly newEnd: number;
  readonly delta: number;
}

/** The new scalar: its yaml-computed properties and its place in the new text. */
interface Patch {
  readonly from: Scalar;
  readonly range: Range3;
  /**
   * When a block scalar took in blank lines after it or let some go (a line typed below its last
   * one, Enter at its end, its last line emptied): where the next node starts in the old text,
   * and that node, whose `spaceBefore` says whether blank lines come before it.
   */
  readonly gap?: { readonly next: number; readonly nextNode?: Node; readonly spaceBefore: boolean };
}

function changedRegion(old: string, text: string): Edit {
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

/** Characters whose change can change what tooDeep finds. */
const DEPTH_CHARS = /[[\]{}"'#\\\n]/;

function reparse(prev: ParsedLabText, text: string): ParsedLabText | undefined {
  const doc = prev.doc!;
  if (doc.errors.length || doc.warnings.length) return undefined;
  const old = prev.text;
  const edit = changedRegion(old, text);
  const { a, oldEnd, newEnd } = edit;
  // The old text nested fine (it has a document); the new one too unless the edit touched a
  // character the depth scan looks at.
  const depthSame =
    !DEPTH_CHARS.test(old.slice(a, oldEnd)) && !DEPTH_CHARS.test(text.slice(a, newEnd)) && text[a - 1] !== '\\' && text[newEnd] !== '#';
  if (!depthSame && tooDeep(text) !== undefined) return undefined;

  // The scalar holding the edit; or, for an edit among the blank lines after a block scalar (or
  // from its end into them), that block scalar (also when the edit, spaces and line breaks only,
  // touches the start of the next node: inserting "\n  " before a key is inserting "  \n" after
  // the line break before it).
  let found: Found | undefined;
  let patch: Patch | undefined;
  const before = lastNonBlank(old, a);
  for (const f of [findScalar(doc.contents, a, oldEnd), findScalar(doc.contents, before, before + 1)]) {
    if (!f) continue;
    const n = f.node;
    const p =
      n.type === Scalar.BLOCK_LITERAL || n.type === Scalar.BLOCK_FOLDED
        ? blockPatch(f, old, text, edit)
        : covers(n, a, oldEnd)
          ? inlinePatch(n, f.keyOf, old, text, edit)
          : undefined;
    if (p) {
      found = f;
      patch = p;
      break;
    }
  }
  if (!found || !patch) return undefined;
  const { node } = found;
  const lineStarts = shiftedLineStarts(prev.lineCounter.lineStarts, old, text, edit);
  if (!lineStarts) return undefined;
  // Everything about the new text is known: patch the document in place.
  if (!shiftNodes(doc, found, edit, patch)) return undefined;
  setScalar(node, patch.from);
  node.range = patch.range;
  const gap = patch.gap;
  if (gap?.nextNode) {
    if (gap.spaceBefore) gap.nextNode.spaceBefore = true;
    else delete gap.nextNode.spaceBefore;
  }
  const lineCounter = new LineCounter();
  lineCounter.lineStarts = lineStarts;
  return { text, lineCounter, doc };
}

interface Found {
  readonly node: Scalar;
  /** The collections from the root down to the scalar, and where the way goes in each. */
  readonly path: { readonly coll: Node & { items: unknown[] }; readonly index: number; readonly side: 'key' | 'value' | 'item' }[];
  /** The pairs of the mapping, when the scalar is one of its keys. */
  keyOf?: readonly { key: unknown }[];
}

function covers(n: unknown, a: number, end: number): n is Node {
  const r = (n as Node | null)?.range;
  return !!r && r[0] <= a && end <= r[1];
}

/** The innermost node holding [a, end) of the old text: a scalar, or nothing. */
function findScalar(root: unknown, a: number, end: number): Found | undefined {
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
function shiftNodes(doc: Document.Parsed, found: Found, edit: Edit, patch: Patch): boolean {
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
function nextNode(found: Found): { node: unknown; keyInBlockMap: boolean } | undefined {
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
function shiftedLineStarts(starts: readonly number[], old: string, text: string, edit: Edit): number[] | undefined {
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
function setScalar(node: Scalar, from: Scalar): void {
  node.value = from.value;
  node.source = from.source;
  if (from.type) node.type = from.type;
  else delete node.type;
  if (from.format) node.format = from.format;
  else delete node.format;
  if (from.minFractionDigits !== undefined) node.minFractionDigits = from.minFractionDigits;
  else delete node.minFractionDigits;
}

function sameValue(a: Scalar, b: Scalar): boolean {
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
function miniScalar(source: string, offset: number): Scalar | undefined {
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
function lastNonBlank(text: string, at: number): number {
  let i = at - 1;
  while (i >= 0 && (text[i] === ' ' || text[i] === '\n' || text[i] === '\r')) i--;
  return i;
}

/** Only spaces and line breaks. */
const BLANK = /^(?: |\r?\n)*$/;

function lineStart(text: string, at: number): number {
  return text.lastIndexOf('\n', at - 1) + 1;
}

// ---------------------------------------------------------------------------------------------
// Block scalars

const BLOCK_HEADER = /^[|>]([+-]?)(?: *| +#[^\n]*)$/;

interface BlockExtent {
  /** The indentation of the content (of its first non-empty line). */
  readonly indent: number;
  /** Where the scalar's source ends. */
  readonly end: number;
}

/**
 * Where a block scalar whose content starts at `pos` ends, replaying the yaml lexer
 * (Lexer.parseBlockScalar with an auto-detected indentation, at the end of the input). Undefined
 * for the cases it does not replay: empty content, no indentation, trailing tabs.
 */
function blockExtent(buf: string, pos: number, keep: boolean): BlockExtent | undefined {
  let nl = pos - 1;
  let indent = 0;
  let i = pos;
  for (; i < buf.length; i++) {
    const ch = buf[i];
    if (ch === ' ') indent++;
    else if (ch === '\n') {
      nl = i;
      indent = 0;
    } else if (ch === '\r' && buf[i + 1] === '\n') continue;
    else break;
  }
  if (i >= buf.length || indent === 0) return undefined;
  const m = indent;
  const cont = (offset: number): number => {
    let k = 0;
    let ch = buf[offset];
    while (ch === ' ') ch = buf[++k + offset];
    if (ch === '\r' && buf[k + offset + 1] === '\n') return offset + k + 1;
    return ch === '\n' || k >= m ? offset + k : -1;
  };
  do {
    const c = cont(nl + 1);
    if (c === -1) break;
    nl = buf.indexOf('\n', c);
  } while (nl !== -1);
  if (nl === -1) nl = buf.length;
  let j = nl + 1;
  while (buf[j] === ' ') j++;
  if (buf[j] === '\t') return undefined;
  if (!keep) {
    for (;;) {
      let k = nl - 1;
      let ch = buf[k];
      if (ch === '\r') ch = buf[--k];
      const lastChar = k;
      while (ch === ' ') ch = buf[--k];
      if (ch === '\n' && k >= pos && k + 1 + m > lastChar) nl = k;
      else break;
    }
  }
  return { indent: m, end: Math.min(nl + 1, buf.length) };
}

function blockPatch(found: Found, old: string, text: string, edit: Edit): Patch | undefined {
  const { node, keyOf } = found;
  const { a, oldEnd, newEnd, delta } = edit;
  if (keyOf || node.tag !== undefined || node.anchor !== undefined || !node.range) return undefined;
  const [start, end] = node.range;
  const headerEnd = old.indexOf('\n', start);
  if (headerEnd < 0) return undefined;
  const header = BLOCK_HEADER.exec(old.slice(start, headerEnd).replace(/\r$/, ''));
  if (!header) return undefined;
  const keep = header[1] === '+';
  const contentStart = headerEnd + 1;
  if (a < contentStart) return undefined;
  // The lexer's view of the old block must be the document's; the new block keeps its indentation.
  const was = blockExtent(old, contentStart, keep);
  if (!was || was.end !== end) return undefined;
  const now = blockExtent(text, contentStart, keep);
  if (!now || now.indent !== was.indent) return undefined;
  let gap: Patch['gap'];
  if (!(oldEnd <= end && newEnd <= now.end && now.end === end + delta)) {
    // The edit is not inside the block in both texts: it must be among blank lines after it (in
    // the old text and in the new one), up to the next node, a key of a block mapping.
    let next = Math.max(end, oldEnd);
    while (next < old.length && (old[next] === ' ' || old[next] === '\n' || old[next] === '\r')) next++;
    if (!BLANK.test(old.slice(end, next))) return undefined;
    const nextNew = next + delta;
    const gapWas = old.slice(end, next);
    const gapIs = text.slice(now.end, nextNew);
    if (now.end > nextNew || !BLANK.test(gapIs)) return undefined;
    // Whole blank lines come and go, from a line start to the next node's indentation, which stays.
    const lineStarts = (t: string, at: number) => at === 0 || t[at - 1] === '\n';
    const indentOf = (gap: string) => gap.slice(gap.lastIndexOf('\n') + 1);
    if (next < old.length && (!lineStarts(old, end) || !lineStarts(text, now.end) || indentOf(gapWas) !== indentOf(gapIs)))
      return undefined;
    const after = nextNode(found);
    if (next === old.length) {
      if (after) return undefined;
      gap = { next, spaceBefore: false };
    } else {
      const n = after?.node;
      if (!after?.keyInBlockMap || !isScalar(n) || n.range?.[0] !== next) return undefined;
      // A blank line before a key gives it `spaceBefore`: so it was, and so it is now.
      if (!!n.spaceBefore !== gapWas.includes('\n')) return undefined;
      gap = { next, nextNode: n, spaceBefore: gapIs.includes('\n') };
    }
  }
  // The value, by the yaml package: the header's line and the content lines, on their own.
  const from = lineStart(old, start);
  const before = miniScalar(old.slice(from, end), start - from);
  if (!before || before.range?.[1] !== end - from || !sameValue(before, node)) return undefined;
  const after = miniScalar(text.slice(from, now.end), start - from);
  if (!after || after.range?.[1] !== now.end - from || after.type !== node.type || after.tag !== undefined) return undefined;
  return { from: after, range: [start, now.end, now.end], ...(gap ? { gap } : {}) };
}

// ---------------------------------------------------------------------------------------------
// Plain and quoted scalars on one line

const PLAIN_CHAR = String.raw`\p{L}\p{N}_/.=+~^()$@%;<> -`;
/**
 * A plain scalar that reads the same in block and flow context and cannot start or end anything:
 * letters (any script), digits and a few signs; `:` only before a letter or digit, `#` only after one.
 */
const SAFE_PLAIN = new RegExp(String.raw`^[\p{L}\p{N}_/](?:[${PLAIN_CHAR}]|:(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])#)*$`, 'u');

function inlinePatch(node: Scalar, keyOf: Found['keyOf'], old: string, text: string, edit: Edit): Patch | undefined {
  const { a, oldEnd, delta } = edit;
  if (node.tag !== undefined || node.anchor !== undefined || !node.range) return undefined;
  const [start, end, nodeEnd] = node.range;
  const quote = node.type === Scalar.QUOTE_DOUBLE ? '"' : node.type === Scalar.QUOTE_SINGLE ? "'" : '';
  if (!quote && node.type !== Scalar.PLAIN) return undefined;
  const q = quote ? 1 : 0;
  if (a < start + q || oldEnd > end - q || end - start <= 2 * q) return undefined;
  const was = old.slice(start, end);
  const now = text.slice(start, end + delta);
  if (/[\n\r]/.test(was) || now.length > 1000) return undefined;
  if (quote) {
    const body = now.slice(1, -1);
    if (now[0] !== quote || now[now.length - 1] !== quote || /[\n\r"'\\]/.test(body)) return undefined;
  } else if (!SAFE_PLAIN.test(now) || / $/.test(now)) return undefined;
  // The value, by the yaml package: the scalar on its own, as a key when it is one.
  const wrap = (s: string) => (keyOf ? `${s}: 0` : s);
  const before = miniScalar(wrap(was), 0);
  if (!before || before.range?.[1] !== was.length || !sameValue(before, node)) return undefined;
  const after = miniScalar(wrap(now), 0);
  if (!after || after.range?.[1] !== now.length || after.type !== node.type || after.tag !== undefined) return undefined;
  if (keyOf) {
    // A key must stay unique among its siblings (the document is parsed with uniqueKeys), and its
    // `:` within 1024 characters of its start.
    if (keyOf.some((p) => p.key !== node && isScalar(p.key) && p.key.value === after.value)) return undefined;
    const colon = text.indexOf(':', end + delta);
    if (colon < 0 || colon - start > 1000) return undefined;
  }
  return { from: after, range: [start, end + delta, nodeEnd + delta] };
}
