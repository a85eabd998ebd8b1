/**
 * `-j REDIRECT [--to-ports PORT[-PORT]]`: DNAT to the host itself: the in interface's first
 * address at PREROUTING, 127.0.0.1 at OUTPUT. nat table, PREROUTING and OUTPUT.
 */
import { parseAddr } from '../../net/addr';
import { defineTarget, type TargetModule } from '../module';
import { primaryAddr } from './masquerade';
import { NEED_PROTO, parsePorts, portsAllowed, rangePort } from './natRange';

interface RedirectData {
  ports?: { min: number; max: number };
  flags: string[];
}

export const redirectTarget: TargetModule = defineTarget<RedirectData>({
  name: 'REDIRECT',
  table: 'nat',
  hooks: ['PREROUTING', 'OUTPUT'],
  options: [
    { name: 'to-ports', arg: true },
    { name: 'random', arg: false },
  ],
  init: () => ({ flags: [] }),
  parse(d, opt, arg, _invert, env) {
    if (opt !== 'to-ports') {
      d.flags.push(opt);
      return undefined;
    }
    if (!portsAllowed(env)) return NEED_PROTO;
    const p = parsePorts(arg ?? '');
    if (typeof p === 'string') return p;
    d.ports = p;
    return undefined;
  },
  save: (d) =>
    (d.ports ? ` --to-ports ${d.ports.min}${d.ports.max !== d.ports.min ? `-${d.ports.max}` : ''}` : '') +
    d.flags.map((f) => ` --${f}`).join(''),
  print: (d) =>
    (d.ports ? ` redir ports ${d.ports.min}${d.ports.max !== d.ports.min ? `-${d.ports.max}` : ''}` : '') +
    d.flags.map((f) => ` ${f}`).join(''),
  apply(d, { packet, io, hook }) {
    const to = hook === 'OUTPUT' ? parseAddr('127.0.0.1')! : primaryAddr(io.in);
    if (!to) return { verdict: 'drop' };
    const port = rangePort(d.ports?.min, d.ports?.max, packet.dport);
    return { verdict: 'nat', kind: 'dnat', to, ...(port !== undefined ? { port } : {}) };
  },
});
