/** The file plugin through the whole server: AA, NXDOMAIN and NODATA with the SOA, a CNAME target outside the zone, fallthrough, REFUSED. */
import { strict as assert } from 'node:assert';
import { ask, lines } from '../../../../support/coredns';

const DB = `$TTL 300
@       IN SOA  ns.example.org. admin.example.org. 2024010101 7200 3600 1209600 60
@       IN NS   ns
ns      IN A    10.0.0.53
www     IN A    10.0.0.10
web     IN CNAME www
out     IN CNAME web.lab.
gone    IN CNAME nowhere.lab.
mail    IN MX   10 www
sub     IN NS   ns.sub
ns.sub  IN A    10.0.1.53
`;
const files = { '/zones/db.example.org': DB, '/etc/hosts': '10.0.0.99 web.lab\n' };
const cf = `example.org {\n  file /zones/db.example.org\n}\n.:53 {\n  hosts\n}\n`;
const SOA = 'example.org. 300 IN SOA ns.example.org. admin.example.org. 2024010101 7200 3600 1209600 60';

describe('dns/server file', () => {
  it('answers a name of the zone authoritatively, with the NS in the authority section', () => {
    const r = ask(cf, 'www.example.org.', { files });
    assert.equal(r.msg?.rcode, 'NOERROR');
    assert.equal(r.msg?.aa, true);
    assert.deepEqual(lines(r.msg), ['www.example.org. 300 IN A 10.0.0.10']);
    assert.deepEqual(lines(r.msg, 'authority'), ['example.org. 300 IN NS ns.example.org.']);
    assert.equal(r.msg?.answer[0]?.source?.line, 5);
    assert.equal(r.msg?.answer[0]?.source?.file, '/zones/db.example.org');
  });

  it('chases a CNAME inside the zone', () => {
    assert.deepEqual(lines(ask(cf, 'web.example.org.', { files }).msg), [
      'web.example.org. 300 IN CNAME www.example.org.',
      'www.example.org. 300 IN A 10.0.0.10',
    ]);
  });

  it('NXDOMAIN and NODATA carry the SOA', () => {
    const nx = ask(cf, 'nope.example.org.', { files });
    assert.equal(nx.msg?.rcode, 'NXDOMAIN');
    assert.equal(nx.msg?.aa, true);
    assert.deepEqual(lines(nx.msg, 'authority'), [SOA]);
    const nodata = ask(cf, 'www.example.org.', { type: 'AAAA', files });
    assert.equal(nodata.msg?.rcode, 'NOERROR');
    assert.deepEqual(lines(nodata.msg), []);
    assert.deepEqual(lines(nodata.msg, 'authority'), [SOA]);
    assert.equal(
      nodata.steps.at(-1)?.detail.en,
      'www.example.org. is in zone example.org. without AAAA records: NOERROR with no answer, the SOA in the authority section.',
    );
    assert.equal(
      nodata.steps.at(-1)?.detail.ko,
      '이름 www.example.org.: 존 example.org.에 있지만 AAAA 레코드가 없어 답 없는 NOERROR이고, 권한 섹션에 SOA를 넣습니다.',
    );
  });

  it('a delegation is a referral without AA', () => {
    const r = ask(cf, 'a.sub.example.org.', { files });
    assert.equal(r.msg?.aa, false);
    assert.deepEqual(lines(r.msg, 'authority'), ['sub.example.org. 300 IN NS ns.sub.example.org.']);
    assert.deepEqual(lines(r.msg, 'additional'), ['ns.sub.example.org. 300 IN A 10.0.1.53']);
  });

  it('asks its own server for a CNAME target outside the zone and appends the answer', () => {
    const r = ask(cf, 'out.example.org.', { files });
    assert.deepEqual(lines(r.msg), ['out.example.org. 300 IN CNAME web.lab.', 'web.lab. 3600 IN A 10.0.0.99']);
    assert.ok(r.steps.some((s) => s.plugin === 'hosts'));
    // The target's server answers SERVFAIL (hosts, no entry): the CNAME is written with SERVFAIL.
    const g = ask(cf, 'gone.example.org.', { files });
    assert.equal(g.msg?.rcode, 'SERVFAIL');
    assert.deepEqual(lines(g.msg), ['gone.example.org. 300 IN CNAME nowhere.lab.']);
  });

  it("a CNAME target in none of the server's zones: its own REFUSED counts as Success (doLookup), NOERROR with the CNAME and the apex NS", () => {
    // CoreDNS 1.11.1 printed this (test/oracle/dns/COREDNS.md, file-zone, ext.lab.test)
    const r = ask(`example.org {\n  file /zones/db.example.org\n}\n`, 'out.example.org.', { files });
    assert.equal(r.msg?.rcode, 'NOERROR');
    assert.equal(r.msg?.aa, true);
    assert.deepEqual(lines(r.msg), ['out.example.org. 300 IN CNAME web.lab.']);
    assert.deepEqual(lines(r.msg, 'authority'), ['example.org. 300 IN NS ns.example.org.']);
  });

  it('the zone file read relative to root; the block zone is the origin', () => {
    const r = ask(`example.org {\n  root /zones\n  file db.example.org\n}\n`, 'ns.example.org.', { files });
    assert.deepEqual(lines(r.msg), ['ns.example.org. 300 IN A 10.0.0.53']);
  });

  it('a name in none of its zones: REFUSED when file is last, else passed on', () => {
    const last = `. {\n  file /zones/db.example.org example.org\n}\n`;
    const r = ask(last, 'www.example.com.', { files });
    assert.equal(r.msg?.rcode, 'REFUSED');
    const more = `. {\n  file /zones/db.example.org example.org\n  whoami\n}\n`;
    assert.equal(ask(more, 'www.example.com.', { files }).msg?.additional.length, 2);
  });

  it('fallthrough passes NXDOMAIN on', () => {
    const ft = `example.org {\n  file /zones/db.example.org {\n    fallthrough\n  }\n  whoami\n}\n`;
    assert.equal(ask(ft, 'nope.example.org.', { files }).msg?.additional.length, 2);
    assert.equal(ask(ft, 'www.example.org.', { files }).msg?.answer.length, 1);
  });

  it('a zone file that does not exist answers SERVFAIL', () => {
    const r = ask(`example.org {\n  file /zones/none\n}\n`, 'www.example.org.', { files });
    assert.equal(r.msg?.rcode, 'SERVFAIL');
  });
});
