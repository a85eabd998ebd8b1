/**
 * glibc 2.36's res_send over the simulated network (resolv/res_send.c __res_context_send and
 * send_dg): `attempts` rounds over the name servers (from a rotating offset with `options
 * rotate`), each server waited for `(timeout << ns) / nscount` seconds (ns its index; at least 1;
 * the first server's own timeout undivided). A SERVFAIL, NOTIMP or REFUSED answer, or a NOERROR
 * answer with no records and neither AA nor RA (a server that will not recurse), sends the query
 * on to the next server; an ICMP error ends the wait for that server at once (IP_RECVERR). With
 * two questions (getaddrinfo's A and AAAA) both are sent together (sendmmsg) unless
 * `single-request`; when only one of the two answers comes, glibc sends them again one after the
 * other (single-request), then with a new socket each (single-request-reopen), and keeps the one
 * answer it has.
 */
import { loc } from '../../text/i18n';
import type { SourceRef } from '../../sim/model';
import type { Rcode, DnsMessage } from '../msg';
import type { ResolvConf } from '../files/resolvconf';
import { exchange, type ExchangeResult } from '../transport/exchange';
import { dnsSummary, questionText } from '../transport/payload';
import type { LookupCtx } from './ctx';
import { makeQuery } from '../msg';

export interface SendResult {
  /** The answer taken for each question (undefined: none). */
  readonly replies: readonly (DnsMessage | undefined)[];
  /** Some server answered, or a wait ran out (glibc's `gotsomewhere`): ETIMEDOUT, not ECONNREFUSED, when nothing was taken. */
  readonly gotSomewhere: boolean;
  /** The rcode of the last answer received (glibc's answer buffer), when nothing was taken. */
  readonly lastRcode?: Rcode;
}

/** An answer glibc does not take from this server (res_send.c: SERVFAIL, NOTIMP, REFUSED; a lame NOERROR). */
export function refusedAnswer(m: DnsMessage): boolean {
  if (m.rcode === 'SERVFAIL' || m.rcode === 'NOTIMP' || m.rcode === 'REFUSED') return true;
  return m.rcode === 'NOERROR' && m.answer.length === 0 && !m.aa && !m.ra && m.additional.length === 0;
}

/**
 * How long a TCP query waits when nothing answers its SYN: glibc's send_vc has no timeout of its own,
 * so connect() waits for the kernel's SYN retries (tcp_syn_retries 6: 1+2+4+8+16+32+64 s).
 */
export const TCP_CONNECT_MS = 127_000;

/** The seconds send_dg waits for server `ns` of `nscount`. */
export function serverTimeout(retrans: number, ns: number, nscount: number): number {
  let seconds = retrans << ns;
  if (ns > 0) seconds = Math.trunc(seconds / nscount);
  return seconds <= 0 ? 1 : seconds;
}

/**
 * The rotation offset of this lookup's res_send calls (glibc's nameserver_offset: a random start for
 * each process, then one on per call; here from 0, counted per session and endpoint). The first
 * rotation says so in a step: a real program may start at any of the servers.
 */
function rotateOffset(ctx: LookupCtx, conf: ResolvConf): number {
  const nscount = conf.nameservers.length;
  if (nscount <= 1) return 0;
  const key = `glibc-rotate:${ctx.req.from.host}/${ctx.req.from.netns}`;
  const n = (ctx.session.state.get(key) as number | undefined) ?? 0;
  ctx.session.state.set(key, n + 1);
  if (n === 0) {
    const first = conf.nameservers[0]!;
    ctx.step(
      'note',
      loc(
        `options rotate: glibc starts each program at a random nameserver, then takes the next one for each query; here the first is ${first.address}, and each query takes the next.`,
        `options rotate: glibc는 프로그램마다 무작위 nameserver에서 시작해 질의마다 다음 서버로 넘어갑니다. 여기서는 ${first.address}에서 시작해 질의마다 다음 서버로 넘어갑니다.`,
      ),
      first.range ? { source: first.range } : {},
    );
  }
  return n % nscount;
}

/** How send_dg sends two questions: together, one after the other, or one after the other from a new socket. */
export type Mode = 'parallel' | 'single' | 'reopen';

interface One {
  readonly result?: ExchangeResult;
  readonly skipped?: boolean;
}

export interface SendOne {
  readonly server: string;
  readonly port?: number;
  readonly msg: DnsMessage;
  readonly timeoutMs: number;
  readonly proto?: 'udp' | 'tcp';
  /** Where the server comes from (its resolv.conf line), for the query step. */
  readonly source?: SourceRef;
}

/** Sends one question to one server once, recording the query, its legs and steps. */
export function sendOne(ctx: LookupCtx, o: SendOne): One {
  const { server, msg, timeoutMs } = o;
  const port = o.port ?? 53;
  if (!ctx.canSend()) return { skipped: true };
  const r = exchange(ctx.world, { from: ctx.req.from, server, port, msg, session: ctx.session, timeoutMs, proto: o.proto ?? 'udp' });
  const legs = ctx.addLegs(r.legs);
  const q = msg.question[0]!;
  const index = ctx.queries.length;
  ctx.queries.push({
    name: q.name,
    type: q.type,
    server: `${server}#${port}`,
    rcode: r.status === 'reply' ? r.reply!.rcode : r.status === 'timeout' ? 'TIMEOUT' : 'UNREACHABLE',
    ...(r.reply ? { reply: r.reply } : {}),
    legs,
  });
  ctx.warn(r.warnings);
  const qt = questionText(msg);
  ctx.step('query', loc(`Query ${qt} to ${server}#${port}.`, `${server}#${port}에 ${qt} 질의를 보냅니다.`), {
    query: index,
    ...(o.source ? { source: o.source } : {}),
    data: { legs, timeoutMs },
  });
  for (const leg of r.legs) {
    for (const s of leg.steps) {
      if (s.data?.['dnsServer'] === undefined) continue;
      const plugin = s.data['plugin'] as string | undefined;
      ctx.step('server', s.detail, {
        query: index,
        ...(s.source ? { source: s.source } : {}),
        ...(plugin ? { plugin } : {}),
        data: { host: s.host, netns: s.netns },
      });
    }
  }
  if (r.status === 'reply') {
    const text = dnsSummary(r.reply!);
    ctx.step('answer', loc(`Answer from ${server}#${port}: ${text}`, `${server}#${port}의 응답: ${text}`), { query: index });
  } else if (r.status === 'timeout') {
    ctx.step('timeout', r.reason, { query: index, ...(r.source ? { source: r.source } : {}), data: { waitedMs: r.elapsedMs } });
  } else {
    ctx.step('note', r.reason, { query: index, ...(r.source ? { source: r.source } : {}) });
  }
  return { result: r };
}

/** res_send for `names`' questions (one or two: A and AAAA). */
export function resSend(ctx: LookupCtx, conf: ResolvConf, questions: readonly { name: string; type: string }[]): SendResult {
  const servers = conf.nameservers;
  const nscount = servers.length;
  const rotate = conf.flags.has('rotate');
  const reopen = conf.flags.has('single-request-reopen');
  const single = conf.flags.has('single-request');
  const offset = rotate ? rotateOffset(ctx, conf) : 0;
  const msgs = questions.map((q) =>
    makeQuery(q.name, q.type, { id: ctx.id(), ...(conf.flags.has('edns0') ? { edns: { udpSize: 1200, do: false } } : {}) }),
  );
  let gotSomewhere = false;
  // TCP (a virtual circuit): with options use-vc, or after a truncated answer; one try per server then.
  let vc = conf.flags.has('use-vc');
  let lastRcode: Rcode | undefined;
  for (let attempt = 0; attempt < (vc ? 1 : conf.attempts.value); attempt++) {
    for (let shift = 0; shift < nscount; shift++) {
      let ns = shift + offset;
      if (ns >= nscount) ns -= nscount;
      const server = servers[ns]!.address;
      const src = servers[ns]!.range;
      const waitMs = serverTimeout(conf.timeout.value, ns, nscount) * 1000;
      let got: (DnsMessage | undefined)[] = [];
      let spent = 0;
      let unreachable = false;
      let timedOut = false;
      // One round of send_dg: both questions together (sendmmsg), or one after the other in
      // single-request mode (the second only once the first is answered); a round waits at most waitMs.
      const round = (mode: Mode): void => {
        got = msgs.map(() => undefined);
        unreachable = false;
        timedOut = false;
        let waited = 0;
        for (let i = 0; i < msgs.length; i++) {
          const one = vc
            ? sendOne(ctx, { server, msg: msgs[i]!, timeoutMs: TCP_CONNECT_MS, proto: 'tcp', ...(src ? { source: src } : {}) })
            : sendOne(ctx, { server, msg: msgs[i]!, timeoutMs: waitMs, ...(src ? { source: src } : {}) });
          if (!one.result) break;
          const r = one.result;
          waited = mode === 'parallel' && !vc ? Math.max(waited, r.elapsedMs) : waited + r.elapsedMs;
          if (r.status === 'reply' && r.reply!.tc && !vc) {
            // A truncated answer: the same server again over TCP, each question once (send_vc), and TCP from then on.
            ctx.step(
              'note',
              loc(
                `The answer is truncated (TC): glibc asks ${server} again over TCP.`,
                `응답이 잘렸습니다(TC). glibc가 ${server}에 TCP로 다시 질의합니다.`,
              ),
            );
            vc = true;
            round(mode);
            return;
          }
          if (r.status === 'reply') {
            gotSomewhere = true;
            lastRcode = r.reply!.rcode;
            got[i] = r.reply;
          } else if (r.status === 'unreachable') unreachable = true;
          else timedOut = true;
          if ((mode !== 'parallel' || vc) && r.status !== 'reply') break;
        }
        spent += vc ? waited : Math.min(waited, waitMs);
      };
      let mode: Mode = ctx.singleRequest ?? (reopen ? 'reopen' : single ? 'single' : 'parallel');
      round(mode);
      // One answer of two and a wait that ran out: glibc sends both again one after the other
      // (single-request), then from a new socket (single-request-reopen), and keeps what it has;
      // the mode stays for the rest of the lookup (statp->options).
      while (msgs.length === 2 && !unreachable && timedOut && got.some((m) => m) && mode !== 'reopen') {
        mode = mode === 'parallel' ? 'single' : 'reopen';
        ctx.singleRequest = mode;
        ctx.step(
          'note',
          mode === 'single'
            ? loc(
                'Only one of the two answers came: glibc switches to single-request (as the option would) and sends both again, one after the other.',
                '두 응답 중 하나만 왔습니다. glibc는 single-request 방식으로 바꿔(옵션을 준 것처럼) 두 질의를 하나씩 차례로 다시 보냅니다.',
              )
            : loc(
                'Still one answer of two: glibc switches to single-request-reopen and sends both again from a new socket.',
                '여전히 두 응답 중 하나만 왔습니다. glibc는 single-request-reopen 방식으로 바꿔 새 소켓에서 두 질의를 다시 보냅니다.',
              ),
        );
        round(mode);
      }
      ctx.elapsedMs += spent;
      const taken = got.filter((m) => m && !refusedAnswer(m));
      if (taken.length > 0) return { replies: got.map((m) => (m && !refusedAnswer(m) ? m : undefined)), gotSomewhere: true };
      if (ctx.exhausted) return { replies: got.map(() => undefined), gotSomewhere, ...(lastRcode ? { lastRcode } : {}) };
      if (timedOut) gotSomewhere = true;
    }
  }
  return { replies: msgs.map(() => undefined), gotSomewhere, ...(lastRcode ? { lastRcode } : {}) };
}
