/** `-m icmp --icmp-type TYPE[/CODE]|NAME|any` (loaded by itself after `-p icmp`). */
import type { IcmpKind } from '../../datapath/packet';
import { defineMatch, type MatchModule } from '../module';

interface IcmpData {
  /** 255: any. */
  type?: number;
  /** Absent: every code. */
  code?: number;
  invert?: boolean;
}

/** iptables's names of ICMP types and codes. */
const NAMES: Readonly<Record<string, readonly [number, number?]>> = {
  any: [255],
  'echo-reply': [0],
  'destination-unreachable': [3],
  'network-unreachable': [3, 0],
  'host-unreachable': [3, 1],
  'protocol-unreachable': [3, 2],
  'port-unreachable': [3, 3],
  'fragmentation-needed': [3, 4],
  'source-route-failed': [3, 5],
  'network-unknown': [3, 6],
  'host-unknown': [3, 7],
  'network-prohibited': [3, 9],
  'host-prohibited': [3, 10],
  'communication-prohibited': [3, 13],
  'source-quench': [4],
  redirect: [5],
  'echo-request': [8],
  ping: [8],
  'router-advertisement': [9],
  'router-solicitation': [10],
  'time-exceeded': [11],
  'ttl-exceeded': [11],
  'ttl-zero-during-transit': [11, 0],
  'parameter-problem': [12],
  'timestamp-request': [13],
  'timestamp-reply': [14],
};

/** The type and code of each ICMP message the walk sends. */
export const ICMP_TYPE: Readonly<Record<IcmpKind, readonly [number, number]>> = {
  'echo-request': [8, 0],
  'echo-reply': [0, 0],
  'time-exceeded': [11, 0],
  'net-unreachable': [3, 0],
  'host-unreachable': [3, 1],
  'port-unreachable': [3, 3],
  'pkt-filtered': [3, 13],
  'admin-prohibited': [3, 13],
  'proto-unreachable': [3, 2],
  'net-prohibited': [3, 9],
  'host-prohibited': [3, 10],
};

export const icmpMatch: MatchModule = defineMatch<IcmpData>({
  name: 'icmp',
  options: [{ name: 'icmp-type', arg: true }],
  init: () => ({}),
  parse(d, _opt, arg, invert) {
    const text = arg ?? '';
    const named = NAMES[text.toLowerCase()];
    const m = /^([0-9]+)(?:\/([0-9]+))?$/.exec(text);
    if (named) {
      d.type = named[0];
      if (named[1] !== undefined) d.code = named[1];
    } else if (m && Number(m[1]) <= 255 && (m[2] === undefined || Number(m[2]) <= 255)) {
      d.type = Number(m[1]);
      if (m[2] !== undefined) d.code = Number(m[2]);
    } else return `Unknown ICMP type \`${text}'`;
    if (invert) d.invert = true;
    return undefined;
  },
  final: (d) => (d.type === undefined ? 'icmp: option "--icmp-type" must be specified\n' : undefined),
  save: (d) =>
    d.type === undefined
      ? ''
      : `${d.invert ? ' !' : ''} --icmp-type ${d.type === 255 ? 'any' : d.code === undefined ? d.type : `${d.type}/${d.code}`}`,
  print(d, numeric) {
    const inv = d.invert ? '!' : '';
    if (numeric) return ` ${d.invert ? 'icmp !type' : 'icmptype'} ${d.type}${d.code !== undefined ? ` code ${d.code}` : ''}`;
    const name = Object.entries(NAMES).find(([, [t, c]]) => t === d.type && c === d.code)?.[0];
    return name ? ` icmp ${inv}${name}` : ` icmp ${inv}type ${d.type}${d.code !== undefined ? ` code ${d.code}` : ''}`;
  },
  check: (_d, env) => env.ip.proto === 1 && !env.ip.protoInvert,
  match(d, { packet: p }) {
    if (p.proto !== 'icmp') return false;
    const [type, code] = ICMP_TYPE[p.icmp ?? 'echo-request'];
    const hit = d.type === 255 || (d.type === type && (d.code === undefined || d.code === code));
    return hit !== !!d.invert;
  },
});
