import type { Diagnostic } from './diag';
import { validateCheck } from './grade/grade';
import { instantiateLab } from './grade/variant';
import type { Lab } from './lab/types';
import { loadLab, type LoadOptions, type LoadResult } from './lab/load';
import { lintWorld } from './lab/lint';
import { buildWorld } from './sim/build';

const HAS_VARIABLES = /^variables\s*:/m;

/**
 * A lab's text as a student's machine sees it: a template lab (one with `variables:`) is drawn
 * for `student` ('' is the instructor's own view); any other lab is returned as it is.
 */
export function instantiateText(text: string, file: string, student = ''): { text: string; diagnostics: Diagnostic[] } {
  if (!HAS_VARIABLES.test(text)) return { text, diagnostics: [] };
  const inst = instantiateLab(new Map([['lab.yaml', text]]), student, { displayPath: () => file });
  return { text: inst.files.get('lab.yaml') ?? text, diagnostics: inst.diagnostics };
}

/** loadLab, after drawing a template lab's variables for `student`. */
export function loadLabFor(text: string, opts: LoadOptions & { readonly student?: string }): LoadResult {
  const inst = instantiateText(text, opts.file, opts.student);
  const loaded = loadLab(inst.text, opts);
  return inst.diagnostics.length ? { ...loaded, diagnostics: [...inst.diagnostics, ...loaded.diagnostics] } : loaded;
}

function within(d: Diagnostic, r: { line: number; column: number; endLine: number; endColumn: number }): boolean {
  const afterStart = d.line > r.line || (d.line === r.line && d.column >= r.column);
  const beforeEnd = d.line < r.endLine || (d.line === r.endLine && d.column <= r.endColumn);
  return afterStart && beforeEnd;
}

/** The exercises' checks against the lab (hosts, addresses, regexes...), where the schema found nothing wrong already. */
function exerciseDiagnostics(lab: Lab, structural: readonly Diagnostic[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const ex of lab.exercises) {
    for (const c of ex.checks) {
      const extent = c.extent ?? c.range;
      if (structural.some((d) => within(d, extent))) continue;
      out.push(...validateCheck(c, lab));
    }
  }
  return out;
}

/**
 * Every diagnostic of a lab file: its structure (YAML, the JSON Schema, references), the exercises'
 * checks, the errors of its `run` lines, then the lints.
 */
export function checkLab(text: string, opts: LoadOptions & { readonly student?: string }): Diagnostic[] {
  const loaded = loadLabFor(text, opts);
  if (!loaded.lab) return loaded.diagnostics;
  const built = buildWorld(loaded.lab);
  return [...loaded.diagnostics, ...exerciseDiagnostics(loaded.lab, loaded.diagnostics), ...built.diagnostics, ...lintWorld(loaded.lab, built.world)];
}
