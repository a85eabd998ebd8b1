/**
 * Docker's random identifiers, made deterministic: the same lab gives the same container ids,
 * network ids, veth names and generated names on every run.
 */

/** 64 hex digits from a seed: eight 32-bit FNV-1a hashes with different offsets. */
export function hex64(seed: string): string {
  let out = '';
  for (let k = 0; k < 8; k++) {
    let h = (0x811c9dc5 ^ Math.imul(k + 1, 0x9e3779b1)) >>> 0;
    for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 0x01000193) >>> 0;
    h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d) >>> 0;
    h = (h ^ (h >>> 12)) >>> 0;
    out += h.toString(16).padStart(8, '0');
  }
  return out;
}

const LEFT = ['admiring', 'brave', 'clever', 'dreamy', 'eager', 'focused', 'gallant', 'happy', 'jolly', 'kind', 'loving', 'modest'];
const RIGHT = ['babbage', 'curie', 'darwin', 'euler', 'feynman', 'gauss', 'hopper', 'lovelace', 'noether', 'pascal', 'turing', 'wozniak'];

/** A generated name, `adjective_scientist` as Docker's namesgenerator makes them. */
export function generatedName(id: string): string {
  const n = parseInt(id.slice(0, 8), 16);
  return `${LEFT[n % LEFT.length]}_${RIGHT[Math.floor(n / LEFT.length) % RIGHT.length]}`;
}
