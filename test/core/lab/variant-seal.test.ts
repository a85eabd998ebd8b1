/**
 * Variants, the parts that make them an assignment: `default:` (the lab as written), the
 * instructor's secret in the draw, the sealed `variant:` record, quiz answers following their
 * choice (src/core/lab/variant/{defs,draw,seal,quizzes}.ts).
 */
import { strict as assert } from 'node:assert';
import type { SourceRange } from '../../../src/core/text/diag';
import {
  followQuizzes,
  instantiateLab,
  parseVariableDef,
  readVariantRecord,
  resolveVariables,
  sealOf,
  studentCopy,
  type VariableValue,
  verifySeal,
} from '../../../src/core/lab/variant';
import { defaultMoves, moveAddresses } from '../../../src/core/lab/variant/rewrite';
import { parseAddr } from '../../../src/core/net/addr';
import { checkAnswer, hashAnswer } from '../../../src/core/net/answer';
import type { VariableSpec } from '../../../src/core/lab/types';
import { gradeFiles } from '../../../src/core/grade/folder';

const R: SourceRange = { file: 'lab.yaml', line: 3, column: 3, endLine: 3, endColumn: 7 };
const spec = (name: string, def: unknown): VariableSpec => ({ name, range: R, def });

describe('variants: defaults and the secret', () => {
  const vars = [
    spec('lan1', { subnet: '10.0.0.0/8', prefix: 24, default: '192.168.1.0/24' }),
    spec('lan2', { subnet: '10.0.0.0/8', prefix: 24 }),
    spec('port', { int: [8000, 8999], default: 8080 }),
    spec('ns', { choice: ['green', 'cyan'], default: 'green' }),
    spec('mac', { mac: true, default: '02:00:00:00:00:01' }),
  ];

  it('the lab as written (student "") takes every default; a student draws', () => {
    const w = resolveVariables(vars, { lab: 'l', student: '  ' });
    assert.deepEqual(w.diagnostics, []);
    assert.deepEqual(
      ['lan1', 'port', 'ns', 'mac'].map((n) => w.values.get(n)!.text),
      ['192.168.1.0/24', '8080', 'green', '02:00:00:00:00:01'],
    );
    assert.match(w.values.get('lan2')!.text, /^10\./, 'no default: drawn as before');
    const s = resolveVariables(vars, { lab: 'l', student: 'kim' });
    assert.match(s.values.get('lan1')!.text, /^10\.\d+\.\d+\.0\/24$/);
  });

  it('a drawn subnet never overlaps a default one', () => {
    const r = resolveVariables(
      [spec('a', { subnet: '10.0.0.0/23', prefix: 24, default: '10.0.0.0/24' }), spec('b', { subnet: '10.0.0.0/23', prefix: 24 })],
      {
        lab: 'l',
        student: '',
      },
    );
    assert.equal(r.values.get('b')!.text, '10.0.1.0/24');
  });

  for (const [what, def, ko] of [
    ['a default of another length', { subnet: '10.0.0.0/8', prefix: 24, default: '192.168.0.0/16' }, '프리픽스를 써야'],
    ['a default with host bits', { subnet: '10.0.0.0/8', prefix: 24, default: '192.168.1.1/24' }, '프리픽스를 써야'],
    ['an int default out of range', { int: [1, 5], default: 9 }, '정수를 써야'],
    ['a choice default not among the choices', { choice: ['a', 'b'], default: 'c' }, '하나를 써야'],
    ['a multicast MAC default', { mac: true, default: '01:00:00:00:00:01' }, '주소를 써야'],
  ] as const) {
    it(`diagnoses ${what} at the variable`, () => {
      const r = parseVariableDef(spec('v', def));
      assert.equal(r.def, undefined);
      assert.deepEqual(
        r.diagnostics.map((d) => [d.code, d.line]),
        [['bad-variable', 3]],
      );
      assert.match(r.diagnostics[0]!.message.ko, new RegExp(ko));
    });
  }

  it('a secret changes every draw, the same for the same secret', () => {
    const a = resolveVariables(vars, { lab: 'l', student: 'kim' });
    const b = resolveVariables(vars, { lab: 'l', student: 'kim', secret: 's3' });
    const c = resolveVariables(vars, { lab: 'l', student: 'kim', secret: 's3' });
    assert.notEqual(a.values.get('lan1')!.text, b.values.get('lan1')!.text);
    assert.deepEqual(
      [...b.values].map(([, v]) => v.text),
      [...c.values].map(([, v]) => v.text),
    );
    const w = resolveVariables(vars, { lab: 'l', student: '', secret: 's3' });
    assert.equal(w.values.get('lan1')!.text, '192.168.1.0/24', 'defaults stay defaults');
  });

  it('draws IPv6 subnets too', () => {
    const r = resolveVariables([spec('v6', { subnet: '2001:db8::/32', prefix: 64 })], { lab: 'l', student: 's' });
    assert.deepEqual(r.diagnostics, []);
    assert.match(r.values.get('v6')!.text, /^2001:db8:[0-9a-f:]+\/64$/);
  });
});

const LAB = `name: demo
variables:
  lan: { subnet: 10.0.0.0/8, prefix: 24, default: 192.168.1.0/24 }
switches: [s]
hosts:
  a:
    interfaces: { eth0: s }
    run: |
      ip addr add {{ lan.10 }}/24 dev eth0
exercises:
  - id: q
    points: 2
    checks:
      - route: { on: a, to: "{{ lan.9 }}", dev: eth0 }
      - quiz:
          ask: "Whose address is it?"
          choices: ["{{ lan.1 }}", "{{ lan.10 }}"]
          answer: { sha256: "${hashAnswer('192.168.1.10', 'salt')}", salt: "salt" }
`;

describe('variants: the sealed record', () => {
  const copy = studentCopy(
    new Map([
      ['lab.yaml', LAB],
      ['solution/answers.yaml', 'q: "{{ lan.10 }}"\n'],
    ]),
    'kim',
  );
  const text = copy.files.get('lab.yaml')!;
  const rec = readVariantRecord(text)!;

  it('holds the student, the values and a seal that verifies; no solution in the copy', () => {
    assert.deepEqual([...copy.files.keys()], ['lab.yaml']);
    assert.equal(rec.student, 'kim');
    assert.deepEqual(rec.values, [['lan', copy.values.get('lan')!.text]]);
    assert.match(rec.seal!, /^lab:[0-9a-f]{64}$/);
    assert.equal(verifySeal(rec, 'demo'), 'ok');
  });

  it('does not verify once the student, a value or the lab differ; a secret seal needs the secret', () => {
    assert.equal(verifySeal({ ...rec, student: 'lee' }, 'demo'), 'broken');
    assert.equal(verifySeal({ ...rec, values: [['lan', '10.0.0.0/24']] }, 'demo'), 'broken');
    assert.equal(verifySeal(rec, 'other-lab'), 'broken');
    assert.equal(verifySeal({ student: 'kim', values: [] }, 'demo'), 'missing');
    assert.equal(verifySeal(rec, 'demo', 'sekrit'), 'not-secret');
    const sealed = { ...rec, seal: sealOf('demo', 'kim', rec.values, 'sekrit', rec.given) };
    assert.equal(verifySeal(sealed, 'demo', 'sekrit'), 'ok');
    assert.equal(verifySeal(sealed, 'demo'), 'unverifiable');
    assert.equal(verifySeal(sealed, 'demo', 'guess'), 'broken');
  });

  it('grading: the own copy scores, another student or an edited record scores 0 (maximum kept)', () => {
    const files = new Map([
      ['lab.yaml', text],
      ['answers.yaml', `q: "${copy.values.get('lan')!.text.replace(/0\/24$/, '10')}"\n`],
    ]);
    const own = gradeFiles(files, { displayPath: (p) => p, student: 'kim' });
    assert.deepEqual(own.diagnostics, []);
    assert.equal(own.score, 2);
    const other = gradeFiles(files, { displayPath: (p) => p, student: 'lee' });
    assert.deepEqual([other.score, other.maxScore, other.diagnostics.map((d) => [d.code, d.line])], [0, 2, [['variant-mismatch', 2]]]);
    assert.match(other.diagnostics[0]!.message.ko, /"lee" 학생이 아니라 "kim" 학생의 변형/);
    const edited = new Map(files).set('lab.yaml', text.replace('student: "kim"', 'student: "lee"'));
    const e = gradeFiles(edited, { displayPath: (p) => p, student: 'lee' });
    assert.deepEqual([e.score, e.diagnostics.map((d) => d.code)], [0, ['variant-tampered']]);
  });
});

describe('variants: literal addresses follow their default subnet', () => {
  const lan = (net: string): VariableValue => {
    const [a, len] = net.split('/');
    return { kind: 'subnet', prefix: { addr: parseAddr(a!)!, len: Number(len) }, text: net };
  };
  const moves = defaultMoves(
    new Map([
      ['lan1', '192.168.1.0/24'],
      ['lan2', '192.168.2.0/24'],
    ]),
    new Map([
      ['lan1', lan('10.7.3.0/24')],
      ['lan2', lan('10.200.0.0/24')],
    ]),
  );

  it("moves every address inside a default subnet to the same host of the student's, nothing else", () => {
    const text =
      'ip route add 192.168.2.0/24 via 192.168.1.1\n`192.168.1.10`은 a, 192.168.3.10 and 10.192.168.1.5 and 192.168.1.255.\nv1.192.168.1.1 192.168.1.10/24';
    assert.equal(
      moveAddresses(text, moves),
      'ip route add 10.200.0.0/24 via 10.7.3.1\n`10.7.3.10`은 a, 192.168.3.10 and 10.192.168.1.5 and 10.7.3.255.\nv1.192.168.1.1 10.7.3.10/24',
    );
  });

  it('a copy of a lab written with literal addresses: every file moved, the lab as written left alone', () => {
    const lab = 'name: m\nvariables:\n  lan: { subnet: 10.0.0.0/8, prefix: 24, default: 192.168.1.0/24 }\nswitches: [s]\n';
    const files = new Map([
      ['lab.yaml', lab],
      ['README.md', 'a is 192.168.1.10.\n'],
    ]);
    const mine = instantiateLab(files, 'kim');
    const host = mine.values.get('lan')!.text.replace(/0\/24$/, '10');
    assert.equal(mine.files.get('README.md'), `a is ${host}.\n`);
    assert.equal(instantiateLab(files, '').files.get('README.md'), 'a is 192.168.1.10.\n');
  });
});

describe('variants: quiz answers follow their choice', () => {
  it("follows a choice hashed in its network form (the grader's), where it differs from the text form", () => {
    // `0.0.0.0/0 via GW` is `default via GW` to the grader: a hash of that form must follow too.
    const lab = LAB.replace('choices: ["{{ lan.1 }}", "{{ lan.10 }}"]', 'choices: ["{{ lan.1 }}", "0.0.0.0/0 via {{ lan.10 }}"]').replace(
      `sha256: "${hashAnswer('192.168.1.10', 'salt')}"`,
      `sha256: "${hashAnswer('default via 192.168.1.10', 'salt')}"`,
    );
    const inst = instantiateLab(new Map([['lab.yaml', lab]]), 'kim');
    const mine = inst.values.get('lan')!.text.replace(/0\/24$/, '10');
    const text = inst.files.get('lab.yaml')!;
    assert.ok(text.includes(hashAnswer(`0.0.0.0/0 via ${mine}`, 'salt')), 'the hash of the network form, as the student sees it');
    assert.ok(checkAnswer(`default via ${mine}`, { sha256: hashAnswer(`0.0.0.0/0 via ${mine}`, 'salt'), salt: 'salt' }));
  });

  it("a student's copy holds the hash of the same choice, rendered for them; lines and columns kept", () => {
    const inst = instantiateLab(new Map([['lab.yaml', LAB]]), 'kim');
    const text = inst.files.get('lab.yaml')!;
    const mine = inst.values.get('lan')!.text.replace(/0\/24$/, '10');
    assert.ok(text.includes(hashAnswer(mine, 'salt')), 'the hash of choice 2 as the student sees it');
    assert.ok(!text.includes(hashAnswer('192.168.1.10', 'salt')));
    const asWritten = instantiateLab(new Map([['lab.yaml', LAB]]), '').files.get('lab.yaml')!;
    assert.ok(asWritten.includes(hashAnswer('192.168.1.10', 'salt')), 'the lab as written keeps its hash');
    assert.equal(text.split('\n').length, asWritten.split('\n').length);
  });

  it('leaves a quiz whose answer is no choice, or that has no choices, alone', () => {
    const lab = (ans: string) =>
      `exercises:\n  - id: q\n    checks:\n      - quiz: { ask: Q, choices: [a, b], answer: { sha256: "${ans}", salt: s } }\n`;
    const h = hashAnswer('c', 's');
    assert.equal(followQuizzes(lab(h), lab(h)), lab(h));
    const noChoices = `exercises:\n  - id: q\n    checks:\n      - quiz: { ask: Q, answer: { sha256: "${h}", salt: s } }\n`;
    assert.equal(followQuizzes(noChoices, noChoices), noChoices);
  });
});
