/**
 * Quiz answers are never stored in plain text: a lab keeps a salted SHA-256 of the normalised
 * answer, `sha256(salt + ":" + normalise(answer))` in lower-case hex. @noble/hashes is pure
 * JavaScript, so this runs the same in Node, the extension host, a web extension and webviews.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

export interface AnswerHash {
  readonly sha256: string;
  readonly salt: string;
}

export const SHA256_HEX_RE = /^[0-9a-f]{64}$/i;

/** Trims, lower-cases, collapses inner white space to one space and puts the text in Unicode NFC. */
export function normaliseAnswer(s: string): string {
  return s.normalize('NFC').trim().replace(/\s+/gu, ' ').toLowerCase().normalize('NFC');
}

/** The hex SHA-256 of `${salt}:${normaliseAnswer(answer)}`. */
export function hashAnswer(answer: string, salt: string): string {
  return bytesToHex(sha256(utf8ToBytes(`${salt}:${normaliseAnswer(answer)}`)));
}

/** Whether an answer matches the stored hash (compared case-insensitively, as hex). */
export function checkAnswer(answer: string, hash: AnswerHash): boolean {
  return hashAnswer(answer, hash.salt) === hash.sha256.trim().toLowerCase();
}
