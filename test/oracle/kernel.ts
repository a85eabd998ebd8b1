/**
 * Builds an oracle scenario for real, in network namespaces, and asks it the scenario's questions.
 *
 * Safety (see ORACLE.md; these rules are absolute):
 * - nothing here touches the root network namespace: every `ip` call names a namespace with `-n`,
 *   and run lines are entered into a host's namespace with nsenter;
 * - every namespace is named `knl<pid>x<seq>-...`, deleted in `destroy()` (callers use finally) and
 *   stale ones (whose creating process is gone) are removed by `cleanStale()`;
 * - run lines are screened: anything that could reach another namespace (numeric netns, `-all`,
 *   nsenter, non-net sysctls) is refused, and every netns name in a line is rewritten to a name
 *   unique to the run and host;
 * - every child process has a hard timeout.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import type { KHost, PingClass, Question, Scenario, TcpClass } from './scenario';
import { loadScenarios } from './scenario';

export const NS_PREFIX = 'knl';
const NETNS_DIR = '/run/netns';

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

/** Kills processes still running inside one of our namespaces, then deletes it. */
async function deleteNetns(name: string): Promise<void> {
  if (!name.startsWith(NS_PREFIX)) throw new Error(`refusing to delete namespace ${name}`);
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

// ---------------------------------------------------------------------------------------------
// Run lines

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
function lineArgv(ns: string, line: string): string[] {
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

// ---------------------------------------------------------------------------------------------
// Answers

export interface RunRecord {
  readonly host: string;
  readonly command: string;
  readonly stdout: string;
  readonly stderr: string;
  readonly status: number;
}

export type KernelAnswer =
  | { readonly kind: 'ping'; readonly replied: boolean; readonly cls: PingClass; readonly raw: string }
  | { readonly kind: 'tcp'; readonly cls: TcpClass; readonly raw: string }
  | { readonly kind: 'output'; readonly stdout: string; readonly stderr: string; readonly status: number };

export function classifyPing(r: ProcResult): PingClass {
  const all = r.stdout + r.stderr;
  if (r.status === 0) return 'replied';
  if (/Time to live exceeded/i.test(all)) return 'ttl-exceeded';
  if (/Destination Host Unreachable/i.test(all)) return 'host-unreachable';
  if (/Destination Net Unreachable/i.test(all)) return 'net-unreachable';
  if (/Network is unreachable/i.test(all)) return 'no-route';
  if (/Invalid argument/i.test(all)) return 'blackhole';
  if (/Packet filtered|Permission denied|Operation not permitted|Prohibited|check your local firewall rules/i.test(all))
    return 'prohibited';
  if (/No route to host/i.test(all)) return 'host-unreachable';
  if (/ 0 received/.test(all)) return 'no-answer';
  return 'other';
}

export function classifyTcp(r: ProcResult): TcpClass {
  const e = r.stderr;
  if (r.status === 0) return 'connected';
  if (/Connection refused/i.test(e)) return 'refused';
  if (/No route to host/i.test(e)) return 'host-unreachable';
  if (/Network is unreachable/i.test(e)) return 'net-unreachable';
  if (/Invalid argument/i.test(e)) return 'blackhole';
  if (/Permission denied|Operation not permitted/i.test(e)) return 'prohibited';
  if (/timed out/i.test(e) || r.timedOut) return 'timeout';
  return 'other';
}

/** Does a kernel answer satisfy a question's `expect`? */
export function expectHolds(q: Question, a: KernelAnswer): boolean {
  if (q.expect === undefined) return true;
  if (a.kind === 'ping') {
    if (q.expect === 'replied') return a.replied;
    if (q.expect === 'not-replied') return !a.replied;
    return a.cls === q.expect;
  }
  if (a.kind === 'tcp') {
    if (q.expect === 'no-answer') return a.cls !== 'connected' && a.cls !== 'refused';
    return a.cls === q.expect;
  }
  return (a.stdout + a.stderr).includes(q.expect);
}

// ---------------------------------------------------------------------------------------------
// A scenario built for real

export class KernelLab {
  readonly runs: RunRecord[] = [];
  /** Kernel-side problems with the scenario itself (unsafe lines, serve not listening...). */
  readonly problems: string[] = [];
  private readonly serves: number[] = [];
  private readonly names = new Map<string, string>(); // unique name -> name as the lab says

  constructor(
    readonly scenario: Scenario,
    readonly prefix: string,
  ) {}

  hostNs(host: string): string {
    const n = `${this.prefix}-h-${host}`;
    this.names.set(n, host);
    return n;
  }
  switchNs(sw: string): string {
    const n = `${this.prefix}-s-${sw}`;
    this.names.set(n, sw);
    return n;
  }
  innerNs(host: string, ns: string): string {
    const n = `${this.prefix}-n-${host}-${ns}`;
    this.names.set(n, ns);
    return n;
  }
  nsOf(ep: { host: string; netns: string }): string {
    return ep.netns ? this.innerNs(ep.host, ep.netns) : this.hostNs(ep.host);
  }

  /** Puts the lab's own names back where the kernel printed our unique ones. */
  unrename(text: string): string {
    let out = text;
    const byLength = [...this.names.keys()].sort((a, b) => b.length - a.length);
    for (const u of byLength) out = out.split(u).join(this.names.get(u)!);
    return out;
  }

  private async ip(ns: string, args: string[]): Promise<void> {
    const r = await run(['ip', '-n', ns, ...args], 5000);
    if (r.status !== 0) throw new Error(`ip -n ${ns} ${args.join(' ')}: ${r.stderr.trim()}`);
  }

  /** Namespaces, bridges, veths, run lines, listeners. */
  async build(): Promise<void> {
    const { lab } = this.scenario;
    for (const sw of lab.switches) {
      const ns = this.switchNs(sw);
      const r = await run(['ip', 'netns', 'add', ns]);
      if (r.status !== 0) throw new Error(`ip netns add ${ns}: ${r.stderr.trim()}`);
      await this.ip(ns, ['link', 'add', 'br0', 'type', 'bridge']);
      await this.ip(ns, ['link', 'set', 'br0', 'up']);
    }
    let port = 0;
    for (const h of lab.hosts) {
      const ns = this.hostNs(h.name);
      const r = await run(['ip', 'netns', 'add', ns]);
      if (r.status !== 0) throw new Error(`ip netns add ${ns}: ${r.stderr.trim()}`);
      await this.ip(ns, ['link', 'set', 'lo', 'up']);
      for (const itf of h.interfaces) {
        if (!lab.switches.includes(itf.switch)) throw new Error(`${h.name}.${itf.name}: unknown switch ${itf.switch}`);
        const sw = this.switchNs(itf.switch);
        const peer = `p${port++}`; // the switch side lives in the switch's own namespace: short names suffice
        await this.ip(ns, [
          'link',
          'add',
          itf.name,
          ...(itf.mac ? ['address', itf.mac] : []),
          'type',
          'veth',
          'peer',
          'name',
          peer,
          'netns',
          sw,
        ]);
        await this.ip(sw, ['link', 'set', peer, 'master', 'br0', 'up']);
        await this.ip(ns, ['link', 'set', itf.name, 'up']);
      }
    }
    for (const h of lab.hosts) await this.runLines(h);
    // The simulator answers every question as if it were the first; the kernel rate-limits ICMP
    // errors per peer (about one a second), so a second probe through the same router would get
    // silence instead of "Destination Net Unreachable". Switch the limit off in every namespace.
    const mine = listNetns().filter((n) => n.startsWith(`${this.prefix}-`) && !n.startsWith(`${this.prefix}-s-`));
    await Promise.all(mine.map((n) => run(['ip', 'netns', 'exec', n, 'sysctl', '-qw', 'net.ipv4.icmp_ratelimit=0'], 3000)));
    for (const h of lab.hosts) for (const s of h.serve) await this.serve(h, s);
  }

  private async runLines(h: KHost): Promise<void> {
    const ns = this.hostNs(h.name);
    for (const line of h.run) {
      const why = unsafeReason(line);
      if (why) {
        this.problems.push(`${h.name}: refused to run "${line}": ${why}`);
        this.runs.push({ host: h.name, command: line, stdout: '', stderr: `oracle: refused (${why})`, status: 255 });
        continue;
      }
      const real = rewriteNetns(line, (n) => this.innerNs(h.name, n));
      const r = await run(lineArgv(ns, real), 10000);
      if (r.timedOut) this.problems.push(`${h.name}: "${line}" timed out`);
      this.runs.push({ host: h.name, command: line, stdout: this.unrename(r.stdout), stderr: this.unrename(r.stderr), status: r.status });
    }
  }

  private async serve(h: KHost, s: KHost['serve'][number]): Promise<void> {
    const ns = s.netns ? this.innerNs(h.name, s.netns) : this.hostNs(h.name);
    if (!existsSync(`${NETNS_DIR}/${ns}`)) {
      this.problems.push(`${h.name}: serve ${s.netns}:${s.proto}/${s.port}: no such namespace`);
      return;
    }
    const addr = s.proto === 'tcp' ? `TCP-LISTEN:${s.port},fork,reuseaddr` : `UDP-RECV:${s.port},reuseaddr`;
    const child = spawn('ip', ['netns', 'exec', ns, 'socat', addr, '/dev/null'], { stdio: 'ignore', detached: true });
    child.on('error', () => undefined);
    if (child.pid) this.serves.push(child.pid);
    // wait (bounded) until the socket listens
    const flag = s.proto === 'tcp' ? '-Hltn' : '-Hlun';
    for (let i = 0; i < 40; i++) {
      const r = await run(['ip', 'netns', 'exec', ns, 'ss', flag, `sport = :${s.port}`], 2000);
      if (r.stdout.trim() !== '') return;
      await new Promise((res) => setTimeout(res, 25));
    }
    this.problems.push(`${h.name}: serve ${s.proto}/${s.port} did not start listening`);
  }

  async ask(q: Question): Promise<KernelAnswer> {
    const ns = this.nsOf(q.from);
    if (!existsSync(`${NETNS_DIR}/${ns}`)) {
      return { kind: 'output', stdout: '', stderr: `oracle: no namespace for ${q.from.host}/${q.from.netns}`, status: 255 };
    }
    switch (q.ask) {
      case 'ping': {
        const r = await run(['ip', 'netns', 'exec', ns, 'ping', '-n', '-c1', '-W1', q.to], 4000);
        const cls = classifyPing(r);
        return { kind: 'ping', replied: cls === 'replied', cls, raw: this.unrename((r.stdout + r.stderr).trim()) };
      }
      case 'tcp': {
        const target = `TCP:${q.to}:${q.port},connect-timeout=1`;
        const r = await run(['ip', 'netns', 'exec', ns, 'socat', '-T1', '/dev/null', target], 4000);
        return { kind: 'tcp', cls: classifyTcp(r), raw: this.unrename(r.stderr.trim()) };
      }
      case 'route-get': {
        const r = await run(['ip', '-n', ns, 'route', 'get', q.to], 3000);
        return { kind: 'output', stdout: this.unrename(r.stdout), stderr: this.unrename(r.stderr), status: r.status };
      }
      case 'exec': {
        const why = unsafeReason(q.command);
        if (why) return { kind: 'output', stdout: '', stderr: `oracle: refused (${why})`, status: 255 };
        const real = rewriteNetns(q.command, (n) => this.innerNs(q.from.host, n));
        const r = await run(lineArgv(ns, real), 5000);
        return { kind: 'output', stdout: this.unrename(r.stdout), stderr: this.unrename(r.stderr), status: r.status };
      }
    }
  }

  /**
   * Every answer, in question order. Output questions first (traffic can leave redirects and
   * neighbour entries behind), then the traffic. All one after the other: concurrent probes make a
   * router's ICMP errors hit the kernel's per-peer rate limit (net.ipv4.icmp_ratelimit, burst 6),
   * and some errors would go missing.
   */
  async askAll(): Promise<KernelAnswer[]> {
    const qs = this.scenario.questions;
    const answers: KernelAnswer[] = new Array(qs.length);
    const order = [...qs.keys()].sort((i, j) => rank(qs[i]!) - rank(qs[j]!) || i - j);
    for (const i of order) answers[i] = await this.ask(qs[i]!);
    return answers;
  }

  /** Kills the listeners and deletes every namespace with this lab's prefix. */
  async destroy(): Promise<void> {
    for (const pid of this.serves) {
      try {
        process.kill(-pid, 'SIGKILL');
      } catch {
        /* gone */
      }
    }
    const mine = listNetns().filter((n) => n.startsWith(`${this.prefix}-`));
    await Promise.all(mine.map((n) => deleteNetns(n)));
  }
}

function rank(q: Question): number {
  return q.ask === 'route-get' || q.ask === 'exec' ? 0 : 1;
}

export interface KernelResult {
  readonly scenario: Scenario;
  readonly runs: RunRecord[];
  readonly answers: KernelAnswer[];
  readonly problems: string[];
  readonly error?: string;
  readonly ms: number;
}

/** Builds one scenario for real, asks its questions (unless `buildOnly`), tears it down. */
export async function runScenario(scenario: Scenario, opts: { buildOnly?: boolean } = {}): Promise<KernelResult> {
  const t0 = performance.now();
  const k = new KernelLab(scenario, uniquePrefix());
  try {
    await k.build();
    const answers = opts.buildOnly ? [] : await k.askAll();
    return { scenario, runs: k.runs, answers, problems: k.problems, ms: performance.now() - t0 };
  } catch (e) {
    return { scenario, runs: k.runs, answers: [], problems: k.problems, error: String(e), ms: performance.now() - t0 };
  } finally {
    await k.destroy();
  }
}

/** Runs scenarios with at most `parallel` at a time; results in input order. */
export async function runScenarios(scenarios: Scenario[], opts: { buildOnly?: boolean; parallel?: number } = {}): Promise<KernelResult[]> {
  const out: KernelResult[] = new Array(scenarios.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < scenarios.length) {
      const i = next++;
      out[i] = await runScenario(scenarios[i]!, opts);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, opts.parallel ?? 4) }, worker));
  return out;
}

/** For the benchmark: builds (and tears down) every oracle scenario for real; elapsed milliseconds. */
export async function buildAllKernel(
  scenarios: Scenario[] = loadScenarios(),
): Promise<{ scenarios: number; ms: number; failed: string[] }> {
  await cleanStale();
  const t0 = performance.now();
  const results = await runScenarios(scenarios, { buildOnly: true, parallel: 1 });
  const ms = performance.now() - t0;
  return { scenarios: scenarios.length, ms, failed: results.filter((r) => r.error).map((r) => `${r.scenario.file}: ${r.error}`) };
}

/**
 * Does the kernel still do what the scenario says it tests? Every `expect` holds, every listed
 * reject is rejected with that stderr, and no other run line is rejected.
 */
export function kernelExpectationProblems(r: KernelResult): string[] {
  const out: string[] = [...r.problems];
  if (r.error) out.push(`build failed: ${r.error}`);
  const rejects = [...r.scenario.rejects];
  for (const run of r.runs) {
    if (run.status === 0) continue;
    const i = rejects.findIndex((x) => x.host === run.host && x.command === run.command);
    const first = run.stderr.split('\n')[0] ?? '';
    if (i < 0)
      out.push(
        `kernel rejected a line the scenario does not list: ${run.host}$ ${run.command} -> ${JSON.stringify(run.stderr)} (status ${run.status})`,
      );
    else {
      if (rejects[i]!.stderr !== first)
        out.push(
          `kernel rejected ${run.host}$ ${run.command} with ${JSON.stringify(first)}, the scenario says ${JSON.stringify(rejects[i]!.stderr)}`,
        );
      rejects.splice(i, 1);
    }
  }
  for (const x of rejects) out.push(`the scenario lists a reject the kernel did not make: ${x.host}$ ${x.command}`);
  r.scenario.questions.forEach((q, i) => {
    const a = r.answers[i];
    if (a && !expectHolds(q, a)) out.push(`kernel: ${q.label}: expected ${q.expect}, got ${describeKernel(a)}`);
  });
  return out;
}

export function describeKernel(a: KernelAnswer): string {
  if (a.kind === 'ping') return `${a.cls}${a.replied ? '' : ` (${lastLine(a.raw)})`}`;
  if (a.kind === 'tcp') return `${a.cls}${a.raw ? ` (${lastLine(a.raw).replace(/^.*? E /, '')})` : ''}`;
  return JSON.stringify(a.stdout + a.stderr) + (a.status ? ` status ${a.status}` : '');
}

function lastLine(s: string): string {
  const lines = s.split('\n').filter((l) => l.trim() !== '');
  const interesting = lines.find((l) => /From |connect:|ping:|unreachable|exceeded|filtered/i.test(l));
  return interesting ?? lines[lines.length - 1] ?? '';
}
