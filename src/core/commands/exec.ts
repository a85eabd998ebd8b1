import type { World } from '../sim/model';
import type { Endpoint } from '../sim/walk';

export interface ExecResult {
  readonly stdout: string;
  readonly stderr: string;
  /** The exit status the real tool would give. */
  readonly status: number;
}

/** Runs one shell line (as a student types it) on a simulated host, as root. */
export function execCommand(_world: World, _on: Endpoint, _line: string): ExecResult {
  throw new Error('TODO');
}
