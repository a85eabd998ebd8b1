/** Which lab a command works on: its argument, the active editor's lab, or one the user picks. */
import * as vscode from 'vscode';
import { pick } from '../core/text/i18n';
import type { Ctx } from './ctx';
import { discover, labLabel, shownPath } from './labs';
import { labDirFor, LAB_FILE, readTree } from './labfs';

/** What commands accept as "a lab": a Uri (file or folder), `{ uri }`, or a Labs view node. */
export function uriOf(arg: unknown): vscode.Uri | undefined {
  if (arg instanceof vscode.Uri) return arg;
  if (arg && typeof arg === 'object') {
    const o = arg as { uri?: unknown; lab?: { dir?: unknown }; dir?: unknown; course?: { file?: unknown } };
    if (o.uri instanceof vscode.Uri) return o.uri;
    if (typeof o.uri === 'string') return vscode.Uri.parse(o.uri);
    if (o.lab?.dir instanceof vscode.Uri) return o.lab.dir;
    if (o.dir instanceof vscode.Uri) return o.dir;
  }
  return undefined;
}

export async function resolveLabDir(ctx: Ctx, arg: unknown, placeHolder: string): Promise<vscode.Uri | undefined> {
  const given = uriOf(arg) ?? vscode.window.activeTextEditor?.document.uri;
  if (given) {
    const dir = await labDirFor(given);
    if (dir) return dir;
  }
  const ws = await discover(ctx);
  const labs = [...ws.courses.flatMap((c) => c.labs), ...ws.labs];
  if (!labs.length) {
    void vscode.window.showWarningMessage(vscode.l10n.t('No lab.yaml in this workspace.'));
    return undefined;
  }
  if (labs.length === 1) return labs[0]!.dir;
  const chosen = await vscode.window.showQuickPick(
    labs.map((l) => ({ label: labLabel(l, (t) => pick(t, ctx.lang)), description: shownPath(l.dir), dir: l.dir })),
    { placeHolder },
  );
  return chosen?.dir;
}

/** The lab's world, or undefined after telling the user why there is none. */
export async function worldOf(ctx: Ctx, dir: vscode.Uri) {
  const outside = new Set<string>();
  const [engine, files] = await Promise.all([ctx.loadEngine(), readTree(dir, undefined, outside)]);
  const loaded = engine.loadWorld(files, vscode.workspace.asRelativePath(vscode.Uri.joinPath(dir, LAB_FILE), false), undefined, outside);
  if (!loaded.lab || !loaded.world || loaded.errors.length) {
    const first = loaded.errors[0];
    const why = first ? `${first.file}:${first.line}: ${pick(first.message, ctx.lang)}` : vscode.l10n.t('lab.yaml could not be read.');
    void vscode.window.showErrorMessage(vscode.l10n.t('The lab has errors; fix them first. {0}', why));
    return undefined;
  }
  return { engine, lab: loaded.lab, world: loaded.world };
}
