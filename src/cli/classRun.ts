/**
 * `knetlab grade --roster FILE --submissions DIR --key DIR [--secret FILE] [--out DIR]`: the class
 * graded (class.ts), the report written under --out (classReport.ts) and shown on stdout as a
 * table, JSON or CSV; a progress bar on a terminal's stderr. Exit 0 when graded, 1 when a copy
 * was not its student's own (or, with --min-score, a student is below it), 2 on bad input.
 */
import { existsSync, mkdirSync, readFileSync, realpathSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import { type Lang, type Localized, parseRoster } from '../core';
import type { Parsed } from './args';
import { gradeClass, strayFolders } from './class';
import { classJson, classText, exercisesCsv, PROGRESS_DONE, progressBar, REPORT_FILES, studentJunit, studentsCsv } from './classReport';
import { fmt, formatDiag, type Io, t, UsageError } from './common';
import { round, type GradeOptions } from './grade';
import { readKeyBook } from './keyed';

const M = {
  needs: {
    en: 'grading a class needs --roster FILE, --submissions DIR and --key DIR (and no lab or course folder)',
    ko: '반 전체를 채점하려면 --roster 파일, --submissions 폴더, --key 폴더가 필요합니다 (실습이나 코스 폴더는 주지 않습니다)',
  },
  notWith: {
    en: '{0} does not go with --roster: each student is graded as the roster names them, with the key',
    ko: '{0}: --roster와 함께 쓸 수 없습니다. 학생마다 명단의 id로, 채점 키로 채점합니다',
  },
  badFormat: {
    en: 'with --roster, --format is text, json or csv (the JUnit files, one per student, are written with --out DIR)',
    ko: '--roster와 함께 쓰는 --format은 text, json, csv입니다 (학생마다 JUnit 파일은 --out 폴더로 씁니다)',
  },
  badRoster: { en: 'the roster {0} has errors', ko: '명단 {0}에 오류가 있습니다' },
  emptyRoster: { en: 'the roster {0} lists no student', ko: '명단 {0}에 학생이 한 명도 없습니다' },
  outInside: {
    en: "--out {0} is inside --submissions {1}: the report is never written into students' folders",
    ko: '--out {0} 폴더가 --submissions {1} 안에 있습니다. 보고서는 학생의 폴더에 쓰지 않습니다',
  },
  stray: { en: '{0}: {1} folder(s) of no student on the roster: {2}', ko: '{0}: 명단에 없는 학생의 폴더 {1}개: {2}' },
  written: { en: 'wrote the report of {0} students to {1}', ko: '학생 {0}명의 보고서를 {1}에 썼습니다' },
  refused: {
    en: '{0} scored 0: a copy not their own, or a variant: record edited: {1}',
    ko: '{0}명이 0점입니다. 자기 사본이 아니거나 variant: 기록이 고쳐졌습니다: {1}',
  },
  belowMin: { en: '{0} below the minimum {1}: {2}', ko: '{0}명이 최소 점수 {1}보다 낮습니다: {2}' },
} satisfies Record<string, Localized>;

function isDir(p: string): boolean {
  return existsSync(p) && statSync(p).isDirectory();
}

/** Whether `inner` is `outer` or below it, by real paths where they exist. */
function within(inner: string, outer: string): boolean {
  const real = (p: string) => {
    let head = resolve(p);
    const tail: string[] = [];
    // the deepest part that exists, resolved; the rest as written
    while (!existsSync(head) && head !== resolve(head, '..')) {
      tail.unshift(head.slice(resolve(head, '..').length + 1));
      head = resolve(head, '..');
    }
    return join(realpathSync(head), ...tail);
  };
  const a = real(inner);
  const b = real(outer);
  return a === b || a.startsWith(b.endsWith(sep) ? b : b + sep);
}

export interface ClassArgs {
  readonly p: Parsed;
  readonly lang: Lang;
  readonly io: Io;
  readonly opts: GradeOptions;
  readonly min?: { value: number; percent: boolean };
}

/** Runs the class grading; the exit status. Bad input throws a UsageError. */
export function runClass({ p, lang, io, opts, min }: ClassArgs): number {
  const rosterFile = p.options.get('--roster');
  const submissions = p.options.get('--submissions');
  const keyDir = p.options.get('--key');
  if (rosterFile === undefined || submissions === undefined || keyDir === undefined || p.positional.length)
    throw new UsageError(fmt(lang, M.needs));
  for (const o of ['--student', '--solution']) if (p.options.has(o)) throw new UsageError(fmt(lang, M.notWith, o));
  const format = p.options.get('--format') ?? 'text';
  if (!['text', 'json', 'csv'].includes(format)) throw new UsageError(fmt(lang, M.badFormat));
  if (!existsSync(rosterFile) || !statSync(rosterFile).isFile()) throw new UsageError(t(lang, 'noSuchPath', rosterFile));
  if (!isDir(submissions)) throw new UsageError(t(lang, 'noSuchPath', submissions));
  if (!isDir(keyDir)) throw new UsageError(t(lang, 'noSuchPath', keyDir));
  const out = p.options.get('--out');
  if (out !== undefined && within(out, submissions)) throw new UsageError(fmt(lang, M.outInside, out, submissions));
  const roster = parseRoster(readFileSync(rosterFile, 'utf8'), rosterFile);
  for (const d of roster.diagnostics) io.err(formatDiag(d, lang) + '\n');
  if (roster.diagnostics.some((d) => d.severity === 'error')) throw new UsageError(fmt(lang, M.badRoster, rosterFile));
  if (!roster.students.length) throw new UsageError(fmt(lang, M.emptyRoster, rosterFile));
  const book = readKeyBook(keyDir, lang, io);
  const stray = strayFolders(submissions, roster.students);
  if (stray.length) io.err(fmt(lang, M.stray, submissions, String(stray.length), stray.join(', ')) + '\n');

  // A bar on a terminal only, and never with JSON (a program reads it).
  const bar = io.errTty === true && format !== 'json';
  const report = gradeClass({
    roster: rosterFile,
    students: roster.students,
    submissions,
    book,
    opts: { ...opts, record: false },
    lang,
    ...(bar ? { progress: (done: number, total: number, id: string) => io.err(progressBar(done, total, id)) } : {}),
  });
  if (bar) io.err(PROGRESS_DONE);
  // a minimum above the most points there are: nobody could pass (as for one student's grade)
  if (min && !min.percent && min.value > report.maxScore)
    throw new UsageError(t(lang, 'minAboveMax', String(min.value), String(report.maxScore)));

  if (out !== undefined) {
    mkdirSync(join(out, REPORT_FILES.junit), { recursive: true });
    const bom = '\ufeff';
    writeFileSync(join(out, REPORT_FILES.students), bom + studentsCsv(report, lang));
    writeFileSync(join(out, REPORT_FILES.exercises), bom + exercisesCsv(report));
    writeFileSync(join(out, REPORT_FILES.json), JSON.stringify(classJson(report, lang), null, 2) + '\n');
    for (const s of report.students) writeFileSync(join(out, REPORT_FILES.junit, `${s.id}.xml`), studentJunit(report, s, lang));
    io.err(fmt(lang, M.written, String(report.students.length), out) + '\n');
  }
  if (format === 'json') io.out(JSON.stringify(classJson(report, lang), null, 2) + '\n');
  else if (format === 'csv') io.out(studentsCsv(report, lang));
  else io.out(classText(report, lang));

  let code = 0;
  const refused = report.students.filter((s) => s.status === 'refused');
  if (refused.length) {
    io.err(fmt(lang, M.refused, String(refused.length), refused.map((s) => s.id).join(', ')) + '\n');
    code = 1;
  }
  if (min) {
    const got = (score: number) => (min.percent ? (report.maxScore ? (100 * score) / report.maxScore : 0) : score);
    const below = report.students.filter((s) => got(s.score) < min.value);
    if (below.length) {
      const shown = below.map((s) => `${s.id} (${round(got(s.score))}${min.percent ? '%' : ''})`).join(', ');
      io.err(fmt(lang, M.belowMin, String(below.length), `${min.value}${min.percent ? '%' : ''}`, shown) + '\n');
      code = 1;
    }
  }
  return code;
}
