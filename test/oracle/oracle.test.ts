/**
 * The simulator against the real kernel: every scenario of `scenarios/` is built for real in network
 * namespaces and in the simulator, and both are asked the same questions. See ORACLE.md.
 *
 * Needs root and network namespaces. Without them the suite is pending (and says so); with CI set it
 * fails instead, so a CI machine that lost its privileges cannot pass silently.
 */
import { strict as assert } from 'node:assert';
import { compareScenario, formatMismatches, simEvidence, simulate } from './compare';
import { canUseNetns, cleanStale, kernelExpectationProblems, runScenarios } from './kernel';
import type { KernelResult } from './kernel';
import { MUTATIONS, mutatedTracer } from './mutations';
import { loadScenarios } from './scenario';
import { tracePacket } from '../../src/core';

const scenarios = loadScenarios();

describe('oracle: simulator vs the Linux kernel', function () {
  const results = new Map<string, KernelResult>();

  before(async function () {
    this.timeout(600_000); // 57 scenarios in real namespaces: ~15 s alone, minutes on a loaded 2-core machine
    const can = await canUseNetns();
    if (!can.ok) {
      if (process.env.CI) throw new Error(`oracle: cannot run in CI: needs root and network namespaces (${can.why})`);
      console.log(`oracle: did not run (needs root and network namespaces): ${can.why}`);
      this.skip();
    }
    const stale = await cleanStale();
    if (stale.length > 0) console.log(`oracle: removed ${stale.length} stale namespaces of earlier runs`);
    const t0 = Date.now();
    for (const r of await runScenarios(scenarios, { parallel: 4 })) results.set(r.scenario.file, r);
    console.log(`oracle: built ${scenarios.length} scenarios in network namespaces in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  });

  it('has at least 40 scenarios', function () {
    assert.ok(scenarios.length >= 40, `only ${scenarios.length} scenarios`);
  });

  for (const s of scenarios) {
    it(`${s.file.replace(/\.yaml$/, '')}: ${s.about}`, function () {
      const k = results.get(s.file);
      assert.ok(k, 'the kernel side did not run');
      const kernelProblems = kernelExpectationProblems(k);
      const parts: string[] = [];
      if (kernelProblems.length > 0) {
        parts.push(`${s.file}: the kernel no longer does what the scenario claims:\n${kernelProblems.map((p) => `  ! ${p}`).join('\n')}`);
      }
      const mismatches = compareScenario(k);
      if (mismatches.length > 0) parts.push(formatMismatches(s, mismatches));
      if (parts.length > 0) assert.fail(parts.join('\n'));
    });
  }

  // A simulator that gives the wrong cause must fail: each mutation changes some answers, and every
  // changed answer where the kernel showed a cause (anything but silence) must be a mismatch.
  describe('a wrong simulator fails the oracle', function () {
    for (const m of MUTATIONS) {
      it(m.name, function () {
        let changed = 0;
        const missed: string[] = [];
        for (const k of results.values()) {
          const { sim } = simulate(k.scenario);
          if (!sim) continue;
          const mismatches = new Set(compareScenario(k, { trace: mutatedTracer(m) }).map((x) => x.what.replace(/ \(how it fails\)$/, '')));
          const real = new Set(compareScenario(k).map((x) => x.what.replace(/ \(how it fails\)$/, '')));
          k.scenario.questions.forEach((q, i) => {
            const a = k.answers[i];
            if ((q.ask !== 'ping' && q.ask !== 'tcp') || !a || a.kind === 'output' || real.has(q.label)) return;
            const proto = q.ask === 'ping' ? 'icmp' : 'tcp';
            const req = { from: q.from, to: q.to, proto, ...(q.ask === 'tcp' ? { port: q.port } : {}) } as const;
            const t = tracePacket(sim.world, req);
            if (m.change(t, proto) === undefined || a.seen === 'silence' || a.seen === 'ETIMEDOUT') return;
            // where the kernel shows both causes alike (IPv6 answers an unreachable route with No route), the wrong one cannot be seen
            const wrong = mutatedTracer(m)(sim.world, req);
            if (simEvidence(wrong, q.from, proto) === simEvidence(t, q.from, proto)) return;
            changed++;
            if (!mismatches.has(q.label)) missed.push(`${k.scenario.file}: ${q.label} (kernel ${a.seen}, real verdict ${t.verdict})`);
          });
        }
        assert.ok(changed > 0, `the mutation changes no answer the kernel explains: the scenarios cannot test it`);
        assert.deepEqual(missed, [], `the oracle did not catch the mutation on ${missed.length} of ${changed} questions`);
      });
    }
  });
});
