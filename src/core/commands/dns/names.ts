/** Names the resolver tools make: the reverse name dig's `-x` and host's and nslookup's addresses ask. */
import { parseAddr } from '../../net/addr';
import { reverseName as ptrName } from '../../dns/zone/names';

/**
 * The name dig's `-x` asks (dighost.c get_reverse): an address's PTR name (`5.0.0.10.in-addr.arpa.`,
 * nibbles under `ip6.arpa.`), and for anything else its labels reversed under `in-addr.arpa.`.
 */
export function reverseName(value: string): string {
  return ptrName(value) ?? value.replace(/\.$/, '').split('.').reverse().join('.') + '.in-addr.arpa.';
}

/** 4 or 6 for an address as inet_pton reads it, else 0. */
export function isAddress(value: string): 0 | 4 | 6 {
  return parseAddr(value)?.family ?? 0;
}
