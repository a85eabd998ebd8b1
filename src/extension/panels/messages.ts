/**
 * The panels' messages to the extension (src/protocol/panels.ts `PanelMessage`), each handled:
 * an exhaustive switch, so that a message added to the protocol and not handled here is a type
 * error.
 */
import * as vscode from 'vscode';
import { pick } from '../../core';
import type { HostMessage, PanelKind, PanelMessage } from '../../protocol/panels';
import type { Ctx } from '../ctx';
import { exists, LAB_FILE, readText, writeText } from '../labfs';
import { gradeDir, shownPath } from '../labs';
import { scoreText } from '../report';
import { runTrace, type TraceShower } from '../trace';
import { exportBytes, exportName } from './exports';
import type { Entry } from './lifecycle';
import type { LabLoader } from './load';
import type { FailureStore } from './persistence';

/** What handling the panels' messages needs. */
export interface MessageHost {
  readonly ctx: Ctx;
  readonly loader: LabLoader;
  readonly failures: FailureStore;
  /** Where a trace asked for by a panel is shown: the trace panel. */
  readonly traces: TraceShower;
  post(entry: Entry, m: HostMessage): void;
  /** Redraws the open panels of a lab folder. */
  refresh(dir: vscode.Uri): Promise<void>;
  open(kind: Exclude<PanelKind, 'trace'>, dir: vscode.Uri): Promise<boolean>;
}

export async function handleMessage(host: MessageHost, entry: Entry, m: PanelMessage): Promise<void> {
  switch (m.type) {
    case 'ready':
      // A page shown again after being hidden reloads with its first data: send what it shows now.
      entry.ready++;
      if ((entry.ready > 1 || entry.current !== entry.bootstrap) && entry.current) host.post(entry, entry.current);
      return;
    case 'reveal':
      return reveal(entry, m.source);
    case 'runTrace':
      return busyWhile(host, entry, async () => {
        await runTrace(host.ctx, { uri: entry.dir, ...m.args }, { panels: host.traces, quiet: true });
      });
    case 'grade':
      return busyWhile(host, entry, () => grade(host, entry.dir, m.exercise));
    case 'answer':
      return answer(host, entry.dir, m.quiz, m.value);
    case 'export':
      return exportDrawing(entry.dir, m.format, m.name, m.data);
    case 'showTopology':
      await host.open('topology', entry.dir);
      return;
    default: {
      const never: never = m;
      return never;
    }
  }
}

/** Background work of the panels that failed: the stack in the output channel, the message to the user. */
export function reportFailure(ctx: Ctx, what: string, e: unknown): void {
  ctx.output.appendLine(`panel ${what}: ${String((e as Error)?.stack ?? e)}`);
  void vscode.window.showErrorMessage(vscode.l10n.t('knetlab: {0} failed: {1}', what, String((e as Error)?.message ?? e)));
}

async function busyWhile(host: MessageHost, entry: Entry, work: () => Promise<void>): Promise<void> {
  host.post(entry, { type: 'busy', busy: true });
  try {
    await work();
  } finally {
    host.post(entry, { type: 'busy', busy: false });
  }
}

/** Opens the lab file at the place a panel names (a node, a step, a check). */
async function reveal(
  entry: Entry,
  source: { file: string; line: number; column: number; endLine?: number; endColumn?: number },
): Promise<void> {
  const uri = await locate(entry.dir, source.file);
  if (!uri) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Cannot find {0} in the workspace.', source.file));
    return;
  }
  const line = Math.max(0, Math.floor(source.line) - 1);
  const col = Math.max(0, Math.floor(source.column) - 1);
  const endLine = typeof source.endLine === 'number' ? Math.max(line, Math.floor(source.endLine) - 1) : line;
  const endCol = typeof source.endColumn === 'number' && endLine >= line ? Math.max(0, Math.floor(source.endColumn) - 1) : col;
  const selection = new vscode.Range(line, col, endLine, endLine === line ? Math.max(col, endCol) : endCol);
  const open = vscode.window.visibleTextEditors.find((ed) => ed.document.uri.toString() === uri.toString());
  const viewColumn = open?.viewColumn ?? (entry.panel.viewColumn === vscode.ViewColumn.One ? vscode.ViewColumn.Two : vscode.ViewColumn.One);
  await vscode.window.showTextDocument(uri, { selection, viewColumn, preview: false });
}

/**
 * The file a source names: the lab's sources name files by their workspace-relative path (as the
 * diagnostics and the grade do), or by an absolute path outside the workspace, or relative to
 * the lab folder.
 */
export async function locate(dir: vscode.Uri, file: string): Promise<vscode.Uri | undefined> {
  const candidates: vscode.Uri[] = [];
  if (file === vscode.workspace.asRelativePath(vscode.Uri.joinPath(dir, LAB_FILE), false))
    candidates.push(vscode.Uri.joinPath(dir, LAB_FILE));
  const rel = file.replace(/\\/g, '/');
  if (/^(\/|[A-Za-z]:\/)/.test(rel)) {
    candidates.push(dir.with({ path: rel.startsWith('/') ? rel : `/${rel}` }));
  } else if (!rel.split('/').includes('..')) {
    for (const f of vscode.workspace.workspaceFolders ?? []) candidates.push(vscode.Uri.joinPath(f.uri, rel));
    candidates.push(vscode.Uri.joinPath(dir, rel));
  }
  for (const c of candidates) if (await exists(c)) return c;
  return undefined;
}

/** Grades the lab (as knetlab.gradeLab does: the Labs view, the status bar follow), then redraws. */
async function grade(host: MessageHost, dir: vscode.Uri, exercise?: string): Promise<void> {
  const graded = await gradeDir(host.ctx, dir);
  await host.failures.graded(dir, graded.grade, exercise);
  void vscode.window.setStatusBarMessage(vscode.l10n.t('knetlab: {0} scored {1}', shownPath(dir), scoreText(graded.grade)), 5000);
  await host.refresh(dir);
}

/** Saves a quiz answer in the lab's answers.yaml (keeping the rest of the file), then redraws. */
async function answer(host: MessageHost, dir: vscode.Uri, quiz: string, value: string): Promise<void> {
  const views = await host.loader.loadViews();
  const uri = vscode.Uri.joinPath(dir, 'answers.yaml');
  const edit = views.editAnswers(await readText(uri), quiz, value);
  if (edit.error) {
    void vscode.window.showErrorMessage(pick(edit.error, host.ctx.lang));
    return;
  }
  await writeText(uri, edit.text);
  await host.refresh(dir);
}

/** Saves an export of a drawing where the user picks (SVG text, or PNG bytes from a data URL). */
async function exportDrawing(dir: vscode.Uri, format: 'svg' | 'png', name: string, data: string): Promise<void> {
  const bytes = exportBytes(format, data);
  if (!bytes) {
    void vscode.window.showErrorMessage(vscode.l10n.t('knetlab: the panel sent no valid {0} image.', format.toUpperCase()));
    return;
  }
  const target = await vscode.window.showSaveDialog({
    defaultUri: vscode.Uri.joinPath(dir, exportName(name, format)),
    filters: { [format.toUpperCase()]: [format] },
    saveLabel: vscode.l10n.t('Export'),
  });
  if (!target) return;
  await vscode.workspace.fs.writeFile(target, bytes);
  void vscode.window.setStatusBarMessage(vscode.l10n.t('knetlab: saved {0}', vscode.workspace.asRelativePath(target, false)), 5000);
}
