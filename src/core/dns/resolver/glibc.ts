/**
 * A glibc lookup through nsswitch.conf's `hosts:` line (nss/nsswitch.c, nss/nss_action.c): each
 * source in order, its status (SUCCESS, NOTFOUND, UNAVAIL, TRYAGAIN) and the action the line gives
 * for it (`return` or `continue`; defaults: SUCCESS return, the rest continue).
 *
 * What is asked, by tool:
 * - getaddrinfo (AF_UNSPEC) and `getent ahosts`: gethostbyname4 — files: every line with the name,
 *   both families; dns: A and AAAA together (T_QUERY_A_AND_AAAA; only A with `options no-aaaa`).
 * - `getent hosts`: gethostbyname2(AF_INET6), and when that finds nothing gethostbyname2(AF_INET)
 *   (nss/getent.c hosts_keys): files: the first line (every line with host.conf's `multi on`) of
 *   that family; dns: AAAA, then A.
 */
import { type Localized, loc } from '../../text/i18n';
import type { SourceRef } from '../../sim/model';
import type { NssSource, NssStatus } from '../files/nsswitch';
import { lookupHosts, type HostsFamily } from '../files/hosts';
import { rdataText } from '../zone/rdata';
import type { DnsMessage, Rcode } from '../msg';
import type { LookupAnswer, LookupStatus } from '../lookup';
import type { ResolverFiles } from './config';
import type { LookupCtx } from './ctx';
import { resSearch } from './dns';

export interface NssOutcome {
  readonly status: LookupStatus;
  readonly answers: readonly LookupAnswer[];
  readonly answeredBy?: string;
  readonly canonical?: string;
  readonly rcode?: Rcode;
}

interface SourceResult {
  readonly status: NssStatus;
  readonly nodata?: boolean;
  readonly answers: LookupAnswer[];
  readonly canonical?: string;
  readonly rcode?: Rcode;
}

const SIMULATED = new Set(['files', 'dns']);

function filesSource(ctx: LookupCtx, f: ResolverFiles, name: string, family: HostsFamily, multi: boolean): SourceResult {
  const key = name.endsWith('.') ? name.slice(0, -1) : name;
  const found = lookupHosts(f.hosts, key, { family, multi, index: f.hostsIndex });
  const path = f.hostsPath ?? '/etc/hosts';
  if (found.length === 0) {
    ctx.step('hosts', loc(`${path} has no line for ${key}.`, `${path}에 ${key} 줄이 없습니다.`), { data: { path } });
    return { status: 'NOTFOUND', answers: [] };
  }
  const answers: LookupAnswer[] = [];
  for (const m of found) {
    const type = m.address.includes(':') ? 'AAAA' : 'A';
    answers.push({ name: m.entry.names[0]!.text, type, ttl: 0, data: m.address, source: m.entry.range });
    ctx.step(
      'hosts',
      loc(`${path} line ${m.entry.line}: ${key} is ${m.address}.`, `${path} ${m.entry.line}번째 줄: ${key}의 주소는 ${m.address}입니다.`),
      {
        source: m.entry.range,
        data: { path, line: m.entry.line, address: m.address },
      },
    );
  }
  return { status: 'SUCCESS', answers, canonical: found[0]!.entry.names[0]!.text };
}

/** The addresses of a reply for `qname`, following its CNAME chain; the canonical name at the chain's end. */
export function addressesOf(msg: DnsMessage, qname: string, type: string): { answers: LookupAnswer[]; canonical: string } {
  let name = qname.toLowerCase();
  const abs = (n: string) => (n.endsWith('.') ? n : `${n}.`);
  name = abs(name);
  const answers: LookupAnswer[] = [];
  for (let hops = 0; hops < 16; hops++) {
    const cname = msg.answer.find((rr) => rr.type === 'CNAME' && rr.name.toLowerCase() === name);
    if (!cname) break;
    name = rdataText(cname.data).toLowerCase();
  }
  for (const rr of msg.answer) {
    if (rr.type === type && rr.name.toLowerCase() === name) {
      answers.push({ name: rr.name, type, ttl: rr.ttl, data: rdataText(rr.data), ...(rr.source ? { source: rr.source } : {}) });
    }
  }
  return { answers, canonical: name.replace(/\.$/, '') };
}

function dnsSource(ctx: LookupCtx, f: ResolverFiles, name: string, types: readonly string[]): SourceResult {
  const r = resSearch(ctx, f.resolv, name, types);
  if (r.herrno === 'OK') {
    const answers: LookupAnswer[] = [];
    let canonical: string | undefined;
    r.replies.forEach((m, i) => {
      if (!m) return;
      const got = addressesOf(m, r.name!, types[i]!);
      answers.push(...got.answers);
      canonical ??= got.canonical;
    });
    return { status: 'SUCCESS', answers, ...(canonical ? { canonical } : {}), rcode: 'NOERROR' };
  }
  const rc = r.rcode ? { rcode: r.rcode } : {};
  // dns-host.c: ECONNREFUSED and ETIMEDOUT are UNAVAIL; otherwise NOTFOUND (NXDOMAIN, NODATA), TRYAGAIN for ESRCH.
  if (r.errno !== 0) return { status: 'UNAVAIL', answers: [], ...rc, nodata: false };
  if (r.herrno === 'TRY_AGAIN') return { status: 'TRYAGAIN', answers: [], ...rc };
  return { status: 'NOTFOUND', answers: [], nodata: r.herrno === 'NO_DATA', ...rc };
}

const STATUS_TEXT: Record<NssStatus, Localized> = {
  SUCCESS: loc('found it', '찾았습니다'),
  NOTFOUND: loc('did not find it', '찾지 못했습니다'),
  UNAVAIL: loc('could not be used', '사용할 수 없었습니다'),
  TRYAGAIN: loc('is busy or got no answer', '일시적으로 응답을 얻지 못했습니다'),
};

/** Runs the `hosts:` sources for one gethostbyname call. */
export function nssHosts(
  ctx: LookupCtx,
  f: ResolverFiles,
  name: string,
  how: { family: HostsFamily; types: readonly string[]; multi: boolean },
): NssOutcome {
  const sources: readonly NssSource[] = f.nsswitch.hosts;
  const nsPath = f.nsswitchPath ?? '/etc/nsswitch.conf';
  if (sources.length === 0) {
    ctx.step('nsswitch', loc(`${nsPath} cannot be read: every lookup fails.`, `${nsPath}을 읽을 수 없어 모든 조회가 실패합니다.`));
    return { status: 'unavail', answers: [] };
  }
  let last: SourceResult | undefined;
  let lastName = '';
  for (const s of sources) {
    lastName = s.name;
    const src: { source?: SourceRef } = s.range ? { source: s.range } : {};
    if (!SIMULATED.has(s.name)) {
      ctx.step(
        'nsswitch',
        loc(
          `The "${s.name}" source is not simulated: it is taken as unavailable (UNAVAIL), and the answer may differ on a real host.`,
          `"${s.name}" 소스는 시뮬레이션하지 않습니다. 사용할 수 없는(UNAVAIL) 것으로 보고 넘어가므로 실제 호스트와 결과가 다를 수 있습니다.`,
        ),
        { ...src, data: { source: s.name, status: 'UNAVAIL' } },
      );
      if (s.range) {
        ctx.warn([
          {
            ...s.range,
            severity: 'warning',
            code: 'trace-not-simulated',
            message: loc(`The nsswitch source "${s.name}" is not simulated.`, `nsswitch 소스 "${s.name}"는 시뮬레이션하지 않습니다.`),
          },
        ]);
      }
      last = { status: 'UNAVAIL', answers: [] };
    } else {
      last = s.name === 'files' ? filesSource(ctx, f, name, how.family, how.multi) : dnsSource(ctx, f, name, how.types);
    }
    const action = s.actions[last.status];
    ctx.step(
      'nsswitch',
      loc(
        `hosts: ${s.name} ${STATUS_TEXT[last.status].en} (${last.status}): ${action === 'return' ? 'return' : 'continue with the next source'}.`,
        `hosts: ${s.name}: ${STATUS_TEXT[last.status].ko} (${last.status}). ${action === 'return' ? '여기서 끝냅니다(return)' : '다음 소스로 넘어갑니다(continue)'}.`,
      ),
      { ...src, data: { source: s.name, status: last.status, action } },
    );
    if (action === 'return') break;
  }
  const r = last!;
  const status: LookupStatus =
    r.status === 'SUCCESS'
      ? 'success'
      : r.status === 'TRYAGAIN'
        ? 'tryagain'
        : r.status === 'UNAVAIL'
          ? 'unavail'
          : r.nodata
            ? 'nodata'
            : 'notfound';
  return {
    status,
    answers: r.status === 'SUCCESS' ? r.answers : [],
    ...(r.status === 'SUCCESS' ? { answeredBy: lastName } : {}),
    ...(r.canonical ? { canonical: r.canonical } : {}),
    ...(r.rcode ? { rcode: r.rcode } : {}),
  };
}
