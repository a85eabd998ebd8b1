/**
 * A POSIX sh (dash) reader for one `run:` line: words with quotes, escapes and `$` parameters,
 * comments, redirections and the `;` `&` `&&` `||` `|` operators. It never throws: a line it
 * cannot read comes back with `error`, worded as dash words it (`Syntax error: ...`). The words
 * and operators come from the lexer (lex.ts); this is the grammar over them.
 */
import type { Connector, ListItem, ParsedLine, Pipeline, RedirOp, Redirect, SimpleCommand, Word } from './ast';
import { lex, REDIR_OPS, syntax, SyntaxFail, type Token } from './lex';

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
