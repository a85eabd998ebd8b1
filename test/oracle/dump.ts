/**
 * Builds scenarios for real and prints what the kernel said (as root):
 *   npx tsx test/oracle/dump.ts [--sim] [--quiet] [file-substring...]
 * --sim also asks the simulator and prints the mismatches; --quiet prints only problems and mismatches.
 * A tool for writing scenarios and FINDINGS.md; the test is oracle.test.ts.
 */
import { cleanStale, expectHolds, kernelExpectationProblems, runScenarios } from './kernel';
import { loadScenarios } from './scenario';

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const sim = args.includes('--sim');
  const quiet = args.includes('--quiet');
  const filters = args.filter((a) => !a.startsWith('--'));
  const all = loadScenarios().filter((s) => filters.length === 0 || filters.some((f) => s.file.includes(f)));
  await cleanStale();
  const results = await runScenarios(all, { parallel: 4 });
  const compare = sim ? await import('./compare') : undefined;
  let total = 0;
  for (const r of results) {
    console.log(`=== ${r.scenario.file} (${Math.round(r.ms)} ms)${r.error ? ` ERROR ${r.error}` : ''}`);
    for (const p of kernelExpectationProblems(r)) console.log(`  KERNEL PROBLEM ${p}`);
    if (!quiet) {
      for (const run of r.runs) {
        const flag = run.status !== 0 ? `  [status ${run.status}] ${JSON.stringify(run.stderr)}` : '';
        console.log(`  ${run.host}$ ${run.command}${flag}${run.stdout ? `\n    stdout ${JSON.stringify(run.stdout)}` : ''}`);
      }
      r.scenario.questions.forEach((q, i) => {
        const a = r.answers[i];
        const ok = a && expectHolds(q, a) ? '' : `  <-- EXPECTED ${q.expect}`;
        console.log(`  ? ${q.label}: ${JSON.stringify(a)}${ok}`);
      });
    }
    if (compare) {
      const ms = compare.compareScenario(r);
      total += ms.length;
      if (ms.length > 0) console.log(compare.formatMismatches(r.scenario, ms));
    }
  }
  if (compare) console.log(`\n${total} mismatches in ${results.length} scenarios`);
}
void main();
