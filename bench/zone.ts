/**
 * A zone file of 100,000 records read as CoreDNS's file plugin reads it (parseZone, buildZone),
 * and lookups in it (issue 13 §7: median lookup under 1 ms): names that exist, CNAMEs chased,
 * names that do not exist, a wildcard, a referral.
 */
type Core = typeof import('../src/core/index');

export const ZONE_RECORDS = 100_000;
export const TARGET_ZONE_LOOKUP_MS = 1;

/** The zone file: hosts spread over 100 subdomains, every tenth name a CNAME, a wildcard and a delegation. */
export function generateZone(records = ZONE_RECORDS): string {
  const lines = ['$TTL 300', '@ IN SOA ns1 hostmaster 2026010101 7200 3600 1209600 300', '  IN NS ns1', 'ns1 IN A 10.0.0.53'];
  lines.push('*.wild IN A 10.255.0.1', 'sub IN NS ns.sub', 'ns.sub IN A 10.255.0.53');
  for (let i = 0; lines.length - 1 < records; i++) {
    const host = `host${i}.d${i % 100}`;
    lines.push(
      i % 10 === 9
        ? `alias${i} IN CNAME host${i - 1}.d${(i - 1) % 100}`
        : `${host} IN A 10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`,
    );
  }
  return lines.join('\n') + '\n';
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

export interface ZoneBench {
  readonly records: number;
  readonly kib: number;
  readonly parseMs: number;
  readonly buildMs: number;
  readonly lookupMs: number;
  readonly lookups: number;
}

export function benchZone(core: Core, runs = 5, lookups = 2000): ZoneBench {
  const text = generateZone();
  const parses: number[] = [];
  const builds: number[] = [];
  let zone: ReturnType<Core['buildZone']> | undefined;
  let records = 0;
  for (let r = 0; r < runs; r++) {
    let t = performance.now();
    const p = core.parseZone(text, { file: 'db.example.org', origin: 'example.org' });
    parses.push(performance.now() - t);
    if (p.diagnostics.some((d) => d.severity === 'error')) throw new Error(`the bench zone has errors: ${p.diagnostics[0]!.message.en}`);
    records = p.records.length;
    t = performance.now();
    zone = core.buildZone(p.origin, p.records);
    builds.push(performance.now() - t);
  }
  const questions: [string, string][] = [];
  for (let i = 0; i < lookups; i++) {
    const n = (i * 7919) % 99_000;
    const kind = i % 5;
    if (kind === 0) questions.push([`host${n - (n % 10)}.d${(n - (n % 10)) % 100}.example.org.`, 'A']);
    else if (kind === 1) questions.push([`alias${n - (n % 10) + 9}.example.org.`, 'A']);
    else if (kind === 2) questions.push([`nope${n}.d${n % 100}.example.org.`, 'A']);
    else if (kind === 3) questions.push([`h${n}.wild.example.org.`, 'A']);
    else questions.push([`h${n}.sub.example.org.`, 'A']);
  }
  // Each kind answers as it should before it is timed.
  const want = ['success', 'success', 'nxdomain', 'success', 'delegation'];
  questions.slice(0, 5).forEach(([q, t], i) => {
    const a = core.lookupZone(zone!, q, t);
    if (a.result !== want[i] || (i === 1 && a.answer.length !== 2) || (i === 3 && !a.wildcard)) throw new Error(`${q} ${t}: ${a.result}`);
  });
  for (const [q, t] of questions.slice(0, 200)) core.lookupZone(zone!, q, t); // warm up
  const times = questions.map(([q, t]) => {
    const t0 = performance.now();
    core.lookupZone(zone!, q, t);
    return performance.now() - t0;
  });
  return { records, kib: text.length / 1024, parseMs: median(parses), buildMs: median(builds), lookupMs: median(times), lookups };
}
