/**
 * loadbalance (plugin/loadbalance): `loadbalance [round_robin]`. A NOERROR reply's sections are
 * shuffled as its roundRobin does: CNAMEs first, then other records, then the A/AAAA records and the
 * MX records each shuffled. Go draws the shuffle from dns.Id() (random); the simulator draws it from
 * the session's count of replies, so the same lookup always shuffles the same way.
 */
import { loc } from '../../../text/i18n';
import type { RR } from '../../msg';
import { after, type Built, type Next, type Req, type Res } from '../types';
import { type Builder, say, sourceOf } from './common';

/** roundRobinShuffle with `id()` standing in for dns.Id(). */
function shuffle(records: RR[], id: () => number): void {
  const l = records.length;
  if (l < 2) return;
  if (l === 2) {
    if (id() % 2 === 0) [records[0], records[1]] = [records[1]!, records[0]!];
    return;
  }
  for (let j = 0; j < l; j++) {
    const p = j + (id() % (l - j));
    if (j !== p) [records[j], records[p]] = [records[p]!, records[j]!];
  }
}

export function roundRobin(rrs: readonly RR[], id: () => number): RR[] {
  if (rrs.length <= 1) return [...rrs];
  const t = rrs[0]!.type;
  if ((t === 'A' || t === 'AAAA') && rrs.every((r) => r.type === t)) {
    const out = [...rrs];
    shuffle(out, id);
    return out;
  }
  const cname = rrs.filter((r) => r.type === 'CNAME');
  const address = rrs.filter((r) => r.type === 'A' || r.type === 'AAAA');
  const mx = rrs.filter((r) => r.type === 'MX');
  const rest = rrs.filter((r) => !['CNAME', 'A', 'AAAA', 'MX'].includes(r.type));
  shuffle(address, id);
  shuffle(mx, id);
  return [...cname, ...rest, ...address, ...mx];
}

export const loadbalance: Builder = (p, ctx): Built => {
  const source = sourceOf(p, ctx);
  const me = { name: 'loadbalance', source };
  return {
    handler: {
      name: 'loadbalance',
      source,
      serve(req: Req, next: Next): Res {
        return after(next(req), (r) => {
          if (r.kind !== 'write' || r.msg.rcode !== 'NOERROR') return r;
          const id = () => {
            const n = ((req.state.get('loadbalance id') as number | undefined) ?? 0) + 1;
            req.state.set('loadbalance id', n);
            return (n * 40503 + 12345) & 0xffff;
          };
          const m = r.msg;
          const answer = roundRobin(m.answer, id);
          say(
            req,
            me,
            loc(
              `Shuffles the reply's records (round robin; the order is drawn from the session, so it is the same for the same lookup): ${answer.map((a) => a.type + ' ' + ('address' in a.data ? a.data.address : a.name)).join(', ') || '-'}.`,
              `응답의 레코드를 섞습니다 (라운드 로빈. 순서는 세션에서 뽑으므로 같은 조회에서는 같습니다): ${answer.map((a) => a.type + ' ' + ('address' in a.data ? a.data.address : a.name)).join(', ') || '-'}.`,
            ),
          );
          return { kind: 'write', msg: { ...m, answer, authority: roundRobin(m.authority, id), additional: roundRobin(m.additional, id) } };
        });
      },
    },
  };
};
