/**
 * Server block keys as CoreDNS reads them (core/dnsserver/register.go InspectServerBlocks,
 * plugin/normalize.go SplitHostPort, plugin/pkg/cidr): a transport prefix (`dns://`, `tls://`...), a
 * `:port` at the end (the transport's default port otherwise: 53 for dns), the zone made fully qualified
 * and lower case, and a CIDR turned into its reverse zones (`10.0.0.0/8` -> `10.in-addr.arpa.`), split
 * on octet (IPv4) or nibble (IPv6) boundaries first, so `10.0.0.0/15` serves two zones.
 */

import { isDomainName, isFqdn } from '../zone/names';

export interface ZoneKey {
  readonly transport: string;
  /** Fully qualified, lower case: `example.org.`, `10.in-addr.arpa.`, `.`. */
  readonly zone: string;
  readonly port: string;
  /** As CoreDNS prints it: `dns://example.org.:53`. */
  readonly key: string;
}

const TRANSPORTS: readonly [string, string][] = [
  ['tls', '853'],
  ['dns', '53'],
  ['quic', '853'],
  ['grpc', '443'],
  ['https3', '443'],
  ['https', '443'],
  ['unix', ''],
];

/** The schemes with their `://`, made once (the keys and forward's upstreams ask on every word). */
const PREFIXES: readonly [string, string][] = TRANSPORTS.map(([t]) => [t, `${t}://`]);

/** Each scheme's default port. */
const DEFAULT_PORT: ReadonlyMap<string, string> = new Map(TRANSPORTS);

/** parse.Transport: the scheme (dns when none) and the rest. */
export function splitTransport(s: string): { transport: string; rest: string } {
  if (s.includes('://'))
    for (const [t, prefix] of PREFIXES) if (s.startsWith(prefix)) return { transport: t, rest: s.slice(prefix.length) };
  return { transport: 'dns', rest: s };
}

/** miekg/dns Fqdn: a dot added unless the name ends in one that is not escaped (`a\.` gets one, `a\\.` not). */
export function fqdn(s: string): string {
  return isFqdn(s) ? s : `${s}.`;
}

/** An IPv4 address as 4 numbers, as Go's net.ParseIP reads it (no leading zeros). */
function parseV4(s: string, from = 0, to = s.length): number[] | undefined {
  const out = [0, 0, 0, 0];
  let parts = 0;
  let n = 0;
  let digits = 0;
  for (let i = from; i <= to; i++) {
    const c = i < to ? s.charCodeAt(i) : 46;
    if (c === 46) {
      if (digits === 0 || parts === 4) return undefined;
      out[parts++] = n;
      n = 0;
      digits = 0;
    } else if (c >= 48 && c <= 57) {
      if (digits > 0 && n === 0) return undefined; // a leading zero
      n = n * 10 + (c - 48);
      if (++digits > 3 || n > 255) return undefined;
    } else return undefined;
  }
  return parts === 4 ? out : undefined;
}

/** An IPv6 address as 16 bytes (with `::` and an IPv4 tail), or undefined. */
export function parseV6(s: string): number[] | undefined {
  if (!s.includes(':')) return undefined;
  let tail: number[] = [];
  let head = s;
  const lastColon = s.lastIndexOf(':');
  if (s.slice(lastColon + 1).includes('.')) {
    const v4 = parseV4(s.slice(lastColon + 1));
    if (!v4) return undefined;
    tail = v4;
    head = s.slice(0, lastColon + 1) + (s[lastColon - 1] === ':' ? '' : '0');
    if (head.endsWith(':0')) head = head.slice(0, -2);
  }
  const halves = head.split('::');
  if (halves.length > 2) return undefined;
  const groups = (x: string) => (x === '' ? [] : x.split(':'));
  const a = groups(halves[0]!);
  const b = halves.length === 2 ? groups(halves[1]!) : [];
  const want = (16 - tail.length) / 2;
  if (a.length + b.length > want || (halves.length === 1 && a.length !== want)) return undefined;
  const words = [...a, ...Array<string>(want - a.length - b.length).fill('0'), ...b];
  const bytes: number[] = [];
  for (const w of words) {
    if (!/^[0-9a-fA-F]{1,4}$/.test(w)) return undefined;
    const n = parseInt(w, 16);
    bytes.push(n >> 8, n & 255);
  }
  return [...bytes, ...tail];
}

export function parseIp(s: string): number[] | undefined {
  return parseV4(s) ?? parseV6(s);
}

/** Go's net.ParseCIDR: the network's bytes and prefix length. */
export function parseCidr(s: string): { bytes: number[]; ones: number } | undefined {
  const slash = s.indexOf('/');
  if (slash < 0) return undefined;
  // The mask: 1 to 3 digits, no leading zero.
  const len = s.length - slash - 1;
  if (len < 1 || len > 3 || (len > 1 && s.charCodeAt(slash + 1) === 48)) return undefined;
  let ones = 0;
  for (let i = slash + 1; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return undefined;
    ones = ones * 10 + (c - 48);
  }
  const ip = parseV4(s, 0, slash) ?? parseV6(s.slice(0, slash));
  if (!ip || ones > ip.length * 8) return undefined;
  // The network: the host bits cleared, in place (the array is this call's own).
  for (let i = 0; i < ip.length; i++)
    ip[i] = ip[i]! & (ones >= (i + 1) * 8 ? 255 : ones <= i * 8 ? 0 : (255 << (8 - (ones - i * 8))) & 255);
  return { bytes: ip, ones };
}

/** The reverse zones of a network (cidr.Split then cidr.Reverse), most significant first. */
export function reverseZones(net: { bytes: number[]; ones: number }): string[] {
  const v4 = net.bytes.length === 4;
  const size = v4 ? 8 : 4;
  const mask = Math.ceil(net.ones / size) * size;
  const count = 2 ** (mask - net.ones);
  const out: string[] = [];
  for (let k = 0; k < count; k++) {
    // The k-th subnet of length `mask`, as CoreDNS's cidr.Split counts them: k added at bit `mask`, with its carry.
    const b = k === 0 ? net.bytes : net.bytes.slice(); // the first subnet is the network itself
    let carry = k * 2 ** ((b.length * 8 - mask) % 8);
    for (let i = Math.ceil(mask / 8) - 1; i >= 0 && carry > 0; i--) {
      const v = b[i]! + carry;
      b[i] = v & 255;
      carry = Math.floor(v / 256);
    }
    // The first `keep` octets (IPv4) or nibbles (IPv6), least significant first, then the reverse tree.
    const keep = mask / size;
    let name = '';
    for (let i = keep - 1; i >= 0; i--) name += (v4 ? String(b[i]) : ((b[i >> 1]! >> (i & 1 ? 0 : 4)) & 15).toString(16)) + '.';
    out.push(name + (v4 ? 'in-addr.arpa.' : 'ip6.arpa.'));
  }
  return out;
}

export type KeyResult = { zones: ZoneKey[] } | { error: string };

/** One server block key, normalised, or CoreDNS's error for it. */
export function normalizeKey(raw: string): KeyResult {
  const { transport, rest } = splitTransport(raw);
  let s = rest;
  let port = '';
  const colon = s.lastIndexOf(':');
  if (colon >= 0 && colon === s.length - 1) return { error: `expecting data after last colon: "${s}"` };
  if (colon >= 0 && /^[+-]?\d+$/.test(s.slice(colon + 1))) {
    port = String(Number(s.slice(colon + 1)));
    s = s.slice(0, colon);
  }
  if (s.length > 255) return { error: `specified zone is too long: ${s.length} > 255` };
  if (!isDomainName(s)) return { error: `zone is not a valid domain name: ${s}` };
  const net = parseCidr(s);
  let hosts: string[];
  if (net) {
    if (s[0] === ':' || (s[0] === '0' && s.includes(':'))) return { error: `invalid CIDR ${s}` };
    hosts = reverseZones(net);
  } else {
    const full = fqdn(s);
    if (!isDomainName(full)) return { error: `zone is not a valid domain name: ${full}` };
    hosts = [full];
  }
  // (a lookup, not TRANSPORTS.find(([t]) => ...): a destructured parameter walks an iterator per entry)
  if (port === '') port = DEFAULT_PORT.get(transport)!;
  const zones: ZoneKey[] = new Array<ZoneKey>(hosts.length);
  for (let i = 0; i < hosts.length; i++) {
    const h = fqdn(hosts[i]!);
    const zone = /[^a-z0-9.\-_]/.test(h) ? h.toLowerCase() : h; // (lower case already: no copy)
    zones[i] = { transport, zone, port, key: `${transport}://${zone}:${port}` };
  }
  return { zones };
}
