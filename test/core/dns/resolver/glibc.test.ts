import { strict as assert } from 'node:assert';
import { answers, ask, queries, resolverLab as lab } from '../../../support/dns';

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

  it('files compares names without case, but a final dot is part of the name', () => {
    const { w } = lab('nameserver 192.168.2.10\n', { hosts: '10.1.1.1 web.lab web\n', nsswitch: 'hosts: files\n' });
    assert.deepEqual(answers(ask(w, 'WEB.LAB', 'getent-hosts')), ['web.lab A 10.1.1.1']);
    assert.equal(ask(w, 'web.lab.', 'getent-hosts').status, 'notfound');
    assert.equal(ask(w, 'web.', 'getent-ahosts').status, 'notfound');
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
    assert.deepEqual(answers(l), ['1.1.1.10.in-addr.arpa. PTR one.lab', '1.1.1.10.in-addr.arpa. PTR one']);
    const m = ask(w, '10.1.1.2', 'getent-hosts');
    assert.deepEqual(queries(m), ['PTR? 2.1.1.10.in-addr.arpa. @192.168.2.10#53 NXDOMAIN']);
    const d = ask(w, '10.0.0.5', 'getent-hosts');
    assert.equal(d.answeredBy, 'dns');
    assert.deepEqual(answers(d), ['5.0.0.10.in-addr.arpa. PTR web.example.com.']);
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

  it('one family asked for (options.family, as ping -4 asks): only that record type', () => {
    const { w } = lab('nameserver 192.168.2.10\n');
    assert.deepEqual(
      ask(w, 'web.example.com', 'getaddrinfo', { options: { family: 4 } }).queries.map((q) => q.type),
      ['A'],
    );
    const v6 = ask(w, 'web.example.com', 'getaddrinfo', { options: { family: 6 } });
    assert.deepEqual(
      v6.queries.map((q) => q.type),
      ['AAAA'],
    );
    assert.equal(v6.status, 'nodata');
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
