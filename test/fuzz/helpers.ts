/** Shared pieces of the fuzz tests: the properties every diagnostic and every call must keep. */
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Diagnostic } from '../../src/core/index';

/**
 * Per call: a guard against runaway work (a hang, an exponential blow-up), not a speed test — speed
 * is measured by `npm run bench`. A busy CI machine can stall a call for hundreds of milliseconds,
 * so the bound is seconds.
 */
export const TIME_LIMIT_MS = 3_000;

/** The bundled labs' texts, keyed by folder. */
export function bundledLabs(): { dir: string; file: string; text: string }[] {
  return readdirSync('labs', { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join('labs', d.name, 'lab.yaml')))
    .map((d) => {
      const file = join('labs', d.name, 'lab.yaml');
      return { dir: d.name, file, text: readFileSync(file, 'utf8') };
    });
}

/** Calls `f`, failing if it throws or takes longer than the limit. */
export function timed<T>(what: string, f: () => T, limit = TIME_LIMIT_MS): T {
  const t0 = performance.now();
  let out: T;
  try {
    out = f();
  } catch (e) {
    throw new Error(`${what} threw: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`, { cause: e });
  }
  const ms = performance.now() - t0;
  assert.ok(ms < limit, `${what} took ${ms.toFixed(1)} ms (limit ${limit} ms)`);
  return out;
}

/** A diagnostic has a place (1-based, end not before start), a code, a severity and both languages. */
export function assertWellFormed(d: Diagnostic, file: string): void {
  const show = JSON.stringify(d);
  assert.equal(d.file, file, `diagnostic of another file: ${show}`);
  for (const k of ['line', 'column', 'endLine', 'endColumn'] as const) {
    assert.ok(Number.isInteger(d[k]) && d[k] >= 1, `${k} must be an integer >= 1: ${show}`);
  }
  assert.ok(d.endLine > d.line || (d.endLine === d.line && d.endColumn >= d.column), `the range ends before it starts: ${show}`);
  assert.ok(typeof d.code === 'string' && /^[a-z][a-z-]*$/.test(d.code), `bad code: ${show}`);
  assert.ok(['error', 'warning', 'info'].includes(d.severity), `bad severity: ${show}`);
  assert.ok(typeof d.message?.en === 'string' && d.message.en.trim().length > 0, `no English message: ${show}`);
  assert.ok(typeof d.message?.ko === 'string' && d.message.ko.trim().length > 0, `no Korean message: ${show}`);
}
