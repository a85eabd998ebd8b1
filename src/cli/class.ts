/**
 * Grading a class with the instructor's key (`knetlab grade --roster FILE --submissions DIR --key
 * DIR`): one folder per student id under DIR, as `knetlab variant --roster --out` writes them, each
 * graded as its student (a copy of another student, or with an edited record, scores 0), the key
 * read once. Nothing is written into a student's folder: no attempt is recorded. A student without
 * a folder is a row with 0 points and a note. The report's shapes are in classReport.ts.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { LabGrade, Lang, Localized, RosterStudent } from '../core';
import { fmt } from './common';
import type { GradeOptions } from './grade';
import { gradeWithKeyBook, type KeyBook, keyedExercises } from './keyed';

const M = {
  missing: { en: 'no folder {0}: nothing handed in', ko: '{0} 폴더가 없습니다. 제출하지 않았습니다' },
  labMissing: { en: '{0}: not handed in', ko: '{0}: 제출하지 않았습니다' },
  refused: {
    en: "{0}: not this student's copy, or its variant: record was edited: 0 points",
    ko: '{0}: 이 학생의 사본이 아니거나 variant: 기록이 고쳐져서 0점입니다',
  },
  altered: { en: '{0}: differs from the handout: {1}', ko: '{0}: 배포한 내용과 다릅니다: {1}' },
  exercises: { en: 'the exercises of lab.yaml', ko: 'lab.yaml의 과제(exercises)' },
  errors: { en: '{0}: {1} error(s), the first {2}', ko: '{0}: 오류 {1}개, 첫 오류 {2}' },
} satisfies Record<string, Localized>;

export type StudentStatus = 'graded' | 'missing' | 'refused';

/** A lab of the key as the report lists it: its place, name, points and exercises. */
export interface ClassLab {
  /** Its folder in a student's course folder ('' for a lab key). */
  readonly path: string;
  readonly name: string;
  /** The column's name: the course path, or the lab's name for a lab key. */
  readonly column: string;
  readonly title?: Localized;
  readonly maxScore: number;
  readonly exercises: readonly { readonly id: string; readonly title?: Localized; readonly maxScore: number }[];
}

export interface ClassStudent {
  readonly id: string;
  readonly name: string;
  /** The student's folder (as given on the command line, joined). */
  readonly folder: string;
  readonly status: StudentStatus;
  /** Each lab of the key, graded (undefined when the student has no folder). */
  readonly labs: readonly (LabGrade | undefined)[];
  readonly score: number;
  readonly notes: readonly Localized[];
}

export interface ClassReport {
  readonly roster: string;
  readonly submissions: string;
  readonly key: string;
  readonly labs: readonly ClassLab[];
  readonly maxScore: number;
  readonly students: readonly ClassStudent[];
}

export interface ClassInput {
  readonly roster: string;
  readonly students: readonly RosterStudent[];
  readonly submissions: string;
  readonly book: KeyBook;
  readonly opts: GradeOptions;
  readonly lang: Lang;
  /** Told after each student: how many are done, of how many, and who was last. */
  readonly progress?: (done: number, total: number, id: string) => void;
}

const sum = (xs: readonly number[]) => Math.round(xs.reduce((a, b) => a + b, 0) * 100) / 100;

/** The labs of the key, as the report's columns: points and exercises as the key has them. */
export function classLabs(book: KeyBook, secret?: string): ClassLab[] {
  return book.labs.map((l) => {
    const exercises = keyedExercises(l, secret).map((e) => ({ id: e.id, ...(e.title ? { title: e.title } : {}), maxScore: e.points }));
    return {
      path: l.path,
      name: l.name,
      column: l.path || l.name || 'lab',
      ...(l.course?.title ? { title: l.course.title } : {}),
      maxScore: sum(exercises.map((e) => e.maxScore)),
      exercises,
    };
  });
}

/** What a graded lab says an instructor should know: refused, not handed in, altered, errors. */
function labNotes(lab: ClassLab, g: LabGrade, dir: string): Localized[] {
  const notes: Localized[] = [];
  const codes = new Set(g.diagnostics.map((d) => d.code));
  const shown = (m: Localized, ...args: string[]) => ({ en: fmt('en', m, ...args), ko: fmt('ko', m, ...args) });
  if (codes.has('variant-mismatch') || codes.has('variant-tampered')) notes.push(shown(M.refused, lab.column));
  const errors = g.diagnostics.filter((d) => d.severity === 'error' && d.code !== 'variant-mismatch' && d.code !== 'variant-tampered');
  if (errors.length === 1 && errors[0]!.code === 'file-not-found' && g.exercises.length === 0) notes.push(shown(M.labMissing, lab.column));
  else if (errors.length) {
    const e = errors[0]!;
    notes.push(shown(M.errors, lab.column, String(errors.length), `${relative(dir, e.file) || e.file}:${e.line} ${e.code}`));
  }
  // lab.yaml is noted for its exercises section only (the rest is the student's work)
  const altered = [...new Set(g.diagnostics.filter((d) => d.code === 'handout-altered').map((d) => relative(dir, d.file) || d.file))];
  const named = (lang: Lang) => altered.map((rel) => (rel === 'lab.yaml' ? fmt(lang, M.exercises) : rel)).join(', ');
  if (altered.length) notes.push({ en: fmt('en', M.altered, lab.column, named('en')), ko: fmt('ko', M.altered, lab.column, named('ko')) });
  return notes;
}

/** Grades every student of the roster, in the roster's order. */
export function gradeClass(input: ClassInput): ClassReport {
  const labs = classLabs(input.book, input.opts.secret);
  const maxScore = sum(labs.map((l) => l.maxScore));
  const students: ClassStudent[] = [];
  input.students.forEach((s, i) => {
    const folder = join(input.submissions, s.id);
    if (!existsSync(folder) || !statSync(folder).isDirectory()) {
      const shown = relative(process.cwd(), folder) || folder;
      const note = { en: fmt('en', M.missing, shown), ko: fmt('ko', M.missing, shown) };
      students.push({ id: s.id, name: s.name, folder, status: 'missing', labs: labs.map(() => undefined), score: 0, notes: [note] });
    } else {
      // graded as this student: a classmate's copy, or an edited record, scores 0
      const graded = gradeWithKeyBook(folder, input.book, { ...input.opts, student: s.id, record: false }, input.lang, { missing: 'zero' });
      const refused = graded.some((g) => g.diagnostics.some((d) => d.code === 'variant-mismatch' || d.code === 'variant-tampered'));
      const notes = graded.flatMap((g, k) => labNotes(labs[k]!, g, labs[k]!.path ? join(folder, labs[k]!.path) : folder));
      students.push({
        id: s.id,
        name: s.name,
        folder,
        status: refused ? 'refused' : 'graded',
        labs: graded,
        score: sum(graded.map((g) => g.score)),
        notes,
      });
    }
    input.progress?.(i + 1, input.students.length, s.id);
  });
  return { roster: input.roster, submissions: input.submissions, key: input.book.dir, labs, maxScore, students };
}

/** Folders of the submissions that no student of the roster has (ids compared as written). */
export function strayFolders(submissions: string, students: readonly RosterStudent[]): string[] {
  const ids = new Set(students.map((s) => s.id));
  try {
    return readdirSync(submissions, { withFileTypes: true })
      .filter((e) => e.isDirectory() && !e.name.startsWith('.') && !ids.has(e.name.normalize('NFC')))
      .map((e) => e.name)
      .sort();
  } catch {
    return [];
  }
}

/** The score a student got in one exercise of a lab (0 when not graded). */
export function exerciseScore(g: LabGrade | undefined, id: string): { score: number; passed: boolean } {
  const e = g?.exercises.find((x) => x.id === id);
  return { score: e?.score ?? 0, passed: e?.passed ?? false };
}
