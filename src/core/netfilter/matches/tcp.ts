/**
 * `-m tcp` (loaded by itself after `-p tcp` when one of its options comes): `--sport`, `--dport`
 * (ranges `a:b`), `--syn`. `--tcp-flags` is not simulated.
 */
import { defineMatch, type MatchModule, type ParseEnv, type ParseError } from '../module';
import { formatRange, inRange, parsePortRange, type PortProto, type PortRange, printRange } from './ports';

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
export function parsePorts(d: PortsData, opt: string, arg: string | undefined, invert: boolean, proto: PortProto): ParseError | undefined {
  if (opt !== 'sport' && opt !== 'dport') return undefined;
  if (d[opt]) return `Only one \`--${LONG[opt]}' allowed`;
  const r = parsePortRange(arg ?? '', proto);
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

/** ` spt:80 dpts:!22:25` as -L prints tcp's and udp's ports. */
export function printPorts(d: PortsData, numeric: boolean, proto: PortProto): string {
  const one = (name: string, r: PortRange | undefined, inv: boolean | undefined) =>
    r ? ` ${name}${r.min === r.max ? '' : 's'}:${inv ? '!' : ''}${printRange(r, numeric, proto)}` : '';
  return one('spt', d.sport, d.sportInvert) + one('dpt', d.dport, d.dportInvert);
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
    return parsePorts(d, opt, arg, invert, 'tcp');
  },
  final: (_d, env) => needsProto('TCP', 6, env),
  print: (d, numeric) =>
    ' tcp' +
    printPorts(d, numeric, 'tcp') +
    (d.syn ? ` flags:${d.synInvert ? '!' : ''}${numeric ? '0x17/0x02' : 'FIN,SYN,RST,ACK/SYN'}` : ''),
  save: (d) => savePorts(d) + (d.syn ? `${d.synInvert ? ' !' : ''} --tcp-flags FIN,SYN,RST,ACK SYN` : ''),
  match(d, { packet: p }) {
    if (p.proto !== 'tcp' || !portsMatch(d, p.sport, p.dport)) return false;
    // --syn: SYN set and ACK, RST, FIN clear (the first packet of a connection).
    if (d.syn) return (p.tcpFlags === 'S') !== !!d.synInvert;
    return true;
  },
});
