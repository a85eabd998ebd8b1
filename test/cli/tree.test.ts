/**
 * A submission cannot read the grader's machine: every file a lab reads resolves, symbolic links
 * followed, inside the lab folder (src/cli/tree.ts), or it is an error at the line that reads it.
 */
import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OUTSIDE_LAB } from '../../src/core';
import { folderReader, readTree } from '../../src/cli/tree';
import { run } from '../support/cli';

const SECRET = '/etc/hostname';
const secret = readFileSync(SECRET, 'utf8').trim();

const LAB = `name: leak
switches: [lan]
hosts:
  a:
    interfaces: { eth0: lan }
    files:
      /etc/motd: { from: h }
    run: |
      ip addr add 10.0.0.1/24 dev eth0
exercises:
  - id: motd
    points: 10
    checks:
      - output: { on: a, run: "cat /etc/motd", match: "^nothing-like-this$" }
`;

interface Diag {
  file: string;
  line: number;
  column: number;
  severity: string;
  code: string;
}

describe('cli/tree: nothing outside the lab folder is read', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'knetlab-tree-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('readTree follows links that stay inside, and names those that lead out without reading them', () => {
    writeFileSync(join(dir, 'inside.txt'), 'mine\n');
    symlinkSync('inside.txt', join(dir, 'alias.txt'));
    symlinkSync(SECRET, join(dir, 'h'));
    const outDir = mkdtempSync(join(tmpdir(), 'knetlab-tree-out-'));
    try {
      writeFileSync(join(outDir, 'x.txt'), 'theirs\n');
      symlinkSync(outDir, join(dir, 'linked-dir'));
      const outside = new Set<string>();
      const files = readTree(dir, outside);
      assert.equal(files.get('alias.txt'), 'mine\n');
      assert.equal(files.get('inside.txt'), 'mine\n');
      assert.equal(files.has('h'), false);
      assert.equal(files.has('linked-dir/x.txt'), false);
      assert.deepEqual([...outside].sort(), ['h', 'linked-dir']);
      assert.ok(![...files.values()].some((t) => t.includes('theirs') || (secret && t.includes(secret))));
    } finally {
      rmSync(outDir, { recursive: true, force: true });
    }
  });

  it('folderReader refuses "..", absolute paths and links out, and reads links that stay inside', () => {
    writeFileSync(join(dir, 'inside.txt'), 'mine\n');
    mkdirSync(join(dir, 'sub'));
    symlinkSync('../inside.txt', join(dir, 'sub', 'up.txt'));
    symlinkSync(SECRET, join(dir, 'h'));
    const read = folderReader(dir);
    assert.equal(read('sub/up.txt'), 'mine\n');
    assert.equal(read('h'), OUTSIDE_LAB);
    assert.equal(read('../etc/hostname'), OUTSIDE_LAB);
    assert.equal(read(SECRET), OUTSIDE_LAB);
    assert.equal(read('missing.txt'), undefined);
  });

  it("grade: a files: from: link to /etc/hostname is an error at its line, and the grader's file shows nowhere", () => {
    writeFileSync(join(dir, 'lab.yaml'), LAB);
    symlinkSync(SECRET, join(dir, 'h'));
    const r = run('grade', dir, '--format', 'json');
    assert.equal(r.code, 0, r.err);
    const g = JSON.parse(r.out) as { diagnostics: Diag[]; score: number };
    const d = g.diagnostics.find((x) => x.code === 'file-outside-lab');
    assert.ok(d, r.out);
    assert.equal(d.severity, 'error');
    assert.equal(d.line, 7); // `/etc/motd: { from: h }`
    assert.equal(d.column, 26);
    if (secret) assert.ok(!r.out.includes(secret) && !r.err.includes(secret));
    const text = run('grade', dir);
    assert.match(text.out, /file-outside-lab: "h" leads outside the lab folder/);
    const ko = run('grade', dir, '--lang', 'ko');
    assert.match(ko.out, /"h" 파일은 실습 폴더 밖을 가리킵니다/);
  });

  it('check and trace refuse it too (exit 1 for check, a usage error for the commands that run the lab)', () => {
    writeFileSync(join(dir, 'lab.yaml'), LAB);
    symlinkSync(SECRET, join(dir, 'h'));
    const r = run('check', dir, '--format', 'json');
    assert.equal(r.code, 1);
    const ds = JSON.parse(r.out) as Diag[];
    assert.ok(
      ds.some((d) => d.code === 'file-outside-lab' && d.line === 7),
      r.out,
    );
    const e = run('exec', dir, '--on', 'a', '--', 'cat', '/etc/motd');
    assert.equal(e.code, 2);
    assert.match(e.err, /file-outside-lab/);
    if (secret) assert.ok(!e.out.includes(secret));
  });

  it('answers.yaml, a solution file or lab.yaml that leads out is refused, each an error of its own', () => {
    writeFileSync(join(dir, 'lab.yaml'), LAB.replace('{ from: h }', 'hello'));
    symlinkSync(SECRET, join(dir, 'answers.yaml'));
    mkdirSync(join(dir, 'solution'));
    symlinkSync(SECRET, join(dir, 'solution', 'answers.yaml'));
    writeFileSync(join(dir, 'solution', 'lab.yaml'), 'name: leak\n');
    const g = JSON.parse(run('grade', dir, '--solution', '--format', 'json').out) as { diagnostics: Diag[] };
    const refused = g.diagnostics.filter((d) => d.code === 'file-outside-lab').map((d) => d.file);
    assert.equal(refused.length, 2, JSON.stringify(g.diagnostics));
    assert.ok(refused.some((f) => f.endsWith('answers.yaml') && !f.includes('solution')));
    assert.ok(refused.some((f) => f.endsWith(join('solution', 'answers.yaml'))));
    const other = mkdtempSync(join(tmpdir(), 'knetlab-tree-lab-'));
    try {
      writeFileSync(join(other, 'lab.yaml'), LAB.replace('{ from: h }', 'hello'));
      rmSync(join(dir, 'lab.yaml'));
      symlinkSync(join(other, 'lab.yaml'), join(dir, 'lab.yaml'));
      const l = JSON.parse(run('grade', dir, '--format', 'json').out) as { diagnostics: Diag[]; maxScore: number };
      assert.equal(l.maxScore, 0);
      assert.equal(l.diagnostics[0]?.code, 'file-outside-lab');
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  });

  it("a course's lab folder that is a link out of the course is an error at its line in course.yaml", () => {
    const elsewhere = mkdtempSync(join(tmpdir(), 'knetlab-tree-course-'));
    try {
      writeFileSync(join(elsewhere, 'lab.yaml'), LAB.replace('{ from: h }', 'hello'));
      symlinkSync(elsewhere, join(dir, 'away'));
      writeFileSync(join(dir, 'course.yaml'), 'name: c\nlabs:\n  - away\n');
      const g = JSON.parse(run('grade', dir, '--format', 'json').out) as { labs: { diagnostics: Diag[]; maxScore: number }[] };
      assert.equal(g.labs[0]?.maxScore, 0);
      const d = g.labs[0]?.diagnostics[0];
      assert.equal(d?.code, 'file-outside-lab');
      assert.equal(d?.line, 3);
      const c = JSON.parse(run('check', join(dir, 'course.yaml'), '--format', 'json').out) as Diag[];
      assert.ok(
        c.some((x) => x.code === 'file-outside-lab' && x.line === 3),
        JSON.stringify(c),
      );
    } finally {
      rmSync(elsewhere, { recursive: true, force: true });
    }
  });
});
