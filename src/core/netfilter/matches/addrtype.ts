/**
 * `-m addrtype --src-type TYPES --dst-type TYPES`: the kind of address the namespace's routing
 * tables give the source or destination (inet_addr_type): LOCAL for its own addresses, BROADCAST,
 * MULTICAST, UNREACHABLE, BLACKHOLE, PROHIBIT for those routes, UNICAST for the rest (with a
 * route or without). `--limit-iface-in/out` is not simulated.
 */
import { isLimitedBroadcast, isMulticast } from '../../net/addr';
import { fibTableLookup } from '../../sim/fib';
import type { Addr } from '../../net/addr';
import type { Netns } from '../../sim/model';
import { defineMatch, type MatchModule } from '../module';

const TYPES = [
  'UNSPEC',
  'UNICAST',
  'LOCAL',
  'BROADCAST',
  'ANYCAST',
  'MULTICAST',
  'BLACKHOLE',
  'UNREACHABLE',
  'PROHIBIT',
  'THROW',
  'NAT',
  'XRESOLVE',
] as const;
type AddrType = (typeof TYPES)[number];

interface AddrtypeData {
  src?: AddrType[];
  srcInvert?: boolean;
  dst?: AddrType[];
  dstInvert?: boolean;
}

export function addrType(ns: Netns, a: Addr): AddrType {
  if (isLimitedBroadcast(a)) return 'BROADCAST';
  if (isMulticast(a)) return 'MULTICAST';
  const r = fibTableLookup(ns, a);
  // inet_addr_type: an address no route covers is UNICAST all the same.
  if (!r) return 'UNICAST';
  return r.type.toUpperCase() as AddrType;
}

export const addrtypeMatch: MatchModule = defineMatch<AddrtypeData>({
  name: 'addrtype',
  options: [
    { name: 'src-type', arg: true },
    { name: 'dst-type', arg: true },
  ],
  init: () => ({}),
  parse(d, opt, arg, invert) {
    const list: AddrType[] = [];
    for (const t of (arg ?? '').split(',')) {
      const u = t.toUpperCase() as AddrType;
      if (!TYPES.includes(u)) return `addrtype: bad type "${t}"`;
      if (!list.includes(u)) list.push(u);
    }
    const sorted = TYPES.filter((t) => list.includes(t));
    if (opt === 'src-type') {
      d.src = sorted;
      if (invert) d.srcInvert = true;
    } else {
      d.dst = sorted;
      if (invert) d.dstInvert = true;
    }
    return undefined;
  },
  final: (d) => (d.src || d.dst ? undefined : 'addrtype: you must specify --src-type or --dst-type'),
  save: (d) =>
    (d.src ? `${d.srcInvert ? ' !' : ''} --src-type ${d.src.join(',')}` : '') +
    (d.dst ? `${d.dstInvert ? ' !' : ''} --dst-type ${d.dst.join(',')}` : ''),
  print: (d) =>
    ' ADDRTYPE match' +
    (d.src ? ` src-type ${d.srcInvert ? '!' : ''}${d.src.join(',')}` : '') +
    (d.dst ? ` dst-type ${d.dstInvert ? '!' : ''}${d.dst.join(',')}` : ''),
  match(d, { ns, packet }) {
    if (d.src && d.src.includes(addrType(ns, packet.src)) === !!d.srcInvert) return false;
    if (d.dst && d.dst.includes(addrType(ns, packet.dst)) === !!d.dstInvert) return false;
    return true;
  },
});
