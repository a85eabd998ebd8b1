/**
 * whoami (plugin/whoami): answers every question with nothing in the answer section and, in the
 * additional section, the client's address (A or AAAA, named as asked, TTL 0) and an SRV
 * `_udp.NAME` or `_tcp.NAME` with the client's port and target `.`, AA set.
 */
import { loc } from '../../../text/i18n';
import type { RR } from '../../msg';
import { setReply } from '../msgs';
import type { Built, Req, Res } from '../types';
import { type Builder, say, sourceOf } from './common';

export const whoami: Builder = (p, ctx): Built => {
  const source = sourceOf(p, ctx);
  const me = { name: 'whoami', source };
  return {
    handler: {
      name: 'whoami',
      source,
      serve(req: Req): Res {
        const q = req.msg.question[0]!;
        const { addr, port } = req.query.client;
        const v6 = addr.includes(':');
        const srvName = q.name === '.' ? `_${req.query.proto}.` : `_${req.query.proto}.${q.name}`;
        const extra: RR[] = [
          {
            name: q.name,
            ttl: 0,
            cls: q.cls,
            type: v6 ? 'AAAA' : 'A',
            data: v6 ? { type: 'AAAA', address: addr } : { type: 'A', address: addr },
          },
          { name: srvName, ttl: 0, cls: q.cls, type: 'SRV', data: { type: 'SRV', priority: 0, weight: 0, port, target: '.' } },
        ];
        say(
          req,
          me,
          loc(
            `Answers with the client's own address and port in the additional section: ${addr} port ${port} over ${req.query.proto.toUpperCase()}.`,
            `추가 섹션에 클라이언트의 주소와 포트를 담아 답합니다: ${addr} 포트 ${port}, ${req.query.proto.toUpperCase()}.`,
          ),
        );
        return { kind: 'write', msg: { ...setReply(req.msg), aa: true, additional: extra } };
      },
    },
  };
};
