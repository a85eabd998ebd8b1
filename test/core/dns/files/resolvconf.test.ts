import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { parseResolvConf } from '../../../../src/core/dns/files/resolvconf';

const conf = (text: string, hostname?: string) => parseResolvConf(text, 'resolv.conf', hostname === undefined ? {} : { hostname }).config;
const diags = (text: string) =>
  parseResolvConf(text, 'resolv.conf').diagnostics.map((d) => [
    d.line,
    d.column,
    d.endColumn,
    d.severity,
    d.code,
    d.message.en,
    d.message.ko,
  ]);
const where = (r: { range?: { line: number; column: number } }) => (r.range ? `${r.range.line}:${r.range.column}` : 'default');

describe('dns/files: /etc/resolv.conf as glibc 2.36 reads it', () => {
  it('an empty file: glibc defaults (127.0.0.1, ndots 1, timeout 5, attempts 2), the search list from the host name', () => {
    const c = conf('');
    assert.deepEqual(
      c.nameservers.map((n) => [n.address, where(n)]),
      [['127.0.0.1', 'default']],
    );
    assert.deepEqual([c.ndots.value, c.timeout.value, c.attempts.value, where(c.ndots)], [1, 5, 2, 'default']);
    assert.deepEqual([c.search, c.searchFrom, c.flags.size], [[], 'none', 0]);
    const h = conf('', 'web.lab.example');
    assert.deepEqual([h.search.map((s) => s.name), h.searchFrom], [['lab.example'], 'hostname']);
    assert.equal(conf('', 'web').searchFrom, 'none');
  });

  it('the effective configuration, each value with the line and column it came from', () => {
    const c = conf(
      [
        '# generated',
        '; also a comment',
        'nameserver 10.0.0.53 # trailing words are ignored',
        'nameserver\t2001:db8::53',
        'nameserver fe80::1%eth0',
        'nameserver 10.0.0.54',
        'search a.example b.example c.example d.example e.example f.example g.example',
        'options ndots:3 timeout:2',
        'options attempts:4 rotate edns0 single-request-reopen no-tld-query trust-ad',
        'options ndots:5',
      ].join('\n'),
      'host.other.example',
    );
    assert.deepEqual(
      c.nameservers.map((n) => [n.address, n.family, where(n)]),
      [
        ['10.0.0.53', 4, '3:12'],
        ['2001:db8::53', 6, '4:12'],
        ['fe80::1', 6, '5:12'],
      ],
    );
    // Checked with glibc 2.36: with three refusing servers first, a fourth that answers is never asked.
    assert.deepEqual(
      c.ignoredNameservers.map((n) => n.address),
      ['10.0.0.54'],
    );
    // glibc 2.26 and later keep every search domain, not only six.
    assert.deepEqual(
      c.search.map((s) => `${s.name}@${where(s)}`),
      ['a.example@7:8', 'b.example@7:18', 'c.example@7:28', 'd.example@7:38', 'e.example@7:48', 'f.example@7:58', 'g.example@7:68'],
    );
    assert.equal(c.searchFrom, 'search');
    assert.deepEqual(
      [c.ndots.value, where(c.ndots), c.timeout.value, where(c.timeout), c.attempts.value, where(c.attempts)],
      [5, '10:9', 2, '8:17', 4, '9:9'],
    );
    assert.deepEqual(
      [...c.flags].map(([f, s]) => `${f}@${where(s)}`),
      ['rotate@9:20', 'edns0@9:27', 'single-request-reopen@9:33', 'no-tld-query@9:55', 'trust-ad@9:68'],
    );
  });

  it('domain and search: the last line wins; domain keeps its first word', () => {
    assert.deepEqual(
      conf('search a.example b.example\ndomain c.example d.example\n').search.map((s) => s.name),
      ['c.example'],
    );
    assert.deepEqual(
      conf('domain c.example\nsearch a.example b.example\n').search.map((s) => s.name),
      ['a.example', 'b.example'],
    );
    assert.equal(conf('domain c.example\n').searchFrom, 'domain');
    // A keyword without a value is skipped: the earlier list stays.
    assert.deepEqual(
      conf('search a.example\nsearch\nsearch   \n').search.map((s) => s.name),
      ['a.example'],
    );
  });

  it('options: matched by their start (single-request-reopen before single-request), capped, read with atoi', () => {
    const c = conf('options single-request ndots:-1 attempts:9 timeout:07 rotate:yes no_tld_query\n');
    assert.deepEqual([...c.flags.keys()], ['single-request', 'rotate', 'no_tld_query']);
    // ndots lands in _res's 4-bit field: -1 is 15.
    assert.deepEqual([c.ndots.value, c.attempts.value, c.timeout.value], [15, 5, 7]);
    assert.equal(conf('options ndots:2x\n').ndots.value, 2);
    assert.equal(conf('options ndots:x\n').ndots.value, 0);
    assert.equal(conf('options timeout:31\n').timeout.value, 30);
  });

  it('inet_aton for nameservers: short and octal forms read as glibc reads them; names and bad addresses ignored', () => {
    assert.deepEqual(
      conf('nameserver 10.1\nnameserver 010.0.0.1\nnameserver 0x0a.0.0.2\nnameserver dns.google\nnameserver 1.2.3.256\n').nameservers.map(
        (n) => n.address,
      ),
      ['10.0.0.1', '8.0.0.1', '10.0.0.2'],
    );
  });

  it('diagnostics: places, codes and both languages', () => {
    const text = [
      'nameserver 10.0.0.1',
      'nameserver 10.0.0.2',
      'nameserver 10.0.0.3',
      'nameserver 10.0.0.4',
      'nameserver dns.example',
      'nameserver 10.1',
      'domain a.example',
      'search b.example # lab net',
      '  options rotate',
      'option ndots:2',
      'options ndots:16 attempts:x rotatex inet6 foo',
    ].join('\n');
    assert.deepEqual(diags(text), [
      [
        4,
        12,
        20,
        'warning',
        'resolv-too-many-nameservers',
        'glibc asks only the first 3 nameservers (MAXNS): 10.0.0.4 is never asked.',
        'glibc는 처음 3개의 nameserver에만 묻습니다(MAXNS). 10.0.0.4에는 묻지 않습니다.',
      ],
      [
        5,
        12,
        23,
        'warning',
        'resolv-bad-nameserver',
        '"dns.example" is not an IPv4 or IPv6 address: glibc ignores this nameserver line.',
        '"dns.example"는 IPv4나 IPv6 주소가 아닙니다. glibc는 이 nameserver 줄을 무시합니다.',
      ],
      [
        6,
        12,
        16,
        'warning',
        'resolv-too-many-nameservers',
        'glibc asks only the first 3 nameservers (MAXNS): 10.0.0.1 is never asked.',
        'glibc는 처음 3개의 nameserver에만 묻습니다(MAXNS). 10.0.0.1에는 묻지 않습니다.',
      ],
      [
        7,
        8,
        17,
        'warning',
        'resolv-domain-overridden',
        'The search line 8 replaces this domain list: glibc keeps only the last search or domain line.',
        '8번째 줄의 search가 이 domain 목록을 대신합니다. glibc는 마지막 search나 domain 줄만 씁니다.',
      ],
      [
        8,
        18,
        27,
        'warning',
        'resolv-inline-comment',
        'glibc reads a comment only at the start of a line: "#" and what follows are search domains here.',
        'glibc는 줄의 맨 앞에서만 주석을 읽습니다. 여기서는 "#"부터 그 뒤가 모두 search 도메인이 됩니다.',
      ],
      [
        9,
        3,
        10,
        'warning',
        'resolv-unknown-keyword',
        'glibc reads "options" only at the very start of a line: it ignores this indented line.',
        'glibc는 "options"를 줄의 맨 앞에서만 읽습니다. 들여쓴 이 줄은 무시합니다.',
      ],
      [
        10,
        1,
        7,
        'warning',
        'resolv-unknown-keyword',
        'glibc knows no keyword "option" (domain, search, nameserver, sortlist, options): it ignores this line.',
        'glibc가 아는 키워드(domain, search, nameserver, sortlist, options)에 "option"이 없습니다. 이 줄은 무시합니다.',
      ],
      [
        11,
        9,
        17,
        'warning',
        'resolv-option-capped',
        'ndots:16 is more than glibc allows: it uses 15.',
        'ndots:16은 glibc의 한도를 넘습니다. glibc는 15를 씁니다.',
      ],
      [
        11,
        18,
        28,
        'warning',
        'resolv-bad-option-value',
        'glibc reads attempts:x as 0: it sends no query at all, and every DNS lookup fails at once.',
        'glibc는 attempts:x를 0으로 읽어 질의를 하나도 보내지 않으므로 모든 DNS 조회가 바로 실패합니다.',
      ],
      [
        11,
        29,
        36,
        'warning',
        'resolv-unknown-option',
        'glibc matches options by their start: it reads "rotatex" as rotate.',
        'glibc는 옵션을 앞부분으로 맞춰 보므로 "rotatex"를 rotate로 읽습니다.',
      ],
      [
        11,
        37,
        42,
        'warning',
        'resolv-unknown-option',
        'glibc 2.36 no longer knows the option "inet6": it ignores it.',
        'glibc 2.36은 "inet6"을 더 이상 모릅니다. 이 옵션은 무시합니다.',
      ],
      [
        11,
        43,
        46,
        'warning',
        'resolv-unknown-option',
        'glibc knows no option "foo": it ignores it.',
        'glibc가 아는 옵션에 "foo"가 없습니다. 이 옵션은 무시합니다.',
      ],
    ]);
  });

  it('a value that is no number is read with atoi', () => {
    assert.deepEqual(diags('options timeout:2s\n'), [
      [
        1,
        9,
        19,
        'warning',
        'resolv-bad-option-value',
        'timeout: "2s" is not a number of 0 or more; glibc reads it (atoi) as 2.',
        'timeout: "2s"는 0 이상의 수가 아닙니다. glibc는 이를 2로 읽습니다(atoi).',
      ],
    ]);
  });

  it('a short address form is information: glibc reads it differently from how it is written', () => {
    assert.deepEqual(diags('nameserver 10.1\n'), [
      [
        1,
        12,
        16,
        'info',
        'resolv-bad-nameserver',
        'glibc reads "10.1" as 10.0.0.1 (inet_aton).',
        'glibc는 "10.1"을 10.0.0.1로 읽습니다(inet_aton).',
      ],
    ]);
  });

  it('never throws on random lines; at most MAXNS name servers; diagnostics on their lines', () => {
    const tok = fc.constantFrom(
      'nameserver',
      'search',
      'domain',
      'options',
      'sortlist',
      ' ',
      '\t',
      '\n',
      '#',
      ';',
      '10.0.0.1',
      '::1',
      'ndots:',
      '-3',
      '99',
      'rotate',
      'x.example',
      '%',
    );
    fc.assert(
      fc.property(fc.array(tok, { maxLength: 50 }), (ts) => {
        const text = ts.join('');
        const r = parseResolvConf(text, 'r', { hostname: 'a.b' });
        assert.ok(r.config.nameservers.length >= 1 && r.config.nameservers.length <= 3);
        assert.ok(r.config.ndots.value >= 0 && r.config.ndots.value <= 15);
        const lines = text.split('\n').length;
        for (const d of r.diagnostics) assert.ok(d.line >= 1 && d.line <= lines && d.endColumn > d.column);
      }),
      { numRuns: 300 },
    );
  });
});

describe('dns/files: resolv.conf attempts:0', () => {
  it('glibc sends no query at all (checked with glibc 2.36: the logging server saw nothing)', () => {
    const d = (text: string) => parseResolvConf(text).diagnostics.map((x) => [x.column, x.code, x.message.en, x.message.ko]);
    assert.deepEqual(d('options attempts:0\n'), [
      [
        9,
        'resolv-bad-option-value',
        'glibc reads attempts:0 as 0: it sends no query at all, and every DNS lookup fails at once.',
        'glibc는 attempts:0을 0으로 읽어 질의를 하나도 보내지 않으므로 모든 DNS 조회가 바로 실패합니다.',
      ],
    ]);
    assert.deepEqual(d('options attempts:x\n'), [
      [
        9,
        'resolv-bad-option-value',
        'glibc reads attempts:x as 0: it sends no query at all, and every DNS lookup fails at once.',
        'glibc는 attempts:x를 0으로 읽어 질의를 하나도 보내지 않으므로 모든 DNS 조회가 바로 실패합니다.',
      ],
    ]);
    assert.equal(parseResolvConf('options attempts:0\n').config.attempts.value, 0);
  });
});

describe('dns/files: resolv.conf with Windows line ends', () => {
  it('the \r stays on the last word, as glibc splits on blanks only: the nameserver is ignored, the domain finds nothing', () => {
    const r = parseResolvConf('nameserver 10.0.0.53\r\nnameserver 10.0.0.54 \r\nsearch a.lab b.lab\r\noptions ndots:2\r\n', 'resolv.conf');
    assert.deepEqual(
      r.config.nameservers.map((n) => n.address),
      ['10.0.0.54'],
    );
    assert.deepEqual(
      r.config.search.map((s) => s.name),
      ['a.lab', 'b.lab\r'],
    );
    assert.equal(r.config.ndots.value, 2);
    assert.deepEqual(
      r.diagnostics.map((d) => [d.line, d.column, d.endColumn, d.code, d.message.en, d.message.ko]),
      [
        [
          1,
          12,
          21,
          'resolv-carriage-return',
          'This line ends in a carriage return (a Windows line end): glibc reads it as part of "10.0.0.53" and ignores this nameserver line.',
          '이 줄은 캐리지 리턴(윈도우 줄 끝)으로 끝납니다. glibc는 이를 "10.0.0.53"의 일부로 읽어 이 nameserver 줄을 무시합니다.',
        ],
        [
          3,
          14,
          19,
          'resolv-carriage-return',
          'This line ends in a carriage return (a Windows line end): glibc reads it as part of the domain "b.lab", and no name is found under it.',
          '이 줄은 캐리지 리턴(윈도우 줄 끝)으로 끝납니다. glibc는 이를 도메인 "b.lab"의 일부로 읽으므로 그 아래의 어떤 이름도 찾지 못합니다.',
        ],
      ],
    );
  });
});
