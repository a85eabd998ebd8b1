/**
 * nss_dns over res_search (resolv/res_query.c __res_context_search, __res_context_query;
 * resolv/nss_dns/dns-host.c): the candidate names of the search list in order, each asked with
 * res_send; NXDOMAIN and NODATA go on to the next name, a SERVFAIL too; any other failure ends the
 * search list (the name as it is is still asked after it, when it was not yet); no server at all
 * (every one refused: ECONNREFUSED) ends everything.
 */
import { loc } from '../../text/i18n';
import { type Localized } from '../../text/i18n';
import type { DnsMessage, Rcode } from '../msg';
import type { ResolvConf } from '../files/resolvconf';
import { searchCandidates } from '../files/search';
import type { LookupCtx } from './ctx';
import { resSend } from './send';

/** res_query's h_errno. */
export type HErrno = 'OK' | 'HOST_NOT_FOUND' | 'NO_DATA' | 'TRY_AGAIN' | 'NO_RECOVERY';

export interface SearchResult {
  readonly herrno: HErrno;
  /** errno after the last res_send: 0, ECONNREFUSED (no server answered at all) or ETIMEDOUT. */
  readonly errno: 0 | 'ECONNREFUSED' | 'ETIMEDOUT';
  /** The name that answered, and its replies. */
  readonly name?: string;
  readonly replies: readonly (DnsMessage | undefined)[];
  readonly rcode?: Rcode;
}

export interface QueryResult {
  readonly herrno: HErrno;
  readonly errno: SearchResult['errno'];
  readonly replies: readonly (DnsMessage | undefined)[];
  /** The answer buffer's rcode (SERVFAIL keeps the search going). */
  readonly rcode?: Rcode;
}

const hasData = (m: DnsMessage | undefined): boolean => !!m && m.rcode === 'NOERROR' && m.answer.length > 0;

/** __res_context_query: one name, its questions (A, AAAA or both), no search list. */
export function resQuery(ctx: LookupCtx, conf: ResolvConf, name: string, types: readonly string[]): QueryResult {
  const sent = resSend(
    ctx,
    conf,
    types.map((type) => ({ name, type })),
  );
  const replies = sent.replies;
  if (replies.every((m) => !m)) {
    return {
      herrno: 'TRY_AGAIN',
      errno: sent.gotSomewhere ? 'ETIMEDOUT' : 'ECONNREFUSED',
      replies,
      ...(sent.lastRcode ? { rcode: sent.lastRcode } : {}),
    };
  }
  if (replies.some(hasData)) return { herrno: 'OK', errno: 0, replies, rcode: 'NOERROR' };
  const first = replies.find((m) => m && m.rcode !== 'NOERROR') ?? replies.find((m) => m)!;
  const herrno: HErrno =
    first.rcode === 'NXDOMAIN'
      ? 'HOST_NOT_FOUND'
      : first.rcode === 'SERVFAIL'
        ? 'TRY_AGAIN'
        : first.rcode === 'NOERROR'
          ? 'NO_DATA'
          : 'NO_RECOVERY';
  return { herrno, errno: 0, replies, rcode: first.rcode };
}

const WHY: Record<string, Localized> = {
  absolute: loc('the name ends with a dot: it is asked as it is, and nothing else', '이름이 점으로 끝나므로 그대로만 질의합니다'),
  ndots: loc('the name has at least ndots dots: it is asked as it is first', '이름에 점이 ndots개 이상 있어 먼저 그대로 질의합니다'),
  search: loc('a search domain appended', 'search 도메인을 붙였습니다'),
  'as-is-last': loc('the name as it is, after the search list', 'search 목록 다음에 이름 그대로 질의합니다'),
};

/** __res_context_search for `name` with `types` (['A','AAAA'] for getaddrinfo). */
export function resSearch(ctx: LookupCtx, conf: ResolvConf, name: string, types: readonly string[]): SearchResult {
  const candidates = searchCandidates(name, {
    ndots: conf.ndots.value,
    search: conf.search.map((d) => d.name),
    noTldQuery: conf.flags.has('no-tld-query') || conf.flags.has('no_tld_query'),
  });
  let herrno: HErrno = 'HOST_NOT_FOUND';
  let errno: SearchResult['errno'] = 0;
  let saved: HErrno | undefined;
  let gotNodata = false;
  let gotServfail = false;
  let done = false;
  let last: QueryResult | undefined;
  for (const c of candidates) {
    if (done && c.why === 'search') continue;
    const src =
      c.why === 'search'
        ? conf.search.find((d) => d.name.replace(/^\./, '') === c.domain)?.range
        : c.why === 'ndots'
          ? conf.ndots.range
          : undefined;
    ctx.step('search', loc(`Ask for ${c.name} (${WHY[c.why]!.en}).`, `${c.name}: ${WHY[c.why]!.ko}.`), {
      ...(src ? { source: src } : {}),
      data: { name: c.name, why: c.why, ...(c.domain !== undefined ? { domain: c.domain } : {}) },
    });
    if (!c.sent) {
      herrno = 'NO_RECOVERY';
      done = true;
      continue;
    }
    const r = resQuery(ctx, conf, c.name, types);
    last = r;
    errno = r.errno;
    herrno = r.herrno;
    if (r.herrno === 'OK') return { herrno, errno, name: c.name, replies: r.replies, rcode: 'NOERROR' };
    if (c.why === 'absolute') break;
    if (c.why === 'ndots') {
      saved = r.herrno;
      continue;
    }
    if (c.why === 'search') {
      if (r.errno === 'ECONNREFUSED') return { herrno: 'TRY_AGAIN', errno, replies: r.replies };
      if (r.herrno === 'NO_DATA') gotNodata = true;
      else if (r.herrno === 'TRY_AGAIN' && r.rcode === 'SERVFAIL') gotServfail = true;
      else if (r.herrno !== 'HOST_NOT_FOUND') done = true;
    }
    if (ctx.exhausted) break;
  }
  if (saved !== undefined) herrno = saved;
  else if (gotNodata) herrno = 'NO_DATA';
  else if (gotServfail) herrno = 'TRY_AGAIN';
  const rcode = last?.rcode;
  return { herrno, errno, replies: last?.replies ?? [], ...(rcode ? { rcode } : {}) };
}
