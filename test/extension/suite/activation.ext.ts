import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, report } from './util';

describe('activation', () => {
  it('activates (timed) and registers every command it contributes', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `${EXTENSION_ID} is not installed`);
    // The runner opens an empty scratch folder, so nothing has activated the extension yet: the
    // time of activate() is the cost of loading dist/extension.js plus its activate().
    if (ext.isActive) {
      console.log('knetlab-measure activation n/a (already active when the suite started)');
    } else {
      const t0 = performance.now();
      await ext.activate();
      report('activation', performance.now() - t0, 'ms');
    }
    assert.ok(ext.isActive);
    const contributed: { command: string }[] = ext.packageJSON.contributes?.commands ?? [];
    const registered = new Set(await vscode.commands.getCommands(true));
    assert.deepEqual(
      contributed.map((c) => c.command).filter((c) => !registered.has(c)),
      [],
      'contributed but not registered',
    );
  });

  it('runs the bundle made for its extension host (the browser build in a web worker)', () => {
    const ext = vscode.extensions.getExtension<{ build?: string }>(EXTENSION_ID)!;
    // The web runner (test/extension/web) sets this; the Node runners do not.
    const web = (globalThis as { knetlabSuiteHost?: string }).knetlabSuiteHost === 'web';
    assert.equal(ext.exports.build, web ? 'browser' : 'node');
    // A web worker has no Node: no `process.versions.node` (the workbench may shim `process`).
    const proc = (globalThis as { process?: { versions?: { node?: string } } }).process;
    assert.equal(typeof proc?.versions?.node === 'string', !web);
  });
});
