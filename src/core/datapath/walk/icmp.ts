/**
 * icmp_send: a router (or a REJECT rule) answers a packet with an ICMP error, sent back to the
 * packet's source from this namespace with the packet inside. No error is sent about an error, nor
 * on the way back: then the answer is simply lost.
 */
import { formatAddr } from '../../net/addr';
import { loc } from '../../text/i18n';
import { fibTableLookup, routeOutput } from '../../sim/fib';
import { hopLimit } from '../../sim/kernel';
import { icmpName } from '../inet6';
import { type Netns, nsLabel, type SourceRef } from '../../sim/model';
import { DEFAULT_TTL, type IcmpKind, type Packet } from '../packet';
import type { Verdict } from '../trace';
import type { Walk } from './context';
import { eulreul, iga, ro } from '../../text/particle';

export function icmpError(w: Walk, ns: Netns, p: Packet, kind: IcmpKind, cause: Verdict, source?: SourceRef): void {
  if (w.inReply || (p.proto === 'icmp' && p.icmp !== 'echo-request')) {
    w.end({
      verdict: cause,
      reason: loc(
        `The answer was lost: ${p.dst.family === 6 ? icmpName(kind, 6) : kind} at ${nsLabel(ns)}.`,
        `응답이 사라졌습니다: ${nsLabel(ns)}에서 ${p.dst.family === 6 ? icmpName(kind, 6) : kind}.`,
      ),
      source,
    });
    return;
  }
  w.conn.icmpCause = cause;
  w.conn.icmpSource = source;
  const out = routeOutput(ns, p.src);
  // icmp_send: about a packet addressed to this namespace, the error comes from that address;
  // otherwise the route back chooses the source.
  const local = fibTableLookup(ns, p.dst)?.type === 'local';
  const src = local ? p.dst : out.ok ? out.value.src : undefined;
  w.add(
    ns,
    'icmp',
    undefined,
    p,
    loc(
      `${nsLabel(ns)} sends ${icmpName(kind, p.src.family)} back to ${formatAddr(p.src)}.`,
      p.src.family === 6
        ? `${nsLabel(ns)}에서 ${icmpName(kind, 6)} 메시지를 ${formatAddr(p.src)} 쪽으로 돌려보냅니다.`
        : `${iga(nsLabel(ns))} ICMP ${eulreul(kind)} ${ro(formatAddr(p.src))} 돌려보냅니다.`,
    ),
    { source },
  );
  w.startReply();
  w.stages.sendLocal(
    w,
    ns,
    {
      src: src ?? { family: p.src.family, value: 0n },
      dst: p.src,
      ttl: p.src.family === 6 && out.ok ? hopLimit(out.value.dev) : DEFAULT_TTL,
      proto: 'icmp',
      icmp: kind,
      inner: p,
    },
    false,
  );
  if (!w.conn.ending)
    w.end({
      verdict: cause,
      reason: loc(`${icmpName(kind, p.src.family)} from ${nsLabel(ns)}.`, `${nsLabel(ns)}에서 ${icmpName(kind, p.src.family)}.`),
      source,
    });
}
