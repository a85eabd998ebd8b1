/** The server: start-up errors as CoreDNS prints them, listens, the server block by port, bind and longest zone, REFUSED, the end of the chain, a forwarding loop. */
import { strict as assert } from 'node:assert';
import { corednsServer } from '../../../../src/core/dns/server';
import { newSession } from '../../../../src/core/dns/msg';
import { ask, query, serverOf } from '../../../support/coredns';

const start = (text: string, files: Record<string, string> = {}, port?: number) =>
  corednsServer(text, '/etc/coredns/Corefile', (p) => files[p], port ? { port } : {});

describe('dns/server: CoreDNS', () => {
  it('prints CoreDNS start-up errors and exits 1', () => {
    const table: [string, string][] = [
      ['.:53 {\n  foo\n}\n', "/etc/coredns/Corefile:2 - Error during parsing: Unknown directive 'foo'"],
      [
        '.:53 {\n  forward\n}\n',
        "plugin/forward: /etc/coredns/Corefile:2 - Error during parsing: Wrong argument count or unexpected line ending after 'forward'",
      ],
      ['.:53 {\n  forward . /etc/resolv.conf\n}\n', 'plugin/forward: not an IP address or file: "/etc/resolv.conf"'],
      ['example.org {\n  file db\n}\n', ''],
    ];
    for (const [text, want] of table.slice(0, 3)) assert.deepEqual(start(text).errors, { text: want, exit: 1 });
    assert.deepEqual(start(table[3]![0], { db: 'www 300 IN A 1.2.3.4\n' }).errors, {
      text: 'plugin/file: file "db" has no SOA record for origin example.org.',
      exit: 1,
    });
  });

  it('listens on UDP and TCP for each port, bind limiting the addresses; -dns.port for keys with none', () => {
    const s = start(`.:53 {\n  whoami\n}\nexample.org:1053 {\n  bind 10.0.0.53\n  whoami\n}\nlab {\n  whoami\n}\n`, {}, 5300);
    assert.deepEqual(
      s.listens.map((l) => `${l.proto}/${l.port}${l.addrs ? '@' + l.addrs.join(',') : ''}`),
      ['udp/53', 'tcp/53', 'udp/1053@10.0.0.53', 'tcp/1053@10.0.0.53', 'udp/5300', 'tcp/5300'],
    );
  });

  it('the longest zone takes the question; `.` last; none: REFUSED', () => {
    const cf = `example.org {\n  whoami\n}\nsub.example.org {\n  template IN A {\n    answer "{{ .Name }} 1 IN A 10.0.0.1"\n  }\n}\n`;
    assert.equal(ask(cf, 'a.sub.example.org.').msg?.answer.length, 1);
    assert.equal(ask(cf, 'a.example.org.').msg?.additional.length, 2);
    const refused = ask(cf, 'a.example.com.');
    assert.equal(refused.msg?.rcode, 'REFUSED');
    assert.equal(
      refused.steps[0]?.detail.en,
      'No server block on this address and port serves a zone holding a.example.com. (zones: example.org., sub.example.org.): CoreDNS answers REFUSED.',
    );
    assert.equal(
      refused.steps[0]?.detail.ko,
      '이 주소와 포트의 어떤 서버 블록도 a.example.com.을 담은 존을 서비스하지 않아 (존: example.org., sub.example.org.) CoreDNS는 REFUSED로 답합니다.',
    );
  });

  it('says which block takes the query, at its line, in both languages; a block with no plugins is REFUSED', () => {
    const r = ask(`example.org {\n  whoami\n}\n`, 'a.example.org.');
    assert.equal(r.steps[0]?.source?.line, 1);
    assert.equal(
      r.steps[0]?.detail.en,
      'Server block "example.org" takes the query (its zone example.org. is the longest that holds the name); its plugins run in CoreDNS\'s order: whoami.',
    );
    assert.equal(
      r.steps[0]?.detail.ko,
      '서버 블록 "example.org"에서 질의를 받습니다 (이름을 담은 가장 긴 존: example.org.). 플러그인은 CoreDNS의 실행 순서대로 실행됩니다: whoami.',
    );
    const empty = ask(`example.org {\n}\n`, 'a.example.org.');
    assert.equal(empty.msg?.rcode, 'REFUSED');
    assert.equal(empty.steps[0]?.detail.en, 'Server block "example.org" takes the query but has no plugins: CoreDNS answers REFUSED.');
  });

  it('a block serves only its port and its bound addresses', () => {
    const cf = `.:53 {\n  bind 10.0.0.53\n  whoami\n}\n.:5353 {\n  whoami\n}\n`;
    assert.equal(ask(cf, 'a.', { local: '10.0.0.54' }).msg?.rcode, 'REFUSED');
    assert.equal(ask(cf, 'a.', { local: '10.0.0.53' }).msg?.rcode, 'NOERROR');
    assert.equal(ask(cf, 'a.', { local: '10.0.0.54', port: 5353 }).msg?.rcode, 'NOERROR');
  });

  it('the chain ending without an answer is SERVFAIL (plugin.NextOrFailure), said at the last plugin', () => {
    const r = ask(`.:53 {\n  hosts {\n    fallthrough\n  }\n}\n`, 'x.lab.');
    assert.equal(r.msg?.rcode, 'SERVFAIL');
    const end = r.steps.find((s) => s.data?.['rcode'] === 'SERVFAIL' && s.plugin === 'hosts' && s.detail.en.startsWith('No plugin'))!;
    assert.equal(
      end.detail.en,
      'No plugin after hosts to pass the query to: "plugin/hosts: no next plugin found", SERVFAIL (plugin.NextOrFailure).',
    );
    assert.equal(
      end.detail.ko,
      'hosts 다음에 질의를 넘길 플러그인이 없습니다: "plugin/hosts: no next plugin found", SERVFAIL입니다 (plugin.NextOrFailure).',
    );
  });

  it('a class other than IN is REFUSED without the chaos plugin', () => {
    assert.equal(ask(`.:53 {\n  whoami\n}\n`, 'a.', { cls: 'CH' }).msg?.rcode, 'REFUSED');
  });

  it('a query forwarded back to the same server is a loop: with the loop plugin, CoreDNS would have exited at start', () => {
    const server = serverOf(`.:53 {\n  loop\n  forward . 10.0.0.53\n}\n`);
    const session = newSession();
    const q = {
      msg: query('a.lab.'),
      proto: 'udp' as const,
      client: { addr: '10.0.0.2', port: 40000 },
      local: { addr: '10.0.0.53', port: 53 },
    };
    const out = server.handle(q, session);
    assert.equal(out.kind, 'forward');
    const again = server.handle(
      { ...q, msg: out.kind === 'forward' ? out.msg : q.msg, client: { addr: '10.0.0.53', port: 41000 } },
      session,
    );
    assert.equal(again.kind, 'drop');
    assert.match(
      again.kind === 'drop' ? again.reason.en : '',
      /^CoreDNS would have exited at start: \[FATAL\] plugin\/loop: Loop \(10\.0\.0\.53:41000 -> :53\) detected for zone "\.", see https:\/\/coredns\.io\/plugins\/loop#troubleshooting\. Query: "HINFO \d+\.\d+\."$/,
    );
    // once the upstream answered, the same question is no loop
    if (out.kind === 'forward') out.then({ ok: true, msg: { ...out.msg, response: true } });
    assert.equal(server.handle(q, session).kind, 'forward');
  });
});
