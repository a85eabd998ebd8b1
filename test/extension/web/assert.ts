/**
 * The part of `node:assert/strict` the extension-host tests use, for a web worker (no Node
 * modules there). scripts/e2e-build.mjs puts it in place of `node:assert/strict` in the web suite.
 */
export class AssertionError extends Error {
  override name = 'AssertionError';
}

function fail(message: string | undefined, fallback: string): never {
  throw new AssertionError(message ?? fallback);
}

function show(v: unknown): string {
  try {
    return JSON.stringify(v);
  } catch {
    return String(v);
  }
}

export function ok(value: unknown, message?: string): asserts value {
  if (!value) fail(message, `expected a truthy value, got ${show(value)}`);
}

export function equal<T>(actual: unknown, expected: T, message?: string): asserts actual is T {
  if (!Object.is(actual, expected)) fail(message, `${show(actual)} !== ${show(expected)}`);
}

export function notEqual(actual: unknown, expected: unknown, message?: string): void {
  if (Object.is(actual, expected)) fail(message, `${show(actual)} === ${show(expected)}`);
}

function deepEq(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  if (Array.isArray(a)) return a.length === (b as unknown[]).length && a.every((x, i) => deepEq(x, (b as unknown[])[i]));
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return (
    ka.length === kb.length &&
    ka.every((k) => Object.hasOwn(b, k) && deepEq((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]))
  );
}

export function deepEqual<T>(actual: unknown, expected: T, message?: string): asserts actual is T {
  if (!deepEq(actual, expected)) fail(message, `not deeply equal:\n  actual:   ${show(actual)}\n  expected: ${show(expected)}`);
}

export function match(value: string, re: RegExp, message?: string): void {
  if (!re.test(value)) fail(message, `${show(value)} does not match ${re}`);
}

export function doesNotMatch(value: string, re: RegExp, message?: string): void {
  if (re.test(value)) fail(message, `${show(value)} matches ${re}`);
}
