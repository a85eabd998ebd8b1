/**
 * Issue 13 §7 through the simulated CoreDNS: a `hosts` plugin reading a hosts file of 100,000
 * entries and a `file` plugin with a zone of 100,000 records, each asked through the whole server
 * (block choice, the chain, the steps): the median time of one query (target under 1 ms).
 */
import { generateHosts } from './resolver';
import { generateZone } from './zone';

type Core = typeof import('../src/core/index');

export const TARGET_COREDNS_QUERY_MS = 1;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

export interface CorednsBench {
  readonly startMs: number;
  readonly hostsMs: number;
  readonly fileMs: number;
  readonly queries: number;
}

export function benchCoredns(core: Core, queries = 2000): CorednsBench {
  const files: Record<string, string> = { '/etc/coredns/hosts': generateHosts(100_000), '/zones/db.example.org': generateZone() };
  const corefile = `example.org {\n  file /zones/db.example.org\n}\n.:53 {\n  hosts /etc/coredns/hosts {\n    fallthrough\n  }\n  whoami\n}\n`;
  const t0 = performance.now();
  const start = core.corednsServer(corefile, 'Corefile', (p) => files[p]);
  const startMs = performance.now() - t0;
  if (!start.server) throw new Error(`the bench Corefile does not start: ${start.errors?.text}`);
  const server = start.server;
  const ask = (name: string, type: string) =>
    server.handle(
      {
        msg: core.makeQuery(name, type, { id: 1 }),
        proto: 'udp',
        client: { addr: '10.0.0.2', port: 40000 },
        local: { addr: '10.0.0.53', port: 53 },
      },
      core.newSession(),
    );
  const time = (names: [string, string][]) =>
    median(
      names.map(([n, t]) => {
        const s = performance.now();
        ask(n, t);
        return performance.now() - s;
      }),
    );
  const hostsQ: [string, string][] = [];
  const fileQ: [string, string][] = [];
  for (let i = 0; i < queries; i++) {
    const n = (i * 7919) % 99_000;
    hostsQ.push([i % 4 === 3 ? `nope${n}.lab.example.` : `host${n}.lab.example.`, i % 2 ? 'AAAA' : 'A']);
    fileQ.push([i % 3 === 2 ? `nope${n}.example.org.` : `host${n - (n % 10)}.d${(n - (n % 10)) % 100}.example.org.`, 'A']);
  }
  const first = ask('host7.lab.example.', 'A');
  if (first.kind !== 'reply' || first.msg.answer.length !== 1) throw new Error('the hosts plugin does not answer host7');
  time(hostsQ.slice(0, 200));
  return { startMs, hostsMs: time(hostsQ), fileMs: time(fileQ), queries };
}
