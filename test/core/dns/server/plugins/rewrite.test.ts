/** The rewrite plugin: name rules of each kind (rewrite_test.go's shapes), answers mapped back, type and class, stop and continue. */
import { strict as assert } from 'node:assert';
import { ask, lines } from '../../../../support/coredns';

const HOSTS = {
  '/etc/hosts': '10.0.0.7 b.com\n10.0.0.8 new-a.com\n10.0.0.9 core.dns.rocks\n10.0.0.10 x.svc.cluster.local\n10.0.0.11 dns.fcore.rocks\n',
};
const withRule = (rule: string) => `.:53 {\n  ${rule}\n  hosts\n}\n`;

describe('dns/server rewrite', () => {
  const table: [rule: string, qname: string, answer: string[]][] = [
    ['rewrite name a.com b.com', 'a.com.', ['a.com. 3600 IN A 10.0.0.7']],
    ['rewrite name exact a.com b.com', 'A.com.', ['a.com. 3600 IN A 10.0.0.7']],
    ['rewrite name prefix a. b.', 'a.com.', ['b.com. 3600 IN A 10.0.0.7']],
    ['rewrite name prefix a. b. answer auto', 'a.com.', ['a.com. 3600 IN A 10.0.0.7']],
    ['rewrite name suffix .svc.lab .svc.cluster.local answer auto', 'x.svc.lab.', ['x.svc.lab. 3600 IN A 10.0.0.10']],
    ['rewrite name suffix .svc.lab .svc.cluster.local', 'x.svc.lab.', ['x.svc.cluster.local. 3600 IN A 10.0.0.10']],
    ['rewrite name substring fcore.dns.rocks dns.fcore.rocks', 'fcore.dns.rocks.', ['dns.fcore.rocks. 3600 IN A 10.0.0.11']],
    [
      'rewrite name substring fcore.dns.rocks dns.fcore.rocks answer name (dns)\\.(fcore)\\.(rocks) {2}.{1}.{3}',
      'fcore.dns.rocks.',
      ['fcore.dns.rocks. 3600 IN A 10.0.0.11'],
    ],
    ['rewrite name regex ([a])\\.com new-{1}.com', 'a.com.', ['new-a.com. 3600 IN A 10.0.0.8']],
    [
      'rewrite name regex (dns)\\.(core)\\.(rocks) {2}.{1}.{3} answer name (core)\\.(dns)\\.(rocks) {2}.{1}.{3}',
      'dns.core.rocks.',
      ['dns.core.rocks. 3600 IN A 10.0.0.9'],
    ],
  ];
  for (const [rule, qname, answer] of table)
    it(`${rule}: ${qname}`, () => {
      const r = ask(withRule(rule), qname, { files: HOSTS });
      assert.equal(r.msg?.rcode, 'NOERROR');
      assert.equal(r.msg?.question[0]?.name, qname);
      assert.deepEqual(lines(r.msg), answer);
    });

  it('a name that no rule matches goes on unchanged', () => {
    const r = ask(withRule('rewrite name a.com b.com'), 'b.com.', { files: HOSTS });
    assert.deepEqual(lines(r.msg), ['b.com. 3600 IN A 10.0.0.7']);
    assert.ok(!r.steps.some((s) => s.plugin === 'rewrite'));
  });

  it('says what it changed, in both languages, at its line', () => {
    const s = ask(withRule('rewrite name a.com b.com'), 'a.com.', { files: HOSTS }).steps.find((x) => x.plugin === 'rewrite')!;
    assert.equal(s.detail.en, 'rewrite name a.com b.com: the question a.com. IN A becomes b.com. IN A; stop.');
    assert.equal(s.detail.ko, 'rewrite name a.com b.com: 질문을 바꿉니다: a.com. IN A → b.com. IN A (stop).');
    assert.equal(s.source?.line, 2);
  });

  it('stop ends the rules; continue lets the next one try', () => {
    const stop = `.:53 {\n  rewrite name a.com b.com\n  rewrite name b.com new-a.com\n  hosts\n}\n`;
    assert.deepEqual(lines(ask(stop, 'a.com.', { files: HOSTS }).msg), ['a.com. 3600 IN A 10.0.0.7']);
    const cont = `.:53 {\n  rewrite continue name a.com b.com\n  rewrite name b.com new-a.com\n  hosts\n}\n`;
    // both exact rules map their names back, the later first
    assert.deepEqual(lines(ask(cont, 'a.com.', { files: HOSTS }).msg), ['a.com. 3600 IN A 10.0.0.8']);
  });

  it('type and class rules change the question; the client gets its own back', () => {
    const r = ask(withRule('rewrite type MX A'), 'b.com.', { type: 'MX', files: HOSTS });
    assert.deepEqual(lines(r.msg), ['b.com. 3600 IN A 10.0.0.7']);
    assert.equal(r.msg?.question[0]?.type, 'MX');
    const c = ask(withRule('rewrite class CH IN'), 'b.com.', { cls: 'CH', files: HOSTS });
    // a CH question is REFUSED before any plugin: the server has no chaos plugin
    assert.equal(c.msg?.rcode, 'REFUSED');
  });

  it('a rule kind it does not simulate is said and marked', () => {
    const r = ask(withRule('rewrite ttl b.com 10'), 'b.com.', { files: HOSTS });
    assert.equal(r.steps.find((s) => s.plugin === 'rewrite')?.data?.['notSimulated'], 'rewrite');
  });
});
