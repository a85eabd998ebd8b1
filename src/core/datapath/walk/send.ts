/**
 * Sending from a namespace's own stack (ip_queue_xmit): the output route and its source address,
 * OUTPUT, a new route lookup when OUTPUT rewrote where the packet goes (ip_route_me_harder), then
 * loopback delivery for the namespace's own addresses or POSTROUTING and the wire. When no route
 * takes the packet, the step says why: the route that refused it, or what the table holds.
 */
import { type Addr, addrEq, formatAddr } from '../../net/addr';
import { type Localized, loc } from '../../text/i18n';
import { eulreul, eunneun, iga, ro } from '../../text/particle';
import { STRERROR } from '../../sim/errors';
import { type OutputRoute, routeOutput } from '../../sim/fib';
import { type Link, nsLabel, type Netns, type Route, TABLE_MAIN } from '../../sim/model';
import { routeLine, tableName } from '../../sim/routefmt';
import { DEFAULT_TTL, describe, type Packet } from '../packet';
import { hopLimit } from '../../sim/kernel';
import type { Verdict } from '../trace';
import type { Walk } from './context';
import { type Explanation, explainNoRoute } from './explain';

export function sendLocal(w: Walk, ns: Netns, p0: Packet, first: boolean, oif?: Link): void {
  const out = lookup(w, ns, p0, first ? undefined : p0.src, oif);
  if (!out) return;
  // An IPv6 packet leaves with its device's hop limit (net.ipv6.conf.DEV.hop_limit).
  const hop = p0.dst.family === 6 && p0.ttl === DEFAULT_TTL ? { ttl: hopLimit(out.dev) } : {};
  const p: Packet = first ? { ...p0, src: out.src ?? p0.src, ...hop, ...(out.sendTo ? { dst: out.sendTo } : {}) } : p0;
  if (first) {
    w.conn.origin.packet = p;
    w.add(ns, 'send', undefined, p, loc(`${nsLabel(ns)} sends ${describe(p)}.`, `${iga(nsLabel(ns))} ${eulreul(describe(p))} 보냅니다.`));
  }
  routeStep(w, ns, p, out);
  let o = out;
  let q = w.stages.hook(w, 'OUTPUT', ns, p, { out: o.dev });
  if (!q) return;
  if (!addrEq(q.dst, p.dst) || (q.mark ?? 0) !== (p.mark ?? 0)) {
    // ip_route_me_harder: OUTPUT changed where the packet goes, so the route is looked up again.
    const again = lookup(w, ns, q, q.src);
    if (!again) return;
    o = again;
    routeStep(w, ns, q, o, true);
  }
  if (o.type === 'local') {
    if (!o.dev.up) {
      w.drop(
        ns,
        o.dev,
        q,
        'dropped',
        loc(
          `${formatAddr(q.dst)} is ${nsLabel(ns)}'s own address, and such packets go through lo, which is down: lost.`,
          `${eunneun(formatAddr(q.dst))} ${nsLabel(ns)} 자신의 주소라 lo를 거쳐야 하는데 lo가 down 상태라 사라집니다.`,
        ),
        o.dev.origin,
      );
      return;
    }
    const post = w.stages.hook(w, 'POSTROUTING', ns, q, { out: o.dev });
    if (!post) return;
    w.add(ns, 'xmit', o.dev, post, loc('Looped back through lo.', 'lo를 통해 되돌아옵니다.'));
    w.stages.ipInput(w, ns, o.dev, post);
    return;
  }
  if (o.type === 'broadcast') {
    w.drop(
      ns,
      o.dev,
      q,
      'dropped',
      loc(
        `${formatAddr(q.dst)} is a broadcast address; broadcasts are not traced.`,
        `${eunneun(formatAddr(q.dst))} 브로드캐스트 주소입니다. 브로드캐스트는 추적하지 않습니다.`,
      ),
    );
    return;
  }
  q = w.stages.hook(w, 'POSTROUTING', ns, q, { out: o.dev });
  if (!q) return;
  w.stages.output(w, ns, o.dev, o.nexthop, q, true);
}

type Out = OutputRoute;

/** The output route, or the walk's end with the reason when there is none. */
function lookup(w: Walk, ns: Netns, p: Packet, src: Addr | undefined, oif?: Link): Out | undefined {
  const out = routeOutput(ns, p.dst, { ...(src ? { src } : {}), ...(oif ? { oif } : {}) });
  if (out.ok) return out.value;
  const r = out.route;
  const dst = formatAddr(p.dst);
  const rt = r ? routeLine(r) : '';
  const l = nsLabel(ns);
  const byType: Record<string, [Verdict, Localized]> = {
    ENETUNREACH: [
      'no-route',
      loc(
        `${l} has no route to ${dst} (connect: ${STRERROR.ENETUNREACH}).`,
        `${l}에 ${ro(dst)} 가는 라우트가 없습니다 (connect: ${STRERROR.ENETUNREACH}).`,
      ),
    ],
    EINVAL: [
      'blackhole',
      loc(
        `The route "${rt}" on ${l} is a blackhole: the packet is discarded (connect: ${STRERROR.EINVAL}).`,
        `${l}의 라우트 ${eunneun(`"${rt}"`)} blackhole이라 패킷이 버려집니다 (connect: ${STRERROR.EINVAL}).`,
      ),
    ],
    EHOSTUNREACH: [
      'unreachable-route',
      loc(
        `The route "${rt}" on ${l} marks ${dst} unreachable (connect: ${STRERROR.EHOSTUNREACH}).`,
        `${l}의 라우트 ${iga(`"${rt}"`)} ${eulreul(dst)} unreachable로 지정합니다 (connect: ${STRERROR.EHOSTUNREACH}).`,
      ),
    ],
    EACCES: [
      'prohibited',
      loc(
        `The route "${rt}" on ${l} prohibits ${dst} (connect: ${STRERROR.EACCES}).`,
        `${l}의 라우트 ${iga(`"${rt}"`)} ${eulreul(dst)} 금지합니다 (connect: ${STRERROR.EACCES}).`,
      ),
    ],
  };
  const [verdict, reason] = byType[out.err.errno] ?? [
    'no-route',
    loc(`No route: ${STRERROR[out.err.errno]}.`, `라우트 없음: ${STRERROR[out.err.errno]}.`),
  ];
  if (r) {
    w.add(
      ns,
      'route',
      undefined,
      p,
      loc(
        `Route lookup for ${dst}: "${rt}" (table ${tableName(r.table)}) matches.`,
        `${dst} 라우트 조회: "${rt}" (${tableName(r.table)} 테이블)이 일치합니다.`,
      ),
      { data: { route: rt, table: tableName(r.table) }, source: r.origin },
    );
    w.drop(ns, undefined, p, verdict, reason, r.origin);
    return undefined;
  }
  const why = out.err.errno === 'ENETUNREACH' ? explainNoRoute(w.world, ns, p.dst) : undefined;
  noRouteStep(w, ns, p, why);
  w.drop(
    ns,
    undefined,
    p,
    verdict,
    why ? loc(`${reason.en} ${why.reason.en}`, `${reason.ko} ${why.reason.ko}`) : reason,
    why?.source,
    why?.data,
  );
  return undefined;
}

function noRouteStep(w: Walk, ns: Netns, p: Packet, why: Explanation | undefined): void {
  const dst = formatAddr(p.dst);
  const routes = (ns.tables.get(TABLE_MAIN) ?? []).filter((x: Route) => x.dst.addr.family === p.dst.family).map((x) => routeLine(x));
  const list = routes.length ? routes.slice(0, 8).join('; ') + (routes.length > 8 ? `; ... (${routes.length - 8} more)` : '') : '';
  const base = routes.length
    ? loc(
        `Route lookup for ${dst}: no route of ${nsLabel(ns)} covers it, and there is no default route. The main table: ${list}.`,
        `${dst} 라우트 조회: ${nsLabel(ns)}의 어떤 라우트도 이 주소를 포함하지 않고 기본 라우트도 없습니다. main 테이블: ${list}.`,
      )
    : loc(
        `Route lookup for ${dst}: ${nsLabel(ns)}'s main table is empty (no address is configured and up, no route added).`,
        `${dst} 라우트 조회: ${nsLabel(ns)}의 main 테이블이 비어 있습니다 (설정되어 up 상태인 주소도, 추가한 라우트도 없습니다).`,
      );
  const detail = why ? loc(`${base.en} ${why.reason.en}`, `${base.ko} ${why.reason.ko}`) : base;
  w.add(ns, 'route', undefined, p, detail, { data: { table: 'main', routes, ...why?.data }, source: why?.source });
}

function routeStep(w: Walk, ns: Netns, p: Packet, o: Out, again = false): void {
  const r = o.route;
  const rt = routeLine(r);
  const src = o.src ? formatAddr(o.src) : '0.0.0.0';
  const via = o.gateway ? loc(` via ${formatAddr(o.gateway)}`, ` (게이트웨이 ${formatAddr(o.gateway)})`) : loc('', '');
  const lead = again
    ? loc('OUTPUT changed the packet, so the route is looked up again. ', 'OUTPUT이 패킷을 바꿔서 라우트를 다시 조회합니다. ')
    : loc('', '');
  w.add(
    ns,
    'route',
    o.dev,
    p,
    o.sendTo
      ? loc(
          `${formatAddr(r.dst.addr)} stands for ${nsLabel(ns)} itself: the kernel sends the packet to ${formatAddr(o.sendTo)}, out through lo.`,
          `${eunneun(formatAddr(r.dst.addr))} ${nsLabel(ns)} 자신을 뜻합니다. 커널은 패킷을 ${ro(formatAddr(o.sendTo))} 보내며 lo로 나갑니다.`,
        )
      : o.type === 'local'
        ? loc(
            `${lead.en}${formatAddr(p.dst)} is one of ${nsLabel(ns)}'s own addresses: route "${rt}" (table local), out through lo.`,
            `${lead.ko}${eunneun(formatAddr(p.dst))} ${nsLabel(ns)} 자신의 주소입니다: 라우트 "${rt}" (local 테이블), lo로 나갑니다.`,
          )
        : loc(
            `${lead.en}Route lookup for ${formatAddr(p.dst)}: "${rt}" (table ${tableName(r.table)}) matches, out dev ${o.dev.name}${via.en}, source ${src}.`,
            `${lead.ko}${formatAddr(p.dst)} 라우트 조회: "${rt}" (${tableName(r.table)} 테이블)이 일치합니다. ${ro(o.dev.name)}${via.ko} 나가며 출발지 주소는 ${src}입니다.`,
          ),
    {
      data: { route: rt, table: tableName(r.table), dev: o.dev.name, src, ...(o.gateway ? { gateway: formatAddr(o.gateway) } : {}) },
      source: r.origin,
    },
  );
}
