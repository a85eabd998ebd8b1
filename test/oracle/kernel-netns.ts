/**
 * The oracle's namespaces and processes (kernel.ts builds scenarios with them): child processes with
 * a hard timeout, the namespaces named in /run/netns, names unique to this process, and the removal
 * of our own namespaces (never another's: every name starts with NS_PREFIX).
 */
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';

export const NS_PREFIX = 'knl';
export const NETNS_DIR = '/run/netns';

export interface ProcResult {
  readonly stdout: string;
  readonly stderr: string;
  readonly status: number;
  readonly timedOut: boolean;
}

/** Runs argv with a hard timeout (SIGKILL to the whole process group). Never throws. */
export function run(argv: string[], timeoutMs = 5000): Promise<ProcResult> {
  return new Promise((resolve) => {
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    let child;
    try {
      child = spawn(argv[0]!, argv.slice(1), { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    } catch (e) {
      resolve({ stdout: '', stderr: String(e), status: 127, timedOut: false });
      return;
    }
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        if (child.pid) process.kill(-child.pid, 'SIGKILL');
      } catch {
        /* already gone */
      }
    }, timeoutMs);
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', (e) => {
      clearTimeout(timer);
      resolve({ stdout, stderr: stderr + String(e), status: 127, timedOut });
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ stdout, stderr, status: code ?? (signal ? 128 + 9 : 1), timedOut });
    });
  });
}

/** Namespaces currently named in /run/netns. */
export function listNetns(): string[] {
  try {
    return readdirSync(NETNS_DIR);
  } catch {
    return [];
  }
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Kills processes still running inside one of our namespaces (named with `prefix`), then deletes it. */
export async function deleteNetns(name: string, prefix: string = NS_PREFIX): Promise<void> {
  if (!name.startsWith(prefix)) throw new Error(`refusing to delete namespace ${name}`);
  const pids = await run(['ip', 'netns', 'pids', name], 3000);
  for (const p of pids.stdout.split(/\s+/).filter(Boolean)) {
    try {
      process.kill(Number(p), 'SIGKILL');
    } catch {
      /* gone */
    }
  }
  await run(['ip', 'netns', 'del', name], 5000);
}

/** Deletes namespaces left behind by earlier runs whose process is gone. Returns their names. */
export async function cleanStale(): Promise<string[]> {
  const stale = listNetns().filter((n) => {
    const m = new RegExp(`^${NS_PREFIX}([0-9a-z]+)x[0-9a-z]+-`).exec(n);
    return m !== null && Number.parseInt(m[1]!, 36) !== process.pid && !pidAlive(Number.parseInt(m[1]!, 36));
  });
  for (const n of stale) await deleteNetns(n);
  return stale;
}

let seq = 0;
/** A prefix unique to this process and call: `knl<pid36>x<seq36>`. */
export function uniquePrefix(): string {
  return `${NS_PREFIX}${process.pid.toString(36)}x${(seq++).toString(36)}`;
}

/** Can this process make network namespaces? */
export async function canUseNetns(): Promise<{ ok: boolean; why: string }> {
  if (typeof process.getuid === 'function' && process.getuid() !== 0) return { ok: false, why: 'not root' };
  const name = `${uniquePrefix()}-probe`;
  const r = await run(['ip', 'netns', 'add', name], 5000);
  if (r.status !== 0) return { ok: false, why: `ip netns add failed: ${r.stderr.trim()}` };
  const tools = await run(['sh', '-c', 'command -v nsenter && command -v unshare && command -v socat && command -v ping'], 3000);
  await deleteNetns(name);
  if (tools.status !== 0) return { ok: false, why: 'nsenter, unshare, socat or ping missing' };
  return { ok: true, why: '' };
}
