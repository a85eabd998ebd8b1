/** `-m udp` (loaded by itself after `-p udp` when one of its options comes): `--sport`, `--dport`, with ranges. */
import { defineMatch, type MatchModule } from '../module';
import { needsProto, parsePorts, type PortsData, portsMatch, printPorts, savePorts } from './tcp';

export const udpMatch: MatchModule = defineMatch<PortsData>({
  name: 'udp',
  options: [
    { name: 'sport', arg: true, aliases: ['source-port'] },
    { name: 'dport', arg: true, aliases: ['destination-port'] },
  ],
  init: () => ({}),
  parse: (d, opt, arg, invert) => parsePorts(d, opt, arg, invert, 'udp'),
  final: (_d, env) => needsProto('UDP', 17, env),
  save: savePorts,
  print: (d, numeric) => ' udp' + printPorts(d, numeric, 'udp'),
  match: (d, { packet: p }) => p.proto === 'udp' && portsMatch(d, p.sport, p.dport),
});
