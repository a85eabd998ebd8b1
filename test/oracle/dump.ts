/**
 * Builds scenarios for real and prints what the kernel said: `npx tsx test/oracle/dump.ts [substring...]`.
 * A tool for writing scenarios and FINDINGS.md; not a test.
 */
import { cleanStale, expectHolds, kernelExpectationProblems, runScenarios } from './kernel';
import { loadScenarios } from './scenario';

async function main(): Promise<void> {
  const filters = process.argv.slice(2);
  const all = loadScenarios().filter((s) => filters.length === 0 || filters.some((f) => s.file.includes(f)));
  await cleanStale();
  const results = await runScenarios(all, { parallel: 4 });
  for (const r of results) {
    console.log(`=== ${r.scenario.file} (${Math.round(r.ms)} ms)${r.error ? ` ERROR ${r.error}` : ''}`);
    for (const p of kernelExpectationProblems(r)) console.log(`  PROBLEM ${p}`);
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
}
void main();
