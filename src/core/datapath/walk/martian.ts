/**
 * ip_route_input_slow's checks of an arriving IPv4 packet's addresses, before it is delivered or
 * forwarded: martian destinations (0.0.0.0/8, and 127.0.0.0/8 unless route_localnet) and sources
 * (127.0.0.0/8 unless route_localnet), and fib_validate_source: a packet from one of the namespace's
 * own addresses (unless accept_local), and the reverse path filter (rp_filter 1 strict: the route
 * back to the source must leave through the interface the packet came in on; 2 loose: some route
 * back must exist). Each drop is silent, as the kernel's (no ICMP error), and names the setting
 * and its line.
 */
import { type Addr, formatAddr, isLoopback } from '../../net/addr';
import { type Localized, loc } from '../../text/i18n';
import { iga, ro } from '../../text/particle';
import { fibTableLookup } from '../../sim/fib';
import { acceptLocal, type Conf4Value, conf4Untouched, routeLocalnet, rpFilter } from '../../sim/ipv4conf';
import { type Link, type Netns, nsLabel, type Route } from '../../sim/model';
import { routeLine } from '../../sim/routefmt';
import type { Packet } from '../packet';
import type { Walk } from './context';

const isZeronet = (a: Addr) => a.family === 4 && a.value >> 24n === 0n;

function dropWith(w: Walk, ns: Netns, inDev: Link, p: Packet, why: Localized, conf?: Conf4Value): void {
  w.drop(ns, inDev, p, 'dropped', why, conf?.source, conf ? { sysctl: conf.key, value: conf.value } : undefined);
}

/** Martian addresses, before the route lookup. False when the packet was dropped. */
export function martianCheck(w: Walk, ns: Netns, inDev: Link, p: Packet): boolean {
  if (p.dst.family !== 4 || inDev.kind === 'loopback') return true;
  const label = nsLabel(ns);
  const dst = formatAddr(p.dst);
  if (isZeronet(p.dst)) {
    dropWith(
      w,
      ns,
      inDev,
      p,
      loc(`${label} drops a packet for the martian destination ${dst}.`, `${iga(label)} 비정상 목적지 ${dst}의 패킷을 버립니다.`),
    );
    return false;
  }
  const localnet = isLoopback(p.dst) || isLoopback(p.src) ? routeLocalnet(inDev) : undefined;
  if (localnet && localnet.value === 0) {
    const which = isLoopback(p.dst)
      ? loc(`destination ${dst}`, `목적지 ${dst}`)
      : loc(`source ${formatAddr(p.src)}`, `출발지 ${formatAddr(p.src)}`);
    dropWith(
      w,
      ns,
      inDev,
      p,
      loc(
        `${label} drops a packet with the martian ${which.en} arriving on ${inDev.name}: 127.0.0.0/8 is routed from outside only with net.ipv4.conf.${inDev.name}.route_localnet (or all) = 1.`,
        `${iga(label)} ${inDev.name}에 들어온 비정상 ${which.ko}의 패킷을 버립니다. 127.0.0.0/8은 net.ipv4.conf.${inDev.name}.route_localnet(또는 all)이 1일 때만 밖에서 라우팅됩니다.`,
      ),
      localnet,
    );
    return false;
  }
  return true;
}

/**
 * fib_validate_source for a packet that arrived on `inDev` and will be delivered locally (`oif`
 * undefined) or forwarded out of `oif`. False when the packet was dropped.
 */
export function validateSource(w: Walk, ns: Netns, inDev: Link, p: Packet, oif?: Link): boolean {
  if (p.src.family !== 4 || inDev.kind === 'loopback' || p.src.value === 0n) return true;
  // The common case, no conf written and not back out of the same interface: only the own-address check.
  if (oif !== inDev && conf4Untouched(inDev) && !hasAddress(ns, p.src)) return true;
  const rpf = rpFilter(inDev);
  const local = acceptLocal(inDev);
  const label = nsLabel(ns);
  const src = formatAddr(p.src);
  const own = () =>
    dropWith(
      w,
      ns,
      inDev,
      p,
      loc(
        `${label} drops a packet that claims to come from its own address ${src} (net.ipv4.conf.${inDev.name}.accept_local is 0).`,
        `${iga(label)} 자신의 주소 ${src}에서 왔다고 하는 패킷을 버립니다 (net.ipv4.conf.${inDev.name}.accept_local이 0입니다).`,
      ),
      local,
    );
  // Without rp_filter the kernel checks only for its own address, unless the packet goes back out
  // of the interface it came in on (send_redirects): then the route back is looked up too.
  const full = rpf.value !== 0 || oif === inDev;
  if (!full) {
    if (local.value === 0 && hasAddress(ns, p.src)) {
      own();
      return false;
    }
    return true;
  }
  const back = fibTableLookup(ns, p.src);
  if (!back) {
    if (rpf.value === 0) return true;
    rpDrop(w, ns, inDev, p, rpf, loc(`there is no route back to ${src} at all`, `${ro(src)} 돌아가는 라우트가 전혀 없습니다`));
    return false;
  }
  if (back.type !== 'unicast' && !(back.type === 'local' && local.value !== 0)) {
    if (back.type === 'local') own();
    else
      dropWith(
        w,
        ns,
        inDev,
        p,
        loc(
          `${label} drops the packet: the route back to its source ${src} is "${routeLine(back)}", a ${back.type} route.`,
          `${iga(label)} 패킷을 버립니다. 출발지 ${ro(src)} 돌아가는 라우트 ${iga(`"${routeLine(back)}"`)} ${back.type} 라우트입니다.`,
        ),
        rpf.value !== 0 ? rpf : undefined,
      );
    return false;
  }
  if (usesDev(back, inDev)) return true;
  if (rpf.value === 0) return true;
  if (!inDev.addrs.some((a) => a.addr.family === 4)) {
    rpDrop(w, ns, inDev, p, rpf, loc(`${inDev.name} has no IPv4 address`, `${inDev.name}에 IPv4 주소가 없습니다`));
    return false;
  }
  if (rpf.value === 1) {
    rpDrop(
      w,
      ns,
      inDev,
      p,
      rpf,
      loc(
        `the route back to ${src} ("${routeLine(back)}") leaves through ${back.dev?.name ?? '?'}, not ${inDev.name} where the packet came in`,
        `${ro(src)} 돌아가는 라우트("${routeLine(back)}")는 패킷이 들어온 ${iga(inDev.name)} 아니라 ${ro(back.dev?.name ?? '?')} 나갑니다`,
      ),
    );
    return false;
  }
  return true;
}

/** inet_lookup_ifaddr: `a` is an address of an interface of `ns`. */
function hasAddress(ns: Netns, a: Addr): boolean {
  for (const l of ns.links.values()) for (const x of l.addrs) if (x.addr.family === a.family && x.addr.value === a.value) return true;
  return false;
}

function usesDev(r: Route, dev: Link): boolean {
  return r.dev === dev;
}

function rpDrop(w: Walk, ns: Netns, inDev: Link, p: Packet, rpf: Conf4Value, why: Localized): void {
  const label = nsLabel(ns);
  const mode = rpf.value === 1 ? loc('strict', '엄격') : loc('loose', '느슨');
  dropWith(
    w,
    ns,
    inDev,
    p,
    loc(
      `${label} drops the packet from ${formatAddr(p.src)} by the reverse path filter (rp_filter ${rpf.value}, ${mode.en}: the larger of net.ipv4.conf.all.rp_filter and net.ipv4.conf.${inDev.name}.rp_filter): ${why.en}.`,
      `${iga(label)} ${formatAddr(p.src)}에서 온 패킷을 역경로 필터로 버립니다 (rp_filter ${rpf.value}, ${mode.ko} 모드: net.ipv4.conf.all.rp_filter와 net.ipv4.conf.${inDev.name}.rp_filter 중 큰 값). ${why.ko}.`,
    ),
    rpf,
  );
}
