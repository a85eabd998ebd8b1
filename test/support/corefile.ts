/**
 * Test tables for Corefile plugins: each row is a plugin's lines (as inside a `.:53 { ... }` block,
 * starting on line 2, indented by two spaces) and the one diagnostic CoreDNS's setup would give, as
 * [line, column, English message], or `ok` when CoreDNS accepts it.
 */
import { strict as assert } from 'node:assert';
import { parseCorefile } from '../../src/core/dns/corefile';

export const ok = 'ok' as const;
export type Row = readonly [lines: string, expected: typeof ok | readonly [line: number, column: number, message: string]];

/** The Corefile `.:53 {` + the lines (each indented by two) + `}`. */
export function inBlock(lines: string): string {
  return `.:53 {\n${lines
    .split('\n')
    .map((l) => `  ${l}`)
    .join('\n')}\n}\n`;
}

/** Diagnostics of a text as [code, line, column, English message]. */
export function diags(text: string): [string, number, number, string][] {
  return parseCorefile(text, 'Corefile').diagnostics.map((d) => [d.code, d.line, d.column, d.message.en]);
}

/** Runs a table: one `it` per row. */
export function table(rows: readonly Row[]): void {
  for (const [lines, expected] of rows) {
    it(`${expected === ok ? 'accepts' : 'refuses'} ${JSON.stringify(lines)}`, () => {
      const r = parseCorefile(inBlock(lines), 'Corefile');
      if (expected === ok) {
        assert.deepEqual(
          r.diagnostics.map((d) => d.message.en),
          [],
        );
        return;
      }
      assert.deepEqual(
        r.diagnostics.map((d) => [d.line, d.column, d.message.en]),
        [[...expected]],
      );
      for (const d of r.diagnostics) {
        assert.equal(d.code, 'corefile-plugin-args');
        assert.ok(d.message.ko.includes('CoreDNS: '), d.message.ko);
        assert.ok(/[가-힣]/.test(d.message.ko), d.message.ko);
      }
    });
  }
}
