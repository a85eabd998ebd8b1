/**
 * The simulator's name resolution against the real glibc 2.36, dnsmasq 2.90 and BIND 9.18's dig and
 * host. Each scenario of `scenarios/` was built for real in network namespaces by `record.ts`, which
 * wrote what the real software said to `fixture.json`:
 *
 * - everywhere: the fixture covers every scenario and question, and the simulator (the same hosts and
 *   files, CoreDNS serving the same records) gives the same answers, exit status, output and
 *   sequence of queries, in about the same time;
 * - as root (CI): the scenarios are built for real again and must still give what the fixture says,
 *   so a fixture cannot drift from the real software. Without root the part is pending (and says
 *   so); with CI set it fails instead.
 */
import { strict as assert } from 'node:assert';
import { canUseNetns, run } from '../kernel-netns';
import { compareDnsAnswers, formatDnsMismatches, rotates } from './compare';
import { loadFixture } from './fixture';
import { cleanStaleDns, runDnsScenario, type KernelDnsResult } from './kernel';
import { loadDnsScenarios, type DnsScenario } from './scenario';
import { loadRunners, simulateDns } from './sim';

const scenarios = loadDnsScenarios();
const fixture = loadFixture();

const rotation = (s: DnsScenario, on: string): boolean => rotates(s.hosts.find((h) => h.name === on)?.files['/etc/resolv.conf']);

describe('DNS oracle: the fixture', () => {
  it('has at least 20 scenarios', () => {
    assert.ok(scenarios.length >= 20, `only ${scenarios.length} scenarios`);
  });

  it('covers every scenario and question, in order (re-record with `npx tsx test/oracle/dns/record.ts NAME` as root)', () => {
    const stale: string[] = [];
    for (const s of scenarios) {
      const f = fixture[s.file];
      const asked = s.questions.map((q) => `${q.on}$ ${q.run}`);
      const recorded = (f?.answers ?? []).map((a) => `${a.on}$ ${a.run}`);
      if (!f || f.error || asked.join('\n') !== recorded.join('\n')) stale.push(s.file);
    }
    assert.deepEqual(stale, []);
    assert.deepEqual(
      Object.keys(fixture).filter((k) => !scenarios.some((s) => s.file === k)),
      [],
      'scenarios in the fixture that no longer exist',
    );
  });
});

describe('DNS oracle: the simulator against glibc, dnsmasq, dig and host (fixture)', () => {
  let runners: Awaited<ReturnType<typeof loadRunners>> = {};
  before(async () => {
    runners = await loadRunners();
  });

  for (const s of scenarios) {
    describe(`${s.file.replace(/\.yaml$/, '')}: ${s.about}`, () => {
      let sim: ReturnType<typeof simulateDns> | undefined;
      const simulated = (): ReturnType<typeof simulateDns> => (sim ??= simulateDns(s, runners));
      s.questions.forEach((q, i) => {
        it(`${q.on}$ ${q.run}`, () => {
          const k = fixture[s.file]?.answers[i];
          assert.ok(k, 'not in the fixture');
          const r = simulated();
          if (r.problem) assert.fail(`the simulator could not answer: ${r.problem}`);
          const o = r.answers[i];
          assert.ok(o, 'no simulated answer');
          const ms = compareDnsAnswers(k, o, { rotate: rotation(s, k.on) });
          if (o.status === 127 && !q.known?.what.includes('status')) {
            const lookups = ms.filter((m) => m.what === 'queries' || m.what === 'elapsed');
            const how =
              lookups.length > 0 ? `its lookups differ:\n${formatDnsMismatches(k.run, lookups)}` : 'its lookups agree with the kernel';
            assert.fail(`${o.stderr.trim()}: the simulator has no such command yet; ${how}`);
          }
          const known = q.known?.what ?? [];
          const unexpected = ms.filter((m) => !known.includes(m.what));
          if (unexpected.length > 0) assert.fail(formatDnsMismatches(`${s.file}: ${k.on}$ ${k.run}`, unexpected));
          const fixed = known.filter((w) => !ms.some((m) => m.what === w));
          assert.deepEqual(
            fixed,
            [],
            `the simulator now agrees on ${fixed.join(', ')} (known: ${q.known?.why}): remove them from the question's known`,
          );
        });
      });
    });
  }
});

describe('DNS oracle: the fixture against the real software (root)', function () {
  const results = new Map<string, KernelDnsResult>();

  before(async function () {
    this.timeout(300_000); // 22 scenarios, about 25 s of resolver timeouts, built three at a time
    const can = await canUseNetns();
    const tools = await run(['sh', '-c', 'command -v dnsmasq && command -v dig && command -v host && command -v getent'], 3000);
    const why = !can.ok ? can.why : tools.status !== 0 ? 'dnsmasq, dig, host or getent missing (Debian: dnsmasq-base, bind9-dnsutils)' : '';
    if (why) {
      if (process.env.CI) throw new Error(`DNS oracle: cannot run in CI: ${why}`);
      console.log(`DNS oracle: the real side did not run: ${why}`);
      this.skip();
    }
    await cleanStaleDns();
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < scenarios.length) {
        const s = scenarios[next++]!;
        results.set(s.file, await runDnsScenario(s));
      }
    };
    await Promise.all([worker(), worker(), worker()]);
  });

  for (const s of scenarios) {
    it(`${s.file.replace(/\.yaml$/, '')} still does what the fixture says`, () => {
      const r = results.get(s.file);
      assert.ok(r, 'did not run');
      assert.equal(r.error, undefined, `the scenario did not build: ${r.error}`);
      const f = fixture[s.file];
      assert.ok(f, 'not in the fixture');
      const parts: string[] = [];
      f.answers.forEach((k, i) => {
        const again = r.answers[i];
        if (!again) return void parts.push(`${k.on}$ ${k.run}: no answer`);
        const ms = compareDnsAnswers(k, again, { rotate: rotation(s, k.on) });
        if (ms.length > 0) parts.push(formatDnsMismatches(`${k.on}$ ${k.run}`, ms));
      });
      if (parts.length > 0) assert.fail(`${s.file}: the real software no longer gives the fixture's answers:\n${parts.join('\n')}`);
    });
  }
});
