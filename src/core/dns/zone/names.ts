/**
 * Domain names and TTLs as miekg/dns reads them in a zone file (IsDomainName, toAbsoluteName,
 * stringToTTL), and the label arithmetic CoreDNS's `file` plugin does on them.
 */
import { parseAddr } from '../../net/addr';

const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';

/** The bytes a UTF-16 code unit of `s` at `i` takes in UTF-8 (a pair's two halves: 4 in all; a lone half: U+FFFD's 3). */
function utf8Width(s: string, i: number): number {
  const c = s.charCodeAt(i);
  if (c < 0x80) return 1;
  if (c < 0x800) return 2;
  if (c >= 0xd800 && c < 0xdc00) {
    const d = s.charCodeAt(i + 1);
    return d >= 0xdc00 && d < 0xe000 ? 4 : 3;
  }
  if (c >= 0xdc00 && c < 0xe000) {
    const b = i > 0 ? s.charCodeAt(i - 1) : 0;
    return b >= 0xd800 && b < 0xdc00 ? 0 : 3; // the second half of a pair: counted with the first
  }
  return 3;
}

/** Whether the 3 code units after `i` are digits (miekg/dns isDDD). */
const isDDD = (s: string, i: number): boolean => isDigit(s[i]) && isDigit(s[i + 1]) && isDigit(s[i + 2]);

/**
 * miekg/dns IsDomainName (defaults.go), the one port the zone files and the Corefile share: the name is
 * made fully qualified (Fqdn), then read byte by byte as Go reads the string (UTF-8): no leading dot
 * except the root's, no empty label (`..`), no label of 64 octets or more, at most 256 octets counted
 * as Go counts them (1 + each label; Go's own bound, a byte more lenient than the wire's 255), an
 * escape `\X` or `\DDD` one octet, and no name that ends inside an escape (`a\`).
 */
export function isDomainName(name: string): boolean {
  if (name === '') return false;
  // Fqdn(s), without making the string: a name that is not fully qualified is read with a dot after it.
  const s = name;
  const n = isFqdn(name) ? name.length : name.length + 1;
  const LENMSG = 256;
  let off = 0;
  let begin = 0; // byte offsets, as Go's
  let pos = 0;
  let wasDot = false;
  let escape = false;
  for (let i = 0; i < n; i++) {
    const c = i < s.length ? s.charCodeAt(i) : 46;
    if (c === 92) {
      // '\\'
      escape = !escape;
      if (off + 1 > LENMSG) return false;
      if (isDDD(s, i + 1)) {
        i += 3;
        pos += 4;
        begin += 3;
      } else {
        // Go skips one byte: a multi-byte character's other bytes are read as plain ones (which end the escape).
        const w = i + 1 < s.length ? utf8Width(s, i + 1) : i + 1 < n ? 1 : 0;
        i += w === 4 ? 2 : 1;
        pos += 1 + w;
        begin++;
        if (w > 1) escape = false;
      }
      wasDot = false;
    } else if (c === 46) {
      escape = false;
      if (i === 0 && n > 1) return false;
      if (wasDot) return false;
      wasDot = true;
      const labelLen = pos - begin;
      if (labelLen >= 64) return false;
      off += 1 + labelLen;
      if (off > LENMSG) return false;
      pos++;
      begin = pos;
    } else {
      escape = false;
      wasDot = false;
      pos += utf8Width(s, i);
    }
  }
  return !escape;
}

/** miekg/dns IsFqdn: ends in a dot that is not escaped (an even run of backslashes before it). */
export function isFqdn(s: string): boolean {
  if (!s.endsWith('.')) return false;
  let slashes = 0;
  for (let i = s.length - 2; i >= 0 && s[i] === '\\'; i--) slashes++;
  return slashes % 2 === 0;
}

/** miekg/dns toAbsoluteName: `@` is the origin, a relative name gets it appended; undefined if bad. */
export function toAbsoluteName(name: string, origin: string): string | undefined {
  if (name === '@') return origin || undefined;
  if (!name || !isDomainName(name)) return undefined;
  if (isFqdn(name)) return name;
  if (!origin) return undefined;
  return origin === '.' ? name + '.' : `${name}.${origin}`;
}

/** The labels of an absolute name, left to right (`www.example.org.` → www, example, org); escaped dots kept. */
export function labels(name: string): string[] {
  if (!name.includes('\\')) return name.split('.').filter((l) => l.length > 0);
  const out: string[] = [];
  let cur = '';
  for (let i = 0; i < name.length; i++) {
    const c = name[i]!;
    if (c === '\\' && i + 1 < name.length) {
      cur += c + name[i + 1];
      i++;
    } else if (c === '.') {
      if (cur) out.push(cur);
      cur = '';
    } else cur += c;
  }
  if (cur) out.push(cur);
  return out;
}

export const fromLabels = (ls: readonly string[]): string => (ls.length ? ls.join('.') + '.' : '.');

/** The canonical form CoreDNS compares names in: lower case, absolute. */
export function canonical(name: string): string {
  const n = name.toLowerCase();
  return isFqdn(n) ? n : n + '.';
}

/** dns.IsSubDomain: `child` is `parent` or below it (both canonical). */
export function isSubDomain(parent: string, child: string): boolean {
  if (parent === '.') return true;
  return child === parent || child.endsWith('.' + parent);
}

/** miekg/dns stringToTTL: digits with optional units s m h d w (any case, summed: `1h30m`); at most 2^32-1. */
export function stringToTTL(token: string): number | undefined {
  let s = 0;
  let i = 0;
  const units: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400, w: 604800 };
  for (const c of token) {
    const u = units[c.toLowerCase()];
    if (u !== undefined) {
      s += i * u;
      i = 0;
    } else if (isDigit(c)) i = i * 10 + (c.charCodeAt(0) - 48);
    else return undefined;
  }
  return s + i > 0xffffffff ? undefined : s + i;
}

/** The PTR name of an address: `4.3.2.1.in-addr.arpa.`, or the nibbles under `ip6.arpa.`. */
export function reverseName(address: string): string | undefined {
  const a = parseAddr(address);
  if (!a) return undefined;
  if (a.family === 4) return [0n, 8n, 16n, 24n].map((k) => String((a.value >> k) & 255n)).join('.') + '.in-addr.arpa.';
  const hex = a.value.toString(16).padStart(32, '0');
  return [...hex].reverse().join('.') + '.ip6.arpa.';
}
