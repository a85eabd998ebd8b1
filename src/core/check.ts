import type { Diagnostic } from './diag';
import { instantiateLab } from './grade/variant';
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

/** Every diagnostic of a lab file: its structure, the errors of its `run` lines, then the lints. */
export function checkLab(text: string, opts: LoadOptions & { readonly student?: string }): Diagnostic[] {
  const loaded = loadLabFor(text, opts);
  if (!loaded.lab) return loaded.diagnostics;
  const built = buildWorld(loaded.lab);
  return [...loaded.diagnostics, ...built.diagnostics, ...lintWorld(loaded.lab, built.world)];
}
