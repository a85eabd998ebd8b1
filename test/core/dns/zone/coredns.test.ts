/**
 * CoreDNS's own tables for the file plugin (plugin/file/lookup_test.go: dbMiekNL and
 * dbAdditionalExample, their cases), run through our zone: the same zone text, the same
 * questions, the same sections (compared sorted, as its test.SortAndCheck does). The DNAME cases
 * are left out: DNAME is not simulated.
 */
import { strict as assert } from 'node:assert';
import { parseZone } from '../../../../src/core/dns/zone/parse';
import { rdataText } from '../../../../src/core/dns/zone/rdata';
import { buildZone, lookup, type LookupOptions, type ZoneAnswer } from '../../../../src/core/dns/zone/zone';

const DB_MIEK_NL = `
$TTL    30M
$ORIGIN miek.nl.
@       IN      SOA     linode.atoom.net. miek.miek.nl. (
                             1282630057 ; Serial
                             4H         ; Refresh
                             1H         ; Retry
                             7D         ; Expire
                             4H )       ; Negative Cache TTL
                IN      NS      linode.atoom.net.
                IN      NS      ns-ext.nlnetlabs.nl.
                IN      NS      omval.tednet.nl.
                IN      NS      ext.ns.whyscream.net.

                IN      MX      1  aspmx.l.google.com.
                IN      MX      5  alt1.aspmx.l.google.com.
                IN      MX      5  alt2.aspmx.l.google.com.
                IN      MX      10 aspmx2.googlemail.com.
                IN      MX      10 aspmx3.googlemail.com.

\t\tIN      A       139.162.196.78
\t\tIN      AAAA    2a01:7e00::f03c:91ff:fef1:6735

a               IN      A       139.162.196.78
                IN      AAAA    2a01:7e00::f03c:91ff:fef1:6735
www             IN      CNAME   a
archive         IN      CNAME   a
*.x             IN      CNAME   www
b.x             IN      CNAME   a
*.y             IN      A       139.162.196.78
dname           IN      DNAME   x

srv\t\tIN\tSRV     10 10 8080 a.miek.nl.
mx\t\tIN\tMX      10 a.miek.nl.

txt     IN\tTXT     "v=spf1 a mx ~all"
caa     IN  CAA    0 issue letsencrypt.org
*.nodata    IN   A      139.162.196.79
ext-cname   IN   CNAME  example.com.`;

const DB_ADDITIONAL = `
$TTL 30M
$ORIGIN example.org.
@\tIN SOA\tns.example.org. admin.example.org. (
\t\t\t2024010100 ; serial
\t\t\t14400      ; refresh (4 hours)
\t\t\t3600       ; retry (1 hour)
\t\t\t604800     ; expire (1 week)
\t\t\t14400      ; minimum (4 hours)
\t\t\t)
\tIN NS\tns.example.org.
ns\t\tIN A\t192.0.2.1
host\t\tIN A\t192.0.2.10
\t\tIN AAAA\t2001:db8::10
other\t\tIN A\t192.0.2.20
\t\tIN AAAA\t2001:db8::20
mx\t\tIN MX\t10 host.example.org.
\t\tIN MX\t20 host.example.org.
srv\t\tIN SRV\t10 50 8080 host.example.org.
\t\tIN SRV\t20 50 8080 host.example.org.
mixed\t\tIN SRV\t10 50 8080 host.example.org.
\t\tIN SRV\t20 50 8080 HOST.EXAMPLE.ORG.
two\t\tIN MX\t10 host.example.org.
\t\tIN MX\t20 other.example.org.
cname-srv\tIN CNAME\tsrv.example.org.
*.wild\t\tIN CNAME\tsrv.example.org.
`;

const MIEK_SOA = 'miek.nl. 1800 SOA linode.atoom.net. miek.miek.nl. 1282630057 14400 3600 604800 14400';
const MIEK_AUTH = ['linode.atoom.net.', 'ns-ext.nlnetlabs.nl.', 'omval.tednet.nl.', 'ext.ns.whyscream.net.'].map(
  (n) => `miek.nl. 1800 NS ${n}`,
);
const ADD_AUTH = ['example.org. 1800 NS ns.example.org.'];
const HOST_EXTRA = ['host.example.org. 1800 A 192.0.2.10', 'host.example.org. 1800 AAAA 2001:db8::10'];

interface Case {
  readonly q: string;
  readonly t: string;
  readonly rcode?: ZoneAnswer['rcode'];
  readonly answer?: string[];
  readonly ns?: string[];
  readonly extra?: string[];
}

function zoneOf(text: string, origin: string) {
  const p = parseZone(text, { file: 'stdin', origin });
  assert.deepEqual(
    p.diagnostics.filter((d) => d.severity === 'error'),
    [],
  );
  return buildZone(p.origin, p.records);
}

const line = (r: ZoneAnswer['answer'][number]) => `${r.name} ${r.ttl} ${r.type} ${rdataText(r.data)}`;

function table(what: string, text: string, origin: string, cases: Case[], opts: LookupOptions = {}) {
  describe(what, () => {
    const zone = zoneOf(text, origin);
    for (const c of cases) {
      it(`${c.q} ${c.t}`, () => {
        const a = lookup(zone, c.q, c.t, opts);
        assert.equal(a.rcode, c.rcode ?? 'NOERROR');
        assert.deepEqual(a.answer.map(line).sort(), [...(c.answer ?? [])].sort());
        assert.deepEqual(a.authority.map(line).sort(), [...(c.ns ?? [])].sort());
        assert.deepEqual(a.additional.map(line).sort(), [...(c.extra ?? [])].sort());
      });
    }
  });
}

const A = 'a.miek.nl. 1800 A 139.162.196.78';
const AAAA = 'a.miek.nl. 1800 AAAA 2a01:7e00::f03c:91ff:fef1:6735';

// CoreDNS's harness has no server behind the upstream: a target outside the zone fails (SERVFAIL).
const noServer: LookupOptions = {
  upstream: () => ({ rcode: 'SERVFAIL', result: 'servfail', authoritative: false, answer: [], authority: [], additional: [] }),
};

table(
  'CoreDNS lookup_test.go: dbMiekNL',
  DB_MIEK_NL,
  'miek.nl.',
  [
    { q: 'www.miek.nl.', t: 'A', answer: [A, 'www.miek.nl. 1800 CNAME a.miek.nl.'], ns: MIEK_AUTH },
    { q: 'www.miek.nl.', t: 'AAAA', answer: [AAAA, 'www.miek.nl. 1800 CNAME a.miek.nl.'], ns: MIEK_AUTH },
    { q: 'miek.nl.', t: 'SOA', answer: [MIEK_SOA], ns: MIEK_AUTH },
    { q: 'miek.nl.', t: 'AAAA', answer: ['miek.nl. 1800 AAAA 2a01:7e00::f03c:91ff:fef1:6735'], ns: MIEK_AUTH },
    { q: 'mIeK.NL.', t: 'AAAA', answer: ['miek.nl. 1800 AAAA 2a01:7e00::f03c:91ff:fef1:6735'], ns: MIEK_AUTH },
    {
      q: 'miek.nl.',
      t: 'MX',
      answer: [
        '1 aspmx.l.google.com.',
        '10 aspmx2.googlemail.com.',
        '10 aspmx3.googlemail.com.',
        '5 alt1.aspmx.l.google.com.',
        '5 alt2.aspmx.l.google.com.',
      ].map((d) => `miek.nl. 1800 MX ${d}`),
      ns: MIEK_AUTH,
    },
    { q: 'a.miek.nl.', t: 'SRV', ns: [MIEK_SOA] },
    { q: 'b.miek.nl.', t: 'A', rcode: 'NXDOMAIN', ns: [MIEK_SOA] },
    { q: 'srv.miek.nl.', t: 'SRV', answer: ['srv.miek.nl. 1800 SRV 10 10 8080 a.miek.nl.'], extra: [A, AAAA], ns: MIEK_AUTH },
    { q: 'mx.miek.nl.', t: 'MX', answer: ['mx.miek.nl. 1800 MX 10 a.miek.nl.'], extra: [A, AAAA], ns: MIEK_AUTH },
    { q: 'asterisk.x.miek.nl.', t: 'CNAME', answer: ['asterisk.x.miek.nl. 1800 CNAME www.miek.nl.'], ns: MIEK_AUTH },
    { q: 'a.b.x.miek.nl.', t: 'CNAME', rcode: 'NXDOMAIN', ns: [MIEK_SOA] },
    { q: 'asterisk.y.miek.nl.', t: 'A', answer: ['asterisk.y.miek.nl. 1800 A 139.162.196.78'], ns: MIEK_AUTH },
    { q: 'ext-cname.miek.nl.', t: 'A', rcode: 'SERVFAIL', answer: ['ext-cname.miek.nl. 1800 CNAME example.com.'], ns: MIEK_AUTH },
    { q: 'txt.miek.nl.', t: 'TXT', answer: ['txt.miek.nl. 1800 TXT "v=spf1 a mx ~all"'], ns: MIEK_AUTH },
    { q: 'caa.miek.nl.', t: 'CAA', answer: ['caa.miek.nl. 1800 CAA 0 issue letsencrypt.org'], ns: MIEK_AUTH },
  ],
  noServer,
);

table('CoreDNS lookup_test.go: additional section', DB_ADDITIONAL, 'example.org.', [
  {
    q: 'mx.example.org.',
    t: 'MX',
    answer: ['10', '20'].map((p) => `mx.example.org. 1800 MX ${p} host.example.org.`),
    ns: ADD_AUTH,
    extra: HOST_EXTRA,
  },
  {
    q: 'srv.example.org.',
    t: 'SRV',
    answer: ['10', '20'].map((p) => `srv.example.org. 1800 SRV ${p} 50 8080 host.example.org.`),
    ns: ADD_AUTH,
    extra: HOST_EXTRA,
  },
  {
    q: 'two.example.org.',
    t: 'MX',
    answer: ['two.example.org. 1800 MX 10 host.example.org.', 'two.example.org. 1800 MX 20 other.example.org.'],
    ns: ADD_AUTH,
    extra: [...HOST_EXTRA, 'other.example.org. 1800 A 192.0.2.20', 'other.example.org. 1800 AAAA 2001:db8::20'],
  },
  {
    q: 'cname-srv.example.org.',
    t: 'SRV',
    answer: [
      'cname-srv.example.org. 1800 CNAME srv.example.org.',
      ...['10', '20'].map((p) => `srv.example.org. 1800 SRV ${p} 50 8080 host.example.org.`),
    ],
    ns: ADD_AUTH,
    extra: HOST_EXTRA,
  },
  {
    q: 'foo.wild.example.org.',
    t: 'SRV',
    answer: [
      'foo.wild.example.org. 1800 CNAME srv.example.org.',
      ...['10', '20'].map((p) => `srv.example.org. 1800 SRV ${p} 50 8080 host.example.org.`),
    ],
    ns: ADD_AUTH,
    extra: HOST_EXTRA,
  },
  {
    q: 'mixed.example.org.',
    t: 'SRV',
    answer: ['mixed.example.org. 1800 SRV 10 50 8080 host.example.org.', 'mixed.example.org. 1800 SRV 20 50 8080 HOST.EXAMPLE.ORG.'],
    ns: ADD_AUTH,
    extra: HOST_EXTRA,
  },
]);
