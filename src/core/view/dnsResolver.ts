/**
 * The resolver's files in the editor (/etc/hosts, resolv.conf, nsswitch.conf): an outline of their
 * lines as glibc reads them, and hovers from dns/files/docs.ts on their keywords, options, sources,
 * statuses and actions, and on a hosts line's address, canonical name and aliases.
 */
import { NSS_ACTION_DOCS, NSS_SOURCE_DOCS, NSS_STATUS_DOCS, RESOLV_KEYWORD_DOCS, RESOLV_OPTION_DOCS } from '../dns/files/docs';
import { linesOf, type Word, wordsOf } from '../dns/files/common';
import { parseHosts } from '../dns/files/hosts';
import type { ResolverFileKind } from '../dns/files/index';
import { parseResolvConf } from '../dns/files/resolvconf';
import type { SourceRange } from '../text/diag';
import { type Lang, loc, type Localized, pick } from '../text/i18n';
import { type FilePos, type HoverModel, type OutlineItem } from './dnsTypes';

const has = <T>(o: Readonly<Record<string, T>>, k: string): boolean => Object.prototype.hasOwnProperty.call(o, k);
const wordRange = (file: string, line: number, w: Word): SourceRange => ({
  file,
  line,
  column: w.column,
  endLine: line,
  endColumn: w.column + w.text.length,
});
const cover = (file: string, line: number, ws: readonly Word[]): SourceRange => ({
  ...wordRange(file, line, ws[0]!),
  endColumn: ws[ws.length - 1]!.column + ws[ws.length - 1]!.text.length,
});

/** A line's words before its comment: resolv.conf's comment is a whole line (`#` or `;` first), the others' a `#` anywhere. */
function lineWords(kind: ResolverFileKind, raw: string): Word[] {
  if (kind === 'resolv') return raw[0] === '#' || raw[0] === ';' ? [] : wordsOf(raw);
  const hash = raw.indexOf('#');
  return wordsOf(hash >= 0 ? raw.slice(0, hash) : raw, true);
}

/** nsswitch.conf's words after `database:`: sources, and inside `[...]` STATUS=action items, each part a word. */
function nssWords(raw: string): { word: Word; role: 'database' | 'source' | 'status' | 'action' }[] {
  const hash = raw.indexOf('#');
  const body = hash >= 0 ? raw.slice(0, hash) : raw;
  const colon = body.indexOf(':');
  if (colon < 0) return [];
  const out: { word: Word; role: 'database' | 'source' | 'status' | 'action' }[] = [];
  const db = /\S+/.exec(body.slice(0, colon));
  if (db) out.push({ word: { text: db[0], column: db.index + 1 }, role: 'database' });
  let inside = false;
  let afterEquals = false;
  const re = /\[|\]|=|[^\s[\]=!]+/g;
  re.lastIndex = colon + 1;
  for (let m = re.exec(body); m; m = re.exec(body)) {
    if (m[0] === '[') [inside, afterEquals] = [true, false];
    else if (m[0] === ']') inside = false;
    else if (m[0] === '=') afterEquals = true;
    else {
      out.push({ word: { text: m[0], column: m.index + 1 }, role: !inside ? 'source' : afterEquals ? 'action' : 'status' });
      if (inside && afterEquals) afterEquals = false;
    }
  }
  return out;
}

/** The outline: hosts lines by canonical name; resolv.conf's keywords (options inside); nsswitch.conf's databases (sources inside). */
export function resolverOutline(kind: ResolverFileKind, text: string, file: string, lang: Lang): OutlineItem[] {
  if (kind === 'hosts')
    return parseHosts(text, file).entries.map((e) => ({
      name: e.names[0]!.text,
      detail: [e.address, ...e.names.slice(1).map((n) => n.text)].join(' '),
      kind: 'address',
      range: e.range,
      selection: wordRange(file, e.line, e.names[0]!),
      children: [],
    }));
  const ignored = kind === 'resolv' ? new Set(parseResolvConf(text, file).config.ignoredNameservers.map((n) => n.range?.line)) : new Set();
  const out: OutlineItem[] = [];
  linesOf(text).forEach((raw, i) => {
    const line = i + 1;
    if (kind === 'resolv') {
      const ws = lineWords(kind, raw);
      if (!ws.length) return;
      const [key, ...args] = ws as [Word, ...Word[]];
      const note = ignored.has(line)
        ? ` (${pick(loc(`not read: glibc asks the first 3`, `읽지 않음: glibc는 앞의 3개만 씁니다`), lang)})`
        : '';
      out.push({
        name: key.text,
        detail: args.map((a) => a.text).join(' ') + note,
        kind: 'keyword',
        range: cover(file, line, ws),
        selection: wordRange(file, line, key),
        children:
          key.text === 'options'
            ? args.map((a) => ({
                name: a.text,
                detail: '',
                kind: 'option',
                range: wordRange(file, line, a),
                selection: wordRange(file, line, a),
                children: [],
              }))
            : [],
      });
      return;
    }
    const ws = nssWords(raw);
    const db = ws[0];
    if (!db || db.role !== 'database') return;
    const sources = ws.filter((w) => w.role === 'source').map((w) => w.word);
    out.push({
      name: db.word.text,
      detail: sources.map((s) => s.text).join(' '),
      kind: 'database',
      range: cover(
        file,
        line,
        ws.map((w) => w.word),
      ),
      selection: wordRange(file, line, db.word),
      children: sources.map((s) => ({
        name: s.text,
        detail: '',
        kind: 'source',
        range: wordRange(file, line, s),
        selection: wordRange(file, line, s),
        children: [],
      })),
    });
  });
  return out;
}

function hover(file: string, line: number, w: Word, what: Localized, doc: Localized | undefined, lang: Lang): HoverModel {
  const head = `**${w.text}** — ${pick(what, lang)}`;
  return { markdown: doc ? `${head}\n\n${pick(doc, lang)}` : head, range: wordRange(file, line, w) };
}

/** The hover at `pos` in a resolver file of kind `kind`. */
export function resolverHoverAt(kind: ResolverFileKind, text: string, pos: FilePos, lang: Lang, file: string): HoverModel | undefined {
  const raw = linesOf(text)[pos.line - 1];
  if (raw === undefined) return undefined;
  const on = (w: Word) => pos.column >= w.column && pos.column <= w.column + w.text.length;
  if (kind === 'nsswitch') {
    const hit = nssWords(raw).find((x) => on(x.word));
    if (!hit) return undefined;
    const w = hit.word;
    if (hit.role === 'database') return hover(file, pos.line, w, loc('database', '데이터베이스'), undefined, lang);
    if (hit.role === 'source')
      return hover(
        file,
        pos.line,
        w,
        loc('NSS source', 'NSS 소스'),
        has(NSS_SOURCE_DOCS, w.text) ? NSS_SOURCE_DOCS[w.text] : undefined,
        lang,
      );
    const table = hit.role === 'status' ? NSS_STATUS_DOCS : NSS_ACTION_DOCS;
    const key = hit.role === 'status' ? w.text.toUpperCase() : w.text.toLowerCase();
    const what = hit.role === 'status' ? loc('status', '상태') : loc('action', '동작');
    return hover(file, pos.line, w, what, has(table, key) ? table[key] : undefined, lang);
  }
  const ws = lineWords(kind, raw);
  const i = ws.findIndex(on);
  if (i < 0) return undefined;
  const w = ws[i]!;
  if (kind === 'hosts') {
    if (i === 0)
      return hover(
        file,
        pos.line,
        w,
        loc('address', '주소'),
        loc('The address the names after it resolve to.', '뒤에 오는 이름들이 해석되는 주소입니다.'),
        lang,
      );
    if (i === 1)
      return hover(
        file,
        pos.line,
        w,
        loc('canonical name', '정식 이름'),
        loc(
          `The canonical name of ${ws[0]!.text}: what a reverse lookup of the address gives.`,
          `${ws[0]!.text}의 정식 이름: 이 주소를 역방향으로 조회하면 나오는 이름입니다.`,
        ),
        lang,
      );
    return hover(
      file,
      pos.line,
      w,
      loc('alias', '별칭'),
      loc(`Another name of ${ws[0]!.text}.`, `${ws[0]!.text}의 다른 이름입니다.`),
      lang,
    );
  }
  if (i === 0)
    return has(RESOLV_KEYWORD_DOCS, w.text)
      ? hover(file, pos.line, w, loc('keyword', '키워드'), RESOLV_KEYWORD_DOCS[w.text], lang)
      : undefined;
  if (ws[0]!.text !== 'options') return undefined;
  const name = w.text.split(':')[0]!;
  return has(RESOLV_OPTION_DOCS, name) ? hover(file, pos.line, w, loc('option', '옵션'), RESOLV_OPTION_DOCS[name], lang) : undefined;
}
