/**
 * `-m tcp` (loaded by itself after `-p tcp` when one of its options comes): `--sport`, `--dport`
 * (ranges `a:b`), `--tcp-flags MASK COMP` and `--syn` (which is `--tcp-flags FIN,SYN,RST,ACK SYN`).
 * The flags are matched against the walk's packet's own (its tcpdump-style flags: `S` for a SYN,
 * `S.` for a SYN-ACK, `.` for an ACK, `R.` for a reset).
 */
import { defineMatch, type MatchModule, type ParseEnv, type ParseError } from '../module';
import { formatRange, inRange, parsePortRange, type PortProto, type PortRange, printRange } from './ports';

export interface PortsData {
  sport?: PortRange;
  sportInvert?: boolean;
  dport?: PortRange;
  dportInvert?: boolean;
  /** `--tcp-flags` / `--syn`: the flags looked at and those of them that must be set. */
  flags?: { mask: number; comp: number; invert: boolean };
}

/** The flags iptables 1.8.9 knows, in the order it prints them (ECE and CWR are not among them). */
const FLAG_NAMES: readonly (readonly [string, number])[] = [
  ['FIN', 0x01],
  ['SYN', 0x02],
  ['RST', 0x04],
  ['PSH', 0x08],
  ['ACK', 0x10],
  ['URG', 0x20],
];
const ALL = 0x3f;

/** `SYN,ACK`, `ALL`, `NONE` (any case) as a bit mask, or the unknown flag's error. */
function parseFlags(text: string): number | ParseError {
  let v = 0;
  for (const w of text.split(',')) {
    if (w === '') continue;
    const u = w.toUpperCase();
    if (u === 'ALL') v |= ALL;
    else if (u !== 'NONE') {
      const f = FLAG_NAMES.find(([n]) => n === u);
      if (!f) return `Unknown TCP flag \`${w}'`;
      v |= f[1];
    }
  }
  return v;
}

/** As iptables prints a mask: `FIN,SYN,RST,ACK`, `NONE` for none. */
function flagNames(v: number): string {
  const names = FLAG_NAMES.filter(([, b]) => v & b).map(([n]) => n);
  return names.length ? names.join(',') : 'NONE';
}

/** A walk's packet's flags (tcpdump's letters) as bits. */
function packetFlags(text: string): number {
  let v = 0;
  for (const c of text)
    v |= c === 'F' ? 0x01 : c === 'S' ? 0x02 : c === 'R' ? 0x04 : c === 'P' ? 0x08 : c === '.' ? 0x10 : c === 'U' ? 0x20 : 0;
  return v;
}

const hex = (v: number): string => '0x' + v.toString(16).toUpperCase().padStart(2, '0');

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
    // takes two words: the mask here, the flags set through `more` below
    { name: 'tcp-flags', arg: true },
  ],
  init: () => ({}),
  parse(d, opt, arg, invert, _env, more) {
    if (opt === 'syn' || opt === 'tcp-flags') {
      if (d.flags) return "Only one of `--syn' or `--tcp-flags'  allowed";
      if (opt === 'syn') {
        d.flags = { mask: 0x17, comp: 0x02, invert };
        return undefined;
      }
      const second = more?.();
      if (second === undefined) return '--tcp-flags requires two args.';
      const mask = parseFlags(arg ?? '');
      if (typeof mask === 'string') return mask;
      const comp = parseFlags(second);
      if (typeof comp === 'string') return comp;
      d.flags = { mask, comp, invert };
      return undefined;
    }
    return parsePorts(d, opt, arg, invert, 'tcp');
  },
  final: (_d, env) => needsProto('TCP', 6, env),
  // iptables prints the flags only when it looks at some (or inverts): `--tcp-flags , ,` prints nothing
  print: (d, numeric) =>
    ' tcp' +
    printPorts(d, numeric, 'tcp') +
    (d.flags && (d.flags.mask || d.flags.invert)
      ? ` flags:${d.flags.invert ? '!' : ''}${numeric ? `${hex(d.flags.mask)}/${hex(d.flags.comp)}` : `${flagNames(d.flags.mask)}/${flagNames(d.flags.comp)}`}`
      : ''),
  save: (d) =>
    savePorts(d) +
    (d.flags && (d.flags.mask || d.flags.invert)
      ? `${d.flags.invert ? ' !' : ''} --tcp-flags ${flagNames(d.flags.mask)} ${flagNames(d.flags.comp)}`
      : ''),
  match(d, { packet: p }) {
    if (p.proto !== 'tcp' || !portsMatch(d, p.sport, p.dport)) return false;
    // tcp_mt: (flags & mask) == comp, `!` inverting it (--syn: SYN set and ACK, RST, FIN clear)
    if (d.flags) return ((packetFlags(p.tcpFlags ?? '') & d.flags.mask) === d.flags.comp) !== d.flags.invert;
    return true;
  },
});
