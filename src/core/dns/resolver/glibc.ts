/**
 * A glibc 2.36 lookup through nsswitch.conf's `hosts:` line (nss/nsswitch.c, nss/nss_action.c):
 * each source in order, its status (SUCCESS, NOTFOUND, UNAVAIL, TRYAGAIN) and the action the line
 * gives for it (`return` or `continue`; by default SUCCESS returns and the rest continue).
 *
 * Two kinds of call reach the sources (sysdeps/posix/getaddrinfo.c get_nss_addresses):
 * - gethostbyname4 (getaddrinfo with AF_UNSPEC): files gives every line with the name, both
 *   families; dns asks A and AAAA together (T_QUERY_A_AND_AAAA; only A with `options no-aaaa`);
 * - gethostbyname3 for one family (getaddrinfo with AF_INET or AF_INET6, gethostbyname2):
 *   files gives that family's lines; dns asks A or AAAA.
 * Files gives the first matching line only, unless /etc/host.conf says `multi on`.
 * What a source that is not simulated (mdns4_minimal, resolve, ...) would answer is not guessed: it
 * is taken as UNAVAIL, with a step and a warning that say so.
 */
import { type Localized, loc } from '../../text/i18n';
import { eunneun } from '../../text/particle';
import type { SourceRef } from '../../sim/model';
import type { NssStatus } from '../files/nsswitch';
import { lookupHosts, type HostsFamily } from '../files/hosts';
import { rdataText } from '../zone/rdata';
import type { DnsMessage, Rcode } from '../msg';
import type { LookupAnswer } from '../lookup';
import type { ResolverFiles } from './config';
import type { LookupCtx } from './ctx';
import { type HErrno, resSearch } from './dns';
import { myhostname } from './myhostname';
import type { Family } from './types';

/** What the `hosts:` sources answered to one call. */
export interface NssCall {
  readonly status: NssStatus;
  readonly herrno: HErrno;
  readonly answers: readonly LookupAnswer[];
  /** The source that answered, or the last one tried. */
  readonly by?: string;
  readonly canonical?: string;
  /** The rcode of the last DNS answer, when dns was asked and answered. */
  readonly rcode?: Rcode;
}

interface SourceResult {
  readonly status: NssStatus;
  readonly herrno: HErrno;
  readonly answers: LookupAnswer[];
  readonly canonical?: string;
  readonly rcode?: Rcode;
}

const hostsFamily = (af: Family): HostsFamily => (af === 'unspec' ? 'any' : af === 'inet' ? 'ipv4' : 'ipv6');
const dnsTypes = (af: Family, f: ResolverFiles): string[] =>
  af === 'inet' ? ['A'] : af === 'inet6' ? ['AAAA'] : f.resolv.flags.has('no-aaaa') ? ['A'] : ['A', 'AAAA'];

function filesSource(ctx: LookupCtx, f: ResolverFiles, name: string, af: Family): SourceResult {
  // Compared as given, without case: `web.` is not `web` (seen on glibc 2.36: getent hosts web. finds no line).
  const key = name;
  const found = lookupHosts(f.hosts, key, { family: hostsFamily(af), multi: f.multi, index: f.hostsIndex });
  const path = f.hostsPath ?? '/etc/hosts';
  const fam = af === 'inet' ? ' (IPv4)' : af === 'inet6' ? ' (IPv6)' : '';
  if (found.length === 0) {
    ctx.step('hosts', loc(`${path} has no${fam} line for ${key}.`, `${path}에 ${key}의${fam.replace(/[()]/g, '')} 줄이 없습니다.`), {
      data: { path, name: key },
    });
    return { status: 'NOTFOUND', herrno: 'HOST_NOT_FOUND', answers: [] };
  }
  const answers: LookupAnswer[] = [];
  for (const m of found) {
    const type = m.address.includes(':') ? 'AAAA' : 'A';
    const names = m.entry.names.map((w) => w.text).join(' ');
    answers.push({ name: m.entry.names[0]!.text, type, ttl: 0, data: m.address, source: m.entry.range });
    ctx.step('hosts', loc(`${path} line ${m.entry.line}: ${m.address} ${names}`, `${path} ${m.entry.line}번째 줄: ${m.address} ${names}`), {
      source: m.entry.range,
      data: { path, line: m.entry.line, address: m.address, names: m.entry.names.map((n) => n.text) },
    });
  }
  return { status: 'SUCCESS', herrno: 'OK', answers, canonical: found[0]!.entry.names[0]!.text };
}

/** The addresses of `type` a reply gives for `qname`, following its CNAME chain; the canonical name is the chain's end. */
export function addressesOf(msg: DnsMessage, qname: string, type: string): { answers: LookupAnswer[]; canonical: string } {
  let name = (qname.endsWith('.') ? qname : `${qname}.`).toLowerCase();
  for (let hops = 0; hops < 16; hops++) {
    const cname = msg.answer.find((rr) => rr.type === 'CNAME' && rr.name.toLowerCase() === name);
    if (!cname) break;
    name = rdataText(cname.data).toLowerCase();
  }
  const answers: LookupAnswer[] = [];
  for (const rr of msg.answer) {
    if (rr.type === type && rr.name.toLowerCase() === name) {
      answers.push({ name: rr.name, type, ttl: rr.ttl, data: rdataText(rr.data), ...(rr.source ? { source: rr.source } : {}) });
    }
  }
  return { answers, canonical: name.replace(/\.$/, '') };
}

function dnsSource(ctx: LookupCtx, f: ResolverFiles, name: string, af: Family): SourceResult {
  const types = dnsTypes(af, f);
  const r = resSearch(ctx, f.resolv, name, types);
  const rc = r.rcode ? { rcode: r.rcode } : {};
  if (r.herrno === 'OK') {
    const answers: LookupAnswer[] = [];
    let canonical: string | undefined;
    r.replies.forEach((m, i) => {
      if (!m) return;
      const got = addressesOf(m, r.name!, types[i]!);
      answers.push(...got.answers);
      if (got.answers.length) canonical ??= got.canonical;
    });
    if (answers.length === 0) {
      // The answer has records, but none of them an address of the name (a CNAME to a name without one).
      ctx.step(
        'answer',
        loc(`The answer has no ${types.join(' or ')} record for ${r.name}.`, `응답에 ${r.name}의 ${types.join('/')} 레코드가 없습니다.`),
      );
      return { status: 'NOTFOUND', herrno: 'NO_DATA', answers: [], ...rc };
    }
    return { status: 'SUCCESS', herrno: 'OK', answers, ...(canonical ? { canonical } : {}), ...rc };
  }
  // nss_dns/dns-host.c: a search that failed with ECONNREFUSED or ETIMEDOUT is UNAVAIL, any other NOTFOUND.
  if (r.errno !== 0) return { status: 'UNAVAIL', herrno: r.herrno, answers: [], ...rc };
  return { status: 'NOTFOUND', herrno: r.herrno, answers: [], ...rc };
}

const STATUS_TEXT: Record<NssStatus, Localized> = {
  SUCCESS: loc('found it', '찾았습니다'),
  NOTFOUND: loc('did not find it', '찾지 못했습니다'),
  UNAVAIL: loc('could not be used', '사용할 수 없었습니다'),
  TRYAGAIN: loc('could not answer for now', '지금은 답하지 못했습니다'),
};

/** One gethostbyname call (4 for `unspec`, 3 for one family) through the `hosts:` sources. */
export function nssHosts(ctx: LookupCtx, f: ResolverFiles, name: string, af: Family): NssCall {
  const sources = f.nsswitch.hosts;
  const nsPath = f.nsswitchPath ?? '/etc/nsswitch.conf';
  if (sources.length === 0) {
    ctx.step(
      'nsswitch',
      loc(`glibc stopped reading ${nsPath}: every lookup fails.`, `glibc가 ${nsPath} 읽기를 멈춰 모든 조회가 실패합니다.`),
    );
    return { status: 'UNAVAIL', herrno: 'NO_RECOVERY', answers: [] };
  }
  if (f.nsswitch.hostsFrom === 'default') {
    ctx.step(
      'nsswitch',
      loc(
        `${nsPath} has no hosts: line: glibc uses "hosts: files dns".`,
        `${nsPath}에 hosts: 줄이 없어 glibc는 "hosts: files dns"를 씁니다.`,
      ),
    );
  }
  let last: SourceResult = { status: 'UNAVAIL', herrno: 'NO_RECOVERY', answers: [] };
  let by = '';
  for (const s of sources) {
    by = s.name;
    const src: { source?: SourceRef } = s.range ? { source: s.range } : {};
    if (s.name === 'files') last = filesSource(ctx, f, name, af);
    else if (s.name === 'dns') last = dnsSource(ctx, f, name, af);
    else if (s.name === 'myhostname') last = myhostname(ctx, f, name, af);
    else {
      ctx.step(
        'nsswitch',
        loc(
          `The "${s.name}" source is not simulated: it is taken as UNAVAIL, so a real host may answer differently.`,
          `"${s.name}" 소스는 시뮬레이션하지 않습니다. UNAVAIL로 보고 넘어가므로 실제 호스트의 결과와 다를 수 있습니다.`,
        ),
        { ...src, data: { source: s.name, simulated: false } },
      );
      if (s.range) {
        ctx.warn([
          {
            ...s.range,
            severity: 'warning',
            code: 'trace-not-simulated',
            message: loc(
              `The nsswitch source "${s.name}" is not simulated: lookups take it as unavailable.`,
              `nsswitch 소스 ${eunneun(`"${s.name}"`)} 시뮬레이션하지 않습니다. 조회에서는 사용할 수 없는 것으로 봅니다.`,
            ),
          },
        ]);
      }
      last = { status: 'UNAVAIL', herrno: 'NO_RECOVERY', answers: [] };
    }
    const action = s.actions[last.status];
    const item = s.items.find((i) => i.status === last.status && i.not === false) ?? s.items.find((i) => i.not && i.status !== last.status);
    ctx.step(
      'nsswitch',
      loc(
        `hosts: ${s.name} ${STATUS_TEXT[last.status].en} (${last.status}): ${action === 'return' ? 'return' : 'continue with the next source'}.`,
        `hosts: ${s.name}: ${STATUS_TEXT[last.status].ko}(${last.status}). ${action === 'return' ? '여기서 끝냅니다(return).' : '다음 소스로 넘어갑니다(continue).'}`,
      ),
      { ...(item ? { source: item.range } : src), data: { source: s.name, status: last.status, action } },
    );
    if (action === 'return') break;
  }
  return {
    status: last.status,
    herrno: last.herrno,
    answers: last.status === 'SUCCESS' ? last.answers : [],
    by,
    ...(last.canonical && last.status === 'SUCCESS' ? { canonical: last.canonical } : {}),
    ...(last.rcode ? { rcode: last.rcode } : {}),
  };
}
