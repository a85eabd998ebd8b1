/**
 * A zone file in the editor: its outline by owner name (each owner's records: type and data, as
 * the parser read them), and hovers on the words of its entries as miekg/dns reads them: a
 * directive ($ORIGIN, $TTL ...), the owner (made absolute), a TTL, a class, a record type.
 */
import { ZONE_CLASS_DOCS, ZONE_DIRECTIVE_DOCS, ZONE_TYPE_DOCS, type ZoneDoc } from '../dns/zone/docs';
import { type Entry, lexZone, type Tok } from '../dns/zone/lex';
import { canonical, stringToTTL, toAbsoluteName } from '../dns/zone/names';
import { CLASSES, MIEKG_TYPES, parseZone } from '../dns/zone/parse';
import { rdataText } from '../dns/zone/rdata';
import type { SourceRange } from '../text/diag';
import { type Lang, loc, pick } from '../text/i18n';
import { type FilePos, type HoverModel, inRange, type OutlineItem } from './dnsTypes';

/** The outline: one item per owner name (in the order they first appear), its records inside. */
export function zoneOutline(text: string, file: string, origin?: string): OutlineItem[] {
  const { records } = parseZone(text, { file, ...(origin !== undefined ? { origin } : {}) });
  const lines = text.split('\n');
  const owners = new Map<string, OutlineItem>();
  for (const r of records) {
    // The record's first word (its owner, or its first field when the owner is the previous record's).
    const word = /^[^\s;()"]*/.exec(lines[r.range.line - 1]?.slice(r.range.column - 1) ?? '')![0];
    const item: OutlineItem = {
      name: r.type,
      detail: `${r.ttl} ${r.cls} ${rdataText(r.data)}`,
      kind: 'record',
      range: r.range,
      selection: { ...r.range, endLine: r.range.line, endColumn: r.range.column + Math.max(word.length, 1) },
      children: [],
    };
    const key = r.name.toLowerCase();
    const o = owners.get(key);
    if (!o) {
      owners.set(key, { name: r.name, detail: r.type, kind: 'owner', range: r.range, selection: item.selection, children: [item] });
      continue;
    }
    const end = after(r.range, o.range) ? r.range : o.range;
    owners.set(key, {
      ...o,
      detail: o.children.some((c) => c.name === r.type) ? o.detail : `${o.detail} ${r.type}`,
      range: { ...o.range, endLine: end.endLine, endColumn: end.endColumn },
      children: [...o.children, item],
    });
  }
  return [...owners.values()];
}

const after = (a: SourceRange, b: SourceRange) => a.endLine > b.endLine || (a.endLine === b.endLine && a.endColumn > b.endColumn);

function docMarkdown(word: string, what: string, doc: ZoneDoc, lang: Lang): string {
  return [`**${word}** — ${what}`, '', pick(doc.text, lang), '', '```dns-zone', doc.usage, '```'].join('\n');
}

function otherType(up: string, lang: Lang): string {
  const what = pick(loc('record type', '레코드 타입'), lang);
  const text = loc(
    'A record type miekg/dns reads: CoreDNS serves it as written; knetlab keeps its data as text.',
    'miekg/dns가 읽는 레코드 타입입니다. CoreDNS는 적힌 그대로 서비스하고, knetlab은 데이터를 글자 그대로 둡니다.',
  );
  return [`**${up}** — ${what}`, '', pick(text, lang)].join('\n');
}

/** The hover for a word of a zone file at `pos`, read with `origin` (the zone of its name) until a $ORIGIN. */
export function zoneHoverAt(text: string, pos: FilePos, lang: Lang, file: string, origin?: string): HoverModel | undefined {
  let cur = origin ? canonical(origin) : '';
  let found: HoverModel | undefined;
  const range = (t: Tok): SourceRange => ({ file, line: t.line, column: t.col, endLine: t.endLine, endColumn: t.endCol });
  const at = (t: Tok) => inRange({ line: t.line, column: t.col, endLine: t.endLine, endColumn: t.endCol }, pos);
  lexZone(text, (e: Entry) => {
    if (found) return;
    const toks = e.toks;
    const first = toks[0];
    if (!first) return;
    const dir = e.blankOwner || first.quoted ? '' : first.text.toUpperCase();
    if (dir.startsWith('$')) {
      if (dir === '$ORIGIN' && toks[1]) cur = toAbsoluteName(toks[1].text, cur) ?? cur;
      const doc = ZONE_DIRECTIVE_DOCS[dir];
      if (doc && at(first)) found = { markdown: docMarkdown(dir, pick(loc('directive', '지시어'), lang), doc, lang), range: range(first) };
      return;
    }
    let k = 0;
    if (!e.blankOwner) {
      k = 1;
      if (at(first)) {
        const abs = toAbsoluteName(first.text, cur);
        const text = abs
          ? loc(`Owner: \`${abs}\` (the name the records of this line are for).`, `소유자: \`${abs}\` (이 줄의 레코드가 가리키는 이름).`)
          : loc(
              'Owner: a relative name with no origin known (no $ORIGIN, and no zone in the file name).',
              '소유자: 오리진을 모르는 상대 이름입니다($ORIGIN도, 파일 이름의 존도 없음).',
            );
        found = { markdown: `**${first.text}** — ${pick(text, lang)}`, range: range(first) };
        return;
      }
    }
    // [TTL] [class] type, in either order, then the data.
    for (; k < toks.length && k < (e.blankOwner ? 3 : 4); k++) {
      const t = toks[k]!;
      if (t.quoted) return;
      const up = t.text.toUpperCase();
      if (MIEKG_TYPES.has(up) || /^TYPE\d+$/.test(up)) {
        if (!at(t)) return;
        const doc = ZONE_TYPE_DOCS[up];
        const markdown = doc ? docMarkdown(up, pick(loc('record type', '레코드 타입'), lang), doc, lang) : otherType(up, lang);
        found = { markdown, range: range(t) };
        return;
      }
      if (!at(t)) continue;
      if (CLASSES.has(up) || /^CLASS\d+$/.test(up)) {
        const doc = ZONE_CLASS_DOCS[up];
        const what = pick(loc('class', '클래스'), lang);
        found = { markdown: doc ? docMarkdown(up, what, doc, lang) : `**${up}** — ${what}`, range: range(t) };
        return;
      }
      const ttl = stringToTTL(t.text);
      if (ttl !== undefined) found = { markdown: `**${t.text}** — TTL: ${pick(loc(`${ttl} seconds`, `${ttl}초`), lang)}`, range: range(t) };
      return;
    }
  });
  return found;
}
