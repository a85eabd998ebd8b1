/**
 * Deterministic randomness for variants: each variable draws from a SHA-256 counter-mode stream
 * seeded by (lab name, student id, variable name), so the same id gives the same values on every
 * platform and every run.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

/** Normalises a student id the same way everywhere: Unicode NFC, no surrounding white space. */
export function normaliseStudent(student: string): string {
  return student.normalize('NFC').trim();
}

/**
 * A stream of 32-bit words: SHA-256 of (seed text, block counter), eight words per block.
 * Stable across platforms (UTF-8 and big-endian words are spelt out).
 */
export class VariantRng {
  private block: Uint8Array = new Uint8Array(0);
  private pos = 32;
  private counter = 0;
  private readonly seed: Uint8Array;

  /** `secret`, when given, is mixed in (hashed) after the rest, so the values cannot be drawn without it. */
  constructor(lab: string, student: string, variable: string, secret?: string) {
    const base = `knetlab-variant-v1\u0000${lab}\u0000${normaliseStudent(student)}\u0000${variable}\u0000`;
    this.seed = utf8ToBytes(secret ? `${base}secret\u0000${bytesToHex(sha256(utf8ToBytes(secret)))}\u0000` : base);
  }

  nextU32(): number {
    if (this.pos >= 32) {
      const buf = new Uint8Array(this.seed.length + 4);
      buf.set(this.seed);
      new DataView(buf.buffer).setUint32(this.seed.length, this.counter++, false);
      this.block = sha256(buf);
      this.pos = 0;
    }
    const b = this.block;
    const w = ((b[this.pos]! << 24) | (b[this.pos + 1]! << 16) | (b[this.pos + 2]! << 8) | b[this.pos + 3]!) >>> 0;
    this.pos += 4;
    return w;
  }

  /** A uniform integer in [0, n), n >= 1, without modulo bias (rejection sampling). */
  below(n: bigint): bigint {
    if (n <= 1n) return 0n;
    const bits = (n - 1n).toString(2).length;
    const words = Math.ceil(bits / 32);
    const mask = (1n << BigInt(bits)) - 1n;
    for (;;) {
      let x = 0n;
      for (let i = 0; i < words; i++) x = (x << 32n) | BigInt(this.nextU32());
      x &= mask;
      if (x < n) return x;
    }
  }
}
