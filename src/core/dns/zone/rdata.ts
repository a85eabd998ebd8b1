/**
 * A record's data, field by field, as miekg/dns's parse functions (scan_rr.go) read it, with their
 * error words (`bad A A`, `bad MX Pref`, `bad SOA zone parameter`, `garbage after rdata`).
 */
import { formatAddr, parseAddr } from '../../net/addr';
import type { Tok } from './lex';
import { stringToTTL, toAbsoluteName } from './names';
import type { RData } from './types';

export interface RDataError {
  /** miekg/dns's words, without the `dns: ` prefix. */
  readonly message: string;
  /** The word it is about; undefined when the record ended before it. */
  readonly tok: Tok | undefined;
  /** `garbage after rdata` (a syntax error) rather than a bad field. */
  readonly garbage?: boolean;
}

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

/** Go's strconv.ParseUint(s, 10, bits). */
function uint(s: string | undefined, max: number): number | undefined {
  if (s === undefined || !/^\d+$/.test(s)) return undefined;
  const n = Number(s);
  return n <= max ? n : undefined;
}

/** The data of a record of `type` from its words (those after the type); `origin` completes relative names. */
export function parseRData(type: string, toks: readonly Tok[], origin: string): RData | RDataError {
  let k = 0;
  const next = (): Tok | undefined => toks[k++];
  const bad = (message: string, tok: Tok | undefined): RDataError => ({ message, tok });
  const name = (t: Tok | undefined): string | undefined => (t && !t.quoted ? toAbsoluteName(t.text, origin) : undefined);
  const done = (d: RData): RData | RDataError => (k < toks.length ? { message: 'garbage after rdata', tok: toks[k], garbage: true } : d);
  switch (type) {
    case 'A': {
      const t = next();
      return t && !t.quoted && IPV4.test(t.text) ? done({ type, address: t.text }) : bad('bad A A', t);
    }
    case 'AAAA': {
      const t = next();
      const a = t && !t.quoted && t.text.includes(':') ? parseAddr(t.text) : undefined;
      // Held as an address (miekg/dns's net.IP), so shown in its one form: 2001:DB8:0::1 is 2001:db8::1.
      return a ? done({ type, address: formatAddr(a) }) : bad('bad AAAA AAAA', t);
    }
    case 'CNAME':
    case 'PTR': {
      const t = next();
      const n = name(t);
      return n ? done({ type, target: n }) : bad(type === 'CNAME' ? 'bad CNAME Target' : 'bad PTR Ptr', t);
    }
    case 'NS': {
      const t = next();
      const n = name(t);
      return n ? done({ type, host: n }) : bad('bad NS Ns', t);
    }
    case 'MX': {
      const p = next();
      const pref = uint(p?.quoted ? undefined : p?.text, 0xffff);
      if (pref === undefined) return bad('bad MX Pref', p);
      const t = next();
      const n = name(t);
      return n ? done({ type, preference: pref, exchange: n }) : bad('bad MX Mx', t);
    }
    case 'SRV': {
      const nums: number[] = [];
      for (const field of ['Priority', 'Weight', 'Port']) {
        const t = next();
        const v = uint(t?.quoted ? undefined : t?.text, 0xffff);
        if (v === undefined) return bad(`bad SRV ${field}`, t);
        nums.push(v);
      }
      const t = next();
      const n = name(t);
      return n ? done({ type, priority: nums[0]!, weight: nums[1]!, port: nums[2]!, target: n }) : bad('bad SRV Target', t);
    }
    case 'SOA': {
      const m = next();
      const mname = name(m);
      if (!mname) return bad('bad SOA Ns', m);
      const r = next();
      const rname = name(r);
      if (!rname) return bad('bad SOA Mbox', r);
      const v: number[] = [];
      for (let i = 0; i < 5; i++) {
        const t = next();
        // The serial is a number; the timers may have units (1h, 2w).
        const n = t && !t.quoted ? (uint(t.text, 0xffffffff) ?? (i > 0 ? stringToTTL(t.text) : undefined)) : undefined;
        if (n === undefined) return bad('bad SOA zone parameter', t);
        v.push(n);
      }
      return done({ type, mname, rname, serial: v[0]!, refresh: v[1]!, retry: v[2]!, expire: v[3]!, minimum: v[4]! });
    }
    case 'TXT': {
      // Each word is a string, quoted or not; a long one is cut in strings of 255 octets.
      const strings: string[] = [];
      for (const t of toks) for (let p = 0; p === 0 || p < t.text.length; p += 255) strings.push(t.text.slice(p, p + 255));
      return { type, strings };
    }
    default:
      return { type: 'OTHER', text: toks.map((t) => (t.quoted ? `"${t.text}"` : t.text)).join(' ') };
  }
}

/** A record's data as dig prints it (RFC 1035 presentation form). */
export function rdataText(d: RData): string {
  switch (d.type) {
    case 'A':
    case 'AAAA':
      return d.address;
    case 'CNAME':
    case 'PTR':
      return d.target;
    case 'NS':
      return d.host;
    case 'MX':
      return `${d.preference} ${d.exchange}`;
    case 'SRV':
      return `${d.priority} ${d.weight} ${d.port} ${d.target}`;
    case 'SOA':
      return `${d.mname} ${d.rname} ${d.serial} ${d.refresh} ${d.retry} ${d.expire} ${d.minimum}`;
    case 'TXT':
      return d.strings.map((s) => `"${s}"`).join(' ');
    case 'OTHER':
      return d.text;
  }
}
