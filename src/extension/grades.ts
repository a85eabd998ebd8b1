/**
 * The grades of this session: a graded lab folder (labs.ts grades it) and the store the Labs view,
 * the Testing view, the status bar and the panels follow (the Ctx owns it).
 */
import * as vscode from 'vscode';
import type { LabGrade } from '../core';

export interface GradedLab {
  readonly dir: vscode.Uri;
  readonly grade: LabGrade;
  /** The file a grade's `file` field names (a workspace-relative path), as a Uri. */
  locate(file: string): vscode.Uri | undefined;
}

/** The last grade of every lab folder graded in this session. */
export class GradeStore implements vscode.Disposable {
  private readonly grades = new Map<string, GradedLab>();
  private readonly changed = new vscode.EventEmitter<GradedLab>();
  readonly onDidChange = this.changed.event;

  set(lab: GradedLab): void {
    this.grades.set(lab.dir.toString(), lab);
    this.changed.fire(lab);
  }

  get(dir: vscode.Uri): GradedLab | undefined {
    return this.grades.get(dir.toString());
  }

  all(): GradedLab[] {
    return [...this.grades.values()];
  }

  dispose(): void {
    this.changed.dispose();
  }
}
