/**
 * Lookups in a zone as CoreDNS's file plugin answers them (plugin/file/lookup.go): each case is
 * a question and the whole answer (rcode, AA, the three sections), against one zone.
 */
import { strict as assert } from 'node:assert';
import { parseZone } from '../../../../src/core/dns/zone/parse';
import { rdataText } from '../../../../src/core/dns/zone/rdata';
import { buildZone, lookup, type ZoneAnswer } from '../../../../src/core/dns/zone/zone';

const ZONE = `$TTL 3600
@        IN SOA ns1 hostmaster 1 7200 3600 1209600 300
         IN NS  ns1
         IN MX  10 mail
         IN MX  20 mail
ns1      IN A   10.0.0.53
mail     IN A   10.0.0.25
mail     IN AAAA 2001:db8::25
www      IN CNAME web
web      IN A   10.0.0.80
alias    IN CNAME www
ext      IN CNAME www.example.net.
gone     IN CNAME nothere
a.b.c    IN A   10.0.0.1
*.wild   IN A   10.9.9.9
*.wild   IN TXT "wild"
*.wc     IN CNAME web
x.y.wild IN A   10.9.9.1
sub      IN NS  ns.sub
sub      IN NS  ns.other.net.
ns.sub   IN A   10.0.1.53
toSub    IN CNAME host.sub
loop1    IN CNAME loop2
loop2    IN CNAME loop1
_sip._tcp IN SRV 10 5 5060 web
_sip._tcp IN SRV 20 5 5060 mail
`;
const parsed = parseZone(ZONE, { file: 'db.example.org', origin: 'example.org' });
const zone = buildZone(parsed.origin, parsed.records);
const SOA = 'example.org. 3600 SOA ns1.example.org. hostmaster.example.org. 1 7200 3600 1209600 300';
const NS = 'example.org. 3600 NS ns1.example.org.';

/** An answer as lines: the status, then each section's records. */
function show(a: ZoneAnswer): string[] {
  const rr = (s: string) => (r: ZoneAnswer['answer'][number]) => `${s} ${r.name} ${r.ttl} ${r.type} ${rdataText(r.data)}`;
  return [
    `${a.rcode} ${a.result}${a.authoritative ? ' aa' : ''}${a.wildcard ? ` wildcard ${a.wildcard}` : ''}${a.upstream ? ` upstream ${a.upstream.name} ${a.upstream.type}` : ''}`,
    ...a.answer.map(rr('AN')),
    ...a.authority.map(rr('NS')),
    ...a.additional.map(rr('AD')),
  ];
}
const ask = (q: string, t: string) => show(lookup(zone, q, t));

describe('zone lookups (CoreDNS file plugin)', () => {
  it('the zone reads clean', () => assert.deepEqual(parsed.diagnostics, []));

  const cases: [string, string, string, string[]][] = [
    ['an A record', 'web.example.org', 'A', ['NOERROR success aa', 'AN web.example.org. 3600 A 10.0.0.80', `NS ${NS}`]],
    [
      'names in any case, with or without the dot',
      'WEB.Example.ORG.',
      'A',
      ['NOERROR success aa', 'AN web.example.org. 3600 A 10.0.0.80', `NS ${NS}`],
    ],
    ['an AAAA record', 'mail.example.org', 'AAAA', ['NOERROR success aa', 'AN mail.example.org. 3600 AAAA 2001:db8::25', `NS ${NS}`]],
    ['the apex SOA, with the NS as authority', 'example.org', 'SOA', ['NOERROR success aa', `AN ${SOA}`, `NS ${NS}`]],
    ['the apex NS, with their addresses', 'example.org', 'NS', ['NOERROR success aa', `AN ${NS}`, 'AD ns1.example.org. 3600 A 10.0.0.53']],
    [
      'MX: the target’s addresses in the additional section, once',
      'example.org',
      'MX',
      [
        'NOERROR success aa',
        'AN example.org. 3600 MX 10 mail.example.org.',
        'AN example.org. 3600 MX 20 mail.example.org.',
        `NS ${NS}`,
        'AD mail.example.org. 3600 A 10.0.0.25',
        'AD mail.example.org. 3600 AAAA 2001:db8::25',
      ],
    ],
    [
      'SRV: each target’s addresses',
      '_sip._tcp.example.org',
      'SRV',
      [
        'NOERROR success aa',
        'AN _sip._tcp.example.org. 3600 SRV 10 5 5060 web.example.org.',
        'AN _sip._tcp.example.org. 3600 SRV 20 5 5060 mail.example.org.',
        `NS ${NS}`,
        'AD web.example.org. 3600 A 10.0.0.80',
        'AD mail.example.org. 3600 A 10.0.0.25',
        'AD mail.example.org. 3600 AAAA 2001:db8::25',
      ],
    ],
    [
      'a CNAME asked for itself is not chased',
      'www.example.org',
      'CNAME',
      ['NOERROR success aa', 'AN www.example.org. 3600 CNAME web.example.org.', `NS ${NS}`],
    ],
    [
      'a CNAME chain inside the zone',
      'alias.example.org',
      'A',
      [
        'NOERROR success aa',
        'AN alias.example.org. 3600 CNAME www.example.org.',
        'AN www.example.org. 3600 CNAME web.example.org.',
        'AN web.example.org. 3600 A 10.0.0.80',
        `NS ${NS}`,
      ],
    ],
    [
      'a CNAME whose target has no such type: the chain, NOERROR',
      'www.example.org',
      'AAAA',
      ['NOERROR success aa', 'AN www.example.org. 3600 CNAME web.example.org.', `NS ${NS}`],
    ],
    [
      'a CNAME to a name of the zone that does not exist: NXDOMAIN with the chain',
      'gone.example.org',
      'A',
      ['NXDOMAIN nxdomain aa', 'AN gone.example.org. 3600 CNAME nothere.example.org.', `NS ${SOA}`],
    ],
    [
      'a CNAME out of the zone: the chain, the rest asked of the server',
      'ext.example.org',
      'A',
      ['NOERROR success aa upstream www.example.net. A', 'AN ext.example.org. 3600 CNAME www.example.net.', `NS ${NS}`],
    ],
    ['a name that does not exist: NXDOMAIN and the SOA', 'nope.example.org', 'A', ['NXDOMAIN nxdomain aa', `NS ${SOA}`]],
    ['a name without that type: NODATA (NOERROR) and the SOA', 'web.example.org', 'MX', ['NOERROR nodata aa', `NS ${SOA}`]],
    ['an empty non-terminal: NOERROR, no data', 'b.c.example.org', 'A', ['NOERROR success aa', `NS ${SOA}`]],
    ['the apex without that type', 'example.org', 'A', ['NOERROR nodata aa', `NS ${SOA}`]],
    ['below an empty non-terminal: NXDOMAIN', 'z.b.c.example.org', 'A', ['NXDOMAIN nxdomain aa', `NS ${SOA}`]],
    [
      'a wildcard',
      'host.wild.example.org',
      'A',
      ['NOERROR success aa wildcard *.wild.example.org.', 'AN host.wild.example.org. 3600 A 10.9.9.9', `NS ${NS}`],
    ],
    [
      'a wildcard several labels down',
      'a.b.wild.example.org',
      'TXT',
      ['NOERROR success aa wildcard *.wild.example.org.', 'AN a.b.wild.example.org. 3600 TXT "wild"', `NS ${NS}`],
    ],
    ['a wildcard without the type: NODATA', 'host.wild.example.org', 'MX', ['NOERROR nodata aa wildcard *.wild.example.org.', `NS ${SOA}`]],
    ['a name that exists is not covered by the wildcard', 'x.y.wild.example.org', 'TXT', ['NOERROR nodata aa', `NS ${SOA}`]],
    [
      'an empty non-terminal below the wildcard’s parent blocks it (RFC 4592)',
      'q.y.wild.example.org',
      'A',
      ['NXDOMAIN nxdomain aa', `NS ${SOA}`],
    ],
    ['the wildcard’s own parent is not covered', 'wild.example.org', 'A', ['NOERROR success aa', `NS ${SOA}`]],
    [
      'a wildcard CNAME, chased',
      'any.wc.example.org',
      'A',
      [
        'NOERROR success aa wildcard *.wc.example.org.',
        'AN any.wc.example.org. 3600 CNAME web.example.org.',
        'AN web.example.org. 3600 A 10.0.0.80',
        `NS ${NS}`,
      ],
    ],
    [
      'a delegation: a referral with glue for the in-bailiwick server, not authoritative',
      'host.sub.example.org',
      'A',
      [
        'NOERROR delegation',
        'NS sub.example.org. 3600 NS ns.sub.example.org.',
        'NS sub.example.org. 3600 NS ns.other.net.',
        'AD ns.sub.example.org. 3600 A 10.0.1.53',
      ],
    ],
    [
      'the delegation point itself, even for NS',
      'sub.example.org',
      'NS',
      [
        'NOERROR delegation',
        'NS sub.example.org. 3600 NS ns.sub.example.org.',
        'NS sub.example.org. 3600 NS ns.other.net.',
        'AD ns.sub.example.org. 3600 A 10.0.1.53',
      ],
    ],
    [
      'a CNAME into a delegation: the chain and the referral, authoritative',
      'tosub.example.org',
      'A',
      [
        'NOERROR delegation aa',
        'AN tosub.example.org. 3600 CNAME host.sub.example.org.',
        'NS sub.example.org. 3600 NS ns.sub.example.org.',
        'NS sub.example.org. 3600 NS ns.other.net.',
        'AD ns.sub.example.org. 3600 A 10.0.1.53',
      ],
    ],
    ['a name of another zone: refused', 'www.example.net', 'A', ['REFUSED refused']],
  ];
  for (const [what, q, t, want] of cases) it(what, () => assert.deepEqual(ask(q, t), want));

  it('a CNAME loop ends after ten CNAMEs, NOERROR, as CoreDNS ends it', () => {
    const got = ask('loop1.example.org', 'A');
    assert.equal(got[0], 'NOERROR success aa');
    const chain = got.filter((l) => l.startsWith('AN '));
    assert.equal(chain.length, 10);
    assert.deepEqual(chain.slice(0, 2), [
      'AN loop1.example.org. 3600 CNAME loop2.example.org.',
      'AN loop2.example.org. 3600 CNAME loop1.example.org.',
    ]);
  });

  it('asks the server for a target elsewhere when told how, and passes its rcode on', () => {
    const other = buildZone(
      'example.net',
      parseZone('$TTL 60\n@ SOA ns h 1 2 3 4 5\nwww A 192.0.2.1\n', { file: 'db.example.net', origin: 'example.net' }).records,
    );
    const a = lookup(zone, 'ext.example.org', 'A', { upstream: (name, type) => lookup(other, name, type) });
    assert.deepEqual(show(a), [
      'NOERROR success aa',
      'AN ext.example.org. 3600 CNAME www.example.net.',
      'AN www.example.net. 60 A 192.0.2.1',
      `NS ${NS}`,
    ]);
    const nx = lookup(zone, 'ext.example.org', 'A', { upstream: (name, type) => lookup(other, 'no.' + name, type) });
    assert.deepEqual(show(nx), ['NXDOMAIN nxdomain aa', 'AN ext.example.org. 3600 CNAME www.example.net.', `NS ${SOA}`]);
  });

  it('a reverse zone answers PTR', () => {
    const rev = parseZone('$TTL 60\n@ SOA ns.example.org. h.example.org. 1 2 3 4 5\n80 PTR web.example.org.\n', {
      file: 'db.10',
      origin: '0.0.10.in-addr.arpa',
    });
    const z = buildZone(rev.origin, rev.records);
    assert.deepEqual(show(lookup(z, '80.0.0.10.in-addr.arpa.', 'PTR')), [
      'NOERROR success aa',
      'AN 80.0.0.10.in-addr.arpa. 60 PTR web.example.org.',
    ]);
    assert.equal(lookup(z, '81.0.0.10.in-addr.arpa.', 'PTR').rcode, 'NXDOMAIN');
  });

  it('a zone whose file gave no SOA answers SERVFAIL', () => {
    const z = buildZone('example.org', parseZone('$TTL 60\nwww A 10.0.0.1\n', { file: 'f', origin: 'example.org' }).records);
    assert.deepEqual(show(lookup(z, 'www.example.org', 'A')), ['SERVFAIL servfail']);
  });
});
