/** The cache plugin: miss then hit in one session, the TTL caps and floors of cache.go, denial with an SOA, no SERVFAIL from hosts. */
import { strict as assert } from 'node:assert';
import { ask, lines, serverOf } from '../../../../support/coredns';
import { newSession, type DnsMessage } from '../../../../../src/core/dns/msg';

const withTtl =
  (ttl: number) =>
  (q: DnsMessage): DnsMessage => ({
    ...q,
    response: true,
    ra: true,
    answer: [{ name: q.question[0]!.name, ttl, cls: 'IN', type: 'A', data: { type: 'A', address: '10.0.0.1' } }],
  });

describe('dns/server cache', () => {
  it('a miss goes on and is stored; the next query of the session is a hit with AA', () => {
    const cf = `.:53 {\n  cache\n  forward . 10.0.0.1\n}\n`;
    const session = newSession();
    const server = serverOf(cf);
    const first = ask('', 'a.lab.', { server, session, upstreams: { '10.0.0.1:53': withTtl(300) } });
    assert.equal(first.forwards.length, 1);
    assert.equal(first.msg?.aa, false);
    assert.deepEqual(lines(first.msg), ['a.lab. 300 IN A 10.0.0.1']);
    assert.equal(first.steps[1]?.detail.en, 'Cache miss for a.lab. A: asks the next plugin.');
    assert.equal(first.steps[1]?.detail.ko, 'a.lab. A 캐시 미스: 다음 플러그인에 묻습니다.');
    const again = ask('', 'A.lab.', { server, session });
    assert.deepEqual(again.forwards, []);
    assert.equal(again.msg?.aa, true);
    assert.equal(again.msg?.question[0]?.name, 'A.lab.');
    assert.deepEqual(lines(again.msg), ['a.lab. 300 IN A 10.0.0.1']);
    assert.equal(
      again.steps[1]?.detail.en,
      'Cache hit for a.lab. A: answered from the cache (NOERROR, TTL 300; no time passes inside one lookup).',
    );
    assert.equal(
      again.steps[1]?.detail.ko,
      'a.lab. A 캐시 히트: 캐시에서 답합니다 (NOERROR, TTL 300. 한 조회 안에서는 시간이 흐르지 않습니다).',
    );
    // a new session starts with an empty cache
    assert.equal(ask('', 'a.lab.', { server, upstreams: { '10.0.0.1:53': withTtl(300) } }).forwards.length, 1);
  });

  const table: [string, number, number][] = [
    ['cache', 300, 300],
    ['cache', 7200, 3600],
    ['cache', 2, 5],
    ['cache 30', 300, 30],
    ['cache {\n    success 9984 60 10\n  }', 3, 10],
  ];
  for (const [line, upstreamTtl, want] of table)
    it(`${line.replace(/\n\s*/g, ' ')}: an upstream TTL of ${upstreamTtl} is written as ${want}`, () => {
      const r = ask(`.:53 {\n  ${line}\n  forward . 10.0.0.1\n}\n`, 'a.lab.', { upstreams: { '10.0.0.1:53': withTtl(upstreamTtl) } });
      assert.equal(r.msg?.answer[0]?.ttl, want);
    });

  it('NXDOMAIN with an SOA is stored for min(SOA TTL, 1800); SERVFAIL from hosts is not stored', () => {
    const db = `$TTL 3600\n@ IN SOA ns root 1 2 3 4 60\n@ IN NS ns\nns IN A 10.0.0.53\n`;
    const r = ask(`example.org {\n  cache\n  file db\n}\n`, 'x.example.org.', { files: { db } });
    assert.equal(r.msg?.rcode, 'NXDOMAIN');
    assert.deepEqual(lines(r.msg, 'authority'), ['example.org. 1800 IN SOA ns.example.org. root.example.org. 1 2 3 4 60']);
    assert.equal(
      r.steps.find((s) => s.data?.['stored'])?.detail.en,
      "Stored in the denial cache for 1800s; the reply's TTLs are set to 1800.",
    );
    const h = ask(`.:53 {\n  cache\n  hosts\n}\n`, 'x.lab.', {});
    assert.equal(h.msg?.rcode, 'SERVFAIL');
    assert.ok(!h.steps.some((s) => s.data?.['stored']));
  });
});
