/**
 * The lab panel's view model: a lab's exercises with their tasks, checks, hints and quizzes, and
 * their state from a grade (untried before the first one). Pure and total: a grade of an older
 * version of the lab (an exercise renamed, a check added) leaves what no longer matches untried.
 */
import type { Diagnostic } from '../text/diag';
import type { Localized } from '../text/i18n';
import type { CheckSpec, ExerciseSpec, Lab } from '../lab/types';
import { answerFor } from '../grade/answers';
import { quizAnswerKey } from '../grade/answersEdit';
import { argsOf, text } from '../grade/checks/common';
import { quizChoices, quizQuestion } from '../grade/checks/quiz';
import { roundScore } from '../grade/grade';
import { findCheckKind } from '../grade/registry';
import type { Answers, CheckGrade, ExerciseGrade, LabGrade } from '../grade/types';
import type { CheckState, CheckView, ExerciseView, LabView, QuizView, TraceArgsView } from './types';

/** The view of a lab, graded or not, with the answers saved in answers.yaml. */
export function labView(lab: Lab, grade: LabGrade | undefined, answers: Answers | undefined): LabView {
  const exercises = lab.exercises.map((ex) =>
    exerciseView(
      ex,
      grade?.exercises.find((g) => g.id === ex.id),
      answers,
    ),
  );
  const warnings = (grade?.diagnostics ?? []).filter((d) => d.severity === 'error');
  return {
    lab: lab.name,
    ...(lab.title ? { title: lab.title } : {}),
    ...(grade ? { score: roundScore(exercises.reduce((s, e) => s + (e.score ?? 0), 0)) } : {}),
    maxScore: roundScore(lab.exercises.reduce((s, e) => s + e.points, 0)),
    exercises,
    errors: [],
    ...(warnings.length ? { warnings: dedupe(warnings).map((d) => ({ message: d.message, source: rangeOf(d) })) } : {}),
  };
}

/** The view of a lab that does not load: its errors, shown instead of the exercises. */
export function labErrorsView(lab: string, errors: readonly Diagnostic[], title?: Localized): LabView {
  return {
    lab,
    ...(title ? { title } : {}),
    maxScore: 0,
    exercises: [],
    errors: dedupe(errors.filter((d) => d.severity === 'error')).map((d) => ({ message: d.message, source: rangeOf(d) })),
  };
}

function rangeOf(d: Diagnostic) {
  return { file: d.file, line: d.line, column: d.column, endLine: d.endLine, endColumn: d.endColumn };
}

function dedupe(ds: readonly Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return ds.filter((d) => {
    const k = `${d.file}:${d.line}:${d.column}:${d.code}:${d.message.en}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

function checkState(g: CheckGrade | undefined): CheckState {
  if (!g) return 'untried';
  if (g.passed) return 'passed';
  return g.unanswered ? 'unanswered' : 'failed';
}

function exerciseView(ex: ExerciseSpec, grade: ExerciseGrade | undefined, answers: Answers | undefined): ExerciseView {
  const n = ex.checks.length;
  const per = n ? roundScore(ex.points / n) : 0;
  // The grade's checks belong to this exercise only if they still line up with its checks.
  const graded = grade && grade.checks.length === n && grade.checks.every((c, i) => c.kind === ex.checks[i]!.kind) ? grade : undefined;
  const quizCount = ex.checks.filter((c) => c.kind === 'quiz').length;
  let quizIndex = 0;
  const checks = ex.checks.map((check, index): CheckView => {
    const g = graded?.checks[index];
    const quiz = check.kind === 'quiz' ? quizView(check, ex, quizIndex++, quizCount, answers) : undefined;
    const trace = traceArgs(check);
    const kind = findCheckKind(check.kind);
    return {
      index,
      kind: check.kind,
      kindName: kind?.name ?? { en: check.kind, ko: check.kind },
      ...(kind ? { kindSummary: kind.summary } : {}),
      label: checkLabel(check),
      state: checkState(g),
      points: per,
      ...(g ? { score: g.points } : {}),
      ...(g ? { feedback: g.feedback } : {}),
      ...(g?.expected !== undefined ? { expected: g.expected } : {}),
      ...(g?.actual !== undefined ? { actual: g.actual } : {}),
      source: g?.source ?? check.range,
      ...(trace ? { trace } : {}),
      ...(quiz ? { quiz } : {}),
    };
  });
  // A handout's questions: answered in the panel as any quiz; the instructor's key grades them.
  if (!n && ex.questions?.length) {
    const count = ex.questions.length;
    ex.questions.forEach((q, i) =>
      checks.push({
        index: i,
        kind: 'quiz',
        kindName: findCheckKind('quiz')?.name ?? { en: 'quiz', ko: '퀴즈' },
        label: q.ask.en,
        state: 'untried',
        points: 0,
        source: q.range,
        quiz: questionView(ex, i, count, q.ask, q.choices, answers),
      }),
    );
  }
  let state: CheckState = 'untried';
  if (graded) {
    const open = checks.filter((c) => c.state !== 'passed');
    state = graded.passed ? 'passed' : open.length > 0 && open.every((c) => c.state === 'unanswered') ? 'unanswered' : 'failed';
  }
  return {
    id: ex.id,
    ...(ex.title ? { title: ex.title } : {}),
    ...(ex.task ? { task: ex.task } : {}),
    points: ex.points,
    ...(graded ? { score: graded.score } : {}),
    state,
    hints: graded ? graded.hints.slice(0, ex.hints.length) : [],
    hintCount: ex.hints.length,
    checks,
    source: ex.range,
  };
}

function quizView(check: CheckSpec, ex: ExerciseSpec, quizIndex: number, quizCount: number, answers: Answers | undefined): QuizView {
  return questionView(ex, quizIndex, quizCount, quizQuestion(check) ?? { en: '?', ko: '?' }, quizChoices(check), answers);
}

function questionView(
  ex: ExerciseSpec,
  quizIndex: number,
  quizCount: number,
  question: Localized,
  choices: readonly Localized[],
  answers: Answers | undefined,
): QuizView {
  const answer = answers ? answerFor(answers, ex.id, quizIndex) : undefined;
  return {
    id: quizAnswerKey(ex.id, quizIndex, quizCount),
    question,
    // A choice is saved as its English text: what a student reads in answers.yaml, and what the
    // quiz check compares with its hash (or, failing that, the Korean text or the number).
    ...(choices.length ? { choices: choices.map((c) => ({ key: c.en, text: c })) } : {}),
    ...(answer !== undefined ? { answer } : {}),
  };
}

/** The packet a check sends, as knetlab.runTrace takes it (the kind says: reach and noreach as they walk it, route as a ping). */
export function traceArgs(check: CheckSpec): TraceArgsView | undefined {
  return findCheckKind(check.kind)?.packet?.of(check);
}

/**
 * A one-line description of a check, in the notation of the lab file and the tools (no words to
 * translate), as its kind writes it: `a → 192.168.2.10 (icmp)`, `e: ip route get 192.168.1.10 →
 * via 192.168.2.1 dev eth0`, `host1$ ip link show veth-green-br ~ /state UP/`. A quiz's label is
 * its English question (the panel shows the question in the display language).
 */
export function checkLabel(check: CheckSpec): string {
  const kind = findCheckKind(check.kind);
  if (kind) return kind.label(check);
  const args = argsOf(check);
  const parts = args ? Object.keys(args).map((k) => `${k}: ${text(args, k) ?? '…'}`) : [];
  return `${check.kind}${parts.length ? ` { ${parts.join(', ')} }` : ''}`;
}
