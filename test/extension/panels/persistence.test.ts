/**
 * Panels restored after a reload against a fake `vscode`: a serializer per view type, each kind
 * redrawn from the lab as it is then, the hints revealed before the reload kept.
 */
import * as fake from '../../support/vscode-fake';
import { strict as assert } from 'node:assert';
import {
  addLab,
  api,
  bootstrapOf,
  labUri,
  memento,
  panelOf,
  pkg,
  posted,
  shown,
  start,
  until,
  withFakeExtension,
} from '../../support/panels';
import type { PanelState } from '../../../src/protocol/panels';
import { VIEW_TYPES } from '../../../src/protocol/panels';

describe('panels (fake vscode): restoring panels after a reload (serializer)', () => {
  withFakeExtension();

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
      assert.deepEqual((panel.webview.options as { localResourceRoots: fake.Uri[] }).localResourceRoots.map(String), [
        'file:///ext/dist/webview',
      ]);
      assert.equal(api().panels.info(kind, labUri() as never)?.shows, kind);
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
    api().ctx.dispose();
    fake.reset();
    addLab('02-gateway');
    start();
    const panel = new fake.FakeWebviewPanel(VIEW_TYPES.trace, 'old', 1, {});
    await fake.serializers
      .get(VIEW_TYPES.trace)!
      .deserializeWebviewPanel(panel, { kind: 'trace', labDir: 'file:///ws/labs/02-gateway', last });
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
    api().ctx.dispose();
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
    api().ctx.dispose();
    const bad = memento();
    bad.data.set('knetlab.panels.failedAttempts', {
      'file:///ws/labs/02-gateway': { 'r-on-lan3': 'x', 'c-default-gateway': -1 },
      other: 5,
    });
    start(true, bad);
    await fake.commands.executeCommand('knetlab.gradeLab', labUri());
    await fake.commands.executeCommand('knetlab.openLab', labUri());
    const m = shown(fake.webviewPanels.at(-1)!);
    assert.ok(m.type === 'lab' && m.view.exercises[0]!.hints.length === 1);
  });

  it('closes a restored panel whose lab is gone or whose state is not ours', async () => {
    addLab('02-gateway');
    start();
    for (const state of [
      undefined,
      null,
      'x',
      { kind: 'lab' },
      { kind: 'lab', labDir: 'file:///ws/labs/nothing-here' },
      { kind: 'lab', labDir: 42 },
    ]) {
      const panel = new fake.FakeWebviewPanel(VIEW_TYPES.lab, 'old', 1, {});
      await fake.serializers.get(VIEW_TYPES.lab)!.deserializeWebviewPanel(panel, state);
      assert.ok(panel.disposed, JSON.stringify(state));
    }
  });
});
