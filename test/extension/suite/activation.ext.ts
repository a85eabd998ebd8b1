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
    assert.deepEqual(contributed.map((c) => c.command).filter((c) => !registered.has(c)), [], 'contributed but not registered');
  });
});
