/**
 * A Corefile in the editor: its outline (server blocks and snippets, the plugins in each, their block
 * properties), hovers (a plugin, a plugin's property, a server block key: the zones, port and
 * addresses it serves) and completion (directives in a block, a plugin's properties in its own).
 * Read with the parser CoreDNS's start-up is checked with (dns/corefile); words from its lexer.
 */
import { COREFILE_DOCS, type CorefileDoc } from '../dns/corefile/docs';
import { normalizeKey } from '../dns/corefile/keys';
import { lex, type Token } from '../dns/corefile/lex';
import { parseCorefile } from '../dns/corefile/parse';
import { PROPERTY_DOCS, propertyDoc } from '../dns/corefile/props';
import type { Prop } from '../dns/corefile/tree';
import type { ServerBlock } from '../dns/corefile/types';
import type { SourceRange } from '../text/diag';
import { type Lang, type Localized, loc, pick } from '../text/i18n';
import { type CompletionModel, type FilePos, type HoverModel, inRange, type OutlineItem } from './dnsTypes';

const has = <T>(o: Readonly<Record<string, T>>, k: string): boolean => Object.prototype.hasOwnProperty.call(o, k);

function rangeOf(file: string, from: Token, to: Token = from): SourceRange {
  return { file, line: from.line, column: from.col, endLine: to.endLine, endColumn: to.endCol };
}

/** The last word of a directive or property: its closing brace, else its last argument, else its name. */
function lastWord(p: Prop): Token {
  if (p.close) return p.close;
  const inner = p.block?.[p.block.length - 1];
  if (inner) return lastWord(inner);
  if (p.open) return p.open;
  return p.args[p.args.length - 1] ?? p.name;
}

const before = (a: { line: number; col: number }, b: { line: number; col: number }) =>
  a.line < b.line || (a.line === b.line && a.col < b.col);

/** A block's words: from its first key to its closing brace (matched in the lexer's words), or to the end of the file. */
function blockWords(words: readonly Token[], b: ServerBlock): { keys: Token[]; close: Token | undefined; last: Token } {
  let i = words.findIndex((w) => w.line === b.range.line && w.col === b.range.column);
  if (i < 0) i = 0;
  const keys: Token[] = [];
  for (; i < words.length && !(words[i]!.text === '{' && !words[i]!.quoted); i++) keys.push(words[i]!);
  let depth = 0;
  for (; i < words.length; i++) {
    const w = words[i]!;
    if (w.quoted) continue;
    if (w.text === '{') depth++;
    else if (w.text === '}' && --depth === 0) return { keys, close: w, last: w };
  }
  return { keys, close: undefined, last: words[words.length - 1] ?? keys[0]! };
}

/** The outline: each server block (its keys, the zones they serve) or snippet, its plugins, their properties. */
export function corefileOutline(text: string, lang: Lang, file = 'Corefile'): OutlineItem[] {
  const words = lex(text);
  const prop = (p: Prop, kind: 'plugin' | 'property'): OutlineItem => ({
    name: p.name.text,
    detail: p.args.map((a) => a.text).join(' '),
    kind,
    range: rangeOf(file, p.name, lastWord(p)),
    selection: rangeOf(file, p.name),
    children: (p.block ?? []).map((c) => prop(c, 'property')),
  });
  return parseCorefile(text, file).blocks.map((b) => {
    const { keys, last } = blockWords(words, b);
    const first = keys[0] ?? last;
    const lastKey = keys[keys.length - 1] ?? first;
    // Plugins imported from a snippet are written in the snippet: they are shown there.
    const own = b.plugins.filter((p) => !before(p.tree.name, first) && !before(last, p.tree.name));
    const zones = b.zones.map((z) => z.key);
    return {
      name: b.keys.join(' ') || '(server block)',
      detail: b.snippet ? pick(loc('snippet', '스니펫'), lang) : zones.join(' '),
      kind: b.snippet ? 'snippet' : 'server',
      range: rangeOf(file, first, last),
      selection: rangeOf(file, first, lastKey),
      children: own.map((p) => prop(p.tree, 'plugin')),
    };
  });
}

/** A doc's Markdown: the word and what it is, the text, its usage in a Corefile block, the coredns.io link. */
function docMarkdown(name: string, kind: Localized, doc: CorefileDoc, usage: string, link: string, lang: Lang): string {
  return [
    `**${name}** — ${pick(kind, lang)}`,
    '',
    lang === 'ko' ? doc.ko : doc.en,
    '',
    `${pick(loc('Usage', '사용법'), lang)}:`,
    '```corefile',
    usage,
    '```',
    '',
    `[coredns.io](${link})`,
  ].join('\n');
}

/** The Markdown of a directive's doc (a plugin, or `import`). */
export function directiveMarkdown(name: string, doc: CorefileDoc, lang: Lang): string {
  const kind = name === 'import' ? loc('Corefile directive', 'Corefile 지시어') : loc('CoreDNS plugin', 'CoreDNS 플러그인');
  const link = name === 'import' ? 'https://coredns.io/manual/toc/#configuration' : `https://coredns.io/plugins/${name}/`;
  return docMarkdown(name, kind, doc, doc.usage, link, lang);
}

function propertyMarkdown(plugin: string, name: string, doc: CorefileDoc, lang: Lang): string {
  const kind = loc(`property of the \`${plugin}\` plugin`, `\`${plugin}\` 플러그인의 속성`);
  return docMarkdown(name, kind, doc, `${plugin} {\n    ${doc.usage}\n}`, `https://coredns.io/plugins/${plugin}/`, lang);
}

/** What a server block key serves: its zones, port and transport, and the addresses it listens on (bind). */
function keyMarkdown(key: string, b: ServerBlock, lang: Lang): string {
  const head = `**${key}** — ${pick(loc('server block key', '서버 블록 키'), lang)}`;
  const z = normalizeKey(key);
  if ('error' in z)
    return [head, '', pick(loc(`CoreDNS refuses this key: ${z.error}`, `CoreDNS가 이 키를 받아들이지 않습니다: ${z.error}`), lang)].join(
      '\n',
    );
  const binds = [...new Set(b.plugins.filter((p) => p.name === 'bind').flatMap((p) => p.args))];
  const zones = z.zones.map((x) => `\`${x.zone}\``).join(', ');
  const first = z.zones[0]!;
  const listen = binds.length
    ? loc(`${binds.map((a) => `\`${a}\``).join(', ')} (\`bind\`)`, `${binds.map((a) => `\`${a}\``).join(', ')} (\`bind\`)`)
    : loc('every address of the host (no `bind` plugin)', '호스트의 모든 주소 (`bind` 플러그인 없음)');
  return [
    head,
    '',
    `- ${pick(loc(z.zones.length > 1 ? 'Zones' : 'Zone', '존'), lang)}: ${zones}`,
    `- ${pick(loc('Port', '포트'), lang)}: ${first.port || '-'} (${first.transport})`,
    `- ${pick(loc('Listens on', '수신 대기 주소'), lang)}: ${pick(listen, lang)}`,
  ].join('\n');
}

/** The hover at `pos`: a plugin's name, one of its block's properties, or a server block key. */
export function corefileHoverAt(text: string, pos: FilePos, lang: Lang, file = 'Corefile'): HoverModel | undefined {
  const words = lex(text);
  const at = (t: Token) => !t.quoted && inRange({ line: t.line, column: t.col, endLine: t.endLine, endColumn: t.endCol }, pos);
  const blocks = parseCorefile(text, file).blocks;
  for (const b of blocks) {
    for (const p of b.plugins) {
      const t = p.tree;
      if (at(t.name) && has(COREFILE_DOCS, t.name.text))
        return { markdown: directiveMarkdown(t.name.text, COREFILE_DOCS[t.name.text]!, lang), range: rangeOf(file, t.name) };
      for (const q of t.block ?? []) {
        const doc = at(q.name) ? propertyDoc(t.name.text, q.name.text) : undefined;
        if (doc) return { markdown: propertyMarkdown(t.name.text, q.name.text, doc, lang), range: rangeOf(file, q.name) };
      }
    }
    if (b.snippet) continue;
    const key = blockWords(words, b).keys.find(at);
    if (key) return { markdown: keyMarkdown(key.text.replace(/,$/, ''), b, lang), range: rangeOf(file, key) };
  }
  return undefined;
}

/**
 * The completion items at `pos`: the directives (every plugin and `import`) as the first word of a line
 * in a server block or snippet, a plugin's properties as the first word of a line in its own block.
 */
export function corefileCompletions(text: string, pos: FilePos, lang: Lang): CompletionModel[] {
  const words = lex(text).filter((w) => before(w, { line: pos.line, col: pos.column }));
  // The word being typed is not context.
  const typing = words[words.length - 1];
  if (typing && typing.endLine === pos.line && typing.endCol >= pos.column) words.pop();
  const stack: string[] = [];
  let lineFirst: Token | undefined;
  let prevFirst: Token | undefined;
  let prev: Token | undefined;
  for (const w of words) {
    if (!prev || w.line > prev.endLine || (!prev.quoted && (prev.text === '{' || prev.text === '}'))) {
      prevFirst = lineFirst;
      lineFirst = w;
    }
    // A `{` alone on its line opens the block of the line before (caddy takes it so).
    if (!w.quoted && w.text === '{') stack.push((lineFirst === w ? prevFirst : lineFirst)?.text ?? '');
    else if (!w.quoted && w.text === '}') stack.pop();
    prev = w;
  }
  const last = words[words.length - 1];
  // `import ` as a line's first word: the snippets the file defines.
  if (last && last === lineFirst && last.line === pos.line && last.text === 'import' && !last.quoted)
    return parseCorefile(text, 'Corefile')
      .blocks.filter((b) => b.snippet)
      .map((b) => {
        const name = b.keys[0]!.slice(1, -1);
        const detail = pick(loc(`snippet (line ${b.range.line})`, `스니펫 (${b.range.line}번째 줄)`), lang);
        return {
          label: name,
          kind: 'snippet' as const,
          detail,
          documentation: `\`\`\`corefile
import ${name}
\`\`\``,
        };
      });
  // Only the first word of a line (or the first after a brace) is a directive or a property.
  if (last && last.endLine === pos.line && !(!last.quoted && (last.text === '{' || last.text === '}'))) return [];
  if (stack.length === 1)
    return Object.entries(COREFILE_DOCS).map(([name, doc]) => ({
      label: name,
      kind: name === 'import' ? 'directive' : 'plugin',
      detail: doc.usage,
      documentation: directiveMarkdown(name, doc, lang),
    }));
  const plugin = stack[stack.length - 1];
  if (stack.length === 2 && plugin !== undefined && has(PROPERTY_DOCS, plugin))
    return Object.entries(PROPERTY_DOCS[plugin]!).map(([name, doc]) => ({
      label: name,
      kind: 'property',
      detail: doc.usage,
      documentation: propertyMarkdown(plugin, name, doc, lang),
    }));
  return [];
}
