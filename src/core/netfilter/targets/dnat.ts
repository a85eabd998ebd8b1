/**
 * `-j DNAT --to-destination IP[-IP][:PORT[-PORT]]`: the connection's new destination, decided on its
 * first packet; conntrack rewrites every later packet and the replies back. nat table only, at
 * PREROUTING and OUTPUT (and chains reached from them).
 */
import { defineTarget, type TargetModule } from '../module';
import { formatNatRange, type NatRange, parseNatRange, rangeAddr, rangePort } from './natRange';

interface DnatData {
  range?: NatRange;
  flags: string[];
}

export const dnatTarget: TargetModule = defineTarget<DnatData>({
  name: 'DNAT',
  table: 'nat',
  hooks: ['PREROUTING', 'OUTPUT'],
  options: [
    { name: 'to-destination', arg: true },
    { name: 'random', arg: false },
    { name: 'persistent', arg: false },
  ],
  init: () => ({ flags: [] }),
  parse(d, opt, arg, _invert, env) {
    if (opt !== 'to-destination') {
      d.flags.push(opt);
      return undefined;
    }
    if (d.range) return 'DNAT: Multiple --to-destination not supported';
    const r = parseNatRange(arg ?? '', env);
    if (typeof r === 'string') return r;
    d.range = r;
    return undefined;
  },
  final: (d) => (d.range ? undefined : 'DNAT: option "--to-destination" must be specified\n'),
  save: (d) => ` --to-destination ${formatNatRange(d.range ?? {})}` + d.flags.map((f) => ` --${f}`).join(''),
  print: (d) => ` to:${formatNatRange(d.range ?? {})}` + d.flags.map((f) => ` ${f}`).join(''),
  apply(d, { packet }) {
    const r = d.range ?? {};
    const to = rangeAddr(r) ?? packet.dst;
    const port = rangePort(r.portMin, r.portMax, packet.dport);
    return { verdict: 'nat', kind: 'dnat', to, ...(port !== undefined ? { port } : {}) };
  },
});
