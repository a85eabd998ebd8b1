/**
 * Re-parsing a lab after a keystroke without doing all the work again.
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
 * The patching itself: yamlEdit.ts (the changed region, finding the scalar, moving the nodes and
 * the line index after it) and scalarPatch.ts (the scalar's new value). IncrementalLabChecker
 * (incremental.ts) checks on top of this parser.
 */
import { LineCounter, Scalar } from 'yaml';
import { type ParsedLabText, parseLabText, tooDeep } from '../lab/load';
import {
  changedRegion,
  covers,
  type Found,
  findScalar,
  lastNonBlank,
  type Patch,
  setScalar,
  shiftedLineStarts,
  shiftNodes,
} from './yamlEdit';
import { blockPatch, inlinePatch } from './scalarPatch';

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

/** Characters whose change can change what tooDeep finds (brackets, quotes, comments, block levels). */
const DEPTH_CHARS = /[[\]{}"'#\\\n \t?|>-]/;

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
