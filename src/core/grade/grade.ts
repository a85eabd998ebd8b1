/**
 * The grader: builds the lab's world once, runs every exercise's checks through the registry and
 * adds up the points. An exercise's points split evenly across its checks (partial credit). A
 * check that cannot run (unknown kind, malformed arguments, a bug of ours) fails with feedback that
 * says so; the grader never throws.
 */
import type { Diagnostic } from '../text/diag';
import { type Localized, loc } from '../text/i18n';
import { didYouMean } from '../text/didyoumean';
import type { CheckSpec, ExerciseSpec, Lab } from '../lab/types';
import { buildWorld } from '../world/build';
import { checkEndpoints } from '../lab/endpoints';
import { unmodelledLines } from '../datapath/honesty';
import { traceCauses } from '../datapath/causes';
import type { World } from '../sim/model';
import { NO_ANSWERS } from './answers';
import { backNoreach, type Checked } from './backing';
import { checkKindNames, findCheckKind } from './registry';
import { quizChoices } from './checks/quiz';
import type { Answers, CheckContext, CheckGrade, CheckResult, ExerciseGrade, LabGrade } from './types';
import { eulreul } from '../text/particle';

export interface GradeOptions {
  /** The student's answers (parseAnswers); none by default. */
  readonly answers?: Answers;
  /**
   * Failed attempts so far, this one included: as many hints are revealed (1 by default). One
   * number for every exercise, or each exercise's (an exercise not in the map: 1).
   */
  readonly attempts?: number | ReadonlyMap<string, number>;
  /** Diagnostics of reading answers.yaml, carried into the grade. */
  readonly answersDiagnostics?: readonly Diagnostic[];
  /** A world already built from this lab (buildWorld(lab).world), to skip building it again. */
  readonly world?: World;
  /**
   * The reference world: the lab with its solution applied (referenceWorld in folder.ts), or the
   * instructor key's. It says who should answer a reach check to an address; without it, who
   * answered is not checked (and the check says so).
   */
  readonly reference?: World;
}

/** Rounds a score to 2 decimals. */
export function roundScore(n: number): number {
  return Math.round((n + Number.EPSILON) * 100) / 100;
}

function unknownKind(check: CheckSpec): Diagnostic {
  const names = checkKindNames();
  const hint = didYouMean(check.kind, names);
  return {
    ...check.range,
    severity: 'error',
    code: 'unknown-check-kind',
    message: loc(
      `Unknown check kind "${check.kind}"${hint ? `; did you mean "${hint}"?` : ''}. Check kinds: ${names.join(', ')}.`,
      `알 수 없는 검사 종류 "${check.kind}"${hint ? `. ${eulreul(`"${hint}"`)} 뜻했나요?` : ''}. 검사 종류: ${names.join(', ')}.`,
    ),
  };
}

/** The diagnostics of one check: its kind is known and its arguments make sense for the lab. */
export function validateCheck(check: CheckSpec, lab: Lab): Diagnostic[] {
  const kind = findCheckKind(check.kind);
  if (!kind) return [unknownKind(check)];
  try {
    return kind.validate(check, lab);
  } catch (e) {
    return [
      {
        ...check.range,
        severity: 'error',
        code: 'check-internal-error',
        message: loc(`Internal error while validating this check: ${String(e)}`, `이 검사를 검증하는 중 내부 오류: ${String(e)}`),
      },
    ];
  }
}

/** Every check of every exercise, validated against the lab. */
export function validateExercises(lab: Lab): Diagnostic[] {
  return lab.exercises.flatMap((ex) => ex.checks.flatMap((c) => validateCheck(c, lab)));
}

function runCheck(check: CheckSpec, problems: Diagnostic[], ctx: CheckContext): CheckResult {
  const errors = problems.filter((d) => d.severity === 'error');
  if (errors.length) {
    const first = errors[0]!;
    return {
      passed: false,
      feedback: loc(
        `This check cannot be graded, the lab has a mistake here: ${first.message.en}`,
        `이 검사는 채점할 수 없습니다. 실습의 이 부분에 오류가 있습니다: ${first.message.ko}`,
      ),
      source: { file: first.file, line: first.line, column: first.column, endLine: first.endLine, endColumn: first.endColumn },
    };
  }
  const kind = findCheckKind(check.kind)!;
  try {
    return kind.run(check, ctx);
  } catch (e) {
    return {
      passed: false,
      feedback: loc(`Internal error while running this check: ${String(e)}`, `이 검사를 실행하는 중 내부 오류: ${String(e)}`),
    };
  }
}

/**
 * The lab lines the simulator does not model that a check's answer could depend on
 * (datapath/honesty.ts): its trace's, else those of the hosts it names (`on:`, `from:`); a check
 * that names no host (a quiz) reads nothing of the simulated machines.
 */
function checkWarnings(world: World, check: CheckSpec, result: CheckResult): readonly Diagnostic[] {
  if (result.warnings) return result.warnings;
  if (result.trace) return result.trace.warnings ?? [];
  const hosts = checkEndpoints(check).map((e) => e.endpoint.host);
  return hosts.length ? unmodelledLines(world, hosts) : [];
}

/** A quiz's question (`ask:`, a string or { en, ko }) and its choices, as the lab gives them. */
function quizAsked(check: CheckSpec): { question?: Localized; choices?: Localized[] } {
  const a = check.args && typeof check.args === 'object' ? (check.args as Record<string, unknown>) : {};
  const ask = a['ask'];
  const question =
    typeof ask === 'string'
      ? loc(ask, ask)
      : ask && typeof ask === 'object' && typeof (ask as Localized).en === 'string' && typeof (ask as Localized).ko === 'string'
        ? loc((ask as Localized).en, (ask as Localized).ko)
        : undefined;
  const choices = quizChoices(check);
  return { ...(question ? { question } : {}), ...(choices.length ? { choices } : {}) };
}

/** Runs an exercise's checks: each one's result, not yet scored. */
function runExercise(
  ex: ExerciseSpec,
  lab: Lab,
  world: World,
  reference: World | undefined,
  answers: Answers,
  diagnostics: Diagnostic[],
): Checked[] {
  let quizIndex = 0;
  return ex.checks.map((check, index) => {
    const problems = validateCheck(check, lab);
    diagnostics.push(...problems);
    const isQuiz = check.kind === 'quiz';
    const ctx: CheckContext = {
      lab,
      world,
      answers,
      exercise: ex,
      index,
      quizIndex: isQuiz ? quizIndex : -1,
      ...(reference ? { reference } : {}),
    };
    const result = runCheck(check, problems, ctx);
    if (isQuiz) quizIndex++;
    return { check, result };
  });
}

/** Scores an exercise's results: its points split evenly across its checks, the hints revealed. */
function scoreExercise(ex: ExerciseSpec, world: World, results: readonly Checked[], attempts: number): ExerciseGrade {
  const n = ex.checks.length;
  const per = n ? ex.points / n : 0;
  const checks: CheckGrade[] = results.map(({ check, result }) => {
    const warnings = checkWarnings(world, check, result);
    return {
      ...result,
      kind: check.kind,
      ...(check.kind === 'quiz' ? quizAsked(check) : {}),
      range: check.range,
      points: result.passed ? roundScore(per) : 0,
      ...(warnings.length ? { warnings } : {}),
    };
  });
  const passedCount = checks.filter((c) => c.passed).length;
  const passed = n > 0 && passedCount === n;
  const score = passed ? ex.points : roundScore(per * passedCount);
  // A hint follows a failed attempt: a check that ran and failed, not one still unanswered.
  const attempted = checks.some((c) => !c.passed && !c.unanswered);
  const plainHints = !passed && attempted ? ex.hints.slice(0, Math.max(0, Math.min(ex.hints.length, Math.floor(attempts)))) : [];
  // A hint attached to a cause shows whenever a failed check's trace shows that cause, in place of the plain ones
  // (they speak of what is seen, the plain ones of where to look).
  const found = passed ? [] : checks.flatMap((c) => (!c.passed && c.trace ? traceCauses(c.trace) : []));
  const causes = found.filter((c, i) => found.findIndex((d) => d.cause === c.cause && d.host === c.host && d.netns === c.netns) === i);
  const seen = new Set(causes.map((c) => c.cause));
  const byCause = (ex.causeHints ?? []).filter((h) => seen.has(h.when)).map((h) => h.text);
  const hints = byCause.length ? byCause : plainHints;
  return {
    id: ex.id,
    ...(ex.title ? { title: ex.title } : {}),
    score,
    maxScore: ex.points,
    passed,
    hints,
    ...(causes.length ? { causes } : {}),
    checks,
  };
}

/** Grades a lab: the world its run lines build, checked by every exercise. Never throws. */
export function gradeLab(lab: Lab, opts: GradeOptions = {}): LabGrade {
  const diagnostics: Diagnostic[] = [...(opts.answersDiagnostics ?? [])];
  let world = opts.world;
  if (!world) {
    try {
      const built = buildWorld(lab);
      world = built.world;
      diagnostics.push(...built.diagnostics);
    } catch (e) {
      diagnostics.push({
        file: lab.file,
        line: 1,
        column: 1,
        endLine: 1,
        endColumn: 1,
        severity: 'error',
        code: 'check-internal-error',
        message: loc(`Internal error while building the lab: ${String(e)}`, `실습을 만드는 중 내부 오류: ${String(e)}`),
      });
      world = { hosts: new Map(), switches: new Map() };
    }
  }
  const answers = opts.answers ?? NO_ANSWERS;
  const at = opts.attempts ?? 1;
  const ran = lab.exercises.map((ex) => runExercise(ex, lab, world, opts.reference, answers, diagnostics));
  const backed = backNoreach(ran);
  const exercises = lab.exercises.map((ex, i) => scoreExercise(ex, world, backed[i]!, typeof at === 'number' ? at : (at.get(ex.id) ?? 1)));
  return {
    lab: lab.name,
    file: lab.file,
    score: roundScore(exercises.reduce((s, e) => s + e.score, 0)),
    maxScore: roundScore(exercises.reduce((s, e) => s + e.maxScore, 0)),
    exercises,
    diagnostics,
  };
}
