/**
 * How dig 9.18 reads its command line (bin/dig/dig.c parse_args, plus_option, dash_option): `@server`,
 * `+options` (`+[no]short`, `+[no]all`, the sections, `+[no]search`, `+tries=N`, `+retry=N`,
 * `+time=N`...), `-t TYPE`, `-c CLASS`, `-p PORT`, `-x ADDR`, `-q NAME`, and any word that is a type
 * or a class taken as one wherever it stands (`dig MX example.com`, `dig example.com IN MX`). Every
 * error as dig words it, with its exit status.
 */
import { reverseName } from './names';

export const DIG_VERSION = '9.18.49-1~deb12u3-Debian';

export interface DigOptions {
  short: boolean;
  comments: boolean;
  cmd: boolean;
  question: boolean;
  answer: boolean;
  authority: boolean;
  additional: boolean;
  stats: boolean;
  search: boolean;
  recurse: boolean;
  tcp: boolean;
  edns: boolean;
  /** +cookie (the default): a client cookie in the query's OPT record. */
  cookie: boolean;
  tries: number;
  time: number;
  ndots?: number;
}

export interface DigQuery {
  /** As typed (`web`, `web.example.com`), or the reverse name of `-x`. */
  readonly name: string;
  readonly type: string;
  readonly cls: string;
}

export interface DigArgs {
  readonly queries: readonly DigQuery[];
  readonly options: DigOptions;
  /** `@server`, as typed. */
  readonly server?: string;
  /** How many addresses the server's name has (`; (2 servers found)`), once looked up. */
  readonly serversFound?: number;
  readonly port: number;
  /** The arguments as dig repeats them in its first line (`; <<>> DiG ... <<>> ARGS`). */
  readonly cmdline: string;
  /** What dig said on stderr while reading them (`;; Warning, ignoring invalid type X`). */
  readonly warnings: string;
}

export type DigParse =
  | { readonly ok: true; readonly args: DigArgs }
  | {
      readonly ok: false;
      readonly stdout: string;
      readonly stderr: string;
      readonly status: number;
      readonly column?: number;
      /** A real option the simulator does not run (`+trace`): said so, never guessed. */
      readonly notSimulated?: string;
    };

/** dig's usage (usage() in dig.c), printed to stderr after an invalid option; exit status 1. */
export const DIG_USAGE = `Usage:  dig [@global-server] [domain] [q-type] [q-class] {q-opt}
            {global-d-opt} host [@local-server] {local-d-opt}
            [ host [@local-server] {local-d-opt} [...]]

Use "dig -h" (or "dig -h | more") for complete list of options
`;

/** The record types dig knows by name (dns_rdatatype_fromtext), those a lab is likely to type. */
const TYPES = new Set(
  'A NS MD MF CNAME SOA MB MG MR NULL WKS PTR HINFO MINFO MX TXT RP AFSDB X25 ISDN RT NSAP SIG KEY PX GPOS AAAA LOC NXT SRV NAPTR KX CERT A6 DNAME SINK OPT APL DS SSHFP IPSECKEY RRSIG NSEC DNSKEY DHCID NSEC3 NSEC3PARAM TLSA SMIMEA HIP CDS CDNSKEY OPENPGPKEY CSYNC ZONEMD SVCB HTTPS SPF EUI48 EUI64 TKEY TSIG IXFR AXFR MAILB MAILA ANY URI CAA AVC DOA TA DLV'.split(
    ' ',
  ),
);
const CLASSES: Record<string, string> = { IN: 'IN', CH: 'CH', CHAOS: 'CH', HS: 'HS', HESIOD: 'HS', NONE: 'NONE', ANY: 'ANY' };

/** A word's type in dig's spelling (`mx` -> `MX`, `TYPE65` -> `HTTPS`... kept as typed upper-cased), or undefined. */
export function digType(word: string): string | undefined {
  const w = word.toUpperCase();
  if (TYPES.has(w)) return w;
  return /^TYPE\d{1,5}$/.test(w) && Number(w.slice(4)) < 65536 ? w : undefined;
}

/** A word's class in dig's spelling (`in` -> `IN`, `chaos` -> `CH`), or undefined. */
export function digClass(word: string): string | undefined {
  const w = word.toUpperCase();
  return CLASSES[w] ?? (/^CLASS\d{1,5}$/.test(w) && Number(w.slice(5)) < 65536 ? w : undefined);
}

const BOOL_OPTIONS: Record<string, (o: DigOptions, on: boolean) => void> = {
  short: (o, on) => {
    o.short = on;
    if (on)
      Object.assign(o, { cmd: false, additional: false, answer: true, authority: false, question: false, comments: false, stats: false });
  },
  all: (o, on) => Object.assign(o, { question: on, answer: on, authority: on, additional: on, comments: on, stats: on, cmd: on }),
  answer: (o, on) => (o.answer = on),
  question: (o, on) => (o.question = on),
  authority: (o, on) => (o.authority = on),
  additional: (o, on) => (o.additional = on),
  comments: (o, on) => (o.comments = on),
  cmd: (o, on) => (o.cmd = on),
  stats: (o, on) => (o.stats = on),
  search: (o, on) => (o.search = on),
  recurse: (o, on) => (o.recurse = on),
  tcp: (o, on) => (o.tcp = on),
  vc: (o, on) => (o.tcp = on),
  edns: (o, on) => (o.edns = on),
  cookie: (o, on) => (o.cookie = on),
  // accepted, with nothing to change in what the simulator prints
  ttlid: () => {},
  class: () => {},
  rrcomments: () => {},
  identify: () => {},
  dnssec: () => {},
  adflag: () => {},
  cdflag: () => {},
  nsid: () => {},
  ignore: () => {},
  fail: () => {},
  besteffort: () => {},
  defname: (o, on) => (o.search = on),
};

/** The numeric options, with the word dig's parse_uint uses for them in its errors. */
const NUM_OPTIONS: Record<string, { readonly max: number; readonly desc: string; set(o: DigOptions, n: number): void }> = {
  tries: { max: 0xffffffff, desc: 'tries', set: (o, n) => (o.tries = Math.max(1, n)) },
  retry: { max: 0xffffffff, desc: 'retries', set: (o, n) => (o.tries = n + 1) },
  timeout: { max: 0xffffffff, desc: 'timeout', set: (o, n) => (o.time = Math.max(1, n)) },
  ndots: { max: 0xffffffff, desc: 'ndots', set: (o, n) => (o.ndots = n) },
  bufsize: { max: 65535, desc: 'buffer size', set: () => {} },
};

/** Options dig has whose effect the simulator does not print: said so, not guessed. */
const NOT_SIMULATED = new Set(
  'aaflag badcookie coflag crypto dns64prefix domain dscp ednsflags ednsnegotiation ednsopt expandaaaa expire fuzztime header-only http-plain http-plain-get http-plain-post https https-get https-post identify idnin idnout keepalive keepopen mapped multiline nssearch onesoa opcode padding qid qr raflag rdflag showbadcookie showsearch sigchase split subnet tcflag tls tls-ca tls-certfile tls-hostname tls-keyfile topdown trace ttlunits unknownformat yaml zflag'.split(
    ' ',
  ),
);

/** Every + option of dig 9.18 by its full name (dig.c plus_option), and the other spellings FULLCHECK2 takes. */
const ALL_OPTIONS = [...Object.keys(BOOL_OPTIONS), ...Object.keys(NUM_OPTIONS), ...NOT_SIMULATED, 'retries', 'aaonly', 'cl'];

/**
 * The option a typed word names: dig takes any beginning of an option's name that is long enough to
 * tell it from the others (`+noal`, `+ti=2`, `+mul`), and refuses one that is not (`+sh`, `+tr`).
 */
function fullOption(typed: string): string | undefined {
  const canonical = (n: string) => ALIASES[n] ?? n;
  if (ALL_OPTIONS.includes(typed)) return canonical(typed);
  const matches = [...new Set(ALL_OPTIONS.filter((n) => n.startsWith(typed)).map(canonical))];
  return matches.length === 1 ? matches[0] : undefined;
}

/** FULLCHECK2's other spellings. */
const ALIASES: Record<string, string> = { retries: 'retry', aaonly: 'aaflag', cl: 'class' };

export function defaultDigOptions(): DigOptions {
  return {
    short: false,
    comments: true,
    cmd: true,
    question: true,
    answer: true,
    authority: true,
    additional: true,
    stats: true,
    search: false,
    recurse: true,
    tcp: false,
    edns: true,
    cookie: true,
    tries: 3,
    time: 5,
  };
}

function invalid(word: string, column: number): DigParse {
  return { ok: false, stdout: '', stderr: `Invalid option: ${word}\n${DIG_USAGE}`, status: 1, column };
}

/** Reads dig's arguments (`words[0]` is `dig`); `columns` are the words' places in the line. */
export function parseDig(words: readonly string[], columns: readonly number[] = []): DigParse {
  const o = defaultDigOptions();
  const queries: { name: string; type?: string; cls?: string }[] = [];
  let pendingType: string | undefined;
  let pendingCls: string | undefined;
  let server: string | undefined;
  let port = 53;
  let warnings = '';
  const current = () => queries[queries.length - 1];
  const setType = (t: string) => (current() ? (current()!.type = t) : (pendingType = t));
  const setCls = (c: string) => (current() ? (current()!.cls = c) : (pendingCls = c));
  const addName = (name: string, type?: string, cls?: string) => queries.push({ name, type: type ?? pendingType, cls: cls ?? pendingCls });
  for (let i = 1; i < words.length; i++) {
    const w = words[i];
    const col = columns[i] ?? 0;
    if (w.startsWith('@') && w.length > 1) server = w.slice(1);
    else if (w.startsWith('+') && w.length > 1) {
      const [typed, value] = splitOption(w.slice(1));
      const off = typed.startsWith('no') && fullOption(typed) === undefined;
      const key = fullOption(off ? typed.slice(2) : typed);
      const bool = key === undefined ? undefined : BOOL_OPTIONS[key];
      const num = key === undefined || off ? undefined : NUM_OPTIONS[key];
      if (
        key !== undefined &&
        (NOT_SIMULATED.has(key) || (off && (key === 'ttlid' || key === 'class')) || (key === 'edns' && value !== undefined))
      ) {
        return { ok: false, stdout: '', stderr: '', status: 1, column: col, notSimulated: `dig +${key}` };
      }
      if (bool && value === undefined) bool(o, !off);
      else if (num && value !== undefined) {
        const n = parseUint(value, num.max);
        if (typeof n === 'string') {
          return {
            ok: false,
            stdout: `invalid ${num.desc} '${value}': ${n}\n`,
            stderr: `dig: Couldn't parse ${num.desc}\n`,
            status: 10,
            column: col,
          };
        }
        num.set(o, n);
      } else return invalid(w, col);
    } else if (w.startsWith('-') && w.length > 1) {
      const flag = w[1];
      if ('46mnriu'.includes(flag) && w.length === 2) continue;
      if (!'tcpxqbfkyhv'.includes(flag)) return invalid(w, col);
      if (flag === 'h' || flag === 'v') return invalid(w, col);
      const value = w.length > 2 ? w.slice(2) : words[++i];
      if (value === undefined) return invalid(w, col);
      if (flag === 't') {
        const t = digType(value);
        if (t) setType(t);
        else warnings += `;; Warning, ignoring invalid type ${value}\n`;
      } else if (flag === 'c') {
        const c = digClass(value);
        if (c) setCls(c);
        else warnings += `;; Warning, ignoring invalid class ${value}\n`;
      } else if (flag === 'p') {
        const n = parseUint(value, 65535);
        if (typeof n === 'string') {
          return {
            ok: false,
            stdout: `invalid port number '${value}': ${n}\n`,
            stderr: "dig: Couldn't parse port number\n",
            status: 1,
            column: col,
          };
        }
        port = n;
      } else if (flag === 'x') addName(reverseName(value), 'PTR', 'IN');
      else if (flag === 'q') addName(value);
      else return { ok: false, stdout: '', stderr: '', status: 1, column: col, notSimulated: `dig -${flag}` };
    } else {
      const t = digType(w);
      const c = t ? undefined : digClass(w);
      if (t) setType(t);
      else if (c) setCls(c);
      else addName(w);
    }
  }
  const list = queries.length ? queries : [{ name: '.', type: pendingType ?? 'NS', cls: pendingCls }];
  return {
    ok: true,
    args: {
      queries: list.map((q) => ({ name: q.name, type: q.type ?? 'A', cls: q.cls ?? 'IN' })),
      options: o,
      server,
      port,
      cmdline: words.slice(1).join(' '),
      warnings,
    },
  };
}

/** dighost.c parse_uint: the number, or why not (`not a valid number`, `out of range`). */
function parseUint(value: string, max: number): number | string {
  if (!/^\d+$/.test(value)) return 'not a valid number';
  const n = Number(value);
  return n > max ? 'out of range' : n;
}

function splitOption(text: string): [string, string | undefined] {
  const eq = text.indexOf('=');
  return eq < 0 ? [text.toLowerCase(), undefined] : [text.slice(0, eq).toLowerCase(), text.slice(eq + 1)];
}
