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
import type { Rcode, DnsMessage } from '../msg';
import type { ResolvConf } from '../files/resolvconf';
import { exchange, type ExchangeResult } from '../transport/exchange';
import { dnsSummary, questionText } from '../transport/payload';
import type { LookupCtx } from './ctx';
import { makeQuery } from './query';

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

/** The seconds send_dg waits for server `ns` of `nscount`. */
export function serverTimeout(retrans: number, ns: number, nscount: number): number {
  let seconds = retrans << ns;
  if (ns > 0) seconds = Math.trunc(seconds / nscount);
  return seconds <= 0 ? 1 : seconds;
}

/** The rotation offset of this lookup's res_send calls (glibc starts from a random one; here from 0, counted per session and endpoint). */
function rotateOffset(ctx: LookupCtx, nscount: number): number {
  if (nscount <= 1) return 0;
  const key = `glibc-rotate:${ctx.req.from.host}/${ctx.req.from.netns}`;
  const n = (ctx.session.state.get(key) as number | undefined) ?? 0;
  ctx.session.state.set(key, n + 1);
  return n % nscount;
}

interface One {
  readonly result?: ExchangeResult;
  readonly skipped?: boolean;
}

/** Sends one question to one server, recording the query, its legs and steps. */
export function sendOne(ctx: LookupCtx, server: string, port: number, msg: DnsMessage, timeoutMs: number, tries = 1): One {
  if (!ctx.canSend()) return { skipped: true };
  const r = exchange(ctx.world, { from: ctx.req.from, server, port, msg, session: ctx.session, timeoutMs, tries });
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
    data: { legs },
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
  const single = conf.flags.has('single-request') || conf.flags.has('single-request-reopen');
  const offset = rotate ? rotateOffset(ctx, nscount) : 0;
  const msgs = questions.map((q) =>
    makeQuery(q.name, q.type, { id: ctx.id(), ...(conf.flags.has('edns0') ? { edns: { udpSize: 1200, do: false } } : {}) }),
  );
  let gotSomewhere = false;
  let lastRcode: Rcode | undefined;
  for (let attempt = 0; attempt < conf.attempts.value; attempt++) {
    for (let shift = 0; shift < nscount; shift++) {
      let ns = shift + offset;
      if (ns >= nscount) ns -= nscount;
      const server = servers[ns]!.address;
      const waitMs = serverTimeout(conf.timeout.value, ns, nscount) * 1000;
      const got: (DnsMessage | undefined)[] = msgs.map(() => undefined);
      let spent = 0;
      let unreachable = false;
      let timedOut = false;
      // Both questions go out together (parallel waits: the longer counts), or one after the other.
      const round = (which: number[], perTry: number): void => {
        let longest = 0;
        for (const i of which) {
          const one = sendOne(ctx, server, 53, msgs[i]!, perTry);
          if (!one.result) return;
          const r = one.result;
          if (single) spent += r.elapsedMs;
          else longest = Math.max(longest, r.elapsedMs);
          if (r.status === 'reply') {
            gotSomewhere = true;
            lastRcode = r.reply!.rcode;
            got[i] = r.reply;
          } else if (r.status === 'unreachable') unreachable = true;
          else timedOut = true;
          if (single && r.status !== 'reply') break;
        }
        if (!single) spent += longest;
      };
      round(
        msgs.map((_, i) => i),
        waitMs,
      );
      if (msgs.length === 2 && !single && !unreachable && got.some((m) => m) && got.some((m) => !m) && timedOut) {
        // One answer of two: glibc retries in single-request mode, then single-request-reopen, keeping the answer it has.
        ctx.step(
          'note',
          loc(
            'Only one of the two answers came: glibc sends the questions again one after the other (single-request), as options single-request would.',
            '두 응답 중 하나만 왔습니다. glibc는 options single-request처럼 질의를 하나씩 차례로 다시 보냅니다.',
          ),
        );
        const missing = got.map((m, i) => (m ? -1 : i)).filter((i) => i >= 0);
        for (let k = 0; k < 2 && missing.some((i) => !got[i]); k++) {
          timedOut = false;
          round(missing, waitMs);
        }
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
