/**
 * The new value of the one scalar an edit lies in, when the edit cannot change the file's
 * structure (incrementalParser.ts says when that is): a block scalar (`run: |`) whose content
 * keeps its indentation, with the yaml lexer's rules for where it ends replayed on both texts; or
 * a plain or quoted scalar on one line that stays a safe one. Undefined when in doubt: the caller
 * then parses from scratch.
 */
import { isScalar, Scalar } from 'yaml';
import { type Edit, type Found, miniScalar, nextNode, type Patch, sameValue } from './yamlEdit';

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

export function blockPatch(found: Found, old: string, text: string, edit: Edit): Patch | undefined {
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

export function inlinePatch(node: Scalar, keyOf: Found['keyOf'], old: string, text: string, edit: Edit): Patch | undefined {
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
