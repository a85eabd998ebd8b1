/**
 * /etc/hosts as glibc 2.36 reads it (nss/nss_files/files-hosts.c, files-parse.c): leading blanks
 * skipped, a `#` ends the line, the first word is an address (inet_pton: IPv4, else IPv6), the next
 * the canonical name and the rest its aliases. A line whose address inet_pton refuses is skipped
 * silently; a line with an address and no name gives an entry named "" that no lookup finds.
 * Never throws.
 */
import type { Diagnostic, SourceRange } from '../../text/diag';
import { loc } from '../../text/i18n';
import { eunneun } from '../../text/particle';
import { diag, isInetPton4, isInetPton6, linesOf, rangeOf, type Word, wordsOf } from './common';

export interface HostsEntry {
  /** 1-based line of the file. */
  readonly line: number;
  readonly address: string;
  readonly family: 4 | 6;
  readonly addressRange: SourceRange;
  /** The canonical name first, then the aliases, as written. */
  readonly names: readonly Word[];
  readonly range: SourceRange;
}

export interface HostsFile {
  readonly file: string;
  readonly entries: readonly HostsEntry[];
  readonly diagnostics: Diagnostic[];
}

export function parseHosts(text: string, file = '/etc/hosts'): HostsFile {
  const entries: HostsEntry[] = [];
  const diagnostics: Diagnostic[] = [];
  linesOf(text).forEach((raw, i) => {
    const line = i + 1;
    const hash = raw.indexOf('#');
    const body = hash >= 0 ? raw.slice(0, hash) : raw;
    const words = wordsOf(body, true);
    if (!words.length) return;
    const [addr, ...names] = words as [Word, ...Word[]];
    const addressRange = rangeOf(file, line, addr.column, addr.text.length);
    const family = isInetPton4(addr.text) ? 4 : isInetPton6(addr.text) ? 6 : undefined;
    if (family === undefined) {
      const scoped = addr.text.includes('%') && isInetPton6(addr.text.slice(0, addr.text.indexOf('%')));
      diagnostics.push(
        diag(
          addressRange,
          'warning',
          'hosts-bad-address',
          scoped
            ? loc(
                `"${addr.text}" carries a scope (%...), which glibc's inet_pton does not read: glibc skips this line.`,
                `"${addr.text}"에는 범위(%...)가 붙어 있는데 glibc의 inet_pton은 이를 읽지 못합니다. glibc는 이 줄을 건너뜁니다.`,
              )
            : loc(
                `"${addr.text}" is not an IPv4 or IPv6 address as glibc reads one (inet_pton): glibc skips this line.`,
                `${eunneun(`"${addr.text}"`)} glibc가 읽는 IPv4나 IPv6 주소(inet_pton)가 아닙니다. glibc는 이 줄을 건너뜁니다.`,
              ),
        ),
      );
      return;
    }
    const last = words[words.length - 1]!;
    const range = { ...addressRange, endColumn: last.column + last.text.length };
    if (!names.length) {
      diagnostics.push(
        diag(
          addressRange,
          'warning',
          'hosts-no-name',
          loc(
            `The address ${addr.text} has no name on this line: no lookup finds it.`,
            `이 줄의 주소 ${addr.text}에는 이름이 없어 어떤 조회도 이 줄을 찾지 못합니다.`,
          ),
        ),
      );
      return;
    }
    entries.push({ line, address: addr.text, family, addressRange, names, range });
  });
  return { file, entries, diagnostics };
}

/** Which addresses a lookup asks for: getaddrinfo's AF_UNSPEC, gethostbyname's AF_INET, or AF_INET6. */
export type HostsFamily = 'any' | 'ipv4' | 'ipv6';

export interface HostsMatch {
  readonly entry: HostsEntry;
  /** The address as the lookup returns it (::1 read for AF_INET is 127.0.0.1). */
  readonly address: string;
}

/** A lookup index over a hosts file: each name (lower case) to the entries that carry it, in file order. */
export function indexHosts(hosts: HostsFile): ReadonlyMap<string, readonly HostsEntry[]> {
  const index = new Map<string, HostsEntry[]>();
  for (const e of hosts.entries) {
    for (const n of e.names) {
      const k = n.text.toLowerCase();
      const list = index.get(k);
      if (!list) index.set(k, [e]);
      else if (list[list.length - 1] !== e) list.push(e); // a name twice on one line is one entry
    }
  }
  return index;
}

/** How nss_files reads an entry's address for `family`: the address given, or undefined (the line skipped). */
function asFamily(e: HostsEntry, family: HostsFamily): string | undefined {
  if (family === 'any') return e.address;
  if (family === 'ipv6') return e.family === 6 ? e.address : undefined;
  if (e.family === 4) return e.address;
  // AF_INET: an IPv4-mapped IPv6 address gives its IPv4 address, ::1 gives 127.0.0.1, others are skipped.
  const a = e.address.toLowerCase();
  const mapped = /^(?:0{0,4}:){0,4}:?(?:0{0,4}:)?ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(a);
  if (mapped && isInetPton4(mapped[1]!)) return mapped[1];
  if (/^[0:]*:0{0,3}1$/.test(a)) return '127.0.0.1';
  return undefined;
}

/**
 * The entries a lookup of `name` returns, in file order, names compared without case. With
 * `multi` (Debian's /etc/host.conf says `multi on`) every matching line; without, the first.
 * The canonical name of the answer is the first match's first name.
 */
export function lookupHosts(
  hosts: HostsFile,
  name: string,
  opts: { readonly family?: HostsFamily; readonly multi?: boolean; readonly index?: ReadonlyMap<string, readonly HostsEntry[]> } = {},
): HostsMatch[] {
  const family = opts.family ?? 'any';
  const key = name.toLowerCase();
  const candidates = opts.index
    ? (opts.index.get(key) ?? [])
    : hosts.entries.filter((e) => e.names.some((n) => n.text.toLowerCase() === key));
  const out: HostsMatch[] = [];
  for (const entry of candidates) {
    const address = asFamily(entry, family);
    if (address === undefined) continue;
    out.push({ entry, address });
    if (opts.multi === false) break;
  }
  return out;
}
