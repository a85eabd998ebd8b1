/**
 * chaos (plugin/chaos): `chaos [VERSION] [AUTHORS...]`. A CH-class TXT question for version.bind or
 * version.server is answered with the version (`CoreDNS-1.11.1` by default), hostname.bind or
 * id.server with the host's name, authors.bind with the authors given (CoreDNS shuffles them; the
 * simulator keeps them sorted, as setup.go stores them). CoreDNS's built-in list of authors (no
 * AUTHORS given) is not simulated. Any other question goes to the next plugin.
 */
import { loc } from '../../../text/i18n';
import type { RR } from '../../msg';
import { qname, setReply } from '../msgs';
import type { Built, Next, Req, Res } from '../types';
import { type Builder, say, sourceOf } from './common';

/** The version chaos answers by default: caddy.AppName-AppVersion. */
export const CHAOS_VERSION = 'CoreDNS-1.11.1';

export const chaos: Builder = (p, ctx): Built => {
  const source = sourceOf(p, ctx);
  const me = { name: 'chaos', source };
  const version = p.args[0] ?? CHAOS_VERSION;
  const authors = [...new Set(p.args.slice(1))].sort();
  return {
    handler: {
      name: 'chaos',
      source,
      serve(req: Req, next: Next): Res {
        const q = req.msg.question[0]!;
        if (q.cls.toUpperCase() !== 'CH' || q.type.toUpperCase() !== 'TXT') return next(req);
        const txt = (s: string): RR => ({ name: q.name, ttl: 0, cls: 'CH', type: 'TXT', data: { type: 'TXT', strings: [s] } });
        let answer: RR[];
        switch (qname(req.msg)) {
          case 'version.bind.':
          case 'version.server.':
            answer = [txt(version)];
            break;
          case 'hostname.bind.':
          case 'id.server.':
            answer = [txt(ctx.hostname ?? 'localhost')];
            break;
          case 'authors.bind.':
            if (!authors.length) {
              say(
                req,
                me,
                loc(
                  'CoreDNS’s own list of authors is not simulated: passed on.',
                  'CoreDNS에 내장된 저자 목록은 시뮬레이션하지 않아 다음으로 넘깁니다.',
                ),
                {
                  notSimulated: 'chaos',
                },
              );
              return next(req);
            }
            answer = authors.map(txt);
            break;
          default:
            return next(req);
        }
        const said = answer.map((a) => (a.data.type === 'TXT' ? `"${a.data.strings.join('')}"` : '')).join(' ');
        say(req, me, loc(`Answers ${q.name} CH TXT: ${said}.`, `${q.name} CH TXT에 답합니다: ${said}.`));
        return { kind: 'write', msg: { ...setReply(req.msg), answer } };
      },
    },
  };
};
