/**
 * `-j REDIRECT [--to-ports PORT[-PORT]]`: DNAT to the host itself: the in interface's first
 * address at PREROUTING, 127.0.0.1 at OUTPUT. nat table, PREROUTING and OUTPUT.
 */
import { parseAddr } from '../../net/addr';
import { defineTarget, type TargetModule } from '../module';
import { primaryAddr } from './masquerade';
import { parseToPorts, printToPorts, rangePort, saveToPorts, type ToPortsData } from './natRange';

type RedirectData = ToPortsData;

export const redirectTarget: TargetModule = defineTarget<RedirectData>({
  name: 'REDIRECT',
  table: 'nat',
  hooks: ['PREROUTING', 'OUTPUT'],
  options: [
    { name: 'to-ports', arg: true },
    { name: 'random', arg: false },
  ],
  init: () => ({ flags: [] }),
  parse: (d, opt, arg, _invert, env) => parseToPorts(d, opt, arg, env),
  save: saveToPorts,
  print: (d) => printToPorts(d, 'redir ports'),
  apply(d, { packet, io, hook }) {
    const to = hook === 'OUTPUT' ? parseAddr('127.0.0.1')! : primaryAddr(io.in);
    if (!to) return { verdict: 'drop' };
    const port = rangePort(d.ports?.min, d.ports?.max, packet.dport);
    return { verdict: 'nat', kind: 'dnat', to, ...(port !== undefined ? { port } : {}) };
  },
});
