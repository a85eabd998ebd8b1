/**
 * `knetlab variant`: writes students' own copies of a lab or of a whole course, their variables
 * drawn for each: one student (`--student ID`), or a class (`--roster roster.csv`, one folder per
 * student). Every copy is made in memory first; nothing is written when a lab or the roster has
 * an error.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { type Diagnostic, type Lang, type Localized, parseRoster, studentCopy } from '../../core';
import type { Command } from '../command';
import { fmt, formatDiag, type Io, readCourse, t, UsageError } from '../common';
import { readTree } from '../grade';
import { usageError } from '../usage';

const M = {
  outNotEmpty: { en: '{0} is not empty (use --force to write into it)', ko: '{0} 폴더가 비어 있지 않습니다 (덮어쓰려면 --force)' },
  written: { en: 'wrote {0} files to {1} (the variant of student {2})', ko: '{1}에 파일 {0}개를 썼습니다 ({2} 학생의 변형)' },
  writtenClass: {
    en: 'wrote {0} handouts ({1} lab(s) each) to {2}, one folder per student',
    ko: '{2}에 학생마다 폴더 하나씩, 학생용 자료 {0}개를 썼습니다 (하나에 실습 {1}개)',
  },
  oneOf: { en: 'give either --student ID or --roster FILE', ko: '--student ID와 --roster 파일 중 하나만 주세요' },
  badRoster: { en: 'the roster {0} has errors: nothing written', ko: '명단에 오류가 있어 아무것도 쓰지 않았습니다: {0}' },
  emptyRoster: { en: 'the roster {0} lists no student', ko: '명단에 학생이 한 명도 없습니다: {0}' },
  badLab: { en: 'the lab {0} has errors: nothing written', ko: '실습에 오류가 있어 아무것도 쓰지 않았습니다: {0}' },
  emptySecret: { en: 'the secret file {0} is empty', ko: '비밀 값 파일이 비어 있습니다: {0}' },
} satisfies Record<string, Localized>;

/** The instructor's secret, from a file (so it never shows in a shell's history or a process list). */
export function readSecret(file: string | undefined, lang: Lang): string | undefined {
  if (file === undefined) return undefined;
  if (!existsSync(file) || !statSync(file).isFile()) throw new UsageError(t(lang, 'noSuchPath', file));
  const secret = readFileSync(file, 'utf8').trim();
  if (!secret) throw new UsageError(fmt(lang, M.emptySecret, file));
  return secret;
}

/** What to copy: one lab folder, or a course (its course.yaml and its labs' folders). */
interface Source {
  readonly root: string;
  readonly course?: { readonly text: string; readonly labs: readonly string[] };
}

function readSource(path: string, lang: Lang, io: Io): Source {
  if (!existsSync(path)) throw new UsageError(t(lang, 'noSuchPath', path));
  // A course.yaml or lab.yaml named directly stands for its folder.
  const root = statSync(path).isFile() && /(^|[\\/])(course|lab)\.yaml$/.test(path) ? dirname(path) || '.' : path;
  if (existsSync(join(root, 'lab.yaml'))) return { root };
  const courseFile = join(root, 'course.yaml');
  if (!existsSync(courseFile)) throw new UsageError(t(lang, 'noLabYaml', root));
  const c = readCourse(courseFile, lang, (d) => io.err(formatDiag(d, lang) + '\n'));
  const text = c.text;
  for (const l of c.course.labs)
    if (!existsSync(join(root, l.path, 'lab.yaml'))) throw new UsageError(t(lang, 'noLabYaml', join(root, l.path)));
  return { root, course: { text, labs: c.course.labs.map((l) => l.path) } };
}

/**
 * A student's handout of a lab or course, as files relative to the handout's folder; the labs'
 * copies come from studentCopy (core), where a handout filter plugs in. Errors are diagnostics.
 */
export function handoutFiles(
  labs: ReadonlyMap<string, ReadonlyMap<string, string>>,
  courseText: string | undefined,
  student: string,
  secret: string | undefined,
): { files: Map<string, string>; diagnostics: Diagnostic[] } {
  const files = new Map<string, string>();
  const diagnostics: Diagnostic[] = [];
  if (courseText !== undefined) files.set('course.yaml', courseText);
  for (const [dir, tree] of labs) {
    const shown = (rel: string) => (dir ? `${dir}/${rel}` : rel);
    const copy = studentCopy(tree, student, { displayPath: shown, ...(secret ? { secret } : {}) });
    diagnostics.push(...copy.diagnostics);
    for (const [rel, text] of copy.files) files.set(shown(rel), text);
  }
  return { files, diagnostics };
}

function writeFiles(out: string, files: ReadonlyMap<string, string>): void {
  for (const [rel, text] of files) {
    const target = join(out, rel);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, text);
  }
}

export const variant: Command = {
  name: 'variant',
  summary: { en: "Write students' own variants of a lab or a course.", ko: '학생마다 자기 실습(또는 과정) 변형을 씁니다.' },
  usage: {
    en: 'variant LAB|COURSE (--student ID | --roster FILE.csv) --out DIR [--secret FILE] [--force]',
    ko: 'variant 실습|과정 (--student ID | --roster 파일.csv) --out 폴더 [--secret 파일] [--force]',
  },
  help: {
    en: "Write a student's own variant of a lab or of every lab of a course (its variables drawn for that student, sealed, without solution/).\n--roster FILE.csv (a header line with at least id and name) writes one folder per student under --out.\n--secret FILE: the instructor's secret, mixed into the draw and the seal; give the same to knetlab grade --secret.",
    ko: '학생 한 명의 실습 변형(과정이면 모든 실습)을 씁니다. 그 학생에게 뽑힌 변수 값으로, 봉인해서, solution/ 없이 씁니다.\n--roster 파일.csv(머리글에 적어도 id와 name)는 --out 아래에 학생마다 폴더 하나씩 씁니다.\n--secret 파일: 강사의 비밀 값. 값을 뽑을 때와 봉인에 섞입니다. knetlab grade --secret에도 같은 파일을 주세요.',
  },
  listing: 'command',
  options: [
    { name: '--student', value: 'ID' },
    { name: '--roster', value: 'FILE' },
    { name: '--out', value: 'DIR' },
    { name: '--secret', value: 'FILE' },
    { name: '--force' },
  ],
  run(p, { lang, io }) {
    const path = p.positional[0];
    const student = p.options.get('--student');
    const rosterFile = p.options.get('--roster');
    const out = p.options.get('--out');
    if (!path || p.positional.length > 1 || !out || (student === undefined && rosterFile === undefined)) throw usageError(variant, lang);
    if (student !== undefined && rosterFile !== undefined) throw new UsageError(fmt(lang, M.oneOf));
    const secret = readSecret(p.options.get('--secret'), lang);
    const src = readSource(path, lang, io);
    if (existsSync(out) && readdirSync(out).length > 0 && !p.options.has('--force')) throw new UsageError(fmt(lang, M.outNotEmpty, out));
    const labs = new Map<string, Map<string, string>>();
    for (const dir of src.course?.labs ?? ['']) labs.set(dir, readTree(dir ? join(src.root, dir) : src.root));
    let students: { id: string; folder: string }[];
    if (rosterFile !== undefined) {
      if (!existsSync(rosterFile) || !statSync(rosterFile).isFile()) throw new UsageError(t(lang, 'noSuchPath', rosterFile));
      const roster = parseRoster(readFileSync(rosterFile, 'utf8'), rosterFile);
      for (const d of roster.diagnostics) io.err(formatDiag(d, lang) + '\n');
      if (roster.diagnostics.some((d) => d.severity === 'error')) {
        io.err(fmt(lang, M.badRoster, rosterFile) + '\n');
        return 1;
      }
      if (!roster.students.length) throw new UsageError(fmt(lang, M.emptyRoster, rosterFile));
      students = roster.students.map((s) => ({ id: s.id, folder: s.id }));
    } else students = [{ id: student!, folder: '' }];
    // Every handout in memory first: a lab's error writes nothing at all.
    const handouts: { folder: string; files: Map<string, string> }[] = [];
    for (const s of students) {
      const h = handoutFiles(labs, src.course?.text, s.id, secret);
      const errors = h.diagnostics.filter((d) => d.severity === 'error');
      if (errors.length || handouts.length === 0) {
        const shown = (d: Diagnostic) => ({ ...d, file: join(src.root, d.file) });
        for (const d of h.diagnostics) io.err(formatDiag(shown(d), lang) + '\n');
      }
      if (errors.length) {
        io.err(fmt(lang, M.badLab, src.root) + '\n');
        return 1;
      }
      handouts.push({ folder: s.folder, files: h.files });
    }
    for (const h of handouts) writeFiles(h.folder ? join(out, h.folder) : out, h.files);
    if (rosterFile !== undefined) io.err(fmt(lang, M.writtenClass, String(handouts.length), String(labs.size), out) + '\n');
    else io.err(fmt(lang, M.written, String(handouts[0]!.files.size), out, student!) + '\n');
    return 0;
  },
};
