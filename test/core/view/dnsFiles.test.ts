/**
 * Zone files and the resolver's files in the editor (src/core/view/dnsZone.ts, dnsResolver.ts): the
 * outline, and hovers in both languages on the words as miekg/dns and glibc read them.
 */
import { strict as assert } from 'node:assert';
import { resolverHoverAt, resolverOutline, zoneHoverAt, zoneOutline, type OutlineItem } from '../../../src/core/view/dnsEditor';
import {
  NSS_ACTION_DOCS,
  NSS_SOURCE_DOCS,
  NSS_STATUS_DOCS,
  RESOLV_KEYWORD_DOCS,
  RESOLV_OPTION_DOCS,
} from '../../../src/core/dns/files/docs';
import { ZONE_DIRECTIVE_DOCS, ZONE_TYPE_DOCS } from '../../../src/core/dns/zone/docs';
import { zoneFileOrigin, zoneOriginOf } from '../../../src/core/dns/zone/file';

function show(items: readonly OutlineItem[], depth = 0): string[] {
  return items.flatMap((i) => [
    `${'  '.repeat(depth)}${i.kind} ${i.name} (${i.detail}) ${i.range.line}:${i.range.column}-${i.range.endLine}:${i.range.endColumn}`,
    ...show(i.children, depth + 1),
  ]);
}

const ZONE = [
  '$TTL 300', // 1
  '@ IN SOA ns1 hostmaster 1 7200 3600 1209600 300', // 2
  '  IN NS ns1', // 3
  'ns1 A 10.0.0.53', // 4
  'www 60 IN A 10.0.0.80', // 5
  'mail IN 1h MX 10 www ; the mail server', // 6
  '$ORIGIN sub.example.org.', // 7
  'host AAAA 2001:db8::1', // 8
  'ns1.example.org. TXT "x"', // 9
  '',
].join('\n');
const hover = (line: number, column: number, lang: 'en' | 'ko' = 'en') =>
  zoneHoverAt(ZONE, { line, column }, lang, 'db.example.org', 'example.org');

describe('zone file in the editor', () => {
  it('knows zone files by name as `knetlab check` does, and their zone', () => {
    assert.deepEqual(
      ['/z/db.example.org', 'example.org.zone', 'C:\\z\\db.10.in-addr.arpa', 'db.yaml', 'db.json', 'lab.yaml', 'db.', 'x.conf'].map(
        zoneFileOrigin,
      ),
      ['example.org', 'example.org', '10.in-addr.arpa', undefined, undefined, undefined, undefined, undefined],
    );
    assert.equal(zoneOriginOf('db.example.org'), 'example.org');
    assert.equal(zoneOriginOf('db.my zone'), undefined);
  });

  it('outlines records by owner, in the order owners first appear, each record with its TTL, class and data', () => {
    assert.deepEqual(show(zoneOutline(ZONE, 'db.example.org', 'example.org')), [
      'owner example.org. (SOA NS) 2:1-3:12',
      '  record SOA (300 IN ns1.example.org. hostmaster.example.org. 1 7200 3600 1209600 300) 2:1-2:48',
      '  record NS (300 IN ns1.example.org.) 3:3-3:12',
      'owner ns1.example.org. (A TXT) 4:1-9:25',
      '  record A (300 IN 10.0.0.53) 4:1-4:16',
      '  record TXT (300 IN "x") 9:1-9:25',
      'owner www.example.org. (A) 5:1-5:22',
      '  record A (60 IN 10.0.0.80) 5:1-5:22',
      'owner mail.example.org. (MX) 6:1-6:21',
      '  record MX (3600 IN 10 www.example.org.) 6:1-6:21',
      'owner host.sub.example.org. (AAAA) 8:1-8:22',
      '  record AAAA (300 IN 2001:db8::1) 8:1-8:22',
    ]);
    // each record's name in the outline is its first word: the owner, or its first field
    const sel = zoneOutline(ZONE, 'db.example.org', 'example.org')[0]!.children.map(
      (c) => `${c.selection.line}:${c.selection.column}-${c.selection.endColumn}`,
    );
    assert.deepEqual(sel, ['2:1-2', '3:3-5']);
  });

  it('hovers on directives, with their doc and an example', () => {
    const d = ZONE_DIRECTIVE_DOCS['$TTL']!;
    assert.deepEqual(hover(1, 2), {
      markdown: `**$TTL** — directive\n\n${d.text.en}\n\n\`\`\`dns-zone\n${d.usage}\n\`\`\``,
      range: { file: 'db.example.org', line: 1, column: 1, endLine: 1, endColumn: 5 },
    });
    assert.equal(
      hover(7, 3, 'ko')!.markdown,
      `**$ORIGIN** — 지시어\n\n${ZONE_DIRECTIVE_DOCS['$ORIGIN']!.text.ko}\n\n\`\`\`dns-zone\n$ORIGIN example.org.\n\`\`\``,
    );
  });

  it('hovers on record types (the simulated ones with their fields, any other miekg/dns type), classes and TTLs', () => {
    assert.equal(
      hover(2, 6)!.markdown,
      `**SOA** — record type\n\n${ZONE_TYPE_DOCS['SOA']!.text.en}\n\n\`\`\`dns-zone\n${ZONE_TYPE_DOCS['SOA']!.usage}\n\`\`\``,
    );
    assert.equal(hover(6, 12, 'ko')!.markdown.split('\n')[0], '**MX** — 레코드 타입');
    assert.deepEqual(hover(3, 7)!.range, { file: 'db.example.org', line: 3, column: 6, endLine: 3, endColumn: 8 });
    assert.equal(hover(2, 3)!.markdown.split('\n')[0], '**IN** — class');
    assert.equal(hover(5, 5)!.markdown, '**60** — TTL: 60 seconds');
    assert.equal(hover(6, 10, 'ko')!.markdown, '**1h** — TTL: 3600초');
    assert.equal(
      zoneHoverAt('@ 300 IN NAPTR 1 1 "u" "" "" .\n', { line: 1, column: 11 }, 'en', 'x.zone', 'x')!.markdown,
      '**NAPTR** — record type\n\nA record type miekg/dns reads: CoreDNS serves it as written; knetlab keeps its data as text.',
    );
  });

  it('hovers on owners, made absolute with the origin in force there', () => {
    assert.equal(hover(2, 1)!.markdown, '**@** — Owner: `example.org.` (the name the records of this line are for).');
    assert.equal(hover(8, 2, 'ko')!.markdown, '**host** — 소유자: `host.sub.example.org.` (이 줄의 레코드가 가리키는 이름).');
    assert.equal(
      zoneHoverAt('www A 10.0.0.1\n', { line: 1, column: 1 }, 'en', 'zonefile')!.markdown,
      '**www** — Owner: a relative name with no origin known (no $ORIGIN, and no zone in the file name).',
    );
  });

  it('has no hover on record data, comments or blank space', () => {
    assert.equal(hover(4, 10), undefined);
    assert.equal(hover(6, 16), undefined); // 10, MX's preference
    assert.equal(hover(6, 28), undefined); // the comment
    assert.equal(hover(3, 1), undefined);
    assert.equal(hover(20, 1), undefined);
  });
});

const RESOLV =
  '# made by hand\nnameserver 10.0.0.2\nsearch lab.local example.org\noptions ndots:5 rotate\nnameserver 1.1.1.1\nnameserver 1.1.1.2\nnameserver 1.1.1.3\n';
const NSS = 'passwd: files\nhosts: files [NOTFOUND=return] dns myhostname # local first\n';
const HOSTS = '127.0.0.1 localhost\n10.0.0.5 web web.lab # the web server\n';

describe('resolver files in the editor', () => {
  it('outlines resolv.conf by keyword, its options inside, a name server past the third marked as never asked', () => {
    assert.deepEqual(show(resolverOutline('resolv', RESOLV, 'resolv.conf', 'en')), [
      'keyword nameserver (10.0.0.2) 2:1-2:20',
      'keyword search (lab.local example.org) 3:1-3:29',
      'keyword options (ndots:5 rotate) 4:1-4:23',
      '  option ndots:5 () 4:9-4:16',
      '  option rotate () 4:17-4:23',
      'keyword nameserver (1.1.1.1) 5:1-5:19',
      'keyword nameserver (1.1.1.2) 6:1-6:19',
      'keyword nameserver (1.1.1.3 (not read: glibc asks the first 3)) 7:1-7:19',
    ]);
    assert.equal(resolverOutline('resolv', RESOLV, 'resolv.conf', 'ko')[5]!.detail, '1.1.1.3 (읽지 않음: glibc는 앞의 3개만 씁니다)');
  });

  it('outlines nsswitch.conf by database, its sources inside, and hosts by canonical name', () => {
    assert.deepEqual(show(resolverOutline('nsswitch', NSS, 'nsswitch.conf', 'en')), [
      'database passwd (files) 1:1-1:14',
      '  source files () 1:9-1:14',
      'database hosts (files dns myhostname) 2:1-2:46',
      '  source files () 2:8-2:13',
      '  source dns () 2:32-2:35',
      '  source myhostname () 2:36-2:46',
    ]);
    assert.deepEqual(show(resolverOutline('hosts', HOSTS, 'hosts', 'en')), [
      'address localhost (127.0.0.1) 1:1-1:20',
      'address web (10.0.0.5 web.lab) 2:1-2:21',
    ]);
  });

  it('hovers on resolv.conf keywords and options (by their name before the colon), in both languages', () => {
    assert.deepEqual(resolverHoverAt('resolv', RESOLV, { line: 2, column: 3 }, 'en', 'resolv.conf'), {
      markdown: `**nameserver** — keyword\n\n${RESOLV_KEYWORD_DOCS['nameserver']!.en}`,
      range: { file: 'resolv.conf', line: 2, column: 1, endLine: 2, endColumn: 11 },
    });
    assert.equal(
      resolverHoverAt('resolv', RESOLV, { line: 4, column: 12 }, 'ko', 'resolv.conf')!.markdown,
      `**ndots:5** — 옵션\n\n${RESOLV_OPTION_DOCS['ndots']!.ko}`,
    );
    assert.equal(resolverHoverAt('resolv', RESOLV, { line: 3, column: 10 }, 'en', 'resolv.conf'), undefined); // a search domain
    assert.equal(resolverHoverAt('resolv', RESOLV, { line: 1, column: 3 }, 'en', 'resolv.conf'), undefined); // the comment
  });

  it('hovers on nsswitch.conf sources, statuses and actions', () => {
    const at = (column: number, lang: 'en' | 'ko' = 'en') =>
      resolverHoverAt('nsswitch', NSS, { line: 2, column }, lang, 'nsswitch.conf')?.markdown;
    assert.equal(at(9), `**files** — NSS source\n\n${NSS_SOURCE_DOCS['files']!.en}`);
    assert.equal(at(17, 'ko'), `**NOTFOUND** — 상태\n\n${NSS_STATUS_DOCS['NOTFOUND']!.ko}`);
    assert.equal(at(26), `**return** — action\n\n${NSS_ACTION_DOCS['return']!.en}`);
    assert.equal(at(38, 'ko'), `**myhostname** — NSS 소스\n\n${NSS_SOURCE_DOCS['myhostname']!.ko}`);
    assert.equal(at(2), '**hosts** — database');
    assert.equal(at(50), undefined); // the comment
  });

  it('hovers on a hosts line: the address, the canonical name, an alias', () => {
    const at = (column: number, lang: 'en' | 'ko' = 'en') => resolverHoverAt('hosts', HOSTS, { line: 2, column }, lang, 'hosts')?.markdown;
    assert.equal(at(2), '**10.0.0.5** — address\n\nThe address the names after it resolve to.');
    assert.equal(at(2, 'ko'), '**10.0.0.5** — 주소\n\n뒤에 오는 이름들이 해석되는 주소입니다.');
    assert.equal(at(11), '**web** — canonical name\n\nThe canonical name of 10.0.0.5: what a reverse lookup of the address gives.');
    assert.equal(at(11, 'ko'), '**web** — 정식 이름\n\n10.0.0.5의 정식 이름: 이 주소를 역방향으로 조회하면 나오는 이름입니다.');
    assert.equal(at(16), '**web.lab** — alias\n\nAnother name of 10.0.0.5.');
    assert.equal(at(16, 'ko'), '**web.lab** — 별칭\n\n10.0.0.5의 다른 이름입니다.');
    assert.equal(at(26), undefined);
  });
});
