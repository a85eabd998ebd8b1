/**
 * Grading a whole lab folder held in memory (relative path → text), the way `knetlab grade` and
 * the editor's Testing view both do it: a variant copy checked against the student, a template
 * drawn for the student, the solution laid over when asked, answers.yaml read, then gradeLab.
 * Problems become diagnostics of the result; never throws.
 */
import { isMap, isScalar, LineCounter, type Node, parseDocument } from 'yaml';
import type { Diagnostic } from '../text/diag';
import { loc } from '../text/i18n';
import { loadLab, OUTSIDE_LAB, outsideLab } from '../lab/load';
import { parseAnswers } from './answers';
import { gradeLab } from './grade';
import { drawKey, type GradingKey, handoutNotes, keyExercises, withKeySolution } from './key';
import { applySolution, hasSolution, SOLUTION_DIR } from './overlay';
import type { LabGrade } from './types';
import { buildWorld } from '../world/build';
import type { World } from '../sim/model';
import { declaresVariables, instantiateLab, normaliseStudent, readVariables, readVariantRecord, verifySeal } from '../lab/variant';

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
  /**
   * The reference world, when the caller already has it (referenceWorld of the same lab, built once
   * for a class): it says who should answer a reach check. Absent: built from `solution/` here.
   */
  readonly reference?: World;
  /** Files of the folder that resolve outside it (symbolic links out of it): never read, each an error where it is read. */
  readonly outside?: ReadonlySet<string>;
  /**
   * The instructor's grading key (grade/key.ts): the lab is graded by the key's exercises only,
   * the student's `exercises:` section is ignored, and what differs from the handout is noted.
   */
  readonly key?: GradingKey;
  /** The instructor's secret: checks a copy's seal made with it (without it, such seals are taken on trust). */
  readonly secret?: string;
}

/** The lines of lab.yaml's `exercises:` section, if it has one. */
function exercisesLines(text: string): { from: number; to: number } | undefined {
  try {
    const lc = new LineCounter();
    const doc = parseDocument(text, { lineCounter: lc, prettyErrors: false });
    const root = doc.contents;
    const pair = isMap(root) ? root.items.find((p) => isScalar(p.key) && p.key.value === 'exercises') : undefined;
    const a = isScalar(pair?.key) ? pair.key.range?.[0] : undefined;
    const b = (pair?.value as Node | null | undefined)?.range?.[1];
    if (a === undefined) return undefined;
    return { from: lc.linePos(a).line, to: lc.linePos(b ?? a).line };
  } catch {
    return undefined;
  }
}

/** The error of a file of the folder that leads outside it, at its first line (or at `at`). */
export function outsideDiagnostic(file: string, rel: string): Diagnostic {
  return { file, line: 1, column: 1, endLine: 1, endColumn: 1, severity: 'error', code: 'file-outside-lab', message: outsideLab(rel) };
}

/** The student a variant copy was made for (its `variant: { student }`), if it is one. */
export function variantStudent(labText: string): string | undefined {
  return readVariantRecord(labText)?.student;
}

/**
 * The reference world: the lab of these files with its `solution/` applied, built. It says who
 * should answer a reach check to an address (checks/identity.ts). Undefined when the lab has no
 * solution, or when the solved lab does not load (the grade then does not check who answered).
 */
export function referenceWorld(files: ReadonlyMap<string, string>, displayPath: (rel: string) => string = (p) => p): World | undefined {
  if (!hasSolution(files)) return undefined;
  try {
    const solved = applySolution(files, { displayPath }).files;
    const text = solved.get('lab.yaml');
    if (text === undefined) return undefined;
    const loaded = loadLab(text, { file: displayPath('lab.yaml'), readFile: (rel) => solved.get(rel) });
    return loaded.lab ? buildWorld(loaded.lab).world : undefined;
  } catch {
    return undefined;
  }
}

export function gradeFiles(input: ReadonlyMap<string, string>, opts: GradeFilesOptions): LabGrade {
  let files = new Map(input);
  const shown = opts.displayPath;
  const diagnostics: Diagnostic[] = [];
  const outside = opts.outside ?? new Set<string>();
  const labText = files.get('lab.yaml');
  const empty = (d: Diagnostic[]): LabGrade => ({
    lab: opts.label ?? shown('.'),
    file: shown('lab.yaml'),
    score: 0,
    maxScore: 0,
    exercises: [],
    diagnostics: d,
  });
  if (outside.has('lab.yaml')) return empty([outsideDiagnostic(shown('lab.yaml'), 'lab.yaml')]);
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
  const copyOf = record?.student;
  let refused = false;
  if (record !== undefined) {
    const at = recordRange(labText, shown('lab.yaml'));
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
  // Solution files and answers that lead outside the folder are errors, and are not read.
  for (const rel of outside) {
    if (rel === 'answers.yaml' || (opts.solution && rel.startsWith(SOLUTION_DIR))) diagnostics.push(outsideDiagnostic(shown(rel), rel));
  }
  // Who should answer a reach check: the solved lab's world (the graded one, when it is the solution).
  // With the key, the key's solution says it (a student's own solution/ never counts).
  // The key drawn once for the student the copy was made for (or the one named): exercises and solution.
  const drawn = opts.key ? drawKey(opts.key, copyOf ?? opts.student ?? '', opts.secret) : undefined;
  const solvedBy = opts.key ? withKeySolution(files, opts.key, copyOf ?? opts.student ?? '', opts.secret, drawn) : files;
  const reference = opts.solution ? undefined : (opts.reference ?? referenceWorld(solvedBy, shown));
  if (opts.solution && hasSolution(files)) {
    const applied = applySolution(files, { displayPath: shown });
    files = new Map(applied.files);
    diagnostics.push(...applied.diagnostics);
  }
  const labFile = shown('lab.yaml');
  const ignored = opts.key ? exercisesLines(files.get('lab.yaml')!) : undefined;
  const loaded = loadLab(files.get('lab.yaml')!, {
    file: shown('lab.yaml'),
    readFile: (rel) => (outside.has(rel) ? OUTSIDE_LAB : files.get(rel)),
  });
  diagnostics.push(
    ...loaded.diagnostics.filter(
      (d) => d.severity === 'error' && !(ignored && d.file === labFile && d.line >= ignored.from && d.line <= ignored.to),
    ),
  );
  const answersText = files.get('answers.yaml');
  const parsed = answersText !== undefined ? parseAnswers(answersText, shown('answers.yaml')) : undefined;
  if (parsed) diagnostics.push(...parsed.diagnostics);
  if (!loaded.lab) return empty(diagnostics);
  let world: World | undefined;
  if (opts.solution && hasSolution(input)) {
    try {
      const built = buildWorld(loaded.lab);
      world = built.world;
      diagnostics.push(...built.diagnostics);
    } catch {
      world = undefined; // gradeLab builds it again and reports the error
    }
  }
  let lab = loaded.lab;
  if (opts.key) {
    // The key's exercises, for the student the copy was made for (or the one named).
    const k = keyExercises(opts.key, copyOf ?? opts.student ?? '', opts.secret, drawn);
    // A copy's sealed record says what its student was given (the handout, addresses moved).
    diagnostics.push(...k.diagnostics, ...handoutNotes(opts.key, input, shown, record?.given));
    lab = { ...lab, exercises: k.exercises };
  } else if (lab.handout) {
    diagnostics.push({
      file: labFile,
      line: 1,
      column: 1,
      endLine: 1,
      endColumn: 1,
      severity: 'info',
      code: 'graded-by-key',
      message: loc(
        "This lab is a handout: its exercises have no checks here, the instructor's key grades them (knetlab grade --key). Your answers.yaml and your lab are what is graded.",
        '이 실습은 배포본입니다. 여기의 과제에는 검사가 없고, 강사의 채점 키가 채점합니다(knetlab grade --key). 채점되는 것은 여러분의 answers.yaml과 실습 내용입니다.',
      ),
    });
  }
  const g = gradeLab(lab, {
    ...(parsed ? { answers: parsed.answers } : {}),
    ...(world ? { world, reference: world } : reference ? { reference } : {}),
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
