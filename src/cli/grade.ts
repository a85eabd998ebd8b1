/**
 * Grading lab folders from disk (for `knetlab grade` and `knetlab variant`, the tests and the
 * benchmark): reading a folder's files, grading them through the core, and the grade as text,
 * JSON or JUnit XML.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { gradeFiles, type GradingKey, hasSolution, type LabGrade, type Lang, type Localized, pick, TRACE_CAUSE_LABELS } from '../core';
import { ATTEMPTS_FILE, attemptsNow, formatAttempts, parseAttempts, recordAttempts } from '../core/grade/attempts';
import { readTree } from './tree';
import { fmt, formatDiag, t, UsageError, warningsJson, warningsText } from './common';

const M = {
  noSolution: { en: '{0} has no solution/ folder', ko: '{0}에 solution/ 폴더가 없습니다' },
  gradeLab: { en: 'Lab {0}', ko: '실습 {0}' },
  pass: { en: 'PASS', ko: '통과' },
  fail: { en: 'FAIL', ko: '실패' },
  expected: { en: 'expected', ko: '기대값' },
  actual: { en: 'actual', ko: '실제값' },
  hint: { en: 'hint', ko: '힌트' },
  question: { en: 'question', ko: '질문' },
  cause: { en: 'cause', ko: '원인' },
} satisfies Record<string, Localized>;

export { readTree } from './tree';

export interface GradeOptions {
  readonly student?: string;
  readonly solution: boolean;
  /** As after this many failed attempts of every exercise; then the lab's own attempts are neither read nor written. */
  readonly attempts?: number;
  /** The instructor's grading key: the lab is graded by its exercises only. */
  readonly key?: GradingKey;
  /** Count this grading's failed exercises in the lab's .knetlab/attempts.json (the attempts are read either way). */
  readonly record?: boolean;
  /** The instructor's secret (`--secret FILE`): variants drawn with it, and copies' seals checked. */
  readonly secret?: string;
}

function readAttempts(dir: string) {
  const file = join(dir, ATTEMPTS_FILE);
  try {
    return parseAttempts(existsSync(file) ? readFileSync(file, 'utf8') : undefined);
  } catch {
    return parseAttempts(undefined);
  }
}

function writeAttempts(dir: string, text: string): void {
  const file = join(dir, ATTEMPTS_FILE);
  try {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
  } catch {
    // a read-only folder: the hints just do not advance
  }
}

/** Grades one lab folder from disk. Problems of the lab become diagnostics of the result, never a throw. */
export function gradeFolder(dir: string, opts: GradeOptions, lang: Lang): LabGrade {
  const outside = new Set<string>();
  const files = readTree(dir, outside);
  if (!files.has('lab.yaml') && !outside.has('lab.yaml')) throw new UsageError(t(lang, 'noLabYaml', dir));
  if (opts.solution && !hasSolution(files)) throw new UsageError(fmt(lang, M.noSolution, dir));
  // The lab's own attempts, unless a number was given: hints come one at a time across gradings.
  const kept = opts.attempts === undefined && !opts.solution;
  const before = kept ? readAttempts(dir) : undefined;
  const g = gradeFiles(files, {
    displayPath: (rel) => relative(process.cwd(), join(dir, rel)) || rel,
    label: relative(process.cwd(), dir) || dir,
    solution: opts.solution,
    outside,
    ...(opts.key ? { key: opts.key } : {}),
    ...(opts.student !== undefined ? { student: opts.student } : {}),
    ...(opts.attempts !== undefined ? { attempts: opts.attempts } : before ? { attempts: attemptsNow(before) } : {}),
    ...(opts.secret !== undefined ? { secret: opts.secret } : {}),
  });
  if (before && opts.record) {
    const after = recordAttempts(before, g);
    if (formatAttempts(after) !== formatAttempts(before)) writeAttempts(dir, formatAttempts(after));
  }
  return g;
}

export function round(n: number): number {
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
      ...(e.causes?.length
        ? {
            causes: e.causes.map((c) => ({
              cause: c.cause,
              host: c.host,
              ...(c.netns ? { netns: c.netns } : {}),
              ...(c.source ? { source: { file: c.source.file, line: c.source.line } } : {}),
            })),
          }
        : {}),
      checks: e.checks.map((c) => ({
        kind: c.kind,
        passed: c.passed,
        points: c.points,
        feedback: pick(c.feedback, lang),
        ...(c.question ? { question: pick(c.question, lang) } : {}),
        ...(c.choices ? { choices: c.choices.map((x) => pick(x, lang)) } : {}),
        ...(c.unanswered ? { unanswered: true } : {}),
        ...(c.expected !== undefined ? { expected: c.expected } : {}),
        ...(c.actual !== undefined ? { actual: c.actual } : {}),
        ...(c.source ? { source: { file: c.source.file, line: c.source.line, column: c.source.column } } : {}),
        at: { file: c.range.file, line: c.range.line, column: c.range.column },
        warnings: warningsJson(c.warnings, lang),
      })),
    })),
    diagnostics: g.diagnostics.map((d) => ({
      file: d.file,
      line: d.line,
      column: d.column,
      severity: d.severity,
      code: d.code,
      message: pick(d.message, lang),
    })),
  };
}

export function gradeText(g: LabGrade, lang: Lang): string {
  const lines: string[] = [];
  lines.push(`${fmt(lang, M.gradeLab, g.lab)}: ${round(g.score)}/${round(g.maxScore)}`);
  for (const d of g.diagnostics) lines.push(`  ${formatDiag(d, lang)}`);
  for (const e of g.exercises) {
    const title = e.title ? ` ${pick(e.title, lang)}` : '';
    lines.push(`  ${(e.passed ? M.pass : M.fail)[lang]} ${e.id}${title}: ${round(e.score)}/${round(e.maxScore)}`);
    for (const c of e.checks) {
      const where = c.source ? ` (${c.source.file}:${c.source.line})` : '';
      // The feedback may end with the place in short (`(lab.yaml:14)`): the full one replaces it.
      const short = c.source ? ` (${basename(c.source.file)}:${c.source.line})` : '';
      const text = pick(c.feedback, lang);
      const feedback = short && text.endsWith(short) ? text.slice(0, -short.length) : text;
      lines.push(`    ${c.passed ? '✓' : '✗'} ${c.kind}: ${feedback}${where}`);
      if (c.question)
        lines.push(
          `      ${M.question[lang]}: ${pick(c.question, lang)}${c.choices?.length ? ` [${c.choices.map((x) => pick(x, lang)).join(', ')}]` : ''}`,
        );
      lines.push(...warningsText(c.warnings, lang, '      '));
    }
    // What the traces showed, by the names a hint's `when:` takes.
    for (const c of e.causes ?? []) {
      const at = [c.netns ? `${c.host}/${c.netns}` : c.host, c.source ? `${c.source.file}:${c.source.line}` : '']
        .filter(Boolean)
        .join(', ');
      // In Korean the cause's words first, its id (what a hint's `when:` names) after them.
      const name = lang === 'ko' ? `${TRACE_CAUSE_LABELS[c.cause].ko} [${c.cause}]` : c.cause;
      lines.push(`    ${M.cause[lang]}: ${name} (${at})`);
    }
    for (const h of e.hints) lines.push(`    ${M.hint[lang]}: ${pick(h, lang)}`);
  }
  return lines.join('\n') + '\n';
}

export function xml(s: string): string {
  return s
    .replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!)
    .replace(/[^\t\n\r\u0020-\uffff]/gu, ''); // characters XML 1.0 cannot hold
}

/** JUnit XML: a test suite per lab, a test case per check; `name` names the whole (a student's id in a class). */
export function gradeJunit(labs: LabGrade[], lang: Lang, name = 'knetlab'): string {
  const out = ['<?xml version="1.0" encoding="UTF-8"?>'];
  const total = labs.reduce((n, l) => n + l.exercises.reduce((m, e) => m + e.checks.length, 0), 0);
  const failures = labs.reduce((n, l) => n + l.exercises.reduce((m, e) => m + e.checks.filter((c) => !c.passed).length, 0), 0);
  out.push(`<testsuites name="${xml(name)}" tests="${total}" failures="${failures}">`);
  for (const l of labs) {
    const tests = l.exercises.reduce((m, e) => m + e.checks.length, 0);
    const fails = l.exercises.reduce((m, e) => m + e.checks.filter((c) => !c.passed).length, 0);
    out.push(
      `  <testsuite name="${xml(l.lab)}" tests="${tests}" failures="${fails}" errors="${l.diagnostics.filter((d) => d.severity === 'error').length}">`,
    );
    out.push(
      `    <properties><property name="score" value="${round(l.score)}"/><property name="maxScore" value="${round(l.maxScore)}"/></properties>`,
    );
    for (const e of l.exercises) {
      e.checks.forEach((c, i) => {
        const name = `${e.id} #${i + 1} ${c.kind}`;
        out.push(
          `    <testcase classname="${xml(`${l.lab}.${e.id}`)}" name="${xml(name)}" file="${xml(c.range.file)}" line="${c.range.line}">`,
        );
        if (!c.passed) {
          const body = [
            pick(c.feedback, lang),
            c.expected !== undefined ? `${M.expected[lang]}: ${c.expected}` : '',
            c.actual !== undefined ? `${M.actual[lang]}: ${c.actual}` : '',
          ]
            .filter(Boolean)
            .join('\n');
          out.push(`      <failure message="${xml(pick(c.feedback, lang))}">${xml(body)}</failure>`);
        }
        if (c.warnings?.length) out.push(`      <system-out>${xml(warningsText(c.warnings, lang).join('\n'))}</system-out>`);
        out.push('    </testcase>');
      });
    }
    for (const d of l.diagnostics) out.push(`    <system-err>${xml(formatDiag(d, lang))}</system-err>`);
    out.push('  </testsuite>');
  }
  out.push('</testsuites>');
  return out.join('\n') + '\n';
}
