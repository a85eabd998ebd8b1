/**
 * Grading with the instructor's key (`knetlab grade --key`, one student or a class): the key read
 * once (a lab's key.yaml, or a course's course.yaml and each lab's key, with its solution/), then
 * a student's lab or course folder graded with it, lab by lab (grade.ts gradeFolder).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { isMap, isScalar, parseDocument } from 'yaml';
import {
  type CourseLab,
  courseLabOutside,
  type GradingKey,
  KEY_FILE,
  KEY_HANDOUT_LAB,
  keyExercises,
  type LabGrade,
  type Lang,
  type Localized,
  readKey,
} from '../core';
import { fmt, formatDiag, type Io, readCourse, t, UsageError } from './common';
import { gradeFolder, type GradeOptions } from './grade';
import { readTree, resolvesInside } from './tree';

const M = {
  noKey: {
    en: 'no key.yaml nor course.yaml in {0} (write a key with knetlab build)',
    ko: '{0}에 key.yaml도 course.yaml도 없습니다 (knetlab build로 채점 키를 만드세요)',
  },
  badKey: { en: 'cannot read the grading key {0}', ko: '채점 키 {0} 파일을 읽을 수 없습니다' },
  noLab: {
    en: 'This folder has no lab.yaml: the lab was not handed in.',
    ko: '이 폴더에 lab.yaml이 없습니다. 실습을 제출하지 않았습니다.',
  },
} satisfies Record<string, Localized>;

/** One lab of a key: where it is in a student's folder ('' for a lab key), its key, its course line. */
export interface KeyedLab {
  readonly path: string;
  readonly key: GradingKey;
  /** The lab's `name:` in the key. */
  readonly name: string;
  readonly course?: CourseLab;
}

/** A key as read: one lab (key.yaml) or a course's labs, in the course's order. */
export interface KeyBook {
  readonly dir: string;
  readonly course: boolean;
  readonly labs: readonly KeyedLab[];
}

/** The grading key of one lab (its key.yaml); a key that cannot be read is a usage error. */
function keyOf(file: string, lang: Lang, io: Io): GradingKey {
  if (!existsSync(file)) throw new UsageError(t(lang, 'noSuchPath', file));
  const r = readKey(readFileSync(file, 'utf8'), relative(process.cwd(), file) || file);
  for (const d of r.diagnostics) io.err(formatDiag(d, lang) + '\n');
  if (!r.key) throw new UsageError(fmt(lang, M.badKey, file));
  // the key's solution/ beside key.yaml: who should answer each reach check
  const solutionDir = join(dirname(file), 'solution');
  // the handout's lab as given, kept in the key by knetlab build: the reference's starting point
  const handoutLab = join(dirname(file), KEY_HANDOUT_LAB);
  return {
    ...r.key,
    ...(existsSync(solutionDir) ? { solution: readTree(solutionDir) } : {}),
    ...(existsSync(handoutLab) ? { handoutLab: readFileSync(handoutLab, 'utf8') } : {}),
  };
}

function nameOf(key: GradingKey): string {
  try {
    const root = parseDocument(key.text).contents;
    const n = isMap(root) ? root.get('name', true) : undefined;
    return isScalar(n) && n.value !== null ? String(n.value) : '';
  } catch {
    return '';
  }
}

/** Reads a key folder: a lab's key.yaml, or the course.yaml of a course key and each lab's key. */
export function readKeyBook(keyDir: string, lang: Lang, io: Io): KeyBook {
  if (existsSync(join(keyDir, KEY_FILE))) {
    const key = keyOf(join(keyDir, KEY_FILE), lang, io);
    return { dir: keyDir, course: false, labs: [{ path: '', key, name: nameOf(key) }] };
  }
  const courseFile = join(keyDir, 'course.yaml');
  if (!existsSync(courseFile)) throw new UsageError(fmt(lang, M.noKey, keyDir));
  const { course } = readCourse(courseFile, lang, (d) => io.err(formatDiag(d, lang) + '\n'));
  const labs = course.labs.map((l) => {
    const key = keyOf(join(keyDir, l.path, KEY_FILE), lang, io);
    return { path: l.path, key, name: nameOf(key), course: l };
  });
  return { dir: keyDir, course: true, labs };
}

/** The exercises of a key's lab as written (no student): their ids, titles and points. */
export function keyedExercises(lab: KeyedLab, secret?: string): ReturnType<typeof keyExercises>['exercises'] {
  return keyExercises(lab.key, '', secret).exercises;
}

/** A course's lab that leads outside the course folder: not read, its error at its line, no points. */
export function refusedLab(l: CourseLab, dir: string): LabGrade {
  return {
    lab: relative(process.cwd(), dir) || dir,
    file: l.range.file,
    score: 0,
    maxScore: 0,
    exercises: [],
    diagnostics: [courseLabOutside(l)],
  };
}

/** A lab a student's folder does not have: 0 points, an error that says so. */
function missingLab(dir: string): LabGrade {
  const file = relative(process.cwd(), join(dir, 'lab.yaml')) || 'lab.yaml';
  return {
    lab: relative(process.cwd(), dir) || dir,
    file,
    score: 0,
    maxScore: 0,
    exercises: [],
    diagnostics: [{ file, line: 1, column: 1, endLine: 1, endColumn: 1, severity: 'error', code: 'file-not-found', message: M.noLab }],
  };
}

export interface KeyedGradeOptions {
  /** A lab the student's folder lacks: a usage error (one student), or a lab with no points (a class). */
  readonly missing?: 'throw' | 'zero';
}

/** A student's lab or course folder graded with a key read before; labs in the key's order. */
export function gradeWithKeyBook(path: string, book: KeyBook, opts: GradeOptions, lang: Lang, k: KeyedGradeOptions = {}): LabGrade[] {
  return book.labs.map((l) => {
    const dir = l.path ? join(path, l.path) : path;
    if (l.course && !resolvesInside(path, dir)) return refusedLab(l.course, dir);
    if (!existsSync(join(dir, 'lab.yaml'))) {
      if (k.missing === 'zero') return missingLab(dir);
      throw new UsageError(t(lang, 'noLabYaml', dir));
    }
    return gradeFolder(dir, { ...opts, key: l.key }, lang);
  });
}

/** A student's lab or course folder graded with the key: the key's course.yaml says which labs there are. */
export function gradeWithKey(path: string, keyDir: string, opts: GradeOptions, lang: Lang, io: Io): { labs: LabGrade[]; course: boolean } {
  const book = readKeyBook(keyDir, lang, io);
  return { labs: gradeWithKeyBook(path, book, opts, lang), course: book.course };
}
