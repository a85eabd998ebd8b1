/** What every CLI command shares: the error that means "bad input", output, messages, folder walks. */
import { readdirSync, readFileSync, statSync, type Stats } from 'node:fs';
import { join, relative } from 'node:path';
import { type Course, type Diagnostic, fill, type Lang, loadCourse, type Localized, pick } from '../core';
import { MESSAGES, type MessageId } from './messages';

/** Bad input: printed as one line, exit status 2. */
export class UsageError extends Error {}

export interface Io {
  out(text: string): void;
  err(text: string): void;
  /** Whether `err` writes to a terminal (a progress bar may be drawn there); absent: it does not. */
  readonly errTty?: boolean;
}

/** A message in `lang` with `{0}`, `{1}`... filled in order. */
export function fmt(lang: Lang, message: Localized, ...args: string[]): string {
  return fill(message, lang, args);
}

/** One of the messages every command shares (messages.ts). */
export function t(lang: Lang, id: MessageId, ...args: string[]): string {
  return fmt(lang, MESSAGES[id], ...args);
}

export function formatDiag(d: Diagnostic, lang: Lang): string {
  return `${d.file}:${d.line}:${d.column}: ${d.severity} ${d.code}: ${pick(d.message, lang)}`;
}

/** An answer's warnings (lines it could depend on that the simulator does not model), as JSON: `[{ file, line, column, code, message }]`. */
export function warningsJson(warnings: readonly Diagnostic[] | undefined, lang: Lang) {
  return (warnings ?? []).map((d) => ({ file: d.file, line: d.line, column: d.column, code: d.code, message: pick(d.message, lang) }));
}

/** An answer's warnings as text lines under `indent`: a heading, then each line; nothing when there are none. */
export function warningsText(warnings: readonly Diagnostic[] | undefined, lang: Lang, indent = ''): string[] {
  if (!warnings?.length) return [];
  return [
    indent + t(lang, 'mayBeWrong'),
    ...warnings.map((d) => `${indent}  ${d.file}:${d.line}:${d.column}: ${d.code}: ${pick(d.message, lang)}`),
  ];
}

/** Visits the files below `dir` in name order, skipping hidden entries and node_modules. */
export function walkFiles(dir: string, maxDepth: number, visit: (path: string, name: string, st: Stats) => boolean | void): void {
  let stop = false;
  const walk = (d: string, depth: number) => {
    if (depth > maxDepth || stop) return;
    for (const name of readdirSync(d).sort()) {
      if (stop) return;
      if (name.startsWith('.') || name === 'node_modules') continue;
      const p = join(d, name);
      let st: Stats;
      try {
        st = statSync(p);
      } catch {
        continue;
      }
      if (st.isDirectory()) walk(p, depth + 1);
      else if (visit(p, name, st) === false) stop = true;
    }
  };
  walk(dir, 0);
}

/**
 * A course.yaml read and loaded, named in diagnostics by its path from the working folder; its
 * diagnostics go to `report`, and a course that does not load is a usage error.
 */
export function readCourse(courseFile: string, lang: Lang, report: (d: Diagnostic) => void): { course: Course; text: string } {
  const text = readFileSync(courseFile, 'utf8');
  const c = loadCourse(text, relative(process.cwd(), courseFile) || courseFile);
  for (const d of c.diagnostics) report(d);
  if (!c.course) throw new UsageError(t(lang, 'badCourse', courseFile));
  return { course: c.course, text };
}
