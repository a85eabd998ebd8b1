/**
 * ip_finish_output: the next hop's MAC through the neighbour stage, the frame out on the wire
 * (layer 2 finds who takes it), and the packet up the receiving interface. A next hop nobody
 * answers ends the walk at the sender (EHOSTUNREACH) or makes a router answer host unreachable.
 */
import { type Addr, BROADCAST_MAC, formatAddr } from '../../net/addr';
import { loc } from '../../text/i18n';
import { STRERROR } from '../../sim/errors';
import { type Link, type Netns, nsLabel } from '../../sim/model';
import { describe, type Frame, type Packet } from '../packet';
import type { Walk } from './context';
import { downWhy, explainLoop } from './explain';
import { resolve } from './neigh';
import { eulreul, iga, ro } from '../../text/particle';

export function output(w: Walk, ns: Netns, dev: Link, nexthop: Addr, p: Packet, local: boolean): void {
  const mac = resolve(w, ns, dev, nexthop, p);
  if (!mac) {
    if (w.l2Loop) return; // the storm ended the walk there
    if (nexthop.family === 6) return unresolved6(w, ns, dev, nexthop, p, local);
    const why = w.arpWhy;
    if (local) {
      // The kernel tells the sender with an ICMP error to itself, through lo: with lo down it never arrives.
      const loDown = [...ns.links.values()].some((l) => l.kind === 'loopback' && !l.up);
      const more = why ? { en: ` ${why.reason.en}`, ko: ` ${why.reason.ko}` } : { en: '', ko: '' };
      const reason = loDown
        ? loc(
            `No answer to ARP for ${formatAddr(nexthop)} on ${nsLabel(ns)} ${dev.name}: the host is unreachable, but the error (${STRERROR.EHOSTUNREACH}) reaches the sender through lo, which is down, so the sender hears nothing.${more.en}`,
            `${nsLabel(ns)} ${dev.name}에서 ${formatAddr(nexthop)}에 대한 ARP 응답이 없습니다. 커널은 이 오류(${STRERROR.EHOSTUNREACH})를 lo를 거쳐 송신 측에 알리는데, lo가 down 상태라 송신 측은 아무것도 받지 못합니다.${more.ko}`,
          )
        : loc(
            `No answer to ARP for ${formatAddr(nexthop)} on ${nsLabel(ns)} ${dev.name}: the host is unreachable (${STRERROR.EHOSTUNREACH}).${more.en}`,
            `${nsLabel(ns)} ${dev.name}에서 ${formatAddr(nexthop)}에 대한 ARP 응답이 없습니다: 호스트에 도달할 수 없습니다 (${STRERROR.EHOSTUNREACH}).${more.ko}`,
          );
      w.drop(ns, dev, p, 'host-unreachable', reason, why?.source, loDown ? { ...why?.data, errorLost: 'lo' } : why?.data);
    } else {
      w.add(
        ns,
        'drop',
        dev,
        p,
        loc(
          `No answer to ARP for ${formatAddr(nexthop)} on ${dev.name}: ${nsLabel(ns)} cannot forward the packet.`,
          `${dev.name}에서 ${formatAddr(nexthop)}에 대한 ARP 응답이 없어 ${iga(nsLabel(ns))} 패킷을 전달할 수 없습니다.`,
        ),
      );
      w.stages.icmpError(w, ns, p, 'host-unreachable', 'host-unreachable', why?.source);
    }
    return;
  }
  const frame: Frame = { src: dev.mac, dst: mac, packet: p };
  if (dev.kind === 'loopback') {
    w.add(ns, 'xmit', dev, p, loc('Looped back through lo.', 'lo를 통해 되돌아옵니다.'));
    w.stages.ipInput(w, ns, dev, p);
    return;
  }
  w.add(
    ns,
    'xmit',
    dev,
    p,
    loc(`Frame ${dev.mac} > ${mac} leaves ${dev.name}.`, `프레임 ${dev.mac} > ${iga(mac)} ${ro(dev.name)} 나갑니다.`),
    { eth: frame },
  );
  const arrivals = w.stages.l2Send(w, dev, frame);
  if (w.l2Loop) {
    const e = explainLoop(w.l2Loop);
    w.drop(w.l2Loop.ns ?? ns, undefined, p, 'dropped', e.reason, e.source, e.data);
    return;
  }
  const accepted = arrivals.filter((a) => a.frame.dst === a.link.mac || a.frame.dst === BROADCAST_MAC);
  if (accepted.length === 0) {
    const lost = arrivals[0]?.path ?? w.lastL2Path;
    for (const s of lost) w.push(s);
    const where = lost.length ? lost[lost.length - 1]! : undefined;
    const base =
      w.lastL2Drop ?? loc(`No interface took the frame addressed to ${mac}.`, `${ro(mac)} 보낸 프레임을 받은 인터페이스가 없습니다.`);
    // A link on the way that was down: which line set it down, or that none brought it up.
    const down = w.l2Blocked.length ? downWhy(w.l2Blocked[0]!) : undefined;
    const reason = down ? loc(`${base.en} ${down.text.en}.`, `${base.ko} ${down.text.ko}.`) : base;
    const at = where ? (w.nsOf(where) ?? ns) : ns;
    w.drop(at, undefined, p, 'dropped', reason, down?.source);
    return;
  }
  const a = accepted[0]!;
  for (const s of a.path) w.push(s);
  const rp = a.frame.packet!;
  const rns = a.link.netns;
  w.add(
    rns,
    'recv',
    a.link,
    rp,
    loc(
      `${nsLabel(rns)} ${a.link.name} receives ${describe(rp)}.`,
      `${nsLabel(rns)} ${iga(a.link.name)} ${eulreul(describe(rp))} 받습니다.`,
    ),
    { eth: a.frame },
  );
  w.stages.ipInput(w, rns, a.link, rp);
}

/** No neighbour advertisement came back: EHOSTUNREACH at the sender, ICMPv6 address unreachable from a router. */
function unresolved6(w: Walk, ns: Netns, dev: Link, nexthop: Addr, p: Packet, local: boolean): void {
  const nh = formatAddr(nexthop);
  if (local) {
    const reason = loc(
      `No neighbour advertisement for ${nh} on ${nsLabel(ns)} ${dev.name}: the host is unreachable (${STRERROR.EHOSTUNREACH}).`,
      `${nsLabel(ns)} ${dev.name}에서 ${nh}에 대한 이웃 광고(neighbour advertisement)가 없습니다: 호스트에 도달할 수 없습니다 (${STRERROR.EHOSTUNREACH}).`,
    );
    w.drop(ns, dev, p, 'host-unreachable', reason);
    return;
  }
  w.add(
    ns,
    'drop',
    dev,
    p,
    loc(
      `No neighbour advertisement for ${nh} on ${dev.name}: ${nsLabel(ns)} cannot forward the packet.`,
      `${dev.name}에서 ${nh}에 대한 이웃 광고(neighbour advertisement)가 없어 ${nsLabel(ns)}에서 패킷을 포워딩할 수 없습니다.`,
    ),
  );
  w.stages.icmpError(w, ns, p, 'host-unreachable', 'host-unreachable');
}
