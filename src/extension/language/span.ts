/**
 * Plain positions for the language features: 0-based lines and characters as VS Code counts them,
 * so the logic stays free of `vscode` and the adapters convert one to one.
 */
import type { SourceRange } from '../../core';

export interface Pos {
  readonly line: number;
  readonly character: number;
}

export interface Span {
  readonly start: Pos;
  readonly end: Pos;
}

/** A core range (1-based, end exclusive) as a 0-based span. */
export function spanOf(r: SourceRange): Span {
  return {
    start: { line: r.line - 1, character: Math.max(r.column - 1, 0) },
    end: { line: r.endLine - 1, character: Math.max(r.endColumn - 1, 0) },
  };
}

export function before(a: Pos, b: Pos): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}

/** Whether `p` lies in `s`, its end included (a cursor just after a word still names it). */
export function contains(s: Span, p: Pos): boolean {
  return !before(p, s.start) && !before(s.end, p);
}

export function rangeContains(r: SourceRange | undefined, p: Pos): boolean {
  return !!r && contains(spanOf(r), p);
}

export function intersects(a: Span, b: Span): boolean {
  return !before(a.end, b.start) && !before(b.end, a.start);
}

export function lineAt(text: string, line: number): string {
  let start = 0;
  for (let i = 0; i < line; i++) {
    const nl = text.indexOf('\n', start);
    if (nl < 0) return '';
    start = nl + 1;
  }
  const end = text.indexOf('\n', start);
  return text.slice(start, end < 0 ? text.length : end).replace(/\r$/, '');
}

export function offsetAt(text: string, p: Pos): number {
  let start = 0;
  for (let i = 0; i < p.line; i++) {
    const nl = text.indexOf('\n', start);
    if (nl < 0) return text.length;
    start = nl + 1;
  }
  return start + p.character;
}

export function textIn(text: string, s: Span): string {
  return text.slice(offsetAt(text, s.start), offsetAt(text, s.end));
}

export interface Word {
  readonly text: string;
  readonly span: Span;
}

/** The run of `chars` around `p` on its line, if any. */
export function wordAt(text: string, p: Pos, chars = /[A-Za-z0-9_.-]/): Word | undefined {
  const line = lineAt(text, p.line);
  let s = p.character;
  let e = p.character;
  while (s > 0 && chars.test(line[s - 1]!)) s--;
  while (e < line.length && chars.test(line[e]!)) e++;
  if (s === e) return undefined;
  return { text: line.slice(s, e), span: { start: { line: p.line, character: s }, end: { line: p.line, character: e } } };
}

/** The first match of `re` (global) on line `p.line` that contains `p`. */
export function matchAt(text: string, p: Pos, re: RegExp): Word | undefined {
  const line = lineAt(text, p.line);
  for (const m of line.matchAll(re)) {
    const s = m.index;
    const e = s + m[0].length;
    if (p.character >= s && p.character <= e)
      return { text: m[0], span: { start: { line: p.line, character: s }, end: { line: p.line, character: e } } };
  }
  return undefined;
}
