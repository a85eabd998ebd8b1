/** A toy DNS server (a static table) and a small world for the transport and resolver tests. */
import type { DnsMessage, DnsServer, RR, ServerOutcome, ServerStep } from '../../src/core/dns/msg';
import { dnsServerApp } from '../../src/core/dns/transport/index';
import { bindSocket } from '../../src/core/sim/kernel';
import { parseAddr } from '../../src/core/net/addr';
import type { Netns } from '../../src/core/sim/model';
import { loc } from '../../src/core/text/i18n';
import { resolveName } from '../../src/core/dns/resolver/index';
import { newSession } from '../../src/core/dns/msg';
import type { LookupRequest, LookupTool } from '../../src/core/dns/lookup';
import { writeFile } from '../../src/core/sim/kernel';
import { gatewayWorld, type W } from './world';

/** A record in the toy table: `web.example.com. A 10.0.0.5`. */
export function rr(text: string, ttl = 30): RR {
  const [name, type, ...rest] = text.split(/\s+/);
  const v = rest.join(' ');
  const data =
    type === 'A' || type === 'AAAA'
      ? { type, address: v }
      : type === 'CNAME' || type === 'PTR'
        ? { type, target: v }
        : { type: 'OTHER' as const, text: v };
  return { name: name!, ttl, cls: 'IN', type: type!, data: data as RR['data'] };
}

export function response(q: DnsMessage, rcode: DnsMessage['rcode'], answer: RR[] = [], aa = true): DnsMessage {
  return { ...q, response: true, aa, ra: true, rcode, answer, authority: [], additional: [] };
}

/**
 * A static server: names it knows (any type it has: NOERROR; other types: NODATA), the rest
 * NXDOMAIN; a CNAME is followed within the table. `log` records every query it handled.
 */
export class ToyServer implements DnsServer {
  readonly log: string[] = [];
  constructor(
    readonly records: RR[],
    readonly name = 'toydns',
    readonly opts: {
      rcode?: DnsMessage['rcode'];
      drop?: boolean;
      dropTypes?: string[];
      truncateUdp?: boolean;
      noRa?: boolean;
      forward?: { addr: string; port: number }[];
      waitedMs?: number;
    } = {},
  ) {}

  handle(q: { msg: DnsMessage; proto?: 'udp' | 'tcp' }): ServerOutcome {
    const question = q.msg.question[0]!;
    this.log.push(`${question.type}? ${question.name}${q.proto === 'tcp' ? ' tcp' : ''}`);
    const steps: ServerStep[] = [{ plugin: 'toy', detail: loc(`toy looks up ${question.name}`, `toy: ${question.name} 조회`) }];
    if (this.opts.drop || this.opts.dropTypes?.includes(question.type))
      return { kind: 'drop', steps, reason: loc('toy drops it', 'toy가 버립니다') };
    if (this.opts.truncateUdp && q.proto === 'udp') return { kind: 'reply', msg: { ...response(q.msg, 'NOERROR'), tc: true }, steps };
    if (this.opts.rcode) return { kind: 'reply', msg: response(q.msg, this.opts.rcode), steps };
    if (this.opts.forward) return this.forward(q.msg, steps, 0);
    const msg = this.answer(q.msg);
    return { kind: 'reply', msg: this.opts.noRa ? { ...msg, ra: false } : msg, steps };
  }

  private forward(msg: DnsMessage, steps: ServerStep[], i: number): ServerOutcome {
    const to = this.opts.forward![i];
    if (!to)
      return {
        kind: 'reply',
        msg: response(msg, 'SERVFAIL'),
        steps: [...steps, { plugin: 'forward', detail: loc('no upstream left', '남은 업스트림이 없습니다') }],
      };
    return {
      kind: 'forward',
      to: { ...to, proto: 'udp' },
      msg,
      steps,
      then: (a) =>
        a.ok
          ? {
              kind: 'reply',
              msg: { ...a.msg, id: msg.id },
              steps: [{ plugin: 'forward', detail: loc(`answer from ${to.addr}`, `${to.addr}의 응답`) }],
            }
          : this.forward(
              msg,
              [
                {
                  plugin: 'forward',
                  detail: loc(`${to.addr}: ${a.why}`, `${to.addr}: ${a.why}`),
                  data: { waitedMs: a.why === 'timeout' ? (this.opts.waitedMs ?? 0) : 0 },
                },
              ],
              i + 1,
            ),
    };
  }

  answer(q: DnsMessage): DnsMessage {
    const question = q.question[0]!;
    let name = question.name.toLowerCase();
    const answer: RR[] = [];
    for (let hops = 0; hops < 8; hops++) {
      const cname = this.records.find((r) => r.type === 'CNAME' && r.name === name);
      if (!cname || question.type === 'CNAME') break;
      answer.push(cname);
      name = (cname.data as { target: string }).target;
    }
    const found = this.records.filter((r) => r.name === name && r.type === question.type);
    answer.push(...found);
    const exists = this.records.some((r) => r.name === name) || answer.length > 0;
    return response(q, exists ? 'NOERROR' : 'NXDOMAIN', answer);
  }
}

/** Puts `server` on udp/53 (and tcp/53) of `ns`. */
export function serveDns(ns: Netns, server: DnsServer, addr?: string): void {
  const owner = dnsServerApp(server);
  for (const proto of ['udp', 'tcp'] as const) {
    bindSocket(ns.host, { proto, port: 53, netns: ns.name, ...(addr ? { addr: parseAddr(addr)! } : {}), owner });
  }
}

// ---------------------------------------------------------------------------------------------
// A resolver lab: a asks; b (192.168.2.10) serves, and r (192.168.1.1) when asked to.

export const RESOLVER_RECORDS = [
  rr('web.example.com. A 10.0.0.5'),
  rr('www.example.com. CNAME web.example.com.'),
  rr('v6.example.com. AAAA 2001:db8::5'),
  rr('txt.example.com. TXT hello'),
  rr('web.a.test. A 10.0.0.7'),
  rr('5.0.0.10.in-addr.arpa. PTR web.example.com.'),
];

/** a asks; b (192.168.2.10) and r (192.168.1.1) can serve. */
export function resolverLab(
  resolv: string,
  opts: { hosts?: string; nsswitch?: string; onR?: boolean } = {},
): { w: W; b: ToyServer; r: ToyServer } {
  const w = gatewayWorld(true);
  const b = new ToyServer(RESOLVER_RECORDS, 'dns-b');
  const r = new ToyServer(RESOLVER_RECORDS, 'dns-r');
  serveDns(w.ns('b'), b);
  if (opts.onR) serveDns(w.ns('r'), r);
  const a = w.world.hosts.get('a')!;
  writeFile(a, '/etc/resolv.conf', resolv);
  if (opts.hosts !== undefined) writeFile(a, '/etc/hosts', opts.hosts);
  if (opts.nsswitch !== undefined) writeFile(a, '/etc/nsswitch.conf', opts.nsswitch);
  return { w, b, r };
}

export const ask = (w: W, name: string, tool: LookupTool = 'getaddrinfo', extra: Partial<LookupRequest> = {}, session = newSession()) =>
  resolveName(w.world, { from: { host: 'a', netns: '' }, name, tool, ...extra }, session);

export const queries = (l: ReturnType<typeof ask>) => l.queries.map((q) => `${q.type}? ${q.name} @${q.server} ${q.rcode}`);
export const answers = (l: ReturnType<typeof ask>) => l.answers.map((a) => `${a.name} ${a.type} ${a.data}`);
