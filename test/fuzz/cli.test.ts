/**
 * Fuzzing the command-line tool: `knetlab check` on random files never dies with a stack trace
 * and always exits 0 (fine), 1 (errors in the lab) or 2 (usage).
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { bundledLabs } from './helpers';

const CLI = 'dist/cli.js';

function runCheck(args: string[]): { status: number | null; out: string } {
  const r = spawnSync(process.execPath, [CLI, 'check', ...args], { encoding: 'utf8', timeout: 15_000 });
  return { status: r.status, out: `${r.stdout}\n${r.stderr}` };
}

function assertClean(r: { status: number | null; out: string }, what: string): void {
  assert.ok(r.status === 0 || r.status === 1 || r.status === 2, `${what}: exit ${r.status}\n${r.out}`);
  assert.ok(!/^\s+at .+(\(|:\d+:\d+)/m.test(r.out), `${what}: a stack trace\n${r.out}`);
  assert.ok(!/^(\w*Error|Uncaught)\b.*:/m.test(r.out), `${what}: an uncaught error\n${r.out}`);
}

describe('fuzz: knetlab check (CLI)', function () {
  this.timeout(120_000);
  let dir = '';

  before(function () {
    if (!existsSync(CLI)) this.skip(); // `npm test` builds first; a bare `mocha` run may not have
    dir = mkdtempSync(join(tmpdir(), 'knetlab-fuzz-'));
  });
  after(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('random and mutated lab files', () => {
    const labs = bundledLabs();
    const text = fc.oneof(
      fc.string({ maxLength: 200 }),
      fc.string({ unit: 'binary', maxLength: 200 }),
      fc
        .tuple(fc.constantFrom(...labs), fc.nat(), fc.nat({ max: 40 }), fc.string({ maxLength: 6 }))
        .map(([l, at, del, ins]) => l.text.slice(0, at % (l.text.length + 1)) + ins + l.text.slice((at % (l.text.length + 1)) + del)),
    );
    let n = 0;
    fc.assert(
      fc.property(fc.array(text, { minLength: 1, maxLength: 3 }), fc.boolean(), (texts, json) => {
        const files = texts.map((t, i) => {
          const f = join(dir, `f${n++}-${i}.yaml`);
          writeFileSync(f, t);
          return f;
        });
        assertClean(runCheck([...(json ? ['--format', 'json'] : []), ...files]), files.join(' '));
      }),
      { numRuns: 8 },
    );
  });

  it('deeply nested files, several in one process', () => {
    // One file at a time is not enough: a parser that survives the first deep file by catching a
    // stack overflow may still bring the process down on the next one.
    const files = ['['.repeat(2000), '{a: '.repeat(1500), '- '.repeat(3000) + 'x', '['.repeat(2000)].map((t, i) => {
      const f = join(dir, `deep-${i}.yaml`);
      writeFileSync(f, t);
      return f;
    });
    const t0 = performance.now();
    const r = runCheck(files);
    assertClean(r, 'deep files');
    assert.equal(r.status, 1, 'a deeply nested file is an error in the lab, not a crash');
    assert.ok(performance.now() - t0 < 10_000, 'and it is answered in reasonable time');
  });

  it('odd arguments', () => {
    for (const args of [
      [],
      [join(dir, 'missing.yaml')],
      [dir],
      ['--format'],
      ['--format', 'xml', 'labs/02-gateway'],
      ['--nope'],
      ['labs/02-gateway', '--format', 'json'],
    ]) {
      assertClean(runCheck(args), args.join(' '));
    }
  });
});
