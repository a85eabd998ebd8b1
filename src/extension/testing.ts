/**
 * The Testing view: every lab is a test suite, every exercise a test, every check a child test.
 * Running them grades the lab (the core's gradeLab over files read with vscode.workspace.fs); a
 * failed check shows its feedback at the lab line that caused it, with the packet's trace.
 */
import * as vscode from 'vscode';
import { type CheckGrade, type ExerciseGrade, pick } from '../core';
import type { Ctx } from './ctx';
import { traceArgsOf } from '../core/view/trace';
import type { GradedLab } from './grades';
import { discover, gradeDir, labLabel } from './labs';
import { LAB_FILE, readTree } from './labfs';
import { diagText, scoreText, traceText } from './report';

export const TEST_CONTROLLER = 'knetlab';

const labId = (dir: vscode.Uri) => `lab:${dir.toString()}`;
const exerciseId = (dir: vscode.Uri, ex: string) => `${labId(dir)}#${ex}`;
const checkId = (dir: vscode.Uri, ex: string, i: number) => `${exerciseId(dir, ex)}#${i}`;

function at(line: number, column: number): vscode.Range {
  const p = new vscode.Position(Math.max(0, line - 1), Math.max(0, column - 1));
  return new vscode.Range(p, p);
}

export class LabTests implements vscode.Disposable {
  readonly controller: vscode.TestController;
  /** Lab folder of every lab item, by item id. */
  private readonly dirs = new Map<string, vscode.Uri>();

  constructor(private readonly ctx: Ctx) {
    this.controller = vscode.tests.createTestController(TEST_CONTROLLER, vscode.l10n.t('knetlab labs'));
    this.controller.resolveHandler = (item) => (item ? this.resolveLab(item) : this.resolveAll());
    this.controller.refreshHandler = () => this.resolveAll();
    this.controller.createRunProfile(vscode.l10n.t('Grade'), vscode.TestRunProfileKind.Run, (req, token) => this.run(req, token), true);
  }

  /** Lab items for every lab of the workspace. */
  async resolveAll(): Promise<void> {
    const ws = await discover(this.ctx);
    const labs = [...ws.courses.flatMap((c) => c.labs), ...ws.labs];
    const items: vscode.TestItem[] = [];
    this.dirs.clear();
    for (const lab of labs) {
      const item = this.controller.createTestItem(
        labId(lab.dir),
        labLabel(lab, (t) => pick(t, this.ctx.lang)),
        vscode.Uri.joinPath(lab.dir, LAB_FILE),
      );
      item.canResolveChildren = true;
      this.dirs.set(item.id, lab.dir);
      items.push(item);
    }
    this.controller.items.replace(items);
  }

  /** An exercise item per exercise of the lab, a check item per check. */
  async resolveLab(item: vscode.TestItem): Promise<void> {
    const dir = this.dirs.get(item.id);
    if (!dir) return;
    const outside = new Set<string>();
    const [engine, files] = await Promise.all([this.ctx.loadEngine(), readTree(dir, undefined, outside)]);
    const file = vscode.Uri.joinPath(dir, LAB_FILE);
    const exercises = engine.outline(files, vscode.workspace.asRelativePath(file, false), outside);
    item.children.replace(
      exercises.map((e) => {
        const ex = this.controller.createTestItem(exerciseId(dir, e.id), e.title ? `${e.id}: ${pick(e.title, this.ctx.lang)}` : e.id, file);
        ex.range = at(e.line, e.column);
        ex.children.replace(
          e.checks.map((c, i) => {
            const check = this.controller.createTestItem(checkId(dir, e.id, i), `${c.kind} #${i + 1}`, file);
            check.range = at(c.line, c.column);
            return check;
          }),
        );
        return ex;
      }),
    );
    item.canResolveChildren = false;
  }

  /** Refreshes a lab's items after its lab.yaml changed. */
  async labChanged(labFile: vscode.Uri): Promise<void> {
    const item = this.controller.items.get(labId(vscode.Uri.joinPath(labFile, '..')));
    if (item && !item.canResolveChildren) await this.resolveLab(item);
  }

  /** The lab items a request names (an exercise or check names its lab). */
  private labsOf(req: vscode.TestRunRequest): vscode.TestItem[] {
    const labs = new Map<string, vscode.TestItem>();
    const roots: vscode.TestItem[] = [];
    this.controller.items.forEach((i) => roots.push(i));
    for (const item of req.include ?? roots) {
      let top = item;
      while (top.parent) top = top.parent;
      labs.set(top.id, top);
    }
    return [...labs.values()];
  }

  async run(req: vscode.TestRunRequest, token: vscode.CancellationToken): Promise<void> {
    if (!req.include && this.controller.items.size === 0) await this.resolveAll();
    const run = this.controller.createTestRun(req);
    const excluded = new Set((req.exclude ?? []).map((i) => i.id));
    const wanted = (item: vscode.TestItem): boolean => {
      if (excluded.has(item.id)) return false;
      if (!req.include) return true;
      for (let i: vscode.TestItem | undefined = item; i; i = i.parent) if (req.include.some((x) => x.id === i!.id)) return true;
      return req.include.some((x) => x.parent?.id === item.id || x.parent?.parent?.id === item.id);
    };
    try {
      for (const labItem of this.labsOf(req)) {
        if (token.isCancellationRequested) break;
        const dir = this.dirs.get(labItem.id);
        if (!dir) continue;
        if (labItem.canResolveChildren) await this.resolveLab(labItem);
        run.started(labItem);
        const started = Date.now();
        const graded = await gradeDir(this.ctx, dir);
        this.report(run, labItem, graded, wanted, Date.now() - started);
        this.ctx.output.appendLine(vscode.l10n.t('Graded {0}: {1}', vscode.workspace.asRelativePath(dir, false), scoreText(graded.grade)));
      }
    } finally {
      run.end();
    }
  }

  private report(
    run: vscode.TestRun,
    labItem: vscode.TestItem,
    graded: GradedLab,
    wanted: (i: vscode.TestItem) => boolean,
    ms: number,
  ): void {
    const lang = this.ctx.lang;
    const errors = graded.grade.diagnostics.filter((d) => d.severity === 'error');
    for (const ex of graded.grade.exercises) {
      const exItem = labItem.children.get(exerciseId(graded.dir, ex.id));
      if (!exItem || !wanted(exItem)) continue;
      run.started(exItem);
      ex.checks.forEach((c, i) => {
        const item = exItem.children.get(checkId(graded.dir, ex.id, i));
        if (!item || !wanted(item)) return;
        if (c.passed) run.passed(item);
        else run.failed(item, [this.checkMessage(graded, c), ...this.warningMessages(graded, c)]);
        // A passed check has no message: its doubt goes to the run's output, at each line.
        if (c.passed) for (const m of this.warningMessages(graded, c)) run.appendOutput(`${m.message as string}\r\n`, m.location, item);
      });
      if (ex.passed) run.passed(exItem, ms);
      else run.failed(exItem, this.exerciseMessage(graded, ex), ms);
    }
    if (errors.length) {
      run.errored(
        labItem,
        errors.map((d) => {
          const m = new vscode.TestMessage(diagText(d, lang));
          const uri = graded.locate(d.file);
          if (uri) m.location = new vscode.Location(uri, at(d.line, d.column));
          return m;
        }),
        ms,
      );
    } else if (graded.grade.exercises.every((e) => e.passed)) {
      run.passed(labItem, ms);
    } else {
      run.failed(labItem, new vscode.TestMessage(vscode.l10n.t('Score {0}', scoreText(graded.grade))), ms);
    }
  }

  /**
   * A failed check: its feedback, what was expected and found, a link that opens the trace (the
   * same packet again, through knetlab.runTrace) and the trace itself; at the line that caused it.
   */
  checkMessage(graded: GradedLab, c: CheckGrade): vscode.TestMessage {
    const lang = this.ctx.lang;
    const parts = [escapeMarkdown(pick(c.feedback, lang))];
    if (c.expected !== undefined) parts.push(`${vscode.l10n.t('expected')}: \`${c.expected}\``);
    if (c.actual !== undefined) parts.push(`${vscode.l10n.t('actual')}: \`${c.actual}\``);
    const md = new vscode.MarkdownString();
    if (c.trace) {
      const args = traceArgsOf(c.trace);
      if (args) {
        const link = `command:${TRACE_COMMAND}?${encodeURIComponent(JSON.stringify([{ uri: graded.dir.toString(), ...args }]))}`;
        parts.push(`[$(debug-start) ${vscode.l10n.t('Open the trace')}](${link})`);
        md.isTrusted = { enabledCommands: [TRACE_COMMAND] };
        md.supportThemeIcons = true;
      }
      parts.push('```text\n' + traceText(c.trace, undefined, lang).replace(/```/g, "'''") + '\n```');
    }
    md.appendMarkdown(parts.join('\n\n'));
    const m = new vscode.TestMessage(md);
    const where = c.source ?? c.range;
    const uri = graded.locate(where.file);
    if (uri) m.location = new vscode.Location(uri, at(where.line, where.column));
    return m;
  }

  /**
   * A check whose answer could depend on lines the simulator does not model (CheckGrade.warnings):
   * one message per line, at that line, saying the verdict may be wrong.
   */
  warningMessages(graded: GradedLab, c: CheckGrade): vscode.TestMessage[] {
    return (c.warnings ?? []).map((w) => {
      const m = new vscode.TestMessage(
        vscode.l10n.t(
          'This answer may be wrong: it could depend on this line, which the simulator does not model: {0}',
          diagText(w, this.ctx.lang),
        ),
      );
      const uri = graded.locate(w.file);
      if (uri) m.location = new vscode.Location(uri, at(w.line, w.column));
      return m;
    });
  }

  private exerciseMessage(graded: GradedLab, ex: ExerciseGrade): vscode.TestMessage[] {
    const lang = this.ctx.lang;
    const failed = ex.checks.filter((c) => !c.passed).map((c) => this.checkMessage(graded, c));
    const hints = ex.hints.map((h) => new vscode.TestMessage(`${vscode.l10n.t('Hint')}: ${pick(h, lang)}`));
    return [...failed, ...hints];
  }

  dispose(): void {
    this.controller.dispose();
  }
}

const TRACE_COMMAND = 'knetlab.runTrace';

/** Text shown as itself in Markdown. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, '\\$&');
}
