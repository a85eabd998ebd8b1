/** `knetlab check`: the diagnostics of labs, Corefiles, CNI configurations and the resolver's files, compiler style. */
import { existsSync, statSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import {
  checkCniConfig,
  checkLab,
  checkResolverFile,
  RESOLVER_FILE_KINDS,
  resolverFileKind,
  checkLabFiles,
  courseLabOutside,
  type Diagnostic,
  type Lang,
  loadCourse,
  loc,
  parseCorefile,
  parseZone,
  pick,
  zoneFileOrigin,
  zoneOriginOf,
} from '../../core';
import type { Command } from '../command';
import { fmt, formatDiag, t, UsageError, walkFiles } from '../common';
import { readTree } from '../grade';
import { resolvesInside } from '../tree';
import { readerFor, readText } from '../lab';
import { usageError } from '../usage';

const SUMMARY = { en: '{0} error(s), {1} warning(s)', ko: '오류 {0}개, 경고 {1}개' };

/** What `check` reads: a lab folder (its starter, then with its solution applied), a course, or one file. */
type Target = { readonly kind: 'lab'; readonly dir: string } | { readonly kind: 'course' | 'file'; readonly path: string };

/** The lab folder a lab.yaml stands for: its own, or for a solution's patch the lab it patches. */
function labDirOf(file: string): string | undefined {
  if (basename(file) !== 'lab.yaml') return undefined;
  const dir = dirname(file);
  if (basename(dir) === 'solution' && existsSync(join(dirname(dir), 'lab.yaml'))) return dirname(dir);
  return dir;
}

/**
 * A lab folder or lab.yaml; a course.yaml; every lab and course.yaml under a folder (a solution's
 * lab.yaml is its lab's patch, not a lab); for a folder of CNI configurations with no lab
 * (/etc/cni/net.d), its .conflist and .conf files, in name order.
 */
function findTargets(path: string, lang: Lang): Target[] {
  if (!existsSync(path)) throw new UsageError(t(lang, 'noSuchPath', path));
  if (!statSync(path).isDirectory()) {
    if (basename(path) === 'course.yaml') return [{ kind: 'course', path }];
    const dir = labDirOf(path);
    return [dir !== undefined ? { kind: 'lab', dir } : { kind: 'file', path }];
  }
  if (existsSync(join(path, 'lab.yaml'))) return [{ kind: 'lab', dir: labDirOf(join(path, 'lab.yaml')) ?? path }];
  const out: Target[] = [];
  const dirs = new Set<string>();
  walkFiles(path, 4, (p, name) => {
    if (name === 'course.yaml') out.push({ kind: 'course', path: p });
    const dir = name === 'lab.yaml' ? labDirOf(p) : undefined;
    if (dir !== undefined && !dirs.has(dir)) {
      dirs.add(dir);
      out.push({ kind: 'lab', dir });
    }
  });
  if (!out.length) {
    walkFiles(path, 0, (p, name, st) => {
      if (st.isFile() && /\.(conflist|conf)$/.test(name)) out.push({ kind: 'file', path: p });
    });
  }
  if (!out.length) throw new UsageError(t(lang, 'noLabYaml', path));
  return out;
}

const shownPath = (p: string) => relative(process.cwd(), p) || p;

/** A course.yaml: its own diagnostics, and each lab it names that has no lab.yaml. */
function checkCourse(path: string, lang: Lang): Diagnostic[] {
  const file = shownPath(path);
  const c = loadCourse(readText(path, lang), file);
  const labs = c.course?.labs ?? [];
  const out = labs.filter((l) => !resolvesInside(dirname(path), join(dirname(path), l.path)));
  const missing = labs.filter((l) => !out.includes(l) && !existsSync(join(dirname(path), l.path, 'lab.yaml')));
  return [
    ...c.diagnostics,
    ...out.map(courseLabOutside),
    ...missing.map((l): Diagnostic => ({
      ...l.range,
      severity: 'error',
      code: 'file-not-found',
      message: loc(
        `The course names the lab folder "${l.path}", which has no lab.yaml.`,
        `과정이 가리키는 실습 폴더 "${l.path}"에 lab.yaml이 없습니다.`,
      ),
    })),
  ];
}

/**
 * A zone file: named `db.ZONE` (BIND's custom, as in CoreDNS's examples) or `ZONE.zone`, or any
 * file with `--as zone`. The origin is `--origin`, else the zone in the name, else the file's $ORIGIN
 * (core dns/zone/file.ts, which the editor reads them with too).
 */
export { zoneFileOrigin };

/** What `--as` (or `--lang` with a file kind) can name: the resolver's files, zone files and Corefiles. */
const FILE_KINDS = [...RESOLVER_FILE_KINDS, 'zone', 'corefile'] as const;
type FileKind = (typeof FILE_KINDS)[number];

interface CheckOptions {
  readonly student: string | undefined;
  readonly as: FileKind | undefined;
  readonly origin: string | undefined;
}

function checkFile(file: string, lang: Lang, o: CheckOptions): Diagnostic[] {
  const { student } = o;
  const shown = shownPath(file);
  const zone = zoneFileOrigin(file);
  if (o.as === 'zone' || (o.as === undefined && zone !== undefined)) {
    const origin = o.origin ?? zoneOriginOf(file);
    return parseZone(readText(file, lang), { file: shown, ...(origin !== undefined ? { origin } : {}) }).diagnostics;
  }
  // Corefiles: `Corefile` or `NAME.Corefile`, or any file with --as corefile.
  if (o.as === 'corefile' || (o.as === undefined && /(^|[\\/])([^\\/]*\.)?Corefile$/.test(file)))
    return parseCorefile(readText(file, lang), shown).diagnostics;
  // The resolver's files: by --as, or by name (hosts, resolv.conf, nsswitch.conf; before .conf is read as CNI).
  const kind = o.as ?? resolverFileKind(file);
  if (kind) return checkResolverFile(kind, readText(file, lang), shown);
  // CNI configurations: any .conflist or .conf named on the command line (not only in net.d/).
  if (/\.(conflist|conf)$/.test(file)) return checkCniConfig(readText(file, lang), shown).diagnostics;
  return checkLab(readText(file, lang), { file: shown, readFile: readerFor(file), ...(student !== undefined ? { student } : {}) });
}

export const check: Command = {
  name: 'check',
  summary: {
    en: 'Check labs, Corefiles, zone files, resolver files and CNI configurations.',
    ko: '실습, Corefile, 존 파일, 리졸버 파일, CNI 설정을 검사합니다.',
  },
  usage: {
    en: 'check PATH... [--format text|json] [--as hosts|resolv|nsswitch|zone|corefile] [--origin ZONE]',
    ko: 'check 경로... [--format text|json] [--as hosts|resolv|nsswitch|zone|corefile] [--origin 존]',
  },
  help: {
    en: "Check labs (a lab folder, a lab.yaml, or a course: a folder of labs), Corefiles (Corefile, NAME.Corefile)\nand CNI configurations (.conflist, .conf). A lab with a solution/ is checked also with its solution applied; a course.yaml\nas a course. /etc/hosts, resolv.conf and nsswitch.conf are checked as glibc reads them, zone files as\nCoreDNS's file plugin reads them (db.ZONE or ZONE.zone, the zone from the name): by their name, or any\nfile with --as hosts|resolv|nsswitch|zone|corefile (a zone from --origin or the file's $ORIGIN; --lang KIND\nworks too). Exit 1 when any error.",
    ko: '실습(실습 폴더, lab.yaml, 또는 실습들이 있는 폴더인 코스), Corefile(Corefile, 이름.Corefile), CNI 설정(.conflist, .conf)을 검사합니다.\nsolution/이 있는 실습은 해법을 적용한 상태로도 검사하고, course.yaml은 코스로 검사합니다.\n/etc/hosts, resolv.conf, nsswitch.conf는 glibc가 읽는 대로, 존 파일은 CoreDNS의 file 플러그인처럼 읽습니다(db.존 또는\n존.zone, 존은 이름에서). 파일 이름으로 알아보거나, 아무 파일이나 --as hosts|resolv|nsswitch|zone|corefile로 지정합니다\n(존은 --origin이나 파일의 $ORIGIN에서. --lang 종류도 됩니다). 오류가 있으면 종료 상태 1.',
  },
  listing: 'command',
  options: [
    { name: '--format', value: 'text|json' },
    { name: '--student', value: 'ID' },
    { name: '--as', value: 'hosts|resolv|nsswitch|zone|corefile' },
    { name: '--origin', value: 'ZONE' },
  ],
  run(p, { lang, io }) {
    if (!p.positional.length) throw usageError(check, lang);
    const format = p.options.get('--format') ?? 'text';
    if (format !== 'text' && format !== 'json') throw new UsageError(t(lang, 'badFormat', format));
    const all: Diagnostic[] = [];
    const student = p.options.get('--student');
    // `--as KIND` names the files' kind; `--lang KIND` too when KIND is not a message language (en|ko, read by main).
    const langOpt = p.options.get('--lang');
    const asOpt = p.options.get('--as') ?? (langOpt !== undefined && FILE_KINDS.some((k) => k === langOpt) ? langOpt : undefined);
    const as = FILE_KINDS.find((k) => k === asOpt);
    if (asOpt !== undefined && !as) throw new UsageError(t(lang, 'badAs', asOpt));
    const fileOpts: CheckOptions = { student, as, origin: p.options.get('--origin') };
    for (const path of p.positional) {
      for (const target of findTargets(path, lang)) {
        if (target.kind === 'course') all.push(...checkCourse(target.path, lang));
        else if (target.kind === 'file') all.push(...checkFile(target.path, lang, fileOpts));
        else if (target.kind === 'lab') {
          const { dir } = target;
          if (!existsSync(join(dir, 'lab.yaml'))) throw new UsageError(t(lang, 'noLabYaml', dir));
          const outside = new Set<string>();
          const files = readTree(dir, outside);
          // readTree leaves out files past its size bound; lab.yaml is read whatever its size.
          if (!files.has('lab.yaml') && !outside.has('lab.yaml')) files.set('lab.yaml', readText(join(dir, 'lab.yaml'), lang));
          const displayPath = (rel: string) => shownPath(join(dir, rel));
          all.push(...checkLabFiles(files, { displayPath, outside, ...(student !== undefined ? { student } : {}) }));
        }
      }
    }
    if (format === 'json') {
      io.out(
        JSON.stringify(
          all.map((d) => ({
            file: d.file,
            line: d.line,
            column: d.column,
            endLine: d.endLine,
            endColumn: d.endColumn,
            severity: d.severity,
            code: d.code,
            message: pick(d.message, lang),
          })),
          null,
          2,
        ) + '\n',
      );
    } else {
      for (const d of all) io.out(formatDiag(d, lang) + '\n');
      const errors = all.filter((d) => d.severity === 'error').length;
      const warnings = all.filter((d) => d.severity === 'warning').length;
      io.err(fmt(lang, SUMMARY, String(errors), String(warnings)) + '\n');
    }
    return all.some((d) => d.severity === 'error') ? 1 : 0;
  },
};
