/**
 * `-m addrtype --src-type TYPES --dst-type TYPES`: the kind of address the namespace's routing
 * tables give the source or destination (inet_addr_type): LOCAL for its own addresses, BROADCAST,
 * MULTICAST, UNREACHABLE, BLACKHOLE, PROHIBIT for those routes, UNICAST for the rest (with a
 * route or without). With `--limit-iface-in` (`-out`) the type is looked up for the packet's input
 * (output) interface, as inet_dev_addr_type does: a route through another device makes it UNICAST,
 * so the address of eth1 is not LOCAL for a packet that came in on eth0. The kernel takes
 * `--limit-iface-in` only where there is an input interface (not from OUTPUT or POSTROUTING) and
 * `--limit-iface-out` only where there is an output one (not from PREROUTING or INPUT).
 */
import { isLimitedBroadcast, isMulticast } from '../../net/addr';
import { fibTableLookup } from '../../sim/fib';
import type { Addr } from '../../net/addr';
import type { Link, Netns } from '../../sim/model';
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
  limit?: 'in' | 'out';
}

/** inet_dev_addr_type: the address's type, for `dev` only when given (a route through another device is UNICAST). */
export function addrType(ns: Netns, a: Addr, dev?: Link): AddrType {
  if (isLimitedBroadcast(a)) return 'BROADCAST';
  if (isMulticast(a)) return 'MULTICAST';
  const r = fibTableLookup(ns, a);
  // inet_addr_type: an address no route covers is UNICAST all the same.
  if (!r || (dev && r.dev !== dev)) return 'UNICAST';
  return r.type.toUpperCase() as AddrType;
}

const LIMIT_NAME = { in: 'limit-iface-in', out: 'limit-iface-out' } as const;

export const addrtypeMatch: MatchModule = defineMatch<AddrtypeData>({
  name: 'addrtype',
  options: [
    { name: 'src-type', arg: true },
    { name: 'dst-type', arg: true },
    { name: 'limit-iface-in', arg: false },
    { name: 'limit-iface-out', arg: false },
  ],
  init: () => ({}),
  parse(d, opt, arg, invert) {
    if (opt === 'limit-iface-in' || opt === 'limit-iface-out') {
      if (invert) return `addrtype: option "--${opt}" cannot be inverted.\n`;
      const limit = opt === 'limit-iface-in' ? 'in' : 'out';
      // xtables_options_fcheck names them in the options' order, whichever came first
      if (d.limit && d.limit !== limit) return 'addrtype: option "--limit-iface-in" cannot be used together with "--limit-iface-out".\n';
      d.limit = limit;
      return undefined;
    }
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
    (d.dst ? `${d.dstInvert ? ' !' : ''} --dst-type ${d.dst.join(',')}` : '') +
    (d.limit ? ` --${LIMIT_NAME[d.limit]}` : ''),
  print: (d) =>
    ' ADDRTYPE match' +
    (d.src ? ` src-type ${d.srcInvert ? '!' : ''}${d.src.join(',')}` : '') +
    (d.dst ? ` dst-type ${d.dstInvert ? '!' : ''}${d.dst.join(',')}` : '') +
    (d.limit ? ` limit-${d.limit}` : ''),
  // addrtype_mt_checkentry_v1: no input interface at OUTPUT and POSTROUTING, no output one at PREROUTING and INPUT
  check: (d, { hooks }) =>
    d.limit === 'in'
      ? !hooks.has('OUTPUT') && !hooks.has('POSTROUTING')
      : d.limit === 'out'
        ? !hooks.has('PREROUTING') && !hooks.has('INPUT')
        : true,
  match(d, { ns, packet, io }) {
    const dev = d.limit === 'in' ? io.in : d.limit === 'out' ? io.out : undefined;
    if (d.limit && !dev) return false;
    if (d.src && d.src.includes(addrType(ns, packet.src, dev)) === !!d.srcInvert) return false;
    if (d.dst && d.dst.includes(addrType(ns, packet.dst, dev)) === !!d.dstInvert) return false;
    return true;
  },
});
