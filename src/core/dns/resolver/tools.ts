/**
 * dig, host and nslookup (BIND 9.18, bin/dig/dighost.c and each tool's file): their own queries,
 * never /etc/hosts nor nsswitch.conf. What they read of resolv.conf they read with BIND's own
 * reader (lib/irs/resconf.c): the name servers (none: ::1, then 127.0.0.1),
 * `search`/`domain`, `ndots`, `timeout` (none: 5 s) and `attempts` (none: 3, not glibc's 2).
 *
 * - Tries: dig and nslookup `attempts` (dig +tries=N, +retry=N-1), host 2 (host -R N: N+1). The
 *   first server gets every try; when they are used up each next server gets one (the lookup's
 *   retries are shared, dighost.c), then "no servers could be reached".
 * - Search: dig only with +search; host and nslookup always. A name with at least ndots dots (or a
 *   final dot) is asked as it is and only so; a shorter one under each search domain, then as it
 *   is. Only NXDOMAIN goes on to the next name.
 * - SERVFAIL: dig stops at it (its +nofail default); host and nslookup try the next server.
 * - host and nslookup with resolv.conf's servers (none named on the command line) take an answer
 *   without RA to a recursive query as "recursion not available" and try the next server (check_ra).
 * - host with no type asks A, and when that does not fail, AAAA and MX for the name it found
 *   (after the CNAME chain), without any search; nslookup likewise A, then AAAA.
 *
 * Options read from `LookupRequest.options`: `search`, `ndots`, `tries`, `retry`, `time`, `port`,
 * `recurse`, `fail`, `tcp`, `cookie`, `class` (booleans and numbers as the tool's flags give them).
 */
import { loc } from '../../text/i18n';
import { rdataText } from '../zone/rdata';
import type { DnsMessage } from '../msg';
import type { LookupAnswer } from '../lookup';
import type { ResolverFiles } from './config';
import type { LookupCtx } from './ctx';
import type { Outcome } from './types';
import { makeQuery } from '../msg';
import { sendOne } from './send';

/** BIND's resconf reads at most 8 search domains. */
const BIND_MAXSEARCH = 8;

interface Settings {
  readonly servers: readonly string[];
  readonly port: number;
  readonly tries: number;
  readonly timeoutMs: number;
  readonly ndots: number;
  readonly search: readonly string[];
  readonly usesearch: boolean;
  readonly servfailStops: boolean;
  /** host and nslookup with resolv.conf's servers: an answer without RA to a recursive query goes on to the next server. */
  readonly checkRa: boolean;
  readonly tcp: boolean;
  readonly recurse: boolean;
  /** dig's +cookie (on by default): a client cookie in the OPT record. */
  readonly cookie: boolean;
  /** The query's class (dig's `CH`, `-c CLASS`): IN unless told. */
  readonly cls: string;
}

function settings(ctx: LookupCtx, f: ResolverFiles): Settings {
  const req = ctx.req;
  const o = req.options ?? {};
  const num = (k: string): number | undefined => (o[k] === undefined ? undefined : Number(o[k]));
  const attempts = f.resolv.attempts.range ? f.resolv.attempts.value : 3;
  let tries: number;
  if (req.tool === 'host') tries = num('retry') !== undefined ? Math.max(2, num('retry')! + 1) : 2;
  else tries = num('tries') ?? (num('retry') !== undefined ? num('retry')! + 1 : attempts);
  const fromFile = f.resolv.nameservers.filter((n) => n.range).map((n) => n.address);
  return {
    servers: req.server ? [req.server] : fromFile.length ? fromFile : ['::1', '127.0.0.1'],
    port: num('port') ?? 53,
    tries: Math.max(1, tries),
    // No timeout given anywhere: UDP_TIMEOUT 5 s, TCP_TIMEOUT 10 s (dighost.h).
    timeoutMs: Math.max(1, num('time') ?? (f.resolv.timeout.range ? f.resolv.timeout.value : o['tcp'] === true ? 10 : 5)) * 1000,
    ndots: num('ndots') ?? f.resolv.ndots.value,
    search: f.resolv.searchFrom === 'hostname' ? [] : f.resolv.search.slice(0, BIND_MAXSEARCH).map((d) => d.name.replace(/^\./, '')),
    usesearch: req.tool !== 'dig' || o['search'] === true,
    servfailStops: req.tool === 'dig' ? o['fail'] !== true : false,
    checkRa: req.tool !== 'dig' && !req.server,
    tcp: o['tcp'] === true,
    recurse: o['recurse'] !== false,
    cookie: o['cookie'] !== false,
    cls: typeof o['class'] === 'string' ? o['class'] : 'IN',
  };
}

/** The names BIND asks, in order (dighost.c setup_lookup and next_origin). */
export function bindNames(name: string, s: Pick<Settings, 'ndots' | 'search' | 'usesearch'>): string[] {
  const dots = [...name].filter((c) => c === '.').length;
  const abs = (n: string) => (n.endsWith('.') ? n : `${n}.`);
  if (name.endsWith('.') || dots >= s.ndots || !s.usesearch) return [abs(name)];
  return [...s.search.map((d) => abs(d === '' ? name : `${name}.${d}`)), abs(name)];
}

/**
 * dig's client cookie (dighost.c, +cookie is on by default): 8 bytes, random in dig, the same for
 * each query of one run; here a hash of the name asked, so a run prints the same each time.
 */
function clientCookie(ctx: LookupCtx): string {
  const seed = ctx.req.name.split('').reduce((h, c) => (Math.imul(h, 31) + c.charCodeAt(0)) >>> 0, 0x9e3779b9);
  return [seed, Math.imul(seed ^ 0x5bd1e995, 0x85ebca6b) >>> 0].map((n) => n.toString(16).padStart(8, '0')).join('');
}

/** One query of the lookup over the server list: the answer, or undefined when no server answered. */
function ask(ctx: LookupCtx, s: Settings, name: string, type: string): DnsMessage | undefined {
  let tries = s.tries;
  for (const server of s.servers) {
    for (let t = 0; t < tries; t++) {
      const msg = makeQuery(name, type, {
        id: ctx.id(),
        rd: s.recurse,
        cls: s.cls,
        ...(ctx.req.tool === 'dig'
          ? { edns: { udpSize: 1232, do: false, ...(s.cookie ? { cookie: clientCookie(ctx) } : {}) }, ad: true }
          : {}),
      });
      const one = sendOne(ctx, { server, port: s.port, msg, timeoutMs: s.timeoutMs, proto: s.tcp ? 'tcp' : 'udp' });
      if (!one.result) return undefined;
      ctx.elapsedMs += one.result.elapsedMs;
      const reply = one.result.reply;
      if (!reply) {
        const why = one.result.status === 'timeout' ? 'timed out' : 'connection refused';
        const ko = one.result.status === 'timeout' ? '시간 초과' : '연결 거부';
        ctx.step('note', loc(`;; communications error to ${server}#${s.port}: ${why}`, `;; ${server}#${s.port} 통신 오류: ${ko}`));
        continue;
      }
      const last = server === s.servers[s.servers.length - 1];
      if (reply.rcode === 'SERVFAIL' && !s.servfailStops && !last) {
        ctx.step(
          'note',
          loc(`Got SERVFAIL from ${server}, trying the next server.`, `${server}에서 SERVFAIL을 받아 다음 서버에 물어봅니다.`),
        );
        break;
      }
      if (s.checkRa && s.recurse && !reply.ra && !last) {
        ctx.step(
          'note',
          loc(
            `Got recursion not available from ${server}, trying the next server.`,
            `${server}에서 재귀 질의를 받지 않는다는(recursion not available) 응답을 받아 다음 서버에 물어봅니다.`,
          ),
        );
        break;
      }
      return reply;
    }
    // The lookup's retries are spent on the first server: each next server gets one try.
    tries = 1;
  }
  ctx.step('note', loc(';; no servers could be reached', ';; 응답한 서버가 없습니다(no servers could be reached)'));
  return undefined;
}

const answersOf = (m: DnsMessage): LookupAnswer[] =>
  m.answer.map((rr) => ({
    name: rr.name,
    type: rr.type,
    ttl: rr.ttl,
    data: rdataText(rr.data),
    ...(rr.source ? { source: rr.source } : {}),
  }));

/** The end of the answer's CNAME chain from `name`. */
function chase(m: DnsMessage, name: string): string {
  let n = name.toLowerCase();
  for (let hops = 0; hops < 16; hops++) {
    const c = m.answer.find((rr) => rr.type === 'CNAME' && rr.name.toLowerCase() === n);
    if (!c) break;
    n = rdataText(c.data);
  }
  return n;
}

function statusOf(m: DnsMessage | undefined): Outcome['status'] {
  if (!m) return 'tryagain';
  if (m.rcode === 'NXDOMAIN') return 'notfound';
  if (m.rcode !== 'NOERROR') return 'tryagain';
  return m.answer.length ? 'success' : 'nodata';
}

export function resolveTool(ctx: LookupCtx, f: ResolverFiles): Outcome {
  const s = settings(ctx, f);
  const req = ctx.req;
  // With no type, host follows A with AAAA and MX, nslookup with AAAA (their default_lookups).
  const more = req.type ? [] : req.tool === 'host' ? ['AAAA', 'MX'] : req.tool === 'nslookup' ? ['AAAA'] : [];
  const type = (req.type ?? 'A').toUpperCase();
  let reply: DnsMessage | undefined;
  let asked = '';
  for (const name of bindNames(req.name, s)) {
    if (name !== `${req.name}.` || s.usesearch) {
      ctx.step('search', loc(`Ask for ${name}.`, `질의할 이름: ${name}`), { data: { name } });
    }
    asked = name;
    reply = ask(ctx, s, name, type);
    if (!reply || reply.rcode !== 'NXDOMAIN') break;
  }
  const answers: LookupAnswer[] = reply ? answersOf(reply) : [];
  let rcode = reply?.rcode;
  if (more.length && reply && reply.rcode === 'NOERROR') {
    const found = chase(reply, asked);
    for (const t of more) {
      const next = ask(ctx, s, found, t);
      if (next) {
        answers.push(...answersOf(next));
        rcode = next.rcode;
      }
    }
  }
  const status = answers.length ? 'success' : statusOf(reply);
  return {
    status,
    answers,
    ...(rcode ? { rcode } : {}),
    ...(reply ? { answeredBy: 'dns', canonical: chase(reply, asked).replace(/\.$/, '') } : {}),
  };
}
