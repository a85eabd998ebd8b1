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

/**
 * Reads a tree from `toks`: `at` is the next word. The tree is kept with the result, so every array
 * in it is made at its exact length (sliced from the words, or from `stack`, where a block's props
 * gather while they are read), and nothing else is made on the way.
 */
class TreeReader {
  at = 0;
  private readonly stack: Prop[] = [];

  constructor(private readonly toks: readonly Token[]) {}

  /** The directive (or property) that starts at the next word. */
  prop(): Prop {
    const toks = this.toks;
    const name = toks[this.at]!;
    let i = this.at + 1;
    while (i < toks.length && toks[i]!.line <= toks[i - 1]!.endLine && toks[i]!.text !== '{' && toks[i]!.text !== '}') i++;
    const args = toks.slice(this.at + 1, i);
    this.at = i;
    // caddy's NextBlock takes a `{` after the arguments even on the next line (the parser kept it with the directive).
    if (i >= toks.length || toks[i]!.text !== '{') return { name, args };
    const open = toks[i]!;
    this.at = i + 1;
    const base = this.stack.length;
    while (this.at < toks.length && toks[this.at]!.text !== '}') this.stack.push(this.prop());
    const block = this.stack.slice(base);
    this.stack.length = base;
    const close = toks[this.at];
    if (close) this.at++;
    return close ? { name, args, block, open, close } : { name, args, block, open };
  }
}

/** A directive's tokens (its name first) as a tree. Tokens after the tree (none in a parsed Corefile) are ignored. */
export function directiveTree(toks: readonly Token[]): Prop {
  return new TreeReader(toks).prop();
}
