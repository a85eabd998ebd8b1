/**
 * How BIND 9.18's tools write a DNS message's parts (lib/dns/masterdump.c, rdata/*.c totext), shared
 * by dig, host and nslookup (a record's data in presentation form is dns/zone/rdata.ts's rdataText): dig's tab-aligned columns (owner,
 * TTL at 24, class at 32, type at 40, data at 48, tab stops of 8, masterdump.c's `indent`), and a
 * message's size on the wire (RFC 1035 §4.1), which dig prints as `MSG SIZE  rcvd:`.
 */
import type { DnsMessage, Question, RR } from '../../dns/msg';
import type { RData } from '../../dns/zone/types';
import { rdataText } from '../../dns/zone/rdata';

/** A name as `dns_name_format` prints it (host's and nslookup's owners): without the final dot, `.` for the root. */
export function bare(name: string): string {
  return name === '.' || !name.endsWith('.') ? name : name.slice(0, -1);
}

/** Tabs, then spaces, from column `from` to column `to` (at least one character), as masterdump.c's `indent`. */
function indent(from: number, to: number): { text: string; col: number } {
  const end = Math.max(to, from + 1);
  const tabs = Math.max(0, Math.floor(end / 8) - Math.floor(from / 8));
  const at = tabs > 0 ? Math.floor(end / 8) * 8 : from;
  return { text: '\t'.repeat(tabs) + ' '.repeat(end - at), col: end };
}

/** Words laid out at dig's columns: each word after the first starts at its column or one space past the last. */
function columns(words: readonly string[], cols: readonly number[], start = 0): string {
  let out = words[0];
  let col = start + words[0].length;
  for (let i = 1; i < words.length; i++) {
    const gap = indent(col, cols[i - 1]);
    out += gap.text + words[i];
    col = gap.col + words[i].length;
  }
  return out;
}

/** A record as dig prints it in a section: `web.example.com.\t0\tIN\tA\t10.0.0.5`. */
export function digRecord(rr: RR): string {
  return columns([rr.name, String(rr.ttl), rr.cls, rr.type, rdataText(rr.data)], [24, 32, 40, 48]);
}

/** A question as dig prints it: `;web.example.com.\t\tIN\tA` (the `;` is not counted in the columns). */
export function digQuestion(q: Question): string {
  return ';' + columns([q.name, q.cls, q.type], [32, 40]);
}

/**
 * How a server writes names on the wire: `none` (miekg/dns, so CoreDNS, unless the reply is big),
 * `full` (RFC 1035 §4.1.4: owners and the names in CNAME, PTR, NS, MX and SOA data point back to
 * earlier names; RFC 3597 §4: not an SRV's target), `owners` (dnsmasq: owners point back, names in data are written out in full).
 */
export type Compression = 'none' | 'full' | 'owners';

/** The size in bytes of a message as sent, with its OPT record (RFC 6891) when it has EDNS. */
export function wireSize(msg: DnsMessage, compression: Compression): number {
  const seen = new Map<string, number>();
  let size = 12;
  const name = (n: string, compress: boolean): number => {
    const labels = n === '.' ? [] : n.replace(/\.$/, '').split('.');
    let len = 0;
    for (let i = 0; i < labels.length; i++) {
      const suffix = labels.slice(i).join('.').toLowerCase();
      const at = seen.get(suffix);
      if (compress && at !== undefined) return len + 2;
      if (size + len < 0x4000 && at === undefined) seen.set(suffix, size + len);
      len += 1 + byteLength(labels[i]);
    }
    return len + 1;
  };
  const owner = compression !== 'none';
  const inData = compression === 'full';
  for (const q of msg.question) size += name(q.name, owner) + 4;
  for (const rr of [...msg.answer, ...msg.authority, ...msg.additional]) {
    size += name(rr.name, owner) + 10;
    // an SRV target is never compressed (RFC 2782), but later names may point to it
    size += rdataSize(rr.data, (n, compress = inData) => name(n, compress));
  }
  // the OPT record: root owner, type, class, TTL, length (11), and a COOKIE option's code, length and bytes
  return size + (msg.edns ? 11 + (msg.edns.cookie ? 4 + msg.edns.cookie.length / 2 : 0) : 0);
}

/** The size a simulated server's reply has: CoreDNS (request.Scrub) compresses only a UDP reply over 1480 bytes. */
export function replySize(msg: DnsMessage): number {
  const plain = wireSize(msg, 'none');
  return plain > 1480 ? wireSize(msg, 'full') : plain;
}

/** The data's length; `name` writes a name at the current place (its offset is `size` before the call). */
function rdataSize(d: RData, name: (n: string, compress?: boolean) => number): number {
  switch (d.type) {
    case 'A':
      return 4;
    case 'AAAA':
      return 16;
    case 'CNAME':
    case 'PTR':
      return name(d.target);
    case 'NS':
      return name(d.host);
    case 'MX':
      return 2 + name(d.exchange);
    case 'SRV':
      return 6 + name(d.target, false);
    case 'SOA':
      return name(d.mname) + name(d.rname) + 20;
    case 'TXT':
      return d.strings.reduce((n, s) => n + 1 + byteLength(unescape(s)), 0);
    case 'OTHER':
      return byteLength(d.text);
  }
}

/** A character-string's text with its escapes (`\"`, `\DDD`) undone. */
function unescape(s: string): string {
  return s.replace(/\\(\d{3}|.)/g, (_, e: string) => (e.length === 3 ? String.fromCharCode(Number(e)) : e));
}

/** UTF-8 length of a string. */
function byteLength(s: string): number {
  let n = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
  }
  return n;
}
