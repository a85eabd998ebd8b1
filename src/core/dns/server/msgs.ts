/** miekg/dns's message helpers as CoreDNS's plugins use them: SetReply, SetRcode, the scrub writer's EDNS. */
import type { DnsMessage, Rcode, RR } from '../msg';
import type { RData, ZoneRecord } from '../zone/types';
import { rdataText } from '../zone/rdata';

/** `m.SetReply(r)`: the id, the question, RD and CD copied; QR set; NOERROR; no records. */
export function setReply(r: DnsMessage): DnsMessage {
  return {
    id: r.id,
    response: true,
    opcode: 'QUERY',
    aa: false,
    tc: false,
    rd: r.rd,
    ra: false,
    ad: false,
    cd: r.cd,
    rcode: 'NOERROR',
    question: r.question.slice(0, 1),
    answer: [],
    authority: [],
    additional: [],
  };
}

/** `m.SetRcode(r, rc)`: the reply with only an rcode (what the server writes for SERVFAIL, REFUSED...). */
export function setRcode(r: DnsMessage, rcode: Rcode): DnsMessage {
  return { ...setReply(r), rcode };
}

/**
 * request.SizeAndDo, which CoreDNS's scrub writer applies to every reply: an OPT record when the query
 * had one. A reply that has its own (an upstream's, through forward) keeps its options; else the
 * query's OPT is reused with the options CoreDNS supports (request/edns.go supportedOptions: NSID,
 * EXPIRE, COOKIE, TCP keepalive, padding), so dig's client cookie comes back: `; COOKIE: ... (echoed)`.
 */
export function sizeAndDo(q: DnsMessage, m: DnsMessage): DnsMessage {
  if (!q.edns) {
    if (!m.edns) return m;
    const { edns: _drop, ...rest } = m;
    void _drop;
    return rest;
  }
  const cookie = m.edns ? m.edns.cookie : q.edns.cookie;
  return { ...m, edns: { udpSize: q.edns.udpSize, do: q.edns.do, ...(cookie ? { cookie } : {}) } };
}

export function rr(name: string, ttl: number, data: RData, cls = 'IN'): RR {
  return { name, ttl, cls, type: data.type === 'OTHER' ? 'TYPE' : data.type, data };
}

/** A zone file's record as a message's RR, its line kept as the source. */
export function fromZone(z: ZoneRecord): RR {
  return { name: z.name, ttl: z.ttl, cls: z.cls, type: z.type, data: z.data, source: z.range };
}

/** `state.Name()`: the question's name, lower-cased (what most plugins answer with). */
export function qname(m: DnsMessage): string {
  return (m.question[0]?.name ?? '.').toLowerCase();
}

export function qtype(m: DnsMessage): string {
  return (m.question[0]?.type ?? 'A').toUpperCase();
}

/** plugin.Zones(zones).Matches(name): the longest zone `name` is in, or ''. */
export function matchZone(zones: readonly string[], name: string): string {
  const n = name.toLowerCase();
  let best = '';
  for (const z of zones) {
    const zl = z.toLowerCase();
    if ((zl === '.' || n === zl || n.endsWith(`.${zl}`)) && zl.length > best.length) best = zl;
  }
  return best;
}

/** A record's data in presentation form, for steps (an SOA only up to its serial). */
export function short(r: RR): string {
  const d = r.data;
  return d.type === 'SOA' ? `${d.mname} ${d.rname} ${d.serial}` : rdataText(d);
}
