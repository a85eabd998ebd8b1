/**
 * Grading: the contract between the grader, the check kinds and their callers (CLI, editor).
 * A check kind is one module in the registry (registry.ts); the grader never names a kind.
 */
import type { Diagnostic, SourceRange } from '../text/diag';
import type { Localized } from '../text/i18n';
import type { CheckSpec, ExerciseSpec, Lab } from '../lab/types';
import type { World } from '../sim/model';
import type { TraceResult } from '../datapath/trace';
import type { TraceCause } from '../datapath/causes';

/** A student's answers (answers.yaml): exercise id -> the answers of its quiz checks, in order. */
export interface Answers {
  readonly byExercise: ReadonlyMap<string, readonly string[]>;
}

export interface CheckContext {
  readonly lab: Lab;
  /** The world built from the lab's run lines (the student's work). */
  readonly world: World;
  /**
   * The reference world: the lab with its solution applied (or the instructor's key). It says who
   * should answer a reach check to an address (checks/identity.ts); absent when the lab has none.
   */
  readonly reference?: World;
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
  /** A reach passed, but who answered could not be checked: no reference world says who should. */
  readonly identityUnchecked?: boolean;
  /** The check could not be graded (no answer given, a malformed answers file...). */
  readonly unanswered?: boolean;
  /**
   * Lab lines the simulator does not model that this answer could depend on: when there are any,
   * the verdict may be wrong. The grader fills it from the trace or the hosts the check names.
   */
  readonly warnings?: readonly Diagnostic[];
}

/** A check's packet as knetlab.runTrace takes it: how to trace it again (the view's TraceArgsView). */
export interface CheckTrace {
  readonly from: string;
  readonly to: string;
  readonly proto: 'icmp' | 'tcp' | 'udp';
  readonly port?: number;
}

/** A piece of JSON Schema (draft 2020-12), as plain data. */
export type JsonSchema = Readonly<Record<string, unknown>>;

/** What a kind says of itself to people: the lab schema's description of it, for hovers and completion. */
export interface CheckKindDocs {
  /** What makes it pass, in a sentence or two (plain text; backquotes name arguments). */
  readonly text: Localized;
  /** The same for editors that render Markdown, where it says more than `text`. */
  readonly markdown?: Localized;
  /** A lab line (or lines) that uses it, shown as YAML under the Markdown. */
  readonly example?: string;
}

/**
 * A check kind, one module in checks/ and one entry in the registry: everything the grader, the
 * lab schema, the views and the editor know of it comes from here.
 */
export interface CheckKind {
  /** Its key in lab.yaml: `reach`. */
  readonly kind: string;
  /** Its short name, as the lab panel shows it: `reaches` / `도달`. */
  readonly name: Localized;
  /** What it asks, in one line (the panel's tooltip): `The packet must get its answer`. */
  readonly summary: Localized;
  readonly docs: CheckKindDocs;
  /**
   * Its arguments' JSON Schema: `args` becomes `$defs/<kind>Check` of schema/lab.schema.json (with
   * `docs` as its description), `defs` further `$defs` it refers to (kinds with the same arguments
   * share them). scripts/lab-schema.mjs writes the file; `#/$defs/...` may name the base's defs.
   */
  readonly schema: { readonly args: JsonSchema; readonly defs?: Readonly<Record<string, JsonSchema>> };
  /** A check of this kind in one line, in the notation of the lab file and the tools (no words to translate). */
  label(check: CheckSpec): string;
  /** For kinds that send a packet: that packet, to trace it again (CodeLens, the lab panel, quick fixes). */
  readonly packet?: {
    /** The packet, or undefined when the check's arguments make none. */
    of(check: CheckSpec): CheckTrace | undefined;
    /** Whether the check passes when the packet gets its answer, or when it does not; absent when the packet only looks (a route check's ping). */
    readonly passesWhen?: 'replied' | 'blocked';
  };
  /** Validates the check's arguments against the lab (hosts exist, addresses parse...). */
  validate(check: CheckSpec, lab: Lab): Diagnostic[];
  run(check: CheckSpec, ctx: CheckContext): CheckResult;
}

export interface CheckGrade extends CheckResult {
  readonly kind: string;
  /** A quiz's question and its choices (each a string or { en, ko } in the lab), for reports that show what was asked. */
  readonly question?: Localized;
  readonly choices?: readonly Localized[];
  readonly range: SourceRange;
  readonly points: number;
}

export interface ExerciseGrade {
  readonly id: string;
  readonly title?: Localized;
  readonly score: number;
  readonly maxScore: number;
  readonly passed: boolean;
  /**
   * Hints shown: those attached to a cause the failed checks' traces show; when none is, the plain
   * ones revealed so far (the first after a failed attempt, one more per further failed attempt).
   */
  readonly hints: Localized[];
  /** The failure causes the failed checks' traces show (datapath/causes.ts); absent when none. */
  readonly causes?: readonly TraceCause[];
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
