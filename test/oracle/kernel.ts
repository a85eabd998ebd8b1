/**
 * Builds an oracle scenario for real, in network namespaces, and asks it the scenario's questions.
 * The namespaces and processes are in kernel-netns.ts, the run lines' screen in kernel-lines.ts,
 * the reading of results in kernel-answers.ts; everything is importable from here.
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
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { KHost, Question, Scenario } from './scenario';
import { loadScenarios } from './scenario';
import {
  classifyPing,
  classifyTcp,
  pingEvidence,
  tcpEvidence,
  type KernelAnswer,
  type KernelResult,
  type RunRecord,
} from './kernel-answers';
import { lineArgv, rewriteNetns, unsafeReason } from './kernel-lines';
import { cleanStale, deleteNetns, listNetns, NETNS_DIR, run, uniquePrefix } from './kernel-netns';

export { NS_PREFIX, type ProcResult, run, listNetns, cleanStale, uniquePrefix, canUseNetns } from './kernel-netns';
export { unsafeReason, rewriteNetns } from './kernel-lines';
export {
  type RunRecord,
  type KernelAnswer,
  type KernelResult,
  classifyPing,
  classifyTcp,
  pingEvidence,
  tcpEvidence,
  type Evidence,
  expectHolds,
  kernelExpectationProblems,
  describeKernel,
} from './kernel-answers';

/**
 * How long a ping waits for its answer and a connect for its SYN-ACK, in seconds. Longer than a
 * failed ARP resolution (three probes a second apart), so that a neighbour that never answers shows
 * as the kernel reports it (`Destination Host Unreachable`, EHOSTUNREACH) and not as silence.
 */
export const WAIT_S = 4;

// ---------------------------------------------------------------------------------------------
// A scenario built for real

export class KernelLab {
  readonly runs: RunRecord[] = [];
  /** Kernel-side problems with the scenario itself (unsafe lines, serve not listening...). */
  readonly problems: string[] = [];
  private readonly serves: number[] = [];
  private readonly names = new Map<string, string>(); // unique name -> name as the lab says
  /** Where the hosts' `files:` are written (a run line's `< /etc/x` reads `<filesDir>/h0/etc/x`). */
  private readonly filesDir: string;

  constructor(
    readonly scenario: Scenario,
    readonly prefix: string,
  ) {
    this.filesDir = join(tmpdir(), `${prefix}-files`);
  }

  /** Writes a host's lab files under filesDir (named so that the lab's own paths come back in outputs). */
  private writeFiles(h: KHost): void {
    for (const f of h.files) {
      const real = this.filePath(h.name, f.path);
      mkdirSync(dirname(real), { recursive: true });
      writeFileSync(real, f.content);
      this.names.set(real, f.path);
    }
  }
  private filePath(host: string, path: string): string {
    return join(this.filesDir, `h${this.hostIndex(host)}`, path);
  }

  /** A line with each of the host's lab file paths (a whole word) pointing at the written copy. */
  private withFiles(host: string, line: string): string {
    const h = this.scenario.lab.hosts.find((x) => x.name === host);
    let out = line;
    for (const f of h?.files ?? []) {
      const esc = f.path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      out = out.replace(new RegExp(`(^|[\\s<>])${esc}(?=$|[\\s;|&)])`, 'g'), (_m, pre: string) => pre + this.filePath(host, f.path));
    }
    return out;
  }

  /**
   * A host's namespace, named by the host's place in the lab, not its name: a lab's host name may
   * be 63 characters (a DNS label), and the harness's kernel names stay short whatever it is.
   */
  hostNs(host: string): string {
    const n = `${this.prefix}-h${this.hostIndex(host)}`;
    this.names.set(n, host);
    return n;
  }
  private hostIndex(host: string): number {
    const i = this.scenario.lab.hosts.findIndex((h) => h.name === host);
    return i >= 0 ? i : this.scenario.lab.hosts.length;
  }
  switchNs(sw: string): string {
    const n = `${this.prefix}-s-${sw}`;
    this.names.set(n, sw);
    return n;
  }
  innerNs(host: string, ns: string): string {
    const n = `${this.prefix}-n${this.hostIndex(host)}-${ns}`;
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
    for (const h of lab.hosts) this.writeFiles(h);
    for (const h of lab.hosts) await this.runLines(h);
    // The simulator answers every question as if it were the first; the kernel rate-limits ICMP
    // errors per peer (about one a second), so a second probe through the same router would get
    // silence instead of "Destination Net Unreachable". Switch the limit off in every namespace.
    const mine = listNetns().filter((n) => n.startsWith(`${this.prefix}-`) && !n.startsWith(`${this.prefix}-s-`));
    await Promise.all(
      mine.map((n) => run(['ip', 'netns', 'exec', n, 'sysctl', '-qw', 'net.ipv4.icmp_ratelimit=0', 'net.ipv6.icmp.ratelimit=0'], 3000)),
    );
    // The simulator takes duplicate address detection as done; the kernel's IPv6 addresses stay
    // tentative (unusable as sources) for a second or two: wait, bounded, until none is.
    await waitDad(mine);
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
      const real = this.withFiles(
        h.name,
        rewriteNetns(line, (n) => this.innerNs(h.name, n)),
      );
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
    // TCP listeners take both families (a lab's `serve: tcp/80` listens on every address).
    const addr = s.proto === 'tcp' ? `TCP6-LISTEN:${s.port},ipv6only=0,fork,reuseaddr` : `UDP-RECV:${s.port},reuseaddr`;
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
        const t0 = performance.now();
        const r = await run(['ip', 'netns', 'exec', ns, 'ping', '-n', '-c1', `-W${WAIT_S}`, q.to], (WAIT_S + 3) * 1000);
        const ms = performance.now() - t0;
        const cls = classifyPing(r);
        const raw = this.unrename((r.stdout + r.stderr).trim());
        return { kind: 'ping', replied: cls === 'replied', cls, seen: pingEvidence(r), raw, ms };
      }
      case 'tcp': {
        const target = `TCP:${q.to.includes(':') ? `[${q.to}]` : q.to}:${q.port},connect-timeout=${WAIT_S}`;
        const t0 = performance.now();
        const r = await run(['ip', 'netns', 'exec', ns, 'socat', '-T1', '/dev/null', target], (WAIT_S + 3) * 1000);
        const ms = performance.now() - t0;
        return { kind: 'tcp', cls: classifyTcp(r), seen: tcpEvidence(r), raw: this.unrename(r.stderr.trim()), ms };
      }
      case 'route-get': {
        const r = await run(['ip', '-n', ns, 'route', 'get', q.to], 3000);
        return { kind: 'output', stdout: this.unrename(r.stdout), stderr: this.unrename(r.stderr), status: r.status };
      }
      case 'exec': {
        const why = unsafeReason(q.command);
        if (why) return { kind: 'output', stdout: '', stderr: `oracle: refused (${why})`, status: 255 };
        const real = this.withFiles(
          q.from.host,
          rewriteNetns(q.command, (n) => this.innerNs(q.from.host, n)),
        );
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
    rmSync(this.filesDir, { recursive: true, force: true });
  }
}

/** Waits (at most about 4 s) until no up link of the namespaces `names` has a tentative IPv6 address (one on a down link stays so). */
async function waitDad(names: string[]): Promise<void> {
  for (let i = 0; i < 40; i++) {
    const rs = await Promise.all(names.map((n) => run(['ip', '-n', n, '-6', 'addr', 'show', 'up', 'tentative'], 2000)));
    if (rs.every((r) => r.stdout.trim() === '')) return;
    await new Promise((res) => setTimeout(res, 100));
  }
}

function rank(q: Question): number {
  return q.ask === 'route-get' || q.ask === 'exec' ? 0 : 1;
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
