/**
 * br_netfilter: an IPv4 packet that a Linux bridge forwards from one port to another crosses the
 * namespace's iptables when net.bridge.bridge-nf-call-iptables is 1 (the default on a machine that
 * loaded br_netfilter, as Docker and Kubernetes nodes do; a fresh namespace has 1): PREROUTING (raw,
 * conntrack, mangle, nat) as it enters, FORWARD (mangle, filter) and POSTROUTING (mangle, nat) as it
 * leaves. Its devices are the bridge (`-i br0 -o br0`), and its ports the physdev ones
 * (`-m physdev --physdev-in veth1 --physdev-is-bridged`).
 *
 * So conntrack sees bridged traffic: the reply of a connection that a DNAT sent to a backend on the
 * same bridge is rewritten back (its source becomes the service address again) at POSTROUTING. With
 * the sysctl at 0 that reply reaches the client unchanged, and the client has no socket for it.
 *
 * Not simulated: when a DNAT changes a bridged packet's destination, the kernel routes it again
 * (br_nf_pre_routing_finish); the trace goes on as bridged and says that it may be wrong. A REJECT
 * of bridged traffic drops it without an answer. Steps go into the frame's layer-2 way (they are
 * kept only if the frame arrives, or as the way it was lost).
 */
import { addrEq, formatAddr } from '../../net/addr';
import { type Localized, loc } from '../../text/i18n';
import { eulreul } from '../../text/particle';
import { pernet } from '../../sim/pernet';
import type { Link } from '../../sim/model';
import { type Frame, headers, type Packet } from '../packet';
import type { Tracked } from '../flow';
import { NETFILTER } from '../seams';
import type { Hook, Step } from '../trace';
import type { Walk } from './context';
import { natRewrite } from './hooks';

export const BRIDGE_NF_KEY = 'net.bridge.bridge-nf-call-iptables';

const HOOKS = ['PREROUTING', 'FORWARD', 'POSTROUTING'] as const;

export interface Bridged {
  readonly pass: boolean;
  readonly steps: Step[];
  readonly why?: Step;
  /** The frame as it leaves, when NAT rewrote its packet. */
  readonly frame?: Frame;
}

/** A bridged frame's way through the namespace's netfilter hooks: its steps, and whether (and as what) it goes on. */
export function bridgedHooks(w: Walk, br: Link, physIn: Link, physOut: Link, frame: Frame): Bridged {
  const p0 = frame.packet;
  const ns = br.netns;
  const nf = pernet(ns, NETFILTER);
  if (!p0 || p0.dst.family !== 4 || !nf || (ns.sysctlValues?.get(BRIDGE_NF_KEY) ?? '1') === '0') return { pass: true, steps: [] };
  const eth = { src: frame.src, dst: frame.dst };
  const steps: Step[] = [];
  const conn = w.flow.track(ns, p0);
  let p = p0;
  for (const hook of HOOKS) {
    const io =
      hook === 'PREROUTING' ? { in: br, physIn } : hook === 'FORWARD' ? { in: br, out: br, physIn, physOut } : { out: br, physIn, physOut };
    const before = p;
    if (conn && !conn.fresh && hook === 'PREROUTING') p = natStep(w, hook, physOut, conn, p, eth, steps);
    const d = nf.run({
      hook,
      ns,
      packet: p,
      io,
      flow: w.flow,
      ...(conn ? { conn } : {}),
      ...(p !== before ? { untranslated: before } : {}),
    });
    for (const n of d.notes ?? [])
      steps.push(
        w.step(ns, 'netfilter', physOut, headers(p, eth), n.detail, {
          hook,
          ...(n.source ? { source: n.source } : {}),
          data: { ...n.data, bridged: true },
        }),
      );
    if (d.verdict === 'drop' || d.verdict === 'reject') {
      const detail =
        d.verdict === 'reject'
          ? loc(
              `${d.detail.en} (bridged traffic: dropped without an answer here)`,
              `${d.detail.ko} (브리지 트래픽이라 여기서는 응답 없이 버립니다)`,
            )
          : d.detail;
      const why = w.step(ns, 'netfilter', physOut, headers(p, eth), detail, {
        hook,
        ...(d.source ? { source: d.source } : {}),
        data: { verdict: d.verdict === 'reject' ? 'REJECT' : 'DROP', bridged: true },
      });
      return { pass: false, steps: [...steps, why], why };
    }
    if (d.verdict === 'rewrite') {
      steps.push(
        w.step(ns, 'netfilter', physOut, headers(d.packet, eth), d.detail, {
          hook,
          ...(d.source ? { source: d.source } : {}),
          data: { before: headers(p), after: headers(d.packet), bridged: true },
        }),
      );
      const rule = d.source ?? [...(d.notes ?? [])].reverse().find((n) => n.source)?.source;
      if (hook === 'PREROUTING' && rule && !addrEq(d.packet.dst, p.dst)) w.warn(rule, rerouted(br, p, d.packet));
      p = d.packet;
    }
    if (conn) p = natStep(w, hook, physOut, conn, p, eth, steps);
  }
  if (conn) w.flow.confirm(conn);
  return { pass: true, steps, ...(p !== p0 ? { frame: { ...frame, packet: p } } : {}) };
}

/** The connection's NAT at a bridged hook, with a step when it rewrote the packet. */
function natStep(w: Walk, hook: Hook, dev: Link, conn: Tracked, before: Packet, eth: { src: string; dst: string }, steps: Step[]): Packet {
  const after = w.flow.translate(hook, conn, before);
  if (after === before) return before;
  const { detail, data } = natRewrite(hook, conn, before, after, true);
  steps.push(w.step(dev.netns, 'netfilter', dev, headers(after, eth), detail, { hook, data }));
  return after;
}

/** The warning for a bridged packet whose destination a DNAT changed: the kernel routes it again, knetlab does not. */
function rerouted(br: Link, before: Packet, after: Packet): Localized {
  const from = formatAddr(before.dst);
  const to = formatAddr(after.dst);
  const host = br.netns.host.name;
  return loc(
    `${host}: a DNAT changed a bridged packet's destination (${from} to ${to}) on bridge ${br.name}. The kernel routes such a packet again (br_netfilter); knetlab keeps it bridged, so this answer may be wrong.`,
    `${host}: 브리지 ${eulreul(br.name)} 지나는 패킷의 목적지를 DNAT가 바꿨습니다 (${from} → ${to}). 커널은 이런 패킷을 다시 라우팅하지만(br_netfilter) knetlab은 계속 브리지로 전달하므로 이 결과는 틀릴 수 있습니다.`,
  );
}
