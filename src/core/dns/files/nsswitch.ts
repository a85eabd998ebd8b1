/**
 * /etc/nsswitch.conf as glibc 2.36 reads it (nss/nss_database.c process_line, nss/nss_action_parse.c):
 * a line is `database: source [STATUS=action ...] source ...`; a line whose first word is no database
 * (comments `#...` among them) is skipped, and a `#` later on a line is no comment but source names;
 * the last line of a database wins; a wrong `[...]` item stops the reading of the whole file and then
 * every NSS lookup fails (getent hosts and getent passwd alike). Without a `hosts:` line glibc uses
 * `files dns`. Never throws.
 */
import type { Diagnostic, SourceRange } from '../../text/diag';
import { loc } from '../../text/i18n';
import { didYouMean } from '../../text/didyoumean';
import { eulreul, eunneun, iga } from '../../text/particle';
import { diag, isSpace, linesOf, rangeOf } from './common';

export const NSS_STATUSES = ['SUCCESS', 'NOTFOUND', 'UNAVAIL', 'TRYAGAIN'] as const;
export type NssStatus = (typeof NSS_STATUSES)[number];
export const NSS_ACTIONS = ['return', 'continue', 'merge'] as const;
export type NssAction = (typeof NSS_ACTIONS)[number];

/** glibc's databases (nss/databases.def). */
export const NSS_DATABASES: readonly string[] = [
  'aliases',
  'ethers',
  'group',
  'group_compat',
  'gshadow',
  'hosts',
  'initgroups',
  'netgroup',
  'networks',
  'passwd',
  'passwd_compat',
  'protocols',
  'publickey',
  'rpc',
  'services',
  'shadow',
  'shadow_compat',
];

/** Sources a `hosts:` line may name on a Debian system (glibc's own and the packaged modules). */
export const NSS_HOSTS_SOURCES: readonly string[] = [
  'files',
  'dns',
  'myhostname',
  'mymachines',
  'resolve',
  'mdns',
  'mdns4',
  'mdns6',
  'mdns_minimal',
  'mdns4_minimal',
  'mdns6_minimal',
  'libvirt',
  'libvirt_guest',
  'wins',
  'nis',
  'nisplus',
  'db',
  'hesiod',
  'ldap',
  'sss',
  'extrausers',
];

/** The `hosts:` line glibc uses when the file has none. */
export const DEFAULT_HOSTS_LINE = 'files dns';

export interface NssItem {
  readonly not: boolean;
  readonly status: NssStatus;
  readonly action: NssAction;
  readonly range: SourceRange;
}

export interface NssSource {
  readonly name: string;
  readonly range?: SourceRange;
  /** What glibc does after this source answers with each status (SUCCESS return, the rest continue, unless changed). */
  readonly actions: Readonly<Record<NssStatus, NssAction>>;
  readonly items: readonly NssItem[];
}

export interface NsswitchResult {
  /** The hosts sources glibc uses, in order; empty when the file is broken (every lookup fails). */
  readonly hosts: readonly NssSource[];
  /** Where they come from: a `hosts:` line, glibc's default, or nowhere (the file stops glibc). */
  readonly hostsFrom: 'file' | 'default' | 'broken';
  /** The `hosts:` line used. */
  readonly hostsLine?: number;
  readonly diagnostics: Diagnostic[];
}

const defaultActions = (): Record<NssStatus, NssAction> => ({
  SUCCESS: 'return',
  NOTFOUND: 'continue',
  UNAVAIL: 'continue',
  TRYAGAIN: 'continue',
});

type Parsed =
  { ok: true; sources: NssSource[] } | { ok: false; range: SourceRange; what: 'status' | 'action' | 'equals' | 'close'; word: string };

/** nss_action_parse over `text` (the line after `database:`), which starts at column `col0` of `line`. */
function parseSources(file: string, line: number, text: string, col0: number): Parsed {
  const sources: NssSource[] = [];
  let i = 0;
  const ws = () => {
    while (i < text.length && isSpace(text[i]!)) i++;
  };
  const at = (start: number, end: number) => rangeOf(file, line, col0 + start, end - start);
  for (;;) {
    ws();
    if (i >= text.length) return { ok: true, sources };
    const start = i;
    while (i < text.length && !isSpace(text[i]!) && text[i] !== '[') i++;
    if (i === start) return { ok: true, sources }; // a '[' with no source before it: glibc stops, keeping what it read
    const name = text.slice(start, i);
    const actions = defaultActions();
    const items: NssItem[] = [];
    ws();
    if (text[i] === '[') {
      i++;
      ws();
      do {
        const itemStart = i;
        const not = text[i] === '!';
        if (not) i++;
        const s = i;
        while (i < text.length && !isSpace(text[i]!) && text[i] !== '=' && text[i] !== ']') i++;
        const statusWord = text.slice(s, i);
        const status = NSS_STATUSES.find((x) => x === statusWord.toUpperCase());
        if (!status) return { ok: false, range: at(s, Math.max(i, s + 1)), what: s >= text.length ? 'close' : 'status', word: statusWord };
        ws();
        if (text[i] !== '=') return { ok: false, range: at(i, i + 1), what: 'equals', word: text[i] ?? '' };
        i++;
        ws();
        const a = i;
        while (i < text.length && !isSpace(text[i]!) && text[i] !== '=' && text[i] !== ']') i++;
        const actionWord = text.slice(a, i);
        const action = NSS_ACTIONS.find((x) => x === actionWord.toLowerCase());
        if (!action) return { ok: false, range: at(a, Math.max(i, a + 1)), what: 'action', word: actionWord };
        if (not) {
          const keep = actions[status];
          for (const st of NSS_STATUSES) actions[st] = action;
          actions[status] = keep;
        } else actions[status] = action;
        items.push({ not, status, action, range: at(itemStart, i) });
        ws();
      } while (text[i] !== ']');
      i++;
    }
    sources.push({ name, range: at(start, start + name.length), actions, items });
  }
}

export function parseNsswitch(text: string, file = '/etc/nsswitch.conf'): NsswitchResult {
  const diagnostics: Diagnostic[] = [];
  let hosts: { sources: NssSource[]; line: number; range: SourceRange } | undefined;
  const lines = linesOf(text);
  for (let n = 0; n < lines.length; n++) {
    const raw = lines[n]!;
    const line = n + 1;
    let i = 0;
    while (i < raw.length && isSpace(raw[i]!)) i++;
    const start = i;
    while (i < raw.length && !isSpace(raw[i]!) && raw[i] !== ':') i++;
    if (i >= raw.length || i === start) continue;
    const db = raw.slice(start, i);
    const dbRange = rangeOf(file, line, start + 1, db.length);
    while (i < raw.length && (isSpace(raw[i]!) || raw[i] === ':')) i++;
    if (!NSS_DATABASES.includes(db)) {
      if (db[0] === '#') continue;
      const hint = didYouMean(db, NSS_DATABASES);
      diagnostics.push(
        diag(
          dbRange,
          'warning',
          'nsswitch-unknown-database',
          loc(
            `glibc has no database "${db}"${hint ? ` (did you mean "${hint}"?)` : ''}: it skips this line.`,
            `glibc의 데이터베이스에 ${iga(`"${db}"`)} 없습니다${hint ? `(${eulreul(`"${hint}"`)} 뜻했나요?)` : ''}. 이 줄은 건너뜁니다.`,
          ),
        ),
      );
      continue;
    }
    const parsed = parseSources(file, line, raw.slice(i), i + 1);
    if (!parsed.ok) {
      diagnostics.push(diag(parsed.range, 'error', 'nsswitch-bad-action', badAction(parsed)));
      return { hosts: [], hostsFrom: 'broken', hostsLine: line, diagnostics };
    }
    if (db !== 'hosts') continue;
    if (hosts)
      diagnostics.push(
        diag(
          hosts.range,
          'warning',
          'nsswitch-duplicate-database',
          loc(
            `The hosts line ${line} replaces this one: glibc keeps the last line of a database.`,
            `${line}번째 줄의 hosts가 이 줄을 대신합니다. glibc는 데이터베이스마다 마지막 줄을 씁니다.`,
          ),
        ),
      );
    hosts = { sources: parsed.sources, line, range: dbRange };
    if (!parsed.sources.length)
      diagnostics.push(
        diag(
          dbRange,
          'warning',
          'nsswitch-no-source',
          loc(
            'This hosts line names no source: glibc asks nobody, and every host name lookup fails (even localhost).',
            '이 hosts 줄에는 소스가 없습니다. glibc는 어디에도 묻지 않으므로 모든 호스트 이름 조회가 실패합니다(localhost도).',
          ),
        ),
      );
    const comment = parsed.sources.findIndex((s) => s.name[0] === '#');
    if (comment >= 0) {
      const c = parsed.sources[comment]!;
      diagnostics.push(
        diag(
          c.range!,
          'warning',
          'nsswitch-inline-comment',
          loc(
            `glibc 2.36 reads no comment after a database's sources: "${c.name}" and the words after it are read as sources (which fail as unavailable).`,
            `glibc 2.36은 소스 뒤의 주석을 읽지 않습니다. "${c.name}"부터 그 뒤의 단어를 모두 소스로 읽고, 이 소스들은 사용할 수 없음(UNAVAIL)으로 실패합니다.`,
          ),
        ),
      );
    }
    for (const s of parsed.sources.slice(0, comment >= 0 ? comment : undefined)) {
      if (NSS_HOSTS_SOURCES.includes(s.name)) continue;
      const hint = didYouMean(s.name, NSS_HOSTS_SOURCES);
      diagnostics.push(
        diag(
          s.range!,
          'warning',
          'nsswitch-unknown-source',
          loc(
            `No source "${s.name}" exists for hosts${hint ? ` (did you mean "${hint}"?)` : ''}: glibc finds no libnss_${s.name}.so.2, counts it UNAVAIL and goes on.`,
            `hosts에 쓸 수 있는 소스에 ${iga(`"${s.name}"`)} 없습니다${hint ? `(${eulreul(`"${hint}"`)} 뜻했나요?)` : ''}. glibc는 libnss_${s.name}.so.2를 찾지 못해 UNAVAIL로 보고 다음으로 넘어갑니다.`,
          ),
        ),
      );
    }
  }
  if (!hosts) return { hosts: defaultHostsSources(), hostsFrom: 'default', diagnostics };
  return { hosts: hosts.sources, hostsFrom: 'file', hostsLine: hosts.line, diagnostics };
}

/** glibc's sources for hosts when nsswitch.conf names none: `files dns`. */
export function defaultHostsSources(): NssSource[] {
  return DEFAULT_HOSTS_LINE.split(' ').map((name) => ({ name, actions: defaultActions(), items: [] }));
}

function badAction(p: Extract<Parsed, { ok: false }>): ReturnType<typeof loc> {
  const tail = {
    en: 'glibc stops reading nsswitch.conf here, and every lookup through it fails (hosts, passwd, group...).',
    ko: 'glibc는 여기서 nsswitch.conf 읽기를 멈추고, 이 파일을 거치는 모든 조회(hosts, passwd, group...)가 실패합니다.',
  };
  switch (p.what) {
    case 'status':
      return loc(
        `"${p.word}" is no status (SUCCESS, NOTFOUND, UNAVAIL, TRYAGAIN): ${tail.en}`,
        `${eunneun(`"${p.word}"`)} 상태가 아닙니다(SUCCESS, NOTFOUND, UNAVAIL, TRYAGAIN). ${tail.ko}`,
      );
    case 'action':
      return loc(
        `"${p.word}" is no action (return, continue, merge): ${tail.en}`,
        `${eunneun(`"${p.word}"`)} 동작이 아닙니다(return, continue, merge). ${tail.ko}`,
      );
    case 'equals':
      return loc(
        `An item needs "=" between status and action here: ${tail.en}`,
        `항목의 상태와 동작 사이에 "="가 있어야 합니다. ${tail.ko}`,
      );
    default:
      return loc(`The "[" is never closed with "]": ${tail.en}`, `"[" 괄호가 "]"로 닫히지 않았습니다. ${tail.ko}`);
  }
}
