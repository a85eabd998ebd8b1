/**
 * systemd's nss-myhostname (nss-myhostname(8)), simple enough to model from its manual:
 * - the host's own name: every address of the namespace but loopback ones, global before link
 *   scope (none: 127.0.0.2 and ::1);
 * - `localhost`, `localhost.localdomain` and names under `.localhost` or `.localhost.localdomain`:
 *   127.0.0.1 and ::1;
 * - `_gateway`: the gateways of the default routes of the main table, by metric.
 * Any other name: NOTFOUND. (`_outbound` and systemd's stub names are not modelled: NOTFOUND too,
 * with a step that says so.)
 */
import { loc } from '../../text/i18n';
import { eunneun } from '../../text/particle';
import { formatAddr, isLoopback } from '../../net/addr';
import { ROOT_NS } from '../../sim/model';
import { inet6Addrs } from '../../sim/inet6';
import type { LookupAnswer } from '../lookup';
import type { ResolverFiles } from './config';
import type { LookupCtx } from './ctx';
import type { HErrno } from './dns';
import type { Family } from './types';
import type { NssStatus } from '../files/nsswitch';

interface Result {
  readonly status: NssStatus;
  readonly herrno: HErrno;
  readonly answers: LookupAnswer[];
  readonly canonical?: string;
}

const MAIN_TABLE = 254;

export function myhostname(ctx: LookupCtx, f: ResolverFiles, name: string, af: Family): Result {
  const key = name.replace(/\.$/, '').toLowerCase();
  const ns = f.host.netns.get(f.netns || ROOT_NS)!;
  let addrs: string[] = [];
  let what = '';
  if (key === 'localhost' || key === 'localhost.localdomain' || key.endsWith('.localhost') || key.endsWith('.localhost.localdomain')) {
    addrs = ['127.0.0.1', '::1'];
    what = 'localhost';
  } else if (key === f.hostname.toLowerCase()) {
    const global: string[] = [];
    const link: string[] = [];
    for (const l of ns.links.values()) {
      for (const a of l.addrs)
        if (a.addr.family === 4 && !isLoopback(a.addr)) (a.scope === 'global' ? global : link).push(formatAddr(a.addr));
      for (const a of inet6Addrs(l)) {
        if (isLoopback(a.addr) || a.tentative) continue;
        // A link-local address carries its zone, the interface's index (`fe80::1%2`, as getent prints it).
        if (a.scope === 'link') link.push(`${formatAddr(a.addr)}%${l.ifindex}`);
        else global.push(formatAddr(a.addr));
      }
    }
    addrs = [...global, ...link];
    if (addrs.length === 0) addrs = ['127.0.0.2', '::1'];
    what = 'hostname';
  } else if (key === '_gateway') {
    const routes = (ns.tables.get(MAIN_TABLE) ?? []).filter((r) => r.dst.len === 0 && r.gateway).sort((a, b) => a.metric - b.metric);
    addrs = routes.map((r) => formatAddr(r.gateway!));
    what = '_gateway';
  }
  const fam = addrs.filter((a) => (af === 'inet' ? !a.includes(':') : af === 'inet6' ? a.includes(':') : true));
  if (fam.length === 0) {
    ctx.step(
      'note',
      key === '_outbound'
        ? loc('myhostname: _outbound is not simulated.', 'myhostname: _outbound는 시뮬레이션하지 않습니다.')
        : loc(`myhostname: ${key} is none of its names.`, `myhostname: ${eunneun(key)} 이 소스가 답하는 이름이 아닙니다.`),
      { data: { source: 'myhostname' } },
    );
    return { status: 'NOTFOUND', herrno: 'HOST_NOT_FOUND', answers: [] };
  }
  ctx.step(
    'note',
    loc(`myhostname: ${key} (${what}) is ${fam.join(', ')}.`, `myhostname: ${key}(${what})의 주소는 ${fam.join(', ')}입니다.`),
    {
      data: { source: 'myhostname', addresses: fam },
    },
  );
  return {
    status: 'SUCCESS',
    herrno: 'OK',
    answers: fam.map((a) => ({ name: key, type: a.includes(':') ? 'AAAA' : 'A', ttl: 0, data: a })),
    canonical: key,
  };
}
