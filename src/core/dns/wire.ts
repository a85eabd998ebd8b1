/**
 * A DNS message's size on the wire (RFC 1035 §4.1), with its OPT record (RFC 6891): what dig prints
 * as `MSG SIZE  rcvd:` and what CoreDNS's log plugin prints as the request's and the reply's size.
 */
import type { DnsMessage } from './msg';
import type { RData } from './zone/types';

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
