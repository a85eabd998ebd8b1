/**
 * A Linux bridge: a frame that reaches a port is learned (source MAC -> port) and forwarded by the
 * FDB, flooded when the destination is unknown or broadcast, or taken up by the bridge itself when
 * it is addressed to the bridge. Learned entries are the walk's (Flow.fdb), never the world's.
 */
import { BROADCAST_MAC } from '../../net/addr';
import { loc } from '../../text/i18n';
import type { Link } from '../../sim/model';
import type { Frame } from '../packet';
import type { Step } from '../trace';
import { bridgedHooks } from '../walk/brnf';
import type { L2Way, LinkDriver } from './driver';
import { eunneun, iga, ro } from '../../text/particle';

function fdbOf(l2: L2Way, br: Link): Map<string, Link> {
  let m = l2.w.flow.fdb.get(br);
  if (!m) l2.w.flow.fdb.set(br, (m = new Map()));
  return m;
}

function localToBridge(br: Link, mac: string): boolean {
  if (br.mac === mac) return true;
  for (const l of br.netns.links.values()) if (l.master === br && l.mac === mac) return true;
  return false;
}

/** The bridge sends a frame out of its ports: to the learned one, or flooded to all but the ingress. */
function bridgeOut(l2: L2Way, br: Link, ingress: Link | undefined, path: Step[]): void {
  const frame = l2.frame;
  const ports = [...br.netns.links.values()].filter((l) => l.master === br && l !== ingress);
  const known = frame.dst === BROADCAST_MAC ? undefined : fdbOf(l2, br).get(frame.dst);
  if (known && known !== ingress) {
    const s = l2.mk(
      br.netns,
      'bridge',
      known,
      loc(
        `Bridge ${br.name} knows ${frame.dst} on port ${known.name} (learned): forwards the frame there.`,
        `브리지 ${eunneun(br.name)} ${iga(frame.dst)} 포트 ${known.name}에 있음을 학습했습니다: 그쪽으로 전달합니다.`,
      ),
      { bridge: br.name, fdb: { mac: frame.dst, port: known.name } },
    );
    portOut(l2, known, nfPath(l2, br, ingress, known, l2.with(path, s)));
    return;
  }
  for (const port of ports) {
    const s = l2.mk(
      br.netns,
      'bridge',
      port,
      frame.dst === BROADCAST_MAC
        ? loc(
            `Bridge ${br.name} floods the broadcast to port ${port.name}.`,
            `브리지 ${iga(br.name)} 브로드캐스트를 포트 ${ro(port.name)} 플러딩합니다.`,
          )
        : loc(
            `Bridge ${br.name} has no FDB entry for ${frame.dst}: floods it to port ${port.name}.`,
            `브리지 ${br.name}의 FDB에 ${iga(frame.dst)} 없어 포트 ${ro(port.name)} 플러딩합니다.`,
          ),
      { bridge: br.name, flood: true },
    );
    const p2 = nfPath(l2, br, ingress, port, l2.with(path, s));
    if (p2) portOut(l2, port, p2);
  }
  if (ports.length === 0)
    l2.dropHere(
      path,
      loc(`Bridge ${br.name} has no other port to send the frame to.`, `브리지 ${br.name}에 프레임을 보낼 다른 포트가 없습니다.`),
    );
}

/** A bridged IP frame (ingress is a port) crosses the netfilter hooks (walk/brnf.ts): its way on, or undefined when dropped there. */
function nfPath(l2: L2Way, br: Link, ingress: Link | undefined, out: Link, path: Step[]): Way | undefined {
  if (!ingress || !l2.frame.packet) return { path };
  const nf = bridgedHooks(l2.w, br, ingress, out, l2.frame);
  const way = nf.steps.length ? [...path, ...nf.steps] : path;
  if (nf.pass) return nf.frame ? { path: way, frame: nf.frame } : { path: way };
  l2.dropHere(way, nf.why!.detail);
  return undefined;
}

/** A frame's way on from a bridge port: its steps, and the frame as NAT rewrote it (if it did). */
interface Way {
  readonly path: Step[];
  readonly frame?: Frame;
}

function portOut(l2: L2Way, port: Link, way: Way | undefined): void {
  if (!way) return;
  if (!port.up) {
    l2.block(port);
    l2.dropHere(way.path, loc(`Bridge port ${port.name} is down.`, `브리지 포트 ${iga(port.name)} down 상태입니다.`));
    return;
  }
  if (way.frame) l2.xmitAs(way.frame, port, way.path);
  else l2.xmit(port, way.path);
}

/** A frame the bridge itself sends (from its own stack). */
export const bridgeDriver: LinkDriver = {
  xmit(l2, link, path) {
    if (l2.enterSegment(link, link)) return;
    bridgeOut(l2, link, undefined, path);
  },
};

/** A frame reaches `link`, a port of bridge `br`. */
export function arriveAtPort(l2: L2Way, link: Link, br: Link, path: Step[]): void {
  const frame = l2.frame;
  if (!br.up) {
    l2.block(br);
    l2.dropHere(
      path,
      loc(
        `${link.name} is a port of bridge ${br.name}, which is down: the frame is dropped.`,
        `${eunneun(link.name)} down 상태인 브리지 ${br.name}의 포트라 프레임이 버려집니다.`,
      ),
    );
    return;
  }
  if (l2.enterSegment(br, link)) return;
  fdbOf(l2, br).set(frame.src, link);
  const s = l2.mk(
    link.netns,
    'recv',
    link,
    loc(
      `Port ${link.name} of bridge ${br.name} receives the frame; the bridge learns ${frame.src} is on ${link.name}.`,
      `브리지 ${br.name}의 포트 ${iga(link.name)} 프레임을 받습니다. 브리지는 ${iga(frame.src)} ${link.name}에 있음을 학습합니다.`,
    ),
    { bridge: br.name, learned: { mac: frame.src, port: link.name } },
  );
  const path2 = l2.with(path, s);
  if (frame.dst === BROADCAST_MAC) {
    l2.arrivals.push({ link: br, frame, path: path2 });
    bridgeOut(l2, br, link, path2);
  } else if (localToBridge(br, frame.dst)) {
    const s2 = l2.mk(
      br.netns,
      'bridge',
      br,
      loc(
        `${frame.dst} is the bridge's own address: the frame goes up to ${br.name}.`,
        `${eunneun(frame.dst)} 브리지 자신의 주소라 프레임이 ${ro(br.name)} 올라갑니다.`,
      ),
      { bridge: br.name, local: true },
    );
    l2.arrivals.push({ link: br, frame, path: l2.with(path2, s2) });
  } else {
    bridgeOut(l2, br, link, path2);
  }
}
