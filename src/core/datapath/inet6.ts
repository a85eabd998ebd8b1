/**
 * What IPv6 calls things the trace shows: neighbour solicitation to the solicited-node multicast
 * address instead of ARP, the hop limit instead of the TTL, ICMPv6's own messages and codes.
 */
import { type Addr, type Family, formatAddr } from '../net/addr';
import { type Localized, loc } from '../text/i18n';
import type { IcmpKind } from './packet';

/** ff02::1:ffXX:XXXX, the multicast group a neighbour solicitation for `a` goes to. */
export function solicitedNode(a: Addr): Addr {
  return { family: 6, value: (0xff02n << 112n) | (0x1ffn << 24n) | (a.value & 0xffffffn) };
}

/** `TTL` or `hop limit`. */
export function hopWord(family: Family): Localized {
  return family === 6 ? loc('hop limit', 'hop limit') : loc('TTL', 'TTL');
}

const ICMP6: Record<IcmpKind, string> = {
  'echo-request': 'echo request',
  'echo-reply': 'echo reply',
  'time-exceeded': 'time exceeded (hop limit exceeded in transit, code 0)',
  'net-unreachable': 'destination unreachable (no route, code 0)',
  'host-unreachable': 'destination unreachable (address unreachable, code 3)',
  'port-unreachable': 'destination unreachable (port unreachable, code 4)',
  'pkt-filtered': 'destination unreachable (administratively prohibited, code 1)',
  'admin-prohibited': 'destination unreachable (administratively prohibited, code 1)',
  'proto-unreachable': 'parameter problem (unrecognized next header, code 1)',
  'net-prohibited': 'destination unreachable (administratively prohibited, code 1)',
  'host-prohibited': 'destination unreachable (administratively prohibited, code 1)',
};

/** `ICMP net-unreachable` for IPv4, `ICMPv6 destination unreachable (no route, code 0)` for IPv6. */
export function icmpName(kind: IcmpKind, family: Family): string {
  return family === 6 ? `ICMPv6 ${ICMP6[kind]}` : `ICMP ${kind}`;
}

/** The neighbour protocol's request, as the trace names it. */
export function solicitWords(family: Family, nexthop: Addr, sender: Addr | undefined): Localized {
  const nh = formatAddr(nexthop);
  if (family === 6) {
    const sn = formatAddr(solicitedNode(nexthop));
    return loc(`neighbour solicitation for ${nh} (to ${sn})`, `${nh} 이웃 요청(neighbour solicitation, ${sn} 대상)`);
  }
  const who = `ARP who-has ${nh} tell ${sender ? formatAddr(sender) : '0.0.0.0'}`;
  return loc(who, who);
}
