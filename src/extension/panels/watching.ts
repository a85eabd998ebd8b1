/**
 * Keeping panels up to date: every file of a lab with open panels is watched (edits in the editor,
 * unsaved included, and changes on disk), and its panels are redrawn once the typing stops.
 */
import * as vscode from 'vscode';
import { parseUri, relativeTo, STATE_DIR } from '../labfs';

/** Typing in a lab file redraws its panels this long after the last keystroke. */
export const EDIT_DEBOUNCE_MS = 250;

/** A lab folder with open panels: its watcher, its pending redraw. */
interface LabState {
  watcher?: vscode.FileSystemWatcher;
  timer?: ReturnType<typeof setTimeout>;
  /** Bumped at every rebuild: an older rebuild that finishes later is dropped. */
  seq: number;
}

export class LabWatcher implements vscode.Disposable {
  private readonly labs = new Map<string, LabState>();
  private readonly subscriptions: vscode.Disposable[] = [];

  /**
   * `hasPanels` says whether a lab folder still has open panels; `redraw` redraws them (when a
   * scheduled redraw is due).
   */
  constructor(
    private readonly hasPanels: (dir: vscode.Uri) => boolean,
    private readonly redraw: (dir: vscode.Uri) => void,
  ) {
    this.subscriptions.push(
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length) this.fileChanged(e.document.uri, EDIT_DEBOUNCE_MS);
      }),
      // Closing an edited file without saving: the panels go back to the file on disk.
      vscode.workspace.onDidCloseTextDocument((d) => this.fileChanged(d.uri, EDIT_DEBOUNCE_MS)),
    );
  }

  private labState(dir: vscode.Uri): LabState {
    let s = this.labs.get(dir.toString());
    if (!s) this.labs.set(dir.toString(), (s = { seq: 0 }));
    return s;
  }

  /** Every file of a lab with open panels: a change on disk redraws them. */
  watch(dir: vscode.Uri): void {
    const s = this.labState(dir);
    if (s.watcher) return;
    s.watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(dir, '**/*'));
    const changed = (uri: vscode.Uri) => this.fileChanged(uri, EDIT_DEBOUNCE_MS);
    s.watcher.onDidChange(changed);
    s.watcher.onDidCreate(changed);
    s.watcher.onDidDelete(changed);
  }

  /** The last panel of the lab closed: no more watching, no pending redraw. */
  unwatch(dir: vscode.Uri): void {
    const lab = this.labs.get(dir.toString());
    if (lab?.timer) clearTimeout(lab.timer);
    lab?.watcher?.dispose();
    this.labs.delete(dir.toString());
  }

  /** A file changed (edited, saved, created, deleted): redraw the panels of the lab holding it. */
  fileChanged(uri: vscode.Uri, ms: number): void {
    for (const s of this.labs.keys()) {
      const dir = parseUri(s);
      if (!dir) continue;
      const rel = relativeTo(dir, uri);
      if (rel === undefined || rel.split('/')[0] === STATE_DIR) continue;
      this.schedule(dir, ms);
    }
  }

  /** Redraws the lab's panels in `ms` (a later call before then postpones it). */
  schedule(dir: vscode.Uri, ms: number): void {
    if (!this.hasPanels(dir)) return;
    const s = this.labState(dir);
    if (s.timer) clearTimeout(s.timer);
    s.timer = setTimeout(() => {
      s.timer = undefined;
      this.redraw(dir);
    }, ms);
  }

  /**
   * A rebuild of the lab's panels starts now: the pending redraw is cancelled. The result says
   * whether this rebuild is still the newest (an older one that finishes later is dropped).
   */
  begin(dir: vscode.Uri): () => boolean {
    const s = this.labState(dir);
    if (s.timer) clearTimeout(s.timer);
    s.timer = undefined;
    const seq = ++s.seq;
    return () => seq === s.seq;
  }

  dispose(): void {
    for (const s of this.labs.values()) {
      if (s.timer) clearTimeout(s.timer);
      s.watcher?.dispose();
    }
    this.labs.clear();
    for (const s of this.subscriptions.splice(0)) s.dispose();
  }
}
