/** `knetlab grade`: grades a lab's exercises, or every lab of a course, as text, JSON or JUnit XML. */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { type LabGrade, type Lang, loadCourse, type Localized } from '../../core';
import type { Command } from '../command';
import { fmt, formatDiag, t, UsageError } from '../common';
import { gradeFolder, gradeJson, gradeJunit, type GradeOptions, gradeText, round } from '../grade';
import { usageError } from '../usage';
import { readSecret } from './variant';

const M = {
  badCourse: { en: 'cannot read the course {0}', ko: '코스 {0}을(를) 읽을 수 없습니다' },
  badMinScore: {
    en: '"{0}" is not a score (a number, or a percentage like 80%)',
    ko: '"{0}"은(는) 점수가 아닙니다 (숫자 또는 80% 같은 백분율)',
  },
  badAttempts: { en: '"{0}" is not a number of attempts', ko: '"{0}"은(는) 시도 횟수가 아닙니다' },
  belowMin: { en: 'score {0} is below the minimum {1}', ko: '점수 {0}이(가) 최소 점수 {1}보다 낮습니다' },
  minAboveMax: {
    en: '--min-score {0} is above the most points there are ({1}): nobody could pass',
    ko: '--min-score {0}: 받을 수 있는 최대 점수({1})보다 높아 아무도 통과할 수 없습니다',
  },
  total: { en: 'Total', ko: '합계' },
  refused: {
    en: "a copy is not the graded student's own, or its variant: record was edited: it scores 0",
    ko: '채점하는 학생의 사본이 아니거나 variant: 기록이 고쳐져서 0점입니다',
  },
} satisfies Record<string, Localized>;

function parseMinScore(text: string | undefined, lang: Lang): { value: number; percent: boolean } | undefined {
  if (text === undefined) return undefined;
  const m = /^([0-9]+(?:\.[0-9]+)?)(%?)$/.exec(text);
  if (!m) throw new UsageError(fmt(lang, M.badMinScore, text));
  const min = { value: Number(m[1]), percent: m[2] === '%' };
  if (min.percent && min.value > 100) throw new UsageError(fmt(lang, M.minAboveMax, text, '100%'));
  return min;
}

export const grade: Command = {
  name: 'grade',
  summary: { en: "Grade a lab's exercises, or every lab of a course.", ko: '랩의 과제를 채점합니다 (코스면 모든 랩).' },
  usage: {
    en: 'grade LAB|COURSE [--student ID] [--solution] [--attempts N] [--format text|json|junit] [--min-score N|N%] [--secret FILE]',
    ko: 'grade 랩|코스 [--student ID] [--solution] [--attempts N] [--format text|json|junit] [--min-score N|N%] [--secret 파일]',
  },
  help: {
    en: "Grade a lab's exercises (or every lab of a course). Exit 0 when graded, 1 below --min-score.\n--attempts N grades as after N failed attempts (one more hint shown for each).",
    ko: '랩의 과제를 채점합니다 (코스면 모든 랩). 채점하면 0, --min-score 미만이면 1.\n--attempts N은 N번 실패한 뒤처럼 채점합니다 (실패할 때마다 힌트가 하나씩 더 보입니다).',
  },
  listing: 'command',
  options: [
    { name: '--student', value: 'ID' },
    { name: '--solution' },
    { name: '--format', value: 'text|json|junit' },
    { name: '--min-score', value: 'N|N%' },
    { name: '--attempts', value: 'N' },
    { name: '--secret', value: 'FILE' },
  ],
  run(p, { lang, io }) {
    let path = p.positional[0];
    if (!path || p.positional.length > 1) throw usageError(grade, lang);
    if (!existsSync(path)) throw new UsageError(t(lang, 'noSuchPath', path));
    // A course.yaml or lab.yaml named directly stands for its folder.
    if (statSync(path).isFile() && /(^|[\\/])(course|lab)\.yaml$/.test(path)) path = dirname(path) || '.';
    if (!statSync(path).isDirectory()) throw new UsageError(t(lang, 'noSuchPath', path));
    const format = p.options.get('--format') ?? 'text';
    if (!['text', 'json', 'junit'].includes(format)) throw new UsageError(t(lang, 'badFormat', format));
    const min = parseMinScore(p.options.get('--min-score'), lang);
    const attemptsText = p.options.get('--attempts');
    if (attemptsText !== undefined && !/^[0-9]{1,4}$/.test(attemptsText)) throw new UsageError(fmt(lang, M.badAttempts, attemptsText));
    const opts: GradeOptions = {
      solution: p.options.has('--solution'),
      ...(p.options.has('--student') ? { student: p.options.get('--student')! } : {}),
      ...(attemptsText !== undefined ? { attempts: Number(attemptsText) } : {}),
      ...(p.options.has('--secret') ? { secret: readSecret(p.options.get('--secret'), lang)! } : {}),
    };
    let labs: LabGrade[];
    let course = false;
    const courseFile = join(path, 'course.yaml');
    if (existsSync(courseFile) && !existsSync(join(path, 'lab.yaml'))) {
      course = true;
      const c = loadCourse(readFileSync(courseFile, 'utf8'), relative(process.cwd(), courseFile) || courseFile);
      for (const d of c.diagnostics) io.err(formatDiag(d, lang) + '\n');
      if (!c.course) throw new UsageError(fmt(lang, M.badCourse, courseFile));
      const root = path;
      labs = c.course.labs.map((l) => {
        const dir = join(root, l.path);
        if (!existsSync(join(dir, 'lab.yaml'))) throw new UsageError(t(lang, 'noLabYaml', dir));
        return gradeFolder(dir, opts, lang);
      });
    } else {
      labs = [gradeFolder(path, opts, lang)];
    }
    const score = round(labs.reduce((n, l) => n + l.score, 0));
    const maxScore = round(labs.reduce((n, l) => n + l.maxScore, 0));
    if (min && !min.percent && min.value > maxScore) throw new UsageError(fmt(lang, M.minAboveMax, String(min.value), String(maxScore)));
    if (format === 'json') {
      const body = course ? { score, maxScore, labs: labs.map((l) => gradeJson(l, lang)) } : gradeJson(labs[0]!, lang);
      io.out(JSON.stringify(body, null, 2) + '\n');
    } else if (format === 'junit') {
      io.out(gradeJunit(labs, lang));
    } else {
      for (const l of labs) io.out(gradeText(l, lang));
      if (course) io.out(`${M.total[lang]}: ${score}/${maxScore}\n`);
    }
    // A variant copy graded as another student, or with an edited record, fails the command.
    if (labs.some((l) => l.diagnostics.some((d) => d.code === 'variant-mismatch' || d.code === 'variant-tampered'))) {
      io.err(M.refused[lang] + '\n');
      return 1;
    }
    if (min) {
      const got = min.percent ? (maxScore ? (100 * score) / maxScore : 0) : score;
      if (got < min.value) {
        io.err(fmt(lang, M.belowMin, String(round(got)) + (min.percent ? '%' : ''), String(min.value) + (min.percent ? '%' : '')) + '\n');
        return 1;
      }
    }
    return 0;
  },
};
