/**
 * `npm run bench`: grading a class with the key, `knetlab grade --roster --submissions --key
 * --secret --out` for 40 students × the bundled course, in one process: the course built into a
 * handout and a key, a sealed variant per student, half of them solved (the key's solution drawn
 * for the student, laid over their copy), the other half as handed out. Timed as an instructor runs
 * it: `node dist/cli.js` (start-up included) when `npm run build` made it, else in process.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { CLASS_SIZE } from './variants';

const SECRET = 'bench secret';
/** The course's labs, as labs/course.yaml lists them. */
const LABS: string[] = (parse(readFileSync('labs/course.yaml', 'utf8')) as { labs: { path: string }[] }).labs.map((l) => l.path);

export interface GradeClassFigures {
  readonly students: number;
  readonly solved: number;
  readonly ms: number;
  readonly what: string;
  readonly mean: number;
  readonly maxScore: number;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1]!;
}

export async function benchGradeClass(runs = 3): Promise<GradeClassFigures> {
  const { main } = await import('../src/cli/main');
  const { applySolution, instantiateLab } = await import('../src/core/index');
  const { readTree } = await import('../src/cli/tree');
  const dir = mkdtempSync(join(tmpdir(), 'knetlab-bench-grade-'));
  const quiet = { out: () => {}, err: () => {} };
  try {
    const roster = join(dir, 'roster.csv');
    const secret = join(dir, 'secret');
    const ids = Array.from({ length: CLASS_SIZE }, (_, i) => `s${1000 + i}`);
    writeFileSync(roster, ['id,name', ...ids.map((id, i) => `${id},Student ${i}`)].join('\n') + '\n');
    writeFileSync(secret, SECRET + '\n');
    if (main(['build', 'labs', '--handout', join(dir, 'h'), '--key', join(dir, 'k')], quiet, { LANG: 'C' }) !== 0)
      throw new Error('knetlab build failed');
    if (main(['variant', join(dir, 'h'), '--roster', roster, '--out', join(dir, 's'), '--secret', secret], quiet, { LANG: 'C' }) !== 0)
      throw new Error('knetlab variant failed');
    // Every other student solved the course: the key's solution drawn for them, their record kept.
    const solved = ids.filter((_, i) => i % 2 === 0);
    for (const id of solved) {
      for (const lab of LABS) {
        const copy = join(dir, 's', id, lab);
        const drawn = instantiateLab(readTree(join('labs', lab)), id, { secret: SECRET });
        const solution = [...drawn.files].filter(([rel]) => rel.startsWith('solution/'));
        const record = readFileSync(join(copy, 'lab.yaml'), 'utf8').match(/^variant:.*$/m)![0];
        for (const [rel, text] of applySolution(new Map([...readTree(copy), ...solution])).files)
          writeFileSync(join(copy, rel), rel === 'lab.yaml' ? `${text.replace(/^variant:.*\n?/m, '').trimEnd()}\n${record}\n` : text);
      }
    }
    const args = (i: number) =>
      ['grade', '--roster', roster, '--submissions', join(dir, 's'), '--key', join(dir, 'k')].concat([
        '--secret',
        secret,
        '--out',
        join(dir, `report${i}`),
        '--format',
        'json',
      ]);
    const cli = existsSync('dist/cli.js');
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      if (cli) {
        const r = spawnSync(process.execPath, ['dist/cli.js', ...args(i)], {
          encoding: 'utf8',
          env: { ...process.env, LANG: 'C' },
          maxBuffer: 64 << 20,
        });
        times.push(performance.now() - t0);
        if (r.status !== 0) throw new Error(`knetlab grade --roster failed (${r.status} ${r.signal ?? ''}): ${r.stderr}`);
      } else {
        const code = main(args(i), quiet, { LANG: 'C' });
        times.push(performance.now() - t0);
        if (code !== 0) throw new Error(`knetlab grade --roster failed (${code})`);
      }
    }
    const json = JSON.parse(readFileSync(join(dir, `report${runs - 1}`, 'grades.json'), 'utf8')) as {
      maxScore: number;
      students: { id: string; score: number; status: string }[];
    };
    // The figures count only if the grades are right: every solved copy full marks, nobody refused.
    for (const s of json.students) {
      if (s.status !== 'graded') throw new Error(`${s.id}: ${s.status}`);
      if (solved.includes(s.id) && s.score !== json.maxScore) throw new Error(`${s.id} solved the course but scored ${s.score}`);
    }
    const mean = json.students.reduce((a, s) => a + s.score, 0) / json.students.length;
    return {
      students: json.students.length,
      solved: solved.length,
      ms: median(times),
      what: cli ? 'node dist/cli.js, start-up included' : 'in process, through tsx',
      mean: Math.round(mean * 100) / 100,
      maxScore: json.maxScore,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
