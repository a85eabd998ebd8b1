/**
 * ip_rcv and ip_route_input: PREROUTING, the martian checks, the input route; then local delivery
 * (INPUT, the socket layer) or forwarding (ip_forward, TTL, FORWARD, POSTROUTING, out again), or
 * the ICMP error a router answers with, or a drop with the setting or route behind it.
 */
import { type Addr, formatAddr, isLimitedBroadcast, isLoopback, isMulticast, networkOf, prefixContains } from '../../net/addr';
import { loc } from '../../text/i18n';
import { eulreul, eunneun, iga, ro } from '../../text/particle';
import { effectiveGateway, fibTableLookup } from '../../sim/fib';
import { ipv6Forwarding, linkForwarding } from '../../sim/kernel';
import { icmpName } from '../inet6';
import { type Link, type Netns, nsLabel } from '../../sim/model';
import { routeLine, tableName } from '../../sim/routefmt';
import type { IcmpKind, Packet } from '../packet';
import type { Walk } from './context';
import { sendRedirects } from '../../sim/ipv4conf';
import { explainNoRoute } from './explain';
import { martianCheck, validateSource } from './martian';

export function ipInput(w: Walk, ns: Netns, inDev: Link, p0: Packet): void {
  const p = w.stages.hook(w, 'PREROUTING', ns, p0, { in: inDev });
  if (!p) return;
  const label = nsLabel(ns);
  if (inDev.kind !== 'loopback' && (isMulticast(p.src) || isLimitedBroadcast(p.src) || (isLoopback(p.src) && p.src.family === 6))) {
    w.drop(
      ns,
      inDev,
      p,
      'dropped',
      loc(
        `${label} drops a packet with the martian source ${formatAddr(p.src)}.`,
        `${iga(label)} 비정상 출발지 ${formatAddr(p.src)}의 패킷을 버립니다.`,
      ),
    );
    return;
  }
  if (!martianCheck(w, ns, inDev, p)) return;
  const r = fibTableLookup(ns, p.dst);
  if (r && r.type === 'local') {
    if (!validateSource(w, ns, inDev, p)) return;
    w.add(
      ns,
      'route',
      inDev,
      p,
      loc(
        `${formatAddr(p.dst)} is ${label}'s own address (route "${routeLine(r)}", table local): deliver locally.`,
        `${eunneun(formatAddr(p.dst))} ${label} 자신의 주소입니다 (라우트 "${routeLine(r)}", local 테이블): 로컬로 전달합니다.`,
      ),
      { data: { route: routeLine(r), table: 'local' } },
    );
    const pin = w.stages.hook(w, 'INPUT', ns, p, { in: inDev });
    if (!pin) return;
    w.stages.deliver(w, ns, inDev, pin);
    return;
  }
  if (r && r.type === 'broadcast') {
    w.drop(
      ns,
      inDev,
      p,
      'dropped',
      loc(
        `${formatAddr(p.dst)} is a broadcast address on ${label}; broadcasts are not traced.`,
        `${eunneun(formatAddr(p.dst))} ${label}의 브로드캐스트 주소입니다. 브로드캐스트는 추적하지 않습니다.`,
      ),
    );
    return;
  }
  forward(w, ns, inDev, p, r);
}

/** ip_forward: the packet is not for this namespace. */
function forward(w: Walk, ns: Netns, inDev: Link, p: Packet, r: ReturnType<typeof fibTableLookup>): void {
  const label = nsLabel(ns);
  if (p.dst.family === 6 && !ipv6Forwarding(ns)) {
    const reason = loc(
      `${label} is not the destination (${formatAddr(p.dst)} is not one of its addresses) and net.ipv6.conf.all.forwarding is 0 there (IPv6 forwarding follows "all" alone, not net.ipv4.ip_forward nor a device's own setting), so it does not route the packet: dropped.`,
      `${label}에서는 ${formatAddr(p.dst)} 주소가 자기 주소가 아니고 net.ipv6.conf.all.forwarding 값이 0이라 패킷을 라우팅하지 않고 버립니다 (IPv6 포워딩은 net.ipv4.ip_forward나 인터페이스별 설정이 아니라 all 값만 따릅니다).`,
    );
    const src = ns.conf6?.all.forwardingOrigin ?? ns.origin ?? ns.host.origin;
    w.drop(ns, inDev, p, 'dropped', reason, src, { sysctl: 'net.ipv6.conf.all.forwarding', value: 0 });
    return;
  }
  const v6 = p.dst.family === 6;
  const forwarding = v6 || linkForwarding(inDev);
  const perLink = !v6 && inDev.forwarding !== undefined;
  const fwdSource = (perLink ? inDev.forwardingOrigin : ns.sysctl.ipForwardOrigin) ?? ns.origin ?? ns.host.origin;
  if (!forwarding && perLink) {
    const reason = loc(
      `${label} is not the destination and net.ipv4.conf.${inDev.name}.forwarding is 0: packets arriving on ${inDev.name} are not routed, so this one is dropped.`,
      `${eunneun(label)} 목적지가 아니고 net.ipv4.conf.${inDev.name}.forwarding이 0이라 ${ro(inDev.name)} 들어온 패킷을 라우팅하지 않고 버립니다.`,
    );
    w.drop(ns, inDev, p, 'dropped', reason, fwdSource, { sysctl: `net.ipv4.conf.${inDev.name}.forwarding`, value: 0 });
    return;
  }
  if (!forwarding) {
    const reason = loc(
      `${label} is not the destination (${formatAddr(p.dst)} is not one of its addresses) and net.ipv4.ip_forward is 0 there, so it does not route the packet: dropped.`,
      `${eunneun(label)} 목적지가 아니고(${eunneun(formatAddr(p.dst))} 그 주소가 아님) net.ipv4.ip_forward가 0이라 패킷을 라우팅하지 않고 버립니다.`,
    );
    w.drop(ns, inDev, p, 'dropped', reason, fwdSource, { sysctl: 'net.ipv4.ip_forward', value: 0 });
    return;
  }
  if (!r) {
    const why = explainNoRoute(w.world, ns, p.dst);
    const reason = loc(
      `${label} forwards packets but has no route to ${formatAddr(p.dst)}: it answers ${v6 ? icmpName('net-unreachable', 6) : 'ICMP net unreachable'}.${why ? ` ${why.reason.en}` : ''}`,
      `${eunneun(label)} 패킷을 포워딩하지만 ${ro(formatAddr(p.dst))} 가는 라우트가 없어 ${v6 ? icmpName('net-unreachable', 6) : 'ICMP net unreachable'} 메시지로 응답합니다.${why ? ` ${why.reason.ko}` : ''}`,
    );
    w.add(ns, 'route', inDev, p, reason, { data: { table: 'main', route: null, ...why?.data }, source: why?.source });
    w.stages.icmpError(w, ns, p, 'net-unreachable', 'no-route', why?.source);
    return;
  }
  if (r.type !== 'unicast') {
    const rt = routeLine(r);
    if (r.type === 'blackhole') {
      w.drop(
        ns,
        inDev,
        p,
        'blackhole',
        loc(
          `${label} matches the blackhole route "${rt}": the packet is discarded silently.`,
          `${label}에서 blackhole 라우트 ${iga(`"${rt}"`)} 일치하여 패킷이 조용히 버려집니다.`,
        ),
        r.origin,
      );
      return;
    }
    // IPv6 answers an unreachable route with "no route" (ip6_pkt_discard), a prohibit route with "administratively prohibited".
    const kind: IcmpKind =
      r.type === 'prohibit' ? 'pkt-filtered' : r.type === 'unreachable' && !v6 ? 'host-unreachable' : 'net-unreachable';
    w.add(
      ns,
      'route',
      inDev,
      p,
      loc(
        `${label} matches the ${r.type} route "${rt}": it answers ${icmpName(kind, p.dst.family)}.`,
        v6
          ? `${label}에서 ${r.type} 라우트 ${iga(`"${rt}"`)} 일치하여 ${icmpName(kind, 6)} 메시지로 응답합니다.`
          : `${label}에서 ${r.type} 라우트 ${iga(`"${rt}"`)} 일치하여 ICMP ${ro(kind)} 응답합니다.`,
      ),
      { source: r.origin, data: { route: rt, table: tableName(r.table) } },
    );
    w.stages.icmpError(
      w,
      ns,
      p,
      kind,
      r.type === 'prohibit' ? 'prohibited' : r.type === 'unreachable' ? 'unreachable-route' : 'no-route',
      r.origin,
    );
    return;
  }
  const dev = r.dev!;
  if (!validateSource(w, ns, inDev, p, dev)) return;
  const nexthop = effectiveGateway(r) ?? p.dst;
  const via = r.gateway ? ` via ${formatAddr(r.gateway)}` : '';
  const viaKo = r.gateway ? ` ${formatAddr(r.gateway)} 경유` : '';
  w.add(
    ns,
    'route',
    inDev,
    p,
    loc(
      `${label} routes ${formatAddr(p.dst)}: "${routeLine(r)}" (table ${tableName(r.table)}) matches, out dev ${dev.name}${via}.`,
      `${iga(label)} ${eulreul(formatAddr(p.dst))} 라우팅합니다: "${routeLine(r)}" (${tableName(r.table)} 테이블) 일치, ${ro(dev.name)}${viaKo} 나갑니다.`,
    ),
    {
      data: { route: routeLine(r), table: tableName(r.table), dev: dev.name, ...(r.gateway ? { gateway: formatAddr(r.gateway) } : {}) },
      source: r.origin,
    },
  );
  if (p.ttl <= 1) {
    w.add(
      ns,
      'forward',
      inDev,
      p,
      v6
        ? loc(
            `The hop limit is ${p.ttl}: ${label} cannot forward it and answers ${icmpName('time-exceeded', 6)}.`,
            `남은 hop limit: ${p.ttl}. ${label}에서 더 포워딩하지 못하고 ${icmpName('time-exceeded', 6)} 메시지로 응답합니다.`,
          )
        : loc(
            `TTL is ${p.ttl}: ${label} cannot forward it and answers ICMP time exceeded.`,
            `TTL이 ${p.ttl}이라 ${iga(label)} 포워딩하지 못하고 ICMP time exceeded로 응답합니다.`,
          ),
    );
    w.stages.icmpError(w, ns, p, 'time-exceeded', 'ttl-exceeded');
    return;
  }
  const fwd: Packet = { ...p, ttl: p.ttl - 1 };
  w.add(
    ns,
    'forward',
    dev,
    fwd,
    v6
      ? loc(
          `${label} forwards (net.ipv6.conf.all.forwarding = 1): hop limit ${p.ttl} -> ${fwd.ttl}.`,
          `${label}에서 포워딩합니다 (net.ipv6.conf.all.forwarding = 1): hop limit ${p.ttl} -> ${fwd.ttl}.`,
        )
      : loc(
          `${label} forwards (net.ipv4.ip_forward = 1): TTL ${p.ttl} -> ${fwd.ttl}.`,
          `${iga(label)} 포워딩합니다 (net.ipv4.ip_forward = 1): TTL ${p.ttl} -> ${fwd.ttl}.`,
        ),
    { source: v6 ? ns.conf6?.all.forwardingOrigin : (inDev.forwardingOrigin ?? ns.sysctl.ipForwardOrigin) },
  );
  if (!v6 && dev === inDev && sendRedirects(inDev) && onLinkWith(inDev, p.src, nexthop)) redirectNote(w, ns, dev, fwd, nexthop);
  const pf = w.stages.hook(w, 'FORWARD', ns, fwd, { in: inDev, out: dev });
  if (!pf) return;
  const pp = w.stages.hook(w, 'POSTROUTING', ns, pf, { in: inDev, out: dev });
  if (!pp) return;
  w.stages.output(w, ns, dev, nexthop, pp, false);
}

/** inet_addr_onlink: the sender and the next hop share one of the device's subnets. */
function onLinkWith(dev: Link, src: Addr, nexthop: Addr): boolean {
  return dev.addrs.some((a) => {
    const net = { addr: networkOf(a.addr, a.prefixLen), len: a.prefixLen };
    return prefixContains(net, src) && prefixContains(net, nexthop);
  });
}

/**
 * The packet goes back out of the device it came in on, to a next hop the sender could reach
 * itself: the kernel also sends the sender an ICMP redirect (ip_rt_send_redirect). The walk does not
 * send it; a note says so, since the sender's later packets could take the shorter way.
 */
function redirectNote(w: Walk, ns: Netns, dev: Link, p: Packet, nexthop: Addr): void {
  const label = nsLabel(ns);
  const src = formatAddr(p.src);
  const hop = formatAddr(nexthop);
  w.add(
    ns,
    'forward',
    dev,
    p,
    loc(
      `${label} sends the packet back out of ${dev.name}, where it came in, to ${hop}, which ${src} can reach directly: Linux also sends ${src} an ICMP redirect (use ${hop}; net.ipv4.conf.${dev.name}.send_redirects is 1). knetlab does not simulate redirects: this trace, and the sender's later packets, keep the sender's own route.`,
      `${iga(label)} 패킷을 들어온 인터페이스 ${ro(dev.name)} 다시 내보내 ${ro(hop)} 보냅니다. ${eunneun(hop)} ${src}에서도 바로 닿는 주소라서 리눅스는 ${src}에 ICMP redirect(${ro(hop)} 직접 보내라는 알림)도 보냅니다 (net.ipv4.conf.${dev.name}.send_redirects가 1). knetlab은 redirect를 시뮬레이션하지 않으므로 이 추적과 송신자의 이후 패킷은 송신자의 라우트를 그대로 따릅니다.`,
    ),
    { data: { redirect: hop } },
  );
}
