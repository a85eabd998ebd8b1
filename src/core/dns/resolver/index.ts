/**
 * The client side of a lookup (`resolveName`): glibc's getaddrinfo and gethostbyname2 through
 * nsswitch.conf, /etc/hosts and resolv.conf (glibc.ts, dns.ts, send.ts); dig's, host's and
 * nslookup's own queries (tools.ts). Every query is walked through the simulated network
 * (dns/transport), so routes, rules and NAT between the client and its servers decide as they do
 * on a real host, and the time it took is counted (timeouts included).
 *
 * A `session` shared by several lookups keeps what lives between them (servers' caches, `rotate`).
 * Options the glibc tools read from `LookupRequest.options`: `family` (4 or 6: AF_INET or
 * AF_INET6, as ping -4 asks); dig, host and nslookup read theirs in tools.ts.
 */
import { type Localized, loc } from '../../text/i18n';
import { eunneun } from '../../text/particle';
import { formatEndpoint } from '../../net/endpoint';
import { ROOT_NS, type World } from '../../sim/model';
import { inet6Addrs } from '../../sim/inet6';
import { isLoopback } from '../../net/addr';
import type { DnsSession } from '../msg';
import type { Lookup, LookupRequest, LookupStatus } from '../lookup';
import { inetAtonExact, isInetPton6 } from '../files/common';
import { readResolverFiles, type ResolverFiles } from './config';
import { LookupCtx } from './ctx';
import { type NssCall, nssHosts } from './glibc';
import type { Family, Outcome } from './types';
import { reverseLookup } from './reverse';
import { resolveTool } from './tools';
import { sortAddresses } from './sort';

export { MAX_QUERIES } from './ctx';
export { serverTimeout, refusedAnswer } from './send';
export { makeQuery } from '../msg';
export { readResolverFiles, etcPath, type ResolverFiles } from './config';

export function resolveName(world: World, req: LookupRequest, session?: DnsSession): Lookup {
  const ctx = new LookupCtx(world, req, session);
  const files = readResolverFiles(world, req.from);
  let out: Outcome;
  if (!files) {
    ctx.step(
      'note',
      loc(
        `There is no ${formatEndpoint(req.from)} to look the name up from.`,
        `이름을 조회할 ${formatEndpoint(req.from)} 엔드포인트가 없습니다.`,
      ),
    );
    out = { status: 'unavail', answers: [] };
  } else if (req.tool === 'dig' || req.tool === 'host' || req.tool === 'nslookup') {
    out = resolveTool(ctx, files);
  } else {
    out = glibcLookup(ctx, files);
  }
  if (files && req.tool !== 'dig' && req.tool !== 'host' && req.tool !== 'nslookup') ctx.step('answer', glibcEnding(req.name, out));
  if (ctx.exhausted) {
    ctx.step(
      'note',
      loc(`The lookup stopped after ${ctx.queries.length} queries.`, `질의를 ${ctx.queries.length}개 보낸 뒤 조회를 멈췄습니다.`),
    );
  }
  return {
    request: req,
    status: out.status,
    ...(out.rcode ? { rcode: out.rcode } : {}),
    answers: out.answers,
    ...(out.canonical ? { canonical: out.canonical } : {}),
    ...(out.answeredBy ? { answeredBy: out.answeredBy } : {}),
    queries: ctx.queries,
    steps: ctx.steps,
    legs: ctx.legs,
    elapsedMs: ctx.elapsedMs,
    ...(ctx.warnings.length ? { warnings: ctx.warnings } : {}),
  };
}

/** gai_strerror's words for how a glibc lookup ended. */
const GAI_TEXT: Record<Exclude<LookupStatus, 'success'>, string> = {
  notfound: 'Name or service not known',
  nodata: 'No address associated with hostname',
  tryagain: 'Temporary failure in name resolution',
  unavail: 'System error',
};

/** The last step of a glibc lookup: what the program gets. */
function glibcEnding(name: string, out: Outcome): Localized {
  if (out.status === 'success') {
    const list = out.answers.map((a) => a.data).join(', ');
    const by = out.answeredBy ?? '';
    return loc(`${name}: ${list} (from ${by}).`, `${name}: ${list} (${by}에서 찾음).`);
  }
  const text = GAI_TEXT[out.status];
  return loc(`${name}: ${text}.`, `${name}: ${text}(${KO_GAI[out.status]}).`);
}

const KO_GAI: Record<Exclude<LookupStatus, 'success'>, string> = {
  notfound: '그런 이름이 없습니다',
  nodata: '이름은 있지만 주소가 없습니다',
  tryagain: '지금은 이름을 해석할 수 없습니다',
  unavail: '시스템 오류',
};

/** A numeric address as getaddrinfo reads it (inet_aton for IPv4, inet_pton for IPv6), or undefined. */
function numeric(name: string): string | undefined {
  const v4 = inetAtonExact(name);
  if (v4) return v4;
  return isInetPton6(name) ? name : undefined;
}

/** getaddrinfo's error, from the last source's status and h_errno (get_nss_addresses): EAI_AGAIN, EAI_NODATA or EAI_NONAME. */
function gaiStatus(c: NssCall): LookupStatus {
  if (c.status === 'SUCCESS') return 'success';
  if (c.herrno === 'TRY_AGAIN') return 'tryagain';
  if (c.herrno === 'NO_DATA') return 'nodata';
  return 'notfound';
}

function fromCall(c: NssCall): Outcome {
  return {
    status: gaiStatus(c),
    answers: c.answers,
    ...(c.status === 'SUCCESS' && c.by ? { answeredBy: c.by } : {}),
    ...(c.canonical ? { canonical: c.canonical } : {}),
    ...(c.rcode ? { rcode: c.rcode } : {}),
  };
}

/**
 * AI_ADDRCONFIG (getent ahosts sets it): with addresses of one family only (IPv4 but 127.0.0.1,
 * IPv6 but ::1; a link-local IPv6 address counts, as __check_pf counts it) only that family is asked.
 */
function addrconfigFamily(ctx: LookupCtx, f: ResolverFiles): Family {
  const ns = f.host.netns.get(f.netns || ROOT_NS)!;
  let seen4 = false;
  let seen6 = false;
  for (const l of ns.links.values()) {
    for (const a of l.addrs) if (a.addr.family === 4 && !isLoopback(a.addr)) seen4 = true;
    for (const a of inet6Addrs(l)) if (!isLoopback(a.addr)) seen6 = true;
  }
  if (seen4 === seen6) return 'unspec';
  ctx.step(
    'note',
    seen4
      ? loc(
          'AI_ADDRCONFIG: this host has no IPv6 address, so only IPv4 is looked up.',
          'AI_ADDRCONFIG: 이 호스트에는 IPv6 주소가 없어 IPv4만 조회합니다.',
        )
      : loc(
          'AI_ADDRCONFIG: this host has no IPv4 address, so only IPv6 is looked up.',
          'AI_ADDRCONFIG: 이 호스트에는 IPv4 주소가 없어 IPv6만 조회합니다.',
        ),
  );
  return seen4 ? 'inet' : 'inet6';
}

function glibcLookup(ctx: LookupCtx, f: ResolverFiles): Outcome {
  const name = ctx.req.name;
  const addr = numeric(name);
  if (ctx.req.tool === 'getent-hosts') {
    // nss/getent.c hosts_keys: an address is looked up backwards (gethostbyaddr); a name for IPv6, then IPv4.
    if (addr && (addr.includes(':') || /^\d+\.\d+\.\d+\.\d+$/.test(name))) return reverseLookup(ctx, f, addr);
    const v6 = nssHosts(ctx, f, name, 'inet6');
    if (v6.status === 'SUCCESS') return fromCall(v6);
    ctx.step(
      'note',
      loc(
        'No IPv6 address: getent hosts asks again for IPv4 (gethostbyname2 with AF_INET).',
        'IPv6 주소가 없어 getent hosts가 IPv4로 다시 조회합니다(gethostbyname2, AF_INET).',
      ),
    );
    return fromCall(nssHosts(ctx, f, name, 'inet'));
  }
  if (addr) {
    ctx.step(
      'note',
      loc(`${name} is an address: getaddrinfo looks nothing up.`, `${eunneun(name)} 주소이므로 getaddrinfo는 아무것도 조회하지 않습니다.`),
    );
    return { status: 'success', answers: [{ name, type: addr.includes(':') ? 'AAAA' : 'A', ttl: 0, data: addr }] };
  }
  // `options.family` 4 or 6: the caller asked for one family (ping -4, curl -6): AF_INET or AF_INET6.
  const fam = ctx.req.options?.['family'];
  const af: Family =
    fam === 4 || fam === '4'
      ? 'inet'
      : fam === 6 || fam === '6'
        ? 'inet6'
        : ctx.req.tool === 'getent-ahosts'
          ? addrconfigFamily(ctx, f)
          : 'unspec';
  const out = fromCall(nssHosts(ctx, f, name, af));
  if (out.answers.length < 2) return out;
  const sorted = sortAddresses(f.host.netns.get(f.netns || ROOT_NS)!, out.answers);
  if (sorted.some((a, i) => a !== out.answers[i])) {
    ctx.step(
      'note',
      loc(
        `getaddrinfo sorts the addresses as RFC 3484 says (glibc's rfc3484_sort): ${sorted.map((a) => a.data).join(', ')}.`,
        `getaddrinfo는 RFC 3484에 따라 주소를 정렬합니다(glibc의 rfc3484_sort): ${sorted.map((a) => a.data).join(', ')}.`,
      ),
    );
  }
  return { ...out, answers: sorted };
}
