/** `knetlab resolve`: a lookup's text (the result, then the steps with their lab lines and a query's legs), its JSON, its usage errors. */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { lookupJson, lookupText } from '../../../src/cli/lookupText';
import { run } from '../../support/cli';
import { nxdomain, timedOut, viaDns, viaFiles } from '../../support/lookup';

describe('knetlab resolve: text', () => {
  it('the result on one line, then the steps numbered with their lab lines; a query is followed by its legs', () => {
    assert.equal(
      lookupText(viaDns, 'client', 'en'),
      [
        'client -> web (getaddrinfo): SUCCESS [NOERROR]: 192.168.2.20 (lab.yaml:90) (2 ms)',
        '',
        '  1. nsswitch: files: NOTFOUND, continue  (lab.yaml:30)',
        '  2. search: web has 0 dots: web.corp.example. first  (lab.yaml:32)',
        '  3. query: A? web.corp.example. to 192.168.2.53#53',
        '       Query (DNS query A? web.corp.example. to 192.168.2.53):',
        '         1. [client] send: client sends.',
        '       Answer:',
        '         1. [dns] send: dns answers.',
        '  4. server file: web.corp.example. A 192.168.2.20  (lab.yaml:90)',
        '  5. answer: NOERROR, 1 address',
        '',
      ].join('\n'),
    );
    assert.equal(
      lookupText(viaDns, 'client', 'ko'),
      [
        'client -> web (getaddrinfo): 찾음 [NOERROR]: 192.168.2.20 (lab.yaml:90) (2ms)',
        '',
        '  1. nsswitch: files: NOTFOUND, 계속  (lab.yaml:30)',
        '  2. 검색 후보: web에는 점이 0개: web.corp.example.부터  (lab.yaml:32)',
        '  3. 질의: 192.168.2.53#53에 A? web.corp.example.',
        '       질의 (192.168.2.53으로 보내는 DNS 질의 A? web.corp.example.):',
        '         1. [client] 송신: client가 보냅니다.',
        '       DNS 응답:',
        '         1. [dns] 송신: dns가 응답합니다.',
        '  4. 서버 file: web.corp.example. A 192.168.2.20  (lab.yaml:90)',
        '  5. 응답: NOERROR, 주소 1개',
        '',
      ].join('\n'),
    );
  });

  it("a failure says the NSS status, the rcode and getaddrinfo's words; a timeout, the time it took", () => {
    assert.match(
      lookupText(nxdomain, 'client', 'en'),
      /^client -> nosuch \(getaddrinfo\): NOTFOUND \[NXDOMAIN\]: nosuch: Name or service not known\n/,
    );
    assert.match(
      lookupText(nxdomain, 'client', 'ko'),
      /^client -> nosuch \(getaddrinfo\): 찾을 수 없음 \[NXDOMAIN\]: nosuch: Name or service not known\n/,
    );
    assert.match(
      lookupText(timedOut, 'client', 'en'),
      /^client -> web \(getaddrinfo\): TRYAGAIN: web: Temporary failure in name resolution \(10000 ms\)\n\n {2}1\. timeout: no answer in 5 s\n$/,
    );
    assert.match(
      lookupText(timedOut, 'client', 'ko'),
      /^client -> web \(getaddrinfo\): 응답 없음: web: Temporary failure in name resolution \(10000ms\)\n\n {2}1\. 시간 초과: 5초 동안 응답 없음\n$/,
    );
    assert.equal(
      lookupText(viaFiles, 'client', 'en'),
      'client -> web (getaddrinfo): SUCCESS: 192.168.2.21 (lab.yaml:27)\n\n  1. hosts: line 4: 192.168.2.21 web  (lab.yaml:27)\n',
    );
  });

  it('dig, host and nslookup name the rcode, or that no server answered', () => {
    const dig = { ...nxdomain, request: { ...nxdomain.request, tool: 'dig' as const, type: 'A' } };
    assert.match(lookupText(dig, 'client', 'en'), /^client -> nosuch A \(dig\): NOTFOUND \[NXDOMAIN\]: NXDOMAIN\n/);
    const none = { ...timedOut, request: { ...timedOut.request, tool: 'host' as const, server: '192.168.2.99' } };
    assert.match(
      lookupText(none, 'client', 'en'),
      /^client -> web @192\.168\.2\.99 \(host\): TRYAGAIN: connection timed out; no servers could be reached /,
    );
    assert.match(
      lookupText(none, 'client', 'ko'),
      /^client -> web @192\.168\.2\.99 \(host\): 응답 없음: 연결 시간 초과: 응답한 서버가 없습니다 /,
    );
  });
});

describe('knetlab resolve: JSON', () => {
  it('exactly answers, rcode, status, queries, steps, legs, warnings', () => {
    const j = lookupJson(viaDns, 'en');
    assert.deepEqual(Object.keys(j), ['answers', 'rcode', 'status', 'queries', 'steps', 'legs', 'warnings']);
    assert.deepEqual(j.answers, [{ name: 'web.corp.example.', type: 'A', ttl: 3600, data: '192.168.2.20' }]);
    assert.equal(j.rcode, 'NOERROR');
    assert.equal(j.status, 'success');
    assert.deepEqual(j.queries, [{ name: 'web.corp.example.', type: 'A', server: '192.168.2.53#53', rcode: 'NOERROR' }]);
    assert.deepEqual(j.steps[3], {
      kind: 'server',
      detail: 'web.corp.example. A 192.168.2.20',
      plugin: 'file',
      query: 0,
      source: { file: 'lab.yaml', line: 90, column: 9, endLine: 90, endColumn: 40 },
    });
    assert.deepEqual(
      j.legs.map((l) => [l.kind, l.label, l.answers]),
      [
        ['query', 'DNS query A? web.corp.example. to 192.168.2.53', undefined],
        ['answer', undefined, 0],
      ],
    );
    assert.equal(lookupJson(viaDns, 'ko').steps[0]!.detail, 'files: NOTFOUND, 계속');
    assert.equal(lookupJson(timedOut, 'en').rcode, null);
    assert.deepEqual(lookupJson(timedOut, 'en').queries[0], {
      name: 'web.corp.example.',
      type: 'A',
      server: '192.168.2.53#53',
      rcode: 'TIMEOUT',
    });
  });
});

describe('knetlab resolve: usage errors', () => {
  const usage = (r: { err: string; code: number }, re: RegExp) => {
    assert.equal(r.code, 2, r.err);
    assert.match(r.err, re);
  };
  it('the name, --from, the tool, the type and the server are checked before the lab is read', () => {
    usage(run('resolve', 'labs/03-dns', '--from', 'client'), /^knetlab: usage: knetlab resolve LAB --from/);
    usage(run('resolve', 'labs/03-dns', 'web'), /^knetlab: usage: knetlab resolve LAB --from/);
    usage(
      run('resolve', 'labs/03-dns', '--from', 'client', 'web', '--tool', 'nscd'),
      /unknown tool "nscd" \(getent, getaddrinfo, dig, host or nslookup\)/,
    );
    usage(run('resolve', 'labs/03-dns', '--from', 'client', 'web', '--tool', 'dig', '--type', 'AXFR2'), /"AXFR2" is not a record type/);
    usage(
      run('resolve', 'labs/03-dns', '--from', 'client', 'web', '--type', 'MX'),
      /--type goes with dig, host or nslookup: getaddrinfo asks for A and AAAA records/,
    );
    usage(
      run('resolve', 'labs/03-dns', '--from', 'client', 'web', '--tool', 'getent', '--server', '192.168.2.53'),
      /--server goes with dig, host or nslookup: getent asks/,
    );
    usage(
      run('resolve', 'labs/03-dns', '--from', 'client', 'web', '--tool', 'dig', '--server', '10.53.0.1#1053'),
      /--server takes an IPv4 or IPv6 address \(the port is 53\): "10\.53\.0\.1#1053"/,
    );
    usage(run('resolve', 'labs/03-dns', '--from', 'client', 'web', '--format', 'xml'), /unknown format "xml"/);
    usage(runKo('resolve', 'labs/03-dns', '--from', 'client', 'web', '--tool', 'nscd'), /알 수 없는 도구 "nscd"/);
  });
});

function runKo(...argv: string[]) {
  return run(...argv, '--lang', 'ko');
}

describe('knetlab resolve: on a lab', () => {
  it('exit 0 when the name is found, 1 when not; the JSON of a lookup through CoreDNS, with its lab lines', () => {
    const found = run('resolve', 'labs/03-dns', '--from', 'client', 'db', '--format', 'json');
    assert.equal(found.code, 0, found.err);
    const j = JSON.parse(found.out);
    assert.deepEqual(Object.keys(j), ['answers', 'rcode', 'status', 'queries', 'steps', 'legs', 'warnings']);
    assert.deepEqual(
      j.answers.map((a: { name: string; type: string; data: string }) => [a.name, a.type, a.data]),
      [['db.corp.example.', 'A', '192.168.2.30']],
    );
    assert.equal(j.status, 'success');
    assert.deepEqual(j.queries[0], { name: 'db.corp.example.', type: 'A', server: '192.168.2.53#53', rcode: 'NOERROR' });
    // The server's file plugin, at the zone file's line in lab.yaml.
    const file = j.steps.find((s: { plugin?: string }) => s.plugin === 'file');
    assert.equal(file.source.file, 'labs/03-dns/lab.yaml');
    assert.match(readFileSync('labs/03-dns/lab.yaml', 'utf8').split('\n')[file.source.line - 1], /^ {8}db +IN A +192\.168\.2\.30$/);
    assert.ok(j.legs.some((l: { kind: string }) => l.kind === 'query'));

    const missing = run('resolve', 'labs/03-dns', '--from', 'laptop', 'db');
    assert.equal(missing.code, 1);
    assert.match(missing.out, /^laptop -> db \(getaddrinfo\): TRYAGAIN \[REFUSED\]: db: Temporary failure in name resolution/);
    const dig = run('resolve', 'labs/03-dns', '--from', 'client', 'corp.example', '--tool', 'dig', '--type', 'MX');
    assert.equal(dig.code, 0);
    assert.match(
      dig.out,
      /^client -> corp\.example MX \(dig\): SUCCESS \[NOERROR\]: MX 10 mail\.corp\.example\. \(labs\/03-dns\/lab\.yaml:\d+\)/,
    );
  });

  it('trace --to NAME: the lookup first, then the packet to its first address; a name that does not resolve sends nothing', () => {
    const t = run('trace', 'labs/03-dns', '--from', 'client', '--to', 'db', '--proto', 'tcp', '--port', '5432');
    assert.equal(t.code, 0, t.err);
    assert.match(t.out, /^client -> db \(192\.168\.2\.30\) tcp\/5432: REPLIED: /);
    assert.match(t.out, /\n\nQuery \(DNS query A\? db\.corp\.example\. to 192\.168\.2\.53\):\n/);
    const none = run('trace', 'labs/03-dns', '--from', 'laptop', '--to', 'db');
    assert.equal(none.code, 1);
    assert.match(none.out, /^laptop -> db ping: UNRESOLVED: ping: db: Temporary failure in name resolution\n/);
    const ko = run('trace', 'labs/03-dns', '--from', 'laptop', '--to', 'db', '--lang', 'ko');
    assert.match(
      ko.out,
      /^laptop -> db ping: 이름 해석 실패: ping: db: Temporary failure in name resolution \(응답한 DNS 서버가 없습니다\)\n/,
    );
  });
});
