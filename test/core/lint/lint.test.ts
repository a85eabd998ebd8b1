/**
 * The linter (src/core/lint/lint.ts) as checkLab uses it: the bundled labs produce no warning, the
 * benchmark lab lints quickly, a broken world does not make it throw.
 */
import { strict as assert } from 'node:assert';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateBenchLab } from '../../../bench/gen';
import { checkLab } from '../../../src/core/check/check';
import { lintWorld } from '../../../src/core/lint/lint';
import { loadLab } from '../../../src/core/lab/load';
import { buildWorld } from '../../../src/core/world/build';
import { GATEWAY } from '../../support/lint';

describe('lab lints', () => {
  describe('in checkLab, on the bundled and the benchmark labs', () => {
    it('checkLab includes the lints', () => {
      const d = checkLab(GATEWAY('true'), { file: 'lab.yaml' });
      assert.deepEqual(
        d.map((x) => x.code),
        ['forwarding-off'],
      );
    });

    const dirs = readdirSync('labs', { withFileTypes: true })
      .filter((e) => e.isDirectory() && existsSync(join('labs', e.name, 'lab.yaml')))
      .map((e) => e.name)
      .sort();
    for (const dir of dirs) {
      it(`${dir}: no lint warnings`, () => {
        const file = join('labs', dir, 'lab.yaml');
        const loaded = loadLab(readFileSync(file, 'utf8'), {
          file,
          readFile: (rel) => {
            try {
              return readFileSync(join('labs', dir, rel), 'utf8');
            } catch {
              return undefined;
            }
          },
        });
        assert.ok(loaded.lab);
        const d = lintWorld(loaded.lab, buildWorld(loaded.lab).world);
        assert.deepEqual(
          d.map((x) => `${x.file}:${x.line}: ${x.code}: ${x.message.en}`),
          [],
        );
      });
    }

    it('the benchmark lab (200 hosts, 10,000 routes) lints in a few milliseconds', function () {
      const bench = generateBenchLab();
      const loaded = loadLab(bench.text, { file: 'bench.yaml' });
      assert.ok(loaded.lab);
      const world = buildWorld(loaded.lab).world;
      assert.deepEqual(lintWorld(loaded.lab, world), []);
      const times: number[] = [];
      for (let i = 0; i < 30; i++) {
        const t = performance.now();
        lintWorld(loaded.lab, world);
        times.push(performance.now() - t);
      }
      const sorted = [...times].sort((x, y) => x - y);
      console.log(
        `      lintWorld on ${bench.hosts} hosts, ${bench.routes} routes: first ${times[0]!.toFixed(2)} ms, median ${sorted[15]!.toFixed(2)} ms, best ${sorted[0]!.toFixed(2)} ms`,
      );
    });

    it('never throws, even on a broken world', () => {
      const loaded = loadLab(GATEWAY('true'), { file: 'lab.yaml' });
      const world = buildWorld(loaded.lab!).world;
      (world.hosts.get('r') as unknown as { netns: unknown }).netns = null;
      assert.doesNotThrow(() => lintWorld(loaded.lab!, world));
    });
  });
});
