/**
 * The lexer of the sh reader (parse.ts): splits one `run:` line into words (with quotes, escapes,
 * `$` parameters and substitutions) and operators, as dash does. Errors are thrown as SyntaxFail,
 * which the parser turns into a `Syntax error: ...` result.
 */
import type { RedirOp, ShellSyntaxError, ShellUnsupported, Word, WordPart } from './ast';

type Op = ';' | ';;' | '&' | '&&' | '|' | '||' | '(' | ')' | '<<' | RedirOp;

export type Token =
  | { readonly kind: 'word'; readonly word: Word }
  | { readonly kind: 'op'; readonly op: Op; readonly column: number; readonly fd?: number }
  | { readonly kind: 'newline'; readonly column: number };

const OPS: readonly Op[] = ['&&', '||', ';;', '>>', '>|', '>&', '<&', '<<', '<>', ';', '&', '|', '(', ')', '<', '>'];
export const REDIR_OPS = new Set<Op>(['>', '>>', '>|', '<', '<>', '>&', '<&']);
const NAME_RE = /^[A-Za-z_][A-Za-z0-9_]*/;

export class SyntaxFail {
  constructor(readonly error: ShellSyntaxError) {}
}

export function syntax(message: string, column: number): never {
  throw new SyntaxFail({ message: `Syntax error: ${message}`, column });
}

function isBlank(c: string | undefined): boolean {
  return c === ' ' || c === '\t';
}

const OP_START = new Set(OPS.map((op) => op[0]!));

/** Characters that never end or change a plain word: everything but blanks, operators, quotes, `\\`, `$` and backquotes. */
const SPECIAL = new Uint8Array(128);
for (const c of ' \t\n\r;&|()<>\'"\\$`') SPECIAL[c.charCodeAt(0)] = 1;
function isPlain(code: number): boolean {
  return code >= 128 || SPECIAL[code] === 0;
}

function startsOp(line: string, i: number): Op | undefined {
  const c = line[i];
  if (c === undefined || !OP_START.has(c)) return undefined;
  for (const op of OPS) if (line.startsWith(op, i)) return op;
  return undefined;
}

/** Splits the line into words and operators. */
/** The common case: only plain words and blanks (no quotes, operators, `$`, `#` or new lines). */
function lexPlain(line: string): Token[] | undefined {
  const tokens: Token[] = [];
  const n = line.length;
  let i = 0;
  while (i < n) {
    const c = line.charCodeAt(i);
    if (c === 32 || c === 9) {
      i++;
      continue;
    }
    if (c === 35 || !isPlain(c)) return undefined; // '#' or anything special
    const start = i;
    while (i < n && isPlain(line.charCodeAt(i))) i++;
    if (i < n && line.charCodeAt(i) !== 32 && line.charCodeAt(i) !== 9) return undefined;
    const raw = line.slice(start, i);
    tokens.push({ kind: 'word', word: { raw, parts: [{ kind: 'lit', text: raw, quoted: false }], column: start, end: i } });
  }
  return tokens;
}

export function lex(line: string): { tokens: Token[]; unsupported?: ShellUnsupported } {
  const plain = lexPlain(line);
  if (plain) return { tokens: plain };
  const tokens: Token[] = [];
  let unsupported: ShellUnsupported | undefined;
  let i = 0;
  const n = line.length;
  while (i < n) {
    const c = line[i]!;
    if (isBlank(c) || c === '\r') {
      i++;
      continue;
    }
    if (c === '\\' && line[i + 1] === '\n') {
      i += 2;
      continue;
    }
    if (c === '\n') {
      tokens.push({ kind: 'newline', column: i });
      i++;
      continue;
    }
    if (c === '#') {
      while (i < n && line[i] !== '\n') i++;
      continue;
    }
    const op = startsOp(line, i);
    if (op) {
      if (op === '<<' && !unsupported) unsupported = { feature: 'here-documents (<<)', column: i };
      tokens.push({ kind: 'op', op, column: i });
      i += op.length;
      continue;
    }
    // A word, possibly an IO number (`2>`).
    const start = i;
    const parts: WordPart[] = [];
    let lit = '';
    let litQuoted = false;
    const flush = () => {
      if (lit) parts.push({ kind: 'lit', text: lit, quoted: litQuoted });
      lit = '';
    };
    const addLit = (text: string, quoted: boolean) => {
      if (lit && litQuoted !== quoted) flush();
      litQuoted = quoted;
      lit += text;
    };
    const readDollar = (quoted: boolean): void => {
      // line[i] === '$'
      const next = line[i + 1];
      if (next === '{') {
        const close = line.indexOf('}', i + 2);
        if (close < 0) syntax("Missing '}'", i);
        const name = line.slice(i + 2, close);
        flush();
        parts.push({ kind: 'var', name, quoted });
        i = close + 1;
        return;
      }
      if (next === '(') {
        let depth = 0;
        let j = i + 1;
        for (; j < n; j++) {
          if (line[j] === '(') depth++;
          else if (line[j] === ')' && --depth === 0) break;
        }
        if (j >= n) syntax('end of file unexpected (expecting ")")', i);
        flush();
        parts.push({ kind: 'subst', text: line.slice(i, j + 1) });
        i = j + 1;
        return;
      }
      const m = NAME_RE.exec(line.slice(i + 1));
      if (m) {
        flush();
        parts.push({ kind: 'var', name: m[0], quoted });
        i += 1 + m[0].length;
        return;
      }
      if (next !== undefined && /[?$#!@*0-9-]/.test(next)) {
        flush();
        parts.push({ kind: 'var', name: next, quoted });
        i += 2;
        return;
      }
      addLit('$', quoted);
      i++;
    };
    const readBackquote = (): void => {
      const close = line.indexOf('`', i + 1);
      if (close < 0) syntax('EOF in backquote substitution', i);
      flush();
      parts.push({ kind: 'subst', text: line.slice(i, close + 1) });
      i = close + 1;
    };
    while (i < n) {
      const ch = line[i]!;
      if (isBlank(ch) || ch === '\n' || ch === '\r') break;
      if (startsOp(line, i)) break;
      if (ch === "'") {
        const close = line.indexOf("'", i + 1);
        if (close < 0) syntax('Unterminated quoted string', i);
        addLit(line.slice(i + 1, close), true);
        // An empty '' still makes a word.
        if (close === i + 1) {
          flush();
          parts.push({ kind: 'lit', text: '', quoted: true });
        }
        i = close + 1;
        continue;
      }
      if (ch === '"') {
        const open = i;
        i++;
        let any = false;
        while (true) {
          if (i >= n) syntax('Unterminated quoted string', open);
          const d = line[i]!;
          if (d === '"') break;
          any = true;
          if (d === '\\' && i + 1 < n && '$`"\\\n'.includes(line[i + 1]!)) {
            if (line[i + 1] !== '\n') addLit(line[i + 1]!, true);
            i += 2;
          } else if (d === '$') {
            readDollar(true);
          } else if (d === '`') {
            readBackquote();
          } else {
            addLit(d, true);
            i++;
          }
        }
        if (!any) {
          flush();
          parts.push({ kind: 'lit', text: '', quoted: true });
        }
        i++;
        continue;
      }
      if (ch === '\\') {
        if (i + 1 >= n) {
          addLit('\\', false);
          i++;
        } else if (line[i + 1] === '\n') {
          i += 2;
        } else {
          addLit(line[i + 1]!, true);
          i += 2;
        }
        continue;
      }
      if (ch === '$') {
        readDollar(false);
        continue;
      }
      if (ch === '`') {
        readBackquote();
        continue;
      }
      // A run of ordinary characters at once.
      let j = i + 1;
      while (j < n && isPlain(line.charCodeAt(j))) j++;
      addLit(line.slice(i, j), false);
      i = j;
    }
    flush();
    const raw = line.slice(start, i);
    const follow = startsOp(line, i);
    if (/^[0-9]+$/.test(raw) && follow && REDIR_OPS.has(follow)) {
      tokens.push({ kind: 'op', op: follow, column: start, fd: Number(raw) });
      i += follow.length;
      continue;
    }
    tokens.push({ kind: 'word', word: { raw, parts, column: start, end: i } });
  }
  return { tokens, unsupported };
}
