/**
 * The oracle's run lines (kernel.ts runs them): the screen that refuses lines which could reach
 * outside the test's namespaces, the rewrite of netns names to run-unique ones, and the argv that
 * enters a host's namespace.
 */
import { NETNS_DIR } from './kernel-netns';

const NETNS_SUBCOMMANDS = new Set(['add', 'del', 'delete', 'exec', 'e', 'pids', 'identify', 'set', 'attach', 'monitor']);

/** Refuses lines that could touch anything outside the test's namespaces. */
export function unsafeReason(line: string): string | undefined {
  if (/(^|\s)-a(ll)?(\s|$)/.test(line)) return '`-all` acts on every namespace of the machine';
  if (/\b(nsenter|unshare|mount|umount|modprobe|rmmod|kill|reboot|shutdown|systemctl)\b/.test(line)) return 'command not allowed';
  if (/\bnetns\s+\d+\b/.test(line)) return 'numeric netns (a PID) could be the root namespace';
  if (/\bnetns\s+(attach|set)\b/.test(line)) return 'ip netns attach/set not allowed';
  if (/\/proc\/\d|\/proc\/self\/ns|\/run\/netns|\/var\/run\/netns/.test(line)) return 'namespace paths not allowed';
  const sysctl = /\bsysctl\b(.*)$/.exec(line);
  if (sysctl) {
    const args = sysctl[1]!
      .trim()
      .split(/\s+/)
      .filter((a) => a !== '' && !a.startsWith('-'));
    if (args.some((a) => !/^net[./]/.test(a))) return 'only net.* sysctls';
  }
  if (/>\s*\/proc\/sys\/(?!net\/)/.test(line)) return 'only /proc/sys/net';
  if (/>\s*\/(?!proc\/sys\/net\/|dev\/null)/.test(line)) return 'writing files not allowed';
  return undefined;
}

/**
 * Rewrites every netns name in a line to the run-unique name of (host, name). Positions: after
 * `ip netns add|del|exec|pids|identify`, after `-n`/`-netns`/`--netns`, after the `netns` keyword
 * of `ip link set/add ... netns NAME`.
 */
export function rewriteNetns(line: string, rename: (ns: string) => string): string {
  const toks = line.split(/(\s+)/); // keep the separators
  const words = toks.map((t, i) => ({ t, i })).filter((x) => x.t.trim() !== '');
  for (let k = 1; k < words.length; k++) {
    const prev = words[k - 1]!.t;
    const prev2 = k >= 2 ? words[k - 2]!.t : '';
    const cur = words[k]!;
    const isName = /^[A-Za-z0-9_.-]+$/.test(cur.t) && !cur.t.startsWith('-');
    if (!isName) continue;
    const afterOpt = prev2 === 'ip' && (prev === '-n' || prev === '-netns' || prev === '--netns');
    const afterSub = prev2 === 'netns' && NETNS_SUBCOMMANDS.has(prev) && prev !== 'list';
    const linkNetns =
      prev === 'netns' &&
      !['add', 'del', 'delete', 'exec', 'e', 'list', 'pids', 'identify', 'set', 'attach', 'monitor', 'list-id'].includes(cur.t);
    if (afterOpt || afterSub || linkNetns) toks[cur.i] = rename(cur.t);
  }
  return toks.join('');
}

/** argv that runs a shell line inside namespace `ns` with its own mount (and UTS) namespace and /sys. */
export function lineArgv(ns: string, line: string): string[] {
  return [
    'unshare',
    '-m',
    '-u',
    '--propagation',
    'unchanged',
    'nsenter',
    `--net=${NETNS_DIR}/${ns}`,
    'sh',
    '-c',
    'mount --make-rprivate /sys 2>/dev/null; umount -l /sys 2>/dev/null; mount -t sysfs none /sys 2>/dev/null; exec sh -c "$1"',
    'sh',
    line,
  ];
}
