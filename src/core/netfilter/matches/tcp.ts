/**
 * `-m tcp` (loaded by itself after `-p tcp` when one of its options comes): `--sport`, `--dport`
 * (ranges `a:b`), `--syn`. `--tcp-flags` is not simulated.
 */
import { defineMatch, type MatchModule, type ParseEnv, type ParseError } from '../module';
import { formatRange, inRange, parsePortRange, type PortRange } from './ports';

export interface PortsData {
  sport?: PortRange;
  sportInvert?: boolean;
  dport?: PortRange;
  dportInvert?: boolean;
  syn?: boolean;
  synInvert?: boolean;
}

const LONG: Record<string, string> = { sport: 'source-port', dport: 'destination-port' };

/** tcp's and udp's shared option reading. */
export function parsePorts(d: PortsData, opt: string, arg: string | undefined, invert: boolean): ParseError | undefined {
  if (opt !== 'sport' && opt !== 'dport') return undefined;
  if (d[opt]) return `Only one \`--${LONG[opt]}' allowed`;
  const r = parsePortRange(arg ?? '');
  if (typeof r === 'string') return r;
  d[opt] = r;
  if (invert) d[`${opt}Invert`] = true;
  return undefined;
}

export function savePorts(d: PortsData): string {
  let s = '';
  if (d.sport) s += `${d.sportInvert ? ' !' : ''} --sport ${formatRange(d.sport)}`;
  if (d.dport) s += `${d.dportInvert ? ' !' : ''} --dport ${formatRange(d.dport)}`;
  return s;
}

export function portsMatch(d: PortsData, sport: number | undefined, dport: number | undefined): boolean {
  if (d.sport && inRange(d.sport, sport) === !!d.sportInvert) return false;
  if (d.dport && inRange(d.dport, dport) === !!d.dportInvert) return false;
  return true;
}

/** The protocol check of `-m tcp` / `-m udp`: `TCP match requires '-p tcp'`. */
export function needsProto(name: 'TCP' | 'UDP', num: number, env: ParseEnv): ParseError | undefined {
  return env.proto !== num || env.protoInvert ? `${name} match requires '-p ${name.toLowerCase()}'` : undefined;
}

export const tcpMatch: MatchModule = defineMatch<PortsData>({
  name: 'tcp',
  options: [
    { name: 'sport', arg: true, aliases: ['source-port'] },
    { name: 'dport', arg: true, aliases: ['destination-port'] },
    { name: 'syn', arg: false },
  ],
  init: () => ({}),
  parse(d, opt, arg, invert) {
    if (opt === 'syn') {
      d.syn = true;
      if (invert) d.synInvert = true;
      return undefined;
    }
    return parsePorts(d, opt, arg, invert);
  },
  final: (_d, env) => needsProto('TCP', 6, env),
  save: (d) => savePorts(d) + (d.syn ? `${d.synInvert ? ' !' : ''} --tcp-flags FIN,SYN,RST,ACK SYN` : ''),
  match(d, { packet: p }) {
    if (p.proto !== 'tcp' || !portsMatch(d, p.sport, p.dport)) return false;
    // --syn: SYN set and ACK, RST, FIN clear (the first packet of a connection).
    if (d.syn) return (p.tcpFlags === 'S') !== !!d.synInvert;
    return true;
  },
});
