/**
 * The resolver's files at scale: an /etc/hosts of 100,000 entries read as glibc reads it
 * (src/core/dns/files/hosts.ts), then the median lookup of a name (first match wins), through the
 * name index and, for comparison, by scanning the file line by line as nss_files does.
 */
type Core = typeof import('../src/core/index');

export const HOSTS_ENTRIES = 100_000;
export const TARGET_HOSTS_LOOKUP_MS = 1;
const LOOKUPS = 201;

export interface ResolverBench {
  readonly entries: number;
  readonly parseMs: number;
  readonly indexMs: number;
  readonly lookupMs: number;
  readonly scanMs: number;
  /** What the lookups found (each must find its own line). */
  readonly found: boolean;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** A hosts file of `n` lines: an address, a name and an alias each, a comment every 100 lines. */
export function generateHosts(n: number): string {
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    if (i % 100 === 0) out.push(`# block ${i / 100}`);
    out.push(`10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}\thost${i}.lab.example host${i}`);
  }
  return out.join('\n') + '\n';
}

export function benchResolverFiles(core: Core): ResolverBench {
  const text = generateHosts(HOSTS_ENTRIES);
  let t0 = performance.now();
  const hosts = core.parseHosts(text);
  const parseMs = performance.now() - t0;
  t0 = performance.now();
  const index = core.indexHosts(hosts);
  const indexMs = performance.now() - t0;
  const names = Array.from({ length: LOOKUPS }, (_, k) => `HOST${Math.floor(((k + 1) * (HOSTS_ENTRIES - 1)) / LOOKUPS)}`);
  let found = true;
  const times: number[] = [];
  for (const name of names) {
    const s = performance.now();
    const m = core.lookupHosts(hosts, name, { index, multi: false });
    times.push(performance.now() - s);
    found &&= m.length === 1 && m[0]!.entry.names[1]!.text === name.toLowerCase();
  }
  const scans: number[] = [];
  for (const name of names.slice(0, 21)) {
    const s = performance.now();
    core.lookupHosts(hosts, name, { multi: false });
    scans.push(performance.now() - s);
  }
  return { entries: hosts.entries.length, parseMs, indexMs, lookupMs: median(times), scanMs: median(scans), found };
}
