/**
 * A DNS message as a packet's payload (`Payload.app === 'dns'`): the message in `data.msg`, and the
 * lookup's `DnsSession` in `data.session`.
 *
 * How a session travels: the resolver makes one `DnsSession` per lookup (`newSession()`) and puts it
 * in every query it sends (`dnsPayload(msg, session)`). The walk carries the payload untouched
 * (NAT rewrites addresses and ports, never the payload), so the server's App finds the session
 * beside the query (`sessionOf`) and hands it to `DnsServer.handle`; a forwarded query carries the
 * same session on, so every server a lookup reaches shares it (their caches, a `forward` policy's
 * round robin). A query without a session (a packet a test made) gets a fresh one at the server.
 */
import type { Payload } from '../../datapath/packet';
import { rdataText } from '../zone/rdata';
import { DNS_APP, type DnsMessage, type DnsSession, type RR } from '../msg';

/** `A? web.example.com.` for a query (as tcpdump and dig's +qr show it). */
export function questionText(msg: DnsMessage): string {
  return msg.question.map((q) => `${q.type}? ${q.name}`).join(', ');
}

/** `web.example.com. A 10.0.0.5` */
export function rrText(rr: RR): string {
  return `${rr.name} ${rr.type} ${rdataText(rr.data)}`;
}

/**
 * One line a student reads: `A? web.example.com.` for a query; `NOERROR web.example.com. A 10.0.0.5`
 * for a response with answers (each answer, comma-separated); `NXDOMAIN A? nope.example.com.` for a
 * response without any.
 */
export function dnsSummary(msg: DnsMessage): string {
  if (!msg.response) return questionText(msg);
  if (msg.answer.length === 0) return `${msg.rcode} ${questionText(msg)}`.trimEnd();
  return `${msg.rcode} ${msg.answer.map(rrText).join(', ')}`;
}

export function dnsPayload(msg: DnsMessage, session?: DnsSession): Payload {
  return { app: DNS_APP, summary: dnsSummary(msg), data: session ? { msg, session } : { msg } };
}

/** The DNS message a payload carries, or undefined when it carries none. */
export function messageOf(payload: Payload | undefined): DnsMessage | undefined {
  if (!payload || payload.app !== DNS_APP) return undefined;
  const msg = payload.data?.['msg'] as DnsMessage | undefined;
  return msg && Array.isArray(msg.question) ? msg : undefined;
}

/** The lookup's session a query carries, if any. */
export function sessionOf(payload: Payload | undefined): DnsSession | undefined {
  const s = payload?.data?.['session'] as DnsSession | undefined;
  return s && s.state instanceof Map ? s : undefined;
}
