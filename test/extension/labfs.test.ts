/**
 * The editor treats symbolic links of a lab folder as the CLI does (src/extension/labfs.ts,
 * src/cli/tree.ts): a link that stays inside the folder is read, one that leads out is never read
 * and is `file-outside-lab` where the lab reads it. Where the real path cannot be told (the web
 * build, a workspace that is not on disk), no link is read at all.
 */
import * as fake from '../support/vscode-fake';
import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ExtensionContext, TextDocument } from 'vscode';
import { OUTSIDE_LAB } from '../../src/core';
import { readTree as cliReadTree } from '../../src/cli/tree';
import { Ctx } from '../../src/extension/ctx';
import { loadWorld } from '../../src/extension/engine';
import { LabDocuments } from '../../src/extension/language';
import { gradeDir } from '../../src/extension/labs';
import { readLabFile, readTree } from '../../src/extension/labfs';
import { LabLoader } from '../../src/extension/panels/load';
import { worldOf } from '../../src/extension/pickers';
import { realPathOf } from '../../src/extension/realpath';

const SECRET = '/etc/hostname';
const secret = readFileSync(SECRET, 'utf8').trim();

/** The CLI's test lab (test/cli/tree.test.ts): line 7 reads `h`. */
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

const uri = (p: string) => fake.Uri.file(p) as never;

function newCtx(): Ctx {
  return new Ctx({ subscriptions: [] } as unknown as ExtensionContext);
}

describe('extension/labfs: symbolic links, where their real path cannot be told', () => {
  beforeEach(() => fake.reset());

  it('readTree leaves a linked file out; readLabFile refuses it, and a path through a linked folder, and reads the others', async () => {
    fake.files.set('/ws/lab/lab.yaml', 'name: x\n');
    fake.files.set('/ws/lab/h', 'the grader machine\n');
    fake.links.add('/ws/lab/h');
    fake.files.set('/ws/lab/d/x.txt', 'through a link\n');
    fake.links.add('/ws/lab/d');
    fake.files.set('/ws/lab/sub/y.txt', 'mine\n');
    assert.equal(await realPathOf(uri('/ws/lab/h')), undefined);
    const outside = new Set<string>();
    const files = await readTree(uri('/ws/lab'), undefined, outside);
    assert.deepEqual([...files.keys()], ['lab.yaml', 'sub/y.txt']);
    assert.deepEqual([...outside], [], 'a link it cannot place is not read, and not said to lead out');
    const dir = uri('/ws/lab');
    assert.equal(await readLabFile(uri('/ws/lab/h'), dir), undefined);
    assert.equal(await readLabFile(uri('/ws/lab/d/x.txt'), dir), undefined);
    assert.equal(await readLabFile(uri('/ws/lab/lab.yaml'), dir), 'name: x\n');
    assert.equal(await readLabFile(uri('/ws/lab/sub/y.txt'), dir), 'mine\n');
    assert.equal(await readLabFile(uri('/ws/other/lab.yaml'), dir), OUTSIDE_LAB);
  });
});

describe('extension/labfs: symbolic links on disk, as the CLI reads them', () => {
  let tmp: string;
  let dir: string;
  let away: string;
  beforeEach(() => {
    fake.reset();
    fake.useDisk();
    tmp = mkdtempSync(join(tmpdir(), 'knetlab-labfs-'));
    dir = join(tmp, 'lab');
    away = join(tmp, 'away');
    mkdirSync(dir);
    mkdirSync(away);
    writeFileSync(join(away, 'x.txt'), 'theirs\n');
  });
  afterEach(() => {
    fake.reset();
    rmSync(tmp, { recursive: true, force: true });
  });

  /** A lab folder with every kind of link: inside, up and back in, out to a file, out to a folder, dangling, a circle. */
  function linkedLab(): void {
    writeFileSync(join(dir, 'inside.txt'), 'mine\n');
    symlinkSync('inside.txt', join(dir, 'alias.txt'));
    mkdirSync(join(dir, 'sub'));
    writeFileSync(join(dir, 'sub', 'deep.txt'), 'deep\n');
    symlinkSync('../inside.txt', join(dir, 'sub', 'up.txt'));
    symlinkSync('sub', join(dir, 'subdir'));
    symlinkSync(SECRET, join(dir, 'h'));
    symlinkSync(away, join(dir, 'linked-dir'));
    symlinkSync(join(away, 'x.txt'), join(dir, 'sub', 'out.txt'));
    symlinkSync('missing.txt', join(dir, 'dangling'));
    symlinkSync('.', join(dir, 'loop'));
  }

  it('readTree follows links that stay inside, names those that lead out without reading them, and skips dangling ones', async () => {
    linkedLab();
    const outside = new Set<string>();
    const files = await readTree(uri(dir), undefined, outside);
    assert.equal(files.get('alias.txt'), 'mine\n');
    assert.equal(files.get('sub/up.txt'), 'mine\n');
    assert.equal(files.get('subdir/deep.txt'), 'deep\n');
    assert.equal(files.get('loop/inside.txt'), 'mine\n');
    assert.ok(!files.has('h') && !files.has('linked-dir/x.txt') && !files.has('sub/out.txt') && !files.has('dangling'));
    assert.ok(outside.has('h') && outside.has('linked-dir') && outside.has('sub/out.txt'));
    assert.ok(!outside.has('dangling'));
    assert.ok(![...files.values()].some((t) => t.includes('theirs') || (secret && t.includes(secret))));
    // The circle ends where the CLI's does: the same files, the same links out, path for path.
    const cliOutside = new Set<string>();
    const cli = cliReadTree(dir, cliOutside);
    assert.deepEqual([...files.keys()].sort(), [...cli.keys()].sort());
    assert.deepEqual([...outside].sort(), [...cliOutside].sort());
  });

  it('readLabFile reads a link that stays inside, refuses one that leads out (OUTSIDE_LAB), and a dangling one is none', async () => {
    linkedLab();
    const d = uri(dir);
    assert.equal(await readLabFile(uri(join(dir, 'alias.txt')), d), 'mine\n');
    assert.equal(await readLabFile(uri(join(dir, 'sub', 'up.txt')), d), 'mine\n');
    assert.equal(await readLabFile(uri(join(dir, 'subdir', 'deep.txt')), d), 'deep\n');
    assert.equal(await readLabFile(uri(join(dir, 'h')), d), OUTSIDE_LAB);
    assert.equal(await readLabFile(uri(join(dir, 'linked-dir', 'x.txt')), d), OUTSIDE_LAB);
    assert.equal(await readLabFile(uri(join(dir, 'sub', 'out.txt')), d), OUTSIDE_LAB);
    assert.equal(await readLabFile(uri(join(away, 'x.txt')), d), OUTSIDE_LAB);
    assert.equal(await readLabFile(uri(join(dir, 'dangling')), d), undefined);
    assert.equal(await readLabFile(uri(join(dir, 'missing.txt')), d), undefined);
  });

  it('diagnostics as you type: `from: h` with h -> /etc/hostname is file-outside-lab at its line, as knetlab check says', async () => {
    writeFileSync(join(dir, 'lab.yaml'), LAB);
    symlinkSync(SECRET, join(dir, 'h'));
    const ctx = newCtx();
    const docs = new LabDocuments(ctx.languageHost);
    try {
      const doc = {
        uri: fake.Uri.file(join(dir, 'lab.yaml')),
        version: 1,
        isClosed: false,
        languageId: 'yaml',
        getText: () => LAB,
      } as unknown as TextDocument;
      await docs.refresh(doc);
      const ds = docs.diagnostics(doc);
      const d = ds.find((x) => x.code === 'file-outside-lab');
      assert.ok(d, JSON.stringify(ds));
      assert.equal(d.severity, 'error');
      assert.equal(d.line, 7);
      assert.equal(d.column, 26);
      assert.ok(!ds.some((x) => x.code === 'file-not-found'));
      // The same file through a link that stays inside is read: no error at that line.
      rmSync(join(dir, 'h'));
      writeFileSync(join(dir, 'motd.txt'), 'hello\n');
      symlinkSync('motd.txt', join(dir, 'h'));
      const again = { ...doc, version: 2, getText: () => LAB } as unknown as TextDocument;
      await docs.refresh(again);
      assert.deepEqual(
        docs.diagnostics(again).filter((x) => x.line === 7),
        [],
      );
    } finally {
      docs.dispose();
      ctx.dispose();
    }
  });

  it("a solution's lab.yaml reads its starter from the lab folder above it; a starter that leads out is not read", async () => {
    const starter = readFileSync('labs/02-gateway/lab.yaml', 'utf8');
    const wrong = readFileSync('labs/02-gateway/solution/lab.yaml', 'utf8').replace(
      'ip route add 192.168.4.0/24 via 192.168.1.1',
      'ip route add 192.168.4.0/24 via 192.168.7.1',
    );
    writeFileSync(join(dir, 'lab.yaml'), starter);
    mkdirSync(join(dir, 'solution'));
    writeFileSync(join(dir, 'solution', 'lab.yaml'), wrong);
    const ctx = newCtx();
    const docs = new LabDocuments(ctx.languageHost);
    try {
      const doc = (version: number) =>
        ({
          uri: fake.Uri.file(join(dir, 'solution', 'lab.yaml')),
          version,
          isClosed: false,
          languageId: 'yaml',
          getText: () => wrong,
        }) as unknown as TextDocument;
      await docs.refresh(doc(1));
      const line = wrong.split('\n').findIndex((l) => l.includes('via 192.168.7.1')) + 1;
      assert.deepEqual(
        docs.diagnostics(doc(1)).map((d) => [d.line, d.code]),
        [[line, 'command-failed']],
      );
      writeFileSync(join(away, 'lab.yaml'), starter);
      rmSync(join(dir, 'lab.yaml'));
      symlinkSync(join(away, 'lab.yaml'), join(dir, 'lab.yaml'));
      await docs.refresh(doc(2));
      assert.deepEqual(docs.diagnostics(doc(2)), []);
    } finally {
      docs.dispose();
      ctx.dispose();
    }
  });

  it("grading, the panels and the commands' world refuse it too, and the grader's file shows nowhere", async () => {
    writeFileSync(join(dir, 'lab.yaml'), LAB);
    symlinkSync(SECRET, join(dir, 'h'));
    const ctx = newCtx();
    try {
      const graded = await gradeDir(ctx, uri(dir));
      const d = graded.grade.diagnostics.find((x) => x.code === 'file-outside-lab');
      assert.ok(d, JSON.stringify(graded.grade.diagnostics));
      assert.equal(d.line, 7);
      assert.equal(d.column, 26);
      if (secret) assert.ok(!JSON.stringify(graded.grade).includes(secret));

      const loaded = await new LabLoader().load(uri(dir));
      assert.ok(
        loaded.built.errors.some((x) => x.code === 'file-outside-lab' && x.line === 7),
        JSON.stringify(loaded.built.errors),
      );
      assert.ok(!loaded.files.has('h'));

      assert.equal(await worldOf(ctx, uri(dir)), undefined);
      assert.match(fake.messages.map((m) => JSON.stringify(m)).join('\n'), /leads outside the lab folder/);
    } finally {
      ctx.dispose();
    }
  });

  it('lab.yaml that leads outside the folder is refused by itself (the world is not built)', async () => {
    writeFileSync(join(away, 'lab.yaml'), LAB.replace('{ from: h }', 'hello'));
    symlinkSync(join(away, 'lab.yaml'), join(dir, 'lab.yaml'));
    const outside = new Set<string>();
    const files = await readTree(uri(dir), undefined, outside);
    assert.deepEqual([...outside], ['lab.yaml']);
    const w = loadWorld(files, 'lab.yaml', undefined, outside);
    assert.equal(w.world, undefined);
    assert.deepEqual(
      w.errors.map((e) => e.code),
      ['file-outside-lab'],
    );
  });
});
