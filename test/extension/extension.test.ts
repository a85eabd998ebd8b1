/** The extension against a fake `vscode`: activation, commands, Testing view, reset, manifest. */
import * as fake from '../support/vscode-fake';
import { strict as assert } from 'node:assert';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { activate } from '../../src/extension/extension';
import { COMMANDS } from '../../src/extension/commands';
import { readTree } from '../../src/extension/labfs';
import type { ExtensionContext } from 'vscode';

const repo = join(__dirname, '..', '..');
const pkg = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8'));

const addLab = fake.addLab;

function start() {
  const context = { subscriptions: [] as { dispose(): void }[] } as unknown as ExtensionContext;
  return activate(context);
}

describe('extension (fake vscode)', () => {
  beforeEach(() => fake.reset());

  // Activation time is measured in the real extension host (test/extension/suite/activation.ext.ts).
  it('activates, registers every command of package.json and loads no engine', () => {
    addLab('02-gateway');
    const api = start();
    const declared = pkg.contributes.commands.map((c: { command: string }) => c.command).sort();
    assert.deepEqual([...fake.registered.keys()].sort(), declared);
    assert.deepEqual(Object.values(COMMANDS).sort(), declared);
    api.ctx.dispose();
    assert.equal(fake.registered.size, 0, 'commands are disposed with the context');
  });

  it('gradeLab grades a lab folder read through workspace.fs and shows the score', async () => {
    addLab('02-gateway');
    const api = start();
    const text = (await fake.commands.executeCommand('knetlab.gradeLab', fake.Uri.file('/ws/labs/02-gateway'))) as string;
    assert.match(text, /Lab .*: \d+(\.\d+)?\/\d+/);
    assert.match(text, /FAIL r-on-lan3/);
    assert.match(api.status.text, /\d+\/\d+/);
    // The starter copy is written on first grade.
    assert.ok(fake.files.has('/ws/labs/02-gateway/.knetlab/starter/lab.yaml'));
    assert.ok(!fake.files.has('/ws/labs/02-gateway/.knetlab/starter/solution/lab.yaml'));
  });

  it('grades in Korean when knetlab.language is ko', async () => {
    addLab('02-gateway');
    fake.settings.set('knetlab.language', 'ko');
    start();
    const text = (await fake.commands.executeCommand('knetlab.gradeLab', fake.Uri.file('/ws/labs/02-gateway/lab.yaml'))) as string;
    assert.match(text, /[가-힣]/);
  });

  it('runTrace with CodeLens arguments prints the steps', async () => {
    addLab('02-gateway');
    start();
    const text = (await fake.commands.executeCommand('knetlab.runTrace', {
      uri: fake.Uri.file('/ws/labs/02-gateway/lab.yaml'),
      from: 'a',
      to: '192.168.2.10',
      proto: 'icmp',
    })) as string;
    assert.match(text, /^a -> 192\.168\.2\.10 ping: REPLIED/);
    assert.match(text, /Request:/);
  });

  it('runTrace asks for what it was not given', async () => {
    addLab('02-gateway');
    start();
    fake.answers.push('a', '192.168.2.10', 'tcp', '80');
    const text = (await fake.commands.executeCommand('knetlab.runTrace', fake.Uri.file('/ws/labs/02-gateway'))) as string;
    assert.match(text, /a -> 192\.168\.2\.10 tcp\/80/);
  });

  it('showTopology and exec describe the simulated hosts', async () => {
    addLab('02-gateway');
    start();
    const topo = (await fake.commands.executeCommand('knetlab.showTopology', fake.Uri.file('/ws/labs/02-gateway'))) as string;
    assert.match(topo, /lan1: a:eth0, r:eth0/);
    assert.match(topo, /192\.168\.1\.10\/24/);
    const out = (await fake.commands.executeCommand('knetlab.exec', {
      uri: fake.Uri.file('/ws/labs/02-gateway'),
      on: 'r',
      command: 'ip -br addr show eth1',
    })) as string;
    assert.match(out, /192\.168\.2\.1\/24/);
  });

  it('Testing view: exercises and checks as items; a failed check points at a lab line with its feedback', async () => {
    addLab('02-gateway');
    start();
    const c = fake.controllers[0]!;
    await c.resolveHandler!();
    const lab = c.items.get('lab:file:///ws/labs/02-gateway')!;
    assert.ok(lab);
    await c.resolveHandler!(lab);
    const ex = lab.children.get('lab:file:///ws/labs/02-gateway#r-on-lan3')!;
    assert.equal(ex.children.size, 2);
    await c.runHandler!(new fake.TestRunRequest(undefined), { isCancellationRequested: false });
    const run = fake.testRuns[0]!;
    assert.ok(run.ended);
    const check = run.results.get('lab:file:///ws/labs/02-gateway#r-on-lan3#1')!;
    assert.equal(check.state, 'failed');
    const m = check.messages[0]!;
    assert.ok(m.location, 'the message has a location');
    assert.match(m.location!.uri.path, /02-gateway\/lab\.yaml$/);
    // Markdown: the feedback, then a trusted link that runs knetlab.runTrace on the same packet.
    assert.ok(m.message instanceof fake.MarkdownString);
    const md = m.message as InstanceType<typeof fake.MarkdownString>;
    assert.deepEqual(md.isTrusted, { enabledCommands: ['knetlab.runTrace'] });
    const link = /\]\(command:knetlab\.runTrace\?([^)]+)\)/.exec(md.value);
    assert.ok(link, md.value);
    const [args] = JSON.parse(decodeURIComponent(link[1]!)) as [Record<string, unknown>];
    assert.equal(args['uri'], 'file:///ws/labs/02-gateway');
    assert.equal(typeof args['from'], 'string');
    assert.equal(typeof args['to'], 'string');
    const text = (await fake.commands.executeCommand('knetlab.runTrace', args)) as string;
    assert.match(text, new RegExp(`${String(args['to']).replace(/\./g, '\\.')}`));
    assert.match(md.value, /```text\n/);
  });

  it('resetLab backs up the student files and restores the starter', async () => {
    addLab('02-gateway');
    start();
    await fake.commands.executeCommand('knetlab.gradeLab', fake.Uri.file('/ws/labs/02-gateway'));
    const starter = fake.files.get('/ws/labs/02-gateway/lab.yaml')!;
    fake.files.set('/ws/labs/02-gateway/lab.yaml', starter + '\n# my work\n');
    fake.files.set('/ws/labs/02-gateway/answers.yaml', 'quiz: b\n');
    fake.answers.push('Reset');
    const ok = await fake.commands.executeCommand('knetlab.resetLab', fake.Uri.file('/ws/labs/02-gateway'));
    assert.equal(ok, true);
    assert.equal(fake.files.get('/ws/labs/02-gateway/lab.yaml'), starter);
    assert.ok(!fake.files.has('/ws/labs/02-gateway/answers.yaml'));
    const backups = [...fake.files.keys()].filter((k) => k.includes('/.knetlab/backup-'));
    assert.ok(backups.some((k) => k.endsWith('/answers.yaml')));
    assert.ok(backups.some((k) => k.endsWith('/lab.yaml') && fake.files.get(k)!.includes('# my work')));
    assert.ok(fake.files.has('/ws/labs/02-gateway/solution/lab.yaml'), 'solution/ is left alone');
  });

  it('newLab creates lab.yaml and both READMEs, and the new lab has no errors', async () => {
    fake.files.set('/ws/labs/course.yaml', 'name: c\nlabs: []\n');
    start();
    fake.answers.push('06-new');
    await fake.commands.executeCommand('knetlab.newLab', fake.Uri.file('/ws/labs'));
    const files = await readTree(fake.Uri.file('/ws/labs/06-new') as never);
    assert.deepEqual([...files.keys()].sort(), ['README.ko.md', 'README.md', 'lab.yaml']);
    const { checkLab } = await import('../../src/core');
    const errors = checkLab(files.get('lab.yaml')!, { file: 'lab.yaml' }).filter((d) => d.severity === 'error');
    assert.deepEqual(errors, []);
  });
});

describe('extension manifest and bundles', () => {
  const nlsEn = JSON.parse(readFileSync(join(repo, 'package.nls.json'), 'utf8'));
  const nlsKo = JSON.parse(readFileSync(join(repo, 'package.nls.ko.json'), 'utf8'));
  const bundleKo = JSON.parse(readFileSync(join(repo, 'l10n/bundle.l10n.ko.json'), 'utf8'));

  it('every %key% of package.json exists in English and Korean', () => {
    const keys = [...JSON.stringify(pkg).matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]!);
    assert.ok(keys.length > 10);
    for (const k of keys) {
      assert.ok(k in nlsEn, `package.nls.json lacks ${k}`);
      assert.ok(k in nlsKo, `package.nls.ko.json lacks ${k}`);
    }
    assert.deepEqual(Object.keys(nlsEn).sort(), Object.keys(nlsKo).sort());
  });

  it('every vscode.l10n.t string of src/extension has a Korean translation', () => {
    const dir = join(repo, 'src/extension');
    // Every module, those in language/ and panels/ (and its kinds/) included.
    const sources = (readdirSync(dir, { recursive: true }) as string[])
      .filter((f) => f.endsWith('.ts'))
      .map((f) => readFileSync(join(dir, f), 'utf8'));
    const strings = new Set(
      sources.flatMap((s) => [...s.matchAll(/l10n\.t\(\s*'((?:[^'\\]|\\.)*)'/g)].map((m) => m[1]!.replace(/\\'/g, "'"))),
    );
    assert.ok(strings.size > 20);
    assert.ok(strings.has('Lab: {0}'), "the panel kinds' strings are read too");
    for (const s of strings) assert.ok(s in bundleKo, `l10n/bundle.l10n.ko.json lacks "${s}"`);
  });

  it('files the manifest names exist (walkthrough media, schemas)', () => {
    for (const s of pkg.contributes.walkthroughs[0].steps) readFileSync(join(repo, s.media.markdown));
    for (const v of pkg.contributes.jsonValidation) readFileSync(join(repo, v.url));
    for (const v of pkg.contributes.yamlValidation) readFileSync(join(repo, v.url));
  });

  it('the extension sources use no Node built-in', () => {
    const dir = join(repo, 'src/extension');
    for (const f of readdirSync(dir).filter((n) => n.endsWith('.ts'))) {
      const text = readFileSync(join(dir, f), 'utf8');
      assert.doesNotMatch(text, /from ['"](node:|fs['"]|path['"]|child_process)/, f);
    }
  });
});
