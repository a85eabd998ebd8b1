/**
 * One DNS query and its answer, walked through the simulated network: the query is a UDP (or TCP)
 * packet from the client to the server's port (`tracePacket`), the server an App on its socket
 * (app.ts), its answer the packet's way back. Pure: the world is not changed.
 *
 * How a try ends, as the client's socket sees it (glibc's send_dg connects its UDP socket and turns
 * on IP_RECVERR, `__res_enable_icmp`, so every ICMP error for it is reported at once):
 * - `reply`: a DNS response came back;
 * - `unreachable`: an ICMP error came back (port unreachable: nothing listens; host or net
 *   unreachable, a REJECT rule), or the client's own kernel refused to send (no route: connect()
 *   fails). No waiting, except for a neighbour that never answered ARP on the client's own link:
 *   the kernel reports it after its probes, ARP_FAIL_MS;
 * - `timeout`: nothing came back in `timeoutMs` (dropped on the way, by a rule, by a server that
 *   does not answer, or an answer that came too late).
 */
import type { Diagnostic } from '../../text/diag';
import { type Localized, loc } from '../../text/i18n';
import type { Endpoint } from '../../net/endpoint';
import type { SourceRef, World } from '../../sim/model';
import { tracePacket } from '../../datapath/walk';
import type { Leg, Verdict } from '../../datapath/trace';
import { DNS_PORT, type DnsMessage, type DnsSession } from '../msg';
import { dnsPayload, dnsSummary, messageOf } from './payload';

/** How long a neighbour that never answers takes to fail: the kernel's 3 ARP probes, 1 s apart (retrans_time_ms 1000, mcast_probes 3). */
export const ARP_FAIL_MS = 3000;

export interface ExchangeRequest {
  readonly from: Endpoint;
  /** The server's address. */
  readonly server: string;
  readonly port?: number;
  readonly msg: DnsMessage;
  readonly proto?: 'udp' | 'tcp';
  readonly session: DnsSession;
  /** How long the client waits for each try, in milliseconds. */
  readonly timeoutMs: number;
  /** How many times the query is sent to this server when no answer comes (1 when absent). */
  readonly tries?: number;
  readonly seed?: number;
}

export type ExchangeStatus = 'reply' | 'timeout' | 'unreachable';

export interface ExchangeResult {
  readonly status: ExchangeStatus;
  readonly reply?: DnsMessage;
  /** How it ended, in a sentence. */
  readonly reason: Localized;
  /** The walk's verdict of the last try. */
  readonly verdict: Verdict;
  readonly source?: SourceRef;
  /** Every try's legs, in order: `query` and `answer`, a server's upstream queries with `parent`. */
  readonly legs: readonly Leg[];
  /** Simulated time, every try's wait included. */
  readonly elapsedMs: number;
  /** How many times the query was sent. */
  readonly sent: number;
  readonly warnings: readonly Diagnostic[];
}

/** Appends `more` to `legs`, moving `answers` and `parent` indexes by the legs already there. */
export function concatLegs(legs: readonly Leg[], more: readonly Leg[]): Leg[] {
  const at = legs.length;
  return [
    ...legs,
    ...more.map((l) => ({
      ...l,
      ...(l.answers !== undefined ? { answers: l.answers + at } : {}),
      ...(l.parent !== undefined ? { parent: l.parent + at } : {}),
    })),
  ];
}

/** A DNS leg's kind and label: `DNS query A? web.example.com. to 10.0.0.53`, `DNS answer NOERROR ... from 10.0.0.53`. */
function dnsLegs(legs: readonly Leg[], server: string): Leg[] {
  return legs.map((l) => {
    const kind = l.kind === 'reply' || l.kind === 'answer' ? 'answer' : 'query';
    if (l.parent !== undefined) return { ...l, kind };
    if (kind === 'query') {
      const q = l.steps[0]?.packet?.payload?.summary ?? '';
      return { ...l, kind, label: loc(`DNS query ${q} to ${server}`, `${server}에 보내는 DNS 질의 ${q}`) };
    }
    const last = l.steps[l.steps.length - 1]?.packet?.payload?.summary;
    return last ? { ...l, kind, label: loc(`DNS answer ${last} from ${server}`, `${server}의 DNS 응답 ${last}`) } : { ...l, kind };
  });
}

/** The time a server said it spent (its steps' `data.waitedMs`), on the query's way. */
export function serverWait(legs: readonly Leg[]): number {
  let ms = 0;
  for (const l of legs) for (const s of l.steps) if (typeof s.data?.['waitedMs'] === 'number') ms += s.data['waitedMs'] as number;
  return ms;
}

const LOCAL_FAIL: ReadonlySet<Verdict> = new Set(['no-route', 'blackhole', 'prohibited', 'unreachable-route', 'host-unreachable']);

export function exchange(world: World, req: ExchangeRequest): ExchangeResult {
  const port = req.port ?? DNS_PORT;
  const tries = Math.max(1, req.tries ?? 1);
  const where = `${req.server}#${port}`;
  let legs: Leg[] = [];
  const warnings: Diagnostic[] = [];
  let elapsed = 0;
  let last: Omit<ExchangeResult, 'legs' | 'elapsedMs' | 'sent' | 'warnings'> | undefined;
  let sent = 0;
  for (let t = 0; t < tries; t++) {
    sent++;
    const r = tracePacket(world, {
      from: req.from,
      to: req.server,
      proto: req.proto ?? 'udp',
      port,
      payload: dnsPayload(req.msg, req.session),
      ...(req.seed !== undefined ? { seed: req.seed } : {}),
    });
    const mine = dnsLegs(r.legs, req.server);
    legs = concatLegs(legs, mine);
    for (const d of r.warnings ?? [])
      if (!warnings.some((x) => x.code === d.code && x.file === d.file && x.line === d.line)) warnings.push(d);
    const src = r.source ? { source: r.source } : {};
    const reply = messageOf(r.answer);
    if (r.replied && reply?.response) {
      const waited = serverWait(mine);
      if (waited < req.timeoutMs) {
        elapsed += waited;
        return { status: 'reply', reply, reason: r.reason, verdict: r.verdict, ...src, legs, elapsedMs: elapsed, sent, warnings };
      }
      elapsed += req.timeoutMs;
      last = {
        status: 'timeout',
        verdict: 'dropped',
        reason: loc(
          `The answer (${dnsSummary(reply)}) would come after ${waited} ms; the client stopped waiting after ${req.timeoutMs} ms.`,
          `응답(${dnsSummary(reply)})은 ${waited} ms 뒤에야 오는데, 클라이언트는 ${req.timeoutMs} ms 만에 기다리기를 멈췄습니다.`,
        ),
      };
      continue;
    }
    const atOrigin = r.reply.steps[r.reply.steps.length - 1];
    const back =
      atOrigin?.stage === 'deliver' && atOrigin.host === req.from.host && atOrigin.netns === req.from.netns ? atOrigin.packet : undefined;
    // An ICMP error, or a TCP reset (connect() refused), back at the client.
    const icmp = back?.icmp ?? (back?.tcp?.flags.includes('R') ? { type: 'tcp-reset' } : undefined);
    const lastReq = r.request.steps[r.request.steps.length - 1];
    const localFail =
      r.reply.steps.length === 0 && LOCAL_FAIL.has(r.verdict) && lastReq?.host === req.from.host && lastReq.netns === req.from.netns;
    if (icmp || localFail) {
      // The neighbour of the client's own link never answered: the error comes after the ARP probes (none when lo is down).
      const arp = localFail && r.verdict === 'host-unreachable';
      const lost = arp && lastReq?.data?.['errorLost'] === 'lo';
      const wait = arp ? ARP_FAIL_MS : 0;
      if (!lost && wait < req.timeoutMs) {
        elapsed += wait;
        return { status: 'unreachable', reason: r.reason, verdict: r.verdict, ...src, legs, elapsedMs: elapsed, sent, warnings };
      }
    }
    elapsed += req.timeoutMs;
    last = {
      status: 'timeout',
      verdict: r.verdict,
      ...src,
      reason: r.replied
        ? loc(`No DNS answer from ${where} in ${req.timeoutMs} ms.`, `${where}에서 ${req.timeoutMs} ms 안에 DNS 응답이 없습니다.`)
        : loc(
            `No DNS answer from ${where} in ${req.timeoutMs} ms: ${r.reason.en}`,
            `${where}에서 ${req.timeoutMs} ms 안에 DNS 응답이 없습니다: ${r.reason.ko}`,
          ),
    };
  }
  return { ...last!, legs, elapsedMs: elapsed, sent, warnings };
}
