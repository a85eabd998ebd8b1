/**
 * What the panels draw from: a lab folder's files as the editor has them (unsaved text included),
 * built by the view module (views.ts), which is loaded on first use so that activation does not
 * pay for the simulator.
 */
import * as vscode from 'vscode';
import { LAB_FILE, readTree, relativeTo, STATE_DIR } from '../labfs';

export type Views = typeof import('./views');

/** A lab folder, loaded: its files, and the lab built from them (or why it does not load). */
export interface LoadedLab {
  readonly views: Views;
  readonly files: ReadonlyMap<string, string>;
  readonly built: ReturnType<Views['buildLab']>;
}

export class LabLoader {
  private views: Promise<Views> | undefined;

  loadViews(): Promise<Views> {
    this.views ??= import('./views');
    return this.views;
  }

  /**
   * The lab's files as the editor has them: on disk, with the unsaved text of open documents.
   * Files that lead outside the folder go into `outside` (and an open one's text is not taken).
   */
  async files(dir: vscode.Uri, outside = new Set<string>()): Promise<Map<string, string>> {
    const files = await readTree(dir, undefined, outside);
    const leadsOut = (rel: string) => [...outside].some((o) => rel === o || rel.startsWith(`${o}/`));
    for (const doc of vscode.workspace.textDocuments) {
      const rel = relativeTo(dir, doc.uri);
      if (rel !== undefined && doc.isDirty && rel.split('/')[0] !== STATE_DIR && !leadsOut(rel)) files.set(rel, doc.getText());
    }
    return files;
  }

  async load(dir: vscode.Uri): Promise<LoadedLab> {
    const outside = new Set<string>();
    const [views, files] = await Promise.all([this.loadViews(), this.files(dir, outside)]);
    const file = vscode.workspace.asRelativePath(vscode.Uri.joinPath(dir, LAB_FILE), false);
    return { views, files, built: views.buildLab(files, file, outside) };
  }
}
