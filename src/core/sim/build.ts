import type { Diagnostic, SourceRange } from '../diag';
import type { Lab } from '../lab/types';
import type { World } from './model';

export interface RunLineResult {
  readonly host: string;
  readonly range: SourceRange;
  readonly command: string;
  readonly stdout: string;
  readonly stderr: string;
  readonly status: number;
}

export interface BuildResult {
  readonly world: World;
  readonly diagnostics: Diagnostic[];
  readonly runs: RunLineResult[];
}

/** Builds the simulated machines of a lab and runs every host's `run` lines in order. */
export function buildWorld(_lab: Lab): BuildResult {
  throw new Error('TODO');
}
