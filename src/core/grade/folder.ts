/**
 * Grading a whole lab folder held in memory (relative path → text), the way `knetlab grade` and
 * the editor's Testing view both do it: a variant copy checked against the student, a template
 * drawn for the student, the solution laid over when asked, answers.yaml read, then gradeLab.
 * Problems become diagnostics of the result; never throws.
 */
import { parseDocument } from 'yaml';
import type { Diagnostic } from '../text/diag';
import { loc } from '../text/i18n';
import { loadLab } from '../lab/load';
import { parseAnswers } from './answers';
import { gradeLab } from './grade';
import { applySolution, hasSolution } from './overlay';
import type { LabGrade } from './types';
import { declaresVariables, instantiateLab } from '../lab/variant';

export interface GradeFilesOptions {
  /** How a file of the folder is named in diagnostics (e.g. its path from the working folder). */
  readonly displayPath: (rel: string) => string;
  /** The lab's name in the result when its lab.yaml does not load (default: displayPath('.')). */
  readonly label?: string;
  readonly student?: string;
  /** Lay `solution/` over the starter (when the folder has one). */
  readonly solution?: boolean;
  /** Failed attempts, this one included: one number for every exercise, or each exercise's (attempts.ts). */
  readonly attempts?: number | ReadonlyMap<string, number>;
}

/** The student a variant copy was made for (its `variant: { student }`), if it is one. */
export function variantStudent(labText: string): string | undefined {
  try {
    const v = parseDocument(labText).getIn(['variant', 'student']);
    return v === undefined || v === null ? undefined : String(v);
  } catch {
    return undefined;
  }
}

export function gradeFiles(input: ReadonlyMap<string, string>, opts: GradeFilesOptions): LabGrade {
  let files = new Map(input);
  const shown = opts.displayPath;
  const diagnostics: Diagnostic[] = [];
  const labText = files.get('lab.yaml');
  const empty = (d: Diagnostic[]): LabGrade => ({
    lab: opts.label ?? shown('.'),
    file: shown('lab.yaml'),
    score: 0,
    maxScore: 0,
    exercises: [],
    diagnostics: d,
  });
  if (labText === undefined) {
    return empty([
      {
        file: shown('lab.yaml'),
        line: 1,
        column: 1,
        endLine: 1,
        endColumn: 1,
        severity: 'error',
        code: 'file-not-found',
        message: loc('This folder has no lab.yaml.', '이 폴더에는 lab.yaml이 없습니다.'),
      },
    ]);
  }
  // A variant copy says whose it is; a template lab is drawn for the student first (its solution
  // files too), and only then is the solution laid over it.
  const copyOf = variantStudent(labText);
  if (copyOf !== undefined) {
    if (opts.student !== undefined && opts.student !== copyOf) {
      diagnostics.push({
        file: shown('lab.yaml'),
        line: 1,
        column: 1,
        endLine: 1,
        endColumn: 1,
        severity: 'error',
        code: 'variant-mismatch',
        message: loc(
          `This copy is the variant of student "${copyOf}", not of "${opts.student}".`,
          `이 사본은 "${opts.student}"가 아니라 "${copyOf}" 학생의 변형입니다.`,
        ),
      });
    }
  } else if (declaresVariables(labText)) {
    const inst = instantiateLab(files, opts.student ?? '', { displayPath: shown });
    files = new Map(inst.files);
    diagnostics.push(...inst.diagnostics);
  }
  if (opts.solution && hasSolution(files)) {
    const applied = applySolution(files, { displayPath: shown });
    files = new Map(applied.files);
    diagnostics.push(...applied.diagnostics);
  }
  const loaded = loadLab(files.get('lab.yaml')!, { file: shown('lab.yaml'), readFile: (rel) => files.get(rel) });
  diagnostics.push(...loaded.diagnostics.filter((d) => d.severity === 'error'));
  const answersText = files.get('answers.yaml');
  const parsed = answersText !== undefined ? parseAnswers(answersText, shown('answers.yaml')) : undefined;
  if (parsed) diagnostics.push(...parsed.diagnostics);
  if (!loaded.lab) return empty(diagnostics);
  const g = gradeLab(loaded.lab, {
    ...(parsed ? { answers: parsed.answers } : {}),
    ...(opts.attempts !== undefined ? { attempts: opts.attempts } : {}),
  });
  return { ...g, diagnostics: [...diagnostics, ...g.diagnostics] };
}
