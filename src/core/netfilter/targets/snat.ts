/**
 * `-j SNAT --to-source IP[-IP][:PORT[-PORT]]`: the connection's new source, decided on its first
 * packet; replies are rewritten back. nat table only, at POSTROUTING and INPUT.
 */
import { defineTarget, type TargetModule } from '../module';
import { formatNatRange, type NatRange, parseNatRange, rangeAddr, rangePort } from './natRange';

interface SnatData {
  range?: NatRange;
  flags: string[];
}

export const snatTarget: TargetModule = defineTarget<SnatData>({
  name: 'SNAT',
  table: 'nat',
  hooks: ['POSTROUTING', 'INPUT'],
  options: [
    { name: 'to-source', arg: true },
    { name: 'random', arg: false },
    { name: 'random-fully', arg: false },
    { name: 'persistent', arg: false },
  ],
  init: () => ({ flags: [] }),
  parse(d, opt, arg, _invert, env) {
    if (opt !== 'to-source') {
      d.flags.push(opt);
      return undefined;
    }
    if (d.range) return 'SNAT: Multiple --to-source not supported';
    const r = parseNatRange(arg ?? '', env);
    if (typeof r === 'string') return r;
    d.range = r;
    return undefined;
  },
  final: (d) => (d.range ? undefined : 'SNAT: option "--to-source" must be specified\n'),
  save: (d) => ` --to-source ${formatNatRange(d.range ?? {})}` + d.flags.map((f) => ` --${f}`).join(''),
  print: (d) => ` to:${formatNatRange(d.range ?? {})}` + d.flags.map((f) => ` ${f}`).join(''),
  apply(d, { packet }) {
    const r = d.range ?? {};
    const to = rangeAddr(r) ?? packet.src;
    const port = rangePort(r.portMin, r.portMax, packet.sport);
    return { verdict: 'nat', kind: 'snat', to, ...(port !== undefined ? { port } : {}) };
  },
});
