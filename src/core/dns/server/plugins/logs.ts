/**
 * errors and log (plugin/errors, plugin/log): they wrap the rest of the chain and print a line for
 * what comes back. errors prints `[ERROR] plugin/errors: RCODE NAME TYPE: ERROR` for an error a
 * plugin returned; log prints CoreDNS's common log format,
 * `[INFO] {remote}:{port} - {>id} "{type} {class} {name} {proto} {size} {>do} {>bufsize}" {rcode} {>rflags} {rsize} {duration}`,
 * the sizes on the wire (dns/wire.ts), the duration the time the server waited.
 */
import { loc, verbatim } from '../../../text/i18n';
import type { DnsMessage, Rcode } from '../../msg';
import { qname, qtype } from '../msgs';
import { after, type Built, type Next, type Req, type Res } from '../types';
import { hostPort } from '../words';
import { wireSize } from '../../wire';
import { type Builder, say, sourceOf } from './common';

const RCODE_NUM: Record<Rcode, number> = { NOERROR: 0, FORMERR: 1, SERVFAIL: 2, NXDOMAIN: 3, NOTIMP: 4, REFUSED: 5 };

export const errors: Builder = (p, ctx): Built => {
  const source = sourceOf(p, ctx);
  const me = { name: 'errors', source };
  return {
    handler: {
      name: 'errors',
      source,
      serve(req: Req, next: Next): Res {
        return after(next(req), (r) => {
          if (r.kind === 'code' && r.err) {
            const line = `[ERROR] plugin/errors: ${RCODE_NUM[r.rcode]} ${qname(req.msg)} ${qtype(req.msg)}: ${r.err}`;
            say(req, me, loc(`Logs: ${line}`, `로그: ${line}`), { log: line });
          }
          return r;
        });
      },
    },
  };
};

function flags(m: DnsMessage): string {
  const f = [m.response && 'qr', m.aa && 'aa', m.tc && 'tc', m.rd && 'rd', m.ra && 'ra', m.ad && 'ad', m.cd && 'cd'].filter(Boolean);
  return f.join(',') || '-';
}

export const log: Builder = (p, ctx): Built => {
  const source = sourceOf(p, ctx);
  const me = { name: 'log', source };
  return {
    handler: {
      name: 'log',
      source,
      serve(req: Req, next: Next): Res {
        return after(next(req), (r) => {
          const q = req.msg.question[0]!;
          // {size}: the query as it came; {rsize}: the reply as the plugin wrote it, before the server's
          // scrub writer adds the OPT record (a forwarded reply keeps its upstream's); {duration}: the
          // simulator's only clock is the time the server waited (forward's timeouts), as Go prints seconds
          // (forward's last step says its whole time: a continuation's steps hold only its own part)
          let waited = 0;
          for (const st of req.steps) if (typeof st.data?.['waitedMs'] === 'number') waited += st.data['waitedMs'] as number;
          for (const st of req.steps)
            if (typeof st.data?.['elapsedMs'] === 'number') waited = Math.max(waited, st.data['elapsedMs'] as number);
          const duration = `${waited / 1000}s`;
          const head = `[INFO] ${hostPort(req.query.client)} - ${req.msg.id} "${q.type} ${q.cls} ${q.name} ${req.query.proto} ${wireSize(req.msg, 'none')} ${req.msg.edns?.do ?? false} ${req.msg.edns?.udpSize ?? 512}"`;
          // the recorder saw no message when a plugin only returned a code (the server writes SERVFAIL or
          // REFUSED after log): the replacer's empty value for rcode and flags, size 0 (CoreDNS 1.11.1: `- - 0`)
          const line =
            r.kind === 'write'
              ? `${head} ${r.msg.rcode} ${flags(r.msg)} ${wireSize(r.msg, 'none')} ${duration}`
              : `${head} - - 0 ${duration}`;
          say(req, me, verbatim(line), { log: line });
          return r;
        });
      },
    },
  };
};
