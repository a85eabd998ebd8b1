/**
 * The one port of miekg/dns IsDomainName (defaults.go), read byte by byte as Go reads a string: the
 * edges where the zone file's and the Corefile's copies used to disagree, each with Go's answer worked
 * out from defaults.go (and miekg/dns's own TestIsDomainName cases, labels_test.go).
 */
import { strict as assert } from 'node:assert';
import { isDomainName, isFqdn } from '../../../../src/core/dns/zone/names';
import { normalizeKey } from '../../../../src/core/dns/corefile';
import { parseZone } from '../../../../src/core/dns/zone/parse';

/** miekg/dns msg_test.go's labels: 63 printable octets, and the same written as 63 `\DDD` escapes. */
const MAX_LABEL = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789x';
const MAX_ESCAPED = [...MAX_LABEL].map((_, i) => `\\${String(i % 32).padStart(3, '0')}`).join('');
const LONGEST = MAX_LABEL.slice(0, 61) + ['', '', '', ''].map(() => '.').join(MAX_LABEL);
const LONGEST_ESCAPED = MAX_ESCAPED.slice(0, 61 * 4) + ['', '', '', ''].map(() => '.').join(MAX_ESCAPED);
const a = (n: number) => 'a'.repeat(n);

const TABLE: readonly [string, string, boolean][] = [
  ['empty', '', false],
  ['the root', '.', true],
  ['two dots', '..', false],
  ['a leading dot', '.leading-dot.test', false],
  ['an empty label inside', 'double-dot..test', false],
  ['an empty label at the end', 'a.b..', false],
  ['relative', 'www.example.com', true],
  ['with its trailing dot', 'www.example.com.', true],
  ['almost any byte goes', 'www.e%ample.com', true],
  ['@ is a label like any other', '@.', true],
  ['an escaped letter, relative', 'mi\\k.nl', true],
  ['an escaped letter, absolute', 'mi\\k.nl.', true],
  ['an escaped dot inside a label', 'a\\.b', true],
  ['an escaped dot at the end is part of the label (Fqdn adds one)', 'a\\.', true],
  ['an escaped backslash before the last dot: absolute', 'a\\\\.', true],
  ['an escaped dot alone', '\\.', true],
  ['a backslash at the end escapes the dot Fqdn added', 'a\\', false],
  ['a lone backslash', '\\', false],
  ['two backslashes: an escaped backslash', '\\\\', true],
  ['\\DDD is one octet', '\\065.org.', true],
  ['\\DD is an escaped digit and a digit', 'a\\06', true],
  ['\\DDDD: three digits escaped, the fourth plain', '\\1234', true],
  ['a label of 63 octets', `${a(63)}.org`, true],
  ['a label of 64 octets', `${a(64)}.org`, false],
  ['63 escapes \\DDD are 63 octets', MAX_ESCAPED, true],
  ['64 escapes \\DDD are 64 octets', MAX_ESCAPED + '\\065', false],
  ['miekg/dns longestDomain (255 octets on the wire)', LONGEST, true],
  ['miekg/dns longestUnprintableDomain', LONGEST_ESCAPED, true],
  ["four 63-octet labels: Go's bound is 256, a byte past the wire's 255", [a(63), a(63), a(63), a(63)].join('.'), true],
  ['one more label past it', [a(63), a(63), a(63), a(63), 'b'].join('.'), false],
  ['labels count UTF-8 octets: 31 é and a (63)', 'é'.repeat(31) + 'a.org', true],
  ['labels count UTF-8 octets: 32 é (64)', 'é'.repeat(32) + '.org', false],
  ['a character outside the BMP is 4 octets: 15 and 3 (63)', '😀'.repeat(15) + 'abc', true],
  ['a character outside the BMP is 4 octets: 16 (64)', '😀'.repeat(16), false],
  ['an escaped multi-byte character', 'a\\é', true],
];

describe('isDomainName: miekg/dns IsDomainName, one port for zone files and Corefiles', () => {
  for (const [what, name, ok] of TABLE)
    it(`${what}: ${JSON.stringify(name.length > 40 ? name.slice(0, 37) + '...' : name)} -> ${ok}`, () => {
      assert.equal(isDomainName(name), ok);
    });

  it('IsFqdn: a trailing dot counts unless an odd run of backslashes escapes it (labels_test.go TestIsFqdnEscaped)', () => {
    const cases: [string, boolean][] = [
      ['.', true],
      ['\\.', false],
      ['\\\\.', true],
      ['\\\\\\.', false],
      ['a.', true],
      ['a\\.', false],
      ['a\\\\.', true],
      ['example\\.org.', true],
      ['example.org\\\\\\.', false],
      ['a', false],
      ['', false],
    ];
    assert.deepEqual(
      cases.map(([s]) => [s, isFqdn(s)]),
      cases,
    );
  });

  it('the Corefile uses it: a key CoreDNS takes (4 labels of 63) and one it refuses (a trailing backslash)', () => {
    const four = [a(63), a(63), a(63), a(63)].join('.');
    assert.deepEqual(normalizeKey(four), {
      zones: [{ transport: 'dns', zone: `${four}.`, port: '53', key: `dns://${four}.:53` }],
    });
    assert.deepEqual(normalizeKey('a\\'), { error: 'zone is not a valid domain name: a\\' });
    // dns.Fqdn: an escaped dot at the end is part of the label, so the key gets a dot of its own
    assert.deepEqual(normalizeKey('a\\.'), { zones: [{ transport: 'dns', zone: 'a\\..', port: '53', key: 'dns://a\\..:53' }] });
    assert.deepEqual(normalizeKey('é'.repeat(32) + '.org'), { error: `zone is not a valid domain name: ${'é'.repeat(32)}.org` });
  });

  it('zone files use it: an owner of 32 é is 64 octets, refused; 31 pass', () => {
    const zone = (owner: string) =>
      parseZone(`$ORIGIN example.org.\n$TTL 300\n@ IN SOA ns1 hostmaster 1 7200 3600 1209600 300\n${owner} A 10.0.0.1\n`, {
        file: 'db.example.org',
      }).diagnostics.map((d) => d.code);
    assert.deepEqual(zone('é'.repeat(32)), ['zone-syntax']);
    assert.deepEqual(zone('é'.repeat(31)), []);
  });
});
