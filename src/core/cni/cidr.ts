/**
 * CIDR prefixes as the CNI plugins read them (Go's net.ParseCIDR, host bits kept), for the IPAM
 * checks: parsing, membership, the network and broadcast addresses of a subnet.
 */
import { type Localized, loc } from '../text/i18n';
import { type Addr, BITS, broadcastOf, formatAddr, maskOf, parseAddr } from '../net/addr';

export interface Cidr {
  readonly addr: Addr; // as written
  readonly len: number;
  readonly network: Addr;
}

/** `ADDRESS/LENGTH` as Go's net.ParseCIDR reads it (host bits kept in `addr`). */
export function parseCidr(text: string): Cidr | undefined {
  const slash = text.indexOf('/');
  if (slash < 0) return undefined;
  const addr = parseAddr(text.slice(0, slash));
  const lenText = text.slice(slash + 1);
  if (!addr || !/^[0-9]{1,3}$/.test(lenText)) return undefined;
  const len = Number(lenText);
  if (len > BITS[addr.family]) return undefined;
  return { addr, len, network: { family: addr.family, value: addr.value & maskOf(addr.family, len) } };
}

export function inCidr(c: Cidr, a: Addr): boolean {
  return a.family === c.addr.family && (a.value & maskOf(a.family, c.len)) === c.network.value;
}

export function cidrText(c: Cidr): string {
  return `${formatAddr(c.network)}/${c.len}`;
}

/** Which special address of its subnet `a` is, if any: the network address, or IPv4's broadcast. */
export function specialAddress(c: Cidr, a: Addr): Localized | undefined {
  if (a.value === c.network.value) return loc('the network address', '네트워크 주소');
  if (a.family === 4 && c.len < 31 && a.value === broadcastOf(c.network, c.len).value)
    return loc('the broadcast address', '브로드캐스트 주소');
  return undefined;
}
