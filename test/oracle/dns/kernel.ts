/**
 * A DNS scenario built for real: a namespace per switch (a bridge) and per host (veths to the
 * bridges), dnsmasq 2.90 on every DNS host, and each question run in the client's namespace with a
 * private mount namespace whose /etc is a tmpfs holding exactly the host's files (so a file the
 * scenario does not give does not exist, as in the simulator; the machine's /etc is never seen nor
 * touched). What each server logged is read live from dnsmasq's stderr.
 *
 * Safety (../../../../shared/ORACLE.md): every namespace is named `kt-orc-<pid36>x<seq36>-...`, made
 * isolated (nothing links it to the root namespace) and deleted in `destroy()` (callers use finally);
 * stale ones whose process is gone are removed by `cleanStaleDns()`; every child has a hard timeout.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { deleteNetns, run } from '../kernel-netns';
import { dnsmasqRecordArgs, TTL, type DnsHost, type DnsScenario } from './scenario';

export const DNS_NS_PREFIX = 'kt-orc-';

/** A query as a server logged it. */
export interface LoggedQuery {
  /** The server's address (the DNS host's first address). */
  readonly server: string;
  readonly name: string;
  readonly type: string;
}

/** What the kernel side saw for one question. */
export interface KernelDnsAnswer {
  readonly on: string;
  readonly run: string;
  readonly status: number;
  readonly stdout: string;
  readonly stderr: string;
  /** Wall time of the command, milliseconds (rounded). */
  readonly elapsedMs: number;
  /** Queries the servers logged while the command ran, in the order they arrived. */
  readonly queries: readonly LoggedQuery[];
}

export interface KernelDnsResult {
  readonly file: string;
  readonly answers: readonly KernelDnsAnswer[];
  readonly error?: string;
}

let seq = 0;
const uniquePrefix = (): string => `${DNS_NS_PREFIX}${process.pid.toString(36)}x${(seq++).toString(36)}`;

const netnsNames = (): string[] => {
  try {
    return readdirSync('/run/netns');
  } catch {
    return [];
  }
};

const deleteNs = (name: string): Promise<void> => deleteNetns(name, DNS_NS_PREFIX);

/** Deletes `kt-orc-` namespaces (and their files) left by earlier runs whose process is gone. */
export async function cleanStaleDns(): Promise<string[]> {
  const alive = (pid: number): boolean => {
    try {
      process.kill(pid, 0);
      return true;
    } catch (e) {
      return (e as NodeJS.ErrnoException).code === 'EPERM';
    }
  };
  const stale = netnsNames().filter((n) => {
    const m = /^kt-orc-([0-9a-z]+)x[0-9a-z]+-/.exec(n);
    return m !== null && Number.parseInt(m[1]!, 36) !== process.pid && !alive(Number.parseInt(m[1]!, 36));
  });
  for (const n of stale) await deleteNs(n);
  for (const d of readdirSync(tmpdir()).filter((f) => /^kt-orc-[0-9a-z]+x[0-9a-z]+-etc$/.test(f))) {
    const pid = Number.parseInt(/^kt-orc-([0-9a-z]+)x/.exec(d)![1]!, 36);
    if (pid !== process.pid && !alive(pid)) rmSync(join(tmpdir(), d), { recursive: true, force: true });
  }
  return stale;
}

/** Parses dnsmasq's `query[A] web.example.com from 10.53.0.10` log lines. */
export function parseDnsmasqLog(text: string, server: string): LoggedQuery[] {
  const out: LoggedQuery[] = [];
  for (const m of text.matchAll(/query\[([A-Z0-9]+)\] (\S+) from /g)) out.push({ server, name: m[2]!, type: m[1]! });
  return out;
}

export class KernelDnsLab {
  private readonly prefix = uniquePrefix();
  private readonly etcDir = join(tmpdir(), `${this.prefix}-etc`);
  private readonly servers: ChildProcess[] = [];
  /** Queries logged so far, in arrival order. */
  private log: LoggedQuery[] = [];

  constructor(readonly scenario: DnsScenario) {}

  private hostNs(h: string): string {
    return `${this.prefix}-h${this.scenario.hosts.findIndex((x) => x.name === h)}`;
  }

  private async ip(ns: string, args: string[]): Promise<void> {
    const r = await run(['ip', '-n', ns, ...args], 5000);
    if (r.status !== 0) throw new Error(`ip -n ${ns} ${args.join(' ')}: ${r.stderr.trim()}`);
  }

  private async netnsAdd(ns: string): Promise<void> {
    const r = await run(['ip', 'netns', 'add', ns], 5000);
    if (r.status !== 0) throw new Error(`ip netns add ${ns}: ${r.stderr.trim()}`);
    await this.ip(ns, ['link', 'set', 'lo', 'up']);
  }

  async build(): Promise<void> {
    const s = this.scenario;
    const switches = [...new Set(s.hosts.flatMap((h) => h.ifaces.map((i) => i.sw)))];
    for (const [i, sw] of switches.entries()) {
      const ns = `${this.prefix}-s${i}`;
      await this.netnsAdd(ns);
      await this.ip(ns, ['link', 'add', 'br0', 'type', 'bridge']);
      await this.ip(ns, ['link', 'set', 'br0', 'up']);
      void sw;
    }
    let port = 0;
    for (const h of s.hosts) {
      const ns = this.hostNs(h.name);
      await this.netnsAdd(ns);
      for (const itf of h.ifaces) {
        const sw = `${this.prefix}-s${switches.indexOf(itf.sw)}`;
        const peer = `p${port++}`;
        await this.ip(ns, ['link', 'add', itf.name, 'type', 'veth', 'peer', 'name', peer, 'netns', sw]);
        await this.ip(sw, ['link', 'set', peer, 'master', 'br0', 'up']);
        await this.ip(ns, ['link', 'set', itf.name, 'up']);
        await this.ip(ns, ['addr', 'add', itf.cidr, 'dev', itf.name]);
      }
      await run(['ip', 'netns', 'exec', ns, 'sysctl', '-qw', 'net.ipv4.icmp_ratelimit=0'], 3000);
      for (const line of h.run) {
        const r = await run(['ip', 'netns', 'exec', ns, 'sh', '-c', line], 5000);
        if (r.status !== 0) throw new Error(`${h.name}: ${line}: ${r.stderr.trim()}`);
      }
      for (const [path, content] of Object.entries(h.files)) {
        if (!path.startsWith('/etc/')) throw new Error(`${h.name}: only files under /etc/ are supported: ${path}`);
        const real = join(this.etcDir, `h${s.hosts.indexOf(h)}`, path.slice('/etc/'.length));
        mkdirSync(dirname(real), { recursive: true });
        writeFileSync(real, content);
      }
      mkdirSync(join(this.etcDir, `h${s.hosts.indexOf(h)}`), { recursive: true });
    }
    for (const h of s.hosts) if (h.dns) await this.startDnsmasq(h);
  }

  private startDnsmasq(h: DnsHost): Promise<void> {
    const server = h.ifaces[0]!.cidr.split('/')[0]!;
    const argv = [
      '--net=/run/netns/' + this.hostNs(h.name),
      'dnsmasq',
      '--no-resolv',
      '--no-hosts',
      '--keep-in-foreground',
      '--log-queries',
      '--log-facility=-',
      '--bind-interfaces',
      `--listen-address=${h.ifaces.map((i) => i.cidr.split('/')[0]).join(',')}`,
      '--pid-file=',
      '--user=root',
      `--local-ttl=${TTL}`,
      ...dnsmasqRecordArgs(this.scenario),
    ];
    const child = spawn('nsenter', argv, { stdio: ['ignore', 'ignore', 'pipe'] });
    this.servers.push(child);
    return new Promise((resolve, reject) => {
      let text = '';
      const timer = setTimeout(() => reject(new Error(`dnsmasq on ${h.name} did not start: ${text}`)), 5000);
      child.stderr!.on('data', (d: Buffer) => {
        const chunk = d.toString();
        if (text.includes('cleared cache')) this.log.push(...parseDnsmasqLog(chunk, server));
        text += chunk;
        if (/cleared cache/.test(text)) {
          clearTimeout(timer);
          resolve();
        }
        if (/FAILED|failed to/i.test(chunk)) reject(new Error(`dnsmasq on ${h.name}: ${chunk.trim()}`));
      });
      child.on('exit', (code) => reject(new Error(`dnsmasq on ${h.name} exited (${code}): ${text}`)));
    });
  }

  /** Runs one command on a host, in its namespace, with /etc as the scenario gives it. */
  async ask(on: string, line: string): Promise<KernelDnsAnswer> {
    const ns = this.hostNs(on);
    const etc = join(this.etcDir, `h${this.scenario.hosts.findIndex((x) => x.name === on)}`);
    // a UTS namespace too: glibc takes a default search domain from the host name, which is the lab's host name
    const script = `hostname "$3" && mount -t tmpfs kt-orc /etc && cp -a "$1"/. /etc/ && exec sh -c "$2"`;
    await new Promise((r) => setTimeout(r, 50));
    this.log = [];
    const t0 = performance.now();
    const r = await run(
      ['nsenter', `--net=/run/netns/${ns}`, 'unshare', '-m', '-u', '--propagation', 'private', 'sh', '-c', script, 'sh', etc, line, on],
      30000,
    );
    const elapsedMs = Math.round(performance.now() - t0);
    await new Promise((res) => setTimeout(res, 150)); // dnsmasq writes its log a little later
    return { on, run: line, status: r.timedOut ? -1 : r.status, stdout: r.stdout, stderr: r.stderr, elapsedMs, queries: this.log };
  }

  async destroy(): Promise<void> {
    for (const c of this.servers) c.kill('SIGKILL');
    for (const n of netnsNames().filter((x) => x.startsWith(`${this.prefix}-`))) await deleteNs(n);
    rmSync(this.etcDir, { recursive: true, force: true });
  }
}

/** Builds one scenario for real, runs its questions one after another, tears it down. */
export async function runDnsScenario(s: DnsScenario): Promise<KernelDnsResult> {
  const lab = new KernelDnsLab(s);
  const answers: KernelDnsAnswer[] = [];
  try {
    await lab.build();
    for (const q of s.questions) answers.push(await lab.ask(q.on, q.run));
    return { file: s.file, answers };
  } catch (e) {
    return { file: s.file, answers, error: String(e) };
  } finally {
    await lab.destroy();
  }
}
