/** The lab panel: the exercises with their state, hints and quiz answers, and the grade. */
import * as vscode from 'vscode';
import { baseName } from '../../labfs';
import { gradeDir } from '../../labs';
import type { PanelKindSpec } from './kind';

export const labPanel: PanelKindSpec = {
  kind: 'lab',
  viewType: 'knetlab.lab',
  title: (dir) => vscode.l10n.t('Lab: {0}', baseName(dir)),
  message(target, { views, files, built }, { ctx, failures }) {
    const grade = ctx.grades.get(target.dir)?.grade;
    const answersFile = vscode.workspace.asRelativePath(vscode.Uri.joinPath(target.dir, 'answers.yaml'), false);
    return {
      type: 'lab',
      lang: ctx.lang,
      labDir: target.dir.toString(),
      view: views.labViewOf(built, files, baseName(target.dir), grade, failures(target.dir), answersFile),
    };
  },
  // A lab panel that showed a grade shows one again: the lab's files graded as they are now.
  restored(dir, state, { ctx, failed }) {
    if (state.last?.type === 'lab' && typeof state.last.view?.score === 'number' && !ctx.grades.get(dir)) {
      void gradeDir(ctx, dir).catch((e) => failed('grade', e));
    }
  },
};
