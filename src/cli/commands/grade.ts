/** `knetlab grade`: grades a lab's exercises, or every lab of a course, as text, JSON or JUnit XML. */
import { existsSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { type LabGrade, type Lang, type Localized } from '../../core';
import type { Command } from '../command';
import { fmt, formatDiag, readCourse, t, UsageError } from '../common';
import { gradeFolder, gradeJson, gradeJunit, type GradeOptions, gradeText, round } from '../grade';
import { resolvesInside } from '../tree';
import { gradeWithKey, refusedLab } from '../keyed';
import { usageError } from '../usage';
import { runClass } from '../classRun';
import { readSecret } from './variant';

const M = {
  badMinScore: {
    en: '"{0}" is not a score (a number, or a percentage like 80%)',
    ko: '"{0}"{0|은} 점수가 아닙니다 (숫자 또는 80% 같은 백분율)',
  },
  badAttempts: { en: '"{0}" is not a number of attempts', ko: '"{0}"{0|은} 시도 횟수가 아닙니다' },
  belowMin: { en: 'score {0} is below the minimum {1}', ko: '점수 {0:이} 최소 점수 {1}보다 낮습니다' },
  total: { en: 'Total', ko: '합계' },
  keyAndSolution: {
    en: "--key and --solution go separately: the key grades a student's folder",
    ko: '--key와 --solution은 함께 쓸 수 없습니다. 채점 키는 학생의 폴더를 채점합니다',
  },
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
  if (min.percent && min.value > 100) throw new UsageError(t(lang, 'minAboveMax', text, '100%'));
  return min;
}

export const grade: Command = {
  name: 'grade',
  summary: { en: "Grade a lab's exercises, or every lab of a course.", ko: '실습의 과제를 채점합니다 (코스면 모든 실습).' },
  usage: {
    en: 'grade (LAB|COURSE | --roster FILE.csv --submissions DIR) [--key DIR] [--student ID] [--solution] [--attempts N] [--no-record] [--format text|json|junit|csv] [--min-score N|N%] [--secret FILE] [--out DIR]',
    ko: 'grade (실습|코스 | --roster 파일.csv --submissions 폴더) [--key 폴더] [--student ID] [--solution] [--attempts N] [--no-record] [--format text|json|junit|csv] [--min-score N|N%] [--secret 파일] [--out 폴더]',
  },
  help: {
    en: "Grade a lab's exercises (or every lab of a course). Exit 0 when graded, 1 below --min-score.\n--attempts N grades as after N failed attempts (one more hint shown for each).\n--key DIR grades a student's folder with the instructor's key (knetlab build): its exercises only.\nEach failed exercise counts one attempt in the lab's .knetlab/attempts.json, so the next grading shows one more hint; a hint attached to a cause shows when the trace shows it.\n--no-record (or the variable CI or KNETLAB_NO_RECORD set) reads the attempts but writes nothing: for CI and an instructor's runs (grading with --key never writes); --attempts N and --solution neither read nor write them.\nA class: --roster FILE.csv --submissions DIR --key DIR grades one folder per student id under DIR (as knetlab variant --roster writes them), each as its student; a missing folder is a row with 0 and a note. It prints a table (--format json or csv for the report), a progress bar on a terminal, and with --out DIR writes grades.csv (a row per student), exercises.csv (a row per student and exercise), grades.json and junit/ID.xml. Nothing is written into students' folders. Exit 1 when a copy is not its student's own, or a student is below --min-score.",
    ko: '실습의 과제를 채점합니다 (코스면 모든 실습). 채점하면 0, --min-score 미만이면 1.\n--attempts N은 N번 실패한 뒤처럼 채점합니다 (실패할 때마다 힌트가 하나씩 더 보입니다).\n--key 폴더는 학생의 폴더를 강사의 채점 키(knetlab build)로 채점합니다. 채점 키의 과제만 씁니다.\n실패한 과제마다 실습 폴더의 .knetlab/attempts.json에 시도가 하나씩 기록되어 다음 채점에서 힌트가 하나 더 보입니다. 원인에 붙은 힌트는 추적에 그 원인이 보일 때 나옵니다.\n--no-record(또는 환경 변수 CI나 KNETLAB_NO_RECORD 설정)는 시도를 읽기만 하고 아무것도 쓰지 않습니다 (CI, 강사의 채점. --key로 채점할 때는 절대 쓰지 않습니다). --attempts N과 --solution은 시도를 읽지도 쓰지도 않습니다.\n반 전체: --roster 파일.csv --submissions 폴더 --key 폴더는 폴더 안에 학생 id마다 있는 폴더(knetlab variant --roster가 쓰는 그대로)를 그 학생으로 채점합니다. 폴더가 없는 학생은 0점과 참고 사항이 적힌 한 줄이 됩니다. 표를 출력하고(보고서는 --format json 또는 csv), 터미널이면 진행 막대를 보여 줍니다. --out 폴더를 주면 grades.csv(학생마다 한 줄), exercises.csv(학생과 과제마다 한 줄), grades.json, junit/ID.xml을 씁니다. 학생의 폴더에는 아무것도 쓰지 않습니다. 자기 사본이 아닌 학생이 있거나 --min-score보다 낮은 학생이 있으면 종료 코드 1.',
  },
  listing: 'command',
  options: [
    { name: '--student', value: 'ID' },
    { name: '--solution' },
    { name: '--format', value: 'text|json|junit' },
    { name: '--min-score', value: 'N|N%' },
    { name: '--attempts', value: 'N' },
    { name: '--key', value: 'DIR' },
    { name: '--no-record' },
    { name: '--secret', value: 'FILE' },
    { name: '--roster', value: 'FILE' },
    { name: '--submissions', value: 'DIR' },
    { name: '--out', value: 'DIR' },
  ],
  run(p, { lang, io, vars }) {
    // A class: every student of the roster, from their folder under --submissions (classRun.ts).
    if (['--roster', '--submissions'].some((o) => p.options.has(o))) {
      const attempts = p.options.get('--attempts');
      if (attempts !== undefined && !/^[0-9]{1,4}$/.test(attempts)) throw new UsageError(fmt(lang, M.badAttempts, attempts));
      const opts: GradeOptions = {
        solution: false,
        record: false,
        ...(attempts !== undefined ? { attempts: Number(attempts) } : {}),
        ...(p.options.has('--secret') ? { secret: readSecret(p.options.get('--secret'), lang)! } : {}),
      };
      const min = parseMinScore(p.options.get('--min-score'), lang);
      return runClass({ p, lang, io, opts, ...(min ? { min } : {}) });
    }
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
      // An attempt is the student's: CI runs and --no-record count none.
      // An instructor grading with a key or a roster never writes into a student's folder.
      record: !['--no-record', '--key', '--roster'].some((o) => p.options.has(o)) && !vars?.['CI'] && !vars?.['KNETLAB_NO_RECORD'],
      ...(p.options.has('--secret') ? { secret: readSecret(p.options.get('--secret'), lang)! } : {}),
    };
    let labs: LabGrade[];
    let course = false;
    const courseFile = join(path, 'course.yaml');
    const keyDir = p.options.get('--key');
    if (keyDir !== undefined) {
      if (opts.solution) throw new UsageError(fmt(lang, M.keyAndSolution));
      const graded = gradeWithKey(path, keyDir, opts, lang, io);
      labs = graded.labs;
      course = graded.course;
    } else if (existsSync(courseFile) && !existsSync(join(path, 'lab.yaml'))) {
      course = true;
      const c = readCourse(courseFile, lang, (d) => io.err(formatDiag(d, lang) + '\n'));
      const root = path;
      labs = c.course.labs.map((l) => {
        const dir = join(root, l.path);
        if (!resolvesInside(root, dir)) return refusedLab(l, dir);
        if (!existsSync(join(dir, 'lab.yaml'))) throw new UsageError(t(lang, 'noLabYaml', dir));
        return gradeFolder(dir, opts, lang);
      });
    } else {
      labs = [gradeFolder(path, opts, lang)];
    }
    const score = round(labs.reduce((n, l) => n + l.score, 0));
    const maxScore = round(labs.reduce((n, l) => n + l.maxScore, 0));
    if (min && !min.percent && min.value > maxScore) throw new UsageError(t(lang, 'minAboveMax', String(min.value), String(maxScore)));
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
