/**
 * Hovers for Corefiles: a bilingual table of CoreDNS plugins (and the `import` directive), and
 * `corefileHover`, which finds the word under the cursor and documents it when it is a plugin.
 *
 * Plain logic, no `vscode` import: the unit tests run it as is.
 */
import { COREFILE_DOCS, directiveMarkdown, type Lang } from '../../core';

export { COREFILE_DOCS } from '../../core';
export type { CorefileDoc } from '../../core';

export interface CorefileHover {
  readonly markdown: string;
  /** Offsets of the hovered word. */
  readonly start: number;
  readonly end: number;
}

const WORD = /[A-Za-z0-9_-]/;

/** The brace depth at the start of each line (comments, quoted strings and {$ENV} placeholders skipped). */
function depthAtLine(lines: readonly string[], lineNo: number): number {
  let depth = 0;
  for (let i = 0; i < lineNo; i++) {
    const line = stripComment(lines[i]!)
      .replace(/"(?:[^"\\]|\\.)*"/g, '""')
      .replace(/\{[$%][^}]*\}/g, '');
    for (const ch of line) {
      if (ch === '{') depth++;
      else if (ch === '}') depth = Math.max(0, depth - 1);
    }
  }
  return depth;
}

/** The line without its `#` comment (a `#` starts a comment only at the start or after whitespace). */
function stripComment(line: string): string {
  const m = /(^|\s)#/.exec(line);
  return m ? line.slice(0, m.index + m[1]!.length) : line;
}

/**
 * The hover for the word under `offset`, when the word is a CoreDNS plugin: either a directive (the
 * first word of a line inside a server block or snippet), or a known plugin name elsewhere inside a
 * block. Nothing in comments, on server-block keys (zones), or for an unknown word.
 */
export function corefileHover(text: string, offset: number, lang: Lang): CorefileHover | undefined {
  if (offset < 0 || offset > text.length) return undefined;
  let start = offset;
  let end = offset;
  while (start > 0 && WORD.test(text[start - 1]!)) start--;
  while (end < text.length && WORD.test(text[end]!)) end++;
  if (start === end) return undefined;
  const word = text.slice(start, end);
  const doc = Object.prototype.hasOwnProperty.call(COREFILE_DOCS, word) ? COREFILE_DOCS[word] : undefined;
  if (!doc) return undefined;

  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const lineEndAt = text.indexOf('\n', start);
  const line = text.slice(lineStart, lineEndAt < 0 ? text.length : lineEndAt);
  const col = start - lineStart;
  if (stripComment(line).length <= col) return undefined; // inside a comment
  if (text[start - 1] === '$' || text[start - 1] === '%' || text.slice(end, end + 3) === '://') return undefined; // {$ENV}, tls://
  const lines = text.split('\n');
  const lineNo = text.slice(0, lineStart).split('\n').length - 1;
  const depth = depthAtLine(lines, lineNo);
  // Within the line, braces before the word change the depth too (`.:53 { log }` on one line).
  const before = line
    .slice(0, col)
    .replace(/"(?:[^"\\]|\\.)*"/g, '""')
    .replace(/\{[$%][^}]*\}/g, '');
  let here = depth;
  for (const ch of before) here = ch === '{' ? here + 1 : ch === '}' ? Math.max(0, here - 1) : here;
  if (here === 0) return undefined; // a server block's keys, or outside any block
  const firstOnLine = /^\s*$/.test(before) || /[{}]\s*$/.test(before);
  // The first word of a line nested deeper than a server block is a plugin's own option (`reload` in a file block).
  if (firstOnLine && here > 1) return undefined;

  const markdown = directiveMarkdown(word, doc, lang);
  return { markdown, start, end };
}
