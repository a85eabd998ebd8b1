/**
 * The seal of a variant copy: its `variant:` record holds the student, the values drawn for them
 * and a keyed digest (HMAC-SHA-256) of the three, so an edited record no longer verifies. The key
 * is the instructor's secret when one was given (`secret:` seals; only the secret's holder can
 * make or check them), else one derived from the lab's name (`lab:` seals; they catch a record
 * edited by hand, not someone who runs this code). A copy's record may also carry the digests of
 * the files as written for its student (`handout:`, variant/digest.ts), under the same seal: a
 * grading key then compares the copy with those, not with the handout's. See docs/variants.md for
 * the threat model.
 */
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { isMap, isScalar, parseDocument } from 'yaml';
import { normaliseStudent } from './rng';
import type { GivenDigests } from './digest';

export type SealKind = 'secret' | 'lab';

/**
 * The digest of one student's values (and of the files given them, when the record has them):
 * `secret:HEX` or `lab:HEX`. Values in declaration order, as rendered; files in path order.
 */
export function sealOf(
  labName: string,
  student: string,
  values: readonly (readonly [string, string])[],
  secret?: string,
  given?: GivenDigests,
): string {
  const key = secret ? sha256(utf8ToBytes(`knetlab-variant-secret\u0000${secret}`)) : utf8ToBytes(`knetlab-variant-lab\u0000${labName}`);
  // A variable's name is an identifier: the marker "\u0001handout" cannot be mistaken for a value.
  const handout = given
    ? ['\u0001handout', `exercises=${given.exercises ?? ''}`, ...[...given.files].map(([rel, d]) => `file:${rel}=${d}`)]
    : [];
  const body = [`knetlab-variant-seal-v1`, labName, normaliseStudent(student), ...values.map(([k, v]) => `${k}=${v}`), ...handout].join(
    '\u0000',
  );
  return `${secret ? 'secret' : 'lab'}:${bytesToHex(hmac(sha256, key, utf8ToBytes(body)))}`;
}

/** A copy's `variant:` record as read back. */
export interface VariantRecord {
  readonly student: string;
  readonly values: [string, string][];
  readonly seal?: string;
  /** The digests of the copy's files as written for the student (`handout: { exercises, files }`). */
  readonly given?: GivenDigests;
}

/** Reads the `variant:` record of a copy's lab.yaml; undefined when it has none (or it is unreadable). */
export function readVariantRecord(labText: string): VariantRecord | undefined {
  try {
    const doc = parseDocument(labText);
    const root = doc.contents;
    if (!isMap(root)) return undefined;
    const rec = root.get('variant', true);
    if (rec === undefined) return undefined;
    if (!isMap(rec)) return { student: '', values: [] };
    const s = rec.get('student');
    const seal = rec.get('seal');
    const vals = rec.get('values', true);
    const values: [string, string][] = [];
    if (isMap(vals)) {
      for (const pair of vals.items) {
        const k = isScalar(pair.key) ? String(pair.key.value) : '';
        const v = isScalar(pair.value) ? String(pair.value.value) : '';
        values.push([k, v]);
      }
    }
    const given = readGiven(rec.get('handout', true));
    return {
      student: s === undefined || s === null ? '' : String(s),
      values,
      ...(typeof seal === 'string' ? { seal } : {}),
      ...(given ? { given } : {}),
    };
  } catch {
    return undefined;
  }
}

/** A record's `handout: { exercises: HEX, files: { PATH: HEX } }`, in the order written. */
function readGiven(node: unknown): GivenDigests | undefined {
  if (!isMap(node)) return undefined;
  const ex = node.get('exercises');
  const filesNode = node.get('files', true);
  const files = new Map<string, string>();
  if (isMap(filesNode))
    for (const pair of filesNode.items)
      if (isScalar(pair.key) && isScalar(pair.value)) files.set(String(pair.key.value), String(pair.value.value));
  return { ...(typeof ex === 'string' ? { exercises: ex } : {}), files };
}

/**
 * Whether a record's seal holds: 'ok'; 'broken' (the record was edited, or sealed with another
 * key); 'missing' (no seal); 'unverifiable' (sealed with a secret, and none given); 'not-secret'
 * (a secret was given but the record is sealed without one: not made with it).
 */
export function verifySeal(
  rec: VariantRecord,
  labName: string,
  secret?: string,
): 'ok' | 'broken' | 'missing' | 'unverifiable' | 'not-secret' {
  if (rec.seal === undefined) return 'missing';
  const kind = rec.seal.split(':')[0];
  if (kind === 'secret' && !secret) return 'unverifiable';
  if (kind === 'lab' && secret) return 'not-secret';
  if (kind !== 'secret' && kind !== 'lab') return 'broken';
  const want = sealOf(labName, rec.student, rec.values, kind === 'secret' ? secret : undefined, rec.given);
  return constantTimeEqual(want, rec.seal.trim().toLowerCase()) ? 'ok' : 'broken';
}

function constantTimeEqual(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let d = 0;
  for (let i = 0; i < a.length; i++) d |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return d === 0;
}
