/**
 * A packet as the walk carries it: the IP header and the transport's ports and flags, plus what
 * the kernel keeps beside it (the mark) and what the application puts in it (a payload: a DNS
 * question, an HTTP request). Packets are immutable: a rewrite makes a new one.
 */
import { type Addr, formatAddr } from '../net/addr';
import type { PacketHeaders } from './trace';

export type IcmpKind =
  | 'echo-request'
  | 'echo-reply'
  | 'time-exceeded'
  | 'net-unreachable'
  | 'host-unreachable'
  | 'port-unreachable'
  | 'pkt-filtered'
  | 'admin-prohibited'
  /** Codes 2, 9 and 10 of destination unreachable: sent only by a REJECT rule here. */
  | 'proto-unreachable'
  | 'net-prohibited'
  | 'host-prohibited';

export type Proto = 'icmp' | 'tcp' | 'udp';

/**
 * What an application carries in a packet. `app` names the protocol (`dns`, `http`), `summary` is
 * one line a student reads (`A? web.default.svc.cluster.local`, `GET / Host: shop.example`), and
 * `data` is the structured message the apps read.
 */
export interface Payload {
  readonly app: string;
  readonly summary: string;
  readonly data?: Readonly<Record<string, unknown>>;
}

export interface Packet {
  readonly src: Addr;
  readonly dst: Addr;
  readonly ttl: number;
  readonly proto: Proto;
  readonly icmp?: IcmpKind;
  readonly sport?: number;
  readonly dport?: number;
  readonly tcpFlags?: string;
  /** For an ICMP error: the packet that caused it. */
  readonly inner?: Packet;
  /** skb->mark, set by netfilter's MARK target and read by its mark match and by routing rules. */
  readonly mark?: number;
  readonly payload?: Payload;
}

/** An Ethernet frame: an IP packet, or an ARP message. */
export interface Frame {
  readonly src: string;
  readonly dst: string;
  readonly packet?: Packet;
  readonly arp?: { readonly op: 'request' | 'reply'; readonly sender: Addr; readonly target: Addr };
}

export const DEFAULT_TTL = 64;
export const EPHEMERAL_PORT = 40000;

/**
 * The first packet a socket sends to open a connection: an echo request, a TCP SYN or a UDP
 * datagram to `port` (80 when not given). Its source is left unset: the output route chooses it.
 */
export function openingPacket(dst: Addr, proto: Proto, port: number | undefined, sport: number, payload?: Payload): Packet {
  const dport = port ?? 80;
  return {
    src: { family: dst.family, value: 0n },
    dst,
    ttl: DEFAULT_TTL,
    proto,
    ...(proto === 'icmp' ? { icmp: 'echo-request' as const } : { sport, dport }),
    ...(proto === 'tcp' ? { tcpFlags: 'S' } : {}),
    ...(payload ? { payload } : {}),
  };
}

/** `ICMP echo-request 10.0.0.1 > 10.0.0.2`, `TCP 10.0.0.1:40000 > 10.0.0.2:80 [S]`. */
export function describe(p: Packet): string {
  const s = formatAddr(p.src);
  const d = formatAddr(p.dst);
  // In brackets, as a name's final dot would otherwise run into the sentence's full stop.
  const app = p.payload ? ` (${p.payload.app.toUpperCase()} ${p.payload.summary})` : '';
  switch (p.proto) {
    case 'icmp':
      return `${p.dst.family === 6 ? 'ICMPv6' : 'ICMP'} ${p.icmp} ${s} > ${d}`;
    case 'tcp':
      return `TCP ${s}:${p.sport} > ${d}:${p.dport} [${p.tcpFlags}]${app}`;
    case 'udp':
      return `UDP ${s}:${p.sport} > ${d}:${p.dport}${app}`;
  }
}

/** The IP part of a packet's headers, formatted once per packet (packets are immutable). */
const ipHeaders = new WeakMap<Packet, PacketHeaders>();

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** The headers a trace step shows: the packet's, and the frame's Ethernet and ARP parts when given. */
export function headers(p: Packet | undefined, eth?: { src: string; dst: string }, arp?: Frame['arp']): PacketHeaders {
  let base = p ? ipHeaders.get(p) : undefined;
  if (!base) {
    const h: Mutable<PacketHeaders> = {
      ip: p ? { src: formatAddr(p.src), dst: formatAddr(p.dst), ttl: p.ttl, proto: p.proto } : { src: '', dst: '', ttl: 0, proto: 'icmp' },
    };
    if (p?.proto === 'icmp') h.icmp = { type: p.icmp ?? 'echo-request' };
    else if (p?.proto === 'tcp') h.tcp = { sport: p.sport ?? 0, dport: p.dport ?? 0, flags: p.tcpFlags ?? '' };
    else if (p?.proto === 'udp') h.udp = { sport: p.sport ?? 0, dport: p.dport ?? 0 };
    if (p?.mark) h.mark = p.mark;
    if (p?.payload) h.payload = { app: p.payload.app, summary: p.payload.summary };
    base = h;
    if (p) ipHeaders.set(p, base);
  }
  if (!eth && !arp) return base;
  const out: Mutable<PacketHeaders> = { ...base };
  if (eth) out.eth = { src: eth.src, dst: eth.dst };
  if (arp) out.arp = { op: arp.op, sender: formatAddr(arp.sender), target: formatAddr(arp.target) };
  return out;
}
