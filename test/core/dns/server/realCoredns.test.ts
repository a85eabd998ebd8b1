/**
 * The simulated CoreDNS against what the real CoreDNS 1.11.1 printed (test/oracle/dns/COREDNS.md):
 * every scenario's dig output, normalised (query id, query time, date, cookie, whoami's port), and
 * every start's output, stderr and exit status, as test/oracle/dns/coredns/real.json recorded them.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { execCommand } from '../../../../src/core/commands/exec';
import { labWorld } from '../../../support/world';
import { labOf, normalise, normaliseLog, simDigs, simLogs, type RealDig } from '../../../oracle/dns/coredns/compare';
import { SCENARIOS, STARTS } from '../../../oracle/dns/coredns/scenarios';

interface Real {
  readonly version: string;
  readonly plugins: string;
  /** `-help`, with Go's os.Args[0] (the binary's path) put back to `coredns`, as a PATH lookup names it. */
  readonly help: { stdout: string; stderr: string; status: number };
  readonly scenarios: Record<string, { digs: RealDig[]; stdout: string }>;
  readonly starts: Record<string, { stdout: string; stderr: string; status: number | 'running' }>;
}
const REAL = JSON.parse(readFileSync(join(__dirname, '../../../oracle/dns/coredns/real.json'), 'utf8')) as Real;

/** The answer lines, sorted: loadbalance's order is random in CoreDNS (dns.Id()). */
const unordered = (out: string) => {
  const lines = out.split('\n');
  const a = lines.indexOf(';; ANSWER SECTION:');
  const end = lines.indexOf('', a);
  return [...lines.slice(0, a + 1), ...lines.slice(a + 1, end).sort(), ...lines.slice(end)].join('\n');
};

describe('the simulated CoreDNS against the real 1.11.1', () => {
  it('-version prints what the release binary prints', () => {
    const w = labWorld(labOf('.:1053 {\n    whoami\n}\n', {}, false, false));
    assert.equal(execCommand(w, { host: 'dns', netns: '' }, 'coredns -version').stdout, REAL.version);
    assert.equal(REAL.version, 'CoreDNS-1.11.1\nlinux/amd64, go1.20.7, ae2bbc2\n');
  });

  it('-plugins and -help print what the release binary prints', () => {
    const w = labWorld(labOf('.:1053 {\n    whoami\n}\n', {}, false, false));
    assert.equal(execCommand(w, { host: 'dns', netns: '' }, 'coredns -plugins').stdout, REAL.plugins);
    const h = execCommand(w, { host: 'dns', netns: '' }, 'coredns -help');
    assert.deepEqual([h.status, h.stdout, h.stderr], [REAL.help.status, REAL.help.stdout, REAL.help.stderr]);
  });

  for (const s of SCENARIOS) {
    it(`${s.name}: ${s.about}`, () => {
      const { world, outs } = simDigs(s);
      const real = REAL.scenarios[s.name]!;
      s.digs.forEach((d, i) => {
        const fix = s.name === 'loadbalance' ? unordered : (t: string) => t;
        assert.equal(fix(normalise(outs[i]!)), fix(normalise(real.digs[i]!.out)), `dig ${d}`);
      });
      // what it printed at start: the zones of each server, the version (the query log lines aside)
      // (the servers' order is Go's map order, random from one start to the next: each line, sorted)
      const started = real.stdout.replace(/\[(INFO|ERROR)\].*\n/g, '');
      const sorted = (t: string | undefined) => (t ?? '').split('\n').sort().join('\n');
      assert.equal(sorted(world.hosts.get('dns')!.files.get('/tmp/coredns.out')), sorted(started));
    });
  }

  for (const st of STARTS) {
    it(`starts with ${st.name}: the same output, error and exit status`, () => {
      const world = labWorld(labOf(st.corefile, st.files, false, false));
      const r = execCommand(world, { host: 'dns', netns: '' }, 'coredns -conf /etc/coredns/Corefile -dns.port 1053');
      const real = REAL.starts[st.name]!;
      const dir = (t: string) => t.replaceAll(`/tmp/cdns-run/start-${st.name}`, '/etc/coredns').replace(/\[INFO\] SIGTERM.*\n/, '');
      // (the servers' lines in any order: Go's map order)
      const sorted = (t: string) => t.split('\n').sort().join('\n');
      assert.deepEqual(
        [r.status, sorted(r.stdout), r.stderr],
        [real.status === 'running' ? 0 : real.status, sorted(dir(real.stdout)), dir(real.stderr)],
      );
    });
  }

  for (const s of SCENARIOS.filter((x) => /^\s*log$/m.test(x.corefile))) {
    it(`${s.name}: log and errors print the lines the real one printed`, () => {
      const real = REAL.scenarios[s.name]!.stdout.split('\n').filter((l) => /^\[(INFO|ERROR)\] (?!SIGTERM)/.test(l));
      assert.deepEqual(simLogs(s).map(normaliseLog), real.map(normaliseLog));
    });
  }

  it('forward waits 2 s on each silent upstream: dig prints the time as the real one did (2004 and 6012 msec, 2 and 6 s and a little)', () => {
    const seq = simDigs(SCENARIOS.find((s) => s.name === 'forward-sequential-except')!).outs[0]!;
    assert.match(REAL.scenarios['forward-sequential-except']!.digs[0]!.out, /Query time: 20\d\d msec/);
    assert.match(seq, /;; Query time: 2000 msec\n/);
    const silent = simDigs(SCENARIOS.find((s) => s.name === 'forward-silent')!).outs[0]!;
    assert.match(REAL.scenarios['forward-silent']!.digs[0]!.out, /status: SERVFAIL[\s\S]*Query time: 60\d\d msec/);
    assert.match(silent, /status: SERVFAIL[\s\S]*;; Query time: 6000 msec\n/);
  });

  it('forward to a port nothing listens on: SERVFAIL once the health checks mark it down (about 1 s)', () => {
    assert.match(REAL.scenarios['forward-refused']!.digs[0]!.out, /status: SERVFAIL[\s\S]*Query time: 10\d\d msec/);
    const out = simDigs(SCENARIOS.find((s) => s.name === 'forward-refused')!).outs[0]!;
    assert.match(out, /status: SERVFAIL[\s\S]*;; Query time: 1000 msec\n/);
  });
});
