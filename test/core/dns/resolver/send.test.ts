import { strict as assert } from 'node:assert';
import { resolveName, MAX_QUERIES } from '../../../../src/core/dns/resolver/index';
import { newSession } from '../../../../src/core/dns/msg';
import { writeFile } from '../../../../src/core/sim/kernel';
import { gatewayWorld } from '../../../support/world';
import { answers, ask, queries, RESOLVER_RECORDS as RECORDS, resolverLab as lab, serveDns, ToyServer } from '../../../support/dns';

describe('resolveName (glibc): servers, timeouts and the network', () => {
  it('a server behind a DROP rule: each name of the search list waits attempts x timeout, and the lookup says TRYAGAIN', () => {
    // Seen on glibc 2.36 (kernel 6.18): search a.test, timeout:1 attempts:2, `getent ahosts foo`: 4.1 s, foo.a.test twice then foo twice.
    const { w } = lab('nameserver 192.168.2.10\nsearch a.test\noptions timeout:1 attempts:2\n');
    w.iptables(w.ns('b'), '-A INPUT -p udp --dport 53 -j DROP');
    const l = ask(w, 'foo', 'getent-ahosts');
    assert.equal(l.status, 'tryagain');
    assert.equal(l.elapsedMs, 4000);
    assert.deepEqual(
      l.queries.filter((q) => q.type === 'A').map((q) => `${q.name} ${q.rcode}`),
      ['foo.a.test. TIMEOUT', 'foo.a.test. TIMEOUT', 'foo. TIMEOUT', 'foo. TIMEOUT'],
    );
    assert.ok(l.steps.some((s) => s.kind === 'timeout'));
    assert.deepEqual(l.steps.at(-1)!.detail, {
      en: 'foo: Temporary failure in name resolution.',
      ko: 'foo: Temporary failure in name resolution(지금은 이름을 해석할 수 없습니다).',
    });
    // Each query step points at the resolv.conf line of its server.
    const q = l.steps.find((s) => s.kind === 'query')!;
    assert.deepEqual([q.source?.file, q.source?.line, q.data?.['timeoutMs']], ['/etc/resolv.conf', 1, 1000]);
  });

  it('no listener: ICMP port unreachable ends each try at once, and the search list stops (ECONNREFUSED)', () => {
    // Seen on glibc 2.36: the same lookup against a port nothing listens on: 0.09 s, foo.a.test twice, nothing else.
    const { w } = lab('nameserver 192.168.1.1\nsearch a.test\noptions timeout:1 attempts:2\n');
    const l = ask(w, 'foo', 'getent-ahosts');
    assert.equal(l.status, 'tryagain');
    assert.equal(l.elapsedMs, 0);
    assert.deepEqual(
      l.queries.map((q) => `${q.type}? ${q.name} ${q.rcode}`),
      ['A? foo.a.test. UNREACHABLE', 'AAAA? foo.a.test. UNREACHABLE', 'A? foo.a.test. UNREACHABLE', 'AAAA? foo.a.test. UNREACHABLE'],
    );
  });

  it('three silent servers: each waits (timeout << ns) / nscount seconds, 2 + 1 + 2', () => {
    // Seen on glibc 2.36 with timeout:2 attempts:1: polls of 2000, 1000 and 2000 ms.
    const { w } = lab('nameserver 192.168.2.10\nnameserver 192.168.2.11\nnameserver 192.168.2.12\noptions timeout:2 attempts:1\n');
    w.addr(w.ns('b'), 'eth0', '192.168.2.11/24').addr(w.ns('b'), 'eth0', '192.168.2.12/24');
    w.iptables(w.ns('b'), '-A INPUT -p udp --dport 53 -j DROP');
    const l = ask(w, 'foo.b');
    assert.equal(l.elapsedMs, 5000);
    assert.deepEqual(
      l.steps.filter((s) => s.kind === 'timeout').map((s) => s.data?.['waitedMs']),
      [2000, 2000, 1000, 1000, 2000, 2000],
    );
  });

  it('two servers where the first is down: the first one is waited for, then the second answers', () => {
    const { w } = lab('nameserver 192.168.2.10\nnameserver 192.168.1.1\n', { onR: true });
    w.iptables(w.ns('b'), '-A INPUT -p udp --dport 53 -j DROP');
    const l = ask(w, 'web.example.com');
    assert.equal(l.status, 'success');
    assert.equal(l.elapsedMs, 5000);
    assert.deepEqual(queries(l), [
      'A? web.example.com. @192.168.2.10#53 TIMEOUT',
      'AAAA? web.example.com. @192.168.2.10#53 TIMEOUT',
      'A? web.example.com. @192.168.1.1#53 NOERROR',
      'AAAA? web.example.com. @192.168.1.1#53 NOERROR',
    ]);
  });

  it('SERVFAIL: glibc tries the next server and attempt, then goes on through the search list, and ends TRYAGAIN', () => {
    const w = gatewayWorld(true);
    serveDns(w.ns('b'), new ToyServer([], 'broken', { rcode: 'SERVFAIL' }));
    writeFile(w.world.hosts.get('a')!, '/etc/resolv.conf', 'nameserver 192.168.2.10\nsearch a.test\n');
    const l = ask(w, 'foo');
    assert.deepEqual(
      l.queries.filter((q) => q.type === 'A').map((q) => `${q.name} ${q.rcode}`),
      ['foo.a.test. SERVFAIL', 'foo.a.test. SERVFAIL', 'foo. SERVFAIL', 'foo. SERVFAIL'],
    );
    assert.equal(l.status, 'tryagain');
    assert.equal(l.elapsedMs, 0);
  });

  it('options rotate: each lookup of the session starts at the next server', () => {
    const { w, b, r } = lab('nameserver 192.168.2.10\nnameserver 192.168.1.1\noptions rotate\n', { onR: true });
    const session = newSession();
    const first = ask(w, 'web.example.com', 'getaddrinfo', {}, session);
    const second = ask(w, 'web.example.com', 'getaddrinfo', {}, session);
    assert.deepEqual(b.log, ['A? web.example.com.', 'AAAA? web.example.com.']);
    // glibc's start is random: the first rotation says where the simulator starts instead, once.
    const said = (l: typeof first) => l.steps.filter((s) => s.kind === 'note' && s.detail.en.startsWith('options rotate'));
    assert.deepEqual(
      said(first).map((s) => s.detail),
      [
        {
          en: 'options rotate: glibc starts each program at a random nameserver, then takes the next one for each query; here the first is 192.168.2.10, and each query takes the next.',
          ko: 'options rotate: glibc는 프로그램마다 무작위 nameserver에서 시작해 질의마다 다음 서버로 넘어갑니다. 여기서는 192.168.2.10에서 시작해 질의마다 다음 서버로 넘어갑니다.',
        },
      ],
    );
    assert.equal(said(second).length, 0);
    assert.deepEqual(r.log, ['A? web.example.com.', 'AAAA? web.example.com.']);
    const { w: w2, b: b2, r: r2 } = lab('nameserver 192.168.2.10\nnameserver 192.168.1.1\n', { onR: true });
    const s2 = newSession();
    ask(w2, 'web.example.com', 'getaddrinfo', {}, s2);
    ask(w2, 'web.example.com', 'getaddrinfo', {}, s2);
    assert.equal(b2.log.length, 4);
    assert.equal(r2.log.length, 0);
  });

  it('DNAT: the query to a virtual address reaches the server behind it', () => {
    const { w, b } = lab('nameserver 10.96.0.10\n');
    w.route(w.ns('a'), '10.96.0.0/12', '192.168.1.1');
    w.iptables(w.ns('r'), '-t nat -A PREROUTING -d 10.96.0.10 -p udp --dport 53 -j DNAT --to-destination 192.168.2.10');
    const l = ask(w, 'web.example.com');
    assert.equal(l.status, 'success');
    assert.deepEqual(b.log, ['A? web.example.com.', 'AAAA? web.example.com.']);
    assert.equal(l.queries[0]!.server, '10.96.0.10#53');
  });

  it('single-request: A and AAAA one after the other; a silent server never gets the AAAA', () => {
    // Seen on glibc 2.36: options single-request timeout:1 attempts:1 against a DROP: one A, 1 s.
    const { w } = lab('nameserver 192.168.2.10\noptions timeout:1 attempts:1 single-request\n');
    w.iptables(w.ns('b'), '-A INPUT -p udp --dport 53 -j DROP');
    const l = ask(w, 'foo.b', 'getent-ahosts');
    assert.deepEqual(
      l.queries.map((q) => q.type),
      ['A'],
    );
    assert.equal(l.elapsedMs, 1000);
  });

  it('one answer of two: glibc resends in single-request, then single-request-reopen mode, and keeps the answer it has', () => {
    const w = gatewayWorld(true);
    serveDns(w.ns('b'), new ToyServer(RECORDS, 'no-aaaa', { dropTypes: ['AAAA'] }));
    writeFile(w.world.hosts.get('a')!, '/etc/resolv.conf', 'nameserver 192.168.2.10\nsearch a.test\noptions timeout:1 attempts:2\n');
    const l = ask(w, 'web.example.com');
    assert.equal(l.status, 'success');
    assert.deepEqual(answers(l), ['web.example.com. A 10.0.0.5']);
    assert.equal(l.elapsedMs, 3000);
    assert.deepEqual(
      l.queries.map((q) => `${q.type} ${q.rcode}`),
      ['A NOERROR', 'AAAA TIMEOUT', 'A NOERROR', 'AAAA TIMEOUT', 'A NOERROR', 'AAAA TIMEOUT'],
    );
    assert.deepEqual(
      l.steps.filter((s) => s.kind === 'note').map((s) => s.detail.en.split(':')[0]),
      ['Only one of the two answers came', 'Still one answer of two'],
    );
  });

  it('a truncated answer: the same server again over TCP', () => {
    const w = gatewayWorld(true);
    const big = new ToyServer(RECORDS, 'big', { truncateUdp: true });
    serveDns(w.ns('b'), big);
    writeFile(w.world.hosts.get('a')!, '/etc/resolv.conf', 'nameserver 192.168.2.10\n');
    const l = ask(w, 'web.example.com', 'getent-hosts');
    assert.equal(l.status, 'success');
    assert.deepEqual(big.log, ['AAAA? web.example.com.', 'AAAA? web.example.com. tcp', 'A? web.example.com.', 'A? web.example.com. tcp']);
    assert.ok(l.legs.some((g) => g.steps[0]?.packet!.tcp));
  });

  it("options use-vc: TCP from the start; a server that drops it costs the kernel's SYN retries", () => {
    const { w, b } = lab('nameserver 192.168.2.10\noptions use-vc\n');
    assert.equal(ask(w, 'web.example.com').status, 'success');
    assert.deepEqual(b.log, ['A? web.example.com. tcp', 'AAAA? web.example.com. tcp']);
    w.iptables(w.ns('b'), '-A INPUT -p tcp --dport 53 -j DROP');
    const l = ask(w, 'foo.b');
    assert.equal(l.elapsedMs, 127_000);
    assert.deepEqual(
      l.queries.map((q) => `${q.type} ${q.rcode}`),
      ['A TIMEOUT'],
    );
  });

  it('getent hosts against a silent server: AAAA waits, then A waits', () => {
    // Seen on glibc 2.36: timeout:1 attempts:1, `getent hosts foo.b`: 2.1 s, AAAA then A.
    const { w } = lab('nameserver 192.168.2.10\noptions timeout:1 attempts:1\n');
    w.iptables(w.ns('b'), '-A INPUT -p udp --dport 53 -j DROP');
    const l = ask(w, 'foo.b', 'getent-hosts');
    assert.deepEqual(
      l.queries.map((q) => q.type),
      ['AAAA', 'A'],
    );
    assert.equal(l.elapsedMs, 2000);
  });

  it('no resolv.conf: glibc asks 127.0.0.1, where nothing listens here', () => {
    const w = gatewayWorld(true);
    const l = ask(w, 'web.example.com');
    assert.deepEqual(
      l.queries.map((q) => `${q.server} ${q.rcode}`),
      ['127.0.0.1#53 UNREACHABLE', '127.0.0.1#53 UNREACHABLE', '127.0.0.1#53 UNREACHABLE', '127.0.0.1#53 UNREACHABLE'],
    );
    assert.equal(l.status, 'tryagain');
  });

  it('a network namespace reads /etc/netns/NAME/resolv.conf when the host has one', () => {
    const { w, b } = lab('nameserver 192.168.9.9\n');
    const red = w.netns('a', 'red');
    w.veth(w.ns('a'), 'v-a', red, 'v-red');
    w.addr(w.ns('a'), 'v-a', '10.50.0.1/24').addr(red, 'v-red', '10.50.0.2/24');
    w.route(red, 'default', '10.50.0.1');
    w.forward(w.ns('a'));
    w.route(w.ns('b'), '10.50.0.0/24', '192.168.2.1');
    w.route(w.ns('r'), '10.50.0.0/24', '192.168.1.10');
    writeFile(w.world.hosts.get('a')!, '/etc/netns/red/resolv.conf', 'nameserver 192.168.2.10\n');
    const l = resolveName(w.world, { from: { host: 'a', netns: 'red' }, name: 'web.example.com', tool: 'getaddrinfo' });
    assert.equal(l.status, 'success', JSON.stringify(l.queries.map((q) => q.rcode)));
    assert.equal(b.log.length, 2);
  });

  it('a lookup ends: no more than MAX_QUERIES queries (glibc 2.36 keeps every search domain)', () => {
    const domains = Array.from({ length: 40 }, (_, i) => `d${i}.test`).join(' ');
    const { w } = lab(`nameserver 192.168.2.10\nsearch ${domains}\n`);
    const l = ask(w, 'nope');
    assert.equal(l.queries.length, MAX_QUERIES);
    assert.equal(l.queries.at(-1)!.name, 'nope.d31.test.');
    assert.deepEqual(l.steps.at(-1)!.detail, {
      en: `The lookup stopped after ${MAX_QUERIES} queries.`,
      ko: `질의를 ${MAX_QUERIES}개 보낸 뒤 조회를 멈췄습니다.`,
    });
  });
});
