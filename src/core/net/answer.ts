/**
 * Quiz answers: what makes two written answers the same, and the salted hash a lab may keep of
 * one, `sha256(salt + ":" + normaliseAnswer('network', answer))` in lower-case hex. @noble/hashes
 * is pure JavaScript, so this runs the same in Node, the extension host, a web extension and webviews.
 *
 * Two kinds of normalisation (docs/grading.md):
 * - `text`: Unicode NFC, trimmed, inner white space collapsed to one space, lower case.
 * - `network` (the default): `text`, then every word that is an address or a prefix written as
 *   iproute2 reads it, in one canonical form: IPv6 compressed (`2001:0DB8:0::1` is `2001:db8::1`),
 *   an IPv4 prefix with missing parts (`10/8` is `10.0.0.0/8`), a full-length prefix as the bare
 *   address (`192.168.1.10/32` is `192.168.1.10`, as `ip addr add` without a length), and a
 *   zero-length prefix as `default` (`0.0.0.0/0`, `0/0`, `::/0`, and `all` where a route's
 *   destination stands: `all via 192.168.1.1`). A part with a leading zero or in hex stays as
 *   written: iproute2 reads `192.168.001.010` as 192.168.1.8 (octal) where a reader sees .1.10, so
 *   it equals no other form.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { BITS, formatAddr, parseAddr, parsePrefixLoose } from './addr';

export interface AnswerHash {
  readonly sha256: string;
  readonly salt: string;
}

export type AnswerKind = 'text' | 'network';

export const SHA256_HEX_RE = /^[0-9a-f]{64}$/i;

/** What may follow a route's destination in `ip route` (so `all` before one of them is `default`). */
const ROUTE_WORDS = new Set(['via', 'dev', 'metric', 'proto', 'scope', 'table', 'src', 'onlink', 'nexthop', 'mtu', 'realm']);

function text(s: string): string {
  return s.normalize('NFC').trim().replace(/\s+/gu, ' ').toLowerCase().normalize('NFC');
}

/** Decimal parts without leading zeros: where iproute2 and a reader agree on an IPv4 address. */
const IPV4ISH = /^(?:0|[1-9][0-9]{0,2})(?:\.(?:0|[1-9][0-9]{0,2})){0,3}$/;

/** One word in its canonical form, if it is an address or a prefix. */
function word(w: string, next: string | undefined): string {
  if (w === 'all' && next !== undefined && ROUTE_WORDS.has(next)) return 'default';
  const slash = w.indexOf('/');
  const addrText = slash < 0 ? w : w.slice(0, slash);
  if (w.includes(':')) {
    const zone = addrText.indexOf('%');
    const a = parseAddr(zone < 0 ? addrText : addrText.slice(0, zone));
    if (!a) return w;
    const tail = zone < 0 ? '' : addrText.slice(zone);
    if (slash < 0) return formatAddr(a) + tail;
    const lenText = w.slice(slash + 1);
    if (!/^(?:0|[1-9][0-9]{0,2})$/.test(lenText) || Number(lenText) > 128 || tail) return w;
    const len = Number(lenText);
    return len === 0 ? 'default' : len === 128 ? formatAddr(a) : `${formatAddr(a)}/${len}`;
  }
  if (!IPV4ISH.test(addrText)) return w;
  // Without a length only a full address is one (`10` stays a number); with one, iproute2 fills the parts.
  if (slash < 0) {
    const a = addrText.split('.').length === 4 ? parseAddr(addrText) : undefined;
    return a ? formatAddr(a) : w;
  }
  if (!/^(?:0|[1-9][0-9]?)$/.test(w.slice(slash + 1))) return w;
  const p = parsePrefixLoose(w);
  if (!p || p.addr.family !== 4) return w;
  return p.len === 0 ? 'default' : p.len === BITS[4] ? formatAddr(p.addr) : `${formatAddr(p.addr)}/${p.len}`;
}

/** An answer as compared: see the module doc for the two kinds. Pure; never throws. */
export function normaliseAnswer(kind: AnswerKind, answer: string): string {
  const t = text(answer);
  if (kind === 'text' || t === '') return t;
  const words = t.split(' ');
  return words.map((w, i) => word(w, words[i + 1])).join(' ');
}

/** The hex SHA-256 of `${salt}:${normaliseAnswer(kind, answer)}`. */
export function hashAnswer(answer: string, salt: string, kind: AnswerKind = 'network'): string {
  return bytesToHex(sha256(utf8ToBytes(`${salt}:${normaliseAnswer(kind, answer)}`)));
}

/**
 * Whether an answer matches the stored hash (compared case-insensitively, as hex): its `network`
 * form, or its `text` form for a hash made before answers were read as addresses.
 */
export function checkAnswer(answer: string, hash: AnswerHash): boolean {
  const want = hash.sha256.trim().toLowerCase();
  return hashAnswer(answer, hash.salt) === want || hashAnswer(answer, hash.salt, 'text') === want;
}

/** Whether two written answers mean the same. */
export function sameAnswer(a: string, b: string): boolean {
  return normaliseAnswer('network', a) === normaliseAnswer('network', b);
}
