/**
 * The command table: every command of the extension, with its typed id, in one place. package.json
 * declares the same ids (a unit test keeps them equal).
 */
import * as vscode from 'vscode';
import type { Ctx } from './ctx';
import { execOnHost } from './exec';
import { findInWorkspace, COURSE_FILE } from './labfs';
import { gradeDir, resetDir, shownPath, starterDir } from './labs';
import type { LabsProvider } from './labsView';
import { newLab } from './newLab';
import type { PanelManager } from './panels/manager';
import { resolveLabDir, uriOf, worldOf } from './pickers';
import { gradeText, scoreText, topologyText } from './report';
import { runTrace } from './trace';

export const COMMANDS = {
  runTrace: 'knetlab.runTrace',
  showTopology: 'knetlab.showTopology',
  gradeLab: 'knetlab.gradeLab',
  resetLab: 'knetlab.resetLab',
  exec: 'knetlab.exec',
  newLab: 'knetlab.newLab',
  openCourse: 'knetlab.openCourse',
  refreshLabs: 'knetlab.refreshLabs',
  openLab: 'knetlab.openLab',
} as const;

export type CommandId = (typeof COMMANDS)[keyof typeof COMMANDS];

/** What the commands work with besides the context. */
export interface Services {
  readonly ctx: Ctx;
  readonly labsView: LabsProvider;
  /** The webview panels (topology, trace, lab). */
  readonly panels: PanelManager;
}

type Handler = (s: Services, ...args: unknown[]) => unknown;

async function gradeLab(s: Services, arg?: unknown): Promise<string | undefined> {
  const { ctx } = s;
  const dir = await resolveLabDir(ctx, arg, vscode.l10n.t('Grade which lab?'));
  if (!dir) return undefined;
  const graded = await gradeDir(ctx, dir);
  const text = gradeText(graded.grade, ctx.lang);
  ctx.output.appendLine(text);
  ctx.output.show(true);
  void vscode.window.setStatusBarMessage(vscode.l10n.t('knetlab: {0} scored {1}', shownPath(dir), scoreText(graded.grade)), 5000);
  return text;
}

/**
 * Opens the topology panel. Its text (the switches, `ip -br addr` and `ip route` of every host) is
 * the result, and goes to the output channel only when the panel cannot open.
 */
async function showTopology(s: Services, arg?: unknown): Promise<string | undefined> {
  const { ctx } = s;
  const dir = await resolveLabDir(ctx, arg, vscode.l10n.t('Which lab?'));
  if (!dir) return undefined;
  let opened = false;
  try {
    opened = await s.panels.open('topology', dir);
  } catch (e) {
    ctx.output.appendLine(`topology panel: ${String((e as Error)?.stack ?? e)}`);
  }
  if (opened) {
    const w = await s.panels.world(dir);
    return w ? topologyText(w.lab.name, (await ctx.loadEngine()).topology(w.lab, w.world)) : undefined;
  }
  const w = await worldOf(ctx, dir);
  if (!w) return undefined;
  const text = topologyText(w.lab.name, w.engine.topology(w.lab, w.world));
  ctx.output.appendLine(text);
  ctx.output.show(true);
  return text;
}

/** Opens the lab panel: the exercises beside the diagram. True when it opened. */
async function openLab(s: Services, arg?: unknown): Promise<boolean> {
  const dir = await resolveLabDir(s.ctx, arg, vscode.l10n.t('Which lab?'));
  if (!dir) return false;
  const opened = await s.panels.open('lab', dir);
  if (!opened)
    void vscode.window.showErrorMessage(vscode.l10n.t('knetlab: the lab panel cannot open (dist/webview is missing from this build).'));
  return opened;
}

async function resetLab(s: Services, arg?: unknown, opts?: { confirmed?: boolean }): Promise<boolean> {
  const { ctx } = s;
  const dir = await resolveLabDir(ctx, arg, vscode.l10n.t('Reset which lab?'));
  if (!dir) return false;
  if (!opts?.confirmed) {
    const yes = vscode.l10n.t('Reset');
    const answer = await vscode.window.showWarningMessage(
      vscode.l10n.t('Reset {0} to its starter? Your files are copied to {1} first.', shownPath(dir), '.knetlab/backup-…'),
      { modal: true },
      yes,
    );
    if (answer !== yes) return false;
  }
  const res = await resetDir(dir);
  if (!res) {
    void vscode.window.showErrorMessage(
      vscode.l10n.t('No starter copy of this lab ({0}): it is written when the lab is first opened or graded.', shownPath(starterDir(dir))),
    );
    return false;
  }
  ctx.output.appendLine(
    vscode.l10n.t(
      'Reset {0}: {1} files restored, {2} removed; your files are in {3}.',
      shownPath(dir),
      String(res.restored),
      String(res.removed),
      shownPath(res.backup),
    ),
  );
  await gradeDir(ctx, dir);
  return true;
}

async function openCourse(s: Services): Promise<void> {
  const [course] = await findInWorkspace(COURSE_FILE);
  if (course) await vscode.window.showTextDocument(course, { preview: false });
  await vscode.commands.executeCommand('knetlab.labs.focus');
  s.labsView.refresh();
}

export const HANDLERS: Record<CommandId, Handler> = {
  [COMMANDS.runTrace]: (s, arg) => runTrace(s.ctx, arg as Parameters<typeof runTrace>[1], { panels: s.panels }),
  [COMMANDS.showTopology]: (s, arg) => showTopology(s, arg),
  [COMMANDS.gradeLab]: (s, arg) => gradeLab(s, arg),
  [COMMANDS.resetLab]: (s, arg, opts) => resetLab(s, arg, opts as { confirmed?: boolean }),
  [COMMANDS.exec]: (s, arg) => execOnHost(s.ctx, arg as Parameters<typeof execOnHost>[1]),
  [COMMANDS.newLab]: (_s, arg) => newLab(arg),
  [COMMANDS.openCourse]: (s) => openCourse(s),
  [COMMANDS.refreshLabs]: (s) => s.labsView.refresh(),
  [COMMANDS.openLab]: (s, arg) => openLab(s, arg),
};

/** Registers every command of the table; errors are shown, not thrown into the void. */
export function registerCommands(s: Services): void {
  for (const [id, handler] of Object.entries(HANDLERS) as [CommandId, Handler][]) {
    s.ctx.push(
      vscode.commands.registerCommand(id, async (...args: unknown[]) => {
        try {
          return await handler(s, ...args);
        } catch (e) {
          s.ctx.output.appendLine(`${id}: ${String((e as Error)?.stack ?? e)}`);
          void vscode.window.showErrorMessage(vscode.l10n.t('knetlab: {0} failed: {1}', id, String((e as Error)?.message ?? e)));
          return undefined;
        }
      }),
    );
  }
}

export { uriOf };
