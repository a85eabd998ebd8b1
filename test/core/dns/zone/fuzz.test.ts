/**
 * Bad input: zone files made of random lines (seeded, so a failure repeats) never throw, every
 * diagnostic has a place inside the file, and lookups in what they give never throw either; a
 * zone of 100,000 records reads clean and answers (not timed: `npm run bench` times it).
 */
import { strict as assert } from 'node:assert';
import { parseZone } from '../../../../src/core/dns/zone/parse';
import { buildZone, lookup } from '../../../../src/core/dns/zone/zone';

const WORDS = [
  '@',
  'www',
  'web.example.org.',
  '*.w',
  '$TTL',
  '$ORIGIN',
  '$INCLUDE',
  '$GENERATE',
  'IN',
  'CH',
  'CLASS9',
  'TYPE99',
  'TYPEx',
  '60',
  '1h',
  '1x',
  'A',
  'AAAA',
  'CNAME',
  'NS',
  'MX',
  'SRV',
  'SOA',
  'TXT',
  'PTR',
  'CAA',
  'AA',
  '10.0.0.1',
  '10.0.0.999',
  '::1',
  '2001:db8::1',
  '10',
  '65536',
  '"',
  '"a b"',
  '"x\\"y"',
  '(',
  ')',
  ';',
  '; c',
  '\\',
  '\\.',
  '..',
  '.',
  'a..b',
  'x'.repeat(70),
  '\t',
  '\r',
  'ns1',
  'host.sub',
];

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

describe('zone file: random lines', () => {
  it('never throw, and every diagnostic is placed in the file', () => {
    const r = rng(13);
    for (let n = 0; n < 400; n++) {
      const lines: string[] = ['$TTL 60', '@ SOA ns1 h 1 2 3 4 5'];
      const count = 1 + Math.floor(r() * 12);
      for (let i = 0; i < count; i++) {
        const k = Math.floor(r() * 8);
        const words = Array.from({ length: k }, () => WORDS[Math.floor(r() * WORDS.length)]!);
        lines.push((r() < 0.3 ? ' ' : '') + words.join(r() < 0.2 ? '' : ' '));
      }
      const text = lines.join(r() < 0.1 ? '\r\n' : '\n');
      const p = parseZone(text, { file: 'db.example.org', origin: r() < 0.9 ? 'example.org' : '' });
      const nLines = text.split('\n').length;
      for (const d of p.diagnostics) {
        assert.ok(
          d.line >= 1 && d.line <= nLines && d.column >= 1 && d.endLine >= d.line && d.endLine <= nLines,
          `${JSON.stringify(text)}: ${JSON.stringify(d)}`,
        );
        assert.ok(d.message.en && d.message.ko);
        assert.notEqual(d.message.en.slice(0, 14), 'Internal error', `${JSON.stringify(text)}: ${d.message.en}`);
      }
      const z = buildZone('example.org', p.records);
      for (const q of ['www.example.org', 'x.w.example.org', 'example.org', 'a.host.sub.example.org']) {
        for (const t of ['A', 'MX', 'NS', 'SOA', 'CNAME']) lookup(z, q, t);
      }
    }
  });
});

describe('zone file: 100,000 records', () => {
  it('reads clean and answers (not timed)', () => {
    const lines = ['$TTL 300', '@ IN SOA ns1 hostmaster 1 7200 3600 1209600 300', '  IN NS ns1', 'ns1 IN A 10.0.0.53'];
    for (let i = 0; lines.length < 100_004; i++) {
      lines.push(
        i % 10 === 9
          ? `alias${i} IN CNAME host${i - 1}.d${(i - 1) % 100}`
          : `host${i}.d${i % 100} IN A 10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`,
      );
    }
    const p = parseZone(lines.join('\n') + '\n', { file: 'db.example.org', origin: 'example.org' });
    assert.deepEqual(p.diagnostics, []);
    assert.equal(p.records.length, 100_003);
    const z = buildZone(p.origin, p.records);
    const a = lookup(z, 'alias99999.example.org', 'A');
    assert.deepEqual(
      a.answer.map((r) => r.name),
      ['alias99999.example.org.', 'host99998.d98.example.org.'],
    );
    assert.equal(lookup(z, 'd5.example.org', 'A').result, 'success');
    assert.equal(lookup(z, 'nope.d5.example.org', 'A').rcode, 'NXDOMAIN');
  });
});
