import { strict as assert } from 'node:assert';
import { resolveName, MAX_QUERIES } from '../../../../src/core/dns/resolver/index';
import { newSession } from '../../../../src/core/dns/msg';
import type { LookupRequest, LookupTool } from '../../../../src/core/dns/lookup';
import { writeFile } from '../../../../src/core/sim/kernel';
import { gatewayWorld, type W } from '../../../support/world';
import { rr, serveDns, ToyServer } from '../../../support/dns';

const RECORDS = [
  rr('web.example.com. A 10.0.0.5'),
  rr('www.example.com. CNAME web.example.com.'),
  rr('v6.example.com. AAAA 2001:db8::5'),
  rr('txt.example.com. TXT hello'),
  rr('web.a.test. A 10.0.0.7'),
];

/** a asks; b (192.168.2.10) and r (192.168.1.1) can serve. */
function lab(resolv: string, opts: { hosts?: string; nsswitch?: string; onR?: boolean } = {}): { w: W; b: ToyServer; r: ToyServer } {
  const w = gatewayWorld(true);
  const b = new ToyServer(RECORDS, 'dns-b');
  const r = new ToyServer(RECORDS, 'dns-r');
  serveDns(w.ns('b'), b);
  if (opts.onR) serveDns(w.ns('r'), r);
  const a = w.world.hosts.get('a')!;
  writeFile(a, '/etc/resolv.conf', resolv);
  if (opts.hosts !== undefined) writeFile(a, '/etc/hosts', opts.hosts);
  if (opts.nsswitch !== undefined) writeFile(a, '/etc/nsswitch.conf', opts.nsswitch);
  return { w, b, r };
}

const ask = (w: W, name: string, tool: LookupTool = 'getaddrinfo', extra: Partial<LookupRequest> = {}, session = newSession()) =>
  resolveName(w.world, { from: { host: 'a', netns: '' }, name, tool, ...extra }, session);

const queries = (l: ReturnType<typeof ask>) => l.queries.map((q) => `${q.type}? ${q.name} @${q.server} ${q.rcode}`);
const answers = (l: ReturnType<typeof ask>) => l.answers.map((a) => `${a.name} ${a.type} ${a.data}`);

describe('resolveName (glibc): nsswitch order', () => {
  it('files before dns: /etc/hosts answers and no query is sent', () => {
    const { w, b } = lab('nameserver 192.168.2.10\n', { hosts: '127.0.0.1 localhost\n10.1.1.1 web.example.com web\n' });
    const l = ask(w, 'web');
    assert.equal(l.status, 'success');
    assert.equal(l.answeredBy, 'files');
    assert.deepEqual(answers(l), ['web.example.com A 10.1.1.1']);
    assert.equal(l.canonical, 'web.example.com');
    assert.deepEqual(l.queries, []);
    assert.deepEqual(b.log, []);
    const hostsStep = l.steps.find((s) => s.kind === 'hosts')!;
    assert.deepEqual(hostsStep.detail, {
      en: '/etc/hosts line 2: 10.1.1.1 web.example.com web',
      ko: '/etc/hosts 2번째 줄: 10.1.1.1 web.example.com web',
    });
    assert.deepEqual(hostsStep.source && [hostsStep.source.file, hostsStep.source.line], ['/etc/hosts', 2]);
    assert.deepEqual(l.steps.at(-1), {
      kind: 'answer',
      detail: { en: 'web: 10.1.1.1 (from files).', ko: 'web: 10.1.1.1 (files에서 찾음).' },
    });
  });

  it('dns before files: the DNS answer wins; a name DNS does not know falls through to files', () => {
    const { w } = lab('nameserver 192.168.2.10\n', {
      hosts: '10.1.1.1 web.example.com\n10.2.2.2 only.local\n',
      nsswitch: 'hosts: dns files\n',
    });
    const l = ask(w, 'web.example.com');
    assert.equal(l.answeredBy, 'dns');
    assert.deepEqual(answers(l), ['web.example.com. A 10.0.0.5']);
    const m = ask(w, 'only.local');
    assert.equal(m.answeredBy, 'files');
    assert.deepEqual(answers(m), ['only.local A 10.2.2.2']);
    assert.deepEqual(queries(m), ['A? only.local. @192.168.2.10#53 NXDOMAIN', 'AAAA? only.local. @192.168.2.10#53 NXDOMAIN']);
    assert.deepEqual(
      m.steps.filter((s) => s.kind === 'nsswitch').map((s) => s.detail.en),
      ['hosts: dns did not find it (NOTFOUND): continue with the next source.', 'hosts: files found it (SUCCESS): return.'],
    );
  });

  it('[NOTFOUND=return] ends the lookup at an NXDOMAIN: files is never read', () => {
    const { w } = lab('nameserver 192.168.2.10\n', { hosts: '10.2.2.2 only.local\n', nsswitch: 'hosts: dns [NOTFOUND=return] files\n' });
    const l = ask(w, 'only.local');
    assert.equal(l.status, 'notfound');
    assert.equal(l.answers.length, 0);
    assert.equal(l.steps.filter((s) => s.kind === 'hosts').length, 0);
    const last = l.steps.filter((s) => s.kind === 'nsswitch').at(-1)!;
    assert.deepEqual(last.detail, {
      en: 'hosts: dns did not find it (NOTFOUND): return.',
      ko: 'hosts: dns: 찾지 못했습니다(NOTFOUND). 여기서 끝냅니다(return).',
    });
    assert.equal(last.source?.file, '/etc/nsswitch.conf');
    assert.equal(last.source?.line, 1);
  });

  it('a source that is not simulated is taken as UNAVAIL, with a step and a warning', () => {
    const { w } = lab('nameserver 192.168.2.10\n', { nsswitch: 'hosts: files mdns4_minimal [NOTFOUND=return] dns\n' });
    const l = ask(w, 'web.example.com');
    assert.equal(l.status, 'success');
    assert.equal(l.answeredBy, 'dns');
    assert.ok(l.steps.some((s) => s.detail.en.startsWith('The "mdns4_minimal" source is not simulated')));
    assert.deepEqual(
      l.warnings?.map((d) => [d.code, d.file, d.line, d.message.en]),
      [
        [
          'trace-not-simulated',
          '/etc/nsswitch.conf',
          1,
          'The nsswitch source "mdns4_minimal" is not simulated: lookups take it as unavailable.',
        ],
      ],
    );
  });

  it('myhostname: the host name is its addresses, localhost is 127.0.0.1 and ::1', () => {
    const { w } = lab('nameserver 192.168.2.10\n', { nsswitch: 'hosts: myhostname\n' });
    // Every address but loopback ones; a link-local one with its zone, which makes it usable, so that its precedence (40) puts it first.
    assert.deepEqual(answers(ask(w, 'a', 'getent-ahosts')), ['a AAAA fe80::f2:66ff:fe16:acd7%2', 'a A 192.168.1.10']);
    // getaddrinfo puts ::1 first (precedence 50 against 10 for IPv4), as `getent ahosts localhost` does.
    assert.deepEqual(answers(ask(w, 'localhost')), ['localhost AAAA ::1', 'localhost A 127.0.0.1']);
    assert.deepEqual(answers(ask(w, 'x.localhost')), ['x.localhost AAAA ::1', 'x.localhost A 127.0.0.1']);
    assert.equal(ask(w, 'elsewhere').status, 'notfound');
  });
});

describe('resolveName (glibc): the search list', () => {
  it('a name with fewer dots than ndots goes through the search list in order, then as it is', () => {
    const { w } = lab('nameserver 192.168.2.10\nsearch a.test example.com\noptions ndots:2\n');
    const l = ask(w, 'www', 'getaddrinfo');
    // www.a.test: NXDOMAIN; www.example.com: found (a CNAME to web.example.com).
    assert.deepEqual(queries(l), [
      'A? www.a.test. @192.168.2.10#53 NXDOMAIN',
      'AAAA? www.a.test. @192.168.2.10#53 NXDOMAIN',
      'A? www.example.com. @192.168.2.10#53 NOERROR',
      'AAAA? www.example.com. @192.168.2.10#53 NOERROR',
    ]);
    assert.deepEqual(answers(l), ['web.example.com. A 10.0.0.5']);
    assert.equal(l.canonical, 'web.example.com');
    const search = l.steps.filter((s) => s.kind === 'search');
    assert.deepEqual(
      search.map((s) => s.detail.en),
      ['Ask for www.a.test (a search domain appended).', 'Ask for www.example.com (a search domain appended).'],
    );
    assert.equal(search[0]!.source?.line, 2);
    const none = ask(w, 'nope.x');
    assert.deepEqual(
      none.queries.filter((q) => q.type === 'A').map((q) => q.name),
      ['nope.x.a.test.', 'nope.x.example.com.', 'nope.x.'],
    );
    assert.equal(none.status, 'notfound');
  });

  it('a name with ndots dots is asked as it is first, then under the search domains', () => {
    const { w } = lab('nameserver 192.168.2.10\nsearch a.test\n');
    const l = ask(w, 'web.nowhere', 'getaddrinfo');
    assert.deepEqual(
      l.queries.filter((q) => q.type === 'A').map((q) => q.name),
      ['web.nowhere.', 'web.nowhere.a.test.'],
    );
  });

  it('a trailing dot: the name as it is, and nothing else', () => {
    const { w } = lab('nameserver 192.168.2.10\nsearch a.test example.com\n');
    const l = ask(w, 'web.', 'getaddrinfo');
    assert.deepEqual(queries(l), ['A? web. @192.168.2.10#53 NXDOMAIN', 'AAAA? web. @192.168.2.10#53 NXDOMAIN']);
    assert.equal(l.status, 'notfound');
  });

  it('NODATA goes on through the search list and is what the lookup ends with', () => {
    const { w } = lab('nameserver 192.168.2.10\nsearch example.com\n');
    const l = ask(w, 'txt', 'getaddrinfo');
    assert.deepEqual(
      l.queries.map((q) => `${q.name} ${q.rcode}`),
      ['txt.example.com. NOERROR', 'txt.example.com. NOERROR', 'txt. NXDOMAIN', 'txt. NXDOMAIN'],
    );
    assert.equal(l.status, 'nodata');
    assert.deepEqual(l.steps.at(-1)!.detail.en, 'txt: No address associated with hostname.');
    assert.equal(ask(w, 'nope', 'getaddrinfo').status, 'notfound');
  });
});

describe('resolveName (glibc): what is asked', () => {
  it('getent hosts asks AAAA first, then A when there is no IPv6 address', () => {
    const { w } = lab('nameserver 192.168.2.10\n');
    const l = ask(w, 'web.example.com', 'getent-hosts');
    assert.deepEqual(queries(l), ['AAAA? web.example.com. @192.168.2.10#53 NOERROR', 'A? web.example.com. @192.168.2.10#53 NOERROR']);
    assert.deepEqual(answers(l), ['web.example.com. A 10.0.0.5']);
    const v6 = ask(w, 'v6.example.com', 'getent-hosts');
    assert.deepEqual(queries(v6), ['AAAA? v6.example.com. @192.168.2.10#53 NOERROR']);
    assert.deepEqual(answers(v6), ['v6.example.com. AAAA 2001:db8::5']);
  });

  it('getent hosts with an address looks it up backwards in /etc/hosts', () => {
    const { w } = lab('nameserver 192.168.2.10\n', { hosts: '10.1.1.1 one.lab one\n' });
    const l = ask(w, '10.1.1.1', 'getent-hosts');
    assert.equal(l.status, 'success');
    assert.deepEqual(answers(l), ['one.lab PTR one.lab one']);
    const m = ask(w, '10.1.1.2', 'getent-hosts');
    assert.deepEqual(queries(m), ['PTR? 2.1.1.10.in-addr.arpa. @192.168.2.10#53 NXDOMAIN']);
  });

  it('getaddrinfo of an address looks nothing up', () => {
    const { w } = lab('nameserver 192.168.2.10\n');
    const l = ask(w, '10.1', 'getaddrinfo');
    assert.deepEqual(answers(l), ['10.1 A 10.0.0.1']);
    assert.deepEqual(l.queries, []);
  });

  it('getent ahosts (AI_ADDRCONFIG) asks A and AAAA when the host has a link-local IPv6 address, as glibc counts it', () => {
    const { w } = lab('nameserver 192.168.2.10\n');
    const l = ask(w, 'web.example.com', 'getent-ahosts');
    assert.deepEqual(
      l.queries.map((q) => q.type),
      ['A', 'AAAA'],
    );
  });

  it('options no-aaaa: only A', () => {
    const { w } = lab('nameserver 192.168.2.10\noptions no-aaaa\n');
    assert.deepEqual(
      ask(w, 'web.example.com').queries.map((q) => q.type),
      ['A'],
    );
  });

  it('a CNAME chain: the addresses of its end, and its end as the canonical name', () => {
    const { w } = lab('nameserver 192.168.2.10\n');
    const l = ask(w, 'www.example.com');
    assert.deepEqual(answers(l), ['web.example.com. A 10.0.0.5']);
    assert.equal(l.canonical, 'web.example.com');
    assert.equal(l.rcode, 'NOERROR');
  });
});

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

  it('options rotate: each lookup of the session starts at the next server', () => {
    const { w, b, r } = lab('nameserver 192.168.2.10\nnameserver 192.168.1.1\noptions rotate\n', { onR: true });
    const session = newSession();
    ask(w, 'web.example.com', 'getaddrinfo', {}, session);
    ask(w, 'web.example.com', 'getaddrinfo', {}, session);
    assert.deepEqual(b.log, ['A? web.example.com.', 'AAAA? web.example.com.']);
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
    assert.ok(l.legs.some((g) => g.steps[0]?.packet.tcp));
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
