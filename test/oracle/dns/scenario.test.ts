/**
 * The DNS oracle's own parts, without a kernel: one scenario's records become the same data for
 * dnsmasq and for CoreDNS; what the comparison hides and what it must not; how command lines become
 * lookups; dnsmasq's log read as queries.
 */
import { strict as assert } from 'node:assert';
import { parseCorefile } from '../../../src/core/dns/corefile';
import { buildZone, lookup } from '../../../src/core/dns/zone/zone';
import { parseZone } from '../../../src/core/dns/zone/parse';
import { compareDnsAnswers, comparableQueries, digEssentials, rotates } from './compare';
import { parseDnsmasqLog, type KernelDnsAnswer } from './kernel';
import { corefile, dnsmasqRecordArgs, loadDnsScenarios, parseScenario, zoneFile } from './scenario';
import { requestOf } from './sim';

const S = parseScenario(
  'x.yaml',
  `name: x
about: every record type
zones: [example.com, 0.53.10.in-addr.arpa]
records: |
  web.example.com A 10.53.0.80
  web.example.com AAAA 2001:db8::80
  www.example.com CNAME web.example.com
  web.example.com TXT "v=1 hello"
  example.com MX 10 mail.example.com
  _http._tcp.example.com SRV 0 5 80 web.example.com.
  99.0.53.10.in-addr.arpa PTR printer.example.com
hosts:
  c: { ip: 10.53.0.10/24, files: { /etc/resolv.conf: "nameserver 10.53.0.53\\n" } }
  ns: { ip: 10.53.0.53/24, dns: true }
questions:
  - { on: c, run: getent hosts web }
`,
);

describe('DNS oracle scenarios: one set of records for dnsmasq and CoreDNS', () => {
  it('dnsmasq 2.90 gets each record in its own option, authoritative for the zones', () => {
    assert.deepEqual(dnsmasqRecordArgs(S), [
      '--host-record=web.example.com,10.53.0.80,2001:db8::80',
      '--cname=www.example.com,web.example.com',
      '--txt-record=web.example.com,v=1 hello',
      '--mx-host=example.com,mail.example.com,10',
      '--srv-host=_http._tcp.example.com,web.example.com,80,0,5',
      '--ptr-record=99.0.53.10.in-addr.arpa,printer.example.com',
      '--local=/example.com/',
      '--local=/0.53.10.in-addr.arpa/',
    ]);
  });

  it('CoreDNS gets a server block per zone, and zone files that parse clean and answer every record', () => {
    assert.equal(
      corefile(S),
      'example.com {\n    file /etc/coredns/db.example.com\n}\n0.53.10.in-addr.arpa {\n    file /etc/coredns/db.0.53.10.in-addr.arpa\n}\n',
    );
    assert.deepEqual(parseCorefile(corefile(S), 'Corefile').diagnostics, []);
    for (const z of S.zones) {
      const parsed = parseZone(zoneFile(S, z), { file: `db.${z}`, origin: z });
      assert.deepEqual(parsed.diagnostics, [], z);
      const zone = buildZone(`${z}.`, parsed.records);
      for (const r of S.records.filter((x) => x.name.endsWith(z))) {
        const a = lookup(zone, `${r.name}.`, r.type);
        assert.equal(a.rcode, 'NOERROR', `${r.name} ${r.type}`);
        assert.ok(
          a.answer.some((x) => x.type === r.type),
          `${r.name} ${r.type}`,
        );
      }
    }
    assert.match(zoneFile(S, 'example.com'), /^\$ORIGIN example\.com\.\n\$TTL 300\n@ IN SOA ns\.invalid\. /);
    assert.match(zoneFile(S, 'example.com'), /\n_http\._tcp\.example\.com\. IN SRV 0 5 80 web\.example\.com\.\n/);
  });

  it('every scenario file loads, and has its questions on hosts it declares', () => {
    const all = loadDnsScenarios();
    assert.ok(all.length >= 20);
    for (const s of all)
      assert.ok(
        s.hosts.some((h) => h.dns),
        `${s.file}: no DNS server`,
      );
  });

  it('a bad record line is refused, naming the file', () => {
    assert.throws(
      () => parseScenario('bad.yaml', 'name: b\nabout: b\nrecords: "web.example.com HINFO x y"\nhosts: {}\n'),
      /bad\.yaml: bad record line/,
    );
  });
});

const ans = (over: Partial<KernelDnsAnswer>): KernelDnsAnswer => ({
  on: 'c',
  run: 'getent ahosts web',
  status: 0,
  stdout: '',
  stderr: '',
  elapsedMs: 100,
  queries: [],
  ...over,
});

describe('DNS oracle comparison: what it hides, and what it does not', () => {
  const DIG = `
; <<>> DiG 9.18.49-1~deb12u3-Debian <<>> web.example.com
;; global options: +cmd
;; Got answer:
;; ->>HEADER<<- opcode: QUERY, status: NOERROR, id: 28756
;; flags: qr aa rd ra; QUERY: 1, ANSWER: 1, AUTHORITY: 0, ADDITIONAL: 1

;; QUESTION SECTION:
;web.example.com.		IN	A

;; ANSWER SECTION:
web.example.com.	300	IN	A	10.2.0.80

;; Query time: 3 msec
;; SERVER: 10.1.0.1#53(10.1.0.1) (UDP)
;; WHEN: Sat Dec 05 11:57:01 UTC 2026
;; MSG SIZE  rcvd: 60
`;

  it("dig's full output: status, question, answer and server, not the id, flags, time or size", () => {
    assert.equal(
      digEssentials(DIG),
      'status: NOERROR\n;; QUESTION SECTION:\n;web.example.com. IN A\n;; ANSWER SECTION:\nweb.example.com. 300 IN A 10.2.0.80\n;; SERVER: 10.1.0.1#53(10.1.0.1) (UDP)',
    );
    const other = DIG.replace('id: 28756', 'id: 1').replace('qr aa rd ra', 'qr aa rd').replace('3 msec', '0 msec');
    assert.deepEqual(
      compareDnsAnswers(ans({ run: 'dig web.example.com', stdout: DIG }), ans({ run: 'dig web.example.com', stdout: other })),
      [],
    );
    const wrong = DIG.replace('10.2.0.80', '10.2.0.81');
    assert.deepEqual(
      compareDnsAnswers(ans({ run: 'dig web.example.com', stdout: DIG }), ans({ run: 'dig web.example.com', stdout: wrong })).map(
        (m) => m.what,
      ),
      ['stdout'],
    );
    const refused = DIG.replace('status: NOERROR', 'status: REFUSED');
    assert.equal(
      compareDnsAnswers(ans({ run: 'dig web.example.com', stdout: DIG }), ans({ run: 'dig web.example.com', stdout: refused })).length,
      1,
    );
  });

  it("getaddrinfo's A and AAAA pair may come in either order; getent hosts' order is kept", () => {
    const q = (type: string, name: string) => ({ server: '10.53.0.53', name, type });
    const real = [q('AAAA', 'web.a.test'), q('A', 'web.a.test'), q('A', 'web.b.test'), q('AAAA', 'web.b.test')];
    assert.deepEqual(comparableQueries('getent ahosts web', real, false), [
      'A web.a.test @10.53.0.53',
      'AAAA web.a.test @10.53.0.53',
      'A web.b.test @10.53.0.53',
      'AAAA web.b.test @10.53.0.53',
    ]);
    assert.deepEqual(comparableQueries('getent hosts web', real, false)[0], 'AAAA web.a.test @10.53.0.53');
    const swapped = [q('A', 'web.a.test'), q('AAAA', 'web.a.test')];
    assert.deepEqual(compareDnsAnswers(ans({ queries: real.slice(0, 2) }), ans({ queries: swapped })), []);
    assert.deepEqual(
      compareDnsAnswers(
        ans({ run: 'getent hosts web', queries: real.slice(0, 2) }),
        ans({ run: 'getent hosts web', queries: swapped }),
      ).map((m) => m.what),
      ['queries'],
    );
    assert.deepEqual(
      compareDnsAnswers(ans({ queries: [q('A', 'web.a.test')] }), ans({ queries: [q('A', 'web.b.test')] })).map((m) => m.what),
      ['queries'],
    );
  });

  it('under rotate the server is hidden, never the name; the time is compared within half a second', () => {
    assert.ok(rotates('nameserver 10.53.0.53\noptions timeout:1 rotate\n'));
    assert.ok(!rotates('# options rotate\nnameserver 10.53.0.53\n'));
    const a = ans({ queries: [{ server: '10.53.0.53', name: 'web', type: 'A' }] });
    const b = ans({ queries: [{ server: '10.53.0.54', name: 'web', type: 'A' }] });
    assert.deepEqual(compareDnsAnswers(a, b, { rotate: true }), []);
    assert.equal(compareDnsAnswers(a, b).length, 1);
    assert.deepEqual(compareDnsAnswers(ans({ elapsedMs: 2094 }), ans({ elapsedMs: 2000 })), []);
    assert.deepEqual(
      compareDnsAnswers(ans({ elapsedMs: 2094 }), ans({ elapsedMs: 1000 })).map((m) => m.what),
      ['elapsed'],
    );
    assert.deepEqual(
      compareDnsAnswers(ans({ status: 2 }), ans({ status: 0 })).map((m) => m.what),
      ['status'],
    );
  });

  it("ping's round-trip times are hidden, not its addresses or counts", () => {
    const out =
      'PING ns.example.com (10.53.0.53) 56(84) bytes of data.\n64 bytes from ns.example.com (10.53.0.53): icmp_seq=1 ttl=64 time=0.032 ms\n\n--- ns.example.com ping statistics ---\n1 packets transmitted, 1 received, 0% packet loss, time 0ms\nrtt min/avg/max/mdev = 0.032/0.032/0.032/0.000 ms\n';
    const sim = out.replace(/0\.032/g, '0.100').replace('time 0ms', 'time 3ms');
    assert.deepEqual(compareDnsAnswers(ans({ run: 'ping -c1 ns', stdout: out }), ans({ run: 'ping -c1 ns', stdout: sim })), []);
    assert.equal(
      compareDnsAnswers(
        ans({ run: 'ping -c1 ns', stdout: out }),
        ans({ run: 'ping -c1 ns', stdout: out.replace('from ns.example.com (10.53.0.53)', 'from 10.53.0.53') }),
      ).length,
      1,
    );
    assert.equal(
      compareDnsAnswers(
        ans({ run: 'ping -c1 ns', stdout: out }),
        ans({ run: 'ping -c1 ns', stdout: out.replace('1 received', '0 received') }),
      ).length,
      1,
    );
  });

  it("dnsmasq's log lines are read as queries", () => {
    const log = `dnsmasq: query[AAAA] web.example.com from 10.53.0.10\ndnsmasq: config web.example.com is NODATA-IPv6\ndnsmasq: query[A] web.example.com from 10.53.0.10\n`;
    assert.deepEqual(parseDnsmasqLog(log, '10.53.0.53'), [
      { server: '10.53.0.53', name: 'web.example.com', type: 'AAAA' },
      { server: '10.53.0.53', name: 'web.example.com', type: 'A' },
    ]);
  });
});

describe('DNS oracle: command lines as lookups', () => {
  const from = { host: 'c', netns: '' };
  it('getent, dig (options, server, -x, a type) and host (-t)', () => {
    assert.deepEqual(requestOf(from, 'getent ahosts web'), { from, name: 'web', tool: 'getent-ahosts' });
    assert.deepEqual(requestOf(from, 'getent hosts web.'), { from, name: 'web.', tool: 'getent-hosts' });
    assert.deepEqual(requestOf(from, 'dig +short +search web'), { from, name: 'web', tool: 'dig', options: { short: true, search: true } });
    assert.deepEqual(requestOf(from, 'dig +short @10.53.0.53 web.example.com AAAA'), {
      from,
      name: 'web.example.com',
      tool: 'dig',
      type: 'AAAA',
      server: '10.53.0.53',
      options: { short: true },
    });
    assert.deepEqual(requestOf(from, 'dig +short -x 10.53.0.99'), {
      from,
      name: '99.0.53.10.in-addr.arpa.',
      tool: 'dig',
      type: 'PTR',
      options: { short: true },
    });
    assert.deepEqual(requestOf(from, 'host -t MX web'), { from, name: 'web', tool: 'host', type: 'MX', options: {} });
    assert.deepEqual(requestOf(from, 'host -W 1 web.example.com 10.53.0.55'), {
      from,
      name: 'web.example.com',
      tool: 'host',
      server: '10.53.0.55',
      options: { wait: 1 },
    });
    assert.deepEqual(requestOf(from, 'ping -c1 -W1 -n ns'), { from, name: 'ns', tool: 'getaddrinfo' });
    assert.deepEqual(requestOf(from, 'nslookup web.example.com 10.53.0.53'), {
      from,
      name: 'web.example.com',
      tool: 'nslookup',
      server: '10.53.0.53',
    });
    assert.equal(requestOf(from, 'ip route'), undefined);
  });
});
