/**
 * getaddrinfo's order of the addresses it returns: glibc 2.36's rfc3484_sort
 * (sysdeps/posix/getaddrinfo.c), with its default tables (no /etc/gai.conf). For each destination
 * the source address the kernel would choose (glibc connects a UDP socket and asks), then:
 * 1 a destination with a source first (a route to it); 2 matching scope; 5 matching label;
 * 6 higher precedence (glibc's RFC 3484 table: ::1 50, ::/0 40, 2002::/16 30, ::/96 20,
 * ::ffff:0:0/96 (IPv4) 10); 8 smaller scope; 9 longest matching prefix with the source (for IPv4
 * only inside the source's own subnet); 10 the order they came in. Rules 3, 4 and 7 (deprecated
 * and home addresses, native transport) never separate two addresses here.
 */
import { type Addr, parseAddr } from '../../net/addr';
import type { Netns } from '../../sim/model';
import { routeOutput } from '../../sim/fib';
import type { LookupAnswer } from '../lookup';

const V4MAPPED = 0xffffn << 32n;

/** IPv4 as the tables see it: ::ffff:a.b.c.d. */
function as6(a: Addr): bigint {
  return a.family === 4 ? V4MAPPED | a.value : a.value;
}

const within = (v: bigint, prefix: bigint, len: number): boolean => len === 0 || v >> BigInt(128 - len) === prefix >> BigInt(128 - len);

const LABELS: readonly [bigint, number, number][] = [
  [1n, 128, 0],
  [0x2002n << 112n, 16, 2],
  [0n, 96, 3],
  [V4MAPPED, 96, 4],
  [0xfec0n << 112n, 10, 5],
  [0xfcn << 120n, 7, 6],
  [0x20010000n << 96n, 32, 7],
  [0n, 0, 1],
];

const PRECEDENCE: readonly [bigint, number, number][] = [
  [1n, 128, 50],
  [0x2002n << 112n, 16, 30],
  [0n, 96, 20],
  [V4MAPPED, 96, 10],
  [0n, 0, 40],
];

function lookupTable(t: readonly [bigint, number, number][], a: Addr): number {
  const v = as6(a);
  return t.find(([p, len]) => within(v, p, len))![2];
}

function scope(a: Addr): number {
  if (a.family === 4) {
    if (a.value >> 16n === 0xa9fen || a.value >> 24n === 127n) return 2;
    return 14;
  }
  if (a.value >> 120n === 0xffn) return Number((a.value >> 112n) & 0xfn);
  if (a.value >> 118n === 0x3fan || a.value === 1n) return 2;
  if (a.value >> 118n === 0x3fbn) return 5;
  return 14;
}

interface Entry {
  readonly answer: LookupAnswer;
  readonly dst: Addr;
  readonly src?: Addr;
  readonly prefixLen: number;
  readonly index: number;
}

/** glibc's `fls`: the leading zero bits of a 32-bit word (32 for 0). */
function clz32(x: bigint): number {
  return x === 0n ? 32 : 32 - x.toString(2).length;
}

const word = (v: bigint, i: number): bigint => (v >> BigInt(96 - 32 * i)) & 0xffffffffn;

/** Rule 9's two numbers, exactly as glibc counts them: the larger goes first. */
function rule9(a: Entry, b: Entry): [number, number] {
  if (a.dst.family === 4) {
    const bits = (e: Entry): number => {
      const mask = e.prefixLen === 0 ? 0n : (0xffffffffn << BigInt(32 - e.prefixLen)) & 0xffffffffn;
      // Outside the source's subnet a common prefix means nothing: 0.
      return (e.src!.value & mask) === (e.dst.value & mask) ? clz32(e.dst.value ^ e.src!.value) : 0;
    };
    return [bits(a), bits(b)];
  }
  for (let i = 0; i < 4; i++) {
    const xa = word(a.dst.value, i) ^ word(a.src!.value, i);
    const xb = word(b.dst.value, i) ^ word(b.src!.value, i);
    if (xa !== 0n || xb !== 0n) return [clz32(xa), clz32(xb)];
  }
  return [0, 0];
}

function compare(a: Entry, b: Entry): number {
  // Rule 1: avoid unusable destinations.
  if (!!a.src !== !!b.src) return a.src ? -1 : 1;
  const aScope = scope(a.dst);
  const bScope = scope(b.dst);
  if (a.src && b.src) {
    // Rule 2: prefer matching scope.
    const am = aScope === scope(a.src);
    const bm = bScope === scope(b.src);
    if (am !== bm) return am ? -1 : 1;
    // Rule 5: prefer matching label.
    const al = lookupTable(LABELS, a.dst) === lookupTable(LABELS, a.src);
    const bl = lookupTable(LABELS, b.dst) === lookupTable(LABELS, b.src);
    if (al !== bl) return al ? -1 : 1;
  }
  // Rule 6: prefer higher precedence.
  const ap = lookupTable(PRECEDENCE, a.dst);
  const bp = lookupTable(PRECEDENCE, b.dst);
  if (ap !== bp) return bp - ap;
  // Rule 8: prefer smaller scope.
  if (aScope !== bScope) return aScope - bScope;
  // Rule 9: longest matching prefix, same family only.
  if (a.src && b.src && a.dst.family === b.dst.family) {
    const [ba, bb] = rule9(a, b);
    if (ba !== bb) return bb - ba;
  }
  return a.index - b.index;
}

/** The answers in the order getaddrinfo returns them from `ns`. */
export function sortAddresses(ns: Netns, answers: readonly LookupAnswer[]): LookupAnswer[] {
  const entries: Entry[] = answers.map((answer, index) => {
    // `fe80::1%2`: a link-local address with its zone (the interface index), as myhostname gives it.
    const [text, zone] = answer.data.split('%') as [string, string | undefined];
    const dst = parseAddr(text)!;
    const oif = zone === undefined ? undefined : [...ns.links.values()].find((l) => String(l.ifindex) === zone);
    // connect() to a link-local IPv6 address without its zone fails (EINVAL): no source, as glibc finds.
    const zoneless = dst?.family === 6 && scope(dst) === 2 && dst.value !== 1n && !oif;
    const r = dst && !zoneless ? routeOutput(ns, dst, oif ? { oif } : {}) : undefined;
    const src = r?.ok ? r.value.src : undefined;
    let prefixLen = 0;
    if (src) {
      for (const l of ns.links.values()) {
        const ifa = l.addrs.find((x) => x.addr.family === src.family && x.addr.value === src.value);
        if (ifa) prefixLen = ifa.prefixLen;
      }
    }
    return { answer, dst, ...(src ? { src } : {}), prefixLen, index };
  });
  if (entries.some((e) => !e.dst)) return [...answers];
  return entries.sort(compare).map((e) => e.answer);
}
