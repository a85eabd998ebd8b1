/**
 * Grading a whole lab folder held in memory (relative path → text), the way `knetlab grade` and
 * the editor's Testing view both do it: a variant copy checked against the student, a template
 * drawn for the student, the solution laid over when asked, answers.yaml read, then gradeLab.
 * Problems become diagnostics of the result; never throws.
 */
import type { Diagnostic } from '../text/diag';
import { loc } from '../text/i18n';
import { loadLab } from '../lab/load';
import { parseAnswers } from './answers';
import { gradeLab } from './grade';
import { applySolution, hasSolution } from './overlay';
import type { LabGrade } from './types';
import { declaresVariables, instantiateLab, normaliseStudent, readVariables, readVariantRecord, verifySeal } from '../lab/variant';

export interface GradeFilesOptions {
  /** How a file of the folder is named in diagnostics (e.g. its path from the working folder). */
  readonly displayPath: (rel: string) => string;
  /** The lab's name in the result when its lab.yaml does not load (default: displayPath('.')). */
  readonly label?: string;
  readonly student?: string;
  /** Lay `solution/` over the starter (when the folder has one). */
  readonly solution?: boolean;
  readonly attempts?: number;
  /** The instructor's secret: checks a copy's seal made with it (without it, such seals are taken on trust). */
  readonly secret?: string;
}

/** The student a variant copy was made for (its `variant: { student }`), if it is one. */
export function variantStudent(labText: string): string | undefined {
  return readVariantRecord(labText)?.student;
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
  // A variant copy says whose it is and is sealed (see lab/variant/seal.ts); a template lab is
  // drawn for the student first (its solution files too), and only then is the solution laid over it.
  const record = readVariantRecord(labText);
  let refused = false;
  if (record !== undefined) {
    const at = recordRange(labText, shown('lab.yaml'));
    const copyOf = record.student;
    if (opts.student !== undefined && normaliseStudent(opts.student) !== copyOf) {
      refused = true;
      diagnostics.push({
        ...at,
        severity: 'error',
        code: 'variant-mismatch',
        message: loc(
          `This copy is the variant of student "${copyOf}", not of "${opts.student}": it scores 0.`,
          `이 사본은 "${opts.student}" 학생이 아니라 "${copyOf}" 학생의 변형이라서 0점입니다.`,
        ),
      });
    }
    const verdict = verifySeal(record, readVariables(labText, shown('lab.yaml')).labName, opts.secret);
    if (verdict === 'broken' || verdict === 'missing' || verdict === 'not-secret') {
      refused = true;
      const why =
        verdict === 'missing'
          ? loc('it has no seal', '봉인이 없습니다')
          : verdict === 'not-secret'
            ? loc('it was not sealed with the secret given', '주어진 비밀 값으로 봉인되지 않았습니다')
            : loc('its student or values were edited after it was written', '기록을 쓴 뒤에 학생이나 값이 고쳐졌습니다');
      diagnostics.push({
        ...at,
        severity: 'error',
        code: 'variant-tampered',
        message: loc(
          `The variant: record does not verify (${why.en}): this copy scores 0. Grade the copy knetlab variant wrote.`,
          `variant: 기록이 맞지 않습니다 (${why.ko}). 이 사본은 0점입니다. knetlab variant가 쓴 사본을 채점하세요.`,
        ),
      });
    }
  } else if (declaresVariables(labText)) {
    const inst = instantiateLab(files, opts.student ?? '', { displayPath: shown, ...(opts.secret ? { secret: opts.secret } : {}) });
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
  if (refused) return { ...g, score: 0, exercises: [], diagnostics }; // refused: the maximum stays, nothing scores
  return { ...g, diagnostics: [...diagnostics, ...g.diagnostics] };
}

/** The place of the `variant:` line in a copy's lab.yaml (its first line when not found). */
function recordRange(labText: string, file: string) {
  const i = labText.split('\n').findIndex((l) => /^variant\s*:/.test(l));
  const line = i < 0 ? 1 : i + 1;
  return { file, line, column: 1, endLine: line, endColumn: 8 };
}
