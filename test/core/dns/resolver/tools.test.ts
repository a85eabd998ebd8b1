import { strict as assert } from 'node:assert';
import { resolveName } from '../../../../src/core/dns/resolver/index';
import type { LookupRequest } from '../../../../src/core/dns/lookup';
import { writeFile } from '../../../../src/core/sim/kernel';
import { gatewayWorld, type W } from '../../../support/world';
import { rr, serveDns, ToyServer } from '../../../support/dns';

const RECORDS = [
  rr('web.example.com. A 10.0.0.5'),
  rr('www.example.com. CNAME web.example.com.'),
  rr('web.example.com. AAAA 2001:db8::5'),
  rr('txt.example.com. TXT hello'),
];

function lab(resolv: string, opts: { drop?: boolean; hosts?: string } = {}): { w: W; b: ToyServer } {
  const w = gatewayWorld(true);
  const b = new ToyServer(RECORDS, 'dns-b');
  serveDns(w.ns('b'), b);
  w.addr(w.ns('b'), 'eth0', '192.168.2.11/24');
  writeFile(w.world.hosts.get('a')!, '/etc/resolv.conf', resolv);
  if (opts.hosts) writeFile(w.world.hosts.get('a')!, '/etc/hosts', opts.hosts);
  if (opts.drop) w.iptables(w.ns('b'), '-A INPUT -p udp --dport 53 -j DROP');
  return { w, b };
}

const run = (w: W, req: Omit<LookupRequest, 'from'>) => resolveName(w.world, { from: { host: 'a', netns: '' }, ...req });
const sent = (l: ReturnType<typeof run>) => l.queries.map((q) => `${q.type}? ${q.name} @${q.server} ${q.rcode}`);

describe('resolveName (dig, host, nslookup)', () => {
  it('dig asks the name as given, without the search list or /etc/hosts', () => {
    const { w } = lab('nameserver 192.168.2.10\nsearch example.com\n', { hosts: '10.1.1.1 web\n' });
    const l = run(w, { name: 'web', tool: 'dig' });
    assert.deepEqual(sent(l), ['A? web. @192.168.2.10#53 NXDOMAIN']);
    assert.equal(l.status, 'notfound');
    assert.equal(l.rcode, 'NXDOMAIN');
    // The query carries EDNS (udp 1232) with a client cookie and asks for AD, as dig 9.18 sends it;
    // CoreDNS echoes the cookie.
    assert.deepEqual(l.queries[0]!.reply?.edns, { udpSize: 1232, do: false, cookie: 'd9bfcafb17f79afa' });
  });

  it('dig +search, host and nslookup go through the search list; only NXDOMAIN goes on', () => {
    const { w } = lab('nameserver 192.168.2.10\nsearch a.test example.com\n');
    for (const tool of ['dig', 'host', 'nslookup'] as const) {
      const l = run(w, { name: 'web', tool, type: 'A', ...(tool === 'dig' ? { options: { search: true } } : {}) });
      assert.deepEqual(sent(l), ['A? web.a.test. @192.168.2.10#53 NXDOMAIN', 'A? web.example.com. @192.168.2.10#53 NOERROR'], tool);
      assert.deepEqual(
        l.answers.map((a) => a.data),
        ['10.0.0.5'],
      );
    }
    // A name with ndots dots is asked as it is, and only so.
    assert.deepEqual(sent(run(w, { name: 'web.nowhere', tool: 'host', type: 'A' })), ['A? web.nowhere. @192.168.2.10#53 NXDOMAIN']);
    // NODATA ends the search.
    assert.deepEqual(sent(run(w, { name: 'txt', tool: 'nslookup', type: 'A', options: {} })).length, 2);
    const { w: w2 } = lab('nameserver 192.168.2.10\nsearch example.com a.test\n');
    assert.deepEqual(sent(run(w2, { name: 'txt', tool: 'nslookup', type: 'A' })), ['A? txt.example.com. @192.168.2.10#53 NOERROR']);
  });

  it('host with no type: A, then AAAA and MX for the name found at the end of the CNAME chain', () => {
    const { w } = lab('nameserver 192.168.2.10\n');
    const l = run(w, { name: 'www.example.com', tool: 'host' });
    assert.deepEqual(sent(l), [
      'A? www.example.com. @192.168.2.10#53 NOERROR',
      'AAAA? web.example.com. @192.168.2.10#53 NOERROR',
      'MX? web.example.com. @192.168.2.10#53 NOERROR',
    ]);
    assert.deepEqual(
      l.answers.map((a) => `${a.name} ${a.type} ${a.data}`),
      ['www.example.com. CNAME web.example.com.', 'web.example.com. A 10.0.0.5', 'web.example.com. AAAA 2001:db8::5'],
    );
  });

  it('nslookup with no type: A, then AAAA for the name found', () => {
    const { w } = lab('nameserver 192.168.2.10\n');
    const l = run(w, { name: 'www.example.com', tool: 'nslookup' });
    assert.deepEqual(sent(l), ['A? www.example.com. @192.168.2.10#53 NOERROR', 'AAAA? web.example.com. @192.168.2.10#53 NOERROR']);
    // An NXDOMAIN for A ends it.
    assert.deepEqual(sent(run(w, { name: 'nope.example.com', tool: 'nslookup' })), ['A? nope.example.com. @192.168.2.10#53 NXDOMAIN']);
  });

  it('tries: the first server gets them all, each next server one (dig 3 from BIND defaults, host 2)', () => {
    // Seen with BIND 9.18.49, two silent servers, +time=1: dig 3 + 1 tries (4 s), +tries=2: 2 + 1, host -W 1: 2 + 1, nslookup: 3 + 1.
    const { w } = lab('nameserver 192.168.2.10\nnameserver 192.168.2.11\n', { drop: true });
    const shape = (l: ReturnType<typeof run>) => [l.queries.map((q) => q.server.split('#')[0]!.slice(-2)).join(' '), l.elapsedMs];
    assert.deepEqual(shape(run(w, { name: 'foo', tool: 'dig', options: { time: 1 } })), ['10 10 10 11', 4000]);
    assert.deepEqual(shape(run(w, { name: 'foo', tool: 'dig', options: { time: 1, tries: 2 } })), ['10 10 11', 3000]);
    assert.deepEqual(shape(run(w, { name: 'foo', tool: 'host', type: 'A', options: { time: 1 } })), ['10 10 11', 3000]);
    assert.deepEqual(shape(run(w, { name: 'foo', tool: 'nslookup', type: 'A', options: { time: 1 } })), ['10 10 10 11', 4000]);
    const l = run(w, { name: 'foo', tool: 'dig', options: { time: 1 } });
    assert.equal(l.status, 'tryagain');
    assert.deepEqual(l.steps.at(-1)!.detail, {
      en: ';; no servers could be reached',
      ko: ';; 응답한 서버가 없습니다(no servers could be reached)',
    });
  });

  it('resolv.conf attempts and timeout are BIND defaults when the file does not set them', () => {
    const { w } = lab('nameserver 192.168.2.10\noptions attempts:2 timeout:2\n', { drop: true });
    const l = run(w, { name: 'foo', tool: 'dig' });
    assert.equal(l.queries.length, 2);
    assert.equal(l.elapsedMs, 4000);
  });

  it('+tcp: TCP, and 10 s per try when nothing sets the timeout', () => {
    const { w, b } = lab('nameserver 192.168.2.10\n');
    assert.equal(run(w, { name: 'web.example.com', tool: 'dig', options: { tcp: true } }).status, 'success');
    assert.deepEqual(b.log, ['A? web.example.com. tcp']);
    w.iptables(w.ns('b'), '-A INPUT -p tcp --dport 53 -j DROP');
    assert.equal(run(w, { name: 'web.example.com', tool: 'dig', options: { tcp: true, tries: 1 } }).elapsedMs, 10_000);
  });

  it('a server given on the command line is the only one asked', () => {
    const { w, b } = lab('nameserver 192.168.9.9\n');
    const l = run(w, { name: 'web.example.com', tool: 'dig', server: '192.168.2.10' });
    assert.equal(l.status, 'success');
    assert.deepEqual(b.log, ['A? web.example.com.']);
  });

  it('SERVFAIL: dig stops at it, host tries the next server', () => {
    const w = gatewayWorld(true);
    serveDns(w.ns('b'), new ToyServer([], 'bad', { rcode: 'SERVFAIL' }));
    const good = new ToyServer(RECORDS, 'good');
    serveDns(w.ns('r'), good);
    writeFile(w.world.hosts.get('a')!, '/etc/resolv.conf', 'nameserver 192.168.2.10\nnameserver 192.168.1.1\n');
    const d = run(w, { name: 'web.example.com', tool: 'dig' });
    assert.equal(d.rcode, 'SERVFAIL');
    assert.equal(d.queries.length, 1);
    const h = run(w, { name: 'web.example.com', tool: 'host', type: 'A' });
    assert.equal(h.status, 'success');
    assert.deepEqual(
      h.queries.map((q) => `${q.server} ${q.rcode}`),
      ['192.168.2.10#53 SERVFAIL', '192.168.1.1#53 NOERROR'],
    );
  });

  it('host and nslookup go on past a server that does not recurse (no RA); dig and an @server do not', () => {
    const w = gatewayWorld(true);
    const auth = new ToyServer(RECORDS, 'auth', { noRa: true });
    serveDns(w.ns('b'), auth);
    serveDns(w.ns('r'), new ToyServer(RECORDS, 'rec'));
    writeFile(w.world.hosts.get('a')!, '/etc/resolv.conf', 'nameserver 192.168.2.10\nnameserver 192.168.1.1\n');
    const servers = (l: ReturnType<typeof run>) => l.queries.map((q) => q.server);
    assert.deepEqual(servers(run(w, { name: 'web.example.com', tool: 'nslookup', type: 'A' })), ['192.168.2.10#53', '192.168.1.1#53']);
    assert.deepEqual(servers(run(w, { name: 'web.example.com', tool: 'host', type: 'A' })), ['192.168.2.10#53', '192.168.1.1#53']);
    assert.deepEqual(servers(run(w, { name: 'web.example.com', tool: 'dig' })), ['192.168.2.10#53']);
    assert.deepEqual(servers(run(w, { name: 'web.example.com', tool: 'host', type: 'A', server: '192.168.2.10' })), ['192.168.2.10#53']);
  });

  it('no nameserver line: BIND asks ::1, then 127.0.0.1', () => {
    const { w } = lab('search example.com\n');
    const l = run(w, { name: 'web.example.com', tool: 'dig', options: { tries: 1 } });
    assert.deepEqual(
      l.queries.map((q) => `${q.server} ${q.rcode}`),
      ['::1#53 UNREACHABLE', '127.0.0.1#53 UNREACHABLE'],
    );
  });
});
