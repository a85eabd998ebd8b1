/**
 * Rule counters without changing the world: a trace's netfilter steps name the rules that matched
 * (data: table, chain, rule number; a policy's step: table, chain, policy), so the counters a walk
 * would have added are counted from the trace itself. `iptables -L -v` after a trace (the CLI, the
 * panels) adds these to the tables' own counters, which a walk never writes.
 *
 * Bytes are the IP lengths the kernel would count for the walk's packets: an echo of ping's default
 * 56 bytes is 84, an ICMP error 56, a TCP SYN or SYN-ACK 60 (with its options), another TCP segment
 * 52, a UDP datagram 28 plus nothing (the walk carries no payload size).
 */
import type { PacketHeaders, TraceResult } from '../datapath/trace';
import type { Netns } from '../sim/model';
import { type Chain, type Counters, type Rule, TABLE_NAMES, type TableName } from './model';
import { iptablesOf } from './state';

export interface Hits {
  readonly host: string;
  /** '' for the host's own namespace. */
  readonly netns: string;
  readonly table: string;
  readonly chain: string;
  /** The rule's number in its chain; 0 for the chain's policy. */
  readonly rule: number;
  packets: number;
  bytes: number;
}

/** The IP length of a packet as the kernel would count it. */
export function packetBytes(h: PacketHeaders): number {
  if (h.icmp) return h.icmp.type === 'echo-request' || h.icmp.type === 'echo-reply' ? 84 : 56;
  if (h.tcp) return h.tcp.flags === 'S' || h.tcp.flags === 'S.' ? 60 : 52;
  return 28;
}

/** Every rule and policy the trace went through, with what it counted, in the order first hit. */
export function countHits(trace: TraceResult): Hits[] {
  const out = new Map<string, Hits>();
  for (const leg of trace.legs)
    for (const s of leg.steps) {
      const d = s.data as { table?: unknown; chain?: unknown; rule?: unknown; policy?: unknown } | undefined;
      if (s.stage !== 'netfilter' || typeof d?.table !== 'string' || typeof d.chain !== 'string') continue;
      const rule = typeof d.rule === 'number' ? d.rule : d.policy !== undefined ? 0 : -1;
      if (rule < 0) continue;
      const key = `${s.host}\t${s.netns}\t${d.table}\t${d.chain}\t${rule}`;
      let h = out.get(key);
      if (!h) out.set(key, (h = { host: s.host, netns: s.netns, table: d.table, chain: d.chain, rule, packets: 0, bytes: 0 }));
      h.packets++;
      if (s.packet) h.bytes += packetBytes(s.packet);
    }
  return [...out.values()];
}

/**
 * A trace's hits in one namespace as counts per rule and built-in chain (a policy's hits), ready for
 * `iptables -L -v` (list.ts ListOptions.extra).
 */
export function extraCounters(ns: Netns, hits: readonly Hits[]): Map<Rule | Chain, Counters> {
  const out = new Map<Rule | Chain, Counters>();
  const ipt = iptablesOf(ns);
  if (!ipt) return out;
  for (const h of hits) {
    if (h.host !== ns.host.name || h.netns !== ns.name || !isTableName(h.table)) continue;
    const chain = ipt.table(h.table).chains.get(h.chain);
    const key = chain && (h.rule === 0 ? chain : chain.rules[h.rule - 1]);
    if (!key) continue;
    const c = out.get(key) ?? { packets: 0, bytes: 0 };
    out.set(key, { packets: c.packets + h.packets, bytes: c.bytes + h.bytes });
  }
  return out;
}

function isTableName(t: string): t is TableName {
  return (TABLE_NAMES as readonly string[]).includes(t);
}
