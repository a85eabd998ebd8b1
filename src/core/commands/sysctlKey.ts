/**
 * What every sysctl key is to `sysctl` and /proc/sys (procfs.ts, and the IPv6 keys of sysctl6.ts):
 * a name, whether the simulation acts on it, a read and a write; and how the kernel reads an
 * integer written to one (proc_dointvec).
 */
import type { Netns } from '../sim/model';

export interface SysctlKey {
  /** Dotted name: `net.ipv4.ip_forward`. */
  readonly name: string;
  /** Whether the simulation acts on it. */
  readonly simulated: boolean;
  get(ns: Netns): string;
  /** Writes a value; false when the kernel refuses it (EINVAL). */
  set(ns: Netns, value: string): boolean;
}

/** An integer as proc_dointvec reads it (spaces around, a sign, an int's range), else undefined. */
export function readInt(value: string): number | undefined {
  const m = /^\s*([+-]?[0-9]+)\s*$/.exec(value);
  if (!m) return undefined;
  const n = Number(m[1]);
  return Number.isSafeInteger(n) && Math.abs(n) <= 0x7fffffff ? n : undefined;
}
