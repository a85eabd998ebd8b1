/**
 * A lint rule: one module in rules/, listed once in rules/index.ts. It says which diagnostic code
 * it reports, what it finds in one line (English and Korean, as docs/diagnostics.md has it), and
 * checks a built lab; the linter (lint.ts) only loops over the registry.
 */
import type { DiagnosticCode, SourceRange } from '../text/diag';
import type { Localized } from '../text/i18n';
import type { LintContext } from './context';

/** Reports one warning of the rule's code at `at`. */
export type Warn = (at: SourceRange, message: Localized) => void;

export interface LintRule {
  readonly code: DiagnosticCode;
  /** What the rule finds, in one line. */
  readonly summary: Localized;
  /** Checks the lab and its world (both in `ctx`), calling `warn` for each finding. */
  check(ctx: LintContext, warn: Warn): void;
}
