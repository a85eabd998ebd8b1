/**
 * Zone files read as CoreDNS's file plugin reads them (miekg/dns ZoneParser): the records a file
 * gives (names, TTLs, classes, data) and the diagnostics, with their places and miekg/dns's words.
 */
import { strict as assert } from 'node:assert';
import { parseZone } from '../../../../src/core/dns/zone/parse';
import { rdataText } from '../../../../src/core/dns/zone/rdata';
import { reverseName, stringToTTL } from '../../../../src/core/dns/zone/names';

const SOA = '@ IN SOA ns1 hostmaster 1 7200 3600 1209600 300\n';
const read = (text: string, origin = 'example.org') => parseZone(text, { file: 'db.example.org', origin });
/** Each record as `name ttl class type data`. */
const rows = (text: string, origin?: string) =>
  read(text, origin).records.map((r) => `${r.name} ${r.ttl} ${r.cls} ${r.type} ${rdataText(r.data)}`);
/** Each diagnostic as `line:col-endCol severity code: english`. */
const diags = (text: string, origin?: string) =>
  read(text, origin).diagnostics.map((d) => `${d.line}:${d.column}-${d.endColumn} ${d.severity} ${d.code}: ${d.message.en}`);

describe('zone file: records', () => {
  it('reads owners (@, relative, absolute, blank = previous), $TTL, explicit TTLs with units and classes in either order', () => {
    const text = `$TTL 1h\n${SOA}  IN NS ns1\nns1 A 10.0.0.53\nwww 300 IN A 10.0.0.80\n IN 5m AAAA 2001:DB8:0::0080\nmail.example.org. 1d A 10.0.0.25\n`;
    assert.deepEqual(rows(text), [
      'example.org. 3600 IN SOA ns1.example.org. hostmaster.example.org. 1 7200 3600 1209600 300',
      'example.org. 3600 IN NS ns1.example.org.',
      'ns1.example.org. 3600 IN A 10.0.0.53',
      'www.example.org. 300 IN A 10.0.0.80',
      'www.example.org. 300 IN AAAA 2001:db8::80',
      'mail.example.org. 86400 IN A 10.0.0.25',
    ]);
    assert.deepEqual(diags(text), []);
  });

  it('without $TTL, a record’s TTL becomes the default for the next ones; $TTL wins over it', () => {
    assert.deepEqual(rows(`@ 60 IN SOA ns1 h 1 2 3 4 5\nwww A 10.0.0.1\n`), [
      'example.org. 60 IN SOA ns1.example.org. h.example.org. 1 2 3 4 5',
      'www.example.org. 60 IN A 10.0.0.1',
    ]);
    assert.deepEqual(rows(`$TTL 30\n@ 60 IN SOA ns1 h 1 2 3 4 5\nwww A 10.0.0.1\n`)[1], 'www.example.org. 30 IN A 10.0.0.1');
  });

  it('joins lines in parentheses, drops comments, takes SOA timers with units', () => {
    const text = `$TTL 60\n@ IN SOA ns1.example.org. hostmaster.example.org. ( ; the SOA\n  2024010101 ; serial\n  1h 15m 1w2d ; timers\n  300 )\n`;
    assert.deepEqual(rows(text), ['example.org. 60 IN SOA ns1.example.org. hostmaster.example.org. 2024010101 3600 900 777600 300']);
  });

  it('$ORIGIN changes how later relative names end; names are lower-cased (SRV owners and targets keep their case)', () => {
    const text = `$TTL 60\n${SOA}$ORIGIN Sub.example.org.\nWWW CNAME Web\n_SIP._tcp SRV 10 5 5060 Web\n`;
    assert.deepEqual(rows(text).slice(1), [
      'www.sub.example.org. 60 IN CNAME web.sub.example.org.',
      '_SIP._tcp.Sub.example.org. 60 IN SRV 10 5 5060 Web.Sub.example.org.',
    ]);
  });

  it('reads TXT strings, quoted (with escapes and spaces) or not, and MX, PTR in a reverse zone', () => {
    assert.deepEqual(rows(`$TTL 60\n${SOA}t TXT "hello world" "a\\"b;c" plain\n@ MX 10 mail\n`).slice(1), [
      't.example.org. 60 IN TXT "hello world" "a\\"b;c" "plain"',
      'example.org. 60 IN MX 10 mail.example.org.',
    ]);
    assert.deepEqual(
      rows(`$TTL 60\n@ SOA ns1.example.org. h.example.org. 1 2 3 4 5\n80 PTR web.example.org.\n`, '0.0.10.in-addr.arpa')[1],
      '80.0.0.10.in-addr.arpa. 60 IN PTR web.example.org.',
    );
    assert.equal(reverseName('10.0.0.80'), '80.0.0.10.in-addr.arpa.');
    assert.equal(reverseName('2001:db8::1'), '1.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.ip6.arpa.');
  });

  it('a parenthesis does not end a word (miekg/dns reads `h.(1` as `h.1`), and each record’s first error is reported', () => {
    assert.deepEqual(rows('$TTL 60\n@ SOA ns1. h.(1 2 3 4 5 6)\n')[0], 'example.org. 60 IN SOA ns1. h.1.example.org. 2 3 4 5 6');
    assert.deepEqual(
      read(`$TTL 60\n${SOA}a A 1\nb A 2\nc A 10.0.0.1\n`).diagnostics.map((d) => `${d.line} ${d.code}`),
      ['3 zone-bad-rdata', '4 zone-bad-rdata'],
    );
  });

  it('reads TTLs as miekg/dns does', () => {
    assert.deepEqual(['300', '1h30m', '1W', '2d1s', '4294967295', '4294967296', '1x', '-1', ''].map(stringToTTL), [
      300,
      5400,
      604800,
      172801,
      4294967295,
      undefined,
      undefined,
      undefined,
      0,
    ]);
  });

  it('keeps other types miekg/dns knows as text (CAA), and TYPEnn', () => {
    assert.deepEqual(rows(`$TTL 60\n${SOA}@ CAA 0 issue "letsencrypt.org"\n@ TYPE65280 \\# 0\n`).slice(1), [
      'example.org. 60 IN CAA 0 issue "letsencrypt.org"',
      'example.org. 60 IN TYPE65280 \\# 0',
    ]);
  });
});

describe('zone file: errors and warnings', () => {
  const cases: [string, string, string[]][] = [
    [
      'a bad IPv4 address',
      'www IN A 10.0.0.256\n',
      ['3:10-20 error zone-bad-rdata: Bad A record: "10.0.0.256" is not an IPv4 address (CoreDNS: dns: bad A A: "10.0.0.256").'],
    ],
    [
      'an IPv4 address in AAAA',
      'www AAAA 10.0.0.1\n',
      ['3:10-18 error zone-bad-rdata: Bad AAAA record: "10.0.0.1" is not an IPv6 address (CoreDNS: dns: bad AAAA AAAA: "10.0.0.1").'],
    ],
    [
      'an MX preference too large',
      '@ MX 65536 mail\n',
      ['3:6-11 error zone-bad-rdata: Bad MX record: "65536" is not a preference from 0 to 65535 (CoreDNS: dns: bad MX Pref: "65536").'],
    ],
    [
      'an SRV without its target',
      '_s._tcp SRV 1 2 3\n',
      ['3:18-19 error zone-bad-rdata: Bad SRV record: "" is not a valid domain name (CoreDNS: dns: bad SRV Target: "\\n").'],
    ],
    [
      'a word after the data',
      'www A 10.0.0.1 10.0.0.2\n',
      ['3:16-24 error zone-syntax: Extra words after the record’s data (CoreDNS: dns: garbage after rdata: "10.0.0.2").'],
    ],
    [
      'an unknown type after the class',
      'www IN AA 10.0.0.1\n',
      ['3:8-10 error zone-unknown-type: Unknown record type "AA"; did you mean A? (CoreDNS: dns: not a TTL: "AA").'],
    ],
    [
      'an unknown type after class and TTL',
      'www IN 60 CNAMES web\n',
      ['3:11-17 error zone-unknown-type: Unknown record type "CNAMES"; did you mean CNAME? (CoreDNS: dns: unknown RR type: "CNAMES").'],
    ],
    [
      'a bad TTL',
      'www 5x A 10.0.0.1\n',
      ['3:5-7 error zone-syntax: A TTL was expected here (digits, with units s m h d w) (CoreDNS: dns: not a TTL: "5x").'],
    ],
    [
      'a type with no data',
      'www A\nweb A 10.0.0.1\n',
      ['3:6-7 error zone-syntax: The record ends before its data (CoreDNS: dns: unexpected newline: "\\n").'],
    ],
    ['an extra ")"', 'www A 10.0.0.1 )\n', ['3:16-17 error zone-syntax: A ")" closes no "(" (CoreDNS: dns: extra closing brace: ")").']],
    [
      'a "(" never closed',
      'www A ( 10.0.0.1\n',
      ['3:7-8 error zone-syntax: This "(" is never closed (CoreDNS: dns: unbalanced brace: "(").'],
    ],
    [
      'a quote never closed',
      't TXT "abc\n',
      ['3:7-8 error zone-syntax: This quoted string is never closed (CoreDNS: dns: unterminated quoted string: "\\"").'],
    ],
    [
      'a label over 63 octets',
      `${'a'.repeat(64)} A 10.0.0.1\n`,
      ['3:1-65 error zone-syntax: The owner is not a valid domain name (CoreDNS: dns: bad owner name: "' + 'a'.repeat(64) + '").'],
    ],
    [
      'an empty label',
      'a..b A 10.0.0.1\n',
      ['3:1-5 error zone-syntax: The owner is not a valid domain name (CoreDNS: dns: bad owner name: "a..b").'],
    ],
    [
      'a bad $TTL',
      '$TTL 1y\n',
      [
        '3:6-8 error zone-syntax: A TTL was expected here (digits, with units s m h d w) (CoreDNS: dns: expecting $TTL value, not this...: "1y").',
      ],
    ],
    [
      '$INCLUDE',
      '$INCLUDE db.more\n',
      [
        '3:1-9 warning zone-not-simulated: $INCLUDE is not simulated: the records of db.more are not in the zone knetlab answers from (CoreDNS reads them).',
      ],
    ],
    [
      'a CNAME beside other data',
      'www CNAME web\nwww A 10.0.0.1\nweb A 10.0.0.2\n',
      [
        '3:1-14 warning zone-cname-conflict: www.example.org. has a CNAME and other data (A at line 4): a CNAME must be alone at its name (RFC 1034 3.6.2); CoreDNS answers every other type with the CNAME.',
      ],
    ],
    [
      'an MX target that is an alias',
      '@ MX 10 mail\nmail CNAME web\nweb A 10.0.0.1\n',
      [
        '3:1-13 warning zone-target-cname: The MX target mail.example.org. is an alias (CNAME at line 4): an MX must name the host itself (RFC 2181 10.3); CoreDNS adds no address for it in the additional section.',
      ],
    ],
    [
      'a record outside the zone',
      'www.example.net. A 10.0.0.1\n',
      ['3:1-28 warning zone-out-of-zone: www.example.net. is outside the zone example.org.: CoreDNS loads it but never answers for it.'],
    ],
  ];
  for (const [what, rest, want] of cases) {
    it(what, () => assert.deepEqual(diags(`$TTL 60\n${SOA}${rest}`), want));
  }

  it('a record with no TTL and none before it: an error with no class, TTL 0 with one (as miekg/dns)', () => {
    assert.deepEqual(diags('@ SOA ns1 h 1 2 3 4 5\n'), [
      '1:3-6 error zone-syntax: This record has no TTL and none came before it (no $TTL, no earlier TTL) (CoreDNS: dns: missing TTL with no previous value: "SOA").',
      '1:1-2 error zone-soa: The zone has no SOA record: CoreDNS refuses to load it (file "db.example.org" has no SOA record for origin example.org.).',
    ]);
    assert.deepEqual(diags(SOA), [
      '1:6-9 warning zone-syntax: This record has no TTL and none came before it: miekg/dns gives it a TTL of 0 (start the file with $TTL).',
    ]);
    assert.deepEqual(rows(SOA), ['example.org. 0 IN SOA ns1.example.org. hostmaster.example.org. 1 7200 3600 1209600 300']);
  });

  it('no SOA: CoreDNS refuses the zone; an SOA below the apex and a second SOA are warnings', () => {
    assert.deepEqual(diags('$TTL 60\nwww A 10.0.0.1\n'), [
      '1:1-2 error zone-soa: The zone has no SOA record: CoreDNS refuses to load it (file "db.example.org" has no SOA record for origin example.org.).',
    ]);
    assert.deepEqual(diags(`$TTL 60\n${SOA}sub SOA ns1 h 2 2 3 4 5\n`), [
      "3:1-24 warning zone-soa: This SOA is at sub.example.org., not at the zone's apex example.org.: CoreDNS still takes it as the zone's SOA.",
      '2:1-48 warning zone-soa: The zone has more than one SOA: CoreDNS keeps the last one (line 3) and ignores this one.',
    ]);
  });

  it('relative names with no origin are bad owner names, with the way out', () => {
    const d = parseZone('$TTL 60\n@ SOA ns1 h 1 2 3 4 5\n', { file: 'zonefile' }).diagnostics;
    assert.equal(d[0]!.code, 'zone-syntax');
    assert.match(
      d[0]!.message.en,
      /no origin: start the file with \$ORIGIN, or check it as db\.ZONE or ZONE\.zone \(CoreDNS: dns: bad owner name: "@"\)/,
    );
    assert.deepEqual(parseZone('$ORIGIN example.org.\n$TTL 60\n@ SOA ns1 h 1 2 3 4 5\n', { file: 'zonefile' }).diagnostics, []);
  });

  it('every message has its Korean form', () => {
    const d = read(`$TTL 60\n${SOA}www IN AA 10.0.0.1\nweb A 1.2.3\n`).diagnostics;
    assert.deepEqual(
      d.map((x) => x.message.ko),
      [
        '알 수 없는 레코드 타입 "AA". A를 뜻했나요? (CoreDNS: dns: not a TTL: "AA").',
        '잘못된 A 레코드: "1.2.3"은 IPv4 주소가 아닙니다 (CoreDNS: dns: bad A A: "1.2.3").',
      ],
    );
  });
});
