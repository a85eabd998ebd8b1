/**
 * `course.yaml`: the labs of a course, in order, with titles. Grading a course folder grades every
 * lab and sums (`sumCourse`).
 *
 *     name: k8s-networking
 *     title: { en: "Kubernetes networking", ko: "쿠버네티스 네트워킹" }
 *     labs:
 *       - path: 01-switching-routing
 *         title: { en: "Switching and routing", ko: "스위칭과 라우팅" }
 *       - 02-gateway                    # a plain path is fine too
 *
 * Paths are folders relative to the course folder: no `..`, not absolute. Never throws.
 */
import { isMap, isScalar, isSeq, LineCounter, type Node, parseDocument, type YAMLMap } from 'yaml';
import type { Diagnostic, DiagnosticCode, Severity, SourceRange } from '../text/diag';
import { type Localized, loc } from '../text/i18n';
import { didYouMean } from '../text/didyoumean';
import type { CourseGrade, LabGrade } from './types';
import { eulreul, eunneun, iga } from '../text/particle';

export interface CourseLab {
  /** The lab folder, relative to the course folder, with `/` separators and no trailing `/`. */
  readonly path: string;
  readonly title?: Localized;
  readonly range: SourceRange;
}

export interface Course {
  readonly file: string;
  readonly name: string;
  readonly title?: Localized;
  readonly labs: CourseLab[];
}

export interface CourseLoadResult {
  readonly course?: Course;
  readonly diagnostics: Diagnostic[];
}

const COURSE_KEYS = ['name', 'title', 'description', 'labs'] as const;
const LAB_ENTRY_KEYS = ['path', 'title'] as const;

/** Normalises a lab path, or says why it is not one. */
export function courseLabPath(raw: string): { path: string } | { error: Localized } {
  const p = raw
    .trim()
    .split('\\')
    .join('/')
    .replace(/^(\.\/)+/, '')
    .replace(/\/+$/, '');
  if (!p || p === '.') return { error: loc('A lab path must name a folder of the course.', '실습 경로는 과정의 폴더를 가리켜야 합니다.') };
  if (p.startsWith('/') || /^[A-Za-z]:/.test(p) || p.startsWith('~')) {
    return {
      error: loc(
        `"${raw}" is absolute: write the lab folder relative to the course folder.`,
        `${eunneun(`"${raw}"`)} 절대 경로입니다. 과정 폴더 기준의 상대 경로로 쓰세요.`,
      ),
    };
  }
  if (p.split('/').some((s) => s === '..'))
    return {
      error: loc(
        `"${raw}" leaves the course folder (".."); labs must be inside it.`,
        `${eunneun(`"${raw}"`)} 과정 폴더 밖을 가리킵니다 (".."). 실습은 과정 폴더 안에 있어야 합니다.`,
      ),
    };
  return {
    path: p
      .split('/')
      .filter((s) => s !== '.' && s !== '')
      .join('/'),
  };
}

export function loadCourse(text: string, file: string): CourseLoadResult {
  const diagnostics: Diagnostic[] = [];
  const lc = new LineCounter();
  const range = (node: unknown, fallback?: SourceRange): SourceRange => {
    const r = (node as Node | null | undefined)?.range;
    if (!r) return fallback ?? { file, line: 1, column: 1, endLine: 1, endColumn: 1 };
    const a = lc.linePos(r[0]);
    const b = lc.linePos(Math.max(r[0], r[1]));
    return { file, line: a.line, column: a.col, endLine: b.line, endColumn: b.col };
  };
  const add = (severity: Severity, code: DiagnosticCode, r: SourceRange, message: Localized) =>
    diagnostics.push({ ...r, severity, code, message });
  const top: SourceRange = { file, line: 1, column: 1, endLine: 1, endColumn: 1 };
  const unknownKeys = (map: YAMLMap, known: readonly string[], where: Localized) => {
    for (const pair of map.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : '';
      if (known.includes(key)) continue;
      const hint = didYouMean(key, known);
      add(
        'warning',
        'unknown-key',
        range(pair.key),
        loc(
          `Unknown key "${key}" in ${where.en}${hint ? `; did you mean "${hint}"?` : ''}. Known keys: ${known.join(', ')}.`,
          `${where.ko}에 알 수 없는 키 ${iga(`"${key}"`)} 있습니다${hint ? `. ${eulreul(`"${hint}"`)} 뜻했나요?` : ''}. 알려진 키: ${known.join(', ')}.`,
        ),
      );
    }
  };
  const localized = (node: unknown, what: string, fallback: SourceRange): Localized | undefined => {
    if (isScalar(node) && (typeof node.value === 'string' || typeof node.value === 'number'))
      return { en: String(node.value), ko: String(node.value) };
    if (isMap(node)) {
      unknownKeys(node, ['en', 'ko'], loc(what, what));
      const en = node.get('en', true);
      const ko = node.get('ko', true);
      const enS = isScalar(en) && en.value !== null ? String(en.value) : undefined;
      const koS = isScalar(ko) && ko.value !== null ? String(ko.value) : undefined;
      if (enS === undefined || koS === undefined)
        add(
          'warning',
          'missing-key',
          range(node, fallback),
          loc(`${what} should have both "en" and "ko".`, `${what}에는 "en"과 "ko"가 모두 있어야 합니다.`),
        );
      if (enS === undefined && koS === undefined) return undefined;
      return { en: enS ?? koS ?? '', ko: koS ?? enS ?? '' };
    }
    add(
      'error',
      'wrong-type',
      range(node, fallback),
      loc(`${what} must be a string or { en, ko }.`, `${eunneun(what)} 문자열이나 { en, ko }여야 합니다.`),
    );
    return undefined;
  };
  try {
    const doc = parseDocument(text, { lineCounter: lc, prettyErrors: false, uniqueKeys: true });
    for (const e of doc.errors) {
      const msg = e.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
      const a = lc.linePos(e.pos[0]);
      const b = lc.linePos(e.pos[1]);
      add(
        'error',
        e.code === 'DUPLICATE_KEY' ? 'duplicate-name' : 'yaml-syntax',
        { file, line: a.line, column: a.col, endLine: b.line, endColumn: b.col },
        loc(`YAML: ${msg}`, `YAML 오류: ${msg}`),
      );
    }
    if (doc.errors.length) return { diagnostics };
    const root = doc.contents;
    if (!isMap(root)) {
      add(
        'error',
        'bad-course',
        range(root, top),
        loc(
          'course.yaml must be a mapping with "labs:", a list of lab folders.',
          'course.yaml은 실습 폴더의 리스트인 "labs:"를 가진 매핑이어야 합니다.',
        ),
      );
      return { diagnostics };
    }
    unknownKeys(root, COURSE_KEYS, loc('the course', '과정'));
    const nameNode = root.get('name', true);
    let name = '';
    if (nameNode === undefined) add('warning', 'missing-key', top, loc('The course has no "name".', '과정에 "name"이 없습니다.'));
    else if (
      isScalar(nameNode) &&
      (typeof nameNode.value === 'string' || typeof nameNode.value === 'number') &&
      String(nameNode.value) !== ''
    )
      name = String(nameNode.value);
    else add('error', 'wrong-type', range(nameNode, top), loc('The course name must be a string.', '과정 이름은 문자열이어야 합니다.'));
    const titleNode = root.get('title', true);
    const title = titleNode === undefined ? undefined : localized(titleNode, 'title', top);
    const labsNode = root.get('labs', true);
    const labs: CourseLab[] = [];
    if (labsNode === undefined) {
      add(
        'error',
        'missing-key',
        top,
        loc('The course has no "labs:", the list of its lab folders in order.', '과정에 실습 폴더를 순서대로 나열한 "labs:"가 없습니다.'),
      );
      return { diagnostics };
    }
    if (!isSeq(labsNode)) {
      if (!(isScalar(labsNode) && labsNode.value === null)) {
        add(
          'error',
          'wrong-type',
          range(labsNode, top),
          loc('labs must be a list, e.g. - path: 01-switching-routing.', 'labs는 - path: 01-switching-routing처럼 리스트여야 합니다.'),
        );
        return { diagnostics };
      }
    } else {
      for (const item of labsNode.items) {
        const ir = range(item, top);
        let pathNode: unknown;
        let labTitle: Localized | undefined;
        if (isScalar(item)) pathNode = item;
        else if (isMap(item)) {
          unknownKeys(item, LAB_ENTRY_KEYS, loc('a course lab', '과정의 실습'));
          pathNode = item.get('path', true);
          if (pathNode === undefined) {
            add('error', 'missing-key', ir, loc('A course lab needs "path:", its folder.', '과정의 실습에는 폴더인 "path:"가 필요합니다.'));
            continue;
          }
          const t = item.get('title', true);
          if (t !== undefined) labTitle = localized(t, 'title', ir);
        } else {
          add(
            'error',
            'wrong-type',
            ir,
            loc('Each lab of a course is a folder name or { path, title }.', '과정의 각 실습은 폴더 이름이나 { path, title }입니다.'),
          );
          continue;
        }
        const pr = range(pathNode, ir);
        if (!(isScalar(pathNode) && (typeof pathNode.value === 'string' || typeof pathNode.value === 'number'))) {
          add('error', 'wrong-type', pr, loc('A lab path must be a string.', '실습 경로는 문자열이어야 합니다.'));
          continue;
        }
        const p = courseLabPath(String(pathNode.value));
        if ('error' in p) {
          add('error', 'bad-file', pr, p.error);
          continue;
        }
        if (labs.some((l) => l.path === p.path)) {
          add(
            'error',
            'duplicate-name',
            pr,
            loc(`The lab "${p.path}" is listed twice.`, `실습 ${iga(`"${p.path}"`)} 두 번 나열되었습니다.`),
          );
          continue;
        }
        labs.push({ path: p.path, ...(labTitle ? { title: labTitle } : {}), range: pr });
      }
    }
    if (labs.length === 0 && !diagnostics.some((d) => d.severity === 'error')) {
      add('warning', 'bad-course', range(labsNode, top), loc('The course lists no labs.', '과정에 실습이 하나도 없습니다.'));
    }
    return { course: { file, name, ...(title ? { title } : {}), labs }, diagnostics };
  } catch (e) {
    add(
      'error',
      'yaml-syntax',
      top,
      loc(`Internal error while reading the course: ${String(e)}`, `과정을 읽는 중 내부 오류: ${String(e)}`),
    );
    return { diagnostics };
  }
}

/** The error of a course's lab whose folder leads outside the course folder (a symbolic link out of it). */
export function courseLabOutside(l: CourseLab): Diagnostic {
  return {
    ...l.range,
    severity: 'error',
    code: 'file-outside-lab',
    message: loc(
      `The lab folder "${l.path}" leads outside the course folder (a symbolic link out of it): a course reads only folders inside it, so this lab was not read.`,
      `실습 폴더 "${l.path}": 과정 폴더 밖을 가리킵니다(폴더 밖으로 나가는 심볼릭 링크). 과정은 자기 폴더 안의 폴더만 읽으므로 이 실습을 읽지 않았습니다.`,
    ),
  };
}

/** A course's grade: every lab's, summed (scores rounded to hundredths). */
export function sumCourse(labs: readonly LabGrade[]): CourseGrade {
  const round = (n: number) => Math.round(n * 100) / 100;
  return {
    score: round(labs.reduce((n, l) => n + l.score, 0)),
    maxScore: round(labs.reduce((n, l) => n + l.maxScore, 0)),
    labs: [...labs],
  };
}
