import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { parseNsswitch } from '../../../../src/core/dns/files/nsswitch';

const diags = (text: string) =>
  parseNsswitch(text, 'nsswitch.conf').diagnostics.map((d) => [
    d.line,
    d.column,
    d.endColumn,
    d.severity,
    d.code,
    d.message.en,
    d.message.ko,
  ]);
const sources = (text: string) => {
  const r = parseNsswitch(text, 'nsswitch.conf');
  return [
    r.hostsFrom,
    r.hostsLine,
    r.hosts.map((s) => [
      s.name,
      s.range ? s.range.column : 0,
      s.actions.SUCCESS,
      s.actions.NOTFOUND,
      s.actions.UNAVAIL,
      s.actions.TRYAGAIN,
    ]),
  ];
};

describe('dns/files: /etc/nsswitch.conf as glibc 2.36 reads it', () => {
  it('no hosts line: glibc uses files dns (checked with glibc 2.36: an empty file reads /etc/hosts, then asks DNS)', () => {
    assert.deepEqual(sources('passwd: files\n# hosts: dns\n'), [
      'default',
      undefined,
      [
        ['files', 0, 'return', 'continue', 'continue', 'continue'],
        ['dns', 0, 'return', 'continue', 'continue', 'continue'],
      ],
    ]);
  });

  it('sources with their actions: defaults, STATUS=action (any case), !STATUS sets all the others', () => {
    assert.deepEqual(
      sources('hosts:   files [notfound=Return] mdns4_minimal[!UNAVAIL=return]   dns [ SUCCESS = continue TRYAGAIN=return ]\n'),
      [
        'file',
        1,
        [
          ['files', 10, 'return', 'return', 'continue', 'continue'],
          ['mdns4_minimal', 34, 'return', 'return', 'continue', 'return'],
          ['dns', 67, 'continue', 'continue', 'continue', 'return'],
        ],
      ],
    );
    // No colon is needed, leading blanks are skipped, and the last hosts line wins.
    assert.deepEqual(sources('hosts dns\n  hosts: files\n'), ['file', 2, [['files', 10, 'return', 'continue', 'continue', 'continue']]]);
  });

  it('hosts: with no source: no lookup asks anyone (checked with glibc 2.36: getent hosts localhost fails); hosts alone is no line', () => {
    assert.deepEqual(sources('hosts:\n'), ['file', 1, []]);
    assert.deepEqual(diags('hosts:\n'), [
      [
        1,
        1,
        6,
        'warning',
        'nsswitch-no-source',
        'This hosts line names no source: glibc asks nobody, and every host name lookup fails (even localhost).',
        '이 hosts 줄에는 소스가 없습니다. glibc는 어디에도 묻지 않으므로 모든 호스트 이름 조회가 실패합니다(localhost도).',
      ],
    ]);
    assert.equal(parseNsswitch('hosts\n').hostsFrom, 'default');
  });

  it('a wrong item: glibc stops reading the file and every lookup fails', () => {
    const r = parseNsswitch('hosts: files dns\npasswd: files [SUCCESS=stop]\n');
    assert.deepEqual([r.hostsFrom, r.hosts, r.hostsLine], ['broken', [], 2]);
  });

  it('diagnostics: places, codes and both languages', () => {
    assert.deepEqual(diags('host: files\nhosts: dns\nhosts: files dns # then mdns\n'), [
      [
        1,
        1,
        5,
        'warning',
        'nsswitch-unknown-database',
        'glibc has no database "host" (did you mean "hosts"?): it skips this line.',
        'glibc의 데이터베이스에 "host"가 없습니다("hosts"를 뜻했나요?). 이 줄은 건너뜁니다.',
      ],
      [
        2,
        1,
        6,
        'warning',
        'nsswitch-duplicate-database',
        'The hosts line 3 replaces this one: glibc keeps the last line of a database.',
        '3번째 줄의 hosts가 이 줄을 대신합니다. glibc는 데이터베이스마다 마지막 줄을 씁니다.',
      ],
      [
        3,
        18,
        19,
        'warning',
        'nsswitch-inline-comment',
        `glibc 2.36 reads no comment after a database's sources: "#" and the words after it are read as sources (which fail as unavailable).`,
        'glibc 2.36은 소스 뒤의 주석을 읽지 않습니다. "#"부터 그 뒤의 단어를 모두 소스로 읽고, 이 소스들은 사용할 수 없음(UNAVAIL)으로 실패합니다.',
      ],
    ]);
    assert.deepEqual(diags('hosts: file dns\n'), [
      [
        1,
        8,
        12,
        'warning',
        'nsswitch-unknown-source',
        'No source "file" exists for hosts (did you mean "files"?): glibc finds no libnss_file.so.2, counts it UNAVAIL and goes on.',
        'hosts에 쓸 수 있는 소스에 "file"가 없습니다("files"를 뜻했나요?). glibc는 libnss_file.so.2를 찾지 못해 UNAVAIL로 보고 다음으로 넘어갑니다.',
      ],
    ]);
    const tail = {
      en: 'glibc stops reading nsswitch.conf here, and every lookup through it fails (hosts, passwd, group...).',
      ko: 'glibc는 여기서 nsswitch.conf 읽기를 멈추고, 이 파일을 거치는 모든 조회(hosts, passwd, group...)가 실패합니다.',
    };
    const bad = (text: string) => diags(text).filter((d) => d[4] === 'nsswitch-bad-action');
    assert.deepEqual(bad('hosts: files [NOTFOUND=retrun] dns\nhosts: bogus [x=y]\n'), [
      [
        1,
        24,
        30,
        'error',
        'nsswitch-bad-action',
        `"retrun" is no action (return, continue, merge): ${tail.en}`,
        `"retrun"은 동작이 아닙니다(return, continue, merge). ${tail.ko}`,
      ],
    ]);
    assert.deepEqual(bad('hosts: files [NOTFOUN=return] dns\n'), [
      [
        1,
        15,
        22,
        'error',
        'nsswitch-bad-action',
        `"NOTFOUN" is no status (SUCCESS, NOTFOUND, UNAVAIL, TRYAGAIN): ${tail.en}`,
        `"NOTFOUN"은 상태가 아닙니다(SUCCESS, NOTFOUND, UNAVAIL, TRYAGAIN). ${tail.ko}`,
      ],
    ]);
    assert.deepEqual(bad('hosts: files [NOTFOUND return] dns\n'), [
      [
        1,
        24,
        25,
        'error',
        'nsswitch-bad-action',
        `An item needs "=" between status and action here: ${tail.en}`,
        `항목의 상태와 동작 사이에 "="가 있어야 합니다. ${tail.ko}`,
      ],
    ]);
    assert.deepEqual(bad('hosts: files [NOTFOUND=return\n'), [
      [
        1,
        30,
        31,
        'error',
        'nsswitch-bad-action',
        `The "[" is never closed with "]": ${tail.en}`,
        `"[" 괄호가 "]"로 닫히지 않았습니다. ${tail.ko}`,
      ],
    ]);
  });

  it('never throws on random lines; a broken file has no hosts sources', () => {
    const tok = fc.constantFrom(
      'hosts',
      'passwd',
      ':',
      ' ',
      '\n',
      '[',
      ']',
      '!',
      '=',
      'NOTFOUND',
      'return',
      'files',
      'dns',
      '#',
      'x',
      '\t',
    );
    fc.assert(
      fc.property(fc.array(tok, { maxLength: 50 }), (ts) => {
        const text = ts.join('');
        const r = parseNsswitch(text);
        if (r.hostsFrom === 'broken') assert.equal(r.hosts.length, 0);
        else assert.ok(r.hosts.length > 0 || r.hostsFrom === 'file');
        const lines = text.split('\n').length;
        for (const d of r.diagnostics) assert.ok(d.line >= 1 && d.line <= lines && d.endColumn > d.column);
      }),
      { numRuns: 300 },
    );
  });
});
