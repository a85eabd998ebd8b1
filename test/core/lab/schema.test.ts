/**
 * The lab schema (schema/lab.schema.json) and its checker (src/core/lab/schema.ts): strict,
 * bilingual, in step with the grader; each invalid lab gets its diagnostic at its exact place
 * (the cases are in schema-cases.ts), one per node, fast on big labs.
 */
import { strict as assert } from 'node:assert';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import type { Diagnostic } from '../../../src/core/text/diag';
import { checkKindNames } from '../../../src/core/grade/registry';
import { LAB_SCHEMA, patternsWithoutForm, validateLabSchema } from '../../../src/core/lab/schema';
import { newLabAjv } from '../../../src/core/lab/schema/compile';
import { collapse } from '../../../src/core/lab/schema/collapse';
import { locate, Pairs } from '../../../src/core/lab/schema/locate';
import type { SchemaError } from '../../../src/core/lab/schema/types';
import { SCHEMA_CASES } from '../../support/lab-schema-cases';
import { instantiateLab } from '../../../src/core/lab/variant';

function validate(text: string): Diagnostic[] {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, strict: true });
  assert.deepEqual(doc.errors, [], 'the test YAML itself must parse');
  return validateLabSchema(doc, lineCounter, 'lab.yaml');
}

const show = (ds: Diagnostic[]) =>
  JSON.stringify(
    ds.map((d) => [d.code, d.severity, d.line, d.column, d.message.en]),
    null,
    1,
  );

type Json = Record<string, unknown>;
const defs = LAB_SCHEMA['$defs'] as Record<string, Json>;

describe('lab schema', () => {
  it('compiles under ajv strict mode', () => {
    const ajv = newLabAjv();
    assert.equal(ajv.opts.strict, true);
    // strict: true turns every restriction on, each an error rather than a warning.
    for (const k of ['strictSchema', 'strictNumbers', 'strictTypes', 'strictTuples', 'strictRequired'] as const)
      assert.equal(ajv.opts[k], true, k);
    ajv.compile(LAB_SCHEMA);
  });

  it('is draft 2020-12 and describes every key in English and Korean', () => {
    assert.equal(LAB_SCHEMA['$schema'], 'https://json-schema.org/draft/2020-12/schema');
    const missing: string[] = [];
    const described = (s: Json): boolean => {
      if (typeof s['description'] === 'string') return true;
      const ref = s['$ref'];
      return typeof ref === 'string' && typeof defs[ref.replace('#/$defs/', '')]?.['description'] === 'string';
    };
    const bilingual = (d: string) => / \/ /.test(d) && /[\uac00-\ud7a3]/.test(d) && /[A-Za-z]/.test(d.split(' / ')[0]!);
    const walk = (s: unknown, where: string): void => {
      if (Array.isArray(s)) return s.forEach((x, i) => walk(x, `${where}/${i}`));
      if (!s || typeof s !== 'object') return;
      const o = s as Json;
      for (const k of ['description', 'markdownDescription']) {
        if (typeof o[k] === 'string' && !bilingual(o[k] as string)) missing.push(`${where}/${k} is not "English / 한국어"`);
      }
      for (const [name, p] of Object.entries((o['properties'] ?? {}) as Json)) {
        if (!described(p as Json)) missing.push(`${where}/properties/${name} has no description`);
      }
      for (const [k, v] of Object.entries(o)) if (k !== 'enum' && k !== 'const' && k !== 'examples') walk(v, `${where}/${k}`);
    };
    walk(LAB_SCHEMA, '#');
    assert.deepEqual(missing, []);
  });

  it('explains every pattern in words', () => {
    assert.deepEqual(patternsWithoutForm(), []);
  });

  it('knows the same check kinds as the grader, each one $defs entry', () => {
    const check = defs['check']!;
    const kinds = Object.keys(check['properties'] as Json);
    assert.deepEqual([...kinds].sort(), [...checkKindNames()].sort());
    for (const k of kinds) {
      const ref = ((check['properties'] as Json)[k] as Json)['$ref'];
      assert.equal(ref, `#/$defs/${k}Check`);
    }
  });

  it('finds the examples of the schema valid', () => {
    const ajv = newLabAjv();
    const bad: string[] = [];
    for (const [name, def] of Object.entries(defs)) {
      const examples = def['examples'];
      if (!Array.isArray(examples)) continue;
      const v = ajv.compile({ $defs: defs, $ref: `#/$defs/${name}` });
      for (const ex of examples) if (!v(ex)) bad.push(`${name}: ${JSON.stringify(ex)}`);
    }
    assert.deepEqual(bad, []);
  });

  describe('the bundled labs', () => {
    const labs = readdirSync('labs', { withFileTypes: true })
      .filter((d) => d.isDirectory() && existsSync(join('labs', d.name, 'lab.yaml')))
      .map((d) => join('labs', d.name, 'lab.yaml'));
    it('there are some', () => assert.ok(labs.length >= 3));
    for (const file of labs) {
      it(`${file} validates clean, drawn with its variables' defaults`, () => {
        // A number's placeholder (`port: "{{ port }}"`) is a number only once drawn, as every reader draws it first.
        const ds = validate(instantiateLab(new Map([['lab.yaml', readFileSync(file, 'utf8')]]), '').files.get('lab.yaml')!);
        assert.deepEqual(ds, [], show(ds));
      });
      it(`${file} validates clean as written, placeholders and all (what an editor's YAML extension reads)`, () => {
        const ds = validate(readFileSync(file, 'utf8'));
        assert.deepEqual(ds, [], show(ds));
      });
    }
    it('a port is a number from 1 to 65535 or a quoted placeholder; other words are told what it may be', () => {
      const lab = (port: string) =>
        `name: p\nhosts:\n  a: {}\nexercises:\n  - id: e\n    checks:\n      - reach: { from: a, to: 10.0.0.1, proto: tcp, port: ${port} }\n`;
      assert.deepEqual(validate(lab('"{{ cache_port }}"')), []);
      assert.deepEqual(validate(lab('8080')), []);
      const [d] = validate(lab('eighty'));
      assert.equal(
        d?.message.en.includes('a number from 1 to 65535, or a variable\'s placeholder in quotes, e.g. 8080 or "{{ port }}"'),
        true,
        d?.message.en,
      );
      assert.equal(validate(lab('70000')).length, 1);
    });
  });

  it('accepts the whole format', () => {
    const ds = validate(`name: full
title: { en: "Full", ko: "전부" }
description: A lab with every key.
switches: [lan1, lan2, 10]
hosts:
  A:
    interfaces:
      eth0: lan1
      eth1: { switch: lan2, mac: "02:00:00:00:01:01" }
    run:
      - ip addr add 192.168.1.10/24 dev eth0
    files:
      /etc/hosts: |
        192.168.1.11 db
      /etc/coredns/Corefile: { from: conf/Corefile }
      /etc/empty:
    serve: [tcp/80, red:udp/53]
  b:
    serve: [tcp/65535]
  c:
exercises:
  - id: one
    title: One
    task: { en: "Do it", ko: "하세요" }
    points: 2.5
    hints: [{ en: h, ko: 힌트 }, plain]
    checks:
      - reach: { from: A, to: 192.168.2.10 }
      - reach: { from: A/red, to: b, proto: tcp, port: 80 }
      - noreach: { from: b, to: A, proto: udp, port: 53 }
      - route: { on: A, to: 10.0.0.1, via: 192.168.1.1, dev: eth0, src: 192.168.1.10 }
      - output: { on: A, run: "ip -br link", match: "UP", contains: eth0, status: 0, not: false }
      - quiz:
          ask: { en: "Why?", ko: "왜?" }
          choices: [a, { en: b, ko: 비 }]
          answer: { sha256: "0318fba6bc8b2adee41abb3945f793cba23f4f08a3e0be14666e2fca464d6f04", salt: x }
  - id: 2
    checks:
variables:
  net: { subnet: 10.0.0.0/8, prefix: 24, exclude: [10.0.0.0/16] }
  net6: { subnet: "fd00::/8", prefix: 64, exclude: "fd00::/16" }
  port: { int: [8000, 8999] }
  name: { choice: [web, db, 3] }
  mac: { mac: true }
variant: { student: "s1", values: { port: 8042, name: "web" } }
nodes: anything
`);
    // An empty `checks:` is the loader's to warn about (it cannot be graded), not a shape error.
    assert.equal(ds.length, 0, show(ds));
  });

  const cases = SCHEMA_CASES;
  for (const [what, text, code, severity, line, column, endColumn, message] of cases) {
    it(`diagnoses: ${what}`, () => {
      const ds = validate(text);
      const d = ds.find((x) => x.code === code);
      assert.ok(d, `expected ${code}, got ${show(ds)}`);
      assert.deepEqual([d.severity, d.line, d.column, d.endColumn], [severity, line, column, endColumn], show(ds));
      assert.match(d.message.en, message);
      assert.ok(d.message.ko && /[\uac00-\ud7a3]/.test(d.message.ko), d.message.ko);
      assert.equal(d.file, 'lab.yaml');
    });
  }

  it('agrees with ajv on the schema as written (inlining its $refs changes nothing)', () => {
    const raw = newLabAjv().compile(LAB_SCHEMA);
    const texts = [
      ...cases.map(([, text]) => text),
      ...readdirSync('labs')
        .filter((d) => existsSync(join('labs', d, 'lab.yaml')))
        .map((d) => readFileSync(join('labs', d, 'lab.yaml'), 'utf8')),
    ];
    for (const text of texts) {
      const valid = raw(parseDocument(text).toJS());
      assert.equal(validate(text).length === 0, valid, text);
    }
  });

  it("never uses ajv's own English", () => {
    const all = cases.flatMap(([, text]) => validate(text));
    for (const d of all) assert.doesNotMatch(d.message.en, /must NOT|must match|must have required|must be equal to/, d.message.en);
  });

  it('gives at most one diagnostic per node, and one for several missing keys', () => {
    const ds = validate('name: x\nhosts: {}\nexercises:\n  - id: e\n    checks:\n      - route: {}\n      - reach: 5\n');
    const places = ds.map((d) => `${d.line}:${d.column}`);
    assert.equal(new Set(places).size, places.length, show(ds));
    assert.equal(ds.length, 2, show(ds));
    assert.match(ds[0]!.message.en, /route needs "on" and "to"/);
    assert.match(ds[0]!.message.ko, /"on", "to"가 필요합니다/);
  });

  it('reports only the closest alternative of a oneOf', () => {
    // { sbnet, prefix } is nearest to the subnet form: the other forms are not mentioned.
    const ds = validate('name: x\nhosts: {}\nvariables:\n  g: { sbnet: 10.0.0.0/8, prefix: 24 }\n  i: { int: [1, x] }\n');
    assert.deepEqual(
      ds.map((d) => [d.code, d.line, d.column]),
      [
        ['missing-key', 4, 3],
        ['unknown-key', 4, 8],
        ['wrong-type', 5, 17],
      ],
      show(ds),
    );
    assert.match(ds[0]!.message.en, /^variables\.g needs "subnet"/);
    assert.match(ds[1]!.message.en, /did you mean "subnet"\?/);
    assert.match(ds[2]!.message.en, /^variables\.i\.int\[1\] must be a whole number, not the string "x"/);
  });

  it('writes Korean particles that fit the word', () => {
    const ds = validate('name: x\nhosts:\n  a:\n    interfaces: [eth0]\n');
    assert.match(ds[0]!.message.ko, /리스트가 아니라 매핑이어야 합니다/);
  });

  it('never throws', () => {
    for (const text of ['', '~', 'hosts: !!binary aGVsbG8=\n', 'a: &a [*a]\n', '? [a, b]\n: c\nhosts: {}\n']) {
      const lineCounter = new LineCounter();
      const doc = parseDocument(text, { lineCounter, prettyErrors: false });
      assert.doesNotThrow(() => validateLabSchema(doc, lineCounter, 'lab.yaml'));
    }
  });

  it('validates a 5,000-line lab in a few milliseconds', () => {
    const text = bigLab(250, 65);
    const lines = text.split('\n').length;
    assert.ok(lines >= 5000, `only ${lines} lines`);
    const lineCounter = new LineCounter();
    const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, strict: true });
    assert.deepEqual(validateLabSchema(doc, lineCounter, 'lab.yaml'), []);
    const time = (d: typeof doc): number => {
      const times: number[] = [];
      for (let i = 0; i < 30; i++) {
        const t0 = performance.now();
        validateLabSchema(d, lineCounter, 'lab.yaml');
        times.push(performance.now() - t0);
      }
      return times.sort((a, b) => a - b)[times.length >> 1]!;
    };
    const clean = time(doc);
    // The same lab with a mistake in every host: 250 diagnostics to place.
    const broken = text.replace(/serve: \[tcp\/80\]/g, 'serve: [tcp/0]').replace(/interfaces:/g, 'interface:');
    const lc2 = new LineCounter();
    const doc2 = parseDocument(broken, { lineCounter: lc2, prettyErrors: false, uniqueKeys: true, strict: true });
    const errs = validateLabSchema(doc2, lc2, 'lab.yaml').length;
    const times: number[] = [];
    for (let i = 0; i < 15; i++) {
      const t0 = performance.now();
      validateLabSchema(doc2, lc2, 'lab.yaml');
      times.push(performance.now() - t0);
    }
    const dirty = times.sort((a, b) => a - b)[times.length >> 1]!;
    console.log(`      ${lines} lines: ${clean.toFixed(2)} ms clean (median of 30); ${dirty.toFixed(2)} ms with ${errs} diagnostics`);
  });
});

/** A valid lab of `hosts` hosts (about 14 lines each) and `exercises` exercises (about 20 lines each). */

describe('lab schema: the locator and the collapse of alternatives', () => {
  const doc = parseDocument('hosts:\n  a: &h\n    interfaces: { eth0: lan1 }\n  b: *h\nswitches: [lan1]\n');

  it('finds the node of a JSON pointer, its key, and whether each segment indexes a list', () => {
    const pairs = new Pairs();
    const p = locate(doc, pairs, ['hosts', 'a', 'interfaces', 'eth0']);
    assert.equal(String((p.node as { value?: unknown }).value), 'lan1');
    assert.equal(String((p.key as { value?: unknown }).value), 'eth0');
    assert.deepEqual(locate(doc, pairs, ['switches', '0']).inList, [false, true]);
    // Through an alias; and past the document: no node, the deepest one found instead.
    assert.equal(String((locate(doc, pairs, ['hosts', 'b', 'interfaces', 'eth0']).node as { value?: unknown }).value), 'lan1');
    const missing = locate(doc, pairs, ['hosts', 'a', 'run']);
    assert.equal(missing.node, undefined);
    assert.ok(missing.last && 'items' in missing.last, 'the deepest node is the host mapping');
  });

  it("keeps only the errors of a oneOf's closest alternative", () => {
    const e = (schemaPath: string, instancePath: string, keyword: string, params: Record<string, unknown> = {}): SchemaError => ({
      keyword,
      instancePath,
      schemaPath,
      params,
    });
    const alt = e('#/oneOf', '/v', 'oneOf');
    const shallow = e('#/oneOf/0/type', '/v', 'type', { type: 'string' });
    const deep = e('#/oneOf/1/properties/x/type', '/v/x', 'type', { type: 'integer' });
    assert.deepEqual(collapse([alt, shallow, deep]), [deep]);
    // Every alternative only lacks a key: one `required` naming a key of each.
    const r0 = e('#/oneOf/0/required', '/v', 'required', { missingProperty: 'a' });
    const r1 = e('#/oneOf/1/required', '/v', 'required', { missingProperty: 'b' });
    const [one, ...rest] = collapse([alt, r0, r1]);
    assert.deepEqual(rest, []);
    assert.deepEqual([one!.keyword, one!.params], ['required', { missingProperty: ['a', 'b'], oneOfKeys: true }]);
  });
});

function bigLab(hosts: number, exercises: number): string {
  const out = [
    'name: big',
    'title: { en: "Big", ko: "큰 실습" }',
    'switches: [' + Array.from({ length: hosts }, (_, i) => `s${i}`).join(', ') + ']',
    'hosts:',
  ];
  for (let i = 0; i < hosts; i++) {
    out.push(
      `  h${i}:`,
      '    interfaces:',
      `      eth0: s${i}`,
      `      eth1: { switch: s${(i + 1) % hosts}, mac: "02:00:00:00:${(i >> 8).toString(16).padStart(2, '0')}:${(i & 255).toString(16).padStart(2, '0')}" }`,
    );
    out.push(
      '    run: |',
      `      ip addr add 10.${i >> 8}.${i & 255}.1/24 dev eth0`,
      `      ip addr add 10.1${i >> 8}.${i & 255}.2/24 dev eth1`,
    );
    for (let r = 0; r < 4; r++) out.push(`      ip route add 172.${r}.${i & 255}.0/24 via 10.${i >> 8}.${i & 255}.254`);
    out.push('    files:', '      /etc/hosts: |', '        127.0.0.1 localhost', '    serve: [tcp/80]');
  }
  out.push('exercises:');
  for (let e = 0; e < exercises; e++) {
    out.push(
      `  - id: ex-${e}`,
      `    title: { en: "Exercise ${e}", ko: "과제 ${e}" }`,
      '    task:',
      '      en: |',
      '        Do the thing.',
      '      ko: |',
      '        하세요.',
      '    points: 10',
    );
    out.push('    hints:', '      - { en: "a hint", ko: "힌트" }', '    checks:');
    out.push(
      `      - reach: { from: h${e}, to: 10.0.${e}.1 }`,
      `      - reach: { from: h${e}, to: 10.0.${e}.1, proto: tcp, port: 80 }`,
      `      - noreach: { from: h${e}, to: 10.0.${e}.9 }`,
    );
    out.push(
      `      - route: { on: h${e}, to: 172.0.0.1, via: 10.0.0.254, dev: eth0 }`,
      `      - output: { on: h${e}, run: "ip -br addr", match: "UP" }`,
    );
    out.push(
      '      - quiz:',
      '          ask: { en: "Why?", ko: "왜?" }',
      '          choices: [a, b]',
      '          answer: { sha256: "0318fba6bc8b2adee41abb3945f793cba23f4f08a3e0be14666e2fca464d6f04", salt: "x" }',
    );
  }
  out.push('variables:', '  net: { subnet: 10.0.0.0/8, prefix: 24 }', '  port: { int: [8000, 8999] }');
  return out.join('\n') + '\n';
}
