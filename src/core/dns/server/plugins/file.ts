/**
 * file (plugin/file): `file DBFILE [ZONES...] { fallthrough [ZONES...], reload DURATION }`. The zone
 * file is read at start with each zone as its origin (a file that does not open leaves the zone
 * empty, which answers SERVFAIL; a file that does not parse stops CoreDNS), and a question is
 * answered as file.go's ServeDNS does with dns/zone's lookup (lookup.go): AA, NXDOMAIN and NODATA with
 * the SOA in the authority section, referrals without AA, CNAMEs chased inside the zone and a target
 * outside it asked of this server itself (CoreDNS's upstream), its answer appended. A name in none of
 * its zones goes to the next plugin (REFUSED when file is the last). fallthrough passes NXDOMAIN on.
 */
import { loc } from '../../../text/i18n';
import type { RR } from '../../msg';
import { parseZone } from '../../zone/parse';
import { formatDuration, parseDuration } from '../../corefile/go';
import { buildZone, lookup, type Zone, type ZoneAnswer } from '../../zone/zone';
import { fromZone, matchZone, qname, qtype, setReply, short } from '../msgs';
import { after, type Built, type Next, type Req, type Res } from '../types';
import { type Builder, Fall, origins, props, rooted, say, sourceOf, words } from './common';

export const file: Builder = (p, ctx): Built => {
  const source = sourceOf(p, ctx);
  const me = { name: 'file', source };
  const path = rooted(p.args[0] ?? '', ctx);
  const zonesOf = origins(p.args.slice(1), ctx);
  let fall = new Fall();
  for (const pr of props(p)) if (pr.name.text === 'fallthrough') fall = Fall.from(words(pr));
  const text = ctx.readFile(path);
  // setup.go: a file that cannot be opened is a warning (`trying again in` the reload interval, 1m0s
  // by default), fatal only with `reload 0`
  const warnings: string[] = [];
  if (text === undefined) {
    const reloadWord = props(p).find((pr) => pr.name.text === 'reload')?.args[0]?.text;
    const d = reloadWord === undefined ? { ns: 60e9 } : parseDuration(reloadWord);
    const openErr = `open ${path}: no such file or directory`;
    if ('ns' in d && d.ns === 0) return { error: `plugin/file: ${openErr}` };
    if ('ns' in d) warnings.push(`[WARNING] plugin/file: Failed to open "${openErr}": trying again in ${formatDuration(d.ns)}`);
  }
  const zones = new Map<string, Zone | undefined>();
  for (const origin of zonesOf) {
    if (text === undefined) {
      zones.set(origin, undefined);
      continue;
    }
    const parsed = parseZone(text, { origin, file: path });
    const bad = parsed.diagnostics.find((d) => d.severity === 'error');
    if (bad) {
      // the Go error is quoted in the diagnostic: `... (CoreDNS: dns: bad A A: "1.2.3" at line: 3:13).`
      const go =
        /\(CoreDNS: (.*)\)\.$/s.exec(bad.message.en)?.[1] ?? /\((file ".*" has no SOA record for origin .*)\)\.$/.exec(bad.message.en)?.[1];
      return { error: `plugin/file: ${go ?? bad.message.en}` };
    }
    zones.set(origin, buildZone(origin, parsed.records));
  }
  const handler = {
    name: 'file',
    source,
    serve(req: Req, next: Next): Res {
      const name = qname(req.msg);
      const type = qtype(req.msg);
      const origin = matchZone([...zones.keys()], name);
      if (!origin && next.none) {
        say(
          req,
          me,
          loc(
            `${name} is in none of its zones (${zonesOf.join(' ')}) and no plugin follows: REFUSED, as an authoritative server answers.`,
            `이름 ${name}: 이 플러그인의 존(${zonesOf.join(' ')}) 어디에도 없고 뒤에 플러그인도 없어, 권한 서버답게 REFUSED로 답합니다.`,
          ),
          { rcode: 'REFUSED' },
        );
        return { kind: 'code', rcode: 'REFUSED' };
      }
      if (!origin) {
        say(
          req,
          me,
          loc(
            `${name} is in none of its zones (${zonesOf.join(' ')}): passed on.`,
            `이름 ${name}: 이 플러그인의 존(${zonesOf.join(' ')}) 어디에도 없어 다음으로 넘깁니다.`,
          ),
        );
        return next(req);
      }
      const z = zones.get(origin);
      if (!z) {
        say(
          req,
          me,
          loc(
            `The zone file ${path} could not be read: zone ${origin} is empty, SERVFAIL.`,
            `${path} 파일을 읽을 수 없어 존 ${origin}의 내용이 비어 있습니다. SERVFAIL입니다.`,
          ),
          { rcode: 'SERVFAIL' },
        );
        return { kind: 'code', rcode: 'SERVFAIL' };
      }
      if (type === 'AXFR' || type === 'IXFR') {
        say(
          req,
          me,
          loc(`A zone transfer without the transfer plugin: REFUSED.`, `transfer 플러그인 없이 존 전송을 요청해 REFUSED입니다.`),
        );
        return { kind: 'code', rcode: 'REFUSED' };
      }
      const ans = lookup(z, name, type);
      if (ans.upstream) {
        const up = ans.upstream;
        say(
          req,
          me,
          loc(
            `The CNAME chain leaves the zone at ${up.name}: CoreDNS asks its own server for ${up.name} ${up.type}.`,
            `CNAME 사슬이 ${up.name}에서 존을 벗어나므로 CoreDNS가 자기 서버에 ${up.name} ${up.type} 레코드를 묻습니다.`,
          ),
        );
        return after(req.self(up.name, up.type), (r) => {
          // upstream.Lookup through a nonwriter, then doLookup: the message the server wrote (a plugin's,
          // or the server's own for SERVFAIL, REFUSED, FORMERR, NOTIMP); NXDOMAIN and SERVFAIL count,
          // NOERROR without an answer is NoData, and anything else (REFUSED for a name in no zone) Success
          const m = r.kind === 'write' ? r.msg : undefined;
          const rc =
            m?.rcode ?? (r.kind === 'code' && ['SERVFAIL', 'REFUSED', 'FORMERR', 'NOTIMP'].includes(r.rcode) ? r.rcode : undefined);
          const extra = m ? [...m.answer] : [];
          const result: ZoneAnswer['result'] =
            rc === 'NXDOMAIN' ? 'nxdomain' : rc === 'SERVFAIL' ? 'servfail' : rc === 'NOERROR' && !extra.length ? 'nodata' : 'success';
          return write(req, name, {
            rcode: result === 'nxdomain' ? 'NXDOMAIN' : result === 'servfail' ? 'SERVFAIL' : 'NOERROR',
            result,
            answer: [...ans.answer.map(fromZone), ...extra],
            // externalLookup's authority is the apex NS whatever the result
            authority: z.ns.map(fromZone),
            additional: ans.additional.map(fromZone),
            aa: true,
          });
        });
      }
      if (!ans.answer.length && (ans.result === 'nxdomain' || ans.result === 'success') && fall.through(name)) {
        say(
          req,
          me,
          loc(
            `${name} is not in zone ${origin}: fallthrough passes it on.`,
            `이름 ${name}: 존 ${origin}에 없어 fallthrough에 따라 다음으로 넘깁니다.`,
          ),
        );
        return next(req);
      }
      return write(req, name, {
        rcode: ans.rcode,
        result: ans.result,
        answer: ans.answer.map(fromZone),
        authority: ans.authority.map(fromZone),
        additional: ans.additional.map(fromZone),
        aa: ans.authoritative,
      });

      function write(
        rq: Req,
        n: string,
        a: { rcode: ZoneAnswer['rcode']; result: ZoneAnswer['result']; answer: RR[]; authority: RR[]; additional: RR[]; aa: boolean },
      ): Res {
        if (a.result === 'servfail' && !a.answer.length) {
          say(rq, me, loc(`The lookup failed: SERVFAIL.`, `조회가 실패해 SERVFAIL입니다.`), { rcode: 'SERVFAIL' });
          return { kind: 'code', rcode: 'SERVFAIL' };
        }
        say(
          rq,
          me,
          fileWords(n, type, origin, a.result, a.answer),
          { rcode: a.rcode, result: a.result },
          a.answer[0]?.source ?? a.authority[0]?.source,
        );
        return {
          kind: 'write',
          msg: {
            ...setReply(rq.msg),
            aa: a.aa,
            rcode: a.rcode === 'REFUSED' ? 'REFUSED' : a.rcode,
            answer: a.answer,
            authority: a.authority,
            additional: a.additional,
          },
        };
      }
    },
  };
  return { handler, ...(warnings.length ? { warnings } : {}) };
};

function fileWords(name: string, type: string, zone: string, result: ZoneAnswer['result'], answer: readonly RR[]) {
  const list = answer.map((r) => `${r.type} ${short(r)}`).join(', ');
  switch (result) {
    case 'success':
      return loc(
        `Zone ${zone} answers ${name} ${type}: ${list} (authoritative).`,
        `존 ${zone}에서 ${name} ${type}에 답합니다: ${list} (권한 있는 응답).`,
      );
    case 'nodata':
      return loc(
        `${name} is in zone ${zone} without ${type} records: NOERROR with no answer, the SOA in the authority section.`,
        `이름 ${name}: 존 ${zone}에 있지만 ${type} 레코드가 없어 답 없는 NOERROR이고, 권한 섹션에 SOA를 넣습니다.`,
      );
    case 'nxdomain':
      return loc(
        `${name} does not exist in zone ${zone}: NXDOMAIN, the SOA in the authority section.`,
        `이름 ${name}: 존 ${zone}에 없어 NXDOMAIN이고, 권한 섹션에 SOA를 넣습니다.`,
      );
    case 'delegation':
      return loc(
        `${name} is delegated below zone ${zone}: a referral (NS in the authority section, not authoritative).`,
        `이름 ${name}: 존 ${zone} 아래로 위임되어 있어 위임 응답(권한 섹션의 NS, 권한 없음)을 줍니다.`,
      );
    default:
      return loc(`Zone ${zone} answers ${name} ${type} with ${result}.`, `존 ${zone}에서 ${name} ${type}에 결과(${result})로 답합니다.`);
  }
}
