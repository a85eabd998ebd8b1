/**
 * An instructor's grading key (`key.yaml`, written by knetlab build; grade/handout.ts): the lab's
 * exercises with their checks, points and hints, quiz answers in clear, and the SHA-256 of every
 * handout file as given. Grading a student's folder with it (`knetlab grade --key`) takes the
 * student's topology and commands and the key's exercises only: whatever the student wrote under
 * `exercises:` counts for nothing, and what differs from the handout is told as a note
 * (handout-altered), never as a failure. The format is described in docs/grading-key.md.
 *
 *     name: gateway
 *     variables: { ... }            # the lab's, when it declares some
 *     key:
 *       format: 1
 *       handout:
 *         exercises: <sha-256>      # of the handout's exercises section (JSON of its data)
 *         files: { lab.yaml: <sha-256>, README.md: <sha-256>, ... }
 *     exercises: [ ... ]            # the instructor's, quiz answers in clear (answer: b)
 */
import { isMap, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';
import type { Diagnostic } from '../text/diag';
import { loc } from '../text/i18n';
import type { ExerciseSpec } from '../lab/types';
import { loadLab } from '../lab/load';
import { declaresVariables, digestText, exercisesDigest, type GivenDigests, instantiateLab } from '../lab/variant';
import { hashAnswer } from '../net/answer';
import { SOLUTION_DIR } from './overlay';

export const KEY_FILE = 'key.yaml';
export const KEY_FORMAT = 1;
/** The salt a clear answer of the key is hashed with in memory, for the quiz check. */
const KEY_SALT = 'knetlab-key';

export { digestText, exercisesDigest } from '../lab/variant';

export interface GradingKey {
  /** key.yaml's text, and its name in diagnostics. */
  readonly text: string;
  readonly file: string;
  /** The handout files' digests, by relative path. */
  readonly files: ReadonlyMap<string, string>;
  readonly exercises?: string;
  /**
   * The key's solution (its solution/ folder beside key.yaml), by path inside that folder: the
   * reference that says who should answer a reach check. The student's own solution/ never counts.
   */
  readonly solution?: ReadonlyMap<string, string>;
  /** The handout's lab.yaml as given (handout/lab.yaml beside key.yaml): the reference's starting point. */
  readonly handoutLab?: string;
}

/** Where the key keeps the handout's lab.yaml as given. */
export const KEY_HANDOUT_LAB = 'handout/lab.yaml';

export interface KeyResult {
  readonly key?: GradingKey;
  readonly diagnostics: Diagnostic[];
}

function badKey(file: string, line: number, en: string, ko: string): Diagnostic {
  return { file, line, column: 1, endLine: line, endColumn: 1, severity: 'error', code: 'bad-key', message: loc(en, ko) };
}

/** Reads key.yaml. Never throws. */
export function readKey(text: string, file: string): KeyResult {
  try {
    const lc = new LineCounter();
    const doc = parseDocument(text, { lineCounter: lc, prettyErrors: false, uniqueKeys: true });
    if (doc.errors.length) {
      const e = doc.errors[0]!;
      const msg = e.message.split('\n')[0]!;
      return {
        diagnostics: [
          badKey(file, lc.linePos(e.pos[0]).line, `The key is not valid YAML: ${msg}`, `채점 키가 올바른 YAML이 아닙니다: ${msg}`),
        ],
      };
    }
    const root = doc.contents;
    const meta = isMap(root) ? root.get('key', true) : undefined;
    const format = isMap(meta) ? meta.get('format', true) : undefined;
    if (!isMap(meta) || !isScalar(format) || format.value !== KEY_FORMAT) {
      return {
        diagnostics: [
          badKey(
            file,
            1,
            `This is not a grading key of knetlab build (no "key: { format: ${KEY_FORMAT} }").`,
            `knetlab build가 만든 채점 키가 아닙니다("key: { format: ${KEY_FORMAT} }"가 없습니다).`,
          ),
        ],
      };
    }
    const handout = (meta.toJSON() as Record<string, unknown>)['handout'];
    const h = handout !== null && typeof handout === 'object' ? (handout as Record<string, unknown>) : {};
    const files = new Map<string, string>();
    const f = h['files'];
    if (f !== null && typeof f === 'object') for (const [k, v] of Object.entries(f)) if (typeof v === 'string') files.set(k, v);
    return { key: { text, file, files, ...(typeof h['exercises'] === 'string' ? { exercises: h['exercises'] } : {}) }, diagnostics: [] };
  } catch (e) {
    return {
      diagnostics: [badKey(file, 1, `Internal error while reading the key: ${String(e)}`, `채점 키를 읽는 중 내부 오류: ${String(e)}`)],
    };
  }
}

/**
 * The key's text as a lab the loader reads without complaint and with the same lines: every quiz
 * answer in clear becomes the salted hash the quiz check reads (in a flow mapping on its line),
 * and an empty `hosts:` is added at the end.
 */
function keyAsLab(text: string): string {
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true });
  const root = doc.contents;
  if (doc.errors.length || !isMap(root)) return text;
  const exercises = root.get('exercises', true);
  for (const ex of isSeq(exercises) ? exercises.items : []) {
    const checks = isMap(ex) ? ex.get('checks', true) : undefined;
    for (const c of isSeq(checks) ? checks.items : []) {
      const quiz = isMap(c) ? c.get('quiz', true) : undefined;
      const a = isMap(quiz) ? quiz.get('answer', true) : undefined;
      if (!isMap(quiz) || !isScalar(a) || (typeof a.value !== 'string' && typeof a.value !== 'number')) continue;
      const hashed = doc.createNode({ sha256: hashAnswer(String(a.value), KEY_SALT), salt: KEY_SALT });
      hashed.flow = true;
      quiz.set('answer', hashed);
    }
  }
  doc.delete('key');
  if (!doc.has('hosts')) doc.set('hosts', doc.createNode({}));
  return doc.toString({ lineWidth: 0 });
}

/** The key drawn for one student: its lab text and its solution files (under solution/), and the errors of the draw. */
export interface DrawnKey {
  readonly text: string;
  readonly solution: ReadonlyMap<string, string>;
  /** The handout's lab.yaml drawn for the student, when the key has it. */
  readonly handoutLab?: string;
  readonly diagnostics: Diagnostic[];
}

/**
 * The key's text and solution drawn for one student, in one draw (a key without variables comes
 * back as it is): what keyExercises and withKeySolution read. Grading a lab draws it once.
 */
export function drawKey(key: GradingKey, student: string, secret?: string): DrawnKey {
  const solution = new Map([...(key.solution ?? [])].map(([rel, text]) => [SOLUTION_DIR + rel, text] as const));
  const given = key.handoutLab !== undefined ? { handoutLab: key.handoutLab } : {};
  if (!declaresVariables(key.text)) return { text: key.text, solution, diagnostics: [], ...given };
  const handout = key.handoutLab !== undefined ? [[KEY_HANDOUT_LAB, key.handoutLab] as const] : [];
  const inst = instantiateLab(new Map([['lab.yaml', key.text], ...solution, ...handout]), student, {
    displayPath: (rel) => (rel === 'lab.yaml' ? key.file : rel),
    ...(secret ? { secret } : {}),
  });
  return {
    text: inst.files.get('lab.yaml') ?? key.text,
    solution: new Map([...inst.files].filter(([rel]) => rel.startsWith(SOLUTION_DIR))),
    ...(inst.files.has(KEY_HANDOUT_LAB) ? { handoutLab: inst.files.get(KEY_HANDOUT_LAB)! } : {}),
    diagnostics: inst.diagnostics.filter((d) => d.severity === 'error' && d.file === key.file),
  };
}

/** The key's exercises for one student (a lab with variables draws the student's values first). */
export function keyExercises(
  key: GradingKey,
  student: string,
  secret?: string,
  drawn: DrawnKey = drawKey(key, student, secret),
): { exercises: ExerciseSpec[]; diagnostics: Diagnostic[] } {
  const diagnostics = [...drawn.diagnostics];
  const loaded = loadLab(keyAsLab(drawn.text), { file: key.file });
  diagnostics.push(...loaded.diagnostics.filter((d) => d.severity === 'error'));
  return { exercises: loaded.lab?.exercises ?? [], diagnostics };
}

/**
 * The student's files with the key's solution in place of any solution/ of theirs, drawn for the
 * student when the key declares variables: what the reference world is built from.
 */
export function withKeySolution(
  files: ReadonlyMap<string, string>,
  key: GradingKey,
  student: string,
  secret?: string,
  drawn?: DrawnKey,
): Map<string, string> {
  const out = new Map([...files].filter(([rel]) => !rel.startsWith(SOLUTION_DIR)));
  if (!key.solution?.size) return out;
  const d = drawn ?? drawKey(key, student, secret);
  // the handout's lab as given, not the student's: what they add to their lab never says who should answer
  if (d.handoutLab !== undefined) out.set('lab.yaml', d.handoutLab);
  for (const [rel, text] of d.solution) out.set(rel, text);
  return out;
}

/**
 * Where the student's folder differs from the handout as given: each handout file whose digest
 * differs or that is missing, and the exercises section of lab.yaml (the student's topology and
 * commands are theirs to change). Notes (info), never failures. A variant copy was given its own
 * files (addresses moved for its student): `given`, the digests its sealed record carries, stand
 * for the handout's then.
 */
export function handoutNotes(
  key: GradingKey,
  files: ReadonlyMap<string, string>,
  shown: (rel: string) => string,
  given?: GivenDigests,
): Diagnostic[] {
  const want = given ?? { files: key.files, ...(key.exercises !== undefined ? { exercises: key.exercises } : {}) };
  const notes: Diagnostic[] = [];
  const note = (rel: string, en: string, ko: string) =>
    notes.push({
      file: shown(rel),
      line: 1,
      column: 1,
      endLine: 1,
      endColumn: 1,
      severity: 'info',
      code: 'handout-altered',
      message: loc(en, ko),
    });
  for (const [rel, digest] of want.files) {
    if (rel === 'lab.yaml') continue;
    const text = files.get(rel);
    if (text === undefined) note(rel, `${rel} of the handout is missing.`, `배포본의 ${rel} 파일이 없습니다.`);
    else if (digestText(text) !== digest) note(rel, `${rel} differs from the handout as given.`, `${rel} 파일이 배포한 내용과 다릅니다.`);
  }
  const lab = files.get('lab.yaml');
  if (lab !== undefined && want.exercises !== undefined) {
    const lc = new LineCounter();
    const doc = parseDocument(lab, { lineCounter: lc, prettyErrors: false });
    const root = doc.contents;
    const data = doc.errors.length ? undefined : (doc.toJS() as Record<string, unknown> | null)?.['exercises'];
    if (exercisesDigest(data) !== want.exercises) {
      const pair = isMap(root) ? root.items.find((p) => isScalar(p.key) && p.key.value === 'exercises') : undefined;
      const line = pair && isScalar(pair.key) && pair.key.range ? lc.linePos(pair.key.range[0]).line : 1;
      notes.push({
        file: shown('lab.yaml'),
        line,
        column: 1,
        endLine: line,
        endColumn: 1,
        severity: 'info',
        code: 'handout-altered',
        message: loc(
          "The exercises section differs from the handout as given; it was not used: the key's exercises grade this lab.",
          '과제(exercises) 부분이 배포한 내용과 다릅니다. 이 부분은 쓰지 않았고, 채점 키의 과제로 채점했습니다.',
        ),
      });
    }
  }
  return notes;
}
