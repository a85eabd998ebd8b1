/**
 * Per-student variants in YAML files (src/core/lab/variant/template.ts, `yaml: true`): an int
 * variable's placeholder quoted alone becomes a number, so a check's `port: "{{ port }}"` is a port;
 * a whole lab with one, drawn, loads with the number in its check and its solution applies to it.
 */
import { strict as assert } from 'node:assert';
import { parse } from 'yaml';
import type { SourceRange } from '../../../src/core/text/diag';
import { instantiateLab, resolveVariables, substitute } from '../../../src/core/lab/variant';
import { loadLab } from '../../../src/core/lab/load';
import { applySolution } from '../../../src/core/grade/overlay';
import type { VariableSpec } from '../../../src/core/lab/types';

const R: SourceRange = { file: 'lab.yaml', line: 3, column: 3, endLine: 3, endColumn: 7 };
const values = resolveVariables(
  [
    { name: 'net1', range: R, def: { subnet: '10.0.0.0/8', prefix: 24 } },
    { name: 'port', range: R, def: { int: [80, 80] } },
  ] satisfies VariableSpec[],
  { lab: 'l', student: 's' },
).values;

describe('variants: int placeholders in YAML', () => {
  it('an int variable quoted alone becomes a number; anywhere else, and in other files, it stays text', () => {
    const yaml = [
      'port: "{{ port }}"',
      "list: ['{{ port }}', x]",
      'match: "^0:{{ port }}$"',
      'net: "{{ net1.len }}"',
      'plain: {{ port }}',
    ].join('\n');
    const r = substitute(yaml, values, 'lab.yaml', { yaml: true });
    assert.deepEqual(r.diagnostics, []);
    assert.equal(r.text, ['port: 80', 'list: [80, x]', 'match: "^0:80$"', 'net: "24"', 'plain: 80'].join('\n'));
    assert.deepEqual(parse(r.text), { port: 80, list: [80, 'x'], match: '^0:80$', net: '24', plain: 80 });
    // Quotes that do not match are not a quoted value: they stay.
    assert.equal(substitute(`x: "{{ port }}'`, values, 'lab.yaml', { yaml: true }).text, `x: "80'`);
    // A Markdown file keeps its quotes.
    assert.equal(substitute('run `"{{ port }}"`', values, 'README.md').text, 'run `"80"`');
  });

  it('a lab drawn for a student: the check has the number, the solution applies, README and lab agree', () => {
    const lab = `name: ports
switches: [lan]
hosts:
  a:
    interfaces: { eth0: lan }
    run: |
      ip addr add 10.0.0.1/24 dev eth0
  b:
    interfaces: { eth0: lan }
    run: |
      ip addr add 10.0.0.2/24 dev eth0
    serve: [tcp/{{ port }}]
exercises:
  - id: b-port
    checks:
      - reach: { from: a, to: 10.0.0.2, proto: tcp, port: "{{ port }}" }
variables:
  port: { int: [8000, 8999], default: 8080 }
`;
    for (const student of ['', 's1', 's2']) {
      const drawn = instantiateLab(
        new Map([
          ['lab.yaml', lab],
          ['README.md', 'Connect to port "{{ port }}".\n'],
          ['solution/lab.yaml', 'hosts:\n  b:\n    serve: [tcp/22, tcp/{{ port }}]\n'],
        ]),
        student,
      );
      assert.deepEqual(drawn.diagnostics, []);
      const port = Number(drawn.values.get('port')!.text);
      assert.ok(port >= 8000 && port <= 8999);
      const loaded = loadLab(drawn.files.get('lab.yaml')!, { file: 'lab.yaml' });
      assert.deepEqual(
        loaded.diagnostics.filter((d) => d.severity === 'error'),
        [],
      );
      assert.deepEqual(loaded.lab!.exercises[0]!.checks[0]!.args, { from: 'a', to: '10.0.0.2', proto: 'tcp', port });
      assert.equal(drawn.files.get('README.md'), `Connect to port "${port}".\n`);
      const solved = applySolution(drawn.files);
      assert.deepEqual(solved.diagnostics, []);
      assert.match(solved.files.get('lab.yaml')!, new RegExp(`port: ${port} \\}`));
    }
  });
});
