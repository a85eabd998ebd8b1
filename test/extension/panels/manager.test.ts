/**
 * The webview panels' extension side against a fake `vscode`: panels created with the right
 * options and page (CSP, nonce, escaped bootstrap data), one per kind and lab. The panels' messages,
 * restoring them after a reload, live updates, and the pure views are in the other
 * extension-panels-*.test.ts files.
 */
import * as fake from '../../support/vscode-fake';
import { strict as assert } from 'node:assert';
import { addLab, api, bootstrapOf, LAB, labUri, panelOf, shown, start, withFakeExtension } from '../../support/panels';
import { VIEW_TYPES } from '../../../src/protocol/panels';

describe('panels (fake vscode): opening', () => {
  withFakeExtension();

  it('showTopology opens one topology panel per lab: scripts on, nothing retained, only dist/webview as a resource root', async () => {
    addLab('02-gateway');
    start();
    const text = (await fake.commands.executeCommand('knetlab.showTopology', labUri())) as string;
    assert.match(text, /lan1: a:eth0, r:eth0/, 'the text is still the result');
    assert.ok(
      !fake.outputs.some((o) => o.name === 'knetlab' && /lan1: a:eth0/.test(o.text)),
      'the text goes to the output only when the panel cannot open',
    );
    const p = panelOf(VIEW_TYPES.topology);
    assert.equal(p.title, 'Topology: 02-gateway');
    const opts = p.options as { enableScripts: boolean; retainContextWhenHidden: boolean; localResourceRoots: fake.Uri[] };
    assert.equal(opts.enableScripts, true);
    assert.equal(opts.retainContextWhenHidden, false);
    assert.deepEqual(
      opts.localResourceRoots.map((u) => u.toString()),
      ['file:///ext/dist/webview'],
    );
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
    fake.files.set(
      `${LAB}/lab.yaml`,
      fake.files.get(`${LAB}/lab.yaml`)!.replace(/^name: .*$/m, 'name: "x</script><script>alert(1)</script>"'),
    );
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
    assert.ok(
      scripts.some((a) => a.includes(`nonce="${nonce}"`) && a.includes('src="https://fake.vscode-cdn.test/ext/dist/webview/topology.js"')),
    );
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
    await api().panels.refresh(labUri() as never);
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
    const text = (await fake.commands.executeCommand('knetlab.runTrace', {
      uri: fake.Uri.file(`${LAB}/lab.yaml`),
      from: 'a',
      to: '192.168.2.10',
      proto: 'icmp',
    })) as string;
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
    assert.deepEqual(
      m.view.exercises.map((e) => e.id),
      ['r-on-lan3', 'c-default-gateway', 'a-reaches-c', 'b-reaches-c', 'return-route', 'fix-d'],
    );
    assert.ok(m.view.exercises.every((e) => e.state === 'untried'));
    assert.equal(m.view.score, undefined);
  });
});
