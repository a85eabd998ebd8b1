/** Names the resolver tools make: the reverse name of an address (`-x 10.0.0.5`, `host 10.0.0.5`). */
import { parseAddr } from '../../net/addr';

/**
 * The name dig's `-x` asks (dighost.c get_reverse): `5.0.0.10.in-addr.arpa.` for IPv4, nibbles under
 * `ip6.arpa.` for IPv6, and for anything else its labels reversed under `in-addr.arpa.`.
 */
export function reverseName(value: string): string {
  const a = parseAddr(value);
  if (a?.family === 6) return [...a.value.toString(16).padStart(32, '0')].reverse().join('.') + '.ip6.arpa.';
  return value.replace(/\.$/, '').split('.').reverse().join('.') + '.in-addr.arpa.';
}

/** 4 or 6 for an address as inet_pton reads it, else 0. */
export function isAddress(value: string): 0 | 4 | 6 {
  return parseAddr(value)?.family ?? 0;
}
