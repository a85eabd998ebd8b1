/**
 * A Corefile in the editor (src/core/view/dnsCorefile.ts): the outline (blocks with the zones their
 * keys serve, snippets, plugins with their properties), hovers on plugins, properties and server
 * keys, in both languages, and completion by where the cursor is.
 */
import { strict as assert } from 'node:assert';
import { corefileCompletions, corefileHoverAt, corefileOutline, type OutlineItem } from '../../../src/core/view/dnsEditor';
import { COREFILE_DOCS, PROPERTY_DOCS } from '../../../src/core/dns/corefile';

const COREFILE = [
  '(common) {', // 1
  '  errors', // 2
  '}', // 3
  '', // 4
  'example.org:1053 10.0.0.0/15 {', // 5
  '  import common', // 6
  '  bind 10.0.0.1', // 7
  '  forward . 8.8.8.8 {', // 8
  '    max_fails 3', // 9
  '  }', // 10
  '  ', // 11
  '}', // 12
  '.:53 {', // 13
  '  cache 30', // 14
  '  hosts', // 15
  '  {', // 16
  '    ', // 17
  '  }', // 18
  '}', // 19
  '',
].join('\n');

/** Each item as `name (detail) L:C-L:C` with its children indented. */
function show(items: readonly OutlineItem[], depth = 0): string[] {
  return items.flatMap((i) => [
    `${'  '.repeat(depth)}${i.kind} ${i.name} (${i.detail}) ${i.range.line}:${i.range.column}-${i.range.endLine}:${i.range.endColumn} sel ${i.selection.line}:${i.selection.column}-${i.selection.endLine}:${i.selection.endColumn}`,
    ...show(i.children, depth + 1),
  ]);
}

describe('Corefile in the editor: outline', () => {
  it('shows snippets and server blocks (with the zones their keys serve), their own plugins and the plugins’ properties', () => {
    assert.deepEqual(show(corefileOutline(COREFILE, 'en')), [
      'snippet (common) (snippet) 1:1-3:2 sel 1:1-1:9',
      '  plugin errors () 2:3-2:9 sel 2:3-2:9',
      'server example.org:1053 10.0.0.0/15 (dns://example.org.:1053 dns://0.10.in-addr.arpa.:53 dns://1.10.in-addr.arpa.:53) 5:1-12:2 sel 5:1-5:29',
      '  plugin bind (10.0.0.1) 7:3-7:16 sel 7:3-7:7',
      '  plugin forward (. 8.8.8.8) 8:3-10:4 sel 8:3-8:10',
      '    property max_fails (3) 9:5-9:16 sel 9:5-9:14',
      'server .:53 (dns://.:53) 13:1-19:2 sel 13:1-13:5',
      '  plugin cache (30) 14:3-14:11 sel 14:3-14:8',
      '  plugin hosts () 15:3-18:4 sel 15:3-15:8',
    ]);
    assert.equal(corefileOutline(COREFILE, 'ko')[0]!.detail, '스니펫');
  });

  it('shows the blocks read before a structural error (as CoreDNS stops there), unknown plugins too, and nothing of an empty file', () => {
    assert.deepEqual(show(corefileOutline('.:53 {\n  whoamii\n}\nexample.org {\n  forward .\n', 'en')), [
      'server .:53 (dns://.:53) 1:1-3:2 sel 1:1-1:5',
      '  plugin whoamii () 2:3-2:10 sel 2:3-2:10',
    ]);
    assert.deepEqual(corefileOutline('', 'en'), []);
  });
});

describe('Corefile in the editor: hovers', () => {
  it('on a server block key: its zones, port and transport, and the addresses it listens on', () => {
    assert.deepEqual(corefileHoverAt(COREFILE, { line: 5, column: 3 }, 'en'), {
      markdown: '**example.org:1053** — server block key\n\n- Zone: `example.org.`\n- Port: 1053 (dns)\n- Listens on: `10.0.0.1` (`bind`)',
      range: { file: 'Corefile', line: 5, column: 1, endLine: 5, endColumn: 17 },
    });
    assert.equal(
      corefileHoverAt(COREFILE, { line: 5, column: 20 }, 'ko')!.markdown,
      '**10.0.0.0/15** — 서버 블록 키\n\n- 존: `0.10.in-addr.arpa.`, `1.10.in-addr.arpa.`\n- 포트: 53 (dns)\n- 수신 대기 주소: `10.0.0.1` (`bind`)',
    );
    assert.equal(
      corefileHoverAt(COREFILE, { line: 13, column: 1 }, 'en')!.markdown,
      '**.:53** — server block key\n\n- Zone: `.`\n- Port: 53 (dns)\n- Listens on: every address of the host (no `bind` plugin)',
    );
    assert.equal(
      corefileHoverAt(COREFILE, { line: 13, column: 1 }, 'ko')!.markdown,
      '**.:53** — 서버 블록 키\n\n- 존: `.`\n- 포트: 53 (dns)\n- 수신 대기 주소: 호스트의 모든 주소 (`bind` 플러그인 없음)',
    );
  });

  it('on a key CoreDNS refuses: its error', () => {
    assert.equal(
      corefileHoverAt('a..b {\n  whoami\n}\n', { line: 1, column: 2 }, 'en')!.markdown,
      '**a..b** — server block key\n\nCoreDNS refuses this key: zone is not a valid domain name: a..b',
    );
    assert.equal(
      corefileHoverAt('a..b {\n  whoami\n}\n', { line: 1, column: 2 }, 'ko')!.markdown,
      '**a..b** — 서버 블록 키\n\nCoreDNS가 이 키를 받아들이지 않습니다: zone is not a valid domain name: a..b',
    );
  });

  it("on a plugin's property: its doc and its usage inside the plugin's block", () => {
    const doc = PROPERTY_DOCS['forward']!['max_fails']!;
    assert.deepEqual(corefileHoverAt(COREFILE, { line: 9, column: 7 }, 'en'), {
      markdown: `**max_fails** — property of the \`forward\` plugin\n\n${doc.en}\n\nUsage:\n\`\`\`corefile\nforward {\n    ${doc.usage}\n}\n\`\`\`\n\n[coredns.io](https://coredns.io/plugins/forward/)`,
      range: { file: 'Corefile', line: 9, column: 5, endLine: 9, endColumn: 14 },
    });
    assert.ok(
      corefileHoverAt(COREFILE, { line: 9, column: 7 }, 'ko')!.markdown.startsWith(
        `**max_fails** — \`forward\` 플러그인의 속성\n\n${doc.ko}\n\n사용법:`,
      ),
    );
  });

  it('on a plugin, in a block or in a snippet; nothing on arguments, comments or blank space', () => {
    const md = corefileHoverAt(COREFILE, { line: 8, column: 4 }, 'en')!.markdown;
    assert.ok(md.startsWith(`**forward** — CoreDNS plugin\n\n${COREFILE_DOCS['forward']!.en}\n\nUsage:`), md);
    assert.ok(corefileHoverAt(COREFILE, { line: 2, column: 4 }, 'ko')!.markdown.startsWith('**errors** — CoreDNS 플러그인'));
    assert.equal(corefileHoverAt(COREFILE, { line: 8, column: 15 }, 'en'), undefined); // 8.8.8.8
    assert.equal(corefileHoverAt(COREFILE, { line: 9, column: 15 }, 'en'), undefined); // 3
    assert.equal(corefileHoverAt(COREFILE, { line: 11, column: 2 }, 'en'), undefined);
    assert.equal(corefileHoverAt('# forward\n.:53 {\n  whoami\n}\n', { line: 1, column: 4 }, 'en'), undefined);
  });
});

describe('Corefile in the editor: completion', () => {
  const labels = (line: number, column: number, text = COREFILE) => corefileCompletions(text, { line, column }, 'en').map((c) => c.label);

  it('offers every directive as the first word of a line in a server block, with its usage and doc', () => {
    assert.deepEqual(labels(11, 3), Object.keys(COREFILE_DOCS));
    const c = corefileCompletions(COREFILE, { line: 11, column: 3 }, 'ko');
    assert.deepEqual(
      c.find((x) => x.label === 'import'),
      {
        label: 'import',
        kind: 'directive',
        detail: COREFILE_DOCS['import']!.usage,
        documentation: c.find((x) => x.label === 'import')!.documentation,
      },
    );
    assert.equal(c.find((x) => x.label === 'cache')!.kind, 'plugin');
    assert.ok(
      c.find((x) => x.label === 'cache')!.documentation.startsWith(`**cache** — CoreDNS 플러그인\n\n${COREFILE_DOCS['cache']!.ko}`),
    );
    // while the word is being typed, and inside a snippet
    assert.deepEqual(labels(14, 5), Object.keys(COREFILE_DOCS));
    assert.deepEqual(labels(2, 3), Object.keys(COREFILE_DOCS));
  });

  it("offers a plugin's properties in its block, also when its `{` is on the next line", () => {
    assert.deepEqual(labels(9, 5), Object.keys(PROPERTY_DOCS['forward']!));
    assert.deepEqual(labels(9, 8), Object.keys(PROPERTY_DOCS['forward']!));
    assert.deepEqual(labels(17, 5), Object.keys(PROPERTY_DOCS['hosts']!));
    assert.equal(corefileCompletions(COREFILE, { line: 9, column: 5 }, 'en')[0]!.kind, 'property');
  });

  it('offers nothing on a server block key, after a word on the same line, or in a block of no documented properties', () => {
    assert.deepEqual(labels(4, 1), []);
    assert.deepEqual(labels(5, 3), []);
    assert.deepEqual(labels(9, 16), []);
    assert.deepEqual(labels(14, 11), []);
    assert.deepEqual(labels(2, 1, '.:53 {\n  \n  whoami {\n    \n  }\n}\n'), Object.keys(COREFILE_DOCS));
    assert.deepEqual(labels(4, 5, '.:53 {\n  \n  whoami {\n    \n  }\n}\n'), []);
  });

  it('offers the snippets the file defines after `import`', () => {
    const text = '(common) {\n  errors\n}\n(logging) {\n  log\n}\n.:53 {\n  import \n  import co\n}\n';
    assert.deepEqual(corefileCompletions(text, { line: 8, column: 10 }, 'en'), [
      { label: 'common', kind: 'snippet', detail: 'snippet (line 1)', documentation: '```corefile\nimport common\n```' },
      { label: 'logging', kind: 'snippet', detail: 'snippet (line 4)', documentation: '```corefile\nimport logging\n```' },
    ]);
    assert.deepEqual(
      corefileCompletions(text, { line: 9, column: 12 }, 'ko').map((c) => c.detail),
      ['스니펫 (1번째 줄)', '스니펫 (4번째 줄)'],
    );
    assert.deepEqual(labels(8, 3, text), Object.keys(COREFILE_DOCS));
  });

  it('reads a block opened on the same line as its keys and a directive after a `{`', () => {
    assert.deepEqual(labels(1, 8, '.:53 { \n}\n'), Object.keys(COREFILE_DOCS));
  });
});
