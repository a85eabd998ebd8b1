/**
 * cache (plugin/cache): `cache [TTL] [ZONES...] { success CAP [TTL [MINTTL]], denial CAP [TTL [MINTTL]],
 * disable success|denial [ZONES...], keepttl, prefetch..., serve_stale... }`. A question in its zones is
 * looked up by name, type and class (and DO, CD); a hit is answered from the cache with AA set and the
 * stored TTL (the simulator has no clock inside a lookup: no time passes between two queries), a
 * miss goes down the chain and its reply is stored: positive answers for min(max(lowest TTL, MINTTL),
 * TTL) (3600 and 5 by default), NXDOMAIN and NODATA with an SOA for the same with 1800 and 5,
 * SERVFAIL for 5 seconds; every TTL of the reply is set to that duration, as cache.go does. A reply
 * without an SOA that is negative, truncated or an error other than SERVFAIL is not stored. The cache
 * lives as long as the session (one lookup). prefetch and serve_stale are parsed only.
 */
import { loc } from '../../../text/i18n';
import type { DnsMessage, RR } from '../../msg';
import { matchZone, qname, qtype } from '../msgs';
import { after, type Built, type Next, type Req, type Res } from '../types';
import { type Builder, origins, props, say, sourceOf, words } from './common';

type Kind = 'success' | 'nodata' | 'nxdomain' | 'servfail' | 'delegation' | 'other';

/** response.Typify, as far as the simulated replies go. */
function typify(m: DnsMessage): Kind {
  if (m.answer.length && m.rcode === 'NOERROR') return 'success';
  if (m.answer.length && m.rcode === 'NXDOMAIN') return 'other';
  const soa = m.authority.some((r) => r.type === 'SOA');
  if (soa && m.rcode === 'NOERROR') return 'nodata';
  if (m.rcode === 'NXDOMAIN') return 'nxdomain';
  if (m.rcode === 'SERVFAIL' || m.rcode === 'NOTIMP') return 'servfail';
  if (m.authority.some((r) => r.type === 'NS') && m.rcode === 'NOERROR') return 'delegation';
  if (m.rcode === 'NOERROR') return 'success';
  return 'other';
}

interface Item {
  readonly msg: DnsMessage;
  readonly ttl: number;
}

const withTtl = (rrs: readonly RR[], ttl: number): RR[] => rrs.map((r) => ({ ...r, ttl }));

export const cache: Builder = (p, ctx): Built => {
  const source = sourceOf(p, ctx);
  const me = { name: 'cache', source };
  let args = p.args;
  let pttl = 3600;
  let nttl = 1800;
  let minp = 5;
  let minn = 5;
  if (args[0] && /^[+-]?\d+$/.test(args[0])) {
    pttl = nttl = Number(args[0]);
    args = args.slice(1);
  }
  const zones = origins(args, ctx);
  const disabled: { success: string[]; denial: string[] } = { success: [], denial: [] };
  const parsedOnly: string[] = [];
  for (const pr of props(p)) {
    const w = words(pr);
    switch (pr.name.text) {
      case 'success':
        if (w[1]) pttl = Number(w[1]);
        if (w[2]) minp = Number(w[2]);
        break;
      case 'denial':
        if (w[1]) nttl = Number(w[1]);
        if (w[2]) minn = Number(w[2]);
        break;
      case 'disable':
        if (w[0] === 'success' || w[0] === 'denial') disabled[w[0]] = origins(w.slice(1), ctx);
        break;
      case 'keepttl':
        break; // a hit keeps the stored TTL: without a clock, it always does
      default:
        parsedOnly.push([pr.name.text, ...w].join(' '));
    }
  }
  const handler = {
    name: 'cache',
    source,
    serve(req: Req, next: Next): Res {
      const name = qname(req.msg);
      if (matchZone(zones, name) === '') {
        say(
          req,
          me,
          loc(
            `${name} is not in its zones (${zones.join(' ')}): not cached, passed on.`,
            `이름 ${name}: 캐시할 존(${zones.join(' ')})에 없어 캐시하지 않고 다음으로 넘깁니다.`,
          ),
        );
        return next(req);
      }
      const q = req.msg.question[0]!;
      const key = `cache ${name} ${qtype(req.msg)} ${q.cls.toUpperCase()} ${req.msg.edns?.do ? 1 : 0} ${req.msg.cd ? 1 : 0}`;
      const hit = req.state.get(key) as Item | undefined;
      if (hit) {
        say(
          req,
          me,
          loc(
            `Cache hit for ${name} ${q.type}: answered from the cache (${hit.msg.rcode}, TTL ${hit.ttl}; no time passes inside one lookup).`,
            `${name} ${q.type} 캐시 히트: 캐시에서 답합니다 (${hit.msg.rcode}, TTL ${hit.ttl}. 한 조회 안에서는 시간이 흐르지 않습니다).`,
          ),
          { hit: true, ttl: hit.ttl },
        );
        const m = hit.msg;
        return {
          kind: 'write',
          msg: {
            ...m,
            id: req.msg.id,
            rd: req.msg.rd,
            cd: req.msg.cd,
            question: req.msg.question.slice(0, 1),
            aa: true,
            ad: false,
            answer: withTtl(m.answer, hit.ttl),
            authority: withTtl(m.authority, hit.ttl),
            additional: withTtl(m.additional, hit.ttl),
          },
        };
      }
      say(
        req,
        me,
        loc(`Cache miss for ${name} ${q.type}: asks the next plugin.`, `${name} ${q.type} 캐시 미스: 다음 플러그인에 묻습니다.`),
        { hit: false },
      );
      if (parsedOnly.length)
        say(
          req,
          me,
          loc(`Parsed only, not simulated: ${parsedOnly.join('; ')}.`, `읽기만 하고 시뮬레이션하지 않습니다: ${parsedOnly.join('; ')}.`),
          { notSimulated: 'cache' },
        );
      return after(next(req), (r) => {
        if (r.kind !== 'write') {
          say(
            req,
            me,
            loc(
              `Nothing written to cache: the chain returned ${r.kind === 'code' ? r.rcode : 'no reply'}.`,
              `체인이 ${r.kind === 'code' ? r.rcode : '응답 없음'} 결과를 돌려주어 캐시에 넣지 않습니다.`,
            ),
          );
          return r;
        }
        const m = r.msg;
        const kind = typify(m);
        const all = [...m.answer, ...m.authority, ...m.additional];
        const lowest = (cap: number) => (all.length ? Math.min(cap, ...all.map((x) => x.ttl)) : 5);
        const duration =
          kind === 'nxdomain' || kind === 'nodata'
            ? Math.min(Math.max(lowest(nttl), minn), nttl)
            : kind === 'servfail'
              ? minn
              : Math.min(Math.max(kind === 'other' ? 5 : lowest(pttl), minp), pttl);
        const out: DnsMessage = {
          ...m,
          answer: withTtl(m.answer, duration),
          authority: withTtl(m.authority, duration),
          additional: withTtl(m.additional, duration),
        };
        const hasSoa = m.authority.some((x) => x.type === 'SOA');
        const incomplete = kind === 'success' && !hasSoa && m.answer.length > 0 && !m.answer.some((x) => x.type === qtype(req.msg));
        const storable = !m.tc && kind !== 'other' && !(kind === 'nxdomain' && !hasSoa) && !incomplete && duration > 0;
        const denial = kind === 'nxdomain' || kind === 'nodata' || kind === 'servfail';
        const off = matchZone(denial ? disabled.denial : disabled.success, name) !== '';
        if (storable && !off) {
          req.state.set(key, { msg: out, ttl: duration });
          say(
            req,
            me,
            loc(
              `Stored in the ${denial ? 'denial' : 'success'} cache for ${duration}s; the reply's TTLs are set to ${duration}.`,
              `${denial ? '부정(denial)' : '긍정(success)'} 캐시에 ${duration}초 동안 넣고, 응답의 TTL을 모두 ${duration}초로 맞춥니다.`,
            ),
            { stored: duration, kind },
          );
        } else
          say(
            req,
            me,
            loc(
              `Not stored (${off ? 'disabled for this zone' : kind === 'nxdomain' ? 'NXDOMAIN without an SOA' : 'not cacheable'}).`,
              `캐시에 넣지 않습니다 (${off ? '이 존에서 꺼 둠' : kind === 'nxdomain' ? 'SOA 없는 NXDOMAIN' : '캐시할 수 없는 응답'}).`,
            ),
          );
        return { kind: 'write', msg: out };
      });
    },
  };
  return { handler };
};
