/**
 * CodeLens for lab files: "Run trace" over the checks whose kind sends a packet (the kind says
 * which packet), "Grade" over exercises, "Trace from here" on hosts.
 */
import { findCheckKind, type Lab, loc, type Localized } from '../../core';
import { type Span, spanOf } from './span';

export const RUN_TRACE = 'knetlab.runTrace';
export const GRADE_LAB = 'knetlab.gradeLab';

export interface TraceArgs {
  readonly from: string;
  readonly to?: string;
  readonly proto?: string;
  readonly port?: number;
}

export type LensSpec =
  | { readonly span: Span; readonly title: Localized; readonly command: typeof RUN_TRACE; readonly args: TraceArgs }
  | { readonly span: Span; readonly title: Localized; readonly command: typeof GRADE_LAB; readonly args: { readonly exercise: string } };

export const LENS_TITLES = {
  runTrace: loc('Run trace', '경로 추적'),
  grade: loc('Grade', '채점'),
  traceFromHere: loc('Trace from here', '여기서 추적'),
} as const;

export function codeLenses(lab: Lab | undefined): LensSpec[] {
  if (!lab) return [];
  const out: LensSpec[] = [];
  for (const h of lab.hosts)
    out.push({ span: spanOf(h.range), title: LENS_TITLES.traceFromHere, command: RUN_TRACE, args: { from: h.name } });
  for (const ex of lab.exercises) {
    out.push({ span: spanOf(ex.range), title: LENS_TITLES.grade, command: GRADE_LAB, args: { exercise: ex.id } });
    for (const c of ex.checks) {
      // The packet the check walks, as the grader does (a route check's is a ping from `on:`).
      const args = findCheckKind(c.kind)?.packet?.of(c);
      if (!args) continue;
      out.push({ span: spanOf(c.range), title: LENS_TITLES.runTrace, command: RUN_TRACE, args });
    }
  }
  return out;
}
