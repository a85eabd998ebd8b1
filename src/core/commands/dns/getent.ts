/**
 * getent (glibc 2.36, nss/getent.c) for the hosts databases: `getent hosts NAME...` (gethostbyname2,
 * IPv6 then IPv4: one line per address, `%-15s %s` and the aliases) and `getent ahosts|ahostsv4|ahostsv6
 * NAME...` (getaddrinfo with AI_CANONNAME: each address three times, STREAM, DGRAM and RAW, the
 * canonical name on the first line only). Exit status 2 when a key is not found.
 */
import type { Lookup, LookupRequest } from '../../dns/lookup';
import { type CommandResult, notSimulated, result } from '../types';
import { formatAddr, parseAddr } from '../../net/addr';
import { isAddress } from './names';

const TRY = "Try `getent --help' or `getent --usage' for more information.\n";

/** The databases getent knows (getent.c databases[]); only the hosts ones are simulated. */
const DATABASES = [
  'ahosts',
  'ahostsv4',
  'ahostsv6',
  'aliases',
  'ethers',
  'group',
  'gshadow',
  'hosts',
  'initgroups',
  'netgroup',
  'networks',
  'passwd',
  'protocols',
  'rpc',
  'services',
  'shadow',
];

/** A key's answer as getent prints it: the addresses, the official name, its aliases. */
export interface HostEntry {
  readonly addresses: readonly string[];
  readonly name: string;
  readonly aliases: readonly string[];
}

/** `getent hosts`: one line per address. */
export function formatHosts(e: HostEntry): string {
  return e.addresses.map((a) => `${a.padEnd(15)} ${[e.name, ...e.aliases].join(' ')}\n`).join('');
}

/** `getent ahosts`: each address as a stream, datagram and raw socket; the canonical name on the first line. */
export function formatAhosts(addresses: readonly string[], canonical: string): string {
  return addresses
    .map((a, i) => `${a.padEnd(15)} STREAM ${i === 0 ? canonical : ''}\n${a.padEnd(15)} DGRAM  \n${a.padEnd(15)} RAW    \n`)
    .join('');
}

/** A line of /etc/hosts as the `files` source enumerates it (nothing when `hosts:` has no `files`). */
export interface HostsLine {
  readonly address: string;
  readonly names: readonly string[];
}

/**
 * `getent hosts` with no key (sethostent/gethostent, AF_INET: nss_files): each IPv4 line, `::1` as
 * 127.0.0.1, the other IPv6 lines left out (as glibc 2.36 did here).
 */
export function formatHostsFile(lines: readonly HostsLine[]): string {
  return lines
    .map((l) => ({ ...l, addr: parseAddr(l.address) }))
    .filter((l) => l.addr && (l.addr.family === 4 || l.addr.value === 1n))
    .map((l) => `${(l.addr!.family === 4 ? formatAddr(l.addr!) : '127.0.0.1').padEnd(15)} ${l.names.join(' ')}\n`)
    .join('');
}

/** What a lookup found for `getent hosts`: its addresses, the canonical name, and the names that led to it. */
export function hostEntry(lookup: Lookup, aliases: readonly string[]): HostEntry | undefined {
  const addrs = lookup.answers.filter((a) => a.type === 'A' || a.type === 'AAAA');
  if (lookup.status !== 'success' || !addrs.length) return undefined;
  const name = (lookup.canonical ?? addrs[0].name).replace(/\.$/, '');
  return { addresses: addrs.map((a) => a.data), name, aliases: aliases.filter((a) => a !== name) };
}

/**
 * The aliases glibc gives a name found by DNS (nss_dns getanswer_r): the owners of the CNAME records
 * that led to the canonical name, in the reply's order, without the final dot.
 */
export function dnsAliases(lookup: Lookup): string[] {
  const reply = [...lookup.queries].reverse().find((q) => q.reply?.rcode === 'NOERROR' && q.reply.answer.length)?.reply;
  return reply ? reply.answer.filter((rr) => rr.type === 'CNAME').map((rr) => rr.name.replace(/\.$/, '')) : [];
}

/** Runs getent: `resolve` looks a key up, `aliasesOf` gives the other names of a hosts file line an answer came from. */
export function runGetent(
  words: readonly string[],
  columns: readonly number[],
  from: LookupRequest['from'],
  resolve: (req: LookupRequest) => Lookup,
  fileAliases: (lookup: Lookup) => readonly string[] | undefined = () => undefined,
  hostsFile: () => readonly HostsLine[] = () => [],
): CommandResult {
  if (words.length < 2) return result(TRY, 'getent: wrong number of arguments\n', 1);
  const db = words[1];
  if (db.startsWith('-')) return notSimulated(`getent ${db}`, columns[1] ?? 0);
  if (!DATABASES.includes(db)) return result(TRY, `Unknown database: ${db}\n`, 1);
  if (!['hosts', 'ahosts', 'ahostsv4', 'ahostsv6'].includes(db)) return notSimulated(`getent ${db}`, columns[1] ?? 0);
  if (words.length < 3) return result(formatHostsFile(hostsFile()));
  let out = '';
  let status = 0;
  for (const key of words.slice(2)) {
    const tool = db === 'hosts' ? 'getent-hosts' : 'getent-ahosts';
    const lookup = resolve({ from, name: key, tool });
    if (db === 'hosts' && isAddress(key)) {
      // getent.c hosts_keys: an address is looked up backwards (gethostbyaddr): the name, then its aliases
      // A name from DNS comes as dn_expand writes it, without the final dot; a hosts line's as written.
      const bare = (n: string) => (lookup.answeredBy === 'dns' ? n.replace(/\.$/, '') : n);
      const names = lookup.status === 'success' ? lookup.answers.filter((a) => a.type === 'PTR').map((a) => bare(a.data)) : [];
      if (names.length) out += `${formatAddr(parseAddr(key)!).padEnd(15)} ${names.join(' ')}\n`;
      else status = 2;
      continue;
    }
    if (db === 'hosts') {
      const entry = hostEntry(lookup, fileAliases(lookup) ?? dnsAliases(lookup));
      if (entry) out += formatHosts(entry);
      else status = 2;
      continue;
    }
    const addrs = ahostsAddresses(db, lookup);
    if (lookup.status !== 'success' || !addrs.length) {
      status = 2;
      continue;
    }
    out += formatAhosts(
      addrs.map((a) => a.address),
      (lookup.canonical ?? addrs[0]!.name).replace(/\.$/, ''),
    );
  }
  return result(out, '', status);
}

/**
 * The addresses getaddrinfo gives each ahosts database: both families; IPv4 only; IPv6 only, with
 * AI_V4MAPPED (getent.c ahostsv6_keys): no IPv6 address, then the IPv4 ones as `::ffff:10.0.0.5`.
 */
function ahostsAddresses(db: string, lookup: Lookup): { address: string; name: string }[] {
  const of = (type: string) => lookup.answers.filter((a) => a.type === type).map((a) => ({ address: a.data, name: a.name }));
  if (db === 'ahostsv4') return of('A');
  if (db === 'ahosts')
    return lookup.answers.filter((a) => a.type === 'A' || a.type === 'AAAA').map((a) => ({ address: a.data, name: a.name }));
  const v6 = of('AAAA');
  return v6.length ? v6 : of('A').map((a) => ({ ...a, address: `::ffff:${a.address}` }));
}
