/**
 * Grading: the contract between the grader, the check kinds and their callers (CLI, editor).
 * A check kind is one module in the registry (registry.ts); the grader never names a kind.
 */
import type { Diagnostic, SourceRange } from '../text/diag';
import type { Localized } from '../text/i18n';
import type { CheckSpec, ExerciseSpec, Lab } from '../lab/types';
import type { World } from '../sim/model';
import type { TraceResult } from '../datapath/trace';

/** A student's answers (answers.yaml): exercise id -> the answers of its quiz checks, in order. */
export interface Answers {
  readonly byExercise: ReadonlyMap<string, readonly string[]>;
}

export interface CheckContext {
  readonly lab: Lab;
  /** The world built from the lab's run lines (the student's work). */
  readonly world: World;
  readonly answers: Answers;
  readonly exercise: ExerciseSpec;
  /** The check's place among the exercise's checks. */
  readonly index: number;
  /** The check's place among the exercise's quiz checks (for answers), or -1. */
  readonly quizIndex: number;
}

export interface CheckResult {
  readonly passed: boolean;
  /** What happened, in words a student can act on. */
  readonly feedback: Localized;
  /** The lab line that caused the outcome, where known (e.g. the sysctl line, the route). */
  readonly source?: SourceRange;
  readonly expected?: string;
  readonly actual?: string;
  /** For checks that walk a packet: the trace, so an editor can open it. */
  readonly trace?: TraceResult;
  /** The check could not be graded (no answer given, a malformed answers file...). */
  readonly unanswered?: boolean;
}

export interface CheckKind {
  readonly kind: string;
  /** Validates the check's arguments against the lab (hosts exist, addresses parse...). */
  validate(check: CheckSpec, lab: Lab): Diagnostic[];
  run(check: CheckSpec, ctx: CheckContext): CheckResult;
}

export interface CheckGrade extends CheckResult {
  readonly kind: string;
  readonly range: SourceRange;
  readonly points: number;
}

export interface ExerciseGrade {
  readonly id: string;
  readonly title?: Localized;
  readonly score: number;
  readonly maxScore: number;
  readonly passed: boolean;
  /** Hints revealed: the first after a failed attempt, one more per further failed attempt. */
  readonly hints: Localized[];
  readonly checks: CheckGrade[];
}

export interface LabGrade {
  readonly lab: string;
  readonly file: string;
  readonly score: number;
  readonly maxScore: number;
  readonly exercises: ExerciseGrade[];
  /** Problems met while grading (the lab's own errors, a malformed answers file). */
  readonly diagnostics: Diagnostic[];
}

export interface CourseGrade {
  readonly score: number;
  readonly maxScore: number;
  readonly labs: LabGrade[];
}
