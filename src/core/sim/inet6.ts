/**
 * IPv6 addresses as the kernel sees them on a link: the ones `ip addr add` gave it, and the ones
 * addrconf makes by itself once the link is ready (`::1` on lo, the EUI-64 link-local address
 * `fe80::/64` on every other link: addr_gen_mode 0). Then source address selection
 * (ipv6_dev_get_saddr, RFC 6724's rules 1, 2, 5 and 8).
 */
import { type Addr, addrEq, maskOf } from '../net/addr';
import { hasCarrier } from './carrier';
import type { Link, Netns, Scope } from './model';

/** The EUI-64 link-local address of a MAC address: fe80::/64, the universal/local bit flipped, ff:fe in the middle. */
export function linkLocalOf(mac: string): Addr {
  const b = mac.split(':').map((x) => parseInt(x, 16));
  const bytes = [b[0]! ^ 2, b[1]!, b[2]!, 0xff, 0xfe, b[3]!, b[4]!, b[5]!];
  let v = 0xfe80n << 112n;
  for (let i = 0; i < 8; i++) v |= BigInt(bytes[i]!) << BigInt(8 * (7 - i));
  return { family: 6, value: v };
}

export const LOOPBACK6: Addr = { family: 6, value: 1n };

export interface Inet6Addr {
  readonly addr: Addr;
  readonly prefixLen: number;
  readonly scope: Scope;
  /** Made by addrconf, not by `ip addr add`. */
  readonly auto: boolean;
  /** Duplicate address detection has not run (the link is down or has no carrier): shown `tentative`. */
  readonly tentative?: boolean;
}

export function isLinkLocal6(a: Addr): boolean {
  return a.family === 6 && a.value >> 118n === 0x3fan; // fe80::/10
}

/** The scope `ip addr` shows for an IPv6 address. */
export function scopeOf6(a: Addr): Scope {
  if (a.value === 1n) return 'host';
  return isLinkLocal6(a) ? 'link' : 'global';
}

/** The addresses addrconf gave the link: `::1` on a ready lo, the link-local address on any other ready link. */
export function autoInet6(l: Link): Inet6Addr[] {
  const a = l.inet6Auto;
  if (!a) return [];
  return [a.value === 1n ? { addr: a, prefixLen: 128, scope: 'host', auto: true } : { addr: a, prefixLen: 64, scope: 'link', auto: true }];
}

/** Every IPv6 address of a link: the configured ones (newest first), then addrconf's. */
export function inet6Addrs(l: Link): Inet6Addr[] {
  const out: Inet6Addr[] = [];
  for (let i = l.addrs.length - 1; i >= 0; i--) {
    const a = l.addrs[i]!;
    if (a.addr.family === 6) out.push({ addr: a.addr, prefixLen: a.prefixLen, scope: a.scope, auto: false });
  }
  for (const a of autoInet6(l)) if (!out.some((b) => addrEq(b.addr, a.addr))) out.push(a);
  // lo does no DAD; elsewhere DAD waits for the link to be up with a carrier, and starts again when the carrier returns.
  if (l.kind !== 'loopback' && !(l.inet6Auto && hasCarrier(l))) return out.map((a) => ({ ...a, tentative: true }));
  return out;
}

/** RFC 6724's scope values: interface-local 1, link-local 2, global 14. */
function scopeValue(a: Addr): number {
  if (a.value === 1n) return 1;
  if (isLinkLocal6(a)) return 2;
  if (a.value >> 120n === 0xffn) return Number((a.value >> 112n) & 0xfn);
  return 14;
}

function commonPrefix(a: Addr, b: Addr): number {
  let n = 0;
  while (n < 128 && (a.value & maskOf(6, n + 1)) === (b.value & maskOf(6, n + 1))) n++;
  return n;
}

/** ipv6_dev_get_saddr: the source address for `dst` leaving by `dev`, or undefined if there is none. */
export function selectSource6(ns: Netns, dev: Link | undefined, dst: Addr): Addr | undefined {
  const ds = scopeValue(dst);
  let best: { addr: Addr; scope: number; onDev: boolean; prefix: number } | undefined;
  const links = [...ns.links.values()].sort((a, b) => a.ifindex - b.ifindex);
  for (const l of links) {
    // Addresses of scope link and narrower only count on the outgoing device.
    for (const a of inet6Addrs(l)) {
      if (a.tentative) continue; // not usable before DAD
      if (addrEq(a.addr, dst)) return a.addr; // rule 1: the same address
      const s = scopeValue(a.addr);
      if (s <= 2 && dev && l !== dev && ds <= 2) continue;
      if (a.addr.value === 1n && dst.value !== 1n) continue;
      const c = { addr: a.addr, scope: s, onDev: l === dev, prefix: commonPrefix(a.addr, dst) };
      if (!best || better(c, best, ds)) best = c;
    }
  }
  return best?.addr;
}

function better(
  a: { scope: number; onDev: boolean; prefix: number },
  b: { scope: number; onDev: boolean; prefix: number },
  ds: number,
): boolean {
  // Rule 2: prefer the appropriate scope.
  if (a.scope !== b.scope) {
    if (a.scope < b.scope) return a.scope >= ds;
    return b.scope < ds;
  }
  // Rule 5: prefer the outgoing interface.
  if (a.onDev !== b.onDev) return a.onDev;
  // Rule 8: the longest matching prefix.
  return a.prefix > b.prefix;
}
