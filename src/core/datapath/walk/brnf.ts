/**
 * br_netfilter: an IPv4 packet that a Linux bridge forwards from one port to another crosses the
 * namespace's iptables FORWARD chain when net.bridge.bridge-nf-call-iptables is 1 (the default on a
 * machine that loaded br_netfilter, as Docker and Kubernetes nodes do; a fresh namespace has 1). Its
 * devices are the bridge, in and out (`-i br0 -o br0`), and its ports the physdev ones
 * (`-m physdev --physdev-in veth1 --physdev-is-bridged`). Conntrack follows it as at PREROUTING.
 *
 * Kept small: only FORWARD is asked (not the bridge's PREROUTING and POSTROUTING, so no NAT of
 * bridged traffic), and a REJECT of bridged traffic drops it without an answer. Its steps go into
 * the frame's layer-2 way (they are kept only if the frame arrives, or as the way it was lost).
 */
import { loc } from '../../text/i18n';
import { pernet } from '../../sim/pernet';
import type { Link } from '../../sim/model';
import { headers, type Frame } from '../packet';
import { NETFILTER } from '../seams';
import type { Step } from '../trace';
import type { Walk } from './context';

export const BRIDGE_NF_KEY = 'net.bridge.bridge-nf-call-iptables';

/** The FORWARD chain for a bridged frame: its steps, and whether the frame goes on. */
export function bridgedForward(w: Walk, br: Link, physIn: Link, physOut: Link, frame: Frame): { pass: boolean; steps: Step[]; why?: Step } {
  const p = frame.packet;
  const ns = br.netns;
  const nf = pernet(ns, NETFILTER);
  if (!p || p.dst.family !== 4 || !nf || (ns.sysctlValues?.get(BRIDGE_NF_KEY) ?? '1') === '0') return { pass: true, steps: [] };
  const conn = w.flow.track(ns, p);
  const d = nf.run({ hook: 'FORWARD', ns, packet: p, io: { in: br, out: br, physIn, physOut }, flow: w.flow, ...(conn ? { conn } : {}) });
  const eth = { src: frame.src, dst: frame.dst };
  const steps = (d.notes ?? []).map((n) =>
    w.step(ns, 'netfilter', physOut, headers(p, eth), n.detail, {
      hook: 'FORWARD',
      ...(n.source ? { source: n.source } : {}),
      ...(n.data ? { data: { ...n.data, bridged: true } } : {}),
    }),
  );
  if (d.verdict === 'accept' || d.verdict === 'rewrite') {
    if (conn) w.flow.confirm(conn);
    return { pass: true, steps };
  }
  const detail =
    d.verdict === 'reject'
      ? loc(
          `${d.detail.en} (bridged traffic: dropped without an answer here)`,
          `${d.detail.ko} (브리지 트래픽이라 여기서는 응답 없이 버립니다)`,
        )
      : d.detail;
  const why = w.step(ns, 'netfilter', physOut, headers(p, eth), detail, {
    hook: 'FORWARD',
    ...(d.source ? { source: d.source } : {}),
    data: { verdict: d.verdict === 'reject' ? 'REJECT' : 'DROP', bridged: true },
  });
  return { pass: false, steps: [...steps, why], why };
}
