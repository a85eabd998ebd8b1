/**
 * Records what the real CoreDNS does in the scenarios of scenarios.ts (not part of `npm test`; as root):
 *   npx tsx test/oracle/dns/coredns/record.ts /path/to/coredns   (or COREDNS=/path/to/coredns)
 * It runs CoreDNS only unprivileged (setpriv to nobody) inside a network namespace it makes
 * (kt-cdns-rec, deleted at the end): a veth pair (d0, d1) with 10.53.0.1 (the server), 10.53.0.2 (the
 * upstream, CoreDNS too), 10.53.0.3 (dropped by iptables) and 10.53.0.10 (dig's source, -b). Files go
 * to /tmp/cdns-run/NAME. It writes real.json beside itself: per scenario, each dig's output and time,
 * and what CoreDNS printed; per start, its stdout, stderr and exit status.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SCENARIOS, STARTS, UP_COREFILE, UP_ZONE } from './scenarios';

const BIN = process.argv[2] ?? process.env.COREDNS;
if (!BIN) throw new Error('usage: record.ts COREDNS-BINARY (or COREDNS=...)');
const NS = 'kt-cdns-rec';
const RUN = '/tmp/cdns-run';
const sh = (cmd: string[]) => spawnSync(cmd[0]!, cmd.slice(1), { encoding: 'utf8' });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function setup(): void {
  sh(['ip', 'netns', 'del', NS]);
  for (const c of [
    ['ip', 'netns', 'add', NS],
    ['ip', '-n', NS, 'link', 'set', 'lo', 'up'],
    ['ip', '-n', NS, 'link', 'add', 'd0', 'type', 'veth', 'peer', 'name', 'd1'],
    ['ip', '-n', NS, 'link', 'set', 'd0', 'up'],
    ['ip', '-n', NS, 'link', 'set', 'd1', 'up'],
    ['ip', '-n', NS, 'addr', 'add', '10.53.0.1/24', 'dev', 'd0'],
    ['ip', '-n', NS, 'addr', 'add', '10.53.0.2/32', 'dev', 'd0'],
    ['ip', '-n', NS, 'addr', 'add', '10.53.0.3/32', 'dev', 'd0'],
    ['ip', '-n', NS, 'addr', 'add', '10.53.0.10/32', 'dev', 'd0'],
    ['ip', 'netns', 'exec', NS, 'iptables', '-A', 'INPUT', '-d', '10.53.0.3', '-j', 'DROP'],
  ]) {
    const r = sh(c);
    if (r.status !== 0) throw new Error(`${c.join(' ')}: ${r.stderr}`);
  }
}

function writeDir(name: string, corefile: string, files: Record<string, string> = {}): string {
  const dir = join(RUN, name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'Corefile'), corefile.replaceAll('@DIR@', dir));
  for (const [f, t] of Object.entries(files)) writeFileSync(join(dir, f), t);
  chmodSync(RUN, 0o755);
  sh(['chmod', '-R', 'a+rX', dir]);
  return dir;
}

interface Proc {
  child: ChildProcess;
  out: string;
  err: string;
  code?: number | null;
}
function start(dir: string, port = '1053'): Proc {
  const child = spawn(
    'ip',
    [
      'netns',
      'exec',
      NS,
      'setpriv',
      '--reuid=65534',
      '--regid=65534',
      '--clear-groups',
      BIN!,
      '-conf',
      join(dir, 'Corefile'),
      '-dns.port',
      port,
    ],
    { cwd: dir },
  );
  const p: Proc = { child, out: '', err: '' };
  child.stdout!.on('data', (d) => (p.out += String(d)));
  child.stderr!.on('data', (d) => (p.err += String(d)));
  child.on('exit', (c) => (p.code = c));
  return p;
}
async function stop(p: Proc): Promise<void> {
  if (p.code === undefined) {
    p.child.kill('SIGTERM');
    for (let i = 0; i < 50 && p.code === undefined; i++) await sleep(50);
  }
}

async function main(): Promise<void> {
  const out: Record<string, unknown> = { scenarios: {}, starts: {} };
  try {
    setup();
    // the print-only flags too run as nobody in the namespace
    const flag = (f: string) => sh(['ip', 'netns', 'exec', NS, 'setpriv', '--reuid=65534', '--regid=65534', '--clear-groups', BIN!, f]);
    out.version = flag('-version').stdout;
    out.plugins = flag('-plugins').stdout;
    const help = flag('-help');
    out.help = { stdout: help.stdout, stderr: help.stderr.replace(`Usage of ${BIN}:`, 'Usage of coredns:'), status: help.status };
    const upDir = writeDir('up', UP_COREFILE, { 'db.up.test': UP_ZONE });
    for (const s of SCENARIOS) {
      const up = s.upstream ? start(upDir, '5300') : undefined;
      const dir = writeDir(s.name, s.corefile, s.files);
      const srv = start(dir);
      await sleep(800);
      const digs: { args: string; out: string; ms: number }[] = [];
      for (const d of s.digs) {
        const args = d.startsWith('@') ? d : `@10.53.0.1 -p 1053 ${d}`;
        const t0 = Date.now();
        const r = sh(['ip', 'netns', 'exec', NS, 'dig', '-b', '10.53.0.10', ...args.split(' ')]);
        digs.push({ args, out: r.stdout, ms: Date.now() - t0 });
      }
      const reps = s.name === 'loadbalance' ? 12 : 0;
      const orders: string[] = [];
      for (let i = 0; i < reps; i++) {
        const r = sh(['ip', 'netns', 'exec', NS, 'dig', '-b', '10.53.0.10', '@10.53.0.1', '-p', '1053', '+short', 'many.lab.test']);
        orders.push(r.stdout.trim().split('\n').join(' '));
      }
      await sleep(300);
      await stop(srv);
      if (up) await stop(up);
      (out.scenarios as Record<string, unknown>)[s.name] = { digs, stdout: srv.out, stderr: srv.err, ...(reps ? { orders } : {}) };
      console.error(`${s.name}: ${digs.length} digs`);
    }
    for (const s of STARTS) {
      const dir = writeDir(`start-${s.name}`, s.corefile, s.files);
      const p = start(dir);
      for (let i = 0; i < 30 && p.code === undefined; i++) await sleep(50);
      const running = p.code === undefined;
      await stop(p);
      (out.starts as Record<string, unknown>)[s.name] = { stdout: p.out, stderr: p.err, status: running ? 'running' : p.code };
    }
  } finally {
    sh(['ip', 'netns', 'del', NS]);
  }
  writeFileSync(join(__dirname, 'real.json'), `${JSON.stringify(out, null, 1)}\n`);
}

void main();
