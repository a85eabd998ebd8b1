/**
 * A walk's own state, which the world never sees: the neighbour entries and bridge FDB entries it
 * learns, and conntrack — the connections it opens in each namespace, their NAT bindings and marks.
 * A trace never changes the lab; everything it learns lives here and is gone when it ends.
 *
 * Conntrack and NAT follow nf_conntrack and nf_nat: a connection is known by the tuple of its first
 * packet (the original direction) and the tuple its replies will carry (the reply direction). NAT on
 * the first packet changes the reply tuple; `translate` then rewrites every later packet of the
 * connection at the hook where the kernel does it: destination at PREROUTING and OUTPUT, source at
 * INPUT and POSTROUTING. So the reply leg is un-NATed by the flow, whichever part set up the NAT.
 */
import { type Addr, addrEq } from '../net/addr';
import type { Link, Netns } from '../sim/model';
import type { Packet } from './packet';
import type { Hook } from './trace';

export interface Tuple {
  readonly proto: Packet['proto'];
  readonly src: Addr;
  readonly dst: Addr;
  /** Ports for TCP and UDP; the echo id (0 here) for ICMP. */
  readonly sport: number;
  readonly dport: number;
}

export type CtState = 'NEW' | 'ESTABLISHED' | 'RELATED';

export interface Connection {
  readonly ns: Netns;
  readonly original: Tuple;
  /** The tuple a reply carries; NAT changes it. */
  reply: Tuple;
  /** NEW until a packet has gone the reply way. */
  state: CtState;
  /** What NAT did to the original direction, for the trace. */
  readonly nat: { kind: 'snat' | 'dnat'; to: Addr; port?: number }[];
  /** ct mark (CONNMARK). */
  mark: number;
  /** nf_conntrack_confirm: the first packet has left the namespace's hooks (at POSTROUTING or INPUT). */
  confirmed: boolean;
}

export interface Tracked {
  readonly conn: Connection;
  readonly dir: 'original' | 'reply';
  /** The connection's first packet, on its way through the namespace (not yet confirmed): NAT is decided now. */
  readonly fresh: boolean;
  /** An ICMP error about the connection (RELATED). */
  readonly related: boolean;
}

export function tupleOf(p: Packet): Tuple {
  return { proto: p.proto, src: p.src, dst: p.dst, sport: p.sport ?? 0, dport: p.dport ?? 0 };
}

export function invert(t: Tuple): Tuple {
  return { proto: t.proto, src: t.dst, dst: t.src, sport: t.dport, dport: t.sport };
}

/** `t` is the tuple `before` NAT, `after` it, or either end of it rewritten and the other not yet. */
function between(before: Tuple, after: Tuple, t: Tuple): boolean {
  if (t.proto !== before.proto) return false;
  const src = (addrEq(t.src, before.src) && t.sport === before.sport) || (addrEq(t.src, after.src) && t.sport === after.sport);
  const dst = (addrEq(t.dst, before.dst) && t.dport === before.dport) || (addrEq(t.dst, after.dst) && t.dport === after.dport);
  return src && dst;
}

function isIcmpError(p: Packet): boolean {
  return p.proto === 'icmp' && p.icmp !== 'echo-request' && p.icmp !== 'echo-reply';
}

/** The seed of a walk's random choices when the trace request gives none. */
export const DEFAULT_SEED = 1;

export class Flow {
  /**
   * Per-walk state of the parts above the datapath, by a key of their own (netfilter's nth counters):
   * gone with the walk, like the rest of the Flow.
   */
  readonly state = new Map<object | symbol, unknown>();
  private seedState: number;

  constructor(seed: number = DEFAULT_SEED) {
    this.seedState = seed >>> 0;
  }

  /**
   * The walk's next random number in [0, 1), from its seed (mulberry32): the same seed gives the
   * same choices (a `statistic` rule's branch), so every trace is reproducible.
   */
  random(): number {
    let t = (this.seedState = (this.seedState + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Neighbour entries learned during the walk, per namespace: `ifindex|ip` -> MAC. */
  readonly neigh = new Map<Netns, Map<string, string>>();
  /** Bridge FDB entries learned during the walk. */
  readonly fdb = new Map<Link, Map<string, Link>>();
  private readonly conns = new Map<Netns, Connection[]>();

  /** The connection a packet belongs to in `ns`, and its direction; undefined for an unknown one. */
  find(ns: Netns, p: Packet): Tracked | undefined {
    if (isIcmpError(p) && p.inner) {
      const inner = this.find(ns, p.inner);
      return inner && { conn: inner.conn, dir: inner.dir === 'original' ? 'reply' : 'original', fresh: false, related: true };
    }
    // A packet matches its connection before NAT, after it, and half way (its destination rewritten
    // at PREROUTING, its source not yet at INPUT), in either direction: the kernel keeps the
    // connection on the packet (skb->_nfct) from the first hook on; the walk looks it up again.
    const t = tupleOf(p);
    for (const conn of this.conns.get(ns) ?? []) {
      if (between(conn.original, invert(conn.reply), t)) return { conn, dir: 'original', fresh: !conn.confirmed, related: false };
      if (between(conn.reply, invert(conn.original), t)) return { conn, dir: 'reply', fresh: false, related: false };
    }
    return undefined;
  }

  /**
   * nf_conntrack_in: the packet's connection in `ns`, made on its first packet. A packet of the
   * reply direction makes its connection ESTABLISHED.
   */
  track(ns: Netns, p: Packet): Tracked | undefined {
    const known = this.find(ns, p);
    if (known) {
      if (known.dir === 'reply' && !known.related) known.conn.state = 'ESTABLISHED';
      return known;
    }
    if (isIcmpError(p) || (p.proto === 'icmp' && p.icmp === 'echo-reply')) return undefined;
    const original = tupleOf(p);
    const conn: Connection = { ns, original, reply: invert(original), state: 'NEW', nat: [], mark: 0, confirmed: false };
    let list = this.conns.get(ns);
    if (!list) this.conns.set(ns, (list = []));
    list.push(conn);
    return { conn, dir: 'original', fresh: true, related: false };
  }

  /** nf_conntrack_confirm: a connection's first packet has left the namespace's hooks; NAT is settled. */
  confirm(tracked: Tracked): void {
    if (tracked.dir === 'original') tracked.conn.confirmed = true;
  }

  /**
   * nf_nat_setup_info: NAT for a new connection. `snat` rewrites where it comes from (SNAT,
   * MASQUERADE), `dnat` where it goes (DNAT, REDIRECT); its replies are rewritten back.
   */
  nat(conn: Connection, kind: 'snat' | 'dnat', to: Addr, port?: number): void {
    const r = conn.reply;
    conn.reply = kind === 'dnat' ? { ...r, src: to, sport: port ?? r.sport } : { ...r, dst: to, dport: port ?? r.dport };
    conn.nat.push({ kind, to, ...(port !== undefined ? { port } : {}) });
  }

  /**
   * nf_nat_packet: a packet of a NATed connection (`tracked`, as find or track gave it) rewritten
   * as its connection says, at the hooks where the kernel does it. Returns the packet itself when
   * nothing changes.
   */
  translate(hook: Hook, tracked: Tracked, p: Packet): Packet {
    if (tracked.conn.nat.length === 0) return p;
    const { conn, dir } = tracked;
    // The tuple this packet must carry when it has been through NAT in this namespace.
    const want = dir === 'original' ? invert(conn.reply) : invert(conn.original);
    const dstManip = hook === 'PREROUTING' || hook === 'OUTPUT';
    if (tracked.related && p.inner) {
      // An ICMP error: the outer address and the packet inside are both rewritten.
      const inner = p.inner;
      if (dstManip) {
        if (addrEq(p.dst, want.dst)) return p;
        return { ...p, dst: want.dst, inner: { ...inner, src: want.dst, sport: want.dport } };
      }
      if (addrEq(inner.dst, want.src)) return p;
      return { ...p, inner: { ...inner, dst: want.src, dport: want.sport } };
    }
    if (dstManip) {
      if (addrEq(p.dst, want.dst) && (p.dport ?? 0) === want.dport) return p;
      return { ...p, dst: want.dst, ...(p.proto === 'icmp' ? {} : { dport: want.dport }) };
    }
    if (hook === 'INPUT' || hook === 'POSTROUTING') {
      if (addrEq(p.src, want.src) && (p.sport ?? 0) === want.sport) return p;
      return { ...p, src: want.src, ...(p.proto === 'icmp' ? {} : { sport: want.sport }) };
    }
    return p;
  }
}
