/**
 * A POSIX sh (dash) reader for one `run:` line: words with quotes, escapes and `$` parameters,
 * comments, redirections and the `;` `&` `&&` `||` `|` operators. It never throws: a line it
 * cannot read comes back with `error`, worded as dash words it (`Syntax error: ...`).
 */
import type {
  Connector,
  ListItem,
  ParsedLine,
  Pipeline,
  RedirOp,
  Redirect,
  ShellSyntaxError,
  ShellUnsupported,
  SimpleCommand,
  Word,
  WordPart,
} from './ast';

type Op = ';' | ';;' | '&' | '&&' | '|' | '||' | '(' | ')' | '<<' | RedirOp;

type Token =
  | { readonly kind: 'word'; readonly word: Word }
  | { readonly kind: 'op'; readonly op: Op; readonly column: number; readonly fd?: number }
  | { readonly kind: 'newline'; readonly column: number };

const OPS: readonly Op[] = ['&&', '||', ';;', '>>', '>|', '>&', '<&', '<<', '<>', ';', '&', '|', '(', ')', '<', '>'];
const REDIR_OPS = new Set<Op>(['>', '>>', '>|', '<', '<>', '>&', '<&']);
const NAME_RE = /^[A-Za-z_][A-Za-z0-9_]*/;

class SyntaxFail {
  constructor(readonly error: ShellSyntaxError) {}
}

function syntax(message: string, column: number): never {
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

function lex(line: string): { tokens: Token[]; unsupported?: ShellUnsupported } {
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

function isAssignment(w: Word): boolean {
  const first = w.parts[0];
  return !!first && first.kind === 'lit' && !first.quoted && /^[A-Za-z_][A-Za-z0-9_]*=/.test(first.text);
}

/**
 * Lines read lately, by text: a lab is checked again on every keystroke, and all its run lines but
 * one are the same as the last time. The parse is a function of the text alone and nothing
 * changes a parsed line (its types are read-only), so a line read before is given again.
 */
const parsedLines = new Map<string, ParsedLine>();
/** Enough for the run lines of a very large lab; past it the memory starts afresh. */
const PARSED_LINES_MAX = 20_000;

/** Reads a line of sh. Never throws. */
export function parseLine(line: string): ParsedLine {
  const known = parsedLines.get(line);
  if (known) return known;
  const parsed = parseLineNow(line);
  if (parsedLines.size >= PARSED_LINES_MAX) parsedLines.clear();
  parsedLines.set(line, parsed);
  return parsed;
}

function parseLineNow(line: string): ParsedLine {
  try {
    return parseTokens(line);
  } catch (e) {
    if (e instanceof SyntaxFail) return { items: [], error: e.error };
    return { items: [], error: { message: 'Syntax error: unreadable line', column: 0 } };
  }
}

function parseTokens(line: string): ParsedLine {
  const { tokens, unsupported: lexUnsupported } = lex(line);
  let unsupported = lexUnsupported;
  const items: ListItem[] = [];
  let pos = 0;
  const peek = (): Token | undefined => tokens[pos];
  const unexpected = (t: Token | undefined): never => {
    if (!t) syntax('end of file unexpected', line.length);
    if (t.kind === 'newline') syntax('newline unexpected', t.column);
    if (t.kind === 'op') syntax(`"${t.op}" unexpected`, t.column);
    return syntax(`"${t.word.raw}" unexpected`, t.word.column);
  };
  const skipNewlines = () => {
    while (peek()?.kind === 'newline') pos++;
  };

  const parseCommand = (): SimpleCommand | undefined => {
    const assignments: Word[] = [];
    const words: Word[] = [];
    const redirects: Redirect[] = [];
    let column = -1;
    let end = 0;
    for (;;) {
      const t = peek();
      if (!t || t.kind === 'newline') break;
      if (t.kind === 'word') {
        if (column < 0) column = t.word.column;
        end = t.word.end;
        if (words.length === 0 && isAssignment(t.word)) assignments.push(t.word);
        else words.push(t.word);
        pos++;
        continue;
      }
      if (t.op === '(') {
        if (!unsupported) unsupported = { feature: 'subshells ( ... )', column: t.column };
        // Skip to the matching parenthesis, so that the rest of the line still reads.
        let depth = 0;
        while (pos < tokens.length) {
          const u = tokens[pos]!;
          if (u.kind === 'op' && u.op === '(') depth++;
          if (u.kind === 'op' && u.op === ')' && --depth === 0) {
            pos++;
            break;
          }
          pos++;
        }
        if (depth > 0) syntax('end of file unexpected (expecting ")")', line.length);
        if (column < 0) column = t.column;
        end = t.column + 1;
        continue;
      }
      if (REDIR_OPS.has(t.op) || t.op === '<<') {
        pos++;
        const target = peek();
        if (!target || target.kind !== 'word') unexpected(target);
        const w = (target as { word: Word }).word;
        pos++;
        if (column < 0) column = t.column;
        end = w.end;
        if (t.op !== '<<') {
          const op = t.op as RedirOp;
          const fd = t.fd ?? (op === '<' || op === '<&' || op === '<>' ? 0 : 1);
          redirects.push({ fd, op, target: w, column: t.column });
        }
        continue;
      }
      break;
    }
    if (column < 0) return undefined;
    return { assignments, words, redirects, column, end };
  };

  const parsePipeline = (): Pipeline => {
    let bang = false;
    const first = peek();
    let column = first?.kind === 'word' ? first.word.column : first?.kind === 'op' ? first.column : line.length;
    if (first?.kind === 'word' && first.word.raw === '!' && first.word.parts.every((p) => p.kind === 'lit' && !p.quoted)) {
      bang = true;
      pos++;
      const nx = peek();
      if (nx?.kind === 'word') column = nx.word.column;
    }
    const commands: SimpleCommand[] = [];
    const pipeColumns: number[] = [];
    for (;;) {
      const cmd = parseCommand();
      if (!cmd) unexpected(peek());
      commands.push(cmd!);
      const t = peek();
      if (t?.kind === 'op' && t.op === '|') {
        pipeColumns.push(t.column);
        pos++;
        skipNewlines();
        continue;
      }
      break;
    }
    return { bang, commands, pipeColumns, column };
  };

  skipNewlines();
  let connector: Connector = 'start';
  while (pos < tokens.length) {
    const pipeline = parsePipeline();
    items.push({ connector, pipeline });
    const t = peek();
    if (!t) break;
    if (t.kind === 'newline') {
      pos++;
      skipNewlines();
      connector = '\n';
      continue;
    }
    if (t.kind === 'op' && (t.op === '&&' || t.op === '||')) {
      pos++;
      skipNewlines();
      if (!peek()) syntax('end of file unexpected', t.column);
      connector = t.op;
      continue;
    }
    if (t.kind === 'op' && (t.op === ';' || t.op === '&')) {
      pos++;
      connector = t.op;
      const nx = peek();
      if (nx?.kind === 'newline') {
        skipNewlines();
        connector = '\n';
      }
      continue;
    }
    unexpected(t);
  }
  return unsupported ? { items, unsupported } : { items };
}
