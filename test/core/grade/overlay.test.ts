import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { parse, stringify } from 'yaml';
import { applySolution, hasSolution, patchYaml } from '../../../src/core/grade/overlay';
import { loadLab } from '../../../src/core/lab/load';
import { instantiateLab } from '../../../src/core/lab/variant';

const STARTER = `# The starter: comments survive the patch.
name: gw
title: { en: "Gateways", ko: "게이트웨이" }
switches: [lan1, lan2]
hosts:
  a:
    interfaces:
      eth0: lan1
    run: |
      ip addr add 192.168.1.10/24 dev eth0
  r:
    interfaces:
      eth0: lan1
      eth1: lan2
    # TODO: the student turns forwarding on
    run: |
      ip addr add 192.168.1.1/24 dev eth0
    serve: [tcp/80]
exercises:
  - id: fwd
    checks:
      - reach: { from: a, to: 192.168.2.10 }
`;

const PATCH = `hosts:
  r:
    run: |
      ip addr add 192.168.1.1/24 dev eth0
      ip addr add 192.168.2.1/24 dev eth1
      sysctl -w net.ipv4.ip_forward=1
  b:
    interfaces: { eth0: lan2 }
switches: [lan1, lan2, lan3]
`;

describe('solution overlay', () => {
  it('merges mappings key by key and replaces everything else', () => {
    const r = patchYaml(STARTER, PATCH, 'lab.yaml', 'solution/lab.yaml');
    assert.deepEqual(r.diagnostics, []);
    const got = parse(r.text);
    assert.equal(
      got.hosts.r.run,
      'ip addr add 192.168.1.1/24 dev eth0\nip addr add 192.168.2.1/24 dev eth1\nsysctl -w net.ipv4.ip_forward=1\n',
    );
    assert.deepEqual(got.hosts.r.interfaces, { eth0: 'lan1', eth1: 'lan2' }, "r's other keys stay");
    assert.deepEqual(got.hosts.r.serve, ['tcp/80']);
    assert.equal(got.hosts.a.run, 'ip addr add 192.168.1.10/24 dev eth0\n', 'a is untouched');
    assert.deepEqual(got.hosts.b, { interfaces: { eth0: 'lan2' } }, 'new keys are added');
    assert.deepEqual(got.switches, ['lan1', 'lan2', 'lan3'], 'lists are replaced, not merged');
    assert.deepEqual(Object.keys(got.hosts), ['a', 'r', 'b']);
    assert.deepEqual(Object.keys(got), ['name', 'title', 'switches', 'hosts', 'exercises'], 'the starter order stays');
    assert.ok(r.text.startsWith('# The starter: comments survive the patch.\n'));
    assert.ok(r.text.includes('# TODO: the student turns forwarding on'));
    assert.ok(
      r.text.includes('    run: |\n      ip addr add 192.168.1.1/24 dev eth0\n      ip addr add 192.168.2.1/24'),
      'the block style of run stays',
    );
    assert.deepEqual(
      loadLab(r.text, { file: 'lab.yaml' }).diagnostics.filter((d) => d.code !== 'unknown-switch'),
      [],
    );
  });

  it('removes keys set to null and resolves aliases of the patch', () => {
    const r = patchYaml(STARTER, 'hosts:\n  r:\n    serve: ~\n  a:\nbase: &b [x, y]\ncopy: *b\n', 'lab.yaml', 'solution/lab.yaml');
    assert.deepEqual(r.diagnostics, []);
    const got = parse(r.text);
    assert.equal(got.hosts.r.serve, undefined);
    assert.ok(got.hosts.r.run);
    assert.equal(got.hosts.a, undefined);
    assert.deepEqual(got.copy, ['x', 'y']);
  });

  it('diagnoses an invalid solution lab.yaml and keeps the starter', () => {
    const bad = patchYaml(STARTER, 'hosts:\n  r: [unclosed\n', 'lab.yaml', 'solution/lab.yaml');
    assert.equal(bad.text, STARTER);
    assert.equal(bad.diagnostics[0]!.code, 'bad-solution');
    assert.equal(bad.diagnostics[0]!.file, 'solution/lab.yaml');
    assert.ok(bad.diagnostics[0]!.message.ko);
    const list = patchYaml(STARTER, '- a\n- b\n', 'lab.yaml', 'solution/lab.yaml');
    assert.equal(list.text, STARTER);
    assert.deepEqual(
      list.diagnostics.map((d) => [d.code, d.line, d.column]),
      [['bad-solution', 1, 1]],
    );
    const brokenStarter = patchYaml('a: [\n', 'a: 1\n', 'lab.yaml', 'solution/lab.yaml');
    assert.equal(brokenStarter.text, 'a: [\n');
    assert.equal(brokenStarter.diagnostics[0]!.file, 'lab.yaml');
    assert.deepEqual(patchYaml(STARTER, '# nothing\n', 'a', 'b'), { text: STARTER, diagnostics: [] });
  });

  it('replaces and adds files, and drops solution/ from the result', () => {
    const files = new Map([
      ['lab.yaml', STARTER],
      ['README.md', 'starter readme'],
      ['Corefile', 'starter corefile'],
      ['solution/Corefile', 'solved corefile'],
      ['solution/answers.yaml', 'fwd: [b]\n'],
      ['solution/lab.yaml', PATCH],
    ]);
    assert.ok(hasSolution(files));
    assert.ok(
      !hasSolution(
        new Map([
          ['lab.yaml', STARTER],
          ['solutions.md', ''],
        ]),
      ),
    );
    const r = applySolution(files, { displayPath: (p) => `labs/gw/${p}` });
    assert.deepEqual(r.diagnostics, []);
    assert.deepEqual([...r.files.keys()].sort(), ['Corefile', 'README.md', 'answers.yaml', 'lab.yaml']);
    assert.equal(r.files.get('Corefile'), 'solved corefile');
    assert.equal(r.files.get('README.md'), 'starter readme');
    assert.equal(r.files.get('answers.yaml'), 'fwd: [b]\n');
    assert.match(r.files.get('lab.yaml')!, /ip_forward=1/);
    const bad = applySolution(
      new Map([
        ['lab.yaml', STARTER],
        ['solution/lab.yaml', '['],
      ]),
      { displayPath: (p) => `labs/gw/${p}` },
    );
    assert.equal(bad.diagnostics[0]!.file, 'labs/gw/solution/lab.yaml');
    assert.equal(bad.files.get('lab.yaml'), STARTER);
  });

  it('leaves a lab without a solution byte for byte', () => {
    const files = new Map([
      ['lab.yaml', STARTER],
      ['README.md', 'x'],
    ]);
    assert.deepEqual(applySolution(files).files, files);
  });

  it('behaves like a recursive merge on plain data (property)', () => {
    const key = fc.constantFrom('a', 'b', 'c', 'd');
    const leaf = fc.oneof(fc.integer(), fc.constantFrom('x', 'y z', 'ip addr'), fc.array(fc.integer(), { maxLength: 3 }));
    const { tree } = fc.letrec((tie) => ({
      tree: fc.dictionary(key, fc.oneof({ depthSize: 'small' }, leaf, tie('tree')), { maxKeys: 4 }),
    }));
    const merge = (a: Record<string, unknown>, b: Record<string, unknown>): Record<string, unknown> => {
      const out: Record<string, unknown> = { ...a };
      for (const [k, v] of Object.entries(b)) {
        const isObj = (x: unknown) => typeof x === 'object' && x !== null && !Array.isArray(x);
        out[k] = isObj(out[k]) && isObj(v) ? merge(out[k] as Record<string, unknown>, v as Record<string, unknown>) : v;
      }
      return out;
    };
    fc.assert(
      fc.property(tree, tree, (a, b) => {
        fc.pre(Object.keys(a).length > 0 && Object.keys(b).length > 0);
        const r = patchYaml(stringify(a), stringify(b), 'a', 'b');
        assert.deepEqual(r.diagnostics, []);
        assert.deepEqual(parse(r.text), JSON.parse(JSON.stringify(merge(a, b))));
      }),
      { numRuns: 200 },
    );
  });

  it('solves the bundled labs that have a solution/ folder into loadable labs', () => {
    const root = join(__dirname, '..', '..', '..', 'labs');
    for (const lab of readdirSync(root)) {
      const dir = join(root, lab);
      if (!statSync(dir).isDirectory()) continue;
      const files = new Map<string, string>();
      const walk = (d: string, rel: string) => {
        for (const n of readdirSync(d)) {
          const p = join(d, n);
          if (statSync(p).isDirectory()) walk(p, `${rel}${n}/`);
          else files.set(`${rel}${n}`, readFileSync(p, 'utf8'));
        }
      };
      walk(dir, '');
      if (!hasSolution(files)) continue;
      // Applied to the lab as drawn (its variables' defaults), as grading applies it.
      const r = applySolution(instantiateLab(files, '').files);
      assert.deepEqual(r.diagnostics, [], lab);
      const loaded = loadLab(r.files.get('lab.yaml')!, { file: 'lab.yaml', readFile: (p) => r.files.get(p) });
      assert.deepEqual(
        loaded.diagnostics.filter((d) => d.severity === 'error'),
        [],
        lab,
      );
    }
  });
});
