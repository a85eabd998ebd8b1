import { strict as assert } from 'node:assert';
import { normalizeKey, parseCorefile } from '../../../../src/core/dns/corefile';
import { diags } from '../../../support/corefile';

const keys = (k: string) => {
  const r = normalizeKey(k);
  return 'error' in r ? r.error : r.zones.map((z) => z.key);
};

describe('Corefile server block keys (register.go, normalize.go, cidr.go)', () => {
  it('makes zones fully qualified and lower case, with the default port of their transport', () => {
    assert.deepEqual(keys('.'), ['dns://.:53']);
    assert.deepEqual(keys('.:53'), ['dns://.:53']);
    assert.deepEqual(keys('Example.ORG'), ['dns://example.org.:53']);
    assert.deepEqual(keys('ÉCOLE.example'), ['dns://école.example.:53'], 'strings.ToLower lowers more than ASCII');
    assert.deepEqual(keys('10.0.0.0/8:53'), ['dns://10.in-addr.arpa.:53']);
    assert.deepEqual(keys('10.0.0.0/08'), ['dns://10.0.0.0/08.:53'], 'a mask with a leading zero is no CIDR: a name');
    assert.deepEqual(keys('example.org.:1053'), ['dns://example.org.:1053']);
    assert.deepEqual(keys('dns://example.org'), ['dns://example.org.:53']);
    assert.deepEqual(keys('tls://example.org'), ['tls://example.org.:853']);
    assert.deepEqual(keys('quic://example.org'), ['quic://example.org.:853']);
    assert.deepEqual(keys('grpc://example.org'), ['grpc://example.org.:443']);
    assert.deepEqual(keys('https://example.org'), ['https://example.org.:443']);
    assert.deepEqual(keys('https3://example.org'), ['https3://example.org.:443']);
    assert.deepEqual(keys('example.org:+53'), ['dns://example.org.:53']);
  });

  it('turns a CIDR into its reverse zones, split on octet (IPv4) and nibble (IPv6) boundaries', () => {
    assert.deepEqual(keys('10.0.0.0/8'), ['dns://10.in-addr.arpa.:53']);
    assert.deepEqual(keys('10.0.0.1/8'), ['dns://10.in-addr.arpa.:53']);
    assert.deepEqual(keys('192.168.1.0/24:1053'), ['dns://1.168.192.in-addr.arpa.:1053']);
    assert.deepEqual(keys('10.0.0.0/15'), ['dns://0.10.in-addr.arpa.:53', 'dns://1.10.in-addr.arpa.:53']);
    const twelve = keys('172.16.0.0/12') as string[];
    assert.equal(twelve.length, 16);
    assert.equal(twelve[0], 'dns://16.172.in-addr.arpa.:53');
    assert.equal(twelve[15], 'dns://31.172.in-addr.arpa.:53');
    assert.deepEqual(keys('0.0.0.0/0'), ['dns://in-addr.arpa.:53']);
    assert.deepEqual(keys('2001:db8::/32'), ['dns://8.b.d.0.1.0.0.2.ip6.arpa.:53']);
    // /33 rounds up to the nibble at /36: 2^3 zones, the 9th nibble 0 to 7.
    assert.deepEqual(
      keys('2001:db8::/33'),
      [0, 1, 2, 3, 4, 5, 6, 7].map((n) => `dns://${n}.8.b.d.0.1.0.0.2.ip6.arpa.:53`),
    );
    assert.deepEqual(
      keys('2001:db8:8000::/33'),
      [8, 9, 'a', 'b', 'c', 'd', 'e', 'f'].map((n) => `dns://${n}.8.b.d.0.1.0.0.2.ip6.arpa.:53`),
    );
    assert.equal((keys('10.0.0.0/1') as string[]).length, 128);
  });

  it('refuses what CoreDNS refuses, in its words', () => {
    assert.equal(keys(':53'), 'zone is not a valid domain name: ');
    assert.equal(keys('example.org:'), 'expecting data after last colon: "example.org:"');
    assert.equal(keys('a..b'), 'zone is not a valid domain name: a..b');
    assert.equal(keys(`${'a'.repeat(64)}.org`), `zone is not a valid domain name: ${'a'.repeat(64)}.org`);
    assert.equal(keys(`${'a.'.repeat(128)}org`), 'specified zone is too long: 259 > 255');
    assert.equal(keys('::/0'), 'invalid CIDR ::/0');
  });

  it('exposes the normalised keys of each block, and reports a bad key where it is written', () => {
    const r = parseCorefile('example.org 10.0.0.0/15:1053 {\n  whoami\n}\n', 'Corefile');
    assert.deepEqual(
      r.blocks[0]!.zones.map((z) => [z.transport, z.zone, z.port]),
      [
        ['dns', 'example.org.', '53'],
        ['dns', '0.10.in-addr.arpa.', '1053'],
        ['dns', '1.10.in-addr.arpa.', '1053'],
      ],
    );
    assert.deepEqual(diags('.:53 a..b {\n  whoami\n}\n'), [['corefile-bad-key', 1, 6, 'zone is not a valid domain name: a..b']]);
  });

  it('a zone and port served twice is refused as CoreDNS refuses it', () => {
    const twice = (a: string, b: string) => diags(`${a} {\n  whoami\n}\n${b} {\n  whoami\n}\n`);
    assert.deepEqual(twice('example.org', 'EXAMPLE.org.:53'), [
      ['corefile-duplicate-key', 4, 1, 'cannot serve dns://example.org.:53 - it is already defined (first at line 1)'],
    ]);
    assert.deepEqual(twice('10.0.0.0/8', '10.in-addr.arpa'), [
      ['corefile-duplicate-key', 4, 1, 'cannot serve dns://10.in-addr.arpa.:53 - it is already defined (first at line 1)'],
    ]);
    assert.deepEqual(twice('example.org', 'example.org:1053'), []);
    assert.deepEqual(twice('example.org', 'tls://example.org:53'), []);
    assert.deepEqual(diags('a.org a.org {\n  whoami\n}\n'), [
      ['corefile-duplicate-key', 1, 7, 'cannot serve dns://a.org.:53 - it is already defined (first at line 1)'],
    ]);
  });

  it('bind gives a block its own listen addresses; unbound beside bound overlaps; view may share', () => {
    const two = (a: string, b: string) => diags(`.:53 {\n  ${a}\n  whoami\n}\n.:53 {\n  ${b}\n  whoami\n}\n`);
    assert.deepEqual(two('bind 127.0.0.1', 'bind 127.0.0.2'), []);
    assert.deepEqual(two('bind 127.0.0.1', 'bind 127.0.0.1'), [
      ['corefile-duplicate-key', 5, 1, 'cannot serve dns://.:53 on 127.0.0.1 - it is already defined (first at line 1)'],
    ]);
    assert.deepEqual(two('bind 127.0.0.1', 'log'), [
      [
        'corefile-duplicate-key',
        5,
        1,
        'cannot serve dns://.:53 - zone overlap listener capacity with dns://.:53 on 127.0.0.1 (first at line 1)',
      ],
    ]);
    assert.deepEqual(two('log', 'bind 127.0.0.1'), [
      [
        'corefile-duplicate-key',
        5,
        1,
        'cannot serve dns://.:53 on 127.0.0.1 - zone overlap listener capacity with dns://.:53 (first at line 1)',
      ],
    ]);
    assert.deepEqual(two('log', 'view v {\n    expr name() == "a."\n  }'), []);
  });
});
