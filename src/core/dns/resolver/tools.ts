/**
 * dig, host and nslookup (BIND 9.18): their own queries, never /etc/hosts nor nsswitch.conf.
 * First version: the server from the command line or resolv.conf's first, the name as given (dig)
 * or through the search list (host, nslookup), dig's +tries=3 +time=5 by default.
 */
import type { ResolverFiles } from './config';
import type { LookupCtx } from './ctx';
import { addressesOf, type NssOutcome } from './glibc';
import { makeQuery } from './query';
import { sendOne } from './send';
import { searchCandidates } from '../files/search';
import { rdataText } from '../zone/rdata';

export function resolveTool(ctx: LookupCtx, f: ResolverFiles): NssOutcome {
  const req = ctx.req;
  const type = (req.type ?? 'A').toUpperCase();
  const opt = req.options ?? {};
  const server = req.server ?? f.resolv.nameservers[0]?.address ?? '127.0.0.1';
  const tries = Number(opt['tries'] ?? (opt['retry'] !== undefined ? Number(opt['retry']) + 1 : req.tool === 'dig' ? 3 : 2));
  const time = Number(opt['time'] ?? 5);
  const search = req.tool !== 'dig' || opt['search'] === true;
  const names = search
    ? searchCandidates(req.name, { ndots: Number(opt['ndots'] ?? f.resolv.ndots.value), search: f.resolv.search.map((d) => d.name) }).map(
        (c) => c.name,
      )
    : [req.name];
  let last: NssOutcome = { status: 'tryagain', answers: [] };
  for (const name of names) {
    const msg = makeQuery(name, type, {
      id: ctx.id(),
      rd: opt['recurse'] !== false,
      ...(req.tool === 'dig' ? { edns: { udpSize: 1232, do: false } } : {}),
    });
    const one = sendOne(ctx, server, Number(opt['port'] ?? 53), msg, time * 1000, tries);
    if (!one.result) break;
    ctx.elapsedMs += one.result.elapsedMs;
    const reply = one.result.reply;
    if (!reply) {
      last = { status: 'tryagain', answers: [] };
      break;
    }
    const got = addressesOf(reply, name, type);
    if (reply.rcode === 'NOERROR' && reply.answer.length > 0) {
      return {
        status: 'success',
        answers: reply.answer.map((rr) => ({
          name: rr.name,
          type: rr.type,
          ttl: rr.ttl,
          data: rdataText(rr.data),
          ...(rr.source ? { source: rr.source } : {}),
        })),
        canonical: got.canonical,
        rcode: 'NOERROR',
        answeredBy: 'dns',
      };
    }
    last = {
      status: reply.rcode === 'NXDOMAIN' ? 'notfound' : reply.rcode === 'NOERROR' ? 'nodata' : 'tryagain',
      answers: [],
      rcode: reply.rcode,
    };
    if (reply.rcode !== 'NXDOMAIN' && reply.rcode !== 'NOERROR') break;
  }
  return last;
}
