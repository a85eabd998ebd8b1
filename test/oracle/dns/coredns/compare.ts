/**
 * The simulator's side of the CoreDNS oracle: each scenario of scenarios.ts built as a lab (dns
 * 10.53.0.1 runs `coredns -conf /etc/coredns/Corefile -dns.port 1053`, up 10.53.0.2 the upstream on
 * port 5300, silent 10.53.0.3 drops everything, client 10.53.0.10 runs dig), each dig compared with
 * real.json after `normalise` (query id, query time, date, cookie, whoami's port).
 *   npx tsx test/oracle/dns/coredns/compare.ts [NAME-SUBSTRING] [--show]
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { execCommand } from '../../../../src/core/commands/exec';
import type { World } from '../../../../src/core/sim/model';
import { labWorld } from '../../../support/world';
import { resolveName } from '../../../../src/core/dns/resolver/index';
import { SCENARIOS, STARTS, UP_COREFILE, UP_ZONE, type CdnsScenario } from './scenarios';

export interface RealDig {
  readonly args: string;
  readonly out: string;
  readonly ms: number;
}

export function normalise(out: string): string {
  return out
    .replace(/<<>> -b 10\.53\.0\.10 /, '<<>> ')
    .replace(/id: \d+/, 'id: ID')
    .replace(/Query time: \d+ msec/, 'Query time: T msec')
    .replace(/WHEN: .*/, 'WHEN: DATE')
    .replace(/; COOKIE: .*\n/, '')
    .replace(/(IN\tSRV\t0 0 )\d+ \./, '$1PORT .');
}

const indent = (text: string, n: number) =>
  text
    .split('\n')
    .map((l) => `${' '.repeat(n)}${l}`)
    .join('\n');

function filesYaml(files: Record<string, string>): string {
  return Object.entries(files)
    .map(([p, t]) => `      ${p}: |\n${indent(t.replace(/\n$/, ''), 8)}\n`)
    .join('');
}

export function labOf(corefile: string, files: Record<string, string> = {}, upstream = false, run = true): string {
  const dnsFiles: Record<string, string> = { '/etc/coredns/Corefile': corefile.replaceAll('@DIR@', '/etc/coredns') };
  for (const [f, t] of Object.entries(files)) dnsFiles[`/etc/coredns/${f}`] = t;
  const up = upstream
    ? `  up:
    interfaces: { eth0: lan }
    run: |
      ip addr add 10.53.0.2/24 dev eth0
      coredns -conf /etc/coredns/Corefile -dns.port 5300
    files:
${filesYaml({ '/etc/coredns/Corefile': UP_COREFILE.replaceAll('@DIR@', '/etc/coredns'), '/etc/coredns/db.up.test': UP_ZONE })}`
    : '';
  return `name: cdns
switches: [lan]
hosts:
  dns:
    interfaces: { eth0: lan }
    run: |
      ip addr add 10.53.0.1/24 dev eth0
${run ? '      coredns -conf /etc/coredns/Corefile -dns.port 1053 > /tmp/coredns.out 2>&1\n' : ''}    files:
${filesYaml(dnsFiles)}${up}  silent:
    interfaces: { eth0: lan }
    run: |
      ip addr add 10.53.0.3/24 dev eth0
      iptables -A INPUT -j DROP
  client:
    interfaces: { eth0: lan }
    run: ip addr add 10.53.0.10/24 dev eth0
`;
}

export function simDigs(s: CdnsScenario): { world: World; outs: string[] } {
  const world = labWorld(labOf(s.corefile, s.files, s.upstream));
  const outs = s.digs.map((d) => {
    const args = d.startsWith('@') ? d : `@10.53.0.1 -p 1053 ${d}`;
    const r = execCommand(world, { host: 'client', netns: '' }, `dig ${args}`);
    return r.stdout + r.stderr;
  });
  return { world, outs };
}

/**
 * The query log (log and errors) the simulated server writes for each of the scenario's digs, in
 * order: the lines the real one printed on its standard output.
 */
export function simLogs(s: CdnsScenario): string[] {
  const world = labWorld(labOf(s.corefile, s.files, s.upstream));
  const out: string[] = [];
  for (const d of s.digs) {
    const words = d.split(' ');
    const opt = (k: string) => words.find((w) => w.startsWith(`+${k}=`))?.split('=')[1];
    const rest = words.filter((w) => !w.startsWith('+'));
    const rev = rest[0] === '-x' ? `${rest[1]!.split('.').reverse().join('.')}.in-addr.arpa` : undefined;
    const l = resolveName(world, {
      from: { host: 'client', netns: '' },
      name: rev ?? rest[0]!,
      type: rev ? 'PTR' : (rest[1] ?? 'A'),
      tool: 'dig',
      server: '10.53.0.1',
      options: {
        port: 1053,
        ...(opt('tries') ? { tries: Number(opt('tries')) } : {}),
        ...(opt('time') ? { time: Number(opt('time')) } : {}),
      },
    });
    for (const leg of l.legs) for (const st of leg.steps) if (typeof st.data?.['log'] === 'string') out.push(st.data['log']);
  }
  return out;
}

/** A log line without what differs from run to run: the client's port, the id, the duration's fraction, forward's source. */
export function normaliseLog(line: string): string {
  return line
    .replace(/^(\[INFO\] [\d.]+):\d+ - \d+/, '$1:PORT - ID')
    .replace(/ (\d+)(\.\d+)?s$/, ' $1s')
    .replace(/(read \w+ )[\d.]+:\d+->/, '$1SRC->');
}

function main(): void {
  const real = JSON.parse(readFileSync(join(__dirname, 'real.json'), 'utf8')) as {
    scenarios: Record<string, { digs: RealDig[]; stdout: string }>;
    starts: Record<string, { stdout: string; stderr: string; status: number | string }>;
  };
  const filter = process.argv.slice(2).find((a) => !a.startsWith('--'));
  const show = process.argv.includes('--show');
  let same = 0;
  let differ = 0;
  for (const s of SCENARIOS) {
    if (filter && !s.name.includes(filter)) continue;
    const { world, outs } = simDigs(s);
    const r = real.scenarios[s.name]!;
    s.digs.forEach((d, i) => {
      const a = normalise(r.digs[i]!.out);
      const b = normalise(outs[i]!);
      if (a === b) {
        same++;
        return;
      }
      differ++;
      console.log(`### ${s.name}: dig ${d}`);
      const al = a.split('\n');
      const bl = b.split('\n');
      for (let k = 0; k < Math.max(al.length, bl.length); k++) {
        if (al[k] !== bl[k] || show)
          console.log(`${al[k] === bl[k] ? ' ' : '-'} real: ${al[k] ?? ''}\n${al[k] === bl[k] ? ' ' : '+'} sim:  ${bl[k] ?? ''}`);
      }
    });
    const banner = world.hosts.get('dns')!.files.get('/tmp/coredns.out') ?? '';
    const realBanner = r.stdout.replace(/\[(INFO|ERROR)\].*\n/g, '');
    if (banner !== realBanner)
      console.log(`### ${s.name}: start output\n real: ${JSON.stringify(realBanner)}\n sim:  ${JSON.stringify(banner)}`);
  }
  for (const st of STARTS) {
    if (filter && !`start-${st.name}`.includes(filter)) continue;
    const world = labWorld(labOf(st.corefile, st.files, false, false));
    const r = execCommand(world, { host: 'dns', netns: '' }, 'coredns -conf /etc/coredns/Corefile -dns.port 1053');
    const re = real.starts[st.name]!;
    const dir = `/tmp/cdns-run/start-${st.name}`;
    const rs = (t: string) => t.replaceAll(dir, '/etc/coredns').replace(/\[INFO\] SIGTERM.*\n/, '');
    const realStatus = re.status === 'running' ? 0 : re.status;
    if (rs(re.stdout) !== r.stdout || rs(re.stderr) !== r.stderr || realStatus !== r.status) {
      differ++;
      console.log(`### start ${st.name}\n real: ${re.status} ${JSON.stringify(rs(re.stdout))} ${JSON.stringify(rs(re.stderr))}`);
      console.log(` sim:  ${r.status} ${JSON.stringify(r.stdout)} ${JSON.stringify(r.stderr)}`);
    } else same++;
  }
  console.log(`${same} same, ${differ} differ`);
}

if (require.main === module) main();
