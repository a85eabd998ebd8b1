/**
 * What a student was given, as digests: the SHA-256 of each file of a handout or of a student's
 * copy, and of lab.yaml's `exercises:` section (by its data, so re-indenting changes nothing; the
 * rest of lab.yaml is the student's work). The grading key keeps those of the handout
 * (grade/key.ts); a variant copy's sealed `variant:` record keeps those of the copy as written for
 * its student (variant/seal.ts), since a copy differs from the handout wherever addresses moved.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { parseDocument } from 'yaml';

/** The hex SHA-256 of a text (UTF-8). */
export function digestText(text: string): string {
  return bytesToHex(sha256(utf8ToBytes(text)));
}

/** The digest of an exercises section, from its data (so that re-indenting it changes nothing). */
export function exercisesDigest(exercises: unknown): string {
  return digestText(JSON.stringify(exercises ?? null));
}

/** The digests of what a student was given: lab.yaml's exercises section, and every other file. */
export interface GivenDigests {
  /** Of lab.yaml's exercises section; absent when lab.yaml does not parse. */
  readonly exercises?: string;
  /** Of each file but lab.yaml, by relative path. */
  readonly files: ReadonlyMap<string, string>;
}

/** The exercises section of a lab text, as data (undefined when the text is not valid YAML). */
export function exercisesData(labText: string): { data: unknown } | undefined {
  try {
    const doc = parseDocument(labText, { prettyErrors: false });
    if (doc.errors.length) return undefined;
    const js = doc.toJS() as unknown;
    return { data: js !== null && typeof js === 'object' ? (js as Record<string, unknown>)['exercises'] : undefined };
  } catch {
    return undefined;
  }
}

/** Files a student writes or that are never given: not part of what was given. */
function notGiven(rel: string): boolean {
  return rel === 'lab.yaml' || rel === 'answers.yaml' || rel === 'key.yaml' || rel === 'solution' || rel.startsWith('solution/');
}

/** The digests of a handout or a copy (relative path → text): its files in path order. */
export function givenDigests(files: ReadonlyMap<string, string>): GivenDigests {
  const out = new Map<string, string>();
  for (const rel of [...files.keys()].filter((r) => !notGiven(r)).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)))
    out.set(rel, digestText(files.get(rel)!));
  const lab = files.get('lab.yaml');
  const ex = lab === undefined ? undefined : exercisesData(lab);
  return { ...(ex ? { exercises: exercisesDigest(ex.data) } : {}), files: out };
}
