/**
 * The DNS labs (03-dns, 04-coredns): each break-and-fix exercise fails in the starter for the
 * reason its task describes (the resolve check's feedback names the step at fault), and fixing only
 * what the task asks passes its behaviour checks; the lookups and traces the READMEs walk through
 * give what the READMEs say.
 */
import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import { buildWorld, instantiateLab, loadLab, type World } from '../../src/core/index';
import { resolveName } from '../../src/core/dns/resolver';
import { traceName } from '../../src/core/dns/traceName';
import { gradeFiles } from '../../src/core/grade/folder';
import { readTree } from '../../src/cli/grade';

/** The lab as written (its variables' defaults), without solution/ and answers. */
function starter(dir: string): Map<string, string> {
  const files = instantiateLab(readTree(join('labs', dir)), '').files;
  return new Map([...files].filter(([p]) => !p.startsWith('solution/') && p !== 'answers.yaml'));
}

function exercise(files: ReadonlyMap<string, string>, id: string) {
  const g = gradeFiles(files, { displayPath: (p) => p, attempts: 1 });
  assert.deepEqual(
    g.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message.en),
    [],
  );
  const e = g.exercises.find((x) => x.id === id);
  assert.ok(e, id);
  return e;
}

function worldOf(files: ReadonlyMap<string, string>): World {
  const loaded = loadLab(files.get('lab.yaml')!, { file: 'lab.yaml', readFile: (p) => files.get(p) });
  assert.ok(loaded.lab);
  return buildWorld(loaded.lab).world;
}

const ep = (host: string) => ({ host, netns: '' });

interface Fault {
  readonly dir: string;
  readonly id: string;
  /** What each failing resolve check of the starter says (a pattern of its English feedback). */
  readonly why: readonly RegExp[];
  /** The fix the task asks for: the starter's lab.yaml changed where the fault is. */
  readonly fix: (lab: string) => string;
}

const FAULTS: readonly Fault[] = [
  {
    dir: '03-dns',
    id: 'stale-hosts',
    why: [
      /expected 192\.168\.2\.20, found 192\.168\.2\.21 \(from \/etc\/hosts/,
      /expected 192\.168\.2\.20, found 192\.168\.2\.21 \(from \/etc\/hosts/,
    ],
    fix: (t) => t.replace('        192.168.2.21    web web.corp.example\n', ''),
  },
  {
    dir: '03-dns',
    id: 'lookup-order',
    why: [
      /expected 192\.168\.2\.30, but found nothing: db: Name or service not known \(nsswitch\.conf: hosts: files did not find it \(NOTFOUND\): return, lab\.yaml:\d+\)$/,
      /expected 192\.168\.2\.40, but found nothing/,
    ],
    fix: (t) => t.replace('hosts: files [NOTFOUND=return] dns', 'hosts: files dns'),
  },
  {
    dir: '03-dns',
    id: 'alias-record',
    why: [/NXDOMAIN/, /NXDOMAIN/],
    fix: (t) => t.replace('        web     IN A    192.168.2.20\n', '        web     IN A    192.168.2.20\n        www     IN CNAME web\n'),
  },
  {
    dir: '03-dns',
    id: 'search-list',
    why: [/expected 192\.168\.2\.30, but found nothing/, /expected 192\.168\.2\.40, but found nothing/],
    fix: (t) =>
      t.replace(
        '      /etc/resolv.conf: |\n        nameserver 192.168.2.53\n',
        '      /etc/resolv.conf: |\n        search corp.example\n        nameserver 192.168.2.53\n',
      ),
  },
  {
    dir: '04-coredns',
    id: 'hosts-fallthrough',
    why: [
      /expected 203\.0\.113\.10, but found nothing: www\.example\.org: Temporary failure in name resolution \(SERVFAIL from 192\.168\.1\.53#53, plugin hosts/,
    ],
    fix: (t) => t.replace('            hosts /etc/hosts\n', '            hosts /etc/hosts {\n                fallthrough\n            }\n'),
  },
  {
    dir: '04-coredns',
    id: 'zone-block',
    why: [
      /expected 192\.168\.1\.21, but found nothing/,
      /expected 192\.168\.1\.21, but found nothing: SERVFAIL \(SERVFAIL from 192\.168\.1\.53#53, plugin hosts/,
    ],
    fix: (t) => t.replace('corp.example:5353 {', 'corp.example {'),
  },
  {
    dir: '04-coredns',
    id: 'zone-cname',
    why: [/CNAME/, /CNAME|found nothing/],
    // After zone-block, as its task says.
    fix: (t) =>
      t
        .replace('corp.example:5353 {', 'corp.example {')
        .replace('www     IN CNAME web.corp.example\n', 'www     IN CNAME web.corp.example.\n'),
  },
];

describe('bundled labs: the DNS exercises', () => {
  for (const f of FAULTS) {
    describe(`${f.dir}: ${f.id}`, () => {
      it('the starter fails each resolve check for the reason the task gives', () => {
        const e = exercise(starter(f.dir), f.id);
        const resolves = e.checks.filter((c) => c.kind === 'resolve');
        assert.equal(resolves.filter((c) => c.passed).length < resolves.length, true);
        f.why.forEach((re, i) => {
          assert.equal(resolves[i]!.passed, false, resolves[i]!.feedback.en);
          assert.match(resolves[i]!.feedback.en, re);
          assert.ok(resolves[i]!.feedback.ko && resolves[i]!.feedback.ko !== resolves[i]!.feedback.en);
        });
      });

      it("fixing what the task asks passes the exercise's resolve checks", () => {
        const files = starter(f.dir);
        const fixed = f.fix(files.get('lab.yaml')!);
        assert.notEqual(fixed, files.get('lab.yaml'), 'the fix applies');
        files.set('lab.yaml', fixed);
        const e = exercise(files, f.id);
        assert.deepEqual(
          e.checks.filter((c) => c.kind === 'resolve' && !c.passed).map((c) => c.feedback.en),
          [],
        );
      });
    });
  }

  it('03-dns: names written into a hosts file that must stay as it is score nothing for the exercise', () => {
    const files = starter('03-dns');
    files.set(
      'lab.yaml',
      files
        .get('lab.yaml')!
        .replace(
          '        192.168.1.12    laptop\n',
          '        192.168.1.12    laptop\n        192.168.2.30    db\n        192.168.2.40    mail\n',
        )
        .replace(
          '        192.168.1.11    admin\n',
          '        192.168.1.11    admin\n        192.168.2.30    db db.corp.example\n        192.168.2.40    mail.corp.example\n',
        ),
    );
    for (const id of ['search-list', 'lookup-order']) {
      const e = exercise(files, id);
      assert.equal(e.passed, false, id);
      assert.ok(
        e.checks.some((c) => c.kind === 'output' && !c.passed && /should not show "db"/.test(c.feedback.en)),
        id,
      );
    }
  });

  describe('03-dns: what the README walks through', () => {
    const w = () => worldOf(starter('03-dns'));
    it('client finds db through the DNS server, by its short name (the search list)', () => {
      const l = resolveName(w(), { from: ep('client'), name: 'db', tool: 'getaddrinfo' });
      assert.equal(l.status, 'success');
      assert.deepEqual(
        l.answers.filter((a) => a.type === 'A').map((a) => a.data),
        ['192.168.2.30'],
      );
      assert.ok(l.queries.some((q) => q.name === 'db.corp.example.' && q.server.startsWith('192.168.2.53')));
    });
    it('dig answers the MX, TXT and PTR records of the zone', () => {
      const world = w();
      const dig = (name: string, type: string) =>
        resolveName(world, { from: ep('client'), name, type, tool: 'dig' }).answers.map((a) => a.data);
      assert.deepEqual(dig('corp.example', 'MX'), ['10 mail.corp.example.']);
      assert.deepEqual(dig('corp.example', 'TXT'), ['"v=spf1 mx -all"']);
      assert.deepEqual(dig('40.2.168.192.in-addr.arpa', 'PTR'), ['mail.corp.example.']);
    });
    it('laptop asks for db as it is and finds nothing', () => {
      const l = resolveName(w(), { from: ep('laptop'), name: 'db', tool: 'getaddrinfo' });
      assert.notEqual(l.status, 'success');
      assert.deepEqual(
        l.queries.map((q) => q.name),
        l.queries.map(() => 'db.'),
      );
    });
    it('a trace to db looks it up first, then connects', () => {
      const t = traceName(w(), { from: ep('client'), to: 'db', proto: 'tcp', port: 5432 });
      assert.equal(t.address, '192.168.2.30');
      assert.equal(t.result.verdict, 'replied', t.result.reason.en);
      assert.deepEqual(
        t.result.legs.slice(0, 3).map((l) => l.kind),
        ['lookup', 'query', 'answer'],
      );
      assert.equal(t.result.legs[0]!.steps.at(-1)!.data?.['lookup'], 'query', 'the lookup leg ends with the query it sends');
    });
  });

  describe('04-coredns: what the README walks through', () => {
    const w = () => worldOf(starter('04-coredns'));
    it("client finds printer from dns's /etc/hosts, through the hosts plugin", () => {
      const l = resolveName(w(), { from: ep('client'), name: 'printer', tool: 'getaddrinfo' });
      assert.equal(l.status, 'success');
      assert.deepEqual(
        l.answers.filter((a) => a.type === 'A').map((a) => a.data),
        ['192.168.1.30'],
      );
    });
    it('the zone answers on port 5353 in the lab as given', () => {
      const l = resolveName(w(), {
        from: ep('client'),
        name: 'wiki.corp.example',
        tool: 'dig',
        server: '192.168.1.53',
        options: { port: 5353 },
      });
      assert.deepEqual(
        l.answers.map((a) => a.data),
        ['192.168.1.21'],
      );
    });
  });
});
