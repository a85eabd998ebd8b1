/**
 * gethostbyaddr (what `getent hosts ADDRESS` calls): files gives the first line with the address
 * (its first name the answer, the rest aliases); dns asks the PTR record of its reverse name
 * (`5.0.0.10.in-addr.arpa.`), without any search list (nss_dns/dns-host.c gethostbyaddr2_r).
 */
import { loc } from '../../text/i18n';
import { parseAddr, addrEq } from '../../net/addr';
import { reverseName } from '../zone/names';
import { rdataText } from '../zone/rdata';
import type { LookupAnswer } from '../lookup';
import type { ResolverFiles } from './config';
import type { LookupCtx } from './ctx';
import { resQuery } from './dns';
import type { Outcome } from './types';

export function reverseLookup(ctx: LookupCtx, f: ResolverFiles, address: string): Outcome {
  const want = parseAddr(address);
  const path = f.hostsPath ?? '/etc/hosts';
  let herrno = 'HOST_NOT_FOUND';
  let rcode: Outcome['rcode'];
  for (const s of f.nsswitch.hosts) {
    let status: 'SUCCESS' | 'NOTFOUND' | 'UNAVAIL' = 'UNAVAIL';
    let answers: LookupAnswer[] = [];
    if (s.name === 'files') {
      const e = f.hosts.entries.find((x) => addrEq(parseAddr(x.address), want) && x.names.length > 0);
      if (e) {
        status = 'SUCCESS';
        // One answer per name, the canonical name first, then the aliases (getent prints them on one line).
        answers = e.names.map((n) => ({ name: reverseName(address)!, type: 'PTR', ttl: 0, data: n.text, source: e.range }));
        ctx.step(
          'hosts',
          loc(
            `${path} line ${e.line}: ${address} is ${e.names[0]!.text}.`,
            `${path} ${e.line}번째 줄: ${address}의 이름은 ${e.names[0]!.text}입니다.`,
          ),
          {
            source: e.range,
          },
        );
      } else {
        status = 'NOTFOUND';
        ctx.step('hosts', loc(`${path} has no line for ${address}.`, `${path}에 ${address} 줄이 없습니다.`));
      }
    } else if (s.name === 'dns') {
      const ptr = reverseName(address)!;
      const r = resQuery(ctx, f.resolv, ptr, ['PTR']);
      herrno = r.herrno;
      rcode = r.rcode;
      const m = r.replies[0];
      const names = m?.answer.filter((rr) => rr.type === 'PTR').map((rr) => rdataText(rr.data)) ?? [];
      if (r.herrno === 'OK' && names.length > 0) {
        status = 'SUCCESS';
        answers = names.map((n) => ({ name: ptr, type: 'PTR', ttl: 0, data: n }));
      } else status = r.errno !== 0 ? 'UNAVAIL' : 'NOTFOUND';
    } else {
      ctx.step('nsswitch', loc(`The "${s.name}" source is not simulated.`, `"${s.name}" 소스는 시뮬레이션하지 않습니다.`));
    }
    const action = s.actions[status];
    ctx.step('nsswitch', loc(`hosts: ${s.name}: ${status}, ${action}.`, `hosts: ${s.name}: ${status}, ${action}.`), {
      ...(s.range ? { source: s.range } : {}),
      data: { source: s.name, status, action },
    });
    if (status === 'SUCCESS') return { status: 'success', answers, answeredBy: s.name, ...(rcode ? { rcode } : {}) };
    if (action === 'return') break;
  }
  return { status: herrno === 'TRY_AGAIN' ? 'tryagain' : 'notfound', answers: [], ...(rcode ? { rcode } : {}) };
}
