/**
 * A netfilter hook on the walk: conntrack first (at PREROUTING and OUTPUT, where the kernel tracks
 * a packet), then the namespace's netfilter through the seam, then the connection's NAT. A drop ends
 * the walk; a reject answers from here (ICMP error or TCP reset); a rewrite goes on with the new
 * packet. Each rule that netfilter reports becomes a step, with the packet before and after.
 */
import { formatAddr } from '../../net/addr';
import { type Localized, loc } from '../../text/i18n';
import type { Link, Netns } from '../../sim/model';
import { pernet } from '../../sim/pernet';
import { DEFAULT_TTL, headers, type Packet } from '../packet';
import type { Tracked } from '../flow';
import { NETFILTER, type RejectWith } from '../seams';
import type { Hook, Verdict } from '../trace';
import type { Walk } from './context';

const DST_HOOKS: ReadonlySet<Hook> = new Set(['PREROUTING', 'OUTPUT']);

/** What the sender makes of each ICMP error a REJECT sends (the prohibited ones and pkt-filtered: prohibited). */
const REJECT_CAUSE: Partial<Record<RejectWith, Verdict>> = {
  'port-unreachable': 'refused',
  'proto-unreachable': 'refused',
  'host-unreachable': 'host-unreachable',
  'net-unreachable': 'no-route',
};

export function runHook(w: Walk, hook: Hook, ns: Netns, p0: Packet, io: { in?: Link; out?: Link }): Packet | undefined {
  const nf = pernet(ns, NETFILTER);
  if (!nf) return p0;
  const dstHook = DST_HOOKS.has(hook);
  // The packet's connection, found once: it matches before NAT and after it.
  const conn = dstHook ? w.flow.track(ns, p0) : w.flow.find(ns, p0);
  // NAT of a known connection comes before the filter at PREROUTING and OUTPUT (its priority is -100).
  const p = conn && !conn.fresh && dstHook ? nat(w, hook, ns, io, conn, p0) : p0;
  const d = nf.run({ hook, ns, packet: p, io, flow: w.flow, ...(conn ? { conn } : {}), ...(p !== p0 ? { untranslated: p0 } : {}) });
  const iface = io.out ?? io.in;
  for (const n of d.notes ?? []) w.add(ns, 'netfilter', iface, p, n.detail, { hook, source: n.source, data: n.data });
  switch (d.verdict) {
    case 'drop':
      w.add(ns, 'netfilter', iface, p, d.detail, { hook, source: d.source, data: { verdict: 'DROP' } });
      w.drop(ns, iface, p, 'dropped', d.detail, d.source, { hook });
      return undefined;
    case 'reject':
      w.add(ns, 'netfilter', iface, p, d.detail, { hook, source: d.source, data: { verdict: 'REJECT', with: d.with } });
      reject(w, ns, p, d.with, d.source);
      return undefined;
    case 'rewrite':
      w.add(ns, 'netfilter', iface, d.packet, d.detail, { hook, source: d.source, data: { before: headers(p), after: headers(d.packet) } });
      return finish(w, hook, ns, io, conn, d.packet);
    case 'accept':
      return finish(w, hook, ns, io, conn, p);
  }
}

/**
 * NAT set up by this hook's tables (or a binding made at an earlier hook) applied to the packet;
 * at the last hook of a namespace (POSTROUTING, INPUT) its connection is confirmed.
 */
function finish(w: Walk, hook: Hook, ns: Netns, io: { in?: Link; out?: Link }, conn: Tracked | undefined, p: Packet): Packet {
  if (!conn) return p;
  const after = nat(w, hook, ns, io, conn, p);
  if (hook === 'POSTROUTING' || hook === 'INPUT') w.flow.confirm(conn);
  return after;
}

/** The connection's NAT at this hook, with a step when it rewrote the packet. */
function nat(w: Walk, hook: Hook, ns: Netns, io: { in?: Link; out?: Link }, conn: Tracked, before: Packet): Packet {
  const after = w.flow.translate(hook, conn, before);
  if (after === before) return before;
  const { detail, data } = natRewrite(hook, conn, before, after);
  w.add(ns, 'netfilter', io.out ?? io.in, after, detail, { hook, data });
  return after;
}

/**
 * What a step says when the connection's NAT rewrote a packet at `hook` (a reply rewritten back, or a
 * later packet of the connection), and its data; `bridged` when br_netfilter did it on a bridge.
 */
export function natRewrite(
  hook: Hook,
  conn: Tracked,
  before: Packet,
  after: Packet,
  bridged = false,
): { detail: Localized; data: Record<string, unknown> } {
  const what = (x: Packet) => `${formatAddr(x.src)}${x.sport ? `:${x.sport}` : ''} > ${formatAddr(x.dst)}${x.dport ? `:${x.dport}` : ''}`;
  const reply = conn.dir === 'reply';
  const en = bridged ? 'conntrack (bridged, br_netfilter)' : 'conntrack';
  const ko = bridged ? 'conntrack(브리지 트래픽, br_netfilter)' : 'conntrack';
  const detail = reply
    ? loc(
        `${en}: a reply of a NATed connection, rewritten back at ${hook}: ${what(before)} becomes ${what(after)}.`,
        `${ko}: NAT된 연결의 응답이라 ${hook}에서 되돌려 씁니다: ${what(before)} → ${what(after)}.`,
      )
    : loc(
        `${en}: the connection's NAT at ${hook}: ${what(before)} becomes ${what(after)}.`,
        `${ko}: 연결의 NAT를 ${hook}에서 적용합니다: ${what(before)} → ${what(after)}.`,
      );
  const data = { before: headers(before), after: headers(after), conntrack: reply ? 'reply' : 'original', ...(bridged ? { bridged } : {}) };
  return { detail, data };
}

/** The REJECT target: an ICMP error, or a TCP reset sent in the name of the destination. */
function reject(w: Walk, ns: Netns, p: Packet, how: RejectWith, source: Walk['conn']['icmpSource']): void {
  if (how !== 'tcp-reset' || p.proto !== 'tcp') {
    const kind = how === 'tcp-reset' ? 'port-unreachable' : how;
    const cause = REJECT_CAUSE[kind] ?? 'prohibited';
    w.stages.icmpError(w, ns, p, kind, cause, source);
    return;
  }
  if (w.inReply) {
    w.end({
      verdict: 'refused',
      reason: loc(`The answer was rejected at ${ns.host.name}.`, `응답이 ${ns.host.name}에서 거부되었습니다.`),
      source,
    });
    return;
  }
  const sent = w.conn.origin.packet;
  const to = `${formatAddr(sent.dst)}:${sent.dport}`;
  w.conn.reset = {
    why: loc(`a TCP reset came back from ${to}'s way (a REJECT rule).`, `${to}에 가는 길에서 TCP reset이 돌아왔습니다 (REJECT 규칙).`),
    ...(source ? { source } : {}),
  };
  w.startReply();
  w.stages.sendLocal(
    w,
    ns,
    { src: p.dst, dst: p.src, ttl: DEFAULT_TTL, proto: 'tcp', sport: p.dport, dport: p.sport, tcpFlags: 'R.' },
    false,
  );
}
