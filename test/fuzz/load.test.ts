/**
 * Fuzzing the lab loader: whatever the text, loadLab and checkLab return (never throw) within a
 * time bound, and every diagnostic is well formed.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { buildWorld, checkLab, loadLab } from '../../src/core/index';
import { assertWellFormed, bundledLabs, timed, TIME_LIMIT_MS } from './helpers';

const FILE = 'fuzz/lab.yaml';
const NUM_RUNS = 150;

/** Loads, then builds if it loaded, and runs checkLab: the whole path an editor takes. */
function loadAll(text: string, limit = TIME_LIMIT_MS): void {
  const loaded = timed('loadLab', () => loadLab(text, { file: FILE, readFile: () => undefined }), limit);
  assert.ok(Array.isArray(loaded.diagnostics));
  for (const d of loaded.diagnostics) assertWellFormed(d, FILE);
  if (loaded.lab) {
    const built = timed('buildWorld', () => buildWorld(loaded.lab!), limit);
    for (const d of built.diagnostics) assertWellFormed(d, FILE);
  }
  const diags = timed('checkLab', () => checkLab(text, { file: FILE }), limit);
  for (const d of diags) assertWellFormed(d, FILE);
}

// The words of the lab format, so that random documents often get past the first checks.
const KEYS = [
  'name',
  'title',
  'en',
  'ko',
  'switches',
  'hosts',
  'interfaces',
  'switch',
  'mac',
  'run',
  'files',
  'serve',
  'from',
  'a',
  'b',
  'r',
  'eth0',
  'eth1',
  'lan1',
];
const key = fc.oneof(fc.constantFrom(...KEYS), fc.string({ maxLength: 12 }));
const scalar = fc.oneof(
  fc.constantFrom(
    'lan1',
    'lan2',
    'eth0',
    'tcp/80',
    'red:tcp/8080',
    'udp/53',
    'tcp/0',
    'tcp/99999',
    'x:y/z',
    '02:00:00:00:01:01',
    'zz:zz',
    'ip addr add 192.168.1.10/24 dev eth0',
    'ip route add default via 192.168.1.1',
    'sysctl -w net.ipv4.ip_forward=1',
    '/etc/hosts',
    '',
  ),
  fc.string({ maxLength: 20 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
);
const { value: yamlValue } = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    scalar,
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(key, tie('value'), { maxKeys: 5 }),
  ),
}));

/** A document shaped like a lab, with random parts. */
const labLike = fc.record(
  {
    name: yamlValue,
    title: fc.oneof(yamlValue, fc.record({ en: scalar, ko: scalar })),
    switches: fc.oneof(yamlValue, fc.array(fc.constantFrom('lan1', 'lan2', 'a', 'A B', ''), { maxLength: 4 })),
    hosts: fc.oneof(
      yamlValue,
      fc.dictionary(
        fc.constantFrom('a', 'b', 'r', 'Bad_Name', 'x'.repeat(12), ''),
        fc.record(
          {
            interfaces: fc.oneof(
              yamlValue,
              fc.dictionary(fc.constantFrom('eth0', 'eth1', 'lo', ''), fc.oneof(scalar, fc.record({ switch: scalar, mac: scalar }))),
            ),
            run: fc.oneof(
              yamlValue,
              fc.array(scalar, { maxLength: 5 }).map((ls) => ls.map(String).join('\n')),
            ),
            files: yamlValue,
            serve: fc.oneof(yamlValue, fc.array(scalar, { maxLength: 3 })),
          },
          { requiredKeys: [] },
        ),
        { maxKeys: 4 },
      ),
    ),
  },
  { requiredKeys: [] },
);

/** Text edits: insert, delete or replace a slice with YAML-significant characters. */
const JUNK = [
  ':',
  '- ',
  '  ',
  '\t',
  '\n',
  '{',
  '}',
  '[',
  ']',
  '"',
  "'",
  '#',
  '&a',
  '*a',
  '!!str ',
  '|',
  '>',
  '? ',
  '---',
  '...',
  '%YAML 1.2\n',
  '\u0000',
  '\uFEFF',
  '한국어',
  '\r\n',
  '<<: *a',
];
const edit = fc.record({
  at: fc.nat(),
  del: fc.nat({ max: 20 }),
  ins: fc.oneof(fc.constantFrom(...JUNK), fc.string({ maxLength: 8 })),
});
function applyEdits(text: string, edits: { at: number; del: number; ins: string }[]): string {
  let t = text;
  for (const e of edits) {
    const at = t.length ? e.at % (t.length + 1) : 0;
    t = t.slice(0, at) + e.ins + t.slice(at + e.del);
  }
  return t;
}
/** Line edits: drop, duplicate or swap whole lines (keeps most of the YAML valid). */
const lineEdit = fc.record({ op: fc.constantFrom('drop', 'dup', 'swap', 'indent', 'dedent'), i: fc.nat(), j: fc.nat() });
function applyLineEdits(text: string, edits: { op: string; i: number; j: number }[]): string {
  const lines = text.split('\n');
  for (const { op, i: i0, j: j0 } of edits) {
    if (!lines.length) break;
    const i = i0 % lines.length;
    const j = j0 % lines.length;
    if (op === 'drop') lines.splice(i, 1);
    else if (op === 'dup') lines.splice(i, 0, lines[i]!);
    else if (op === 'swap') [lines[i], lines[j]] = [lines[j]!, lines[i]!];
    else if (op === 'indent') lines[i] = '  ' + lines[i];
    else lines[i] = lines[i]!.replace(/^ {1,2}/, '');
  }
  return lines.join('\n');
}

describe('fuzz: loadLab', function () {
  this.timeout(60_000);
  const labs = bundledLabs();

  before(() => {
    // Warm up, so that the first call's compile time does not count against the time bound.
    for (const l of labs) checkLab(l.text, { file: l.file });
  });

  it('arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (s) => loadAll(s)),
      { numRuns: NUM_RUNS },
    );
  });

  it('arbitrary unicode and binary-ish text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'grapheme', maxLength: 200 }), fc.string({ unit: 'binary', maxLength: 200 })), (s) =>
        loadAll(s),
      ),
      { numRuns: NUM_RUNS },
    );
  });

  it('random YAML documents', () => {
    fc.assert(
      fc.property(yamlValue, (v) => {
        let text: string;
        try {
          text = stringify(v);
        } catch {
          return; // a value yaml itself cannot write
        }
        loadAll(text);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('random lab-shaped documents', () => {
    fc.assert(
      fc.property(labLike, fc.boolean(), (doc, flow) => {
        loadAll(stringify(doc, flow ? { collectionStyle: 'flow' } : undefined));
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('character edits of the bundled labs', () => {
    assert.ok(labs.length > 0);
    fc.assert(
      fc.property(fc.constantFrom(...labs), fc.array(edit, { minLength: 1, maxLength: 6 }), (lab, edits) => {
        loadAll(applyEdits(lab.text, edits));
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('line edits of the bundled labs', () => {
    fc.assert(
      fc.property(fc.constantFrom(...labs), fc.array(lineEdit, { minLength: 1, maxLength: 6 }), (lab, edits) => {
        loadAll(applyLineEdits(lab.text, edits));
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('huge and deeply nested input: no throw, a bounded time', () => {
    // Big inputs get a bigger bound than the small fuzzed ones: the point is "no hang".
    // (Thousands of levels go through the CLI, in a child process: see cli.test.ts.)
    const BIG = 2000;
    loadAll('['.repeat(100), BIG);
    loadAll('{a: '.repeat(100), BIG);
    loadAll('a:\n  ' + '- '.repeat(500) + 'x\n', BIG);
    loadAll(`hosts:\n${Array.from({ length: 300 }, (_, i) => `  h${i}:\n    interfaces: { eth0: lan }\n`).join('')}`, BIG);
    loadAll('a: &a [*a]\n');
    loadAll('x: ' + 'y'.repeat(100_000), BIG);
    loadAll(
      `name: x\nswitches: [s]\nhosts:\n  a:\n    interfaces: { eth0: s }\n    run: |\n${'      ip link add d$ type dummy\n'.repeat(500)}`,
      BIG,
    );
  });

  it('a multi-line run written as a plain or folded scalar keeps well-formed ranges', () => {
    loadAll('name: x\nhosts:\n  a:\n    run: false\n      $\n');
    loadAll('name: x\nhosts:\n  a:\n    run: >\n      false\n\n      $\n');
    loadAll('name: x\nhosts: { a: { run: false\n\n    $ } }\n');
  });
});
