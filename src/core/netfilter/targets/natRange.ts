/**
 * The address and port ranges of the NAT targets: `--to-destination`/`--to-source`
 * `[IP[-IP]][:PORT[-PORT]]`, `--to-ports PORT[-PORT]`, read and printed as iptables does; and the
 * choice the kernel makes in them (here: the first address; the packet's own port when it is in the
 * range, else the range's first).
 */
import { type Addr, v4 } from '../../net/addr';
import type { ParseEnv, ParseError } from '../module';

export interface NatRange {
  readonly min?: number;
  readonly max?: number;
  readonly portMin?: number;
  readonly portMax?: number;
}

function quad(text: string): number | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(text);
  if (!m || m.slice(1).some((x) => Number(x) > 255)) return undefined;
  return m.slice(1).reduce((v, x) => v * 256 + Number(x), 0);
}

const quadText = (n: number) => [24, 16, 8, 0].map((s) => (n >>> s) & 255).join('.');

/** `a[-b]` ports: iptables's checks and texts. */
export function parsePorts(text: string): { min: number; max: number } | ParseError {
  const [a, b] = text.split('-');
  const bad = (p: string) => `Port \`${p}' not valid`;
  if (!/^[0-9]+$/.test(a ?? '') || Number(a) > 65535 || Number(a) === 0) return bad(a ?? '');
  if (b !== undefined && (!/^[0-9]+$/.test(b) || Number(b) > 65535 || Number(b) === 0)) return bad(b);
  const min = Number(a);
  const max = b === undefined ? min : Number(b);
  if (max < min) return bad(text);
  return { min, max };
}

/** Whether the rule's protocol allows ports (`-p tcp|udp|sctp|dccp`). */
export function portsAllowed(env: ParseEnv): boolean {
  return !env.protoInvert && (env.proto === 6 || env.proto === 17 || env.proto === 132 || env.proto === 33);
}

export const NEED_PROTO = 'Need TCP, UDP, SCTP or DCCP with port specification';

export function parseNatRange(text: string, env: ParseEnv): NatRange | ParseError {
  const colon = text.indexOf(':');
  const ips = colon < 0 ? text : text.slice(0, colon);
  let range: { min?: number; max?: number; portMin?: number; portMax?: number } = {};
  if (ips !== '') {
    const [a, b] = ips.split('-');
    const min = quad(a ?? '');
    if (min === undefined) return `Bad IP address "${a}"`;
    const max = b === undefined ? min : quad(b);
    if (max === undefined) return `Bad IP address "${b}"`;
    range = { min, max };
  }
  if (colon >= 0) {
    if (!portsAllowed(env)) return NEED_PROTO;
    const p = parsePorts(text.slice(colon + 1));
    if (typeof p === 'string') return p;
    range = { ...range, portMin: p.min, portMax: p.max };
  }
  return range;
}

export function formatNatRange(r: NatRange): string {
  let s = '';
  if (r.min !== undefined) s += quadText(r.min) + (r.max !== undefined && r.max !== r.min ? `-${quadText(r.max)}` : '');
  if (r.portMin !== undefined) s += `:${r.portMin}` + (r.portMax !== undefined && r.portMax !== r.portMin ? `-${r.portMax}` : '');
  return s;
}

export function rangeAddr(r: NatRange): Addr | undefined {
  return r.min === undefined ? undefined : v4(r.min);
}

/** The port the kernel keeps or picks: the packet's own when in the range, else the first. */
export function rangePort(min: number | undefined, max: number | undefined, port: number | undefined): number | undefined {
  if (min === undefined) return undefined;
  if (port !== undefined && port >= min && port <= (max ?? min)) return port;
  return min;
}

/** MASQUERADE's and REDIRECT's data: `--to-ports` and the flag options (`--random`...). */
export interface ToPortsData {
  ports?: { min: number; max: number };
  flags: string[];
}

/** Reads one option of a `--to-ports` target: the port range, or a flag. */
export function parseToPorts(d: ToPortsData, opt: string, arg: string | undefined, env: ParseEnv): ParseError | undefined {
  if (opt !== 'to-ports') {
    d.flags.push(opt);
    return undefined;
  }
  if (!portsAllowed(env)) return NEED_PROTO;
  const p = parsePorts(arg ?? '');
  if (typeof p === 'string') return p;
  d.ports = p;
  return undefined;
}

/** `PORT` or `PORT-PORT`. */
function portsText(p: { min: number; max: number }): string {
  return `${p.min}${p.max !== p.min ? `-${p.max}` : ''}`;
}

/** The options as `-S` prints them. */
export function saveToPorts(d: ToPortsData): string {
  return (d.ports ? ` --to-ports ${portsText(d.ports)}` : '') + d.flags.map((f) => ` --${f}`).join('');
}

/** The options as `-L` prints them, after `label` (`masq ports:`, `redir ports`). */
export function printToPorts(d: ToPortsData, label: string): string {
  return (d.ports ? ` ${label} ${portsText(d.ports)}` : '') + d.flags.map((f) => ` ${f}`).join('');
}
