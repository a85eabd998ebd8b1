/**
 * Variants: literal names that follow a choice variable's `default:` (src/core/lab/variant/rewrite.ts):
 * whole words only, in one pass, the Korean particle after a name refitted, the `variables:` and
 * `variant:` lines kept; the warnings of draw.ts (two name variables sharing a choice) and of
 * variant.ts (an exercise id holding a name).
 */
import { strict as assert } from 'node:assert';
import type { SourceRange } from '../../../src/core/text/diag';
import { instantiateLab, resolveVariables, type VariableValue } from '../../../src/core/lab/variant';
import { moveNames, nameMoves } from '../../../src/core/lab/variant/rewrite';
import { hashAnswer } from '../../../src/core/net/answer';
import type { VariableSpec } from '../../../src/core/lab/types';

const R: SourceRange = { file: 'lab.yaml', line: 3, column: 3, endLine: 3, endColumn: 7 };
const spec = (name: string, def: unknown): VariableSpec => ({ name, range: R, def });
const choice = (v: string): VariableValue => ({ kind: 'choice', value: v, text: v });

describe('variants: literal names follow their choice default', () => {
  const GP = [
    { from: 'green', to: 'purple' },
    { from: 'yellow', to: 'maroon' },
  ];

  it('moves whole words only: a hyphen, a slash, a colon, a dot are boundaries; a letter, a digit, _ are not', () => {
    const text = 'veth-green-br host1/green green:tcp/8080 green. (green) "green"\ngreenhouse evergreen green_1 green2 2green GREEN';
    assert.equal(
      moveNames(text, GP),
      'veth-purple-br host1/purple purple:tcp/8080 purple. (purple) "purple"\ngreenhouse evergreen green_1 green2 2green GREEN',
    );
  });

  it('moves every name in one pass: a name moved onto another default does not move again', () => {
    const swap = [
      { from: 'green', to: 'yellow' },
      { from: 'yellow', to: 'green' },
    ];
    assert.equal(moveNames('green yellow veth-green veth-yellow-br', swap), 'yellow green veth-yellow veth-green-br');
  });

  it('refits the Korean particle right after a name, also after closing ` * \' ", both ways', () => {
    const ko = '**green**은 있고, `veth-green`으로 보냅니다. green이 red와, green과 yellow는 yellow로, yellow가 green을 yellow를.';
    assert.equal(
      moveNames(ko, GP),
      '**purple**는 있고, `veth-purple`로 보냅니다. purple가 red와, purple와 maroon은 maroon으로, maroon이 purple를 maroon을.',
    );
    // the same reading, or a particle not right after the name: as it is
    const same = [
      { from: 'green', to: 'cyan' },
      { from: 'yellow', to: 'navy' },
    ];
    assert.equal(moveNames(ko, same), ko.replace(/green/g, 'cyan').replace(/yellow/g, 'navy'));
    assert.equal(moveNames('`veth-green-br`은, green의, green이다', GP), '`veth-purple-br`은, purple의, purple이다');
  });

  it('keeps the lines of a top-level variables: block and of the variant: record; keeps the line count', () => {
    const text = [
      '# green is a namespace',
      'variables:',
      '  green: { choice: [green, purple], default: green }',
      '',
      '  yellow: { choice: [yellow, maroon], default: yellow }',
      'hosts:',
      '  green: { run: ip netns add green }',
      'variant: { student: "kim", values: { green: "purple" } }',
      'exercises: [green]',
    ].join('\n');
    const out = moveNames(text, GP).split('\n');
    assert.deepEqual(out, [
      '# purple is a namespace',
      'variables:',
      '  green: { choice: [green, purple], default: green }',
      '',
      '  yellow: { choice: [yellow, maroon], default: yellow }',
      'hosts:',
      '  purple: { run: ip netns add purple }',
      'variant: { student: "kim", values: { green: "purple" } }',
      'exercises: [purple]',
    ]);
  });

  it('names that move: a choice whose default is a name and whose value differs; not a number, not the default itself', () => {
    const defaults = new Map([
      ['ns', 'green'],
      ['port', '80'],
      ['same', 'blue'],
      ['lan', '192.168.1.0/24'],
    ]);
    const values = new Map<string, VariableValue>([
      ['ns', choice('cyan')],
      ['port', choice('8080')],
      ['same', choice('blue')],
    ]);
    assert.deepEqual(nameMoves(defaults, values), [{ from: 'green', to: 'cyan' }]);
  });

  describe("a lab's copy", () => {
    const hash = (a: string) => hashAnswer(a, 'salt');
    const LAB = [
      'name: names',
      'hosts:',
      '  h:',
      '    run: |',
      '      ip netns add green',
      '      ip link add veth-green type veth peer name veth-green-br',
      'exercises:',
      '  - id: cable',
      '    title: { en: "Cable green", ko: "green을 연결하기" }',
      '    checks:',
      `      - quiz: { ask: Q, choices: [veth-green-br, lo], answer: { sha256: "${hash('veth-green-br')}", salt: salt } }`,
      'variables:',
      '  green: { choice: [green, purple, cyan, navy], default: green }',
      '',
    ].join('\n');
    const README = '# green\n\n네임스페이스 **green**은 비어 있습니다. greenhouse는 아닙니다.\n';
    const files = new Map([
      ['lab.yaml', LAB],
      ['README.ko.md', README],
      ['handout/lab.yaml', LAB],
    ]);

    it("moves the name in every file, the particle after it too, the quiz's hash to the same choice; keeps the declarations", () => {
      let student = '';
      for (const s of ['kim', 'lee', 'park', 'choi', 'jung']) {
        if (['purple', 'navy'].includes(instantiateLab(files, s).values.get('green')!.text)) student = s;
      }
      assert.ok(student, 'a student drawn a name that reads with no final consonant');
      const inst = instantiateLab(files, student);
      assert.deepEqual(inst.diagnostics, []);
      const name = inst.values.get('green')!.text;
      const lab = inst.files.get('lab.yaml')!;
      assert.ok(lab.includes(`ip netns add ${name}\n`) && lab.includes(`peer name veth-${name}-br`));
      assert.ok(lab.includes(`ko: "${name}를 연결하기"`), lab);
      assert.ok(lab.includes(`choices: [veth-${name}-br, lo]`));
      assert.ok(lab.includes(hash(`veth-${name}-br`)) && !lab.includes(hash('veth-green-br')), 'the hash follows the choice');
      assert.match(
        lab,
        new RegExp(`^variant: \\{ student: "${student}", values: \\{ green: "${name}" \\}`, 'm'),
        'the record names the variable',
      );
      assert.equal(lab.split('\n').length, LAB.split('\n').length);
      assert.equal(inst.files.get('README.ko.md'), `# ${name}\n\n네임스페이스 **${name}**는 비어 있습니다. greenhouse는 아닙니다.\n`);
      const handout = inst.files.get('handout/lab.yaml')!;
      assert.ok(handout.includes('  green: { choice: [green, purple, cyan, navy], default: green }'), 'a declaration is never rewritten');
      assert.ok(handout.includes(`ip netns add ${name}\n`));
    });

    it('leaves the lab as written alone', () => {
      const inst = instantiateLab(files, '');
      assert.deepEqual(inst.diagnostics, []);
      assert.equal(inst.files.get('README.ko.md'), README);
      assert.equal(inst.files.get('handout/lab.yaml'), LAB);
      const lab = inst.files.get('lab.yaml')!.split('\n');
      LAB.split('\n').forEach((l, i) => {
        if (!l.startsWith('variables:') && !l.startsWith('  green:')) assert.equal(lab[i], l);
      });
    });

    it('warns, in the lab as written, of an exercise id that holds a name (it would differ in every copy)', () => {
      const named = new Map(files).set('lab.yaml', LAB.replace('  - id: cable', '  - id: green-cable'));
      const w = instantiateLab(named, '').diagnostics;
      assert.deepEqual(
        w.map((d) => [d.severity, d.code, d.line, d.column, d.endColumn]),
        [['warning', 'bad-variable', 8, 9, 20]],
      );
      assert.match(w[0]!.message.en, /exercise id "green-cable" contains "green"/);
      assert.match(w[0]!.message.ko, /기본값 "green"이 들어 있습니다/);
      assert.deepEqual(instantiateLab(named, 'kim').diagnostics, [], 'said once, by the lab as written');
      const house = new Map(files).set('lab.yaml', LAB.replace('  - id: cable', '  - id: greenhouse'));
      assert.deepEqual(instantiateLab(house, '').diagnostics, []);
    });
  });
});

describe('variants: two name variables never share a choice', () => {
  it('warns at the second of two name variables whose choices meet; disjoint lists or no default are fine', () => {
    const r = resolveVariables(
      [
        spec('green', { choice: ['green', 'purple', 'cyan'], default: 'green' }),
        spec('yellow', { choice: ['yellow', 'cyan'], default: 'yellow' }),
        spec('blue', { choice: ['blue', 'navy'], default: 'blue' }),
        spec('role', { choice: ['web', 'green'] }),
        spec('port', { choice: ['80', '8080'], default: '80' }),
        spec('port2', { choice: ['80', '443'], default: '443' }),
      ],
      { lab: 'l', student: 'kim' },
    );
    assert.deepEqual(
      r.diagnostics.map((d) => [d.severity, d.code]),
      [['warning', 'variable-conflict']],
    );
    assert.match(r.diagnostics[0]!.message.en, /Variables green and yellow both may draw "cyan"/);
    assert.match(r.diagnostics[0]!.message.ko, /변수 green과 yellow에서 둘 다 "cyan"이 뽑힐 수 있어/);
    assert.equal(r.values.size, 6);
  });
});
