import type { Diagnostic } from '../diag';
import type { Lab } from './types';

export interface LoadOptions {
  /** The lab file's path as it should appear in diagnostics. */
  readonly file: string;
  /** Reads a file of the lab folder (path relative to the folder) for `files: { from: ... }`. */
  readonly readFile?: (relPath: string) => string | undefined;
}

export interface LoadResult {
  readonly lab?: Lab;
  readonly diagnostics: Diagnostic[];
}

/** Reads `lab.yaml` text. Never throws: every problem is a diagnostic with its place. */
export function loadLab(_text: string, _opts: LoadOptions): LoadResult {
  throw new Error('TODO');
}
