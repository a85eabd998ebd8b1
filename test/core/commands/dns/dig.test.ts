/**
 * dig's reading of its line and its printing beyond what real-tools.json holds: errors with their
 * exit statuses, types and classes in any place, reverse names, a reply's size on the wire by each
 * way of writing names, dig's columns for long names, an authoritative server's reply (no `ra`:
 * the recursion warning) with an SOA in its authority section.
 */
import { strict as assert } from 'node:assert';
import { DIG_WHEN, formatDig, runDig } from '../../../../src/core/commands/dns/dig';
import { DIG_USAGE, parseDig } from '../../../../src/core/commands/dns/digArgs';
import { reverseName } from '../../../../src/core/commands/dns/names';
import { digQuestion, digRecord, replySize, wireSize } from '../../../../src/core/commands/dns/present';
import type { Lookup } from '../../../../src/core/dns/lookup';
import type { DnsMessage } from '../../../../src/core/dns/msg';
import { dnsmasq, fakeResolve, rr } from './fake';

const from = { host: 'cli', netns: '' };
const dig = (line: string) => runDig(line.split(' '), [], from, fakeResolve());
const outsOf = (r: { stdout: string; stderr: string; status: number }) => [r.stdout, r.stderr, r.status];

describe('dig: its command line', () => {
  it('takes a type or a class wherever it stands, the last name with them', () => {
    for (const line of [
      'dig MX example.com',
      'dig example.com MX',
      'dig -t mx example.com',
      'dig IN MX example.com',
      'dig example.com IN MX',
    ]) {
      const p = parseDig(line.split(' '));
      assert.ok(p.ok);
      assert.deepEqual(p.args.queries, [{ name: 'example.com', type: 'MX', cls: 'IN' }], line);
    }
  });

  it('asks the root NS with no name; `-x` the PTR of a reverse name', () => {
    const none = parseDig(['dig']);
    assert.ok(none.ok && none.args.queries[0]!.name === '.' && none.args.queries[0]!.type === 'NS');
    const x = parseDig(['dig', '-x', '10.0.0.5']);
    assert.ok(x.ok);
    assert.deepEqual(x.args.queries, [{ name: '5.0.0.10.in-addr.arpa.', type: 'PTR', cls: 'IN' }]);
    assert.equal(reverseName('2001:db8::5'), '5.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.ip6.arpa.');
    assert.equal(reverseName('nonsense'), 'nonsense.in-addr.arpa.');
  });

  it('reads +tries, +retry, +time, +search, -p and @server', () => {
    const p = parseDig('dig @10.0.0.53 -p 5353 +retry=1 +time=2 +search web'.split(' '));
    assert.ok(p.ok);
    assert.equal(p.args.server, '10.0.0.53');
    assert.equal(p.args.port, 5353);
    assert.deepEqual([p.args.options.tries, p.args.options.time, p.args.options.search], [2, 2, true]);
    const q = parseDig('dig +notcp +nosearch +tries=0 web'.split(' '));
    assert.ok(q.ok);
    assert.deepEqual([q.args.options.tries, q.args.options.search], [1, false]);
  });

  it('refuses what dig refuses, with its words and statuses (as dig 9.18.49 did on this machine)', () => {
    assert.deepEqual(dig('dig +frobnicate web'), {
      stdout: '',
      stderr: `Invalid option: +frobnicate\n${DIG_USAGE}`,
      status: 1,
      failure: { column: 0 },
    });
    assert.equal(dig('dig -t').stderr, `Invalid option: -t\n${DIG_USAGE}`);
    const outs = (line: string) => {
      const r = dig(line);
      return [r.stdout, r.stderr, r.status];
    };
    assert.deepEqual(outs('dig +time=soon web'), ["invalid timeout 'soon': not a valid number\n", "dig: Couldn't parse timeout\n", 10]);
    assert.deepEqual(outs('dig +retry=x web'), ["invalid retries 'x': not a valid number\n", "dig: Couldn't parse retries\n", 10]);
    assert.deepEqual(outs('dig +bufsize=99999 web'), [
      "invalid buffer size '99999': out of range\n",
      "dig: Couldn't parse buffer size\n",
      10,
    ]);
    assert.deepEqual(outs('dig -p 70000 web'), ["invalid port number '70000': out of range\n", "dig: Couldn't parse port number\n", 1]);
    for (const bad of ['+notries=3', '+tries', '+sh', '+sho', '+s', '+noa', '+tr'])
      assert.equal(dig(`dig ${bad} web`).stderr, `Invalid option: ${bad}\n${DIG_USAGE}`, bad);
  });

  it('warns of an invalid -t or -c and goes on with A IN', () => {
    const out = dig('dig -t BOGUS -c NOPE +noall +answer web.example.com');
    assert.equal(out.stderr, ';; Warning, ignoring invalid type BOGUS\n;; Warning, ignoring invalid class NOPE\n');
    assert.equal(out.stdout, 'web.example.com.\t0\tIN\tA\t10.0.0.5\n');
  });

  it('takes the beginning of an option long enough to name it (+noal, +ti, +tri, +ret, +sea, +norec)', () => {
    const p = parseDig('dig +noal +ans +ti=2 +tri=4 +sea +norec web'.split(' '));
    assert.ok(p.ok);
    assert.deepEqual(
      [
        p.args.options.comments,
        p.args.options.answer,
        p.args.options.time,
        p.args.options.tries,
        p.args.options.search,
        p.args.options.recurse,
      ],
      [false, true, 2, 4, true, false],
    );
    const r = parseDig('dig +ret=1 web'.split(' '));
    assert.ok(r.ok && r.args.options.tries === 2);
  });

  it('says which real options are not simulated (+trace, +mul, +nottlid, -f)', () => {
    assert.deepEqual(dig('dig +trace web').notSimulated, { command: 'dig +trace', column: 0 });
    assert.equal(dig('dig +mul web').notSimulated?.command, 'dig +multiline');
    assert.equal(dig('dig +nottlid web').notSimulated?.command, 'dig +ttlid');
    assert.equal(dig('dig -f names.txt').notSimulated?.command, 'dig -f');
    assert.equal(dig('dig +ttlid +cookie +nsid +noall +answer web.example.com').stdout, 'web.example.com.\t0\tIN\tA\t10.0.0.5\n');
  });

  it('over TCP, says each refused connection as dig does (no banner)', () => {
    const line =
      ';; Connection to 10.0.0.54#53(10.0.0.54) for web.example.com failed: connection refused.\n;; no servers could be reached\n';
    assert.deepEqual(outsOf(dig('dig @10.0.0.54 +tcp +tries=2 web.example.com')), [line + line, '', 9]);
  });

  it('prints one banner for several names, each answer after it', () => {
    const out = dig('dig +noall +answer web.example.com mail.example.com');
    assert.equal(out.stdout, 'web.example.com.\t0\tIN\tA\t10.0.0.5\nmail.example.com.\t0\tIN\tA\t10.0.0.25\n');
  });
});

describe('dig: columns and sizes', () => {
  it('lays a record out at 24, 32, 40 and 48, one space past a long name', () => {
    assert.equal(digRecord(rr('a.', { type: 'A', address: '10.0.0.1' }, 3600)), 'a.\t\t\t3600\tIN\tA\t10.0.0.1');
    const long = 'a-very-long-name.example.com.';
    assert.equal(digRecord(rr(long, { type: 'A', address: '10.0.0.1' })), `${long} 0\tIN\tA\t10.0.0.1`);
    assert.equal(
      digRecord(rr('twenty-three-chars.com.', { type: 'A', address: '10.0.0.1' })),
      'twenty-three-chars.com.\t0\tIN\tA\t10.0.0.1',
    );
    assert.equal(digQuestion({ name: 'a-very-long-name.example.com.', type: 'A', cls: 'IN' }), ';a-very-long-name.example.com.\tIN\tA');
    assert.equal(
      digQuestion({ name: 'a-very-very-long-name.example.com.', type: 'A', cls: 'IN' }),
      ';a-very-very-long-name.example.com. IN\tA',
    );
    assert.equal(
      digRecord(
        rr(
          'example.com.',
          {
            type: 'SOA',
            mname: 'ns.example.com.',
            rname: 'admin.example.com.',
            serial: 1,
            refresh: 7200,
            retry: 3600,
            expire: 1209600,
            minimum: 3600,
          },
          3600,
        ),
      ),
      'example.com.\t\t3600\tIN\tSOA\tns.example.com. admin.example.com. 1 7200 3600 1209600 3600',
    );
  });

  it('counts a message on the wire with and without name compression (RFC 1035 §4.1.4)', () => {
    const msg = dnsmasq('alias.example.com.', 'A', 1);
    // 12 header, 23 question, then (owner, 10, data) for two CNAMEs and an A, and 11 for the OPT record
    assert.equal(wireSize(msg, 'none'), 12 + 23 + (19 + 10 + 17) + (17 + 10 + 17) + (17 + 10 + 4) + 11);
    assert.equal(wireSize(msg, 'full'), 12 + 23 + (2 + 10 + 6) + (2 + 10 + 6) + (2 + 10 + 4) + 11);
    assert.equal(wireSize(msg, 'owners'), 120); // as dnsmasq sent it (real-tools.json dig-cname)
    assert.equal(replySize(msg), wireSize(msg, 'none'));
  });

  it('compresses a CoreDNS reply only past 1480 bytes (request.Scrub)', () => {
    const big: DnsMessage = {
      ...dnsmasq('web.example.com.', 'A', 1),
      answer: Array.from({ length: 60 }, (_, i) => rr('web.example.com.', { type: 'A', address: `10.0.1.${i}` })),
    };
    assert.ok(wireSize(big, 'none') > 1480);
    assert.equal(replySize(big), wireSize(big, 'full'));
  });

  it("prints an authoritative server's answer: no `ra` (the warning), its SOA in AUTHORITY", () => {
    const reply: DnsMessage = {
      ...dnsmasq('nope.example.com.', 'A', 7),
      aa: true,
      ra: false,
      authority: [
        rr(
          'example.com.',
          {
            type: 'SOA',
            mname: 'ns.example.com.',
            rname: 'admin.example.com.',
            serial: 1,
            refresh: 7200,
            retry: 3600,
            expire: 1209600,
            minimum: 3600,
          },
          3600,
        ),
      ],
    };
    const lookup: Lookup = {
      request: { from, name: 'nope.example.com', tool: 'dig' },
      status: 'notfound',
      answers: [],
      queries: [{ name: 'nope.example.com.', type: 'A', server: '10.0.0.53#53', rcode: 'NXDOMAIN', reply, legs: [] }],
      steps: [],
      legs: [],
      elapsedMs: 0,
    };
    const p = parseDig(['dig', 'nope.example.com']);
    assert.ok(p.ok);
    assert.equal(
      formatDig(p.args, lookup).stdout,
      [
        '',
        '; <<>> DiG 9.18.49-1~deb12u3-Debian <<>> nope.example.com',
        ';; global options: +cmd',
        ';; Got answer:',
        ';; ->>HEADER<<- opcode: QUERY, status: NXDOMAIN, id: 7',
        ';; flags: qr aa rd; QUERY: 1, ANSWER: 0, AUTHORITY: 1, ADDITIONAL: 1',
        ';; WARNING: recursion requested but not available',
        '',
        ';; OPT PSEUDOSECTION:',
        '; EDNS: version: 0, flags:; udp: 1232',
        ';; QUESTION SECTION:',
        ';nope.example.com.\t\tIN\tA',
        '',
        ';; AUTHORITY SECTION:',
        'example.com.\t\t3600\tIN\tSOA\tns.example.com. admin.example.com. 1 7200 3600 1209600 3600',
        '',
        ';; Query time: 0 msec',
        ';; SERVER: 10.0.0.53#53(10.0.0.53) (UDP)',
        `;; WHEN: ${DIG_WHEN}`,
        `;; MSG SIZE  rcvd: ${12 + 22 + (13 + 10 + 16 + 19 + 20) + 11}`,
        '',
        '',
      ].join('\n'),
    );
  });

  it("prints CoreDNS's echo of dig's cookie (request.SizeAndDo keeps COOKIE) and counts it in the size", () => {
    const reply: DnsMessage = { ...dnsmasq('web.example.com.', 'A', 1), edns: { udpSize: 1232, do: false, cookie: '0123456789abcdef' } };
    const lookup: Lookup = {
      request: { from, name: 'web.example.com', tool: 'dig' },
      status: 'success',
      answers: [],
      queries: [{ name: 'web.example.com.', type: 'A', server: '10.0.0.53#53', rcode: 'NOERROR', reply, legs: [] }],
      steps: [],
      legs: [],
      elapsedMs: 0,
    };
    const p = parseDig(['dig', 'web.example.com']);
    assert.ok(p.ok);
    const out = formatDig(p.args, lookup).stdout;
    assert.ok(out.includes('; EDNS: version: 0, flags:; udp: 1232\n; COOKIE: 0123456789abcdef (echoed)\n;; QUESTION SECTION:\n'), out);
    assert.equal(wireSize(reply, 'none'), wireSize(dnsmasq('web.example.com.', 'A', 1), 'none') + 12);
    const good: DnsMessage = { ...reply, edns: { udpSize: 1232, do: false, cookie: '0123456789abcdef0011223344556677' } };
    assert.ok(
      formatDig(p.args, { ...lookup, queries: [{ ...lookup.queries[0]!, reply: good }] }).stdout.includes(
        '; COOKIE: 0123456789abcdef0011223344556677 (good)\n',
      ),
    );
  });
});
