/**
 * Builds the DNS scenarios for real (as root) and writes what the real software said to
 * `fixture.json`, which the fast test compares the simulator with:
 *   npx tsx test/oracle/dns/record.ts [--print] [file-substring...]
 * With substrings, only those scenarios are run and replaced in the fixture; --print prints them.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { cleanStaleDns, runDnsScenario, type KernelDnsResult } from './kernel';
import { FIXTURE, loadFixture } from './fixture';
import { loadDnsScenarios } from './scenario';

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const print = args.includes('--print');
  const filters = args.filter((a) => !a.startsWith('--'));
  const all = loadDnsScenarios().filter((s) => filters.length === 0 || filters.some((f) => s.file.includes(f)));
  await cleanStaleDns();
  const old = existsSync(FIXTURE) ? loadFixture() : {};
  const results: Record<string, KernelDnsResult> = filters.length > 0 ? { ...old } : {};
  let failed = 0;
  for (const s of all) {
    const r = await runDnsScenario(s);
    results[s.file] = r;
    if (r.error) failed++;
    console.log(`=== ${s.file}${r.error ? ` ERROR ${r.error}` : ''}`);
    if (print) {
      for (const a of r.answers) {
        console.log(`  ${a.on}$ ${a.run}  [status ${a.status}, ${a.elapsedMs} ms]`);
        if (a.stdout) console.log(a.stdout.replace(/^/gm, '    | ').trimEnd());
        if (a.stderr) console.log(a.stderr.replace(/^/gm, '    ! ').trimEnd());
        console.log(`    queries: ${a.queries.map((q) => `${q.type} ${q.name} @${q.server}`).join(', ') || '(none)'}`);
      }
    }
  }
  const sorted = Object.fromEntries(Object.entries(results).sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true })));
  if (failed === 0) writeFileSync(FIXTURE, `${JSON.stringify(sorted, null, 1)}\n`);
  else console.log(`${failed} scenarios failed to build; ${FIXTURE} not written`);
}
void main();
