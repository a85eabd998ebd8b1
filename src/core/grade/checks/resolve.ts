/**
 * `resolve: { from: client, name: web, expect: [10.0.0.5] }` — the name, looked up from `from` as a
 * program there would (getaddrinfo by default; getent; dig), gives what the check expects: its
 * addresses (`expect`), the DNS answer's rcode, a CNAME chain, or how the lookup ends (`status`). The
 * feedback says what was found and by which step: the /etc/hosts line, the server and its plugin.
 */
import { loc } from '../../text/i18n';
import type { CheckSpec } from '../../lab/types';
import { resolveName } from '../../dns/resolver';
import { lookupInLab } from '../../lab/fileLines';
import type { CheckKind, CheckResult } from '../types';
import { argsOf, endpointArg, formatEndpoint, missingEndpoint, shown } from './common';
import { RESOLVE_SCHEMA, resolveArgs, validateResolve } from './resolveArgs';
import { judgeLookup } from './resolveFeedback';

/** `client: getaddrinfo web`, `client: dig www.example.com CNAME`: the check's label. */
function resolveLabel(check: CheckSpec): string {
  const args = argsOf(check);
  const type = shown(args, 'type', '');
  return `${shown(args, 'from')}: ${shown(args, 'tool', 'getaddrinfo')} ${shown(args, 'name')}${type !== '?' ? ` ${type}` : ''}`;
}

export const resolveCheck: CheckKind = {
  kind: 'resolve',
  name: loc('resolves', '이름 해석'),
  summary: loc('The name must resolve as expected', '이름이 기대대로 해석되어야 합니다'),
  docs: {
    text: loc(
      'Looks `name` up from `from` as a program there would (`tool`: getaddrinfo, the default, as ping and curl do; getent; dig) and passes when it gives what the check expects: `expect` (the addresses, or for dig the records of `type`), `rcode` (the DNS answer), `cname` (the CNAME chain), `status` (success, notfound, nodata, tryagain, unavail). With none of them, the name must resolve.',
      '`from`에서 그 호스트의 프로그램처럼 `name`을 해석해(`tool`: 기본값 getaddrinfo는 ping과 curl처럼, getent, dig), 검사가 기대하는 결과가 나오면 통과합니다: `expect`(주소, dig라면 `type`의 레코드), `rcode`(DNS 응답), `cname`(CNAME 체인), `status`(success, notfound, nodata, tryagain, unavail). 아무것도 없으면 이름이 해석되기만 하면 됩니다.',
    ),
    example: '- resolve: { from: client, name: web, expect: [192.168.1.20] }',
  },
  schema: { args: RESOLVE_SCHEMA },
  label: resolveLabel,
  // A lookup as ping makes it: the Trace button shows the lookup's queries and answers first.
  packet: {
    of(check) {
      const args = resolveArgs(check);
      const from = endpointArg(argsOf(check), 'from');
      return args && from && args.tool === 'getaddrinfo' ? { from: formatEndpoint(from), to: args.name, proto: 'icmp' } : undefined;
    },
  },
  validate: validateResolve,
  run(check, ctx): CheckResult {
    const args = resolveArgs(check);
    const from = endpointArg(argsOf(check), 'from');
    if (!args || !from)
      return { passed: false, feedback: loc('This check has no valid from and name.', '이 검사에 올바른 from과 name이 없습니다.') };
    const head = `${formatEndpoint(from)}: ${args.toolWord} ${args.name}${args.type ? ` ${args.type}` : ''}`;
    const missing = missingEndpoint(ctx.world, from);
    if (missing) return { passed: false, feedback: { en: `${head}: ${missing.en}`, ko: `${head}: ${missing.ko}` } };
    const lookup = resolveName(ctx.world, { from, name: args.name, tool: args.tool, ...(args.type ? { type: args.type } : {}) });
    // The files' lines as the lab lines that wrote them (a host's /etc/hosts, a server's zone file).
    return judgeLookup(args, lookupInLab(ctx.lab, ctx.world, lookup), head);
  },
};
