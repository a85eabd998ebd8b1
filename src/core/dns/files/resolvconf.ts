/**
 * /etc/resolv.conf as glibc 2.36 reads it (resolv/res_init.c, res_vinit_1 and res_setoptions): a
 * keyword counts only at the very start of a line and followed by a blank; `#` or `;` starts a
 * comment only as a line's first character; every `nameserver` is kept but only the first three
 * (MAXNS) are used; `domain` and `search` each replace the search list, so the last one wins;
 * options are matched by prefix and `ndots`, `timeout`, `attempts` read with atoi and capped at 15,
 * 30 and 5. Defaults: 127.0.0.1, ndots 1, timeout 5, attempts 2, the search list from the host
 * name's domain. Never throws; the diagnostics say what glibc does with what it reads silently.
 */
import type { Diagnostic, SourceRange } from '../../text/diag';
import { loc } from '../../text/i18n';
import { eulreul, eunneun, iga, ro } from '../../text/particle';
import { diag, inetAtonExact, isBlank, isInetPton6, rangeOf, type Word, wordsOf } from './common';

/** glibc's MAXNS: the name servers a resolver uses. */
export const MAXNS = 3;

/** The flag options of res_setoptions, in its table's order (a prefix match picks the first). */
export const RESOLV_FLAGS = [
  'rotate',
  'edns0',
  'single-request-reopen',
  'single-request',
  'no_tld_query',
  'no-tld-query',
  'no-reload',
  'use-vc',
  'trust-ad',
  'no-aaaa',
] as const;
export type ResolvFlag = (typeof RESOLV_FLAGS)[number];

/** The numeric options with their default and glibc's cap (RES_MAXNDOTS, RES_MAXRETRANS, RES_MAXRETRY). */
export const RESOLV_NUMBERS = {
  ndots: { default: 1, max: 15 },
  timeout: { default: 5, max: 30 },
  attempts: { default: 2, max: 5 },
} as const;
export type ResolvNumber = keyof typeof RESOLV_NUMBERS;

/** Options older glibc read and 2.36 ignores. */
const REMOVED = new Set(['inet6', 'ip6-bytestring', 'ip6-dotint', 'no-ip6-dotint', 'insecure1', 'insecure2', 'debug', 'no-check-names']);

/** A value of the effective configuration and where it came from: a line of the file, or glibc's default. */
export interface Sourced<T> {
  readonly value: T;
  /** Undefined for a default. */
  readonly range?: SourceRange;
}

export interface ResolvNameserver {
  readonly address: string;
  readonly family: 4 | 6;
  readonly range?: SourceRange;
}

export interface ResolvSearchDomain {
  readonly name: string;
  readonly range?: SourceRange;
}

export interface ResolvConf {
  /** The name servers glibc asks, in order (at most MAXNS; 127.0.0.1 when the file names none). */
  readonly nameservers: readonly ResolvNameserver[];
  /** Name servers named after the first MAXNS, never asked. */
  readonly ignoredNameservers: readonly ResolvNameserver[];
  readonly search: readonly ResolvSearchDomain[];
  /** Which line set the search list: `search`, `domain`, the host name's domain, or none at all. */
  readonly searchFrom: 'search' | 'domain' | 'hostname' | 'none';
  readonly ndots: Sourced<number>;
  readonly timeout: Sourced<number>;
  readonly attempts: Sourced<number>;
  /** The flag options set, each with the word that set it last. */
  readonly flags: ReadonlyMap<ResolvFlag, Sourced<true>>;
}

export interface ResolvConfResult {
  readonly config: ResolvConf;
  readonly diagnostics: Diagnostic[];
}

const KEYWORDS = ['domain', 'search', 'nameserver', 'sortlist', 'options'] as const;

/** glibc's atoi: optional blanks and sign, then the leading digits; 0 when none. */
function atoi(s: string): number {
  const m = /^[ \t\n\v\f\r]*([+-]?)(\d*)/.exec(s)!;
  const n = Number(m[2] || '0');
  return m[1] === '-' ? -n : n;
}

export function parseResolvConf(text: string, file = '/etc/resolv.conf', opts: { readonly hostname?: string } = {}): ResolvConfResult {
  const diagnostics: Diagnostic[] = [];
  const servers: ResolvNameserver[] = [];
  let search: ResolvSearchDomain[] = [];
  let searchFrom: ResolvConf['searchFrom'] = 'none';
  let searchLine: { keyword: 'search' | 'domain'; range: SourceRange } | undefined;
  const numbers: Record<ResolvNumber, Sourced<number>> = {
    ndots: { value: RESOLV_NUMBERS.ndots.default },
    timeout: { value: RESOLV_NUMBERS.timeout.default },
    attempts: { value: RESOLV_NUMBERS.attempts.default },
  };
  const flags = new Map<ResolvFlag, Sourced<true>>();

  const all = text.split('\n');
  if (all.length > 1 && all[all.length - 1] === '') all.pop();
  all.forEach((whole, i) => {
    const line = i + 1;
    // glibc splits on blanks only: a Windows line end's \r stays on the line's last word.
    const cr = whole.endsWith('\r');
    const raw = cr ? whole.slice(0, -1) : whole;
    const crWord = (w: Word) => cr && w.column - 1 + w.text.length === raw.length;
    if (raw === '' || raw[0] === '#' || raw[0] === ';') return;
    const words = wordsOf(raw);
    const first = words[0];
    if (!first) return;
    const keyword = KEYWORDS.find((k) => raw.startsWith(k) && isBlank(raw[k.length] ?? ''));
    const at = (w: Word) => rangeOf(file, line, w.column, w.text.length);
    if (!keyword) {
      if (words.length === 1 && (KEYWORDS as readonly string[]).includes(first.text)) return; // a keyword with no value: skipped
      const indented = first.column > 1 && (KEYWORDS as readonly string[]).includes(first.text);
      diagnostics.push(
        diag(
          at(first),
          'warning',
          'resolv-unknown-keyword',
          indented
            ? loc(
                `glibc reads "${first.text}" only at the very start of a line: it ignores this indented line.`,
                `glibc는 ${eulreul(`"${first.text}"`)} 줄의 맨 앞에서만 읽습니다. 들여쓴 이 줄은 무시합니다.`,
              )
            : loc(
                `glibc knows no keyword "${first.text}" (domain, search, nameserver, sortlist, options): it ignores this line.`,
                `glibc가 아는 키워드(domain, search, nameserver, sortlist, options)에 ${iga(`"${first.text}"`)} 없습니다. 이 줄은 무시합니다.`,
              ),
        ),
      );
      return;
    }
    const args = words.slice(1);
    if (!args.length) return;
    if (keyword === 'nameserver') {
      const w = args[0]!;
      const v4 = inetAtonExact(w.text);
      const pct = w.text.indexOf('%');
      const v6 = v4 === undefined && isInetPton6(pct >= 0 ? w.text.slice(0, pct) : w.text);
      if (v4 === undefined && !v6) {
        diagnostics.push(
          diag(
            at(w),
            'warning',
            'resolv-bad-nameserver',
            loc(
              `"${w.text}" is not an IPv4 or IPv6 address: glibc ignores this nameserver line.`,
              `${eunneun(`"${w.text}"`)} IPv4나 IPv6 주소가 아닙니다. glibc는 이 nameserver 줄을 무시합니다.`,
            ),
          ),
        );
        return;
      }
      if (crWord(w)) {
        diagnostics.push(
          diag(
            at(w),
            'warning',
            'resolv-carriage-return',
            loc(
              `This line ends in a carriage return (a Windows line end): glibc reads it as part of "${w.text}" and ignores this nameserver line.`,
              `이 줄은 캐리지 리턴(윈도우 줄 끝)으로 끝납니다. glibc는 이를 "${w.text}"의 일부로 읽어 이 nameserver 줄을 무시합니다.`,
            ),
          ),
        );
        return;
      }
      const address = v4 ?? (pct >= 0 ? w.text.slice(0, pct) : w.text);
      const ns: ResolvNameserver = { address, family: v4 !== undefined ? 4 : 6, range: at(w) };
      if (servers.length >= MAXNS) {
        diagnostics.push(
          diag(
            at(w),
            'warning',
            'resolv-too-many-nameservers',
            loc(
              `glibc asks only the first ${MAXNS} nameservers (MAXNS): ${address} is never asked.`,
              `glibc는 처음 ${MAXNS}개의 nameserver에만 묻습니다(MAXNS). ${address}에는 묻지 않습니다.`,
            ),
          ),
        );
      } else if (v4 !== undefined && v4 !== w.text) {
        diagnostics.push(
          diag(
            at(w),
            'info',
            'resolv-bad-nameserver',
            loc(`glibc reads "${w.text}" as ${v4} (inet_aton).`, `glibc는 ${eulreul(`"${w.text}"`)} ${ro(v4)} 읽습니다(inet_aton).`),
          ),
        );
      }
      servers.push(ns);
      return;
    }
    if (keyword === 'domain' || keyword === 'search') {
      const range = { ...at(args[0]!), endColumn: args[args.length - 1]!.column + args[args.length - 1]!.text.length };
      if (searchLine) {
        const prev = searchLine;
        diagnostics.push(
          diag(
            prev.range,
            'warning',
            'resolv-domain-overridden',
            loc(
              `The ${keyword} line ${line} replaces this ${prev.keyword} list: glibc keeps only the last search or domain line.`,
              `${line}번째 줄의 ${iga(keyword)} 이 ${prev.keyword} 목록을 대신합니다. glibc는 마지막 search나 domain 줄만 씁니다.`,
            ),
          ),
        );
      }
      searchLine = { keyword, range };
      searchFrom = keyword;
      const kept = keyword === 'domain' ? args.slice(0, 1) : args;
      search = kept.map((w) => ({ name: crWord(w) ? `${w.text}\r` : w.text, range: at(w) }));
      const crDomain = kept.find(crWord);
      if (crDomain)
        diagnostics.push(
          diag(
            at(crDomain),
            'warning',
            'resolv-carriage-return',
            loc(
              `This line ends in a carriage return (a Windows line end): glibc reads it as part of the domain "${crDomain.text}", and no name is found under it.`,
              `이 줄은 캐리지 리턴(윈도우 줄 끝)으로 끝납니다. glibc는 이를 도메인 "${crDomain.text}"의 일부로 읽으므로 그 아래의 어떤 이름도 찾지 못합니다.`,
            ),
          ),
        );
      if (keyword === 'search') commentWords(line, args, 'search');
      return;
    }
    if (keyword === 'options') {
      commentWords(line, args, 'options');
      for (const w of args) option(w, at(w));
    }
  });

  function commentWords(line: number, args: Word[], keyword: 'search' | 'options'): void {
    const c = args.find((w) => w.text[0] === '#' || w.text[0] === ';');
    if (!c) return;
    diagnostics.push(
      diag(
        rangeOfWords(line, args.slice(args.indexOf(c))),
        'warning',
        'resolv-inline-comment',
        keyword === 'search'
          ? loc(
              `glibc reads a comment only at the start of a line: "${c.text}" and what follows are search domains here.`,
              `glibc는 줄의 맨 앞에서만 주석을 읽습니다. 여기서는 "${c.text}"부터 그 뒤가 모두 search 도메인이 됩니다.`,
            )
          : loc(
              `glibc reads a comment only at the start of a line: "${c.text}" and what follows are read as options here.`,
              `glibc는 줄의 맨 앞에서만 주석을 읽습니다. 여기서는 "${c.text}"부터 그 뒤를 모두 옵션으로 읽습니다.`,
            ),
      ),
    );
  }

  function rangeOfWords(line: number, ws: Word[]): SourceRange {
    const last = ws[ws.length - 1]!;
    return { ...rangeOf(file, line, ws[0]!.column, 1), endColumn: last.column + last.text.length };
  }

  function option(w: Word, range: SourceRange): void {
    const num = (Object.keys(RESOLV_NUMBERS) as ResolvNumber[]).find((k) => w.text.startsWith(`${k}:`));
    if (num) {
      const { max } = RESOLV_NUMBERS[num];
      const written = w.text.slice(num.length + 1);
      const read = atoi(written);
      let value = read > max ? max : read;
      // ndots lands in a 4-bit field of _res: a negative value wraps.
      if (num === 'ndots' && value < 0) value = ((value % 16) + 16) % 16;
      numbers[num] = { value, range };
      if (num === 'attempts' && value <= 0) {
        // res_send tries `retry` times: none at all, so the lookup fails at once (checked with glibc 2.36).
        diagnostics.push(
          diag(
            range,
            'warning',
            'resolv-bad-option-value',
            loc(
              `glibc reads attempts:${written} as ${value}: it sends no query at all, and every DNS lookup fails at once.`,
              `glibc는 ${eulreul(`attempts:${written}`)} ${ro(value)} 읽어 질의를 하나도 보내지 않으므로 모든 DNS 조회가 바로 실패합니다.`,
            ),
          ),
        );
      } else if (!/^\d+$/.test(written)) {
        diagnostics.push(
          diag(
            range,
            'warning',
            'resolv-bad-option-value',
            loc(
              `${num}: "${written}" is not a number of 0 or more; glibc reads it (atoi) as ${value}.`,
              `${num}: ${eunneun(`"${written}"`)} 0 이상의 수가 아닙니다. glibc는 이를 ${ro(value)} 읽습니다(atoi).`,
            ),
          ),
        );
      } else if (read > max) {
        diagnostics.push(
          diag(
            range,
            'warning',
            'resolv-option-capped',
            loc(
              `${num}:${written} is more than glibc allows: it uses ${max}.`,
              `${eunneun(`${num}:${written}`)} glibc의 한도를 넘습니다. glibc는 ${eulreul(max)} 씁니다.`,
            ),
          ),
        );
      }
      return;
    }
    const flag = RESOLV_FLAGS.find((f) => w.text.startsWith(f));
    if (flag) {
      flags.set(flag, { value: true, range });
      if (flag !== w.text)
        diagnostics.push(
          diag(
            range,
            'warning',
            'resolv-unknown-option',
            loc(
              `glibc matches options by their start: it reads "${w.text}" as ${flag}.`,
              `glibc는 옵션을 앞부분으로 맞춰 보므로 ${eulreul(`"${w.text}"`)} ${ro(flag)} 읽습니다.`,
            ),
          ),
        );
      return;
    }
    if (w.text[0] === '#' || w.text[0] === ';') return; // said once by commentWords
    diagnostics.push(
      diag(
        range,
        'warning',
        'resolv-unknown-option',
        REMOVED.has(w.text)
          ? loc(
              `glibc 2.36 no longer knows the option "${w.text}": it ignores it.`,
              `glibc 2.36은 ${eulreul(`"${w.text}"`)} 더 이상 모릅니다. 이 옵션은 무시합니다.`,
            )
          : loc(
              `glibc knows no option "${w.text}": it ignores it.`,
              `glibc가 아는 옵션에 ${iga(`"${w.text}"`)} 없습니다. 이 옵션은 무시합니다.`,
            ),
      ),
    );
  }

  let finalSearch = search;
  if (!finalSearch.length) {
    const dot = opts.hostname?.indexOf('.') ?? -1;
    if (opts.hostname !== undefined && dot >= 0) {
      finalSearch = [{ name: opts.hostname.slice(dot + 1) }];
      searchFrom = 'hostname';
    } else searchFrom = 'none';
  }
  const used = servers.slice(0, MAXNS);
  const config: ResolvConf = {
    nameservers: used.length ? used : [{ address: '127.0.0.1', family: 4 }],
    ignoredNameservers: servers.slice(MAXNS),
    search: finalSearch,
    searchFrom,
    ndots: numbers.ndots,
    timeout: numbers.timeout,
    attempts: numbers.attempts,
    flags,
  };
  return { config, diagnostics };
}
