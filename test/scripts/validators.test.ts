/**
 * The schema validators compiled at build time (ajv's standalone code, scripts/validators.ts ->
 * src/core/{lab,cni}/generated): the committed files are what the build would write, and they give
 * exactly the errors of the same schemas compiled by ajv at run time, for invalid labs and CNI
 * configurations of every kind (so the diagnostics built from them are unchanged).
 */
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { parseDocument } from 'yaml';
import type { ErrorObject } from 'ajv';
import { generateValidators } from '../../scripts/validators';
import { labValidatorSchema, newLabAjv } from '../../src/core/lab/schema/compile';
import { CNI_SCHEMA, newCniAjv } from '../../src/core/cni/schemaCompile';
import standaloneLab from '../../src/core/lab/generated/labSchemaValidator';
import standaloneCni from '../../src/core/cni/generated/cniSchemaValidator';
import { instantiateLab } from '../../src/core/lab/variant';

interface Validator {
  (data: unknown): boolean;
  errors?: ErrorObject[] | null;
}

/**
 * A validator's verdict and errors for one value (copied: the next call replaces them). The
 * schema objects of verbose errors become their schema paths, each compared once by
 * `sameSchemas`: comparing whole schemas for every error would take minutes.
 */
function run(v: Validator, data: unknown, schemas: Map<string, string>): { valid: boolean; errors: unknown[] } {
  const valid = v(data);
  const errors = (v.errors ?? []).map((e) => {
    const { schema, parentSchema, ...rest } = e;
    for (const [k, x] of [
      [`${e.schemaPath} schema`, schema],
      [`${e.schemaPath} parent`, parentSchema],
    ] as const) {
      if (!schemas.has(k)) schemas.set(k, JSON.stringify(x));
    }
    return rest;
  });
  return { valid, errors };
}

/** Checks that both validators agree on every value; returns the keywords of the errors seen. */
function agree(standalone: Validator, runtime: Validator, values: readonly unknown[]): Set<string> {
  const keywords = new Set<string>();
  const a = new Map<string, string>();
  const b = new Map<string, string>();
  for (const data of values) {
    const x = run(standalone, data, a);
    const y = run(runtime, data, b);
    assert.deepStrictEqual(x, y, JSON.stringify(data).slice(0, 400));
    for (const e of x.errors) keywords.add((e as ErrorObject).keyword);
  }
  // The verbose errors' schemas: the same at every schema path.
  assert.deepStrictEqual(a, b);
  return keywords;
}

const yamlData = (text: string): unknown => parseDocument(text, { logLevel: 'error' }).toJS({ maxAliasCount: 1000 });

const INVALID_LABS = [
  'just text',
  '- a\n- b\n',
  'name: x\n',
  'name: x\nhosts: []\n',
  'name: x\nswitches: [lan1, lan1, "bad name!"]\nhosts:\n  1a: {}\n  b:\n    interfaces:\n      lo: lan1\n      eth0: { switch: lan1, mac: "03:00:00:00:00:01" }\n      eth1: { mac: x }\n',
  'name: x\nhosts:\n  a:\n    run: 5\n    files:\n      etc/hosts: x\n      /etc/a: { from: /abs }\n      /etc/b: { from: ../up }\n    serve: [tcp/0, udp/70000, sctp/1, "red:tcp/80"]\n    colour: red\n',
  'name: x\ntitle: { en: A }\ndescription: 5\nhosts: { a: {} }\nexercises:\n  - id: Bad Id\n    points: -1\n    hints: [{ en: a }]\n    checks:\n      - reach: { from: a }\n      - reach: { from: a, to: 10.0.0.1, port: 80 }\n      - route: {}\n      - output: { on: a, run: 5 }\n      - quiz: { ask: x, answer: { sha256: abc } }\n      - {}\n      - { reach: { from: a, to: b }, noreach: { from: a, to: b } }\n      - teleport: { to: mars }\n',
  'name: x\nhosts: {}\nvariables:\n  net: { subnet: 10.0.0.0/8 }\n  g: { sbnet: 10.0.0.0/8, prefix: 24 }\n  i: { int: [1, x] }\n  c: { choice: [] }\n  m: { mac: false }\n  9bad: { int: [1, 2] }\n  two: { int: [1, 2], mac: true }\n',
  'name: x\nhosts: {}\nvariant: { student: 5 }\n',
  'name: x\nhosts: { a: {} }\nexercises:\n  - id: e\n    checks:\n      - reach: { from: a, to: 10.0.0.1, proto: sctp }\n      - reach: { from: a, to: 10.0.0.1, proto: icmp, port: 80 }\n',
  'name: [1]\nhosts:\n  a:\n    interfaces: [eth0]\n',
];

const INVALID_CNI = [
  '5',
  '[]',
  '{}',
  '{ "cniVersion": "9.9.9", "name": "bad name", "plugins": [] }',
  '{ "cniVersion": "1.0.0", "name": "n", "type": "bridge", "plugins": [{ "type": "x" }] }',
  '{ "cniVersion": "1.0.0", "name": "n", "plugins": [{ "bridge": 5, "mtu": 10, "vlan": 5000, "ipam": { "ranges": [[{ "gateway": 1 }]], "routes": [{}] } }] }',
  '{ "cniVersion": "0.4.0", "name": "n", "type": "macvlan", "capabilities": { "mac": "yes" }, "sysctl": { "a": 1 }, "dns": { "nameservers": "1.1.1.1" } }',
  '{ "cniVersions": ["1.0.0", 2], "name": 5, "type": "ptp", "ipam": { "type": "static", "addresses": [{ "gateway": "x" }] } }',
];

/** CNI configurations of the unit tests (JSON in template strings), and the bundled examples. */
function cniCorpus(): string[] {
  const dir = 'test/core/cni';
  const files = [...readdirSync(dir).map((f) => `${dir}/${f}`), 'test/support/cni.ts'].filter((f) => f.endsWith('.ts'));
  const src = files.map((f) => readFileSync(f, 'utf8')).join('\n');
  return [...src.matchAll(/`(\{[\s\S]*?)`/g)].map((m) => m[1]!).filter((t) => !t.includes('${'));
}

/** Each value of a JSON document replaced, in turn, by values of other types. */
function valueEdits(value: unknown, replacements: readonly unknown[] = [1, -3, 99999, 'x', null, true, [], {}]): unknown[] {
  const out: unknown[] = [];
  const paths: (string | number)[][] = [];
  const walk = (x: unknown, p: (string | number)[]) => {
    paths.push(p);
    if (x && typeof x === 'object') for (const [k, v] of Object.entries(x)) walk(v, [...p, Array.isArray(x) ? Number(k) : k]);
  };
  walk(value, []);
  for (const p of paths.slice(1)) {
    for (const rep of replacements) {
      const copy = JSON.parse(JSON.stringify(value)) as Record<string | number, unknown>;
      let cur = copy;
      for (const s of p.slice(0, -1)) cur = cur[s] as Record<string | number, unknown>;
      cur[p[p.length - 1]!] = rep;
      out.push(copy);
    }
  }
  return out;
}

describe('standalone schema validators', () => {
  it('are current: the build would write the same files', () => {
    for (const f of generateValidators()) {
      assert.ok(existsSync(f.path), `${f.path} is missing: run npm run build`);
      assert.equal(readFileSync(f.path, 'utf8'), f.text, `${f.path} is stale: run npm run build and commit it`);
    }
  });

  it('need only ajv runtime helpers, imported (they bundle for Node and the browser)', () => {
    for (const f of generateValidators().filter((g) => g.path.endsWith('.js'))) {
      assert.doesNotMatch(f.text, /\brequire\(/, f.path);
      for (const m of f.text.matchAll(/^import .* from "([^"]+)";$/gm)) assert.match(m[1]!, /^ajv\/dist\/runtime\//, f.path);
    }
  });

  describe('lab.yaml', () => {
    const runtime = newLabAjv().compile(labValidatorSchema());
    const labs = readdirSync('labs')
      .filter((d) => existsSync(join('labs', d, 'lab.yaml')))
      // Drawn with their variables' defaults, as every reader draws a lab first.
      .map((d) => instantiateLab(new Map([['lab.yaml', readFileSync(join('labs', d, 'lab.yaml'), 'utf8')]]), '').files.get('lab.yaml')!);

    it('give the same errors as ajv at run time, for invalid labs of every kind', () => {
      const keywords = agree(standaloneLab, runtime, INVALID_LABS.map(yamlData));
      for (const k of ['type', 'required', 'additionalProperties', 'pattern', 'enum', 'minimum', 'uniqueItems', 'oneOf', 'const'])
        assert.ok(keywords.has(k), `no ${k} error in the corpus: ${[...keywords].join(', ')}`);
    });

    it('... for the bundled labs, valid, and with each of their values replaced', () => {
      assert.ok(labs.length >= 3);
      const data = labs.map(yamlData);
      for (const d of data) assert.equal(standaloneLab(d), true);
      agree(
        standaloneLab,
        runtime,
        data.flatMap((d) => valueEdits(d, [70000, 'x y', null, []])),
      );
    });

    it('... for random documents made of the words of the format', () => {
      const word = fc.constantFrom(
        'name',
        'hosts',
        'switches',
        'interfaces',
        'run',
        'files',
        'serve',
        'exercises',
        'checks',
        'reach',
        'variables',
        'a',
        'eth0',
        'lan1',
        'tcp/80',
        '10.0.0.0/24',
      );
      const value = fc.letrec((tie) => ({
        v: fc.oneof(
          { depthSize: 'small' },
          word,
          fc.integer({ min: -5, max: 70000 }),
          fc.boolean(),
          fc.constant(null),
          fc.array(tie('v'), { maxLength: 3 }),
          fc.dictionary(word, tie('v'), { maxKeys: 4 }),
        ),
      })).v;
      fc.assert(
        fc.property(fc.dictionary(word, value, { maxKeys: 6 }), (doc) => {
          agree(standaloneLab, runtime, [doc]);
        }),
        { numRuns: 300, seed: 1 },
      );
    });
  });

  describe('CNI configurations', () => {
    const runtime = newCniAjv().compile(CNI_SCHEMA);

    it('give the same errors as ajv at run time, for invalid configurations of every kind', () => {
      const keywords = agree(
        standaloneCni,
        runtime,
        INVALID_CNI.map((t) => JSON.parse(t) as unknown),
      );
      for (const k of ['type', 'required', 'enum', 'pattern', 'minimum', 'maximum', 'minItems', 'oneOf'])
        assert.ok(keywords.has(k), `no ${k} error in the corpus: ${[...keywords].join(', ')}`);
    });

    it('... for the configurations of the CNI tests, and each of their values replaced', () => {
      const configs = cniCorpus().flatMap((t) => {
        try {
          return [JSON.parse(t) as unknown];
        } catch {
          return [];
        }
      });
      assert.ok(configs.length >= 5, `${configs.length} configurations`);
      agree(standaloneCni, runtime, [...configs, ...configs.flatMap((c) => valueEdits(c))]);
    });

    it('... for random JSON values', () => {
      fc.assert(
        fc.property(fc.jsonValue({ maxDepth: 3 }), (v) => {
          agree(standaloneCni, runtime, [v]);
        }),
        { numRuns: 300, seed: 1 },
      );
    });
  });
});
