/** Running the CLI inside the test process, and a throwaway lab folder. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main';

/** Runs knetlab; a grading records no attempt (KNETLAB_NO_RECORD), so the bundled labs' folders stay as they are. */
export function run(...argv: string[]): { out: string; err: string; code: number } {
  return runWith({ LANG: 'C', KNETLAB_NO_RECORD: '1' }, ...argv);
}

/** Runs knetlab with these environment variables. */
export function runWith(env: Record<string, string>, ...argv: string[]): { out: string; err: string; code: number } {
  let out = '';
  let err = '';
  const code = main(argv, { out: (s) => (out += s), err: (s) => (err += s) }, env);
  return { out, err, code };
}

export function tmpLab(text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'knetlab-cli-'));
  writeFileSync(join(dir, 'lab.yaml'), text);
  return dir;
}
