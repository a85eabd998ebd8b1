/**
 * `-m conntrack`'s options beyond --ctstate, as xt_conntrack (revision 3) runs them on the packet's
 * connection (datapath/flow.ts): --ctproto, the addresses and ports of its original and reply
 * tuples (--ctorigsrc, --ctorigdst, --ctreplsrc, --ctrepldst, and the same with `port`), --ctstatus
 * and --ctdir. Read, printed (`-S`, `-L`) and refused as iptables 1.8.9 (nf_tables) does. A packet
 * without a connection matches only a rule that asks for nothing but states (conntrack_mt).
 *
 * Status bits: SEEN_REPLY once a reply went through conntrack, CONFIRMED once the first packet left
 * the namespace's hooks; EXPECTED (connections a helper expects) and ASSURED (set on the packet after
 * the handshake's reply, which a trace never carries) are never set here. --ctexpire, the time left
 * on the connection's timer, is not simulated.
 */
import type { Tuple, Tracked } from '../../datapath/flow';
import { maskLen, parseAddrMask, parseProto, quad } from '../ipspec';
import type { EvalCtx, OptionDef, ParseError } from '../module';
import { servicePort } from './ports';

export const ADDR_OPTS = ['ctorigsrc', 'ctorigdst', 'ctreplsrc', 'ctrepldst'] as const;
export const PORT_OPTS = ['ctorigsrcport', 'ctorigdstport', 'ctreplsrcport', 'ctrepldstport'] as const;
type AddrOpt = (typeof ADDR_OPTS)[number];
type PortOpt = (typeof PORT_OPTS)[number];

/** The status bits in their order (IPS_*_BIT); NONE is no bit. */
const STATUS = ['EXPECTED', 'SEEN_REPLY', 'ASSURED', 'CONFIRMED'] as const;
type Status = (typeof STATUS)[number];

export interface CtTupleData {
  proto?: { n: number; invert: boolean };
  addrs?: Partial<Record<AddrOpt, { addr: number; mask: number; invert: boolean }>>;
  ports?: Partial<Record<PortOpt, { min: number; max: number; invert: boolean }>>;
  status?: { bits: Status[]; invert: boolean };
  dir?: 'ORIGINAL' | 'REPLY';
}

export const CT_TUPLE_OPTIONS: readonly OptionDef[] = [
  { name: 'ctproto', arg: true },
  ...ADDR_OPTS.map((name) => ({ name, arg: true })),
  ...PORT_OPTS.map((name) => ({ name, arg: true })),
  { name: 'ctstatus', arg: true },
  { name: 'ctexpire', arg: true, unsimulated: true },
  { name: 'ctdir', arg: true },
];

/** xtables_parse_port: a number (kept to 16 bits, as the rule stores it) or a service name. */
function port(text: string): number | ParseError {
  if (/^[0-9]+$/.test(text)) return Number(text) % 65536;
  return servicePort(text, 'tcp') ?? servicePort(text, 'udp') ?? `Port "${text}" does not resolve to anything.\n`;
}

/** Reads one of the options above into `d`; undefined when `opt` is not one of them. */
export function parseCtTuple(d: CtTupleData, opt: string, arg: string, invert: boolean): ParseError | undefined | 'not-mine' {
  if (opt === 'ctproto') {
    const n = parseProto(arg);
    if (typeof n === 'string') return n;
    d.proto = { n, invert };
    return undefined;
  }
  if ((ADDR_OPTS as readonly string[]).includes(opt)) {
    const a = parseAddrMask(arg);
    if (typeof a === 'string') return a;
    (d.addrs ??= {})[opt as AddrOpt] = { ...a, invert };
    return undefined;
  }
  if ((PORT_OPTS as readonly string[]).includes(opt)) {
    const colon = arg.indexOf(':');
    const lo = colon < 0 ? arg : arg.slice(0, colon);
    const hi = colon < 0 ? arg : arg.slice(colon + 1);
    const min = lo === '' ? 0 : port(lo);
    if (typeof min === 'string') return min;
    const max = hi === '' ? 65535 : port(hi);
    if (typeof max === 'string') return max;
    (d.ports ??= {})[opt as PortOpt] = { min, max, invert };
    return undefined;
  }
  if (opt === 'ctstatus') {
    const bits = new Set<Status>();
    for (const w of arg.split(',')) {
      const u = w.toUpperCase();
      if (u === 'NONE') continue;
      if (!(STATUS as readonly string[]).includes(u)) return `Bad ctstatus "${w}"`;
      bits.add(u as Status);
    }
    d.status = { bits: STATUS.filter((b) => bits.has(b)), invert };
    return undefined;
  }
  if (opt === 'ctdir') {
    if (invert) return 'conntrack: option "--ctdir" cannot be inverted.\n';
    const u = arg.toUpperCase();
    if (u !== 'ORIGINAL' && u !== 'REPLY') return `conntrack: Bad value for "--ctdir" option: "${arg}"`;
    d.dir = u;
    return undefined;
  }
  return 'not-mine';
}

/** True when the rule asks for something besides states. */
export function hasCtTuple(d: CtTupleData): boolean {
  return !!(d.proto || d.addrs || d.ports || d.status || d.dir);
}

/** The options' part of `-S` (`--` before each) or of an `-L` row (no dashes), in iptables's order. */
export function showCtTuple(d: CtTupleData, dashes: string): string {
  let s = '';
  const neg = (inv: boolean) => (inv ? ' !' : '');
  if (d.proto) s += `${neg(d.proto.invert)} ${dashes}ctproto ${d.proto.n}`;
  for (const o of ADDR_OPTS) {
    const a = d.addrs?.[o];
    if (!a) continue;
    const len = maskLen(a.mask);
    const mask = len === 32 ? '' : `/${len >= 0 ? len : quad(a.mask)}`;
    s += `${neg(a.invert)} ${dashes}${o} ${quad(a.addr)}${mask}`;
  }
  for (const o of PORT_OPTS) {
    const p = d.ports?.[o];
    if (p) s += `${neg(p.invert)} ${dashes}${o} ${p.min === p.max ? p.min : `${p.min}:${p.max}`}`;
  }
  if (d.status) s += `${neg(d.status.invert)} ${dashes}ctstatus ${d.status.bits.join(',') || 'NONE'}`;
  if (d.dir) s += ` ${dashes}ctdir ${d.dir}`;
  return s;
}

function tupleOf(t: Tracked, opt: AddrOpt | PortOpt): { addr: Tuple['src']; port: number } {
  const tuple = opt.startsWith('ctorig') ? t.conn.original : t.conn.reply;
  return opt.includes('src') ? { addr: tuple.src, port: tuple.sport } : { addr: tuple.dst, port: tuple.dport };
}

/** conntrack_mt's checks beyond the state, on the packet's connection (`ctx.conn`, present). */
export function ctTupleMatches(d: CtTupleData, ctx: EvalCtx & { conn: Tracked }): boolean {
  const t = ctx.conn;
  const protoNum = { icmp: 1, tcp: 6, udp: 17 }[t.conn.original.proto];
  if (d.proto && (protoNum === d.proto.n) === d.proto.invert) return false;
  for (const o of ADDR_OPTS) {
    const a = d.addrs?.[o];
    if (!a) continue;
    const { addr } = tupleOf(t, o);
    const hit = addr.family === 4 && (Number(addr.value) & a.mask) >>> 0 === (a.addr & a.mask) >>> 0;
    if (hit === a.invert) return false;
  }
  for (const o of PORT_OPTS) {
    const p = d.ports?.[o];
    if (!p) continue;
    const { port: n } = tupleOf(t, o);
    if ((n >= p.min && n <= p.max) === p.invert) return false;
  }
  if (d.status) {
    const have = new Set<Status>();
    if (t.conn.state === 'ESTABLISHED') have.add('SEEN_REPLY');
    if (t.conn.confirmed) have.add('CONFIRMED');
    if (d.status.bits.some((b) => have.has(b)) === d.status.invert) return false;
  }
  if (d.dir && (t.dir === 'original') !== (d.dir === 'ORIGINAL')) return false;
  return true;
}
