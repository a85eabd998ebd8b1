/**
 * The match modules, by the name `-m` loads them by. A new match is its file and one line here.
 * `IMPLICIT` says which module `-p PROTO` loads by itself when one of its options comes.
 */
import type { MatchModule } from '../module';
import { addrtypeMatch } from './addrtype';
import { commentMatch } from './comment';
import { conntrackMatch } from './conntrack';
import { icmpMatch } from './icmp';
import { markMatch } from './mark';
import { multiportMatch } from './multiport';
import { physdevMatch } from './physdev';
import { stateMatch } from './state';
import { statisticMatch } from './statistic';
import { tcpMatch } from './tcp';
import { udpMatch } from './udp';

export const MATCHES: ReadonlyMap<string, MatchModule> = new Map(
  [
    tcpMatch,
    udpMatch,
    icmpMatch,
    conntrackMatch,
    stateMatch,
    addrtypeMatch,
    statisticMatch,
    commentMatch,
    markMatch,
    multiportMatch,
    physdevMatch,
  ].map((m) => [m.name, m] as const),
);

/** The match `-p` loads by itself, by protocol number. */
export const IMPLICIT: ReadonlyMap<number, MatchModule> = new Map([
  [6, tcpMatch],
  [17, udpMatch],
  [1, icmpMatch],
]);

/** Real iptables matches the simulator does not run: a rule with one is said to be not simulated. */
export const UNSIMULATED_MATCHES: ReadonlySet<string> = new Set([
  'limit',
  'hashlimit',
  'recent',
  'set',
  'mac',
  'iprange',
  'owner',
  'connmark',
  'connlimit',
  'length',
  'string',
  'pkttype',
  'ttl',
  'tos',
  'dscp',
  'u32',
  'time',
  'policy',
  'socket',
  'rpfilter',
  'sctp',
  'esp',
  'ah',
  'udplite',
  'dccp',
  'helper',
  'cgroup',
  'bpf',
  'nfacct',
  'quota',
  'devgroup',
  'realm',
  'cluster',
  'cpu',
  'ecn',
  'hl',
  'ipvs',
  'osf',
  'tcpmss',
  'frag',
]);
