/**
 * IP addresses and prefixes. Parsing goes through ipaddr.js (strict dotted quads, every IPv6 form);
 * values are bigints so that IPv4 and IPv6 share one representation and one routing table code.
 */
import ipaddr from 'ipaddr.js';

export type Family = 4 | 6;

export interface Addr {
  readonly family: Family;
  readonly value: bigint;
}

export interface Prefix {
  readonly addr: Addr; // the network address (host bits cleared)
  readonly len: number;
}

export const BITS: Record<Family, number> = { 4: 32, 6: 128 };
const ALL: Record<Family, bigint> = { 4: (1n << 32n) - 1n, 6: (1n << 128n) - 1n };

function computeMask(family: Family, len: number): bigint {
  const bits = BITS[family];
  return len <= 0 ? 0n : (ALL[family] >> BigInt(bits - len)) << BigInt(bits - len);
}

/** Netmasks by prefix length, computed once: route lookups use them all the time. */
const MASKS: Record<Family, bigint[]> = {
  4: Array.from({ length: 33 }, (_, len) => computeMask(4, len)),
  6: Array.from({ length: 129 }, (_, len) => computeMask(6, len)),
};

export function maskOf(family: Family, len: number): bigint {
  return MASKS[family][len] ?? computeMask(family, len);
}

export function networkOf(a: Addr, len: number): Addr {
  return { family: a.family, value: a.value & maskOf(a.family, len) };
}

export function broadcastOf(a: Addr, len: number): Addr {
  return { family: a.family, value: a.value | (ALL[a.family] ^ maskOf(a.family, len)) };
}

export function prefixContains(p: Prefix, a: Addr): boolean {
  return p.addr.family === a.family && (a.value & maskOf(a.family, p.len)) === p.addr.value;
}

export function addrEq(a: Addr | undefined, b: Addr | undefined): boolean {
  return !!a && !!b && a.family === b.family && a.value === b.value;
}

export function v4(value: number | bigint): Addr {
  return { family: 4, value: BigInt(value) };
}

/** Strictly parses an address: four decimal parts for IPv4, any RFC 4291 form for IPv6. */
export function parseAddr(text: string): Addr | undefined {
  try {
    if (ipaddr.IPv4.isValidFourPartDecimal(text)) {
      return fromBytes(4, ipaddr.IPv4.parse(text).toByteArray());
    }
    if (text.includes(':') && ipaddr.IPv6.isValid(text)) {
      const a = ipaddr.IPv6.parse(text);
      if (a.zoneId) return undefined;
      return fromBytes(6, a.toByteArray());
    }
  } catch {
    return undefined;
  }
  return undefined;
}

/**
 * iproute2's own reading of an IPv4 address in a prefix (get_addr_ipv4): one to four dotted
 * decimal parts, missing parts are zero, so `10/8` is `10.0.0.0/8`.
 */
export function parseInetLoose(text: string): Addr | undefined {
  if (text.includes(':')) return parseAddr(text);
  // Hand-rolled: this runs for every address of every run line.
  let value = 0;
  let parts = 0;
  let digits = 0;
  let part = 0;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 46; // a final '.'
    if (c === 46) {
      if (digits === 0 || part > 255 || ++parts > 4) return undefined;
      value = value * 256 + part;
      part = 0;
      digits = 0;
    } else if (c >= 48 && c <= 57) {
      if (++digits > 3) return undefined;
      part = part * 10 + (c - 48);
    } else {
      return undefined;
    }
  }
  for (let k = parts; k < 4; k++) value *= 256;
  return { family: 4, value: BigInt(value) };
}

export interface PrefixParse {
  readonly addr: Addr; // as written (host bits kept)
  readonly len: number;
  readonly explicitLen: boolean;
}

/** Reads `ADDR[/LEN]` as iproute2 does for an inet prefix. */
export function parsePrefixLoose(text: string): PrefixParse | undefined {
  const slash = text.indexOf('/');
  const addrText = slash < 0 ? text : text.slice(0, slash);
  const addr = parseInetLoose(addrText);
  if (!addr) return undefined;
  const bits = BITS[addr.family];
  if (slash < 0) return { addr, len: bits, explicitLen: false };
  const lenText = text.slice(slash + 1);
  if (!/^[0-9]+$/.test(lenText)) return undefined;
  const len = Number(lenText);
  if (len > bits) return undefined;
  return { addr, len, explicitLen: true };
}

function fromBytes(family: Family, bytes: number[]): Addr {
  let value = 0n;
  for (const b of bytes) value = (value << 8n) | BigInt(b);
  return { family, value };
}

export function formatAddr(a: Addr): string {
  if (a.family === 4) {
    const v = Number(a.value);
    return `${(v >>> 24) & 255}.${(v >>> 16) & 255}.${(v >>> 8) & 255}.${v & 255}`;
  }
  const bytes: number[] = [];
  for (let i = 15; i >= 0; i--) bytes.push(Number((a.value >> BigInt(i * 8)) & 255n));
  return ipaddr.fromByteArray(bytes).toString();
}

export function formatPrefix(p: { addr: Addr; len: number }): string {
  return `${formatAddr(p.addr)}/${p.len}`;
}

/** How `ip route` prints a destination: the bare address for a host route, else ADDR/LEN. */
export function formatRouteDst(p: Prefix): string {
  if (p.len === 0) return 'default';
  return p.len === BITS[p.addr.family] ? formatAddr(p.addr) : formatPrefix(p);
}

export function isLoopback(a: Addr): boolean {
  return a.family === 4 ? a.value >> 24n === 127n : a.value === 1n;
}

export function isMulticast(a: Addr): boolean {
  return a.family === 4 ? a.value >> 28n === 0xen : a.value >> 120n === 0xffn;
}

export function isLimitedBroadcast(a: Addr): boolean {
  return a.family === 4 && a.value === 0xffffffffn;
}

export function isZero(a: Addr): boolean {
  return a.value === 0n;
}

export const MAC_RE = /^[0-9a-fA-F]{2}(:[0-9a-fA-F]{2}){5}$/;
export const BROADCAST_MAC = 'ff:ff:ff:ff:ff:ff';

export function normaliseMac(mac: string): string {
  return mac.toLowerCase();
}

/** Locally administered, unicast MAC address derived from a string: the same name, the same MAC. */
export function deterministicMac(seed: string): string {
  // Two 32-bit FNV-1a hashes with different offsets, for 40 bits after the 0x02 prefix.
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < seed.length; i++) {
    const c = seed.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ c, 0x01000193) >>> 0;
  }
  const bytes = [0x02, h1 & 0xff, (h1 >>> 8) & 0xff, (h1 >>> 16) & 0xff, (h1 >>> 24) & 0xff, h2 & 0xff];
  let out = '';
  for (let k = 0; k < 6; k++) out += (k ? ':' : '') + (bytes[k]! < 16 ? '0' : '') + bytes[k]!.toString(16);
  return out;
}
