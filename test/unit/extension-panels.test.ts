/**
 * The webview panels' extension side against a fake `vscode`: panels created with the right
 * options and page (CSP, nonce, escaped bootstrap data), one per kind and lab, the panels' messages
 * handled (reveal, runTrace, grade, answer, export) and anything else ignored, the serializer's
 * restore after a reload, live updates as the lab is edited, the display language.
 */
import * as fake from './extension-vscode-fake';
import { strict as assert } from 'node:assert';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { ExtensionContext } from 'vscode';
import { activate, type Api } from '../../src/extension/extension';
import { decodeBase64, exportBytes, exportName } from '../../src/extension/panels/exports';
import { EDIT_DEBOUNCE_MS } from '../../src/extension/panels/manager';
import { buildLab, labViewOf, traceArgsOfState, traceOn, traceTitle } from '../../src/extension/panels/views';
import type { HostMessage, PanelState } from '../../src/protocol/panels';
import { BOOTSTRAP_ID, VIEW_TYPES } from '../../src/protocol/panels';

const repo = join(__dirname, '..', '..');
const pkg = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8'));
const LABS = readdirSync(join(repo, 'labs'), { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);
const LAB = '/ws/labs/02-gateway';
const labUri = () => fake.Uri.file(LAB);

const addLab = fake.addLab;

/** The extension's own files the panels load (the fake file system holds them). */
function addPanelBundles(): void {
  for (const kind of ['topology', 'trace', 'lab']) {
    fake.files.set(`/ext/dist/webview/${kind}.js`, '// bundle');
    fake.files.set(`/ext/dist/webview/${kind}.css`, '/* style */');
  }
}

/** The workspace's state (a Memento), kept across activations when a test passes the same one. */
function memento(): { get<T>(k: string): T | undefined; update(k: string, v: unknown): Promise<void>; data: Map<string, unknown> } {
  const data = new Map<string, unknown>();
  return { data, get: <T>(k: string) => data.get(k) as T | undefined, update: async (k, v) => void data.set(k, JSON.parse(JSON.stringify(v))) };
}

let api: Api | undefined;
function start(withBundles = true, workspaceState?: ReturnType<typeof memento>): Api {
  if (withBundles) addPanelBundles();
  const context = { subscriptions: [], extensionUri: fake.Uri.file('/ext'), ...(workspaceState ? { workspaceState } : {}) } as unknown as ExtensionContext;
  api = activate(context);
  return api;
}

/** Polls until `probe` gives a value (the panels answer messages asynchronously). */
async function until<T>(probe: () => T | undefined | false, what: string, ms = 5000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = probe();
    if (v !== undefined && v !== false) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

function panelOf(viewType: string, n = 0): fake.FakeWebviewPanel {
  const p = fake.webviewPanels.filter((x) => x.viewType === viewType)[n];
  assert.ok(p, `no ${viewType} panel (${fake.webviewPanels.map((x) => x.viewType).join(', ')})`);
  return p;
}

/** The bootstrap message rendered into a panel's page. */
function bootstrapOf(html: string): HostMessage {
  const m = new RegExp(`<script type="application/json" id="${BOOTSTRAP_ID}">([\\s\\S]*?)</script>`).exec(html);
  assert.ok(m && m[1], 'the page has bootstrap data');
  return JSON.parse(m[1]) as HostMessage;
}

/** What the panel shows now: its last data message, else its bootstrap. */
function shown(p: fake.FakeWebviewPanel): HostMessage {
  const data = p.webview.posted.filter((m) => m.type !== 'busy');
  return (data.length ? data[data.length - 1] : bootstrapOf(p.webview.html)) as HostMessage;
}

function posted(p: fake.FakeWebviewPanel, type: string): HostMessage[] {
  return p.webview.posted.filter((m) => m.type === type) as HostMessage[];
}

describe('panels (fake vscode)', () => {
  beforeEach(() => fake.reset());
  afterEach(() => {
    api?.ctx.dispose();
    api = undefined;
  });

  it('showTopology opens one topology panel per lab: scripts on, nothing retained, only dist/webview as a resource root', async () => {
    addLab('02-gateway');
    start();
    const text = (await fake.commands.executeCommand('knetlab.showTopology', labUri())) as string;
    assert.match(text, /lan1: a:eth0, r:eth0/, 'the text is still the result');
    assert.ok(!fake.outputs.some((o) => o.name === 'knetlab' && /lan1: a:eth0/.test(o.text)), 'the text goes to the output only when the panel cannot open');
    const p = panelOf(VIEW_TYPES.topology);
    assert.equal(p.title, 'Topology: 02-gateway');
    const opts = p.options as { enableScripts: boolean; retainContextWhenHidden: boolean; localResourceRoots: fake.Uri[] };
    assert.equal(opts.enableScripts, true);
    assert.equal(opts.retainContextWhenHidden, false);
    assert.deepEqual(opts.localResourceRoots.map((u) => u.toString()), ['file:///ext/dist/webview']);
    // Opening it again reveals the same panel.
    await fake.commands.executeCommand('knetlab.showTopology', fake.Uri.file(`${LAB}/lab.yaml`));
    assert.equal(fake.webviewPanels.length, 1);
    assert.equal(p.revealed, 1);
    // Another lab: another panel.
    addLab('05-network-namespaces');
    await fake.commands.executeCommand('knetlab.showTopology', fake.Uri.file('/ws/labs/05-network-namespaces'));
    assert.equal(fake.webviewPanels.length, 2);
  });

  it('renders the page with a CSP of default-src none, a fresh nonce on the one script, and the lab as escaped bootstrap JSON', async () => {
    addLab('02-gateway');
    // A lab text that tries to close the script element.
    fake.files.set(`${LAB}/lab.yaml`, fake.files.get(`${LAB}/lab.yaml`)!.replace(/^name: .*$/m, 'name: "x</script><script>alert(1)</script>"'));
    start();
    await fake.commands.executeCommand('knetlab.showTopology', labUri());
    const html = panelOf(VIEW_TYPES.topology).webview.html;
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1]?.replace(/&#39;/g, "'");
    assert.ok(csp, 'a CSP meta element');
    assert.match(csp, /^default-src 'none';/);
    const nonce = /script-src 'nonce-([0-9a-f]{32})'/.exec(csp)?.[1];
    assert.ok(nonce, csp);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|https?:\/\/(?!fake\.vscode-cdn\.test)/);
    const scripts = [...html.matchAll(/<script\b([^>]*)>/g)].map((m) => m[1]!);
    assert.equal(scripts.length, 2, 'the bootstrap data and the panel script');
    assert.ok(scripts.some((a) => a.includes(`nonce="${nonce}"`) && a.includes('src="https://fake.vscode-cdn.test/ext/dist/webview/topology.js"')));
    assert.ok(html.includes('href="https://fake.vscode-cdn.test/ext/dist/webview/topology.css"'));
    assert.ok(!html.includes('<script>alert'), 'lab text cannot close the bootstrap element');
    const boot = bootstrapOf(html);
    assert.equal(boot.type, 'topology');
    if (boot.type !== 'topology') return;
    assert.equal(boot.labDir, 'file:///ws/labs/02-gateway');
    assert.equal(boot.lang, 'en');
    assert.equal(boot.model.lab, 'x</script><script>alert(1)</script>');
    assert.ok(boot.model.nodes.some((n) => n.id === 'h:a'));
    // Every rendering has its own nonce.
    await api!.panels.refresh(labUri() as never);
    addLab('01-switching-routing');
    await fake.commands.executeCommand('knetlab.showTopology', fake.Uri.file('/ws/labs/01-switching-routing'));
    const other = /nonce="([0-9a-f]+)"/.exec(fake.webviewPanels[1]!.webview.html)?.[1];
    assert.ok(other && other !== nonce);
  });

  it('without the panels in the build, showTopology falls back to the text in the output channel', async () => {
    addLab('02-gateway');
    start(false);
    const text = (await fake.commands.executeCommand('knetlab.showTopology', labUri())) as string;
    assert.match(text, /lan1: a:eth0, r:eth0/);
    assert.equal(fake.webviewPanels.length, 0);
    assert.ok(fake.outputs.some((o) => o.name === 'knetlab' && o.text.includes('lan1: a:eth0')));
  });

  it('runTrace shows the trace in the trace panel, and still returns and prints the text', async () => {
    addLab('02-gateway');
    start();
    const text = (await fake.commands.executeCommand('knetlab.runTrace', { uri: fake.Uri.file(`${LAB}/lab.yaml`), from: 'a', to: '192.168.2.10', proto: 'icmp' })) as string;
    assert.match(text, /^a -> 192\.168\.2\.10 ping: REPLIED/);
    assert.ok(fake.outputs.some((o) => o.name === 'knetlab' && o.text.includes('a -> 192.168.2.10 ping: REPLIED')));
    const p = panelOf(VIEW_TYPES.trace);
    assert.equal(p.title, 'Trace: a → 192.168.2.10');
    const m = shown(p);
    assert.equal(m.type, 'trace');
    if (m.type !== 'trace') return;
    assert.equal(m.view.title, 'a -> 192.168.2.10 icmp');
    assert.equal(m.view.trace.verdict, 'replied');
    assert.equal(m.view.anchors[0]?.length, m.view.trace.request.steps.length);
    assert.ok(m.model.nodes.some((n) => n.id === 'h:r'));
    // A second trace goes to the same panel.
    await fake.commands.executeCommand('knetlab.runTrace', { uri: labUri(), from: 'a', to: '192.168.4.10', proto: 'tcp', port: 8080 });
    assert.equal(fake.webviewPanels.length, 1);
    const again = shown(p);
    assert.equal(again.type === 'trace' && again.view.title, 'a -> 192.168.4.10 tcp/8080');
    assert.equal(p.title, 'Trace: a → 192.168.4.10');
  });

  it('openLab opens the lab panel with the exercises, untried before a grade', async () => {
    addLab('02-gateway');
    start();
    assert.equal(await fake.commands.executeCommand('knetlab.openLab', labUri()), true);
    const p = panelOf(VIEW_TYPES.lab);
    assert.equal(p.title, 'Lab: 02-gateway');
    const m = shown(p);
    assert.equal(m.type, 'lab');
    if (m.type !== 'lab') return;
    assert.deepEqual(m.view.exercises.map((e) => e.id), ['r-on-lan3', 'c-default-gateway', 'a-reaches-c', 'b-reaches-c', 'return-route']);
    assert.ok(m.view.exercises.every((e) => e.state === 'untried'));
    assert.equal(m.view.score, undefined);
  });

  describe('messages from the panels', () => {
    async function labPanel(): Promise<fake.FakeWebviewPanel> {
      addLab('02-gateway');
      start();
      await fake.commands.executeCommand('knetlab.openLab', labUri());
      return panelOf(VIEW_TYPES.lab);
    }

    it('reveal opens the lab file at the range a panel names', async () => {
      const p = await labPanel();
      p.webview.send({ type: 'reveal', source: { file: 'labs/02-gateway/lab.yaml', line: 12, column: 7, endLine: 12, endColumn: 20 } });
      const d = await until(() => fake.shownDocuments[0], 'the document shown');
      assert.equal(d.uri.path, `${LAB}/lab.yaml`);
      assert.equal(d.options?.selection?.start.line, 11);
      assert.equal(d.options?.selection?.start.character, 6);
      assert.equal(d.options?.selection?.end.character, 19);
      // A path relative to the lab folder, and an absolute path, are found too; a missing file is said.
      p.webview.send({ type: 'reveal', source: { file: 'solution/lab.yaml', line: 1, column: 1, endLine: 1, endColumn: 1 } });
      await until(() => fake.shownDocuments[1], 'the second document');
      assert.equal(fake.shownDocuments[1]!.uri.path, `${LAB}/solution/lab.yaml`);
      p.webview.send({ type: 'reveal', source: { file: `${LAB}/README.md`, line: 3, column: 1, endLine: 3, endColumn: 1 } });
      await until(() => fake.shownDocuments[2], 'the third document');
      assert.equal(fake.shownDocuments[2]!.uri.path, `${LAB}/README.md`);
      p.webview.send({ type: 'reveal', source: { file: 'nowhere.yaml', line: 1, column: 1, endLine: 1, endColumn: 1 } });
      await until(() => fake.messages.find((m) => m.kind === 'warning'), 'a warning');
      assert.match(fake.messages.find((m) => m.kind === 'warning')!.text, /Cannot find nowhere\.yaml/);
    });

    it('runTrace traces the packet in the trace panel (beside the lab panel), busy meanwhile', async () => {
      const p = await labPanel();
      assert.equal(p.viewColumn, fake.ViewColumn.Active, 'no editor open: the lab panel opens in the active group');
      p.active = true; // the user clicks its Trace button
      p.webview.send({ type: 'runTrace', args: { from: 'a', to: '192.168.4.10', proto: 'icmp' } });
      const trace = await until(() => fake.webviewPanels.find((x) => x.viewType === VIEW_TYPES.trace), 'the trace panel');
      assert.equal(trace.viewColumn, fake.ViewColumn.Beside, 'next to the lab panel, not over it');
      const m = shown(trace);
      assert.equal(m.type, 'trace');
      if (m.type !== 'trace') return;
      assert.equal(m.view.trace.replied, false, 'the starter lab has no route to lan3');
      await until(() => posted(p, 'busy').length === 2, 'busy, then not busy');
      assert.deepEqual(p.webview.posted.filter((x) => x.type === 'busy').map((x) => x['busy']), [true, false]);
    });

    it('grade grades the lab, the lab panel shows the score, one more hint after each failed attempt', async () => {
      const p = await labPanel();
      p.webview.send({ type: 'grade' });
      const graded = await until(() => {
        const m = shown(p);
        return m.type === 'lab' && m.view.score !== undefined ? m : undefined;
      }, 'a graded lab view');
      if (graded.type !== 'lab') return;
      assert.equal(graded.view.score, api!.ctx.grades.get(labUri() as never)!.grade.score);
      assert.match(api!.status.text, /\d+\/\d+/, 'the status bar shows the score too');
      const ex = graded.view.exercises.find((e) => e.id === 'r-on-lan3')!;
      assert.equal(ex.state, 'failed');
      assert.equal(ex.hints.length, 1);
      assert.equal(ex.hintCount, 2);
      // A second failed attempt at that exercise reveals the second hint.
      const before = p.webview.posted.length;
      p.webview.send({ type: 'grade', exercise: 'r-on-lan3' });
      const second = await until(() => {
        const m = shown(p);
        return p.webview.posted.length > before && m.type === 'lab' && m.view.exercises.find((e) => e.id === 'r-on-lan3')!.hints.length === 2 ? m : undefined;
      }, 'the second hint');
      if (second.type !== 'lab') return;
      assert.equal(second.view.exercises.find((e) => e.id === 'c-default-gateway')!.hints.length, 1, 'only the exercise graded gets a hint more');
    });

    it('a grade from elsewhere (the Testing view, knetlab.gradeLab) updates the lab panel', async () => {
      const p = await labPanel();
      await fake.commands.executeCommand('knetlab.gradeLab', labUri());
      await until(() => {
        const m = shown(p);
        return m.type === 'lab' && m.view.score !== undefined;
      }, 'the lab view with the score');
    });

    it('answer writes answers.yaml (keeping what is there) and sends the lab view again', async () => {
      const p = await labPanel();
      fake.files.set(`${LAB}/answers.yaml`, '# my answers\nother: x\n');
      p.webview.send({ type: 'answer', quiz: 'return-route#2', value: '192.168.1.10' });
      await until(() => fake.files.get(`${LAB}/answers.yaml`)?.includes('192.168.1.10'), 'answers.yaml written');
      const text = fake.files.get(`${LAB}/answers.yaml`)!;
      assert.match(text, /^# my answers/);
      assert.match(text, /other: x/);
      const m = await until(() => {
        const s = shown(p);
        return s.type === 'lab' && s.view.exercises.find((e) => e.id === 'return-route')!.checks[1]!.quiz?.answer === '192.168.1.10' ? s : undefined;
      }, 'the saved answer in the view');
      assert.equal(m.type, 'lab');
    });

    it('export saves the SVG text or the PNG bytes where the user picks, and refuses anything else', async () => {
      const p = await labPanel();
      const svg = '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"><text>a</text></svg>\n';
      fake.answers.push(fake.Uri.file('/ws/out/topology.svg'));
      p.webview.send({ type: 'export', format: 'svg', name: '02-gateway', data: svg });
      await until(() => fake.files.get('/ws/out/topology.svg'), 'the SVG file');
      assert.equal(fake.files.get('/ws/out/topology.svg'), svg);
      const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82]);
      const dataUrl = `data:image/png;base64,${Buffer.from(png).toString('base64')}`;
      let written: Uint8Array | undefined;
      const writeFile = fake.workspace.fs.writeFile;
      fake.workspace.fs.writeFile = async (uri, bytes) => {
        if (uri.path.endsWith('.png')) written = bytes;
        return writeFile(uri, bytes);
      };
      try {
        fake.answers.push(fake.Uri.file('/ws/out/topology.png'));
        p.webview.send({ type: 'export', format: 'png', name: '02-gateway', data: dataUrl });
        await until(() => written, 'the PNG bytes');
        assert.deepEqual([...written!], [...png]);
        // Not a PNG: nothing asked, nothing written.
        p.webview.send({ type: 'export', format: 'png', name: 'x', data: 'data:image/png;base64,AAAA' });
        p.webview.send({ type: 'export', format: 'svg', name: 'x', data: '<html><script>1</script></html>' });
        await until(() => fake.messages.filter((m) => m.kind === 'error').length === 2, 'two refusals');
        assert.ok(!fake.files.has('/ws/labs/02-gateway/x.png') && !fake.files.has('/ws/labs/02-gateway/x.svg'));
        // The user cancels the dialog: nothing written.
        p.webview.send({ type: 'export', format: 'svg', name: 'cancelled', data: svg });
        await new Promise((r) => setTimeout(r, 20));
        assert.ok(![...fake.files.keys()].some((k) => k.includes('cancelled')));
      } finally {
        fake.workspace.fs.writeFile = writeFile;
      }
    });

    it('ignores messages that are not the protocol\'s', async () => {
      const p = await labPanel();
      const files = new Map(fake.files);
      const postedBefore = p.webview.posted.length;
      for (const m of [
        null, 'grade', 42, {}, { type: 'nope' }, { type: 'reveal' }, { type: 'reveal', source: { file: 1, line: 1, column: 1 } },
        { type: 'runTrace', args: { from: 'a', to: '192.168.2.10', proto: 'sctp' } }, { type: 'answer', quiz: 'return-route#1' },
        { type: 'export', format: 'gif', name: 'x', data: '' }, { type: 'grade', exercise: 7 }, { type: '__proto__' },
      ]) p.webview.send(m);
      await new Promise((r) => setTimeout(r, 50));
      assert.equal(fake.webviewPanels.length, 1, 'no trace panel');
      assert.equal(p.webview.posted.length, postedBefore, 'nothing sent back');
      assert.deepEqual(fake.shownDocuments, []);
      assert.deepEqual(new Map(fake.files), files, 'no file written');
      assert.equal(api!.ctx.grades.all().length, 0, 'nothing graded');
    });

    it('showTopology from a panel opens the topology of its lab', async () => {
      const p = await labPanel();
      p.webview.send({ type: 'showTopology' });
      const t = await until(() => fake.webviewPanels.find((x) => x.viewType === VIEW_TYPES.topology), 'the topology panel');
      assert.equal(bootstrapOf(t.webview.html).type, 'topology');
    });

    it('a page that loads again (shown after being hidden) gets what it shows now on ready', async () => {
      const p = await labPanel();
      p.webview.send({ type: 'ready' });
      await new Promise((r) => setTimeout(r, 20));
      assert.equal(p.webview.posted.length, 0, 'the first ready: the page has its data already');
      assert.equal(api!.panels.info('lab', labUri() as never)?.ready, true);
      p.webview.send({ type: 'ready' });
      await until(() => p.webview.posted.length === 1, 'the data sent again');
      assert.equal(p.webview.posted[0]!.type, 'lab');
    });
  });

  describe('restoring panels after a reload (serializer)', () => {
    it('registers a serializer for each view type', () => {
      start();
      assert.deepEqual([...fake.serializers.keys()].sort(), Object.values(VIEW_TYPES).sort());
      // ... and VS Code activates knetlab to restore them.
      for (const t of Object.values(VIEW_TYPES)) assert.ok(pkg.activationEvents.includes(`onWebviewPanel:${t}`), t);
    });

    it('restores a topology and a lab panel from their state with fresh data', async () => {
      addLab('02-gateway');
      start();
      for (const kind of ['topology', 'lab'] as const) {
        const panel = new fake.FakeWebviewPanel(VIEW_TYPES[kind], 'old title', 1, {});
        const state: PanelState = { kind, labDir: 'file:///ws/labs/02-gateway' };
        await fake.serializers.get(VIEW_TYPES[kind])!.deserializeWebviewPanel(panel, state);
        assert.ok(!panel.disposed);
        assert.match(panel.webview.html, /default-src 'none'|default-src &#39;none&#39;/);
        assert.equal(bootstrapOf(panel.webview.html).type, kind);
        assert.deepEqual((panel.webview.options as { localResourceRoots: fake.Uri[] }).localResourceRoots.map(String), ['file:///ext/dist/webview']);
        assert.equal(api!.panels.info(kind, labUri() as never)?.shows, kind);
      }
      // The restored panel is the lab's: opening it reveals that one.
      await fake.commands.executeCommand('knetlab.openLab', labUri());
      assert.equal(fake.webviewPanels.length, 0);
    });

    it('restores a trace panel by tracing its packet again on the lab as it is now', async () => {
      addLab('02-gateway');
      start();
      await fake.commands.executeCommand('knetlab.runTrace', { uri: labUri(), from: 'a', to: '192.168.2.10', proto: 'icmp' });
      const last = shown(panelOf(VIEW_TYPES.trace));
      api!.ctx.dispose();
      fake.reset();
      addLab('02-gateway');
      start();
      const panel = new fake.FakeWebviewPanel(VIEW_TYPES.trace, 'old', 1, {});
      await fake.serializers.get(VIEW_TYPES.trace)!.deserializeWebviewPanel(panel, { kind: 'trace', labDir: 'file:///ws/labs/02-gateway', last });
      const m = bootstrapOf(panel.webview.html);
      assert.equal(m.type, 'trace');
      assert.equal(m.type === 'trace' && m.view.title, 'a -> 192.168.2.10 icmp');
      assert.equal(panel.title, 'Trace: a → 192.168.2.10');
    });

    it('grades a restored lab panel that showed a grade, and keeps the hints revealed before the reload', async () => {
      addLab('02-gateway');
      const state = memento();
      start(true, state);
      await fake.commands.executeCommand('knetlab.openLab', labUri());
      const p = panelOf(VIEW_TYPES.lab);
      for (let i = 1; i <= 2; i++) {
        const before = p.webview.posted.length;
        p.webview.send({ type: 'grade' });
        await until(() => p.webview.posted.length > before && posted(p, 'busy').length === 2 * i && shown(p).type === 'lab', `grade ${i}`);
      }
      const last = shown(p);
      assert.ok(last.type === 'lab' && last.view.exercises[0]!.hints.length === 2);
      // Reload: a new extension host, the same workspace state; VS Code restores the panel.
      api!.ctx.dispose();
      fake.webviewPanels.length = 0;
      start(true, state);
      const panel = new fake.FakeWebviewPanel(VIEW_TYPES.lab, 'old', 1, {});
      await fake.serializers.get(VIEW_TYPES.lab)!.deserializeWebviewPanel(panel, { kind: 'lab', labDir: 'file:///ws/labs/02-gateway', last });
      const again = await until(() => {
        const m = posted(panel, 'lab').at(-1);
        return m?.type === 'lab' && m.view.score !== undefined ? m : undefined;
      }, 'the restored panel graded');
      assert.ok(again.type === 'lab' && again.view.exercises[0]!.hints.length === 2, 'both hints still shown');
      // Saved state that is not ours is ignored.
      api!.ctx.dispose();
      const bad = memento();
      bad.data.set('knetlab.panels.failedAttempts', { 'file:///ws/labs/02-gateway': { 'r-on-lan3': 'x', 'c-default-gateway': -1 }, other: 5 });
      start(true, bad);
      await fake.commands.executeCommand('knetlab.gradeLab', labUri());
      await fake.commands.executeCommand('knetlab.openLab', labUri());
      const m = shown(fake.webviewPanels.at(-1)!);
      assert.ok(m.type === 'lab' && m.view.exercises[0]!.hints.length === 1);
    });

    it('closes a restored panel whose lab is gone or whose state is not ours', async () => {
      addLab('02-gateway');
      start();
      for (const state of [undefined, null, 'x', { kind: 'lab' }, { kind: 'lab', labDir: 'file:///ws/labs/nothing-here' }, { kind: 'lab', labDir: 42 }]) {
        const panel = new fake.FakeWebviewPanel(VIEW_TYPES.lab, 'old', 1, {});
        await fake.serializers.get(VIEW_TYPES.lab)!.deserializeWebviewPanel(panel, state);
        assert.ok(panel.disposed, JSON.stringify(state));
      }
    });
  });

  describe('live updates', () => {
    it('an edit of lab.yaml (unsaved, debounced) redraws the topology; a lab that no longer loads sends an error', async () => {
      addLab('02-gateway');
      start();
      await fake.commands.executeCommand('knetlab.showTopology', labUri());
      await fake.commands.executeCommand('knetlab.openLab', labUri());
      const topo = panelOf(VIEW_TYPES.topology);
      const lab = panelOf(VIEW_TYPES.lab);
      const original = fake.files.get(`${LAB}/lab.yaml`)!;
      // A new host, typed in the editor and not saved.
      let text = original.replace(/^hosts:\n/m, 'hosts:\n  d:\n    interfaces: { eth0: lan1 }\n    run: |\n      ip addr add 192.168.1.20/24 dev eth0\n');
      const doc: fake.FakeTextDocument = { uri: fake.Uri.file(`${LAB}/lab.yaml`), isDirty: true, getText: () => text };
      fake.workspace.textDocuments.push(doc);
      const t0 = Date.now();
      for (let i = 0; i < 5; i++) fake.events.changeTextDocument.fire({ document: doc, contentChanges: [{}] });
      const redrawn = await until(() => posted(topo, 'topology')[0], 'the redrawn topology');
      assert.ok(Date.now() - t0 >= EDIT_DEBOUNCE_MS - 5, 'debounced');
      assert.equal(posted(topo, 'topology').length, 1, 'five keystrokes, one redraw');
      assert.ok(redrawn.type === 'topology' && redrawn.model.nodes.some((n) => n.id === 'h:d'));
      assert.ok(redrawn.type === 'topology' && redrawn.model.ports.some((p) => p.addresses.includes('192.168.1.20/24')));
      await until(() => posted(lab, 'lab')[0], 'the lab panel redrawn too');
      // Broken YAML: the topology panel gets an error (and keeps its drawing), the lab panel the errors.
      text = original.replace(/^hosts:/m, 'hosts: [');
      fake.events.changeTextDocument.fire({ document: doc, contentChanges: [{}] });
      const err = await until(() => posted(topo, 'error')[0], 'an error');
      assert.ok(err.type === 'error' && /lab\.yaml:\d+/.test(err.message), JSON.stringify(err));
      const labErr = await until(() => {
        const m = shown(lab);
        return m.type === 'lab' && m.view.errors.length ? m : undefined;
      }, 'the lab view with its errors');
      assert.ok(labErr.type === 'lab' && labErr.view.exercises.length === 0);
    });

    it('a file changed on disk (the watcher) redraws; another lab\'s file does not', async () => {
      addLab('02-gateway');
      addLab('01-switching-routing');
      start();
      await fake.commands.executeCommand('knetlab.showTopology', labUri());
      const topo = panelOf(VIEW_TYPES.topology);
      const w = fake.watchers.find((x) => x.pattern instanceof fake.RelativePattern && (x.pattern as fake.RelativePattern).base.path === LAB);
      assert.ok(w, 'a watcher on the lab folder');
      w.change.fire(fake.Uri.file('/ws/labs/01-switching-routing/lab.yaml'));
      w.change.fire(fake.Uri.file(`${LAB}/.knetlab/starter/lab.yaml`));
      await new Promise((r) => setTimeout(r, EDIT_DEBOUNCE_MS + 50));
      assert.equal(posted(topo, 'topology').length, 0);
      fake.files.set(`${LAB}/lab.yaml`, fake.files.get(`${LAB}/lab.yaml`)!.replace('ip addr add 192.168.1.10/24 dev eth0', 'ip addr add 192.168.1.11/24 dev eth0'));
      w.change.fire(fake.Uri.file(`${LAB}/lab.yaml`));
      const m = await until(() => posted(topo, 'topology')[0], 'the redraw');
      assert.ok(m.type === 'topology' && m.model.ports.some((p) => p.addresses.includes('192.168.1.11/24')));
      // Closing the last panel of the lab stops watching it.
      topo.dispose();
      assert.ok(w.disposed);
    });

    it('the trace panel traces its packet again after an edit', async () => {
      addLab('02-gateway');
      start();
      await fake.commands.executeCommand('knetlab.runTrace', { uri: labUri(), from: 'a', to: '192.168.2.10', proto: 'icmp' });
      const p = panelOf(VIEW_TYPES.trace);
      // Remove r's forwarding: the ping no longer gets through.
      const text = fake.files.get(`${LAB}/lab.yaml`)!;
      assert.match(text, /sysctl -w net\.ipv4\.ip_forward=1/);
      fake.files.set(`${LAB}/lab.yaml`, text.replace('sysctl -w net.ipv4.ip_forward=1', 'sysctl -w net.ipv4.ip_forward=0'));
      fake.watchers.find((x) => x.pattern instanceof fake.RelativePattern)!.change.fire(fake.Uri.file(`${LAB}/lab.yaml`));
      const m = await until(() => posted(p, 'trace')[0], 'the new trace');
      assert.ok(m.type === 'trace' && !m.view.trace.replied && m.view.title === 'a -> 192.168.2.10 icmp');
    });

    it('a change of knetlab.language sends the new language to every panel', async () => {
      addLab('02-gateway');
      start();
      await fake.commands.executeCommand('knetlab.showTopology', labUri());
      await fake.commands.executeCommand('knetlab.openLab', labUri());
      fake.settings.set('knetlab.language', 'ko');
      fake.events.changeConfiguration.fire({ affectsConfiguration: (s) => s === 'knetlab' || s.startsWith('knetlab.') });
      for (const p of fake.webviewPanels) assert.deepEqual(posted(p, 'lang'), [{ type: 'lang', lang: 'ko' }]);
      // A page that reloads draws in the new language.
      const lab = panelOf(VIEW_TYPES.lab);
      lab.webview.send({ type: 'ready' });
      lab.webview.send({ type: 'ready' });
      const m = await until(() => posted(lab, 'lab')[0], 'the lab view again');
      assert.ok(m.type === 'lab' && m.lang === 'ko');
    });
  });
});

describe('panel views (pure)', () => {
  const read = (name: string) => {
    const files = new Map<string, string>();
    const walk = (dir: string, rel: string) => {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        if (e.isDirectory()) walk(join(dir, e.name), rel ? `${rel}/${e.name}` : e.name);
        else files.set(rel ? `${rel}/${e.name}` : e.name, readFileSync(join(dir, e.name), 'utf8'));
      }
    };
    walk(join(repo, 'labs', name), '');
    return files;
  };

  for (const name of LABS) {
    it(`builds the topology, a trace and the lab view of labs/${name}`, () => {
      const files = read(name);
      const built = buildLab(files, `labs/${name}/lab.yaml`);
      assert.deepEqual(built.errors, []);
      assert.ok(built.topology && built.topology.nodes.length > 0);
      const from = built.topology.nodes.find((n) => n.kind === 'host')!.name;
      const t = traceOn(built, { from, to: '127.0.0.1', proto: 'icmp' });
      assert.ok('view' in t, JSON.stringify(t));
      assert.equal(t.view.title, `${from} -> 127.0.0.1 icmp`);
      assert.deepEqual(traceArgsOfState({ type: 'trace', lang: 'en', labDir: 'x', model: t.topology, view: t.view }), { from, to: '127.0.0.1', proto: 'icmp' });
      const view = labViewOf(built, files, name, undefined);
      assert.ok(view.exercises.length > 0);
      assert.deepEqual(view.errors, []);
    });
  }

  it('traces that cannot run, and labs that do not load, say why', () => {
    const built = buildLab(new Map([['lab.yaml', 'hosts: [']]), 'x/lab.yaml');
    assert.ok(built.errors.length > 0 && !built.topology);
    assert.ok('error' in traceOn(built, { from: 'a', to: '10.0.0.1', proto: 'icmp' }));
    assert.ok(labViewOf(built, new Map(), 'x', undefined).errors.length > 0);
    const none = buildLab(new Map(), 'y/lab.yaml');
    assert.equal(none.errors[0]!.code, 'file-not-found');
    const good = buildLab(read('02-gateway'), 'lab.yaml');
    const t = traceOn(good, { from: 'nobody', to: '10.0.0.1', proto: 'icmp' });
    assert.ok('error' in t && /nobody/.test(t.error.en) && /nobody/.test(t.error.ko));
    assert.equal(traceTitle({ from: 'a/red', to: '10.0.0.1', proto: 'udp', port: 53 }), 'a/red -> 10.0.0.1 udp/53');
    assert.equal(traceArgsOfState({ type: 'lang', lang: 'en' }), undefined);
    assert.equal(traceArgsOfState({ type: 'trace', view: { trace: { request: { steps: [{ host: 1 }] } } } } as never), undefined);
  });

  it('exports: base64 decoding, PNG and SVG checks, file names', () => {
    for (const s of ['', 'f', 'fo', 'foo', 'foob', 'fooba', 'foobar', '\u0000\u00ff\u0080']) {
      const b64 = Buffer.from(s, 'latin1').toString('base64');
      assert.deepEqual([...decodeBase64(b64)!], [...Buffer.from(s, 'latin1')], s);
      assert.deepEqual([...decodeBase64(b64.replace(/=+$/, ''))!], [...Buffer.from(s, 'latin1')], s);
    }
    assert.equal(decodeBase64('ab$c'), undefined);
    assert.equal(decodeBase64('abcde'), undefined);
    assert.ok(exportBytes('svg', '<svg xmlns="http://www.w3.org/2000/svg"></svg>'));
    assert.equal(exportBytes('svg', '<svg><script>x</script>'), undefined, 'not a whole SVG document');
    assert.equal(exportBytes('png', 'data:image/png;base64,' + Buffer.from('GIF89a..').toString('base64')), undefined);
    assert.equal(exportBytes('png', 'data:text/html;base64,AAAA'), undefined);
    assert.equal(exportName('../../etc/passwd', 'svg'), 'passwd.svg');
    assert.equal(exportName('02-gateway topology.svg', 'svg'), '02-gateway topology.svg');
    assert.equal(exportName('랩 토폴로지', 'png'), '랩 토폴로지.png');
    assert.equal(exportName('', 'png'), 'topology.png');
    assert.equal(exportName('...', 'png'), 'topology.png');
  });
});

describe('panels: manifest and sources', () => {
  const bundleKo = JSON.parse(readFileSync(join(repo, 'l10n/bundle.l10n.ko.json'), 'utf8'));
  const dir = join(repo, 'src/extension/panels');
  const sources = readdirSync(dir).filter((f) => f.endsWith('.ts')).map((f) => [f, readFileSync(join(dir, f), 'utf8')] as const);

  it('every vscode.l10n.t string of src/extension/panels has a Korean translation', () => {
    const strings = new Set(sources.flatMap(([, s]) => [...s.matchAll(/l10n\.t\(\s*'((?:[^'\\]|\\.)*)'/g)].map((m) => m[1]!.replace(/\\'/g, "'"))));
    assert.ok(strings.size >= 5);
    for (const s of strings) assert.ok(s in bundleKo, `l10n/bundle.l10n.ko.json lacks "${s}"`);
  });

  it('the panel sources use no Node built-in, and the pure ones no vscode', () => {
    for (const [f, text] of sources) {
      assert.doesNotMatch(text, /from ['"](node:|fs['"]|path['"]|child_process|crypto['"])/, f);
      if (['views.ts', 'exports.ts', 'html.ts'].includes(f)) assert.doesNotMatch(text, /from ['"]vscode['"]/, f);
    }
  });

  it('contributes knetlab.openLab with its menus, and the panels\' commands on lab.yaml and the Labs view', () => {
    const cmd = pkg.contributes.commands.find((c: { command: string }) => c.command === 'knetlab.openLab');
    assert.equal(cmd?.title, '%command.openLab%');
    const nls = JSON.parse(readFileSync(join(repo, 'package.nls.json'), 'utf8'));
    const nlsKo = JSON.parse(readFileSync(join(repo, 'package.nls.ko.json'), 'utf8'));
    assert.equal(nls['command.openLab'], 'Open Lab Panel');
    assert.match(nlsKo['command.openLab'], /[가-힣]/);
    const menus = pkg.contributes.menus as Record<string, { command: string; when: string }[]>;
    for (const c of ['knetlab.openLab', 'knetlab.showTopology', 'knetlab.runTrace']) {
      assert.ok(menus['editor/title']!.some((m) => m.command === c && m.when.includes('lab.yaml')), `editor/title ${c}`);
      assert.ok(menus['view/item/context']!.some((m) => m.command === c && m.when.includes('viewItem == knetlab.lab')), `view/item/context ${c}`);
    }
  });
});
