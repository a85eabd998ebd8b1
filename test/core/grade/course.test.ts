import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { courseLabPath, loadCourse, sumCourse } from '../../../src/core/grade/course';
import type { LabGrade } from '../../../src/core/grade/types';
import { loadLab } from '../../../src/core/lab/load';

const codes = (text: string) => loadCourse(text, 'course.yaml').diagnostics.map((d) => [d.code, d.severity, d.line, d.column]);

describe('course.yaml', () => {
  it('reads labs in order, with titles, as mappings or plain paths', () => {
    const r = loadCourse(
      `name: net
title: { en: Networking, ko: 네트워킹 }
labs:
  - path: 01-switching-routing
    title: { en: Switching, ko: 스위칭 }
  - ./02-gateway/
  - path: part2\\05-ns
`,
      'labs/course.yaml',
    );
    assert.deepEqual(r.diagnostics, []);
    const c = r.course!;
    assert.equal(c.name, 'net');
    assert.equal(c.file, 'labs/course.yaml');
    assert.deepEqual(c.title, { en: 'Networking', ko: '네트워킹' });
    assert.deepEqual(
      c.labs.map((l) => [l.path, l.title?.ko, l.range.line, l.range.column]),
      [
        ['01-switching-routing', '스위칭', 4, 11],
        ['02-gateway', undefined, 6, 5],
        ['part2/05-ns', undefined, 7, 11],
      ],
    );
  });

  it('diagnoses bad paths, duplicates and shapes, in both languages', () => {
    assert.deepEqual(
      codes(
        'name: c\nlabs:\n  - ../outside\n  - /abs\n  - C:\\\\labs\\\\x\n  - a\n  - a/\n  - { title: x }\n  - [a]\n  - path: 3\n  - path: {}\n',
      ),
      [
        ['bad-file', 'error', 3, 5],
        ['bad-file', 'error', 4, 5],
        ['bad-file', 'error', 5, 5],
        ['duplicate-name', 'error', 7, 5],
        ['missing-key', 'error', 8, 5],
        ['wrong-type', 'error', 9, 5],
        ['wrong-type', 'error', 11, 11],
      ],
    );
    for (const d of loadCourse('labs:\n  - ../x\n', 'c').diagnostics)
      assert.ok(d.message.en && d.message.ko && d.message.en !== d.message.ko);
  });

  it('diagnoses the file as a whole', () => {
    assert.deepEqual(codes('name: c\n'), [['missing-key', 'error', 1, 1]]);
    assert.equal(loadCourse('name: c\n', 'c').course, undefined);
    assert.deepEqual(codes('labs: [a]\n'), [['missing-key', 'warning', 1, 1]]);
    assert.deepEqual(codes('name: c\nlabz: [a]\nlabs: [a]\n'), [['unknown-key', 'warning', 2, 1]]);
    assert.match(loadCourse('name: c\nlabz: [a]\nlabs: [a]\n', 'c').diagnostics[0]!.message.en, /did you mean "labs"/);
    assert.deepEqual(codes('- a\n'), [['bad-course', 'error', 1, 1]]);
    assert.deepEqual(codes('name: c\nlabs: a\n'), [['wrong-type', 'error', 2, 7]]);
    assert.deepEqual(codes('name: c\nlabs: []\n'), [['bad-course', 'warning', 2, 7]]);
    assert.deepEqual(codes('name: c\nlabs: [a\n'), [['yaml-syntax', 'error', 3, 1]]);
    assert.deepEqual(
      codes('name: c\nname: d\nlabs: [a]\n').map((c) => c[0]),
      ['duplicate-name'],
    );
    assert.deepEqual(codes('name: c\ntitle: { en: x }\nlabs: [a]\n'), [['missing-key', 'warning', 2, 8]]);
  });

  it('never throws and never accepts a path outside the folder (property)', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const r = loadCourse(s, 'c');
        assert.ok(Array.isArray(r.diagnostics));
      }),
    );
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('a', '..', '.', '', 'b c', '/', '\\')).map((p) => p.join('/')),
        (p) => {
          const r = courseLabPath(p);
          if ('path' in r) {
            assert.ok(!r.path.split('/').includes('..') && !r.path.startsWith('/') && r.path !== '' && !r.path.includes('\\'), r.path);
          }
        },
      ),
    );
  });

  it('sums lab grades', () => {
    const g = (score: number, maxScore: number): LabGrade => ({ lab: 'x', file: 'x', score, maxScore, exercises: [], diagnostics: [] });
    assert.deepEqual(sumCourse([g(1.1, 2), g(2.2, 3)]), { score: 3.3, maxScore: 5, labs: [g(1.1, 2), g(2.2, 3)] });
    assert.deepEqual(sumCourse([]), { score: 0, maxScore: 0, labs: [] });
  });

  it('lists the bundled labs with their own titles (labs/course.yaml)', () => {
    const root = join(__dirname, '..', '..', '..', 'labs');
    const r = loadCourse(readFileSync(join(root, 'course.yaml'), 'utf8'), 'labs/course.yaml');
    assert.deepEqual(r.diagnostics, []);
    assert.ok(r.course!.title?.en && r.course!.title.ko);
    assert.ok(r.course!.labs.length >= 3);
    for (const l of r.course!.labs) {
      const file = join(root, l.path, 'lab.yaml');
      assert.ok(existsSync(file), file);
      const lab = loadLab(readFileSync(file, 'utf8'), { file }).lab!;
      assert.deepEqual(l.title, lab.title, `${l.path}: course title = lab title`);
    }
  });
});
