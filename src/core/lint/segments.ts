/**
 * L2 segments of a built world, for the lint rules: a lab switch joins the NICs plugged into it, a
 * bridge joins its ports (and an address on the bridge is on that segment), a veth pair joins its
 * two ends. Loopback and dummy links are on no segment. Link state (up or down) does not change a
 * segment. One union-find pass over the links; each segment indexes its addresses by value.
 */
import type { Addr } from '../net/addr';
import type { IfAddr, Link } from '../sim/model';

/** An address and the link that holds it. */
export interface AddrAt {
  readonly link: Link;
  readonly a: IfAddr;
}

/** The links of one segment and their addresses (host-scoped ones left out). */
export interface Segment {
  readonly links: Link[];
  readonly addrs: AddrAt[];
  /** Keyed by addrKey(). */
  readonly byAddr: Map<number | string, AddrAt[]>;
}

/** A Map key for an address: a number for IPv4 (cheaper to hash than a bigint), a string for IPv6. */
export function addrKey(a: Addr): number | string {
  return a.family === 4 ? Number(a.value) : `6:${a.value.toString(16)}`;
}

export class Segments {
  private readonly parent: number[] = [];
  private readonly linkId = new Map<Link, number>();
  private readonly switchId = new Map<string, number>();
  private readonly segments = new Map<number, Segment>();

  constructor(links: readonly Link[]) {
    for (const l of links) {
      const id = this.idOf(l);
      if (!onSegment(l)) continue;
      if (l.kind === 'nic' && l.switchName !== undefined) {
        let sw = this.switchId.get(l.switchName);
        if (sw === undefined) this.switchId.set(l.switchName, (sw = this.node()));
        this.union(id, sw);
      }
      if (l.master) this.union(id, this.idOf(l.master));
      if (l.peer) this.union(id, this.idOf(l.peer));
    }
    for (const l of links) {
      if (!onSegment(l)) continue;
      const root = this.find(this.idOf(l));
      let seg = this.segments.get(root);
      if (!seg)
        this.segments.set(
          root,
          (seg = {
            links: [],
            addrs: [],
            byAddr: new Map(),
          }),
        );
      seg.links.push(l);
      for (const a of l.addrs) {
        if (a.scope === 'host') continue;
        const x = { link: l, a };
        seg.addrs.push(x);
        const m = seg.byAddr;
        const key = addrKey(a.addr);
        const list = m.get(key);
        if (list) list.push(x);
        else m.set(key, [x]);
      }
    }
  }

  /** Every segment, in the order of their first link. */
  all(): IterableIterator<Segment> {
    return this.segments.values();
  }

  /** The segment a link is on, if any. */
  of(link: Link): Segment | undefined {
    if (!onSegment(link)) return undefined;
    const id = this.linkId.get(link);
    return id === undefined ? undefined : this.segments.get(this.find(id));
  }

  /** A number for a link of the world, for Map keys (undefined for a link the world did not have). */
  numberOf(link: Link): number | undefined {
    return this.linkId.get(link);
  }

  private node(): number {
    const id = this.parent.length;
    this.parent.push(id);
    return id;
  }

  private find(x: number): number {
    const p = this.parent;
    while (p[x]! !== x) {
      p[x] = p[p[x]!]!;
      x = p[x]!;
    }
    return x;
  }

  private union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent[ra] = rb;
  }

  private idOf(link: Link): number {
    let id = this.linkId.get(link);
    if (id === undefined) this.linkId.set(link, (id = this.node()));
    return id;
  }
}

function onSegment(link: Link): boolean {
  return link.kind === 'nic' || link.kind === 'veth' || link.kind === 'bridge';
}
