/**
 * The Labs view (`knetlab.labs`): course -> labs -> exercises -> checks, with the state and the
 * score from grading. A lab is graded when it is first expanded, and again by `knetlab.gradeLab`.
 */
import * as vscode from 'vscode';
import { type CheckGrade, type ExerciseGrade, pick } from '../core';
import type { Ctx } from './ctx';
import type { GradedLab } from './grades';
import { type CourseRef, discover, gradeDir, labLabel, type LabRef } from './labs';
import { scoreText } from './report';

export const LABS_VIEW = 'knetlab.labs';

export type LabsNode =
  | { readonly kind: 'course'; readonly course: CourseRef }
  | { readonly kind: 'lab'; readonly lab: LabRef }
  | { readonly kind: 'exercise'; readonly lab: GradedLab; readonly exercise: ExerciseGrade }
  | { readonly kind: 'check'; readonly lab: GradedLab; readonly check: CheckGrade; readonly index: number };

export class LabsProvider implements vscode.TreeDataProvider<LabsNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<LabsNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly ctx: Ctx) {
    // A lab graded anywhere (a command, the Testing view) shows its new score here.
    this.subscription = ctx.grades.onDidChange(() => this.changed.fire(undefined));
  }

  refresh(): void {
    this.changed.fire(undefined);
  }

  async getChildren(node?: LabsNode): Promise<LabsNode[]> {
    if (!node) {
      const ws = await discover(this.ctx);
      return [
        ...ws.courses.map((course) => ({ kind: 'course', course }) as const),
        ...ws.labs.map((lab) => ({ kind: 'lab', lab }) as const),
      ];
    }
    switch (node.kind) {
      case 'course':
        return node.course.labs.map((lab) => ({ kind: 'lab', lab }));
      case 'lab': {
        const graded = this.ctx.grades.get(node.lab.dir) ?? (await gradeDir(this.ctx, node.lab.dir));
        return graded.grade.exercises.map((exercise) => ({ kind: 'exercise', lab: graded, exercise }));
      }
      case 'exercise':
        return node.exercise.checks.map((check, index) => ({ kind: 'check', lab: node.lab, check, index }));
      case 'check':
        return [];
    }
  }

  getTreeItem(node: LabsNode): vscode.TreeItem {
    const lang = this.ctx.lang;
    switch (node.kind) {
      case 'course': {
        const item = new vscode.TreeItem(
          node.course.title ? pick(node.course.title, lang) : node.course.name,
          vscode.TreeItemCollapsibleState.Expanded,
        );
        item.iconPath = new vscode.ThemeIcon('book');
        item.contextValue = 'knetlab.course';
        item.resourceUri = node.course.file;
        const total = this.courseScore(node.course);
        if (total) item.description = vscode.l10n.t('score {0}', scoreText(total));
        return item;
      }
      case 'lab': {
        const item = new vscode.TreeItem(
          labLabel(node.lab, (t) => pick(t, lang)),
          vscode.TreeItemCollapsibleState.Collapsed,
        );
        item.contextValue = 'knetlab.lab';
        item.resourceUri = node.lab.dir;
        item.id = `lab:${node.lab.dir.toString()}`;
        const g = this.ctx.grades.get(node.lab.dir)?.grade;
        if (g) {
          const full = g.maxScore > 0 && g.score >= g.maxScore;
          item.description = scoreText(g);
          item.iconPath = new vscode.ThemeIcon(full ? 'pass-filled' : 'circle-large-outline');
        } else {
          item.description = vscode.l10n.t('not graded');
          item.iconPath = new vscode.ThemeIcon('beaker');
        }
        item.tooltip = vscode.workspace.asRelativePath(node.lab.dir, false);
        return item;
      }
      case 'exercise': {
        const e = node.exercise;
        const item = new vscode.TreeItem(e.title ? `${e.id}: ${pick(e.title, lang)}` : e.id, vscode.TreeItemCollapsibleState.Collapsed);
        item.contextValue = 'knetlab.exercise';
        item.description = `${e.passed ? vscode.l10n.t('passed') : vscode.l10n.t('failed')} · ${scoreText(e)}`;
        item.iconPath = new vscode.ThemeIcon(e.passed ? 'pass' : 'error');
        item.id = `exercise:${node.lab.dir.toString()}#${e.id}`;
        if (e.hints.length) item.tooltip = e.hints.map((h) => `${vscode.l10n.t('Hint')}: ${pick(h, lang)}`).join('\n');
        return item;
      }
      case 'check': {
        const c = node.check;
        const item = new vscode.TreeItem(`${c.kind} #${node.index + 1}`, vscode.TreeItemCollapsibleState.None);
        item.contextValue = 'knetlab.check';
        item.description = pick(c.feedback, lang);
        item.tooltip = pick(c.feedback, lang);
        item.iconPath = new vscode.ThemeIcon(c.passed ? 'check' : 'close');
        const where = c.source ?? c.range;
        const uri = node.lab.locate(where.file);
        if (uri) {
          const pos = new vscode.Position(Math.max(0, where.line - 1), Math.max(0, where.column - 1));
          item.command = {
            command: 'vscode.open',
            title: vscode.l10n.t('Open'),
            arguments: [uri, { selection: new vscode.Range(pos, pos) }],
          };
        }
        return item;
      }
    }
  }

  private courseScore(course: CourseRef): { score: number; maxScore: number } | undefined {
    const grades = course.labs.map((l) => this.ctx.grades.get(l.dir)?.grade).filter((g) => !!g);
    if (!grades.length) return undefined;
    return { score: grades.reduce((n, g) => n + g.score, 0), maxScore: grades.reduce((n, g) => n + g.maxScore, 0) };
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}
