/**
 * res_search's candidate names. Every row of the table was checked against glibc 2.36 (Debian 12):
 * getent ahosts NAME in a mount+net namespace with this resolv.conf, `hosts: dns`, and a server on
 * 127.0.0.1 answering NXDOMAIN to every query and logging the names asked, in order.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { parseResolvConf } from '../../../../src/core/dns/files/resolvconf';
import { encodable, searchCandidates } from '../../../../src/core/dns/files/search';

/** The names asked for `name` under this resolv.conf text (the sent ones), as the logging server saw them. */
function asked(resolv: string, name: string): string[] {
  const c = parseResolvConf(resolv).config;
  const noTldQuery = c.flags.has('no-tld-query') || c.flags.has('no_tld_query');
  return searchCandidates(name, { ndots: c.ndots.value, search: c.search.map((s) => s.name), noTldQuery })
    .filter((x) => x.sent)
    .map((x) => (x.name.endsWith('.') ? x.name.slice(0, -1) : x.name));
}

const L = 'a'.repeat(60);
const LONG = `${L}.${L}.${L}.${L}`;

const TABLE: [string, string, string[]][] = [
  ['search a.lab b.lab', 'web', ['web.a.lab', 'web.b.lab', 'web']],
  ['search a.lab b.lab', 'web.x', ['web.x', 'web.x.a.lab', 'web.x.b.lab']],
  ['search a.lab b.lab', 'web.', ['web']],
  ['search a.lab b.lab\noptions ndots:2', 'web.x', ['web.x.a.lab', 'web.x.b.lab', 'web.x']],
  ['search a.lab b.lab\noptions ndots:0', 'web', ['web', 'web.a.lab', 'web.b.lab']],
  ['options ndots:1', 'web', ['web']],
  ['search . x.lab', 'web', ['web', 'web.x.lab']],
  ['search .a.lab', 'web', ['web.a.lab', 'web']],
  ['search a.lab\noptions no-tld-query', 'web', ['web.a.lab']],
  ['options no-tld-query', 'web', ['web']],
  ['search x\noptions no-tld-query ndots:5', 'a.b', ['a.b.x', 'a.b']],
  [
    'search default.svc.cluster.local svc.cluster.local cluster.local\noptions ndots:5',
    'example.com',
    ['example.com.default.svc.cluster.local', 'example.com.svc.cluster.local', 'example.com.cluster.local', 'example.com'],
  ],
  // glibc 2.26 and later: every search domain, not six (MAXDNSRCH binds only programs that edit _res).
  ['search d1 d2 d3 d4 d5 d6 d7 d8', 'web', ['web.d1', 'web.d2', 'web.d3', 'web.d4', 'web.d5', 'web.d6', 'web.d7', 'web.d8', 'web']],
  // A comment in the middle of a search line is two more search domains.
  ['search a.lab # lab', 'web', ['web.a.lab', 'web.#', 'web.lab', 'web']],
  ['domain c.lab\nsearch a.lab', 'web', ['web.a.lab', 'web']],
  // How options and lines are read: ndots:-1 is 15 (a 4-bit field), ndots:x is 0, ndots:2x is 2, ndots:99 is 15;
  // an indented line is ignored; domain keeps its first word; a search line without a value is skipped.
  ['search a.lab\noptions ndots:-1', 'x.y', ['x.y.a.lab', 'x.y']],
  ['search a.lab\noptions ndots:x', 'web', ['web', 'web.a.lab']],
  ['search a.lab\noptions ndots:2x', 'x.y', ['x.y.a.lab', 'x.y']],
  [
    'search a.lab\noptions ndots:99',
    'a.b.c.d.e.f.g.h.i.j.k.l.m.n.o.p',
    ['a.b.c.d.e.f.g.h.i.j.k.l.m.n.o.p', 'a.b.c.d.e.f.g.h.i.j.k.l.m.n.o.p.a.lab'],
  ],
  ['search a.lab\n  search b.lab', 'web', ['web.a.lab', 'web']],
  ['domain a.lab b.lab', 'web', ['web.a.lab', 'web']],
  ['search a.lab\nsearch', 'web', ['web.a.lab', 'web']],
  // A name too long under a search domain is no query: the search list ends there, the name itself is asked.
  ['search x d1.example y\noptions ndots:5', LONG, [`${LONG}.x`, LONG]],
  ['search x y', 'b'.repeat(64), []],
];

describe("dns/files: res_search's candidate names", () => {
  for (const [resolv, name, want] of TABLE) {
    it(`${JSON.stringify(resolv)}: ${name.length > 40 ? `${name.slice(0, 12)}... (${name.length})` : name}`, () => {
      assert.deepEqual(asked(resolv, name), want);
    });
  }

  it('says why each candidate is tried, and which ones glibc cannot send', () => {
    assert.deepEqual(searchCandidates('web.x', { ndots: 1, search: ['a.lab', '.'] }), [
      { name: 'web.x', why: 'ndots', sent: true },
      { name: 'web.x.a.lab', why: 'search', domain: 'a.lab', sent: true },
      { name: 'web.x.', why: 'search', domain: '', sent: true },
    ]);
    assert.deepEqual(searchCandidates('web', { ndots: 1, search: ['a.lab'] }), [
      { name: 'web.a.lab', why: 'search', domain: 'a.lab', sent: true },
      { name: 'web', why: 'as-is-last', sent: true },
    ]);
    assert.deepEqual(searchCandidates('web.', { ndots: 3, search: ['a.lab'] }), [{ name: 'web.', why: 'absolute', sent: true }]);
    assert.deepEqual(searchCandidates('b'.repeat(64), { ndots: 1, search: ['x', 'y'] }), [
      { name: `${'b'.repeat(64)}.x`, why: 'search', domain: 'x', sent: false },
      { name: 'b'.repeat(64), why: 'as-is-last', sent: false },
    ]);
  });

  it('encodable: labels of 1 to 63 octets, 255 octets in all', () => {
    assert.deepEqual(
      ['.', 'a', 'a.', 'a..b', '', 'x'.repeat(63), 'x'.repeat(64), `${LONG}.${'a'.repeat(9)}`, `${LONG}.${'a'.repeat(10)}`].map(encodable),
      [true, true, true, false, false, true, false, true, false],
    );
  });

  it('never throws; asks the name at most once as it is, and never past an unsendable search name', () => {
    const label = fc.constantFrom('web', 'a', 'x'.repeat(63), '', '.');
    fc.assert(
      fc.property(
        fc.array(label, { maxLength: 8 }),
        fc.array(label, { maxLength: 8 }),
        fc.integer({ min: 0, max: 15 }),
        fc.boolean(),
        (ls, ds, ndots, noTld) => {
          const name = ls.join('.');
          const cs = searchCandidates(name, { ndots, search: ds, noTldQuery: noTld });
          assert.ok(cs.filter((c) => c.why !== 'search').length <= 1);
          const stop = cs.findIndex((c) => c.why === 'search' && !c.sent);
          if (stop >= 0) assert.ok(cs.slice(stop + 1).every((c) => c.why !== 'search'));
        },
      ),
      { numRuns: 300 },
    );
  });
});
