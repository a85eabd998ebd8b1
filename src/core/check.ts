import type { Diagnostic } from './diag';
import { loadLab, type LoadOptions } from './lab/load';
import { buildWorld } from './sim/build';
import { lintWorld } from './lab/lint';

/** Every diagnostic of a lab file: its structure, then the errors of its `run` lines. */
export function checkLab(text: string, opts: LoadOptions): Diagnostic[] {
  const loaded = loadLab(text, opts);
  if (!loaded.lab) return loaded.diagnostics;
  const built = buildWorld(loaded.lab);
  return [...loaded.diagnostics, ...built.diagnostics, ...lintWorld(loaded.lab, built.world)];
}
