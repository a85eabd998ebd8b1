/**
 * A host's NIC cabled to one of the lab's switches: the switch delivers a unicast frame to the
 * port with that MAC, and floods a broadcast or an unknown destination to every other port.
 */
import { BROADCAST_MAC } from '../../net/addr';
import { loc } from '../../text/i18n';
import type { Link } from '../../sim/model';
import type { Walk } from '../walk/context';
import type { LinkDriver } from './driver';
import { eulreul, iga } from '../../text/particle';

/** The NICs cabled to a switch, found once per walk. */
function portsOf(w: Walk, switchName: string): Link[] {
  if (!w.switchPorts) {
    const m = new Map<string, Link[]>();
    for (const h of w.world.hosts.values()) {
      for (const ns of h.netns.values()) {
        for (const l of ns.links.values()) {
          if (l.kind === 'nic' && l.switchName) {
            let list = m.get(l.switchName);
            if (!list) m.set(l.switchName, (list = []));
            list.push(l);
          }
        }
      }
    }
    w.switchPorts = m;
  }
  return w.switchPorts.get(switchName) ?? [];
}

export const nicDriver: LinkDriver = {
  xmit(l2, link, path) {
    const frame = l2.frame;
    const sw = link.switchName ?? '';
    if (l2.enterSegment(`switch ${sw}`, link)) return;
    const ports = portsOf(l2.w, sw).filter((l) => l !== link);
    const unicastTargets = frame.dst === BROADCAST_MAC ? [] : ports.filter((l) => l.mac === frame.dst);
    const targets = unicastTargets.length ? unicastTargets : ports;
    const how = frame.dst === BROADCAST_MAC ? 'broadcast' : unicastTargets.length ? 'unicast' : 'flooded';
    if (targets.length === 0) {
      l2.dropHere(path, loc(`Nothing else is cabled to switch ${sw}.`, `스위치 ${sw}에 연결된 다른 장치가 없습니다.`));
      return;
    }
    for (const t of targets) {
      if (l2.seen.has(t)) continue;
      const s = l2.mk(
        t.netns,
        'wire',
        t,
        how === 'flooded'
          ? loc(
              `Switch ${sw} does not know ${frame.dst}: it floods the frame to every port, including ${t.netns.host.name} ${t.name}.`,
              `스위치 ${iga(sw)} ${eulreul(frame.dst)} 몰라 모든 포트로 플러딩합니다 (${t.netns.host.name} ${t.name} 포함).`,
            )
          : loc(
              `Switch ${sw} delivers the frame to ${t.netns.host.name} ${t.name} (${t.mac}).`,
              `스위치 ${iga(sw)} 프레임을 ${t.netns.host.name} ${t.name}(${t.mac})에 전달합니다.`,
            ),
        { switch: sw, how },
      );
      l2.arrive(t, l2.with(path, s));
    }
  },
};
