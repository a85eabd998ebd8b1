/**
 * The part of a rule every rule has (struct ipt_ip): source and destination with their masks, the
 * in and out interfaces (a trailing `+` matches every name that starts so), the protocol, each with
 * its own `!`. Read as iptables reads them, printed as `iptables -S` prints them, matched as
 * ip_packet_match does.
 */
import type { Addr } from '../net/addr';
import type { HookIo } from '../datapath/seams';
import type { Packet } from '../datapath/packet';

/** iptables's message for a mistake (module.ts has the same type). */
type ParseError = string;

/** An address with a mask (not always a prefix: `10.0.0.0/255.0.255.0` is allowed). */
export interface AddrMask {
  readonly addr: number;
  readonly mask: number;
}

export interface IpSpec {
  readonly src?: AddrMask;
  readonly srcInvert?: boolean;
  readonly dst?: AddrMask;
  readonly dstInvert?: boolean;
  readonly in?: string;
  readonly inInvert?: boolean;
  readonly out?: string;
  readonly outInvert?: boolean;
  /** The protocol number; 0 (all) or absent matches every protocol. */
  readonly proto?: number;
  readonly protoInvert?: boolean;
}

/** /etc/protocols, as far as a lab needs it (iptables prints a number by its name here). */
const PROTOCOLS: readonly (readonly [string, number])[] = [
  ['icmp', 1],
  ['igmp', 2],
  ['tcp', 6],
  ['udp', 17],
  ['gre', 47],
  ['esp', 50],
  ['ah', 51],
  ['ipv6-icmp', 58],
  ['sctp', 132],
  ['udplite', 136],
];

export const PROTO_NUMBER: Readonly<Record<Packet['proto'], number>> = { icmp: 1, tcp: 6, udp: 17 };

/** `-p NAME|NUMBER|all`: its number, or iptables's error. */
export function parseProto(text: string): number | ParseError {
  const t = text.toLowerCase();
  if (t === 'all') return 0;
  if (/^[0-9]+$/.test(t)) {
    const n = Number(t);
    if (n <= 255) return n;
  } else {
    const known = PROTOCOLS.find(([name]) => name === t);
    if (known) return known[1];
  }
  return `unknown protocol "${text}" specified`;
}

/** A protocol as `-S` prints it: its name where /etc/protocols has one. */
export function protoName(n: number): string {
  return PROTOCOLS.find(([, num]) => num === n)?.[0] ?? String(n);
}

const u32 = (n: number) => n >>> 0;

function lenMask(len: number): number {
  return len === 0 ? 0 : u32(0xffffffff << (32 - len));
}

/** iptables's own reading of a dotted address: 1 to 4 parts, missing ones are 0 (`10.1` is 10.1.0.0). */
function dotted(text: string): number | undefined {
  const parts = text.split('.');
  if (parts.length > 4 || parts.some((p) => !/^[0-9]{1,3}$/.test(p) || Number(p) > 255)) return undefined;
  let v = 0;
  for (let i = 0; i < 4; i++) v = v * 256 + Number(parts[i] ?? 0);
  return v;
}

/** One ADDRESS[/MASK] as written (host bits kept): the mask a length or a dotted mask. Host names are not resolved. */
export function parseAddrMask(item: string): AddrMask | ParseError {
  const slash = item.indexOf('/');
  const host = slash < 0 ? item : item.slice(0, slash);
  let mask = 0xffffffff;
  if (slash >= 0) {
    const m = item.slice(slash + 1);
    if (/^[0-9]+$/.test(m) && Number(m) <= 32) mask = lenMask(Number(m));
    else if (m.includes('.') && dotted(m) !== undefined) mask = dotted(m)!;
    else return `invalid mask \`${m}' specified`;
  }
  const a = dotted(host);
  if (a === undefined) return `host/network \`${host}' not found`;
  return { addr: u32(a), mask: u32(mask) };
}

/**
 * `-s`/`-d`: a comma-separated list of ADDRESS[/MASK] (a rule is written for each); the address
 * loses its host bits.
 */
export function parseAddrList(text: string): AddrMask[] | ParseError {
  const out: AddrMask[] = [];
  for (const item of text.split(',')) {
    const a = parseAddrMask(item);
    if (typeof a === 'string') return a;
    out.push({ addr: u32(a.addr & a.mask), mask: a.mask });
  }
  return out;
}

export function quad(n: number): string {
  return [24, 16, 8, 0].map((s) => (n >>> s) & 255).join('.');
}

/** The prefix length of a contiguous mask, else -1. */
export function maskLen(mask: number): number {
  for (let len = 0; len <= 32; len++) if (lenMask(len) === mask) return len;
  return -1;
}

/** `10.0.0.0/8`, `10.0.0.1/32`, `10.0.0.0/255.0.255.0` as -S prints them. */
export function formatAddrMask(a: AddrMask): string {
  const len = maskLen(a.mask);
  return `${quad(a.addr)}/${len >= 0 ? len : quad(a.mask)}`;
}

export function addrMaskMatches(a: AddrMask, addr: Addr): boolean {
  return addr.family === 4 && u32(Number(addr.value) & a.mask) === a.addr;
}

/** iptables's check of an interface name (it must fit in IFNAMSIZ with its NUL). */
export function checkIface(name: string): ParseError | undefined {
  return name.length > 15 ? `interface name \`${name}' must be shorter than IFNAMSIZ (15)` : undefined;
}

/** `eth+` matches every name that begins with `eth`; other names match exactly. */
export function ifaceMatches(pattern: string, name: string | undefined): boolean {
  if (name === undefined) return false;
  return pattern.endsWith('+') ? name.startsWith(pattern.slice(0, -1)) : name === pattern;
}

/** The rule's IP part as -S prints it: ` -s 10.0.0.0/8 ! -d 10.0.0.1/32 -i eth0 -p tcp` (leading space), or ''. */
export function saveIp(ip: IpSpec): string {
  let s = '';
  const not = (b: boolean | undefined) => (b ? ' !' : '');
  if (ip.src && !(ip.src.mask === 0 && !ip.srcInvert)) s += `${not(ip.srcInvert)} -s ${formatAddrMask(ip.src)}`;
  if (ip.dst && !(ip.dst.mask === 0 && !ip.dstInvert)) s += `${not(ip.dstInvert)} -d ${formatAddrMask(ip.dst)}`;
  if (ip.in !== undefined) s += `${not(ip.inInvert)} -i ${ip.in}`;
  if (ip.out !== undefined) s += `${not(ip.outInvert)} -o ${ip.out}`;
  if (ip.proto) s += `${not(ip.protoInvert)} -p ${protoName(ip.proto)}`;
  return s;
}

/** A packet's IPv4 header as rules compare it, computed once per packet (addresses as 32-bit numbers). */
export interface IpView {
  readonly v4: boolean;
  readonly src: number;
  readonly dst: number;
  readonly proto: number;
}

export function ipView(p: Packet): IpView {
  return { v4: p.src.family === 4, src: Number(p.src.value), dst: Number(p.dst.value), proto: PROTO_NUMBER[p.proto] };
}

/** ip_packet_match: the addresses, interfaces and protocol, each with its `!`. */
export function ipMatches(ip: IpSpec, v: IpView, io: HookIo): boolean {
  if (!v.v4) return false;
  if (ip.src && ((v.src & ip.src.mask) >>> 0 === ip.src.addr) === !!ip.srcInvert) return false;
  if (ip.dst && ((v.dst & ip.dst.mask) >>> 0 === ip.dst.addr) === !!ip.dstInvert) return false;
  if (ip.in !== undefined && ifaceMatches(ip.in, io.in?.name) === !!ip.inInvert) return false;
  if (ip.out !== undefined && ifaceMatches(ip.out, io.out?.name) === !!ip.outInvert) return false;
  if (ip.proto && (v.proto === ip.proto) === !!ip.protoInvert) return false;
  return true;
}
