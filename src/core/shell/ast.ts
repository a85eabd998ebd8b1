/**
 * The shell-language pieces of a `run:` line, as POSIX sh (dash) reads them. Every node carries
 * `column`: a 0-based offset into the line, so that diagnostics can point at the exact word.
 */

/** A piece of a word: literal text (quotes removed), a parameter, or a command substitution. */
export type WordPart =
  | { readonly kind: 'lit'; readonly text: string; readonly quoted: boolean }
  | { readonly kind: 'var'; readonly name: string; readonly quoted: boolean }
  | { readonly kind: 'subst'; readonly text: string };

export interface Word {
  /** The word as written, quotes and all. */
  readonly raw: string;
  readonly parts: readonly WordPart[];
  /** 0-based offset of the word's first character in the line. */
  readonly column: number;
  /** 0-based offset just past the word. */
  readonly end: number;
}

/**
 * `>` `>>` `>|` `<` `<>`, and the descriptor duplications `>&` `<&` (`2>&1`). `fd` is the
 * descriptor redirected (1 for `>`, 0 for `<` unless a number is written before the operator).
 */
export type RedirOp = '>' | '>>' | '>|' | '<' | '<>' | '>&' | '<&';

export interface Redirect {
  readonly fd: number;
  readonly op: RedirOp;
  readonly target: Word;
  readonly column: number;
}

/** `NAME=value` words before the command name; a command of assignments only sets variables. */
export interface SimpleCommand {
  readonly assignments: readonly Word[];
  readonly words: readonly Word[];
  readonly redirects: readonly Redirect[];
  readonly column: number;
  readonly end: number;
}

export interface Pipeline {
  /** `! cmd`: the status is negated. */
  readonly bang: boolean;
  /** More than one command means a real pipe (`a | b`), which the simulator does not run. */
  readonly commands: readonly SimpleCommand[];
  /** Where each `|` is. */
  readonly pipeColumns: readonly number[];
  readonly column: number;
}

/**
 * How an item is joined to the one before it: the first item and items after `;`, `&` or a
 * newline run unconditionally; after `&&` only if the last status was 0; after `||` only if not.
 */
export type Connector = 'start' | ';' | '&' | '\n' | '&&' | '||';

export interface ListItem {
  readonly connector: Connector;
  readonly pipeline: Pipeline;
}

export interface ShellSyntaxError {
  /** As dash words it, after `sh: 1: `: e.g. `Syntax error: Unterminated quoted string`. */
  readonly message: string;
  readonly column: number;
}

/** A shell feature the parser recognises but the simulator does not run (subshells, here-documents...). */
export interface ShellUnsupported {
  readonly feature: string;
  readonly column: number;
}

export interface ParsedLine {
  readonly items: readonly ListItem[];
  readonly error?: ShellSyntaxError;
  readonly unsupported?: ShellUnsupported;
}
