/**
 * Which zone, port and listen address each server block serves, and CoreDNS's refusal of the same one
 * twice (core/dnsserver register.go validateZonesAndListeningAddresses, address.go zoneOverlap): a block's
 * listen addresses are its `bind` arguments (all addresses when it has none); the same zone key on the same
 * address is "already defined", and an unbound one beside a bound one (either way round) "overlaps". A
 * block with a `view` filter may share a zone with an unfiltered one. Interface names given to `bind` are
 * taken as they are written (CoreDNS would expand them to the interface's addresses).
 */
import type { Token } from './lex';

interface Served {
  readonly key: string;
  readonly addr: string;
  readonly at: Token;
}

const show = (s: { key: string; addr: string }) => (s.addr ? `${s.key} on ${s.addr}` : s.key);

export class ServedZones {
  /** By zone key: the listen addresses that serve it, the first that did first (few: a list is cheaper than a map). */
  private readonly byKey = new Map<string, Served[]>();

  /** Registers `key` on `addr` (`''` for every address); CoreDNS's error and the earlier one, if refused. */
  add(key: string, addr: string, at: Token, filtered: boolean): { message: string; first: Served } | undefined {
    const known = this.byKey.get(key);
    if (known) {
      const me = { key, addr };
      const exact = known.find((x) => x.addr === addr);
      if (exact && !filtered) return { message: `cannot serve ${show(me)} - it is already defined`, first: exact };
      const already = known[0]!;
      if (addr === '' && already.addr !== '')
        return { message: `cannot serve ${show(me)} - zone overlap listener capacity with ${show(already)}`, first: already };
      const plain = known.find((x) => x.addr === '');
      if (addr !== '' && plain)
        return { message: `cannot serve ${show(me)} - zone overlap listener capacity with ${show(plain)}`, first: plain };
    }
    if (filtered) return undefined;
    const s = { key, addr, at };
    if (!known) this.byKey.set(key, [s]);
    else if (!known.some((x) => x.addr === addr)) known.push(s);
    else known[known.findIndex((x) => x.addr === addr)] = s;
    return undefined;
  }
}
