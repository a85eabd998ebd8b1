/** The resolve check (src/core/grade/checks/resolve*.ts): its arguments' validation, its verdict and feedback on a lookup. */
import { strict as assert } from 'node:assert';
import { findCheckKind } from '../../../../src/core/grade/registry';
import { cnameChain, judgeLookup } from '../../../../src/core/grade/checks/resolveFeedback';
import { resolveArgs, type ResolveArgs } from '../../../../src/core/grade/checks/resolveArgs';
import { validateExercises } from '../../../../src/core/grade/grade';
import { instantiateLab, loadLab } from '../../../../src/core/index';
import { checkDiags } from '../../../support/gradeLab';
import { nxdomain, timedOut, viaCname, viaDns, viaFiles } from '../../../support/lookup';

const G: ResolveArgs = { tool: 'getaddrinfo', toolWord: 'getaddrinfo', name: 'web' };

describe('grade: resolve, its arguments', () => {
  it('is registered with its schema and docs in both languages', () => {
    const k = findCheckKind('resolve');
    assert.ok(k);
    assert.ok(k.docs.text.en && k.docs.text.ko && k.docs.text.en !== k.docs.text.ko);
    assert.deepEqual((k.schema.args as { required: string[] }).required, ['from', 'name']);
    assert.equal(
      k.label({ kind: 'resolve', args: { from: 'client', name: 'www', tool: 'dig', type: 'CNAME' }, range: null!, argRanges: {} }),
      'client: dig www CNAME',
    );
  });

  it("places each mistake on its argument's line", () => {
    const diags = checkDiags(`      - resolve: { from: a, name: web, expect: [10.0.0.5] }
      - resolve: { from: zz, name: web }
      - resolve:
          from: a
          name: web
          tool: nscd
          type: MXX
      - resolve: { from: a, name: web, type: MX }
      - resolve: { from: a, name: web, tool: dig, type: MX, expect: [mail.example.com.] }
      - resolve:
          from: a
          name: web
          expect: [web.example.com]
      - resolve: { from: a, name: web, rcode: NXDOMAIN, status: notfound }
      - resolve: { from: a, nme: web }
`);
    assert.deepEqual(
      diags.map((d) => `${d.line} ${d.code}: ${d.en}`),
      [
        '25 unknown-host: No host "zz" in this lab. Hosts: a, r, b.',
        '29 wrong-type: tool must be one of getaddrinfo, getent, dig, not "nscd".',
        '30 wrong-type: type must be one of A, AAAA, CNAME, MX, TXT, PTR, SRV, NS, SOA, not "MXX"; did you mean "MX"?',
        '31 wrong-type: getaddrinfo asks for addresses only (A and AAAA records): ask for MX with tool: dig.',
        '36 bad-address: "web.example.com" is not an IP address: this lookup gives addresses (e.g. 10.0.0.5).',
        '37 unknown-key: Give rcode or status, not both: a lookup ends with one.',
        '38 unknown-key: A resolve check has no argument "nme"; did you mean "name"?. Its arguments: from, name, tool, type, expect, rcode, cname, status.',
        '38 missing-key: This resolve check needs "name", e.g. resolve: { from: client, name: web, expect: [10.0.0.5] }.',
      ],
    );
  });
});

describe('grade: resolve, its verdict', () => {
  it('passes with the addresses expected, in any order, and says who answered: the server and its plugin, or the /etc/hosts line', () => {
    const r = judgeLookup({ ...G, expect: ['192.168.2.20'] }, viaDns, 'client: getaddrinfo web');
    assert.equal(r.passed, true);
    assert.equal(
      r.feedback.en,
      'client: getaddrinfo web: 192.168.2.20, as expected (NOERROR from 192.168.2.53#53, plugin file, lab.yaml:90)',
    );
    assert.equal(
      r.feedback.ko,
      'client: getaddrinfo web: 기대대로 192.168.2.20이 나옵니다 (192.168.2.53#53의 file 플러그인이 NOERROR로 응답, lab.yaml:90)',
    );
    assert.equal(r.source?.line, 90);
    const f = judgeLookup({ ...G, expect: ['192.168.2.20'] }, viaFiles, 'client: getaddrinfo web');
    assert.equal(f.passed, false);
    assert.equal(f.feedback.en, 'client: getaddrinfo web: expected 192.168.2.20, found 192.168.2.21 (from /etc/hosts, lab.yaml:27)');
    assert.equal(
      f.feedback.ko,
      'client: getaddrinfo web: 192.168.2.20을 기대했지만 192.168.2.21을 찾았습니다 (/etc/hosts에서, lab.yaml:27)',
    );
    assert.equal(f.expected, '192.168.2.20');
    assert.equal(f.actual, '192.168.2.21');
  });

  it("a name not found: getaddrinfo's words and the plugin that said NXDOMAIN; rcode and status expectations", () => {
    const n = judgeLookup({ ...G, name: 'nosuch', expect: ['192.168.2.20'] }, nxdomain, 'client: getaddrinfo nosuch');
    assert.equal(n.passed, false);
    assert.equal(
      n.feedback.en,
      'client: getaddrinfo nosuch: expected 192.168.2.20, but found nothing: nosuch: Name or service not known (NXDOMAIN from 192.168.2.53#53, plugin file, lab.yaml:80)',
    );
    assert.equal(
      n.feedback.ko,
      'client: getaddrinfo nosuch: 192.168.2.20을 기대했지만 찾지 못했습니다: nosuch: Name or service not known (192.168.2.53#53의 file 플러그인이 NXDOMAIN으로 응답, lab.yaml:80)',
    );
    // The failed check's link goes to the line its feedback names: the plugin's.
    assert.equal(n.source?.line, 80);
    const rc = judgeLookup({ ...G, name: 'nosuch', rcode: 'NXDOMAIN' }, nxdomain, 'client: getaddrinfo nosuch');
    assert.equal(rc.passed, true);
    assert.match(rc.feedback.en, /^client: getaddrinfo nosuch: NXDOMAIN, as expected: nosuch: Name or service not known \(/);
    assert.equal(judgeLookup({ ...G, rcode: 'NOERROR' }, nxdomain, 'h').passed, false);
    const st = judgeLookup({ ...G, status: 'notfound' }, timedOut, 'client: getaddrinfo web');
    assert.equal(st.passed, false);
    assert.equal(
      st.feedback.en,
      'client: getaddrinfo web: expected the lookup to end notfound, it ended tryagain: no answer: no server replied in time',
    );
    assert.equal(
      st.feedback.ko,
      'client: getaddrinfo web: 조회 결과가 notfound여야 하는데 tryagain입니다: 응답 없음: 제때 응답한 서버가 없습니다',
    );
    assert.equal(judgeLookup({ ...G, status: 'tryagain' }, timedOut, 'h').passed, true);
    // No expectation: the name must resolve.
    assert.equal(judgeLookup(G, viaDns, 'h').passed, true);
    assert.equal(judgeLookup(G, timedOut, 'h').feedback.en, 'h: the name does not resolve: no answer: no server replied in time');
  });

  it('reads the CNAME chain from the reply when the tool gives only addresses', () => {
    assert.deepEqual(cnameChain(viaCname), ['www.corp.example.', 'web.corp.example.']);
    const args = { ...G, name: 'www', cname: ['www.corp.example', 'WEB.corp.example.'], expect: ['192.168.2.20'] };
    assert.equal(judgeLookup(args, viaCname, 'h').passed, true);
    const none = judgeLookup(args, viaDns, 'h');
    assert.equal(none.passed, false);
    assert.match(none.feedback.en, /^h: expected the CNAME chain www\.corp\.example -> WEB\.corp\.example\., found \(no CNAME\) \(/);
    assert.match(none.feedback.ko, /^h: CNAME 체인이 www\.corp\.example -> WEB\.corp\.example\.여야 하는데 \(CNAME 없음\)입니다 \(/);
  });

  it('dig compares the records of the type asked', () => {
    const dig: ResolveArgs = { tool: 'dig', toolWord: 'dig', name: 'www.corp.example', type: 'CNAME', expect: ['web.corp.example'] };
    const lookup = { ...viaCname, answers: [{ name: 'www.corp.example.', type: 'CNAME', ttl: 3600, data: 'web.corp.example.' }] };
    assert.equal(judgeLookup(dig, lookup, 'h').passed, true);
    assert.equal(judgeLookup({ ...dig, expect: ['db.corp.example.'] }, lookup, 'h').passed, false);
  });
});

describe('grade: resolve, with per-student variables', () => {
  it('takes placeholders in its name and expectations, as reach does; each student gets their own', () => {
    const lab = `name: v
switches: [lan]
hosts:
  a:
    interfaces: { eth0: lan }
    run: |
      ip addr add {{ lan.10 }}/24 dev eth0
exercises:
  - id: r
    points: 10
    checks:
      - resolve: { from: a, name: "{{ host }}", expect: ["{{ lan.20 }}"] }
variables:
  lan: { subnet: 10.0.0.0/8, prefix: 24 }
  host: { choice: [web, blog, shop] }
`;
    const seen = new Set<string>();
    for (const student of ['s1', 's2', 's3']) {
      const text = instantiateLab(new Map([['lab.yaml', lab]]), student).files.get('lab.yaml')!;
      const loaded = loadLab(text, { file: 'lab.yaml' });
      assert.ok(loaded.lab, JSON.stringify(loaded.diagnostics));
      const check = loaded.lab.exercises[0]!.checks[0]!;
      assert.deepEqual(validateExercises(loaded.lab), []);
      const args = resolveArgs(check)!;
      assert.match(args.name, /^(web|blog|shop)$/);
      assert.match(args.expect![0]!, /^10\.\d+\.\d+\.20$/);
      seen.add(args.expect![0]!);
    }
    assert.equal(seen.size, 3, 'three students, three addresses');
  });
});
