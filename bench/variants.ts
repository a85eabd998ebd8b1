/**
 * `npm run bench`: writing a class's variants, `knetlab variant labs --roster` for 40 students ×
 * the bundled course (each lab drawn, sealed with a secret, written to a fresh folder), in process.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const CLASS_SIZE = 40;

export async function benchVariantsClass(runs = 3): Promise<{ students: number; files: number; ms: number }> {
  const { main } = await import('../src/cli/main');
  const dir = mkdtempSync(join(tmpdir(), 'knetlab-bench-class-'));
  try {
    const roster = join(dir, 'roster.csv');
    const secret = join(dir, 'secret');
    writeFileSync(roster, ['id,name', ...Array.from({ length: CLASS_SIZE }, (_, i) => `s${1000 + i},Student ${i}`)].join('\n') + '\n');
    writeFileSync(secret, 'bench secret\n');
    const times: number[] = [];
    let files = 0;
    for (let i = 0; i < runs + 1; i++) {
      const out = join(dir, `out${i}`);
      let err = '';
      const t0 = performance.now();
      const code = main(
        ['variant', 'labs', '--roster', roster, '--out', out, '--secret', secret],
        { out: () => {}, err: (s) => (err += s) },
        { LANG: 'C' },
      );
      const t = performance.now() - t0;
      if (code !== 0) throw new Error(`knetlab variant failed: ${err}`);
      files = Number(/wrote (\d+) handouts/.exec(err)?.[1] ?? 0);
      if (i >= 1) times.push(t);
    }
    times.sort((a, b) => a - b);
    return { students: files, files, ms: times[times.length >> 1]! };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
