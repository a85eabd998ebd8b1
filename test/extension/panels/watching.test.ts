/**
 * Panels kept up to date against a fake `vscode`: edits (unsaved, debounced), changes on disk,
 * a trace traced again, the display language.
 */
import * as fake from '../../support/vscode-fake';
import { strict as assert } from 'node:assert';
import { addLab, LAB, labUri, panelOf, posted, shown, start, until, withFakeExtension } from '../../support/panels';
import { VIEW_TYPES } from '../../../src/protocol/panels';
import { EDIT_DEBOUNCE_MS } from '../../../src/extension/panels/manager';

describe('panels (fake vscode): live updates', () => {
  withFakeExtension();

  it('an edit of lab.yaml (unsaved, debounced) redraws the topology; a lab that no longer loads sends an error', async () => {
    addLab('02-gateway');
    start();
    await fake.commands.executeCommand('knetlab.showTopology', labUri());
    await fake.commands.executeCommand('knetlab.openLab', labUri());
    const topo = panelOf(VIEW_TYPES.topology);
    const lab = panelOf(VIEW_TYPES.lab);
    const original = fake.files.get(`${LAB}/lab.yaml`)!;
    // A new host, typed in the editor and not saved.
    let text = original.replace(
      /^hosts:\n/m,
      'hosts:\n  extra:\n    interfaces: { eth0: lan1 }\n    run: |\n      ip addr add 192.168.1.20/24 dev eth0\n',
    );
    const doc: fake.FakeTextDocument = { uri: fake.Uri.file(`${LAB}/lab.yaml`), isDirty: true, getText: () => text };
    fake.workspace.textDocuments.push(doc);
    const t0 = Date.now();
    for (let i = 0; i < 5; i++) fake.events.changeTextDocument.fire({ document: doc, contentChanges: [{}] });
    const redrawn = await until(() => posted(topo, 'topology')[0], 'the redrawn topology');
    assert.ok(Date.now() - t0 >= EDIT_DEBOUNCE_MS - 5, 'debounced');
    assert.equal(posted(topo, 'topology').length, 1, 'five keystrokes, one redraw');
    assert.ok(redrawn.type === 'topology' && redrawn.model.nodes.some((n) => n.id === 'h:extra'));
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

  it("a file changed on disk (the watcher) redraws; another lab's file does not", async () => {
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
    fake.files.set(
      `${LAB}/lab.yaml`,
      fake.files.get(`${LAB}/lab.yaml`)!.replace('ip addr add 192.168.1.10/24 dev eth0', 'ip addr add 192.168.1.11/24 dev eth0'),
    );
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
