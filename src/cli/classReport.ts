/**
 * A class report (class.ts) in the shapes an instructor takes away (docs/grading-key.md, "Grading a
 * class"): `grades.csv`, one row per student (id, name, each lab's score, total, status, notes), for
 * a gradebook import; `exercises.csv`, one row per student and exercise; `grades.json`, everything,
 * each lab's full grade included; `junit/ID.xml`, one JUnit file per student; and the table on the
 * terminal. CSV as RFC 4180 (CRLF, quotes where needed); the files begin with a UTF-8 BOM so that a
 * spreadsheet reads Korean names right.
 */
import { type Lang, type Localized, pick } from '../core';
import type { ClassLab, ClassReport, ClassStudent } from './class';
import { exerciseScore } from './class';
import { fmt } from './common';
import { gradeJson, gradeJunit, round, xml } from './grade';

const M = {
  id: { en: 'id', ko: 'id' },
  name: { en: 'name', ko: '이름' },
  total: { en: 'total', ko: '합계' },
  notes: { en: 'notes', ko: '참고' },
  max: { en: '(max)', ko: '(만점)' },
  exercise: { en: 'exercise', ko: '과제' },
  passed: { en: 'passed', ko: '통과' },
  mean: { en: 'mean', ko: '평균' },
  summary: {
    en: '{0} students: {1} graded, {2} without a folder, {3} scored 0 for a copy not their own; mean {4}/{5}',
    ko: '학생 {0}명: 채점 {1}명, 폴더 없음 {2}명, 자기 사본이 아니어서 0점 {3}명. 평균 {4}/{5}',
  },
} satisfies Record<string, Localized>;

/** The names of the report's files under --out. */
export const REPORT_FILES = { students: 'grades.csv', exercises: 'exercises.csv', json: 'grades.json', junit: 'junit' } as const;

/** One CSV field: quoted when it holds a comma, a quote, a line break or spaces at an end. */
export function csvField(v: string | number): string {
  const s = String(v);
  return /[",\r\n]|^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

const csvRow = (fields: readonly (string | number)[]) => fields.map(csvField).join(',') + '\r\n';

/** grades.csv: one row per student, in the roster's order. */
export function studentsCsv(r: ClassReport, lang: Lang): string {
  let out = csvRow(['id', 'name', ...r.labs.map((l) => l.column), 'total', 'status', 'notes']);
  for (const s of r.students) {
    const labs = r.labs.map((_, k) => round(s.labs[k]?.score ?? 0));
    out += csvRow([s.id, s.name, ...labs, round(s.score), s.status, s.notes.map((n) => pick(n, lang)).join('; ')]);
  }
  return out;
}

/** exercises.csv: one row per student and exercise of the key, in the roster's and the key's order. */
export function exercisesCsv(r: ClassReport): string {
  let out = csvRow(['id', 'name', 'lab', 'exercise', 'score', 'max_score', 'passed', 'status']);
  for (const s of r.students) {
    r.labs.forEach((l, k) => {
      for (const e of l.exercises) {
        const got = exerciseScore(s.labs[k], e.id);
        out += csvRow([s.id, s.name, l.column, e.id, round(got.score), round(e.maxScore), got.passed ? 'yes' : 'no', s.status]);
      }
    });
  }
  return out;
}

function labJson(l: ClassLab, lang: Lang) {
  return {
    path: l.path,
    name: l.name,
    ...(l.title ? { title: pick(l.title, lang) } : {}),
    maxScore: l.maxScore,
    exercises: l.exercises.map((e) => ({ id: e.id, ...(e.title ? { title: pick(e.title, lang) } : {}), maxScore: e.maxScore })),
  };
}

function studentJson(r: ClassReport, s: ClassStudent, lang: Lang) {
  return {
    id: s.id,
    name: s.name,
    status: s.status,
    score: round(s.score),
    maxScore: r.maxScore,
    notes: s.notes.map((n) => pick(n, lang)),
    labs: r.labs.map((l, k) => {
      const g = s.labs[k];
      return {
        path: l.path,
        score: round(g?.score ?? 0),
        maxScore: l.maxScore,
        exercises: l.exercises.map((e) => ({ id: e.id, ...exerciseScore(g, e.id), maxScore: e.maxScore })),
        ...(g ? { grade: gradeJson(g, lang) } : {}),
      };
    }),
  };
}

/** grades.json (and --format json): the whole report; each graded lab with its full grade (as `knetlab grade --format json`). */
export function classJson(r: ClassReport, lang: Lang) {
  return {
    format: 1,
    roster: r.roster,
    submissions: r.submissions,
    key: r.key,
    maxScore: r.maxScore,
    labs: r.labs.map((l) => labJson(l, lang)),
    students: r.students.map((s) => studentJson(r, s, lang)),
  };
}

/** junit/ID.xml: a student's labs as `knetlab grade --format junit` writes them; no folder: a failed case per lab. */
export function studentJunit(r: ClassReport, s: ClassStudent, lang: Lang): string {
  const graded = s.labs.filter((g) => g !== undefined);
  if (graded.length === r.labs.length) return gradeJunit(graded, lang, s.id);
  const note = s.notes.map((n) => pick(n, lang)).join('; ');
  const out = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="${xml(s.id)}" tests="${r.labs.length}" failures="${r.labs.length}">`,
  ];
  for (const l of r.labs) {
    out.push(`  <testsuite name="${xml(l.name || l.column)}" tests="1" failures="1" errors="0">`);
    out.push(`    <properties><property name="score" value="0"/><property name="maxScore" value="${round(l.maxScore)}"/></properties>`);
    out.push(`    <testcase classname="${xml(`${l.name || l.column}.submission`)}" name="submission">`);
    out.push(`      <failure message="${xml(note)}">${xml(note)}</failure>`);
    out.push('    </testcase>', '  </testsuite>');
  }
  out.push('</testsuites>');
  return out.join('\n') + '\n';
}

/** Columns a terminal gives a character: two for the wide ones (Hangul, CJK, full-width forms). */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    const wide =
      (c >= 0x1100 && c <= 0x115f) ||
      (c >= 0x2e80 && c <= 0xa4cf) ||
      (c >= 0xac00 && c <= 0xd7a3) ||
      (c >= 0xf900 && c <= 0xfaff) ||
      (c >= 0xfe30 && c <= 0xfe4f) ||
      (c >= 0xff00 && c <= 0xff60) ||
      (c >= 0xffe0 && c <= 0xffe6) ||
      (c >= 0x20000 && c <= 0x3fffd);
    w += wide ? 2 : 1;
  }
  return w;
}

/** Rows as aligned columns (numbers to the right), two spaces apart; the last column is not padded. */
function table(rows: readonly (readonly string[])[], numeric: readonly boolean[]): string {
  const widths = rows[0]!.map((_, k) => Math.max(...rows.map((r) => displayWidth(r[k] ?? ''))));
  return rows
    .map((r) =>
      r
        .map((cell, k) => {
          if (k === r.length - 1) return cell;
          const pad = ' '.repeat(widths[k]! - displayWidth(cell));
          return numeric[k] ? pad + cell : cell + pad;
        })
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

/** The terminal's table: a row per student (each lab's score, total, notes), then each exercise's results, then a summary. */
export function classText(r: ClassReport, lang: Lang): string {
  const num = (n: number) => String(round(n));
  const head = [M.id[lang], M.name[lang], ...r.labs.map((l) => l.column), M.total[lang], M.notes[lang]];
  const rows = [head, ['', M.max[lang], ...r.labs.map((l) => num(l.maxScore)), num(r.maxScore), '']];
  for (const s of r.students) {
    const labs = r.labs.map((_, k) => (s.labs[k] ? num(s.labs[k].score) : '-'));
    rows.push([s.id, s.name, ...labs, num(s.score), s.notes.map((n) => pick(n, lang)).join('; ')]);
  }
  const numeric = head.map((_, k) => k >= 2 && k < head.length - 1);
  const n = r.students.length;
  const ex = [[M.exercise[lang], M.passed[lang], M.mean[lang], M.max[lang].replace(/[()]/g, '')]];
  r.labs.forEach((l, k) => {
    for (const e of l.exercises) {
      const got = r.students.map((s) => exerciseScore(s.labs[k], e.id));
      const mean = n ? got.reduce((a, g) => a + g.score, 0) / n : 0;
      ex.push([l.path ? `${l.path}/${e.id}` : e.id, `${got.filter((g) => g.passed).length}/${n}`, num(mean), num(e.maxScore)]);
    }
  });
  const count = (st: ClassStudent['status']) => String(r.students.filter((s) => s.status === st).length);
  const mean = n ? r.students.reduce((a, s) => a + s.score, 0) / n : 0;
  const summary = fmt(lang, M.summary, String(n), count('graded'), count('missing'), count('refused'), num(mean), num(r.maxScore));
  return `${table(rows, numeric)}\n\n${table(ex, [false, true, true, true])}\n\n${summary}\n`;
}

/** The progress bar drawn on a terminal's stderr while a class is graded: `[#####-----] 12/40 s1011`. */
export function progressBar(done: number, total: number, id: string, width = 24): string {
  const filled = total ? Math.round((width * done) / total) : width;
  return `\r[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total} ${id}\x1b[K`;
}

/** Clears the progress bar's line. */
export const PROGRESS_DONE = '\r\x1b[K';
