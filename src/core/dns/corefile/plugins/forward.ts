/**
 * forward (plugin/forward/setup.go parseStanza, parseBlock): `forward FROM TO... { except, policy,
 * max_fails, force_tcp, prefer_udp, expire, health_check, tls, tls_servername, ... }`. Several forward
 * stanzas may share a block (CoreDNS chains them). Upstream files (`/etc/resolv.conf`) are not read here.
 */
import { argErr, duration, err, goErr, integer, lastOf, noArgs, parseErr, type PluginCheck, type Problem } from './api';
import type { Prop } from '../tree';
import { normalizeKey, parseIp, splitTransport } from '../keys';
import { isDomainName } from '../../zone/names';
import { formatDuration, parseUint32 } from '../go';

const MAX_UPSTREAMS = 15;
const RCODES = [
  'NOERROR',
  'FORMERR',
  'SERVFAIL',
  'NXDOMAIN',
  'NOTIMP',
  'REFUSED',
  'YXDOMAIN',
  'YXRRSET',
  'NXRRSET',
  'NOTAUTH',
  'NOTZONE',
  'BADSIG',
  'BADVERS',
  'BADKEY',
  'BADTIME',
  'BADMODE',
  'BADNAME',
  'BADALG',
  'BADTRUNC',
  'BADCOOKIE',
];

function oneArg(p: Prop): Problem | undefined {
  return p.args[0] ? undefined : argErr(p.name);
}

function nonNegative(p: Prop, what: string, kind: 'dur' | 'int'): Problem | undefined {
  const a = p.args[0];
  if (!a) return argErr(p.name);
  if (kind === 'int') {
    const n = integer(a);
    if ('problem' in n) return n.problem;
    return n.n < 0 ? err(a, `${what} can't be negative: ${n.n}`, `${what}의 값은 음수일 수 없습니다: ${n.n}`) : undefined;
  }
  const d = duration(a);
  if ('problem' in d) return d.problem;
  return d.ns < 0
    ? err(a, `${what} can't be negative: ${formatDuration(d.ns)}`, `${what}의 값은 음수일 수 없습니다: ${formatDuration(d.ns)}`)
    : undefined;
}

function property(p: Prop): Problem | undefined {
  switch (p.name.text) {
    case 'except':
      return p.args.length ? undefined : argErr(p.name);
    case 'max_fails':
    case 'max_connect_attempts': {
      if (!p.args[0]) return argErr(p.name);
      const n = parseUint32(p.args[0].text);
      return 'error' in n ? goErr(p.args[0], n.error) : undefined;
    }
    case 'health_check': {
      const a = p.args[0];
      if (!a) return argErr(p.name);
      const d = duration(a);
      if ('problem' in d) return d.problem;
      if (d.ns < 0) return err(a, `health_check can't be negative: ${d.ns}`, `health_check의 값은 음수일 수 없습니다: ${d.ns}`);
      for (let i = 1; i < p.args.length; i++) {
        const o = p.args[i]!;
        if (o.text === 'no_rec') continue;
        if (o.text === 'domain') {
          const dom = p.args[++i];
          if (!dom) return argErr(o);
          if (!isDomainName(dom.text))
            return err(dom, `health_check: invalid domain name ${dom.text}`, `health_check: 도메인 이름이 잘못되었습니다: ${dom.text}`);
          continue;
        }
        return err(o, `health_check: unknown option ${o.text}`, `health_check: 알 수 없는 옵션 ${o.text}`);
      }
      return undefined;
    }
    case 'force_tcp':
    case 'prefer_udp':
    case 'next_on_nodata':
      return noArgs(p);
    case 'failfast_all_unhealthy_upstreams':
      return p.args.length ? argErr(lastOf(p)) : undefined;
    case 'tls':
      return p.args.length > 3 ? argErr(lastOf(p)) : undefined;
    case 'tls_servername':
      return oneArg(p);
    case 'expire':
      return nonNegative(p, 'expire', 'dur');
    case 'max_age':
      return nonNegative(p, 'max_age', 'dur');
    case 'max_idle_conns':
      return nonNegative(p, 'max_idle_conns', 'int');
    case 'max_concurrent':
      return nonNegative(p, 'max_concurrent', 'int');
    case 'read_timeout': {
      if (!p.args[0]) return argErr(p.name);
      const d = duration(p.args[0]);
      if ('problem' in d) return d.problem;
      return d.ns <= 0
        ? err(
            p.args[0],
            `read_timeout must be positive: ${formatDuration(d.ns)}`,
            `read_timeout 값은 양수여야 합니다: ${formatDuration(d.ns)}`,
          )
        : undefined;
    }
    case 'doh_method':
      if (!p.args[0]) return argErr(p.name);
      return p.args[0].text === 'POST' || p.args[0].text === 'GET'
        ? undefined
        : err(p.args[0], 'doh_method must be either POST or GET', 'doh_method는 POST나 GET이어야 합니다');
    case 'policy': {
      const x = p.args[0];
      if (!x) return argErr(p.name);
      return ['random', 'round_robin', 'sequential'].includes(x.text)
        ? undefined
        : parseErr(x, `unknown policy '${x.text}'`, `알 수 없는 정책 '${x.text}' (random, round_robin, sequential 중 하나)`);
    }
    case 'next':
    case 'failover': {
      if (!p.args.length) return argErr(p.name);
      for (const a of p.args) {
        if (!RCODES.includes(a.text.toUpperCase())) return err(a, `${a.text} is not a valid rcode`, `${a.text}: 올바른 rcode가 아닙니다`);
        if (p.name.text === 'failover' && a.text.toUpperCase() === 'NOERROR')
          return err(a, 'NoError cannot be used in failover', 'failover에는 NoError를 쓸 수 없습니다');
      }
      return undefined;
    }
    default:
      return parseErr(p.name, `unknown property '${p.name.text}'`, `알 수 없는 속성 '${p.name.text}'`);
  }
}

const DEFAULT_PORT: Readonly<Record<string, string>> = { dns: '53', tls: '853', quic: '853', grpc: '443', https: '443' };

/** The HTTPS path check (parseStanza), made on every upstream before any is classified. */
function httpsPath(a: Prop['name']): Problem | undefined {
  const { transport, rest } = splitTransport(a.text);
  if (transport === 'https' && rest.includes('/'))
    return err(
      a,
      `paths are not allowed in HTTPS upstream addresses (the /dns-query path is used by default): ${a.text}`,
      `HTTPS 업스트림 주소에는 경로를 쓸 수 없습니다(기본으로 /dns-query 경로를 씁니다): ${a.text}`,
    );
  return undefined;
}

/**
 * parse.HostPortOrFile, as CoreDNS 1.11.1's forward calls it: an address (with a port or not), or a
 * resolv.conf-style file; a host name is an error there (`not an IP address or file: "HOST"`, the word
 * without its transport), as the real binary says (test/oracle/dns/COREDNS.md). Names forward
 * resolves itself came in a later CoreDNS.
 */
function classify(a: Prop['name']): Problem | undefined {
  const { rest } = splitTransport(a.text);
  if (rest === '') return err(a, `invalid address: "${a.text}"`, `주소가 비어 있습니다: "${a.text}"`);
  if (rest.startsWith('/')) return undefined; // a resolv.conf-style file, read when CoreDNS starts
  // Brackets, a port and an IPv6 zone off (most upstreams have none of them: nothing to take off).
  const bracket = /^\[([^\]]*)\](:\d+)?$/.exec(rest);
  const host = (bracket ? bracket[1]! : /[:%]/.test(rest) && !parseIp(rest.replace(/%.*$/, '')) ? rest.replace(/:\d+$/, '') : rest).replace(
    /%.*$/,
    '',
  );
  if (parseIp(host)) return undefined;
  if (rest.includes('/')) return undefined; // a file, relative to the working directory
  return err(a, `not an IP address or file: "${rest}"`, `IP 주소도 파일도 아닙니다: "${rest}"`);
}

/** Only dns, tls and https upstreams; CoreDNS names the address with the transport's default port added. */
function transportProblem(a: Prop['name']): Problem | undefined {
  const { transport, rest } = splitTransport(a.text);
  if (['dns', 'tls', 'https'].includes(transport)) return undefined;
  const shown =
    transport === 'unix' || /:\d+$/.test(rest)
      ? a.text
      : `${transport}://${rest.includes(':') ? `[${rest}]` : rest}:${DEFAULT_PORT[transport]}`;
  return err(
    a,
    `'${transport}' is not supported as a destination protocol in forward: ${shown}`,
    `forward는 '${transport}' 프로토콜로 전달할 수 없습니다: ${shown}`,
  );
}

export const check: PluginCheck = (d) => {
  const from = d.args[0];
  if (!from) return argErr(d.name);
  const z = normalizeKey(from.text);
  if ('error' in z) return err(from, `unable to normalize '${from.text}'`, `존 이름으로 읽을 수 없습니다: '${from.text}'`);
  const to = d.args.slice(1);
  if (to.length === 0) return argErr(from);
  for (const p of d.block ?? []) {
    const problem = property(p);
    if (problem) return problem;
  }
  for (const pass of [httpsPath, classify, transportProblem])
    for (const a of to) {
      const problem = pass(a);
      if (problem) return problem;
    }
  if (to.length > MAX_UPSTREAMS)
    return err(d.name, `more than ${MAX_UPSTREAMS} TOs configured: ${to.length}`, `업스트림이 ${MAX_UPSTREAMS}개를 넘습니다: ${to.length}`);
  return undefined;
};
