/**
 * A directive's tokens as its setup function walks them (caddy's Dispenser): the words on its own
 * line are its arguments (up to a `{`), and a `{ ... }` after them holds one property per line, each
 * with its own arguments and, rarely, a nested block. A word starts a new line when it starts on a
 * later line than the previous word ended (a quoted word may span lines); a `{` opens the block
 * wherever it is.
 */
import type { Token } from './lex';

export interface Prop {
  readonly name: Token;
  readonly args: Token[];
  /** The `{ ... }` after the arguments, if any, and its braces. */
  readonly block?: Prop[];
  readonly open?: Token;
  readonly close?: Token;
}

/** The directive (or property) that starts at `toks[at]`, and the index after it. */
function readProp(toks: readonly Token[], at: number): { prop: Prop; next: number } {
  const name = toks[at]!;
  let i = at + 1;
  while (i < toks.length && toks[i]!.line <= toks[i - 1]!.endLine && toks[i]!.text !== '{' && toks[i]!.text !== '}') i++;
  // Sliced, not pushed: the tree is kept with the result, and a pushed array keeps room for more.
  const args = toks.slice(at + 1, i);
  // caddy's NextBlock takes a `{` after the arguments even on the next line (the parser kept it with the directive).
  if (i < toks.length && toks[i]!.text === '{') {
    const open = toks[i]!;
    i++;
    const block: Prop[] = [];
    while (i < toks.length && toks[i]!.text !== '}') {
      const r = readProp(toks, i);
      block.push(r.prop);
      i = r.next;
    }
    const close = toks[i];
    if (close) i++;
    return { prop: { name, args, block: block.slice(), open, ...(close ? { close } : {}) }, next: i };
  }
  return { prop: { name, args }, next: i };
}

/** A directive's tokens (its name first) as a tree. Tokens after the tree (none in a parsed Corefile) are ignored. */
export function directiveTree(toks: readonly Token[]): Prop {
  return readProp(toks, 0).prop;
}
