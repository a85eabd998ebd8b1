/**
 * The client side of a lookup (`resolveName`): glibc's getaddrinfo and gethostbyname2 through
 * nsswitch.conf, /etc/hosts and resolv.conf; dig's, host's and nslookup's own queries.
 * Every query is walked through the simulated network (dns/transport), so routes, rules and NAT
 * between the client and its servers decide as they do on a real host.
 */
import { loc } from '../../text/i18n';
import { formatEndpoint } from '../../net/endpoint';
import type { World } from '../../sim/model';
import type { DnsSession } from '../msg';
import type { Lookup, LookupRequest } from '../lookup';
import { readResolverFiles } from './config';
import { LookupCtx } from './ctx';
import { nssHosts, type NssOutcome } from './glibc';
import { resolveTool } from './tools';

export { MAX_QUERIES } from './ctx';
export { serverTimeout, refusedAnswer } from './send';
export { makeQuery } from './query';
export { readResolverFiles, etcPath, type ResolverFiles } from './config';

export function resolveName(world: World, req: LookupRequest, session?: DnsSession): Lookup {
  const ctx = new LookupCtx(world, req, session);
  const files = readResolverFiles(world, req.from);
  if (!files) {
    ctx.step(
      'note',
      loc(
        `There is no ${formatEndpoint(req.from)} to look the name up from.`,
        `이름을 조회할 ${formatEndpoint(req.from)}${''}이 없습니다.`,
      ),
    );
    return finish(ctx, { status: 'unavail', answers: [] });
  }
  let out: NssOutcome;
  if (req.tool === 'getaddrinfo' || req.tool === 'getent-ahosts') {
    const types = files.resolv.flags.has('no-aaaa') ? ['A'] : ['A', 'AAAA'];
    out = nssHosts(ctx, files, req.name, { family: 'any', types, multi: true });
  } else if (req.tool === 'getent-hosts') {
    out = nssHosts(ctx, files, req.name, { family: 'ipv6', types: ['AAAA'], multi: files.multi });
    if (out.status !== 'success') {
      ctx.step(
        'note',
        loc(
          'No IPv6 address: getent hosts asks again for IPv4 (gethostbyname2 AF_INET).',
          'IPv6 주소가 없어 getent hosts가 IPv4로 다시 조회합니다(gethostbyname2 AF_INET).',
        ),
      );
      out = nssHosts(ctx, files, req.name, { family: 'ipv4', types: ['A'], multi: files.multi });
    }
  } else {
    out = resolveTool(ctx, files);
  }
  if (ctx.exhausted) {
    ctx.step(
      'note',
      loc(`The lookup stopped after ${ctx.queries.length} queries.`, `질의 ${ctx.queries.length}개를 보낸 뒤 조회를 멈췄습니다.`),
    );
  }
  return finish(ctx, out);
}

function finish(ctx: LookupCtx, out: NssOutcome): Lookup {
  return {
    request: ctx.req,
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
