/** Every diagnostic code of the union in src/core/text/diag.ts is exercised by at least one test. */
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

describe('diagnostic codes', () => {
  const diagText = readFileSync('src/core/text/diag.ts', 'utf8');
  const union = diagText.slice(
    diagText.indexOf('export type DiagnosticCode'),
    diagText.indexOf(';', diagText.indexOf('export type DiagnosticCode')),
  );
  const codes = [...union.matchAll(/'([a-z-]+)'/g)].map((m) => m[1]!);
  const tests = files('test')
    .filter((f) => f !== join('test', 'unit', 'codes.test.ts'))
    .map((f) => readFileSync(f, 'utf8'))
    .join('\n');

  it('are stable kebab-case strings, each declared once', () => {
    assert.ok(codes.length > 20);
    assert.equal(new Set(codes).size, codes.length);
  });

  for (const code of codes) {
    it(`"${code}" has a test`, () => {
      assert.ok(tests.includes(`'${code}'`) || tests.includes(`"${code}"`), `no test mentions the code ${code}`);
    });
  }
});
