/**
 * The hosts plugin, with CoreDNS's own table (plugin/hosts/hosts_test.go: hostsExample and
 * hostsTestCases, TestFallthroughUnsupportedType) run through the whole server.
 */
import { strict as assert } from 'node:assert';
import { ask, lines } from '../../../../support/coredns';

const HOSTS_EXAMPLE = `
127.0.0.1 localhost localhost.domain
::1 localhost localhost.domain
10.0.0.1 example.org
::FFFF:10.0.0.2 example.com
10.0.0.3 fallthrough-example.org
1.2.3.4 aa.example.com
5.6.7.8 *.apps.example.com
reload 5s
timeout 3600
`;
const files = { '/etc/hosts': HOSTS_EXAMPLE };
const plain = `.:53 {\n  hosts\n}\n`;
const falling = `.:53 {\n  hosts {\n    fallthrough\n  }\n  whoami\n}\n`;

describe('dns/server hosts', () => {
  const table: [string, string, string, string[]][] = [
    ['example.org.', 'A', 'NOERROR', ['example.org. 3600 IN A 10.0.0.1']],
    ['example.com.', 'A', 'NOERROR', ['example.com. 3600 IN A 10.0.0.2']],
    ['localhost.', 'AAAA', 'NOERROR', ['localhost. 3600 IN AAAA ::1']],
    ['1.0.0.10.in-addr.arpa.', 'PTR', 'NOERROR', ['1.0.0.10.in-addr.arpa. 3600 IN PTR example.org.']],
    ['2.0.0.10.in-addr.arpa.', 'PTR', 'NOERROR', ['2.0.0.10.in-addr.arpa. 3600 IN PTR example.com.']],
    [
      '1.0.0.127.in-addr.arpa.',
      'PTR',
      'NOERROR',
      ['1.0.0.127.in-addr.arpa. 3600 IN PTR localhost.', '1.0.0.127.in-addr.arpa. 3600 IN PTR localhost.domain.'],
    ],
    ['example.org.', 'AAAA', 'NOERROR', []],
    ['example.org.', 'MX', 'NOERROR', []],
    ['x.apps.example.com.', 'A', 'NOERROR', ['x.apps.example.com. 3600 IN A 5.6.7.8']],
    ['aa.example.com.', 'A', 'NOERROR', ['aa.example.com. 3600 IN A 1.2.3.4']],
    // The wildcard covers one label below apps.example.com, not the name itself: no entry, no fallthrough.
    ['apps.example.com.', 'A', 'SERVFAIL', []],
    ['nothere.example.org.', 'A', 'SERVFAIL', []],
  ];
  for (const [name, type, rcode, answer] of table)
    it(`${name} ${type}: ${rcode} ${answer.length}`, () => {
      const r = ask(plain, name, { type, files });
      assert.equal(r.msg?.rcode, rcode);
      assert.deepEqual(lines(r.msg), answer);
      assert.equal(r.msg?.aa, rcode === 'NOERROR');
    });

  it('answers with the name lower-cased, as state.Name() gives it, and the question as asked', () => {
    const r = ask(plain, 'Example.ORG.', { files });
    assert.deepEqual(lines(r.msg), ['example.org. 3600 IN A 10.0.0.1']);
    assert.equal(r.msg?.question[0]?.name, 'Example.ORG.');
  });

  it('a name it knows asked for a type it has not is NODATA, even with fallthrough (TestFallthroughUnsupportedType)', () => {
    const r = ask(falling, 'fallthrough-example.org.', { type: 'AAAA', files });
    assert.equal(r.msg?.rcode, 'NOERROR');
    assert.deepEqual(r.msg?.additional, []);
  });

  it('fallthrough_unsupported passes a TXT question on; a missing name falls through', () => {
    const cf = `.:53 {\n  hosts {\n    fallthrough\n    fallthrough_unsupported\n  }\n  whoami\n}\n`;
    assert.equal(ask(cf, 'example.org.', { type: 'TXT', files }).msg?.additional.length, 2);
    assert.equal(ask(falling, 'missing.example.org.', { type: 'TXT', files }).msg?.additional.length, 2);
    assert.equal(ask(falling, 'example.org.', { type: 'TXT', files }).msg?.additional.length, 0);
  });

  it('fallthrough with zones passes only those names on', () => {
    const cf = `.:53 {\n  hosts {\n    fallthrough example.net\n  }\n  whoami\n}\n`;
    assert.equal(ask(cf, 'a.example.net.', { files }).msg?.additional.length, 2);
    assert.equal(ask(cf, 'a.example.org.', { files }).msg?.rcode, 'SERVFAIL');
  });

  it('inline entries, ttl, no_reverse and the zones given; a PTR with no name is passed on', () => {
    const cf = `.:53 {\n  hosts /none example.lab {\n    10.9.0.1 web.example.lab\n    10.9.0.2 db.elsewhere\n    ttl 60\n    no_reverse\n  }\n  whoami\n}\n`;
    const r = ask(cf, 'web.example.lab.', {});
    assert.deepEqual(lines(r.msg), ['web.example.lab. 60 IN A 10.9.0.1']);
    assert.equal(r.steps.find((s) => s.plugin === 'hosts' && s.data?.['answers'])?.source?.line, 3);
    // db.elsewhere is outside the plugin's zones: skipped when read, and the question is passed on.
    assert.equal(ask(cf, 'db.elsewhere.', {}).msg?.additional.length, 2);
    // no_reverse: no PTR, and a PTR is always passed on.
    assert.equal(ask(cf, '1.0.9.10.in-addr.arpa.', { type: 'PTR' }).msg?.additional.length, 2);
  });

  it('says why it answers SERVFAIL, in both languages', () => {
    const r = ask(plain, 'nothere.example.org.', { files });
    const s = r.steps.find((x) => x.plugin === 'hosts')!;
    assert.equal(s.detail.en, 'No entry for nothere.example.org. and no fallthrough: SERVFAIL (hosts has no SOA to answer NXDOMAIN with).');
    assert.equal(
      s.detail.ko,
      'nothere.example.org. 항목이 없고 fallthrough도 없어 SERVFAIL입니다 (hosts에는 NXDOMAIN에 붙일 SOA가 없습니다).',
    );
    assert.equal(s.source?.line, 2);
  });
});
