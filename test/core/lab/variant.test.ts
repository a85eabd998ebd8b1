/** Per-student variants (src/core/lab/variant.ts): declarations, deterministic draws, placeholders, whole labs. */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import type { SourceRange } from '../../../src/core/text/diag';
import {
  instantiateLab,
  parseVariableDef,
  readVariables,
  resolveVariables,
  substitute,
  sealOf,
  topLevelBlocks,
  type VariableValue,
  VariantRng,
} from '../../../src/core/lab/variant';
import { loadLab } from '../../../src/core/lab/load';
import type { VariableSpec } from '../../../src/core/lab/types';
import { parseAddr } from '../../../src/core/net/addr';

const R: SourceRange = { file: 'lab.yaml', line: 3, column: 3, endLine: 3, endColumn: 7 };
const spec = (name: string, def: unknown): VariableSpec => ({ name, range: R, def });

const SPECS: VariableSpec[] = [
  spec('net1', { subnet: '10.0.0.0/8', prefix: 24 }),
  spec('net2', { subnet: '10.0.0.0/8', prefix: 24 }),
  spec('net3', { subnet: '10.0.0.0/8', prefix: 16 }),
  spec('port', { int: [8000, 8999] }),
  spec('name', { choice: ['web', 'db', 'api'] }),
  spec('mac', { mac: true }),
];

function texts(values: Map<string, VariableValue>): Record<string, string> {
  return Object.fromEntries([...values].map(([k, v]) => [k, v.text]));
}

function range(text: string): [bigint, bigint] {
  const [a, len] = text.split('/');
  const v = parseAddr(a!)!.value;
  return [v, v + (1n << BigInt(32 - Number(len))) - 1n];
}

/** Checked independently: python3 -c "hashlib.sha256(b'knetlab-variant-v1\\0demo\\0alice\\0net1\\0' + b'\\0' * 4)". */
const PINNED_RNG = [1019502326, 758n];
const PINNED = {
  net1: '10.94.246.0/24',
  net2: '10.222.33.0/24',
  net3: '10.229.0.0/16',
  port: '8470',
  name: 'api',
  mac: 'e6:0a:d8:f6:4d:60',
};

const LAB = `# A lab with variables
name: demo
title: { en: Demo, ko: 데모 }
variables:
  net1: { subnet: 10.0.0.0/8, prefix: 24 }
  # the second LAN
  net2: { subnet: 10.0.0.0/8, prefix: 24 }
  port: { int: [8000, 8999] }

switches: [lan1, lan2]
hosts:
  a:
    interfaces:
      eth0: lan1
    run: |
      ip addr add {{ net1.10 }}/{{ net1.len }} dev eth0
      ip route add {{ net2 }} via {{ net1.1 }}
exercises:
  - id: reach
    checks:
      - reach: { from: a, to: {{ net2.-1 }} }
`;

describe('variants: declarations', () => {
  it('accepts every kind', () => {
    for (const s of SPECS) assert.deepEqual(parseVariableDef(s).diagnostics, [], s.name);
  });

  const bad: [string, unknown, RegExp][] = [
    ['no kind', { range: [1, 2] }, /no kind/],
    ['typo kind', { subnett: '10.0.0.0/8', prefix: 24 }, /did you mean "subnet"/],
    ['two kinds', { int: [1, 2], choice: ['a'] }, /several kinds/],
    ['not a mapping', '10.0.0.0/8', /write one of/],
    ['bad CIDR', { subnet: '10.0.0/8', prefix: 24 }, /not a prefix/],
    ['host bits', { subnet: '10.1.0.0/8', prefix: 24 }, /host bits set; did you mean 10\.0\.0\.0\/8/],
    ['prefix too short', { subnet: '10.0.0.0/16', prefix: 8 }, /shorter than its container/],
    ['prefix missing', { subnet: '10.0.0.0/16' }, /needs "prefix:"/],
    ['prefix too long', { subnet: '10.0.0.0/16', prefix: 33 }, /0 to 32/],
    ['bad exclude', { subnet: '10.0.0.0/8', prefix: 24, exclude: ['nope'] }, /exclude: "nope"/],
    ['unknown key', { int: [1, 2], prefix: 3 }, /unknown key "prefix"/],
    ['empty choice', { choice: [] }, /non-empty list/],
    ['nested choice', { choice: [{ a: 1 }] }, /one-line word/],
    ['min > max', { int: [9, 1] }, /minimum is larger/],
    ['int not a pair', { int: [1] }, /\[MIN, MAX\]/],
    ['int fractional', { int: [1.5, 3] }, /\[MIN, MAX\]/],
    ['mac false', { mac: 'yes' }, /mac: true/],
  ];
  for (const [what, def, re] of bad) {
    it(`diagnoses ${what} at the variable, in both languages`, () => {
      const { def: d, diagnostics } = parseVariableDef(spec('v', def));
      assert.equal(d, undefined);
      assert.equal(diagnostics.length, 1);
      const g = diagnostics[0]!;
      assert.equal(g.code, 'bad-variable');
      assert.equal(g.severity, 'error');
      assert.deepEqual([g.file, g.line, g.column, g.endLine, g.endColumn], [R.file, R.line, R.column, R.endLine, R.endColumn]);
      assert.match(g.message.en, re);
      assert.ok(g.message.ko.length > 0 && g.message.ko !== g.message.en);
    });
  }

  it('diagnoses a duplicate declaration and a full container', () => {
    const r = resolveVariables(
      [
        spec('a', { subnet: '192.168.0.0/24', prefix: 25 }),
        spec('b', { subnet: '192.168.0.0/24', prefix: 25 }),
        spec('c', { subnet: '192.168.0.0/24', prefix: 26 }),
        spec('a', { int: [1, 2] }),
      ],
      { lab: 'x', student: 's' },
    );
    assert.deepEqual(
      r.diagnostics.map((d) => d.code),
      ['duplicate-name', 'variable-conflict'],
    );
    assert.deepEqual([...r.values.keys()], ['a', 'b']);
    assert.deepEqual([...r.failed], ['c']);
    assert.deepEqual(new Set([r.values.get('a')!.text, r.values.get('b')!.text]), new Set(['192.168.0.0/25', '192.168.0.128/25']));
  });
});

describe('variants: deterministic values', () => {
  it('pins the values of one student (a change here re-randomises every class)', () => {
    const r = resolveVariables(SPECS, { lab: 'demo', student: 'alice' });
    assert.deepEqual(r.diagnostics, []);
    assert.deepEqual(texts(r.values), texts(resolveVariables(SPECS, { lab: 'demo', student: ' alice ' }).values), 'ids are trimmed');
    const rng = new VariantRng('demo', 'alice', 'net1');
    assert.deepEqual([rng.nextU32(), rng.below(1000n)], PINNED_RNG);
    assert.deepEqual(texts(r.values), PINNED);
    assert.deepEqual(texts(resolveVariables(SPECS.slice(0, 2), { lab: 'demo', student: 'alice' }).values), {
      net1: '10.94.246.0/24',
      net2: '10.222.33.0/24',
    });
  });

  it('gives the same id the same values and different ids different ones', () => {
    const a1 = texts(resolveVariables(SPECS, { lab: 'demo', student: 's2024001' }).values);
    const a2 = texts(resolveVariables(SPECS, { lab: 'demo', student: 's2024001' }).values);
    assert.deepEqual(a1, a2);
    const seen = new Set<string>();
    for (let i = 0; i < 50; i++) seen.add(resolveVariables(SPECS, { lab: 'demo', student: `s${i}` }).values.get('net1')!.text);
    assert.ok(seen.size >= 49, `50 students share net1s: ${seen.size}`);
    assert.notDeepEqual(
      texts(resolveVariables(SPECS, { lab: 'other', student: 's2024001' }).values),
      a1,
      'the lab name is part of the seed',
    );
  });

  it('keeps every value in range and subnets apart, for any id (property)', () => {
    const tight = [
      spec('a', { subnet: '172.16.0.0/22', prefix: 24 }),
      spec('b', { subnet: '172.16.0.0/22', prefix: 24 }),
      spec('c', { subnet: '172.16.0.0/22', prefix: 23, exclude: ['172.16.3.0/24'] }),
      spec('wide', { subnet: '172.16.0.0/12', prefix: 26 }),
      spec('port', { int: [-3, 3] }),
      spec('name', { choice: ['web', 'db', 'api'] }),
      spec('mac', { mac: true }),
    ];
    fc.assert(
      fc.property(fc.string(), (student) => {
        const r = resolveVariables(tight, { lab: 'prop', student });
        assert.deepEqual(r.diagnostics, []);
        const nets = ['a', 'b', 'c', 'wide'].map((k) => range(r.values.get(k)!.text));
        for (let i = 0; i < nets.length; i++) {
          for (let j = i + 1; j < nets.length; j++)
            assert.ok(nets[i]![1] < nets[j]![0] || nets[j]![1] < nets[i]![0], `overlap for ${JSON.stringify(student)}`);
        }
        const [c0] = range(r.values.get('c')!.text);
        assert.equal(c0, range('172.16.0.0/23')[0], 'c is drawn first (largest) and must avoid its exclude');
        const [w0, w1] = nets[3]!;
        assert.ok(w0 >= range('172.16.0.0/12')[0] && w1 <= range('172.16.0.0/12')[1]);
        const port = r.values.get('port')!;
        assert.ok(port.kind === 'int' && port.value >= -3 && port.value <= 3);
        assert.ok(['web', 'db', 'api'].includes(r.values.get('name')!.text));
        assert.match(r.values.get('mac')!.text, /^[0-9a-f][26ae](:[0-9a-f]{2}){5}$/);
      }),
      { numRuns: 300 },
    );
  });

  it('uses every option over many ids (no stuck generator)', () => {
    const seen = new Map<string, number>();
    for (let i = 0; i < 300; i++) {
      const v = resolveVariables([spec('n', { choice: ['a', 'b', 'c'] })], { lab: 'l', student: String(i) }).values.get('n')!.text;
      seen.set(v, (seen.get(v) ?? 0) + 1);
    }
    assert.equal(seen.size, 3);
    for (const n of seen.values()) assert.ok(n > 60, `skewed: ${[...seen]}`);
  });

  it('fills a container exactly when it must (two /25s in a /24, in either order)', () => {
    for (let i = 0; i < 40; i++) {
      const r = resolveVariables([spec('a', { subnet: '10.0.0.0/24', prefix: 25 }), spec('b', { subnet: '10.0.0.0/24', prefix: 25 })], {
        lab: 'l',
        student: String(i),
      });
      assert.deepEqual(r.diagnostics, []);
      assert.notEqual(r.values.get('a')!.text, r.values.get('b')!.text);
    }
  });
});

describe('variants: placeholders', () => {
  const values = resolveVariables(
    [
      spec('net1', { subnet: '10.0.0.0/8', prefix: 24 }),
      spec('port', { int: [80, 80] }),
      spec('tiny', { subnet: '10.9.9.9/32', prefix: 32 }),
    ],
    { lab: 'l', student: 's' },
  ).values;
  const net = values.get('net1')!.text.split('/')[0]!;
  const base = net.split('.').slice(0, 3).join('.');

  it('renders every selector', () => {
    const cases: [string, string][] = [
      ['{{ net1 }}', `${base}.0/24`],
      ['{{net1.cidr}}', `${base}.0/24`],
      ['{{ net1.net }}', `${base}.0`],
      ['{{ net1.network }}', `${base}.0`],
      ['{{ net1.len }}', '24'],
      ['{{ net1.prefix }}', '24'],
      ['{{ net1.mask }}', '255.255.255.0'],
      ['{{ net1.10 }}', `${base}.10`],
      ['{{ net1.0 }}', `${base}.0`],
      ['{{ net1.255 }}', `${base}.255`],
      ['{{ net1.first }}', `${base}.1`],
      ['{{ net1.last }}', `${base}.254`],
      ['{{ net1.-1 }}', `${base}.254`],
      ['{{ net1.-2 }}', `${base}.253`],
      ['{{ net1.bcast }}', `${base}.255`],
      ['{{ net1.broadcast }}', `${base}.255`],
      ['{{ port }}', '80'],
      ['{{ tiny.0 }}', '10.9.9.9'],
      ["{{ '{{' }} x {{ '}}' }}", '{{ x }}'],
      ['{{ .Name }} {{ range .items }}', '{{ .Name }} {{ range .items }}'],
    ];
    for (const [input, want] of cases) {
      const r = substitute(input, values, 'f');
      assert.deepEqual(r.diagnostics, [], input);
      assert.equal(r.text, want, input);
    }
  });

  it('diagnoses bad placeholders at their exact line and column', () => {
    const text =
      'line one\n  ip addr add {{ net1.256 }}/24\n\tx {{ nett }} y {{ port.len }}\n{{ net1.zz }} {{ tiny.first }} {{ net1 .10 }}\r\n{{ net1.-257 }}';
    const r = substitute(text, values, 'README.md');
    const got = r.diagnostics.map((d) => [d.code, d.file, d.line, d.column, d.endLine, d.endColumn]);
    assert.deepEqual(got, [
      ['bad-placeholder', 'README.md', 2, 15, 2, 29],
      ['unknown-variable', 'README.md', 3, 4, 3, 14],
      ['bad-placeholder', 'README.md', 3, 17, 3, 31],
      ['bad-placeholder', 'README.md', 4, 1, 4, 14],
      ['bad-placeholder', 'README.md', 4, 15, 4, 31],
      ['bad-placeholder', 'README.md', 4, 32, 4, 46],
      ['bad-placeholder', 'README.md', 5, 1, 5, 16],
    ]);
    assert.match(r.diagnostics[1]!.message.en, /did you mean "net1"/);
    assert.match(r.diagnostics[3]!.message.en, /Unknown part "\.zz"/);
    for (const d of r.diagnostics) assert.ok(d.message.ko && d.message.ko !== d.message.en);
    // Bad placeholders stay as written; lines are kept.
    assert.equal(r.text.split('\n').length, text.split('\n').length);
    assert.ok(r.text.includes('{{ nett }}'));
  });

  it('skips variables that failed to resolve (already diagnosed)', () => {
    const r = substitute('{{ broken.10 }}', values, 'f', { skip: new Set(['broken']) });
    assert.deepEqual(r.diagnostics, []);
    assert.equal(r.text, '{{ broken.10 }}');
  });

  it('keeps the number of lines for any text (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.string(), fc.constantFrom('{{ net1 }}', '{{ net1.3 }}', '{{ port }}', '{{ x }}', '\n', '\r\n', '{{', '}}')), {
          maxLength: 30,
        }),
        (parts) => {
          const text = parts.join('');
          const r = substitute(text, values, 'f');
          assert.equal(r.text.split('\n').length, text.split('\n').length);
        },
      ),
    );
  });
});

describe('variants: reading and instantiating a lab', () => {
  it('reads variables from raw text that is not valid YAML yet', () => {
    const broken = LAB.replace('switches: [lan1, lan2]', 'switches: [lan1, lan2]\nports: [tcp/{{ port }}]');
    assert.ok(
      loadLab(broken, { file: 'lab.yaml' }).diagnostics.some((d) => d.code === 'yaml-syntax'),
      'the raw starter is broken YAML here',
    );
    const r = readVariables(broken, 'lab.yaml');
    assert.deepEqual(r.diagnostics, []);
    assert.equal(r.labName, 'demo');
    assert.deepEqual(
      r.variables.map((v) => [v.name, v.range.line, v.range.column]),
      [
        ['net1', 5, 3],
        ['net2', 7, 3],
        ['port', 8, 3],
      ],
    );
    assert.deepEqual(r.variables[0]!.def, { subnet: '10.0.0.0/8', prefix: 24 });
    assert.deepEqual(r.block, { key: 'variables', start: 3, end: 8 });
  });

  it('finds top-level blocks by lines', () => {
    const b = topLevelBlocks('a: 1\n# c\nvariables: {\n  x: { int: [1, 2] }\n}\n\n# trailing\nhosts:\n  h: {}\n---\nz: 1');
    assert.deepEqual(
      b.map((x) => [x.key, x.start, x.end]),
      [
        ['a', 0, 1],
        ['variables', 2, 5],
        ['hosts', 7, 9],
        ['z', 10, 11],
      ],
    );
  });

  it('writes a self-describing copy with the same lines', () => {
    const files = new Map([
      ['lab.yaml', LAB],
      ['README.md', 'Your LAN is {{ net1 }}.\n'],
      ['solution/lab.yaml', 'variables:\n  x: { int: [1, 2] }\nhosts:\n  a:\n    run: ip addr add {{ net1.10 }}/24 dev eth0\n'],
    ]);
    const r = instantiateLab(files, 'alice');
    assert.deepEqual(
      r.diagnostics.map((d) => [d.code, d.severity, d.file, d.line]),
      [['bad-variable', 'warning', 'solution/lab.yaml', 1]],
    );
    const lab = r.files.get('lab.yaml')!;
    assert.equal(lab.split('\n').length, LAB.split('\n').length);
    const net1 = r.values.get('net1')!.text;
    const [net2, port] = [r.values.get('net2')!.text, r.values.get('port')!.text];
    const seal = sealOf(
      'demo',
      'alice',
      [...r.values].map(([k, v]) => [k, v.text] as const),
    );
    assert.equal(
      lab.split('\n')[3],
      `variant: { student: "alice", values: { net1: "${net1}", net2: "${net2}", port: ${port} }, seal: "${seal}" }`,
    );
    assert.ok(!/variables:|\{\{/.test(lab));
    assert.equal(r.files.get('README.md'), `Your LAN is ${net1}.\n`);
    assert.ok(!r.files.get('solution/lab.yaml')!.includes('variables'));
    assert.ok(r.files.get('solution/lab.yaml')!.includes(`${net1.split('/')[0]!.replace(/\.0$/, '.10')}/24`));
    const loaded = loadLab(lab, { file: 'lab.yaml' });
    assert.deepEqual(loaded.diagnostics, []);
    const run = loaded.lab!.hosts[0]!.run;
    assert.equal(run[0]!.range.line, 16, 'the run line is where it was in the starter');
    assert.equal(run[1]!.text, `ip route add ${net2} via ${net1.replace(/0\/24$/, '1')}`);
    // Same id, same copy; the instructor's view is the '' student.
    assert.deepEqual(instantiateLab(files, 'alice').files, r.files);
    assert.notDeepEqual(instantiateLab(files, '').files, r.files);
  });

  it('leaves a lab without variables alone, and reports a missing lab.yaml', () => {
    const plain = 'name: p\nhosts: {}\n# go template: {{end}}\n';
    const r = instantiateLab(new Map([['lab.yaml', plain]]), 'bob');
    assert.deepEqual(r.diagnostics, []);
    assert.equal(r.files.get('lab.yaml'), plain);
    assert.equal(instantiateLab(new Map(), 'bob').diagnostics[0]!.code, 'file-not-found');
  });

  it('reports a declaration problem at its line and does not cascade into placeholders', () => {
    const text = 'name: d\nvariables:\n  bad: { int: [5, 1] }\nhosts:\n  a:\n    run: echo {{ bad }}\n';
    const r = instantiateLab(new Map([['lab.yaml', text]]), 's', { displayPath: (p) => `labs/d/${p}` });
    assert.deepEqual(
      r.diagnostics.map((d) => [d.code, d.file, d.line, d.column]),
      [['bad-variable', 'labs/d/lab.yaml', 3, 3]],
    );
  });

  it('reports YAML errors inside the variables block at their place', () => {
    const r = readVariables('name: d\nhosts: {{ oops\nvariables:\n  a: { int: [1, 2]\n', 'lab.yaml');
    assert.equal(r.diagnostics[0]!.code, 'yaml-syntax');
    assert.ok(r.diagnostics[0]!.line >= 4);
  });
});
