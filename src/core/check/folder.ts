/**
 * Checking a lab folder held in memory (relative path → text), as `knetlab check` does for a lab
 * folder or each lab of a course: the starter's lab.yaml as a lab, then, when the folder has a
 * reference solution, the lab with `solution/lab.yaml` applied as the patch it is (grade/overlay.ts),
 * never the patch alone as a lab of its own.
 *
 * The solved lab is a text no file holds: each of its diagnostics is told at the line it came
 * from, the patch's line (solution/lab.yaml) or the starter's. A diagnostic of a starter line that
 * the starter's own check reported already is not repeated. Never throws.
 */
import type { Diagnostic } from '../text/diag';
import { applySolution, hasSolution, SOLUTION_DIR } from '../grade/overlay';
import { checkLab } from './check';
import { outsideDiagnostic } from '../grade/folder';
import { OUTSIDE_LAB } from '../lab/load';
import { declaresVariables, instantiateLab } from '../lab/variant';

export interface CheckFilesOptions {
  /** How a file of the folder is named in diagnostics (e.g. its path from the working folder). */
  readonly displayPath: (rel: string) => string;
  readonly student?: string;
  /** Files of the folder that resolve outside it (symbolic links out of it): never read, each an error where it is read. */
  readonly outside?: ReadonlySet<string>;
}

const PATCH = SOLUTION_DIR + 'lab.yaml';

/** Every diagnostic of a lab folder: its starter, and its starter with the solution applied. */
export function checkLabFiles(files: ReadonlyMap<string, string>, opts: CheckFilesOptions): Diagnostic[] {
  const shown = opts.displayPath;
  const outside = opts.outside ?? new Set<string>();
  if (outside.has('lab.yaml')) return [outsideDiagnostic(shown('lab.yaml'), 'lab.yaml')];
  const text = files.get('lab.yaml');
  if (text === undefined) return [];
  const refused = [...outside]
    .filter((rel) => rel === 'answers.yaml' || rel.startsWith(SOLUTION_DIR))
    .map((rel) => outsideDiagnostic(shown(rel), rel));
  const read = (from: ReadonlyMap<string, string>) => (rel: string) => (outside.has(rel) ? OUTSIDE_LAB : from.get(rel));
  const student = opts.student !== undefined ? { student: opts.student } : {};
  const starter = [...refused, ...checkLab(text, { file: shown('lab.yaml'), readFile: read(files), ...student })];
  if (!hasSolution(files)) return starter;
  // The solution patches the lab as drawn (as grading applies it): a placeholder such as
  // `port: {{ port }}` is a number by then, never a YAML mapping copied through the merge.
  const drawn = declaresVariables(text) ? instantiateLab(files, opts.student ?? '', { displayPath: shown }).files : files;
  const starterText = drawn.get('lab.yaml') ?? text;
  const applied = applySolution(drawn, { displayPath: shown });
  const solvedText = applied.files.get('lab.yaml') ?? starterText;
  const patchText = drawn.get(PATCH);
  if (applied.diagnostics.length || patchText === undefined || solvedText === starterText) return [...starter, ...applied.diagnostics];
  const solvedFile = `${shown('lab.yaml')} (solved)`;
  const solved = checkLab(solvedText, { file: solvedFile, readFile: read(applied.files), ...student });
  const seen = new Set(starter.map(key));
  const out = [...starter];
  const where = new LineOrigins(solvedText, [
    { file: shown(PATCH), text: patchText },
    { file: shown('lab.yaml'), text: starterText },
  ]);
  for (const d of solved) {
    const moved = d.file === solvedFile ? where.place(d) : d;
    if (seen.has(key(moved))) continue;
    seen.add(key(moved));
    out.push(moved);
  }
  return out;
}

function key(d: Diagnostic): string {
  return `${d.file}:${d.line}:${d.column}:${d.code}:${d.message.en}`;
}

interface Source {
  readonly file: string;
  readonly text: string;
}

/**
 * Where each line of a merged text came from: the first source holding the same line (the same
 * text once indentation is set aside), its n-th such line for the merged text's n-th. The merge
 * copies lines as they are (a run: block, a key and its value); a line no source holds is told at
 * the first source's first line.
 */
class LineOrigins {
  private readonly merged: string[];
  private readonly sources: { file: string; lines: string[] }[];

  constructor(mergedText: string, sources: readonly Source[]) {
    this.merged = mergedText.split('\n');
    this.sources = sources.map((s) => ({ file: s.file, lines: s.text.split('\n') }));
  }

  place(d: Diagnostic): Diagnostic {
    const line = this.merged[d.line - 1] ?? '';
    const body = line.trim();
    const nth = this.merged.slice(0, d.line - 1).filter((l) => l.trim() === body).length;
    for (const s of body ? this.sources : []) {
      const hits = s.lines.flatMap((l, i) => (l.trim() === body ? [i] : []));
      if (!hits.length) continue;
      const at = hits[Math.min(nth, hits.length - 1)]!;
      const shift = indent(s.lines[at]!) - indent(line);
      const column = Math.max(1, d.column + shift);
      const endColumn = d.endLine === d.line ? Math.max(column, d.endColumn + shift) : column;
      return { ...d, file: s.file, line: at + 1, column, endLine: at + 1, endColumn };
    }
    const first = this.sources[0]!;
    return { ...d, file: first.file, line: 1, column: 1, endLine: 1, endColumn: 1 };
  }
}

function indent(line: string): number {
  return line.length - line.trimStart().length;
}
