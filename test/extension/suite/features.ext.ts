/**
 * The editor features on a bundled lab. Each test names the command it needs and is skipped (with
 * that reason) while the manifest does not contribute it yet.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, bundledLab, poll, readText, scratchFolder, writeFile } from './util';

function contributes(command: string): boolean {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  const cmds: { command: string }[] = ext?.packageJSON.contributes?.commands ?? [];
  return cmds.some((c) => c.command === command);
}

async function labCopy(name: string): Promise<vscode.Uri> {
  const uri = vscode.Uri.joinPath(scratchFolder(), name, 'lab.yaml');
  await writeFile(uri, await readText(bundledLab(name)));
  return uri;
}

describe('editor features', () => {
  let lab: vscode.Uri;
  before(async () => {
    lab = await labCopy('02-gateway');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(lab));
  });

  for (const [command, label] of [
    ['knetlab.runTrace', 'Run trace'],
    ['knetlab.gradeLab', 'Grade'],
  ] as const) {
    it(`shows a "${label}" CodeLens that runs ${command}`, async function () {
      if (!contributes(command)) this.skip();
      const lenses = await poll(
        async () => {
          const ls = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', lab, 100);
          const mine = (ls ?? []).filter((l) => l.command?.command === command && new RegExp(label, 'i').test(l.command.title));
          return mine.length > 0 ? mine : undefined;
        },
        15_000,
        `a CodeLens for ${command}`,
      );
      // A lens whose trace names its protocol (an ICMP reach check's lens has no proto, and
      // knetlab.runTrace then asks for one: the UI test answers that question).
      const lens = lenses.find((l) => (l.command!.arguments?.[0] as { proto?: string } | undefined)?.proto) ?? lenses[0]!;
      assert.match(lens.command!.title, new RegExp(label, 'i'));
      // Everything the command needs is in the lens: it runs without asking anything.
      const result = await vscode.commands.executeCommand<unknown>(lens.command!.command, ...(lens.command!.arguments ?? []));
      if (command === 'knetlab.runTrace') assert.match(String(result), /->/, 'the trace text');
    });
  }

  it('answers a hover on a run line', async function () {
    if (!contributes('knetlab.runTrace')) this.skip(); // the language features land together
    const doc = await vscode.workspace.openTextDocument(lab);
    const line = doc
      .getText()
      .split('\n')
      .findIndex((l) => l.includes('ip route add 192.168.2.0/24'));
    const pos = new vscode.Position(line, doc.lineAt(line).text.indexOf('route') + 1);
    const hovers = await poll(
      async () => {
        const hs = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', lab, pos);
        return hs && hs.length > 0 ? hs : undefined;
      },
      15_000,
      'a hover',
    );
    assert.ok(hovers.length > 0);
  });
});
