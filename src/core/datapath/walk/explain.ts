/**
 * Explanations of absence: why a frame or a packet found nothing where the student expected
 * something, with the lab lines behind it. A layer-2 loop (the frame came back to a bridge it had
 * crossed: a broadcast storm); a link on the way that is down (set down at a line, or never brought
 * up); a route that a line removed (`ip link set DEV down`, `ip addr del`, `ip route del`...).
 * Read only on a walk's failure paths: the world's history (sim/history.ts) costs nothing otherwise.
 */
import { type Addr, formatAddr, networkOf, prefixContains } from '../../net/addr';
import { type Localized, loc } from '../../text/i18n';
import { eulreul, eunneun, iga, ro } from '../../text/particle';
import { lastDetach, removedAddrs, removedRoutesFor } from '../../sim/history';
import { type Link, type Netns, nsLabel, type Removal, type Route, type SourceRef, type World } from '../../sim/model';
import { routeLine } from '../../sim/routefmt';
import type { L2Loop } from './context';
import { segmentLinks } from './segment';
import { explainNarrowMask, explainWideMask } from './mask';

import { type Explanation, linkLabel } from './why';
export type { Explanation } from './why';

export { linkLabel } from './why';

/** ` (line 12)` and ` (12행)`, or nothing. */
export function atLine(at: SourceRef | undefined): Localized {
  return at ? loc(` (line ${at.line})`, ` (${at.line}행)`) : loc('', '');
}

function latest(refs: readonly (SourceRef | undefined)[]): SourceRef | undefined {
  let best: SourceRef | undefined;
  for (const r of refs) if (r && (!best || r.line > best.line)) best = r;
  return best;
}

/** A frame that came back to a segment it had crossed: a broadcast storm, with the links of the circle and their lines. */
export function explainLoop(loop: L2Loop): Explanation {
  const chain = loop.links.map(linkLabel);
  // The lines that closed the circle: each port's `master` line, else the line that made the link.
  const refs = loop.links.map((l) => l.masterOrigin ?? l.origin);
  const lines = [...new Set(refs.filter((r): r is SourceRef => !!r).map((r) => r.line))].sort((a, b) => a - b);
  const via = loop.links[loop.links.length - 1]!;
  const seg =
    loop.kind === 'bridge'
      ? loc(`bridge ${loop.segment}`, `브리지 ${ro(loop.segment)}`)
      : loc(`switch ${loop.segment}`, `스위치 ${ro(loop.segment)}`);
  const linesText = lines.length
    ? loc(` The lines that make the loop: ${lines.join(', ')}.`, ` 이 루프를 만든 줄: ${lines.join(', ')}행.`)
    : loc('', '');
  return {
    reason: loc(
      `Layer-2 loop: the broadcast came back to ${seg.en} through ${linkLabel(via)}. Nothing breaks the loop (Linux bridges run no STP unless it is turned on), so every broadcast circles for ever and is copied at each pass: a broadcast storm, and nothing gets through. The loop: ${chain.join(' -> ')}.${linesText.en}`,
      `2계층 루프: 브로드캐스트가 ${eulreul(linkLabel(via))} 거쳐 ${seg.ko} 되돌아왔습니다. 루프를 끊어 줄 STP가 없어서(리눅스 브리지는 켜지 않으면 STP를 쓰지 않습니다) 브로드캐스트가 끝없이 돌면서 지날 때마다 복제됩니다. 브로드캐스트 스톰이 일어나 어떤 패킷도 전달되지 않습니다. 루프: ${chain.join(' -> ')}.${linesText.ko}`,
    ),
    source: latest(refs),
    data: { loop: chain, lines, segment: loop.segment },
  };
}

/**
 * Why `link` is down: the line that set it down, or that no line brought it up. `role` says what the
 * link is to the frame (a bridge port, a veth peer, the bridge).
 */
export function downWhy(link: Link): { text: Localized; source?: SourceRef } {
  const who = linkLabel(link);
  const cmd = `ip ${link.netns.name ? `-n ${link.netns.name} ` : ''}link set ${link.name} up`;
  if (link.stateOrigin)
    return {
      text: loc(
        `${who} is down: line ${link.stateOrigin.line} set it down`,
        `${iga(who)} down 상태입니다. ${link.stateOrigin.line}행에서 down으로 설정했습니다`,
      ),
      source: link.stateOrigin,
    };
  const mv = link.moved;
  if (mv) {
    const at = mv.origin ? loc(` at line ${mv.origin.line}`, `${mv.origin.line}행에서 `) : loc('', '');
    const into = link.netns.name
      ? loc(`namespace ${link.netns.name}`, `네임스페이스 ${link.netns.name}`)
      : loc(nsLabel(link.netns), nsLabel(link.netns));
    return mv.wasUp
      ? {
          text: loc(
            `${who} is down: it was up in ${mv.from}, but moving it into ${into.en}${at.en} set it down (a link goes down when it changes namespace), and no \`${cmd}\` line follows the move`,
            `${iga(who)} down 상태입니다. ${mv.from}에서는 up이었지만 ${at.ko}${ro(into.ko)} 옮기면서 down 되었습니다 (링크는 네임스페이스를 옮기면 down 됩니다). 옮긴 뒤에 \`${cmd}\` 줄이 없습니다`,
          ),
          ...(mv.origin ? { source: mv.origin } : {}),
        }
      : {
          text: loc(
            `${who} is down: it was never brought up, neither before nor after it moved into ${into.en}${at.en} (no \`${cmd}\` line)`,
            `${iga(who)} down 상태입니다. ${at.ko}${ro(into.ko)} 옮기기 전에도 후에도 up으로 올리지 않았습니다 (\`${cmd}\` 줄이 없습니다)`,
          ),
          ...(mv.origin ? { source: mv.origin } : {}),
        };
  }
  return {
    text: loc(
      `${who} is down: it was never brought up (no \`${cmd}\` line)`,
      `${iga(who)} down 상태입니다. 한 번도 up으로 올리지 않았습니다 (\`${cmd}\` 줄이 없습니다)`,
    ),
    source: link.origin,
  };
}

/** How a removal happened, in a few words after "was removed at line N". */
function howRemoved(rm: Removal): Localized {
  const dev = rm.dev;
  switch (rm.cause) {
    case 'link-down':
      return loc(`when ${dev} went down`, `${iga(dev)} down 되면서`);
    case 'route-del':
      return loc('by `ip route del`', '`ip route del`로');
    case 'route-flush':
      return loc('by `ip route flush`', '`ip route flush`로');
    case 'addr-del':
      return loc(`when the address ${rm.because ?? ''} of ${dev} was deleted`, `${dev}의 주소 ${iga(rm.because ?? '')} 삭제되면서`);
    case 'secondary-del':
      return loc(
        `when the primary address ${rm.because ?? ''} of ${dev} was deleted, taking its secondaries with it (promote_secondaries is 0)`,
        `${dev}의 주 주소 ${iga(rm.because ?? '')} 삭제될 때 보조 주소와 함께 (promote_secondaries가 0입니다)`,
      );
    case 'link-del':
      return loc(`when ${dev} was deleted`, `${iga(dev)} 삭제되면서`);
    case 'link-netns':
      return loc(`when ${dev} moved to another namespace`, `${iga(dev)} 다른 네임스페이스로 옮겨지면서`);
    case 'nomaster':
      return loc(`when ${dev} left bridge ${rm.master ?? ''}`, `${iga(dev)} 브리지 ${rm.master ?? ''}에서 빠지면서`);
  }
}

/** Who made a route: its line, or the kernel for an address. */
function addedBy(r: Route): Localized {
  if (r.origin) return loc(`added at line ${r.origin.line}`, `${r.origin.line}행에서 추가`);
  return loc(`the kernel's, for an address of ${r.dev?.name ?? '?'}`, `${r.dev?.name ?? '?'} 주소에 대해 커널이 추가`);
}

/**
 * A route that would have taken `dst` had a line not removed it (the most specific, the latest),
 * unless a route of the same prefix is there now.
 */
export function explainRemovedRoute(ns: Netns, dst: Addr): Explanation | undefined {
  const same = (a: Route, b: Route) => a.table === b.table && a.dst.len === b.dst.len && a.dst.addr.value === b.dst.addr.value;
  const now = [...ns.tables.values()].flat();
  const rm = removedRoutesFor(ns, dst, (r) => now.some((x) => same(x, r)))[0];
  if (!rm) return undefined;
  const r = rm.route!;
  const rt = routeLine(r);
  const at = rm.origin ? loc(` at line ${rm.origin.line}`, `${rm.origin.line}행에서 `) : loc('', '');
  const how = howRemoved(rm);
  const by = addedBy(r);
  const note =
    rm.cause !== 'link-down'
      ? loc('', '')
      : r.proto === 'kernel'
        ? loc(` It comes back when ${rm.dev} is up again.`, ` ${iga(rm.dev)} 다시 up 되면 돌아옵니다.`)
        : loc(
            ` A route through a link that goes down is gone for good: bringing ${rm.dev} up again does not restore it.`,
            ` down 된 링크를 지나는 라우트는 링크를 다시 up 해도 돌아오지 않습니다.`,
          );
  return {
    reason: loc(
      `The route "${rt}" (${by.en}) was removed${at.en} ${how.en}.${note.en}`,
      `라우트 "${rt}"(${by.ko})는 ${at.ko}${how.ko} 제거되었습니다.${note.ko}`,
    ),
    source: rm.origin ?? r.origin,
    data: { removedRoute: rt, removedAt: rm.origin?.line, addedAt: r.origin?.line, cause: rm.cause },
  };
}

/** An address of a down link whose subnet holds `dst`: its connected route would have taken it. */
export function explainDownSubnet(ns: Netns, dst: Addr): Explanation | undefined {
  for (const l of ns.links.values()) {
    if (l.up) continue;
    const a = l.addrs.find((x) => !x.secondary && prefixContains({ addr: networkOf(x.addr, x.prefixLen), len: x.prefixLen }, dst));
    if (!a) continue;
    const why = downWhy(l);
    const net = `${formatAddr(networkOf(a.addr, a.prefixLen))}/${a.prefixLen}`;
    return {
      reason: loc(
        `${net} would be reached through ${l.name} (address ${formatAddr(a.addr)}/${a.prefixLen}), but ${why.text.en}, so the kernel has no route for it.`,
        `${eunneun(net)} ${l.name}의 주소 ${formatAddr(a.addr)}/${a.prefixLen}의 대역이라 ${ro(l.name)} 가야 하지만, ${why.text.ko}. 그래서 커널에 이 대역의 라우트가 없습니다.`,
      ),
      source: why.source,
      data: { down: linkLabel(l), downAt: l.stateOrigin?.line },
    };
  }
  return undefined;
}

/** Why `dst` has no route in `ns`, where a line, a down link or a wrong mask explains it. */
export function explainNoRoute(world: World, ns: Netns, dst: Addr): Explanation | undefined {
  return explainRemovedRoute(ns, dst) ?? explainDownSubnet(ns, dst) ?? explainNarrowMask(world, ns, dst);
}

/** The interfaces of the world that have `a` (in any namespace). */
function ownersOf(world: World, a: Addr): Link[] {
  const out: Link[] = [];
  for (const h of world.hosts.values())
    for (const ns of h.netns.values())
      for (const l of ns.links.values()) if (l.addrs.some((x) => x.addr.family === a.family && x.addr.value === a.value)) out.push(l);
  return out;
}

/**
 * The links of `down` that stand between `from` and the rest of its layer-2 segment: a walk from
 * `from` over veth pairs, bridge ports and lab switches, whatever their state, that stops at each
 * link of `down` it meets (closest first).
 */
function downNear(world: World, from: Link, down: ReadonlySet<Link>): Link[] {
  return segmentLinks(world, from, (l) => down.has(l)).filter((l) => down.has(l));
}

/** The latest removal of `a` from an interface, anywhere in the world. */
function addrRemoval(world: World, a: Addr): { ns: Netns; rm: Removal } | undefined {
  let best: { ns: Netns; rm: Removal } | undefined;
  for (const h of world.hosts.values())
    for (const ns of h.netns.values()) {
      const rm = removedAddrs(ns, a)[0];
      if (rm && (!best || (rm.origin?.line ?? 0) > (best.rm.origin?.line ?? 0))) best = { ns, rm };
    }
  return best;
}

/**
 * Why nobody answered an ARP request for `nexthop` sent out of `dev`: the links on the way that were
 * down (at which line, or never brought up), the owner's port a line detached from its bridge, the
 * owner being on another segment, or the address a line removed.
 */
export function explainNoAnswer(world: World, dev: Link, nexthop: Addr, lost: readonly Link[]): Explanation | undefined {
  const why = ownerWhy(world, dev, nexthop, lost);
  // A link down on the way explains it alone; else a wrong mask that made the address look on-link comes first.
  const mask = why?.data['down'] ? undefined : explainWideMask(world, dev, nexthop);
  if (!mask) return why;
  if (!why) return mask;
  return {
    reason: loc(`${mask.reason.en} ${why.reason.en}`, `${mask.reason.ko} ${why.reason.ko}`),
    ...(mask.source ? { source: mask.source } : {}),
    data: { ...why.data, ...mask.data },
  };
}

function ownerWhy(world: World, dev: Link, nexthop: Addr, lost: readonly Link[]): Explanation | undefined {
  const nh = formatAddr(nexthop);
  const owners = ownersOf(world, nexthop).filter((l) => l !== dev);
  const owner = owners[0];
  // Only the down links between the owner and the rest of its segment explain it, closest first;
  // with no owner anywhere, a down link elsewhere on the segment explains nothing.
  const blocked = owner ? downNear(world, owner, new Set(lost)) : [];
  const has = owner ? loc(`${linkLabel(owner)} has ${nh}, but `, `${eunneun(nh)} ${linkLabel(owner)}에 있지만 `) : loc('', '');
  if (blocked.length) {
    const whys = blocked.slice(0, 3).map(downWhy);
    return {
      reason: loc(
        `${has.en}the request was lost on the way: ${whys.map((x) => x.text.en).join('; ')}.`,
        `${has.ko}요청이 가는 길에 사라졌습니다. ${whys.map((x) => x.text.ko).join('. ')}.`,
      ),
      source: whys.find((x) => x.source)?.source,
      data: { down: blocked.map(linkLabel), owner: owner && linkLabel(owner) },
    };
  }
  if (owner) {
    // The owner's veth peer (its bridge port) was detached from its bridge by a line.
    const port = owner.kind === 'veth' ? owner.peer : undefined;
    const rm = port && !port.master ? lastDetach(port.netns, port.name) : undefined;
    if (port && rm) {
      const at = rm.origin ? loc(` at line ${rm.origin.line}`, `${rm.origin.line}행에서 `) : loc('', '');
      return {
        reason: loc(
          `${has.en}its veth peer ${linkLabel(port)} was taken out of bridge ${rm.master}${at.en} (\`nomaster\`), so nothing joins it to this segment.`,
          `${has.ko}그 veth 상대편 ${iga(linkLabel(port))} ${at.ko}브리지 ${rm.master}에서 빠져서(\`nomaster\`) 이 세그먼트와 연결되지 않습니다.`,
        ),
        source: rm.origin,
        data: { owner: linkLabel(owner), detached: linkLabel(port), detachedAt: rm.origin?.line },
      };
    }
    return {
      reason: loc(
        `${has.en}it is not on the segment of ${linkLabel(dev)}: no switch, bridge or veth pair joins them at layer 2.`,
        `${has.ko}${linkLabel(dev)}의 세그먼트에 있지 않습니다. 2계층에서 둘을 잇는 스위치, 브리지, veth 쌍이 없습니다.`,
      ),
      source: owner.origin,
      data: { owner: linkLabel(owner) },
    };
  }
  const gone = addrRemoval(world, nexthop);
  if (gone) {
    const at = gone.rm.origin ? loc(` at line ${gone.rm.origin.line}`, `${gone.rm.origin.line}행에서 `) : loc('', '');
    const where = `${nsLabel(gone.ns)} ${gone.rm.dev}`;
    return {
      reason: loc(`${nh} was on ${where} until it was removed${at.en}.`, `${eunneun(nh)} ${where}에 있었지만 ${at.ko}제거되었습니다.`),
      source: gone.rm.origin,
      data: { removedFrom: where, removedAt: gone.rm.origin?.line },
    };
  }
  return undefined;
}
