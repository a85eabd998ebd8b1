import { ROOT_NS, type World } from '../sim/model';
import type { Endpoint } from '../net/endpoint';
import { runLine } from './run';
import type { NotSimulated } from './types';

export interface ExecResult {
  readonly stdout: string;
  readonly stderr: string;
  /** The exit status the real tool would give. */
  readonly status: number;
  /** The first thing on the line the simulator does not model, if any. */
  readonly notSimulated?: NotSimulated;
  /** 0-based offset in the line of what failed (see RunLineResult). */
  readonly column?: number;
}

/** Runs one shell line (as a student types it) on a simulated host, as root. Never throws. */
export function execCommand(world: World, on: Endpoint, line: string): ExecResult {
  const host = world.hosts.get(on.host);
  if (!host) return { stdout: '', stderr: `knetlab: no host named "${on.host}"\n`, status: 2 };
  const netns = host.netns.get(on.netns || ROOT_NS);
  if (!netns) return { stdout: '', stderr: `Cannot open network namespace "${on.netns}": No such file or directory\n`, status: 2 };
  return runLine({ world, host, netns }, line);
}
