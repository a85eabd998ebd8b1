import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { indexHosts, lookupHosts, parseHosts } from '../../../../src/core/dns/files/hosts';

const diags = (text: string) =>
  parseHosts(text, 'hosts').diagnostics.map((d) => [d.line, d.column, d.endColumn, d.severity, d.code, d.message.en, d.message.ko]);

describe('dns/files: /etc/hosts as glibc reads it', () => {
  const TEXT = [
    '127.0.0.1\tlocalhost',
    '::1     localhost ip6-localhost ip6-loopback',
    '# a comment',
    '   10.0.0.5   Web web.lab   # the web server',
    '10.0.0.6 db#comment right after the name',
    '',
    '::ffff:10.0.0.9 mapped',
    '10.0.0.7 web',
  ].join('\n');

  it('reads entries: the address, then the names with their columns; # ends a line; blank lines are nothing', () => {
    const h = parseHosts(TEXT, 'hosts');
    assert.deepEqual(
      h.entries.map((e) => [e.line, e.address, e.family, e.names.map((n) => `${n.text}@${n.column}`), e.range.column, e.range.endColumn]),
      [
        [1, '127.0.0.1', 4, ['localhost@11'], 1, 20],
        [2, '::1', 6, ['localhost@9', 'ip6-localhost@19', 'ip6-loopback@33'], 1, 45],
        [4, '10.0.0.5', 4, ['Web@15', 'web.lab@19'], 4, 26],
        [5, '10.0.0.6', 4, ['db@10'], 1, 12],
        [7, '::ffff:10.0.0.9', 6, ['mapped@17'], 1, 23],
        [8, '10.0.0.7', 4, ['web@10'], 1, 13],
      ],
    );
    assert.deepEqual(h.diagnostics, []);
  });

  it('lookups: names without case, file order; multi (Debian) returns every line, else the first', () => {
    const h = parseHosts(TEXT, 'hosts');
    const index = indexHosts(h);
    for (const opts of [{}, { index }]) {
      assert.deepEqual(
        lookupHosts(h, 'WEB', opts).map((m) => [m.entry.line, m.address]),
        [
          [4, '10.0.0.5'],
          [8, '10.0.0.7'],
        ],
      );
      assert.deepEqual(
        lookupHosts(h, 'web', { ...opts, multi: false }).map((m) => m.address),
        ['10.0.0.5'],
      );
    }
    // AF_INET (gethostbyname): ::1 reads as 127.0.0.1, a mapped address as its IPv4 one; AF_INET6 skips IPv4 lines.
    assert.deepEqual(
      lookupHosts(h, 'localhost', { family: 'ipv4' }).map((m) => m.address),
      ['127.0.0.1', '127.0.0.1'],
    );
    assert.deepEqual(
      lookupHosts(h, 'mapped', { family: 'ipv4' }).map((m) => m.address),
      ['10.0.0.9'],
    );
    assert.deepEqual(
      lookupHosts(h, 'localhost', { family: 'ipv6' }).map((m) => m.address),
      ['::1'],
    );
    assert.deepEqual(lookupHosts(h, 'nothere'), []);
    assert.deepEqual(lookupHosts(h, 'comment'), []);
  });

  it('diagnostics: what glibc skips silently, at the address, in English and Korean', () => {
    assert.deepEqual(diags('10.0.0.256 web\n  10.1 short\nfe80::1%eth0 ll\n10.0.0.6\nweb 10.0.0.1\n'), [
      [
        1,
        1,
        11,
        'warning',
        'hosts-bad-address',
        '"10.0.0.256" is not an IPv4 or IPv6 address as glibc reads one (inet_pton): glibc skips this line.',
        '"10.0.0.256"은 glibc가 읽는 IPv4나 IPv6 주소(inet_pton)가 아닙니다. glibc는 이 줄을 건너뜁니다.',
      ],
      [
        2,
        3,
        7,
        'warning',
        'hosts-bad-address',
        '"10.1" is not an IPv4 or IPv6 address as glibc reads one (inet_pton): glibc skips this line.',
        '"10.1"은 glibc가 읽는 IPv4나 IPv6 주소(inet_pton)가 아닙니다. glibc는 이 줄을 건너뜁니다.',
      ],
      [
        3,
        1,
        13,
        'warning',
        'hosts-bad-address',
        `"fe80::1%eth0" carries a scope (%...), which glibc's inet_pton does not read: glibc skips this line.`,
        '"fe80::1%eth0"에는 범위(%...)가 붙어 있는데 glibc의 inet_pton은 이를 읽지 못합니다. glibc는 이 줄을 건너뜁니다.',
      ],
      [
        4,
        1,
        9,
        'warning',
        'hosts-no-name',
        'The address 10.0.0.6 has no name on this line: no lookup finds it.',
        '이 줄의 주소 10.0.0.6에는 이름이 없어 어떤 조회도 이 줄을 찾지 못합니다.',
      ],
      [
        5,
        1,
        4,
        'warning',
        'hosts-bad-address',
        '"web" is not an IPv4 or IPv6 address as glibc reads one (inet_pton): glibc skips this line.',
        '"web"는 glibc가 읽는 IPv4나 IPv6 주소(inet_pton)가 아닙니다. glibc는 이 줄을 건너뜁니다.',
      ],
    ]);
  });

  it('inet_pton as glibc: no leading zero, four parts, IPv6 with one ::, an IPv4 tail', () => {
    const ok = (a: string) => parseHosts(`${a} x\n`).entries.length === 1;
    assert.deepEqual(
      [
        '010.0.0.1',
        '1.2.3',
        '1.2.3.4.5',
        '0.0.0.0',
        '::',
        '1::2::3',
        '::1.2.3.4',
        '1:2:3:4:5:6:7:8',
        '1:2:3:4:5:6:7:8:9',
        '12345::1',
        'a:b:c:d:e:f:1.2.3.4',
      ].map(ok),
      [false, false, false, true, true, false, true, true, false, false, true],
    );
  });

  it('never throws on random lines, and every diagnostic lies on its line', () => {
    const tok = fc.constantFrom('10.0.0.1', '::1', '#', ' ', '\t', '\n', '\r\n', 'web', '%', '1.2.3', 'fe80::1%e', '', 'x'.repeat(70));
    fc.assert(
      fc.property(fc.array(tok, { maxLength: 40 }), (ts) => {
        const text = ts.join('');
        const h = parseHosts(text);
        const lines = text.split('\n').length;
        for (const d of h.diagnostics) assert.ok(d.line >= 1 && d.line <= lines && d.endColumn > d.column);
        for (const e of h.entries) assert.ok(e.names.length > 0);
      }),
      { numRuns: 300 },
    );
  });
});
