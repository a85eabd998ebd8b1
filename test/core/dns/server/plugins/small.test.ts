/** whoami (whoami_test.go), loadbalance (round robin from the session), errors and log lines, the parsed-only plugins. */
import { strict as assert } from 'node:assert';
import { ask, lines, serverOf } from '../../../../support/coredns';
import { newSession } from '../../../../../src/core/dns/msg';
import { roundRobin } from '../../../../../src/core/dns/server/plugins/loadbalance';

describe('dns/server whoami, loadbalance, log, health and the rest', () => {
  it('whoami: the client address and port in the additional section (whoami_test.go)', () => {
    const r = ask(`.:53 {\n  whoami\n}\n`, 'example.org.', { client: '10.240.0.1' });
    assert.equal(r.msg?.aa, true);
    assert.deepEqual(lines(r.msg), []);
    assert.deepEqual(lines(r.msg, 'additional'), ['example.org. 0 IN A 10.240.0.1', '_udp.example.org. 0 IN SRV 0 0 40000 .']);
    const v6 = ask(`.:53 {\n  whoami\n}\n`, '.', { client: 'fd00::1', proto: 'tcp' });
    assert.deepEqual(lines(v6.msg, 'additional'), ['. 0 IN AAAA fd00::1', '_tcp. 0 IN SRV 0 0 40000 .']);
  });

  it('loadbalance: the same session shuffles the same way; CNAMEs stay first', () => {
    const hosts = { '/etc/hosts': '10.0.0.1 web\n10.0.0.2 web\n10.0.0.3 web\n' };
    const cf = `.:53 {\n  loadbalance\n  hosts\n}\n`;
    const server = serverOf(cf, hosts);
    const s1 = newSession();
    const orders = [1, 2, 3].map(() => lines(ask('', 'web.', { server, session: s1 }).msg).join(' '));
    const s2 = newSession();
    assert.deepEqual(
      [1, 2, 3].map(() => lines(ask('', 'web.', { server, session: s2 }).msg).join(' ')),
      orders,
    );
    assert.ok(new Set(orders).size > 1, orders.join(' / '));
    const rr = (type: string, v: string) => ({
      name: 'x.',
      ttl: 1,
      cls: 'IN',
      type,
      data: type === 'CNAME' ? { type: 'CNAME' as const, target: v } : { type: 'A' as const, address: v },
    });
    let n = 0;
    const mixed = roundRobin([rr('A', '1.1.1.1'), rr('CNAME', 'y.'), rr('A', '2.2.2.2')], () => n++);
    assert.equal(mixed[0]!.type, 'CNAME');
  });

  it('log prints the common log format; errors only what a plugin returned as an error', () => {
    const r = ask(`.:53 {\n  errors\n  log\n  whoami\n}\n`, 'Example.org.', { edns: true });
    const line = r.steps.find((s) => s.plugin === 'log')!;
    assert.equal(line.data?.['log'], '[INFO] 10.0.0.2:40000 - 4242 "A IN Example.org. udp 40 false 1232" NOERROR qr,aa,rd 91 0s');
    assert.equal(line.detail.ko, line.detail.en);
    assert.ok(!r.steps.some((s) => s.plugin === 'errors'));
    assert.deepEqual(r.msg?.edns, { udpSize: 1232, do: false });
  });

  it("log: a plugin that only returned a code (hosts' SERVFAIL) is logged with no rcode, flags or size, as 1.11.1 does", () => {
    const r = ask(`.:53 {\n  log\n  hosts {\n    10.0.0.20 web.lab.test\n  }\n}\n`, 'nope.lab.test.', { edns: true });
    assert.equal(r.msg?.rcode, 'SERVFAIL');
    assert.equal(
      r.steps.find((s) => s.plugin === 'log')!.data?.['log'],
      '[INFO] 10.0.0.2:40000 - 4242 "A IN nope.lab.test. udp 42 false 1232" - - 0 0s',
    );
  });

  it('health, ready and prometheus are listens and say so; a plugin not simulated is marked', () => {
    const cf = `.:53 {\n  health :8080\n  ready\n  prometheus :9153\n  kubernetes cluster.local\n  whoami\n}\n`;
    const r = ask(cf, 'a.cluster.local.');
    assert.deepEqual(
      r.steps.map((s) => s.plugin ?? '-'),
      ['-', 'ready', 'health', 'prometheus', 'kubernetes', 'whoami'],
    );
    const k = r.steps.find((s) => s.plugin === 'kubernetes')!;
    assert.equal(k.data?.['notSimulated'], 'kubernetes');
    assert.equal(
      k.detail.en,
      'The kubernetes plugin is only parsed, not simulated: the query goes on to the next plugin as if kubernetes had nothing to say, which the real CoreDNS may not do.',
    );
    assert.equal(
      k.detail.ko,
      'kubernetes 플러그인은 읽기만 하고 시뮬레이션하지 않습니다. 질의는 kubernetes에 할 말이 없는 것처럼 다음 플러그인으로 넘어가지만, 실제 CoreDNS는 다르게 답할 수 있습니다.',
    );
    assert.equal(
      r.steps.find((s) => s.plugin === 'health')?.detail.en,
      'health serves HTTP on :8080 (/health answers 200 OK while CoreDNS runs); it does nothing to a query.',
    );
  });

  it('chaos: version.bind and hostname.bind in class CH (chaos.go); other classes and types go on', () => {
    const cf = `.:53 {\n  chaos\n  whoami\n}\n`;
    const v = ask(cf, 'version.bind.', { type: 'TXT', cls: 'CH' });
    assert.deepEqual(lines(v.msg), ['version.bind. 0 CH TXT "CoreDNS-1.11.1"']);
    assert.equal(v.msg?.aa, false);
    const named = ask(`.:53 {\n  chaos MyDNS alice bob\n}\n`, 'authors.bind.', { type: 'TXT', cls: 'CH' });
    assert.deepEqual(lines(named.msg), ['authors.bind. 0 CH TXT "alice"', 'authors.bind. 0 CH TXT "bob"']);
    assert.deepEqual(lines(ask(`.:53 {\n  chaos MyDNS\n}\n`, 'version.server.', { type: 'TXT', cls: 'CH' }).msg), [
      'version.server. 0 CH TXT "MyDNS"',
    ]);
    assert.equal(ask(cf, 'version.bind.', { type: 'TXT' }).msg?.additional.length, 2);
  });
});
