/**
 * How BIND 9.18's tools write a DNS message's parts (lib/dns/masterdump.c, rdata/*.c totext), shared
 * by dig, host and nslookup (a record's data in presentation form is dns/zone/rdata.ts's rdataText): dig's tab-aligned columns (owner,
 * TTL at 24, class at 32, type at 40, data at 48, tab stops of 8, masterdump.c's `indent`), and a
 * message's size on the wire (dns/wire.ts), which dig prints as `MSG SIZE  rcvd:`.
 */
import type { Question, RR } from '../../dns/msg';
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

// A message's size on the wire is dns/wire.ts's (CoreDNS's log plugin counts it too).
export { replySize, wireSize, type Compression } from '../../dns/wire';
