/**
 * Domain names and TTLs as miekg/dns reads them in a zone file (IsDomainName, toAbsoluteName,
 * stringToTTL), and the label arithmetic CoreDNS's `file` plugin does on them.
 */
import { parseAddr } from '../../net/addr';

const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';

/** miekg/dns IsDomainName: no empty label, none over 63 octets, at most 255 in all; escapes count as one. */
export function isDomainName(s: string): boolean {
  if (!s.length) return false;
  if (!s.endsWith('.') || s.endsWith('\\.')) s += '.';
  let off = 0;
  let begin = 0;
  let wasDot = false;
  let escape = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '\\') {
      escape = !escape;
      if (off + 1 > 256) return false;
      if (isDigit(s[i + 1]) && isDigit(s[i + 2]) && isDigit(s[i + 3])) {
        i += 3;
        begin += 3;
      } else {
        i++;
        begin++;
      }
      wasDot = false;
    } else if (c === '.') {
      escape = false;
      if (i === 0 && s.length > 1) return false;
      if (wasDot) return false;
      wasDot = true;
      const labelLen = i - begin;
      if (labelLen >= 64) return false;
      off += 1 + labelLen;
      if (off > 256) return false;
      begin = i + 1;
    } else {
      escape = false;
      wasDot = false;
    }
  }
  return !escape;
}

const isFqdn = (s: string): boolean => {
  if (!s.endsWith('.')) return false;
  let slashes = 0;
  for (let i = s.length - 2; i >= 0 && s[i] === '\\'; i--) slashes++;
  return slashes % 2 === 0;
};

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
