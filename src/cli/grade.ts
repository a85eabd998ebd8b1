/**
 * `knetlab grade`, `knetlab variant` and `knetlab quiz-hash`: reading lab folders and courses from
 * disk, grading through the core, and printing text, JSON or JUnit XML.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { gradeFiles, hasSolution, type Lang, pick } from '../core';
import { loadCourse } from '../core/grade/course';
import { hashAnswer } from '../core/grade/quiz';
import type { CourseGrade, LabGrade } from '../core/grade/types';
import { instantiateLab } from '../core/lab/variant';
import { formatDiag, type Io, t, UsageError, walkFiles } from './common';
import type { Parsed } from './main';

const MAX_FILES = 2000;
const MAX_FILE_BYTES = 1 << 20;

/** Every text file of a lab folder, by path relative to it (with `/`). */
export function readTree(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  walkFiles(dir, 8, (p, _name, st) => {
    if (files.size >= MAX_FILES) return false;
    if (!st.isFile() || st.size > MAX_FILE_BYTES) return;
    const buf = readFileSync(p);
    if (buf.includes(0)) return; // binary
    files.set(relative(dir, p).split('\\').join('/'), buf.toString('utf8'));
  });
  return files;
}

export interface GradeOptions {
  readonly student?: string;
  readonly solution: boolean;
  readonly attempts?: number;
}

/** Grades one lab folder from disk. Problems of the lab become diagnostics of the result, never a throw. */
export function gradeFolder(dir: string, opts: GradeOptions, lang: Lang): LabGrade {
  const files = readTree(dir);
  if (!files.has('lab.yaml')) throw new UsageError(t(lang, 'noLabYaml', dir));
  if (opts.solution && !hasSolution(files)) throw new UsageError(t(lang, 'noSolution', dir));
  return gradeFiles(files, {
    displayPath: (rel) => relative(process.cwd(), join(dir, rel)) || rel,
    label: relative(process.cwd(), dir) || dir,
    solution: opts.solution,
    ...(opts.student !== undefined ? { student: opts.student } : {}),
    ...(opts.attempts !== undefined ? { attempts: opts.attempts } : {}),
  });
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

export function gradeJson(g: LabGrade, lang: Lang) {
  return {
    lab: g.lab,
    file: g.file,
    score: g.score,
    maxScore: g.maxScore,
    exercises: g.exercises.map((e) => ({
      id: e.id,
      ...(e.title ? { title: pick(e.title, lang) } : {}),
      score: e.score,
      maxScore: e.maxScore,
      passed: e.passed,
      hints: e.hints.map((h) => pick(h, lang)),
      checks: e.checks.map((c) => ({
        kind: c.kind,
        passed: c.passed,
        points: c.points,
        feedback: pick(c.feedback, lang),
        ...(c.unanswered ? { unanswered: true } : {}),
        ...(c.expected !== undefined ? { expected: c.expected } : {}),
        ...(c.actual !== undefined ? { actual: c.actual } : {}),
        ...(c.source ? { source: { file: c.source.file, line: c.source.line, column: c.source.column } } : {}),
        at: { file: c.range.file, line: c.range.line, column: c.range.column },
      })),
    })),
    diagnostics: g.diagnostics.map((d) => ({ file: d.file, line: d.line, column: d.column, severity: d.severity, code: d.code, message: pick(d.message, lang) })),
  };
}

function gradeText(g: LabGrade, lang: Lang): string {
  const lines: string[] = [];
  lines.push(`${t(lang, 'gradeLab', g.lab)}: ${round(g.score)}/${round(g.maxScore)}`);
  for (const d of g.diagnostics) lines.push(`  ${formatDiag(d, lang)}`);
  for (const e of g.exercises) {
    const title = e.title ? ` ${pick(e.title, lang)}` : '';
    lines.push(`  ${t(lang, e.passed ? 'pass' : 'fail')} ${e.id}${title}: ${round(e.score)}/${round(e.maxScore)}`);
    for (const c of e.checks) {
      const where = c.source ? ` (${c.source.file}:${c.source.line})` : '';
      lines.push(`    ${c.passed ? '✓' : '✗'} ${c.kind}: ${pick(c.feedback, lang)}${where}`);
    }
    for (const h of e.hints) lines.push(`    ${t(lang, 'hint')}: ${pick(h, lang)}`);
  }
  return lines.join('\n') + '\n';
}

function xml(s: string): string {
  return s.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!).replace(/[^\t\n\r\u0020-\uffff]/gu, ''); // characters XML 1.0 cannot hold
}

/** JUnit XML: a test suite per lab, a test case per check. */
export function gradeJunit(labs: LabGrade[], lang: Lang): string {
  const out = ['<?xml version="1.0" encoding="UTF-8"?>'];
  const total = labs.reduce((n, l) => n + l.exercises.reduce((m, e) => m + e.checks.length, 0), 0);
  const failures = labs.reduce((n, l) => n + l.exercises.reduce((m, e) => m + e.checks.filter((c) => !c.passed).length, 0), 0);
  out.push(`<testsuites name="knetlab" tests="${total}" failures="${failures}">`);
  for (const l of labs) {
    const tests = l.exercises.reduce((m, e) => m + e.checks.length, 0);
    const fails = l.exercises.reduce((m, e) => m + e.checks.filter((c) => !c.passed).length, 0);
    out.push(`  <testsuite name="${xml(l.lab)}" tests="${tests}" failures="${fails}" errors="${l.diagnostics.filter((d) => d.severity === 'error').length}">`);
    out.push(`    <properties><property name="score" value="${round(l.score)}"/><property name="maxScore" value="${round(l.maxScore)}"/></properties>`);
    for (const e of l.exercises) {
      e.checks.forEach((c, i) => {
        const name = `${e.id} #${i + 1} ${c.kind}`;
        out.push(`    <testcase classname="${xml(`${l.lab}.${e.id}`)}" name="${xml(name)}" file="${xml(c.range.file)}" line="${c.range.line}">`);
        if (!c.passed) {
          const body = [pick(c.feedback, lang), c.expected !== undefined ? `${t(lang, 'expected')}: ${c.expected}` : '', c.actual !== undefined ? `${t(lang, 'actual')}: ${c.actual}` : ''].filter(Boolean).join('\n');
          out.push(`      <failure message="${xml(pick(c.feedback, lang))}">${xml(body)}</failure>`);
        }
        out.push('    </testcase>');
      });
    }
    for (const d of l.diagnostics) out.push(`    <system-err>${xml(formatDiag(d, lang))}</system-err>`);
    out.push('  </testsuite>');
  }
  out.push('</testsuites>');
  return out.join('\n') + '\n';
}

function parseMinScore(text: string | undefined, lang: Lang): { value: number; percent: boolean } | undefined {
  if (text === undefined) return undefined;
  const m = /^([0-9]+(?:\.[0-9]+)?)(%?)$/.exec(text);
  if (!m) throw new UsageError(t(lang, 'badMinScore', text));
  return { value: Number(m[1]), percent: m[2] === '%' };
}

export function cmdGrade(p: Parsed, lang: Lang, io: Io): number {
  let path = p.positional[0];
  if (!path || p.positional.length > 1) throw new UsageError(t(lang, 'gradeUsage'));
  if (!existsSync(path)) throw new UsageError(t(lang, 'noSuchPath', path));
  // A course.yaml or lab.yaml named directly stands for its folder.
  if (statSync(path).isFile() && /(^|[\\/])(course|lab)\.yaml$/.test(path)) path = dirname(path) || '.';
  if (!statSync(path).isDirectory()) throw new UsageError(t(lang, 'noSuchPath', path));
  const format = p.options.get('--format') ?? 'text';
  if (!['text', 'json', 'junit'].includes(format)) throw new UsageError(t(lang, 'badFormat', format));
  const min = parseMinScore(p.options.get('--min-score'), lang);
  const attemptsText = p.options.get('--attempts');
  if (attemptsText !== undefined && !/^[0-9]{1,4}$/.test(attemptsText)) throw new UsageError(t(lang, 'badAttempts', attemptsText));
  const opts: GradeOptions = {
    solution: p.options.has('--solution'),
    ...(p.options.has('--student') ? { student: p.options.get('--student')! } : {}),
    ...(attemptsText !== undefined ? { attempts: Number(attemptsText) } : {}),
  };
  let labs: LabGrade[];
  let course = false;
  const courseFile = join(path, 'course.yaml');
  if (existsSync(courseFile) && !existsSync(join(path, 'lab.yaml'))) {
    course = true;
    const c = loadCourse(readFileSync(courseFile, 'utf8'), relative(process.cwd(), courseFile) || courseFile);
    for (const d of c.diagnostics) io.err(formatDiag(d, lang) + '\n');
    if (!c.course) throw new UsageError(t(lang, 'badCourse', courseFile));
    labs = c.course.labs.map((l) => {
      const dir = join(path, l.path);
      if (!existsSync(join(dir, 'lab.yaml'))) throw new UsageError(t(lang, 'noLabYaml', dir));
      return gradeFolder(dir, opts, lang);
    });
  } else {
    labs = [gradeFolder(path, opts, lang)];
  }
  const score = round(labs.reduce((n, l) => n + l.score, 0));
  const maxScore = round(labs.reduce((n, l) => n + l.maxScore, 0));
  if (format === 'json') {
    const body = course ? { score, maxScore, labs: labs.map((l) => gradeJson(l, lang)) } : gradeJson(labs[0]!, lang);
    io.out(JSON.stringify(body, null, 2) + '\n');
  } else if (format === 'junit') {
    io.out(gradeJunit(labs, lang));
  } else {
    for (const l of labs) io.out(gradeText(l, lang));
    if (course) io.out(`${t(lang, 'gradeTotal')}: ${score}/${maxScore}\n`);
  }
  if (min) {
    const got = min.percent ? (maxScore ? (100 * score) / maxScore : 0) : score;
    if (got < min.value) {
      io.err(t(lang, 'belowMin', String(round(got)) + (min.percent ? '%' : ''), String(min.value) + (min.percent ? '%' : '')) + '\n');
      return 1;
    }
  }
  return 0;
}

export type { CourseGrade };

export function cmdVariant(p: Parsed, lang: Lang, io: Io): number {
  const path = p.positional[0];
  const student = p.options.get('--student');
  const out = p.options.get('--out');
  if (!path || !student || !out) throw new UsageError(t(lang, 'variantUsage'));
  if (!existsSync(join(path, 'lab.yaml'))) throw new UsageError(t(lang, 'noLabYaml', path));
  if (existsSync(out) && readdirSync(out).length > 0 && !p.options.has('--force')) throw new UsageError(t(lang, 'outNotEmpty', out));
  const files = readTree(path);
  const inst = instantiateLab(files, student);
  for (const d of inst.diagnostics) io.err(formatDiag(d, lang) + '\n');
  if (inst.diagnostics.some((d) => d.severity === 'error')) return 1;
  let written = 0;
  for (const [rel, text] of inst.files) {
    if (rel === 'solution' || rel.startsWith('solution/')) continue; // the student's copy has no solution
    const target = join(out, rel);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, text);
    written++;
  }
  io.err(t(lang, 'variantWritten', String(written), out, student) + '\n');
  return 0;
}

export function cmdQuizHash(p: Parsed, lang: Lang, io: Io): number {
  const answer = p.positional.join(' ');
  if (!answer.trim()) throw new UsageError(t(lang, 'quizHashUsage'));
  const salt = p.options.get('--salt') ?? randomBytes(8).toString('hex');
  io.out(`answer: { sha256: "${hashAnswer(answer, salt)}", salt: "${salt}" }\n`);
  return 0;
}
