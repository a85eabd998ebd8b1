/**
 * `-j MASQUERADE [--to-ports PORT[-PORT]]`: SNAT to the out interface's address, the one the kernel
 * would choose as a source there (inet_select_addr: its first primary address of universe scope).
 * nat table, POSTROUTING only. With no address on the interface the packet is dropped.
 */
import type { Link } from '../../sim/model';
import { type Addr, networkOf, prefixContains } from '../../net/addr';
import { defineTarget, type TargetModule } from '../module';
import { parseToPorts, printToPorts, rangePort, saveToPorts, type ToPortsData } from './natRange';

type MasqData = ToPortsData;

/**
 * inet_select_addr for a device: among its primary IPv4 addresses of universe scope, the first whose
 * subnet holds `toward` (the kernel asks with the next hop; the destination stands for it here),
 * else the first.
 */
export function primaryAddr(dev: Link | undefined, toward?: Addr): Addr | undefined {
  const ok = (dev?.addrs ?? []).filter((a) => a.addr.family === 4 && !a.secondary && a.scope !== 'host' && a.scope !== 'nowhere');
  const near = toward && ok.find((a) => prefixContains({ addr: networkOf(a.addr, a.prefixLen), len: a.prefixLen }, toward));
  return (near ?? ok[0])?.addr;
}

export const masqueradeTarget: TargetModule = defineTarget<MasqData>({
  name: 'MASQUERADE',
  table: 'nat',
  hooks: ['POSTROUTING'],
  options: [
    { name: 'to-ports', arg: true },
    { name: 'random', arg: false },
    { name: 'random-fully', arg: false },
  ],
  init: () => ({ flags: [] }),
  parse: (d, opt, arg, _invert, env) => parseToPorts(d, opt, arg, env),
  save: saveToPorts,
  print: (d) => printToPorts(d, 'masq ports:'),
  apply(d, { packet, io }) {
    const to = primaryAddr(io.out, packet.dst);
    if (!to) return { verdict: 'drop' };
    const port = rangePort(d.ports?.min, d.ports?.max, packet.sport);
    return { verdict: 'nat', kind: 'snat', to, ...(port !== undefined ? { port } : {}) };
  },
});
