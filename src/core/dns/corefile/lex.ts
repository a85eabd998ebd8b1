/**
 * The Corefile's words, as CoreDNS's lexer (coredns/caddy caddyfile/lexer.go) reads them: words split
 * by white space; a word that starts with `"` runs to the closing quote (across lines too), where only
 * `\"` is an escape (any other backslash stays); a `#` anywhere outside quotes starts a comment to the
 * end of the line; a byte order mark at the start is skipped. Never throws.
 */

export interface Token {
  /** The word, quotes removed. */
  readonly text: string;
  /** Where it starts and ends (1-based lines and columns, the end exclusive). */
  readonly line: number;
  readonly col: number;
  readonly endLine: number;
  readonly endCol: number;
  /** Written in quotes: `"{"` is a word, never a brace. */
  readonly quoted: boolean;
}

/** Where a word stands in `file`: at least one character wide; a word that runs onto a later line (a quoted one) ends where it ends. */
export function tokenRange(t: Token, file: string): { file: string; line: number; column: number; endLine: number; endColumn: number } {
  return {
    file,
    line: t.line,
    column: t.col,
    endLine: t.endLine,
    endColumn: t.endLine > t.line ? t.endCol : Math.max(t.endCol, t.col + 1),
  };
}

const SPACE = /\s/u;

/** Go's unicode.IsSpace, fast for ASCII. */
function isSpace(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return SPACE.test(String.fromCharCode(c));
}

export function lex(text: string): Token[] {
  const out: Token[] = [];
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  let lineStart = i;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    if (code === 10) {
      line++;
      i++;
      lineStart = i;
      continue;
    }
    if (code === 32 || (code >= 9 && code <= 13) || (code >= 128 && isSpace(code))) {
      i++;
      continue;
    }
    if (code === 35) {
      const nl = text.indexOf('\n', i);
      i = nl < 0 ? text.length : nl;
      continue;
    }
    const startLine = line;
    const startCol = i - lineStart + 1;
    if (code === 34) {
      let val = '';
      let escaped = false;
      let closed = false;
      i++;
      while (i < text.length) {
        const ch = text[i]!;
        if (!escaped && ch === '\\') {
          escaped = true;
          i++;
          continue;
        }
        if (!escaped && ch === '"') {
          closed = true;
          i++;
          break;
        }
        if (escaped && ch !== '"') val += '\\';
        val += ch;
        escaped = false;
        i++;
        if (ch === '\n') {
          line++;
          lineStart = i;
        }
      }
      if (escaped) val += '\\';
      void closed;
      out.push({ text: val, line: startLine, col: startCol, endLine: line, endCol: i - lineStart + 1, quoted: true });
      continue;
    }
    const start = i;
    for (; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 32 || c === 35 || (c >= 9 && c <= 13) || (c >= 128 && isSpace(c))) break;
    }
    out.push({ text: text.slice(start, i), line: startLine, col: startCol, endLine: line, endCol: i - lineStart + 1, quoted: false });
  }
  return out;
}
