/**
 * `-j REJECT [--reject-with TYPE]`: drops the packet and answers its sender, with an ICMP error
 * (port unreachable unless told) or, for TCP, a reset. Only in the filter table's INPUT, FORWARD and
 * OUTPUT (and chains reached from them); `tcp-reset` only in a rule with `-p tcp`.
 */
import type { RejectWith } from '../../datapath/seams';
import { defineTarget, type TargetModule } from '../module';

interface RejectData {
  with: string;
}

/** iptables's types (their short aliases first), what the seam sends for each. */
const TYPES: readonly (readonly [string, string, RejectWith])[] = [
  ['icmp-net-unreachable', 'net-unreach', 'net-unreachable'],
  ['icmp-host-unreachable', 'host-unreach', 'host-unreachable'],
  ['icmp-port-unreachable', 'port-unreach', 'port-unreachable'],
  ['icmp-proto-unreachable', 'proto-unreach', 'proto-unreachable'],
  ['icmp-net-prohibited', 'net-prohib', 'net-prohibited'],
  ['icmp-host-prohibited', 'host-prohib', 'host-prohibited'],
  ['icmp-admin-prohibited', 'admin-prohib', 'admin-prohibited'],
  ['tcp-reset', 'tcp-rst', 'tcp-reset'],
];

export const rejectTarget: TargetModule = defineTarget<RejectData>({
  name: 'REJECT',
  table: 'filter',
  hooks: ['INPUT', 'FORWARD', 'OUTPUT'],
  options: [{ name: 'reject-with', arg: true }],
  init: () => ({ with: 'icmp-port-unreachable' }),
  parse(d, _opt, arg) {
    const t = TYPES.find(([name, short]) => arg === name || arg === short);
    if (!t) return `unknown reject type "${arg}"`;
    d.with = t[0];
    return undefined;
  },
  save: (d) => ` --reject-with ${d.with}`,
  print: (d) => ` reject-with ${d.with}`,
  check: (d, env) => d.with !== 'tcp-reset' || (env.ip.proto === 6 && !env.ip.protoInvert),
  apply: (d) => ({ verdict: 'reject', with: TYPES.find(([name]) => name === d.with)?.[2] ?? 'port-unreachable' }),
});
