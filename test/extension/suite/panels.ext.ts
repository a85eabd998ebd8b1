/**
 * The webview panels in the real extension host: each opens on a copy of labs/02-gateway as a
 * webview tab, and its page loads and says `ready` (so its script ran under the panel's CSP, with
 * its nonce, from dist/webview); knetlab.runTrace shows its trace in the trace panel.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { Api } from '../../../src/extension/extension';
import { type PanelKind, VIEW_TYPES } from '../../../src/protocol/panels';
import { EXTENSION_ID, bundledLab, poll, readText, report, scratchFolder, writeFile } from './util';

function webviewTabs(kind: PanelKind): vscode.Tab[] {
  return vscode.window.tabGroups.all
    .flatMap((g) => g.tabs)
    .filter((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith(VIEW_TYPES[kind]));
}

async function hasBundle(kind: PanelKind): Promise<boolean> {
  const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
  try {
    await vscode.workspace.fs.stat(vscode.Uri.joinPath(ext.extensionUri, 'dist', 'webview', `${kind}.js`));
    return true;
  } catch {
    return false;
  }
}

describe('webview panels', () => {
  let api: Api;
  let dir: vscode.Uri;

  before(async () => {
    const ext = vscode.extensions.getExtension<Api>(EXTENSION_ID);
    assert.ok(ext);
    api = ext.isActive ? ext.exports : await ext.activate();
    dir = vscode.Uri.joinPath(scratchFolder(), 'panels-02-gateway');
    await writeFile(vscode.Uri.joinPath(dir, 'lab.yaml'), await readText(bundledLab('02-gateway')));
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  after(async () => {
    const tabs = (['topology', 'trace', 'lab'] as const).flatMap(webviewTabs);
    if (tabs.length) await vscode.window.tabGroups.close(tabs);
  });

  /** Waits until the workbench shows the panel as one tab (the extension host learns of it a moment later). */
  async function tab(kind: PanelKind): Promise<void> {
    await poll(() => (webviewTabs(kind).length === 1 ? true : undefined), 10_000, `one ${VIEW_TYPES[kind]} webview tab`);
  }

  /** Waits until the panel's page has loaded and said `ready`; returns what it shows. */
  async function loaded(kind: PanelKind): Promise<NonNullable<ReturnType<Api['panels']['info']>>> {
    return poll(
      () => {
        const info = api.panels.info(kind, dir);
        return info?.ready ? info : undefined;
      },
      30_000,
      `the ${kind} panel's page to load`,
    );
  }

  for (const [kind, command] of [
    ['topology', 'knetlab.showTopology'],
    ['lab', 'knetlab.openLab'],
  ] as const) {
    it(`${command} opens the ${kind} panel, whose page loads`, async function () {
      if (!(await hasBundle(kind))) {
        console.log(`      skipped: dist/webview/${kind}.js is not in this build`);
        this.skip();
      }
      const t0 = performance.now();
      await vscode.commands.executeCommand(command, dir);
      assert.ok(api.panels.info(kind, dir), `the ${kind} panel is open`);
      await tab(kind);
      const info = await loaded(kind);
      report(`${kind}-panel-ready`, performance.now() - t0, 'ms');
      assert.equal(info.shows, kind);
      assert.equal(
        info.title,
        kind === 'topology' ? vscode.l10n.t('Topology: {0}', 'panels-02-gateway') : vscode.l10n.t('Lab: {0}', 'panels-02-gateway'),
      );
      // Opening it again reveals the same panel.
      await vscode.commands.executeCommand(command, dir);
      await tab(kind);
    });
  }

  it('knetlab.runTrace shows the trace in the trace panel', async function () {
    if (!(await hasBundle('trace'))) {
      console.log('      skipped: dist/webview/trace.js is not in this build');
      this.skip();
    }
    const text = await vscode.commands.executeCommand<string>('knetlab.runTrace', {
      uri: dir,
      from: 'a',
      to: '192.168.2.10',
      proto: 'icmp',
    });
    assert.match(String(text), /^a -> 192\.168\.2\.10 ping: REPLIED/);
    await tab('trace');
    const info = await loaded('trace');
    assert.equal(info.shows, 'trace');
    const m = info.message;
    assert.ok(m?.type === 'trace');
    assert.equal(m.view.title, 'a -> 192.168.2.10 icmp');
    assert.equal(m.view.trace.verdict, 'replied');
  });
});
