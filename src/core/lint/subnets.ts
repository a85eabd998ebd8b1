/**
 * Lonely addresses: on an L2 segment, an address whose subnet no other interface there shares. The
 * lonely-subnet rule reports them; gateway-not-owned stays quiet about a gateway in a lonely
 * subnet (one mistake, one warning). A /32 (or /128) has no neighbours by design and is never
 * lonely; nor is anything on a segment where only one interface has addresses of that family yet.
 */
import { BITS, networkOf } from '../net/addr';
import type { IfAddr, Link } from '../sim/model';
import type { LintContext } from './context';
import type { AddrAt, Segment } from './segments';

/** One family on one segment with at least one lonely address. */
export interface LonelyGroup {
  readonly seg: Segment;
  /** Every address of the family on the segment. */
  readonly all: readonly AddrAt[];
  /** The lonely ones, in segment order. */
  readonly lonely: readonly AddrAt[];
}

/** The lonely addresses, segment by segment, IPv4 before IPv6 (for ctx.shared). */
export function lonelyGroups(ctx: LintContext): LonelyGroup[] {
  const out: LonelyGroup[] = [];
  for (const seg of ctx.segments.all()) {
    if (seg.addrs.length === 0) continue;
    // Per family and prefix length used on the segment: network -> the links with an address in it.
    const lens: Record<4 | 6, Set<number>> = { 4: new Set(), 6: new Set() };
    const fams: Record<4 | 6, number> = { 4: 0, 6: 0 };
    for (const x of seg.addrs) {
      lens[x.a.addr.family].add(x.a.prefixLen);
      fams[x.a.addr.family]++;
    }
    const nets = new Map<string, { link: Link; many: boolean }>();
    for (const x of seg.addrs) {
      for (const len of lens[x.a.addr.family]) {
        const key = `${x.a.addr.family}/${len}/${networkOf(x.a.addr, len).value}`;
        const e = nets.get(key);
        if (!e) nets.set(key, { link: x.link, many: false });
        else if (e.link !== x.link) e.many = true;
      }
    }
    for (const fam of [4, 6] as const) {
      if (fams[fam] < 2) continue;
      const all = seg.addrs.filter((x) => x.a.addr.family === fam);
      // Neighbours with an address of this family; without any (nothing configured yet), no warning.
      if (all.every((y) => y.link === all[0]!.link)) continue;
      const lonely = all.filter((x) => {
        if (x.a.prefixLen >= BITS[fam]) return false; // a /32 (or /128) has no neighbours by design
        return !nets.get(`${fam}/${x.a.prefixLen}/${networkOf(x.a.addr, x.a.prefixLen).value}`)?.many;
      });
      if (lonely.length) out.push({ seg, all, lonely });
    }
  }
  return out;
}

/** Every lonely address (for ctx.shared). */
export function lonelyAddrs(ctx: LintContext): ReadonlySet<IfAddr> {
  const set = new Set<IfAddr>();
  for (const g of ctx.shared(lonelyGroups)) for (const x of g.lonely) set.add(x.a);
  return set;
}
