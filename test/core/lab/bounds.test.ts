/**
 * Bounds on a lab file's YAML (src/core/lab/load/bounds.ts, tooDeep in load.ts): an alias bomb
 * and nesting past 100 levels are each one error at its line, never a schema check silently
 * skipped nor a stack overflow; aliases within the bounds are read as YAML reads them.
 */
import { strict as assert } from 'node:assert';
import { checkLab, loadLab } from '../../../src/core';

const opts = { file: 'lab.yaml' };
const errors = (text: string) =>
  checkLab(text, opts)
    .filter((d) => d.severity === 'error')
    .map((d) => [d.code, d.line, d.column, d.message.en]);

describe('lab YAML bounds', () => {
  it('an alias bomb (aliases nested four deep) is an error at the alias where the expansion passes the bound', () => {
    const bomb = [
      'name: bomb',
      'hosts: {}',
      'a: &a [x, x, x, x, x, x, x, x, x, x]',
      'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]',
      'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]',
      'd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]',
      'e: [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]',
      '',
    ].join('\n');
    const ds = errors(bomb);
    assert.equal(ds.length, 1, JSON.stringify(ds));
    assert.deepEqual(ds[0]!.slice(0, 2), ['yaml-syntax', 6]);
    assert.equal(ds[0]![3], 'YAML: the aliases expand to more than 10000 nodes (an alias bomb); the lab is not read further.');
    assert.match(loadLab(bomb, opts).diagnostics[0]!.message.ko, /^YAML 오류: 별칭을 펼치면 노드가 10000개를 넘습니다\(별칭 폭탄\)\./);
  });

  it('aliases within the bounds are read; the schema still checks what they expand to', () => {
    const lab = 'name: ok\nswitches: [lan]\nx-iface: &nic { eth0: lan }\nhosts:\n  a:\n    interfaces: *nic\n  b:\n    interfaces: *nic\n';
    const ds = checkLab(lab, opts);
    assert.deepEqual(
      ds.map((d) => [d.code, d.line]),
      [['unknown-key', 3]],
    );
    assert.deepEqual(
      loadLab(lab, opts).lab!.hosts.map((h) => h.interfaces.map((i) => i.switch)),
      [['lan'], ['lan']],
    );
  });

  for (const [what, nest] of [
    ['mappings', (i: number) => `${'  '.repeat(i + 1)}k:`],
    ['sequences', (i: number) => `${'  '.repeat(i + 1)}-`],
  ] as const) {
    it(`3,000 levels of block ${what}: one error at the line where the nesting passes 100 levels`, () => {
      const lines = ['name: deep', 'hosts: {}', 'x:', ...Array.from({ length: 3000 }, (_, i) => nest(i)), `${'  '.repeat(3001)}v`, ''];
      const ds = errors(lines.join('\n'));
      assert.equal(ds.length, 1, JSON.stringify(ds).slice(0, 500));
      const [code, line, column, message] = ds[0]!;
      assert.equal(code, 'yaml-syntax');
      assert.equal(message, 'YAML: nested more than 100 levels deep; the lab is not read further.');
      // x: is level 1, the n-th nested line level n + 1: the 100th nested line is the 101st level.
      assert.equal(line, 3 + 100);
      assert.equal(column, 2 * 100 + 1);
    });
  }

  it("sequence indicators on one line are levels too; a block scalar's indented text is not", () => {
    const seq = `name: s\nhosts: {}\nx:\n  ${'- '.repeat(200)}v\n`;
    assert.deepEqual(
      errors(seq).map((d) => d.slice(0, 2)),
      [['yaml-syntax', 4]],
    );
    const text = Array.from({ length: 150 }, (_, i) => `${' '.repeat(8 + i)}line ${i}`).join('\n');
    const ok = `name: s\nswitches: [lan]\nhosts:\n  a:\n    files:\n      /etc/motd: |\n${text}\n`;
    assert.deepEqual(errors(ok), []);
  });

  it('an alias inside what it names (a loop) is an error at the alias, in both languages', () => {
    const ds = loadLab('name: x\nhosts: {}\na: &a [*a]\n', opts).diagnostics;
    assert.deepEqual(
      ds.map((d) => [d.code, d.line, d.column, d.endColumn, d.message.en, d.message.ko]),
      [
        [
          'yaml-syntax',
          3,
          8,
          10,
          'YAML: the alias *a is inside what it names: it would never end; the lab is not read further.',
          'YAML 오류: 자신이 가리키는 노드 안에 들어 있는 별칭(*a)이라 끝없이 펼쳐집니다. 실습 파일을 더 읽지 않습니다.',
        ],
      ],
    );
  });

  it('an alias chain that nests past 100 levels is an error at the alias', () => {
    const lines = ['name: chain', 'hosts: {}', 'a0: &a0 [x]'];
    for (let i = 1; i <= 120; i++) lines.push(`a${i}: &a${i} [*a${i - 1}]`);
    const ds = errors(lines.join('\n') + '\n');
    assert.equal(ds.length, 1, JSON.stringify(ds));
    assert.equal(ds[0]![0], 'yaml-syntax');
    assert.equal(ds[0]![3], 'YAML: nested more than 100 levels deep; the lab is not read further.');
  });
});
