/** `-m multiport --dports|--sports|--ports LIST`: up to 15 ports (a range `a:b` counts for two). */
import { defineMatch, type MatchModule } from '../module';
import { formatRange, inRange, parsePortRange, type PortProto, type PortRange, printRange } from './ports';

type Which = 'sports' | 'dports' | 'ports';

interface MultiportData {
  /** Whose service names: the rule's protocol. */
  proto?: PortProto;
  which?: Which;
  ports?: PortRange[];
  invert?: boolean;
}

const LONG: Record<Which, string> = { sports: 'source-ports', dports: 'destination-ports', ports: 'ports' };

export const multiportMatch: MatchModule = defineMatch<MultiportData>({
  name: 'multiport',
  options: [
    { name: 'sports', arg: true, aliases: ['source-ports'] },
    { name: 'dports', arg: true, aliases: ['destination-ports'] },
    { name: 'ports', arg: true },
  ],
  init: () => ({}),
  parse(d, opt, arg, invert, env) {
    d.proto = env.proto === 17 ? 'udp' : 'tcp';
    const which = opt as Which;
    if (d.which) return `multiport: option "--${LONG[which]}" cannot be used together with "--${LONG[d.which]}".\n`;
    const ports: PortRange[] = [];
    let count = 0;
    for (const item of (arg ?? '').split(',')) {
      const r = parsePortRange(item, d.proto);
      if (typeof r === 'string') return r;
      count += r.min === r.max ? 1 : 2;
      if (count > 15) return 'too many ports specified';
      ports.push(r);
    }
    d.which = which;
    d.ports = ports;
    if (invert) d.invert = true;
    return undefined;
  },
  final(d, env) {
    if (!d.which) return 'multiport expection an option';
    const p = env.proto;
    if (env.protoInvert || (p !== 6 && p !== 17 && p !== 136 && p !== 132 && p !== 33))
      return "multiport needs `-p tcp', `-p udp', `-p udplite', `-p sctp' or `-p dccp'";
    return undefined;
  },
  save: (d) => `${d.invert ? ' !' : ''} --${d.which} ${(d.ports ?? []).map(formatRange).join(',')}`,
  print: (d, numeric) =>
    ` multiport ${d.which}${d.invert ? '  !' : ' '}${(d.ports ?? []).map((r) => printRange(r, numeric, d.proto)).join(',')}`,
  match(d, { packet: p }) {
    if (p.proto === 'icmp') return false;
    const ports = d.ports ?? [];
    const hit =
      d.which === 'sports'
        ? ports.some((r) => inRange(r, p.sport))
        : d.which === 'dports'
          ? ports.some((r) => inRange(r, p.dport))
          : ports.some((r) => inRange(r, p.sport) || inRange(r, p.dport));
    return hit !== !!d.invert;
  },
});
