/**
 * Word expansion as sh does it, for the part the simulator needs: `~`, `$NAME` / `${NAME}` and
 * the special `$?`, with field splitting of unquoted expansions. Command substitution is not
 * run: it is reported, so that the caller can say so.
 */
import type { Word } from './ast';

/** An argument after expansion, still knowing where in the line it came from. */
export interface Arg {
  readonly text: string;
  readonly column: number;
}

export type Env = (name: string) => string | undefined;

export interface Expanded {
  readonly args: Arg[];
  /** Where a `$(...)` or backquote substitution is, if there is one. */
  readonly substitution?: number;
}

/** Expands words into arguments (an unquoted empty expansion makes no argument). */
export function expandWords(words: readonly Word[], env: Env): Expanded {
  const args: Arg[] = [];
  let substitution: number | undefined;
  for (const w of words) {
    // The common case: one plain literal, nothing to expand.
    const only = w.parts.length === 1 ? w.parts[0]! : undefined;
    if (only && only.kind === 'lit' && (only.quoted || only.text[0] !== '~')) {
      args.push({ text: only.text, column: w.column });
      continue;
    }
    // Fields being built: text, and whether anything quoted made it a field even if empty.
    const fields: { text: string; real: boolean }[] = [{ text: '', real: false }];
    const cur = () => fields[fields.length - 1]!;
    w.parts.forEach((p, idx) => {
      if (p.kind === 'lit') {
        let text = p.text;
        if (idx === 0 && !p.quoted && (text === '~' || text.startsWith('~/'))) text = (env('HOME') ?? '/root') + text.slice(1);
        cur().text += text;
        cur().real = true;
        return;
      }
      if (p.kind === 'subst') {
        if (substitution === undefined) substitution = w.column;
        cur().text += p.text;
        cur().real = true;
        return;
      }
      const value = env(p.name) ?? '';
      if (p.quoted) {
        cur().text += value;
        cur().real = true;
        return;
      }
      // Field splitting on blanks and newlines.
      const pieces = value.split(/[ \t\n]+/);
      pieces.forEach((piece, k) => {
        if (k > 0) fields.push({ text: '', real: false });
        if (piece) {
          cur().text += piece;
          cur().real = true;
        }
      });
    });
    for (const f of fields) if (f.real) args.push({ text: f.text, column: w.column });
  }
  return substitution === undefined ? { args } : { args, substitution };
}

/** One word, expanded without field splitting (an assignment's value, a redirection's target). */
export function expandWord(w: Word, env: Env): string {
  let out = '';
  for (const p of w.parts) {
    if (p.kind === 'lit') out += p.text;
    else if (p.kind === 'subst') out += p.text;
    else out += env(p.name) ?? '';
  }
  return out;
}
