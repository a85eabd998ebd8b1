/**
 * The VS Code extension (desktop and web): activation wires the pieces and does no lab work; the
 * simulator and grader load on first use (ctx.loadEngine). Everything is owned by one Ctx.
 */
import * as vscode from 'vscode';
import { registerCommands } from './commands';
import { Ctx } from './ctx';
import { registerLanguageFeatures } from './language';
import { findInWorkspace, LAB_FILE } from './labfs';
import { saveStarterOnOpen } from './labs';
import { LABS_VIEW, LabsProvider } from './labsView';
import { PanelManager } from './panels/manager';
import { ScoreStatus } from './status';
import { LabTests } from './testing';

/** Which bundle this is: set by scripts/build.mjs (`node` for dist/extension.js, `browser` for dist/web/). */
declare const KNETLAB_BUILD: 'node' | 'browser' | undefined;

export interface Api {
  /** The bundle that runs: `browser` in a web extension host (vscode.dev, a browser's web worker). */
  readonly build: 'node' | 'browser';
  readonly ctx: Ctx;
  readonly tests: LabTests;
  readonly labsView: LabsProvider;
  readonly status: ScoreStatus;
  /** The webview panels (topology, trace, lab) and what each one shows. */
  readonly panels: PanelManager;
}

export function activate(context: vscode.ExtensionContext): Api {
  const ctx = new Ctx(context);
  context.subscriptions.push(ctx);

  const labsView = ctx.push(new LabsProvider(ctx));
  ctx.push(vscode.window.createTreeView(LABS_VIEW, { treeDataProvider: labsView, showCollapseAll: true }));
  const tests = ctx.push(new LabTests(ctx));
  const status = ctx.push(new ScoreStatus(ctx));
  // The panels, and their serializers (a panel open when VS Code closed comes back after a reload).
  const panels = ctx.push(new PanelManager(ctx));
  registerCommands({ ctx, labsView, panels });

  registerLanguageFeatures(context, ctx.languageHost);

  // `knetlab.labFolders` (for the explorer's context menu), found after activation returns.
  const labFolders = async () => {
    const labs = await findInWorkspace(LAB_FILE);
    await vscode.commands.executeCommand(
      'setContext',
      'knetlab.labFolders',
      labs.map((u) => vscode.Uri.joinPath(u, '..').fsPath),
    );
  };
  setTimeout(() => void labFolders().catch(() => undefined), 0);

  // Lab files appearing, changing or going: the Labs view and the Testing view follow.
  const watcher = ctx.push(vscode.workspace.createFileSystemWatcher(`**/{${LAB_FILE},course.yaml}`));
  const labsChanged = () => {
    labsView.refresh();
    void tests.resolveAll();
    void labFolders().catch(() => undefined);
  };
  ctx.push(watcher.onDidCreate(labsChanged));
  ctx.push(watcher.onDidDelete(labsChanged));
  ctx.push(watcher.onDidChange((uri) => void tests.labChanged(uri)));
  ctx.push(
    ctx.config.onDidChange(() => {
      labsView.refresh();
      status.update();
    }),
  );
  // The starter copy that knetlab.resetLab restores is taken when a lab is first opened.
  ctx.push(vscode.workspace.onDidOpenTextDocument((doc) => void saveStarterOnOpen(doc.uri)));
  return { build: typeof KNETLAB_BUILD === 'undefined' ? 'node' : KNETLAB_BUILD, ctx, tests, labsView, status, panels };
}

export function deactivate(): void {}
