/**
 * Failed attempts of each exercise, kept in a lab's `.knetlab/attempts.json` so that hints come
 * one at a time across gradings (the CLI's `knetlab grade`; the same format for any tool that
 * keeps them in the lab folder). Plain data: reading it never throws, and a file that is not ours
 * reads as no attempts.
 */
import type { LabGrade } from './types';

/** Where the attempts live, relative to the lab folder. */
export const ATTEMPTS_FILE = '.knetlab/attempts.json';
/** More failed attempts than this reveal nothing more (no lab has this many hints). */
export const MAX_ATTEMPTS = 100;

/** Exercise id -> failed attempts so far. */
export type Attempts = ReadonlyMap<string, number>;

/** The attempts a file holds: `{ "version": 1, "failed": { "exercise-id": 2 } }`. */
export function parseAttempts(text: string | undefined): Attempts {
  const out = new Map<string, number>();
  if (!text) return out;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return out;
  }
  const failed = data && typeof data === 'object' ? (data as Record<string, unknown>)['failed'] : undefined;
  if (!failed || typeof failed !== 'object' || Array.isArray(failed)) return out;
  for (const [id, n] of Object.entries(failed as Record<string, unknown>)) {
    if (typeof n === 'number' && Number.isInteger(n) && n > 0) out.set(id, Math.min(MAX_ATTEMPTS, n));
  }
  return out;
}

export function formatAttempts(a: Attempts): string {
  const failed = Object.fromEntries([...a].filter(([, n]) => n > 0).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)));
  return JSON.stringify({ version: 1, failed }, null, 2) + '\n';
}

/**
 * This grading's attempt of each exercise, counted for its hints: the failed ones before it, and
 * this one (an exercise not in the map is at its first, as gradeLab reads it).
 */
export function attemptsNow(before: Attempts): Map<string, number> {
  return new Map([...before].map(([id, n]) => [id, Math.min(MAX_ATTEMPTS, n + 1)]));
}

/**
 * The attempts after a grade: each exercise that failed by a check that ran (not one only
 * unanswered) counts one more; a passed exercise keeps its count.
 */
export function recordAttempts(before: Attempts, grade: LabGrade): Map<string, number> {
  const out = new Map(before);
  for (const e of grade.exercises) {
    const attempted = e.checks.some((c) => !c.passed && !c.unanswered);
    if (!e.passed && attempted) out.set(e.id, Math.min(MAX_ATTEMPTS, (out.get(e.id) ?? 0) + 1));
  }
  return out;
}
