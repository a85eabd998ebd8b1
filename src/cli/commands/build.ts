/**
 * `knetlab build`: splits an instructor's lab, or every lab of a course, into the student's
 * handout and the instructor's grading key (core grade/handout.ts; the key's format:
 * docs/grading-key.md). A course's course.yaml goes into both.
 */
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { courseLabOutside, type Diagnostic, type Localized, splitLab } from '../../core';
import type { Command } from '../command';
import { fmt, formatDiag, readCourse, t, UsageError } from '../common';
import { readTree, resolvesInside } from '../tree';
import { usageError } from '../usage';

const M = {
  notEmpty: { en: '{0} is not empty: give a new or empty folder', ko: '{0} 폴더가 비어 있지 않습니다. 새 폴더나 빈 폴더를 주세요' },
  sameDirs: {
    en: '--handout and --key must be two separate folders, neither inside the other',
    ko: '--handout과 --key는 서로 다른 두 폴더여야 하고, 한쪽이 다른 쪽 안에 있으면 안 됩니다',
  },
  written: {
    en: 'wrote the handout of {0} lab(s) to {1} and the grading key to {2} (keep the key away from students)',
    ko: '실습 {0}개의 배포본을 {1}에, 채점 키를 {2}에 썼습니다 (채점 키는 학생에게 주지 마세요)',
  },
} satisfies Record<string, Localized>;

function emptyOrAbsent(dir: string): boolean {
  return !existsSync(dir) || (statSync(dir).isDirectory() && readdirSync(dir).length === 0);
}

function inside(a: string, b: string): boolean {
  const ra = resolve(a) + '/';
  const rb = resolve(b) + '/';
  return ra.startsWith(rb) || rb.startsWith(ra);
}

function writeAll(dir: string, files: ReadonlyMap<string, string>): void {
  for (const [rel, text] of files) {
    const target = join(dir, rel);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, text);
  }
}

export const build: Command = {
  name: 'build',
  summary: {
    en: "Split an instructor's lab or course into the student handout and the grading key.",
    ko: '강사용 실습이나 코스를 학생용 배포본과 채점 키로 나눕니다.',
  },
  usage: { en: 'build LAB|COURSE --handout DIR --key DIR', ko: 'build 실습|코스 --handout 폴더 --key 폴더' },
  help: {
    en: "Split an instructor's lab (or every lab of a course) into the student handout (starter files, tasks,\nquiz questions; no checks, answers or solution) and the grading key (exercises with their checks, quiz\nanswers in clear, the solution, a digest of the handout). Grade with it: knetlab grade DIR --key DIR.",
    ko: '강사용 실습(코스면 모든 실습)을 학생용 배포본(시작 파일, 할 일, 퀴즈 질문; 검사·정답·해법 없음)과\n채점 키(검사가 든 과제, 퀴즈 정답, 해법, 배포본의 다이제스트)로 나눕니다.\n채점: knetlab grade 폴더 --key 폴더.',
  },
  listing: 'command',
  options: [
    { name: '--handout', value: 'DIR' },
    { name: '--key', value: 'DIR' },
  ],
  run(p, { lang, io }) {
    let path = p.positional[0];
    const handoutDir = p.options.get('--handout');
    const keyDir = p.options.get('--key');
    if (!path || p.positional.length > 1 || !handoutDir || !keyDir) throw usageError(build, lang);
    if (!existsSync(path)) throw new UsageError(t(lang, 'noSuchPath', path));
    if (statSync(path).isFile() && /(^|[\\/])(course|lab)\.yaml$/.test(path)) path = dirname(path) || '.';
    if (!statSync(path).isDirectory()) throw new UsageError(t(lang, 'noSuchPath', path));
    if (inside(handoutDir, keyDir) || inside(handoutDir, path) || inside(keyDir, path)) throw new UsageError(fmt(lang, M.sameDirs));
    for (const d of [handoutDir, keyDir]) if (!emptyOrAbsent(d)) throw new UsageError(fmt(lang, M.notEmpty, d));
    const shownIn = (dir: string) => (rel: string) => relative(process.cwd(), join(dir, rel)) || rel;
    const problems: Diagnostic[] = [];
    const outputs: { rel: string; handout: Map<string, string>; key: Map<string, string> }[] = [];
    const splitOne = (dir: string, rel: string) => {
      const outside = new Set<string>();
      const files = readTree(dir, outside);
      if (!files.has('lab.yaml') && !outside.has('lab.yaml')) throw new UsageError(t(lang, 'noLabYaml', dir));
      const r = splitLab(files, { displayPath: shownIn(dir), outside });
      problems.push(...r.diagnostics);
      outputs.push({ rel, handout: r.handout, key: r.key });
    };
    const courseFile = join(path, 'course.yaml');
    let courseText: string | undefined;
    if (existsSync(courseFile) && !existsSync(join(path, 'lab.yaml'))) {
      const c = readCourse(courseFile, lang, (d) => problems.push(d));
      courseText = c.text;
      for (const l of c.course.labs) {
        const dir = join(path, l.path);
        if (!resolvesInside(path, dir)) problems.push(courseLabOutside(l));
        else splitOne(dir, l.path);
      }
    } else splitOne(path, '');
    for (const d of problems) io.err(formatDiag(d, lang) + '\n');
    if (problems.some((d) => d.severity === 'error')) return 1;
    for (const o of outputs) {
      writeAll(join(handoutDir, o.rel), o.handout);
      writeAll(join(keyDir, o.rel), o.key);
    }
    if (courseText !== undefined) {
      writeAll(handoutDir, new Map([['course.yaml', courseText]]));
      writeAll(keyDir, new Map([['course.yaml', courseText]]));
    }
    io.err(fmt(lang, M.written, String(outputs.length), handoutDir, keyDir) + '\n');
    return 0;
  },
};
