/**
 * The zone file's lexer, as miekg/dns's zlexer reads it: `;` comments to the end of the line,
 * parentheses that join lines (and do not end a word: `host.(1` is one word, as there), quoted
 * strings that may span lines, backslash escapes kept in the text, and a record that starts with
 * a blank having no owner. Never throws: what it cannot read is an error with its place.
 */

export interface Tok {
  readonly text: string;
  /** Written between double quotes (the quotes are not in `text`). */
  readonly quoted: boolean;
  readonly line: number;
  /** 1-based column of its first character (of the opening quote when quoted). */
  readonly col: number;
  readonly endLine: number;
  readonly endCol: number;
}

/** One record's words (a logical line: parentheses joined), or a directive's. */
export interface Entry {
  readonly toks: Tok[];
  /** The line began with a blank: the owner is the previous record's. */
  readonly blankOwner: boolean;
  /** Where the entry ends (for "unexpected newline" and missing fields). */
  readonly endLine: number;
  readonly endCol: number;
}

export interface LexError {
  readonly message: string;
  readonly token: string;
  readonly line: number;
  readonly col: number;
}

/** The characters that end a run of plain ones: blanks, newline, `;`, `(`, `)`, `"`, `\\`. */
const SPECIAL = new Set([' ', '\t', '\n', '\r', ';', '(', ')', '"', '\\'].map((c) => c.charCodeAt(0)));

/** Reads `text`, handing each entry to `onEntry` as it ends (the file is never held as words all at once). */
export function lexZone(text: string, onEntry: (e: Entry) => void): LexError[] {
  const errors: LexError[] = [];
  let line = 1;
  let col = 0;
  let toks: Tok[] = [];
  let blankOwner = false;
  let atLineStart = true;
  let brace = 0;
  let braceOpen: { line: number; col: number } | undefined;
  let word = '';
  /** Where the word being read starts (line 0: none). */
  let atLine = 0;
  let atCol = 0;
  /** Just after the word's last character. */
  let endLine = 1;
  let endCol = 1;
  let quoted = false;
  let quoteAt: { line: number; col: number } | undefined;
  let comment = false;
  const endWord = (wasQuoted = false) => {
    if (atLine && (word.length || wasQuoted)) toks.push({ text: word, quoted: wasQuoted, line: atLine, col: atCol, endLine, endCol });
    word = '';
    atLine = 0;
  };
  const endEntry = () => {
    endWord();
    if (toks.length) onEntry({ toks, blankOwner, endLine: line, endCol: col + 1 });
    toks = [];
    blankOwner = false;
    atLineStart = true;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\n') {
      comment = false;
      if (quoted) word += c;
      else if (brace === 0) endEntry();
      else endWord();
      line++;
      col = 0;
      continue;
    }
    col++;
    if (comment) continue;
    if (quoted) {
      if (c === '\\' && i + 1 < text.length && text[i + 1] !== '\n') {
        word += c + text[++i];
        col++;
      } else if (c === '"') {
        quoted = false;
        endLine = line;
        endCol = col + 1;
        endWord(true);
      } else word += c;
      continue;
    }
    if (c === ' ' || c === '\t') {
      if (atLineStart && brace === 0 && !toks.length && !word) blankOwner = true;
      atLineStart = false;
      endWord();
      continue;
    }
    atLineStart = false;
    if (c === '\r') continue;
    if (c === ';') {
      endWord();
      comment = true;
      continue;
    }
    if (c === '\\' && i + 1 < text.length && text[i + 1] !== '\n') {
      if (!atLine) {
        atLine = line;
        atCol = col;
      }
      word += c + text[++i];
      col++;
      endLine = line;
      endCol = col + 1;
      continue;
    }
    if (c === '"') {
      endWord();
      quoted = true;
      quoteAt = { line, col };
      atLine = line;
      atCol = col;
      continue;
    }
    if (c === '(') {
      if (brace === 0) braceOpen = { line, col };
      brace++;
      continue;
    }
    if (c === ')') {
      brace--;
      if (brace < 0) {
        errors.push({ message: 'extra closing brace', token: ')', line, col });
        brace = 0;
      }
      continue;
    }
    if (!atLine) {
      atLine = line;
      atCol = col;
    }
    // A run of plain characters at once (the common case: names, numbers, addresses).
    let j = i + 1;
    while (j < text.length && !SPECIAL.has(text.charCodeAt(j))) j++;
    word += j === i + 1 ? c : text.slice(i, j);
    col += j - i - 1;
    i = j - 1;
    endLine = line;
    endCol = col + 1;
  }
  if (quoted && quoteAt) {
    errors.push({ message: 'unterminated quoted string', token: '"', line: quoteAt.line, col: quoteAt.col });
    endLine = line;
    endCol = col + 1;
    endWord(true);
  }
  if (brace > 0 && braceOpen) errors.push({ message: 'unbalanced brace', token: '(', line: braceOpen.line, col: braceOpen.col });
  endEntry();
  return errors;
}
