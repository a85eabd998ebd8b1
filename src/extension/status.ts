/** The status bar item: the score of the lab of the active editor (or of the last lab graded). */
import * as vscode from 'vscode';
import type { Ctx } from './ctx';
import type { GradedLab } from './grades';
import { relativeTo } from './labfs';
import { scoreText } from './report';

export class ScoreStatus implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('knetlab.score', vscode.StatusBarAlignment.Left, 50);
  private readonly subscriptions: vscode.Disposable[] = [];
  private last: GradedLab | undefined;

  constructor(private readonly ctx: Ctx) {
    this.item.name = vscode.l10n.t('knetlab score');
    this.item.command = 'knetlab.gradeLab';
    this.subscriptions.push(
      ctx.grades.onDidChange((g) => {
        this.last = g;
        this.update();
      }),
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
    );
  }

  /** The lab shown: the one holding the active editor's file, else the last graded. */
  private current(): GradedLab | undefined {
    const uri = vscode.window.activeTextEditor?.document.uri;
    if (uri) {
      const mine = this.ctx.grades.all().find((g) => relativeTo(g.dir, uri) !== undefined);
      if (mine) return mine;
    }
    return this.last;
  }

  update(): void {
    const g = this.current();
    if (!g) {
      this.item.hide();
      return;
    }
    const full = g.grade.maxScore > 0 && g.grade.score >= g.grade.maxScore;
    this.item.text = `$(${full ? 'pass-filled' : 'beaker'}) ${scoreText(g.grade)}`;
    this.item.tooltip = vscode.l10n.t(
      'knetlab: {0} scored {1}. Click to grade again.',
      vscode.workspace.asRelativePath(g.dir, false),
      scoreText(g.grade),
    );
    this.item.show();
  }

  /** The text shown, for tests and the walkthrough. */
  get text(): string {
    return this.item.text;
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
    this.item.dispose();
  }
}
