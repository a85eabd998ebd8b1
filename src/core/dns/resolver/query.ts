/** Making a query message, as the resolvers put it on the wire. */
import type { DnsMessage } from '../msg';

export interface QueryOptions {
  readonly id: number;
  /** RD: recursion desired (glibc, dig and host set it; dig +norecurse clears it). */
  readonly rd?: boolean;
  /** An EDNS0 OPT record (dig sends one, glibc only with `options edns0`). */
  readonly edns?: { readonly udpSize: number; readonly do: boolean };
  readonly ad?: boolean;
}

/** A query for `name` (made absolute) and `type`, class IN. */
export function makeQuery(name: string, type: string, opts: QueryOptions): DnsMessage {
  const abs = name.endsWith('.') ? name : `${name}.`;
  return {
    id: opts.id,
    response: false,
    opcode: 'QUERY',
    aa: false,
    tc: false,
    rd: opts.rd ?? true,
    ra: false,
    ad: opts.ad ?? false,
    cd: false,
    rcode: 'NOERROR',
    question: [{ name: abs, type, cls: 'IN' }],
    answer: [],
    authority: [],
    additional: [],
    ...(opts.edns ? { edns: opts.edns } : {}),
  };
}
