/**
 * Writing a quiz answer into a student's `answers.yaml` (the lab panel's "Save"), through the `yaml`
 * package's Document API so that every comment and every other answer stays as the student wrote
 * it. The file's format is answers.ts's: exercise id -> one answer, or the answers of the
 * exercise's quizzes in order (a list).
 *
 * A quiz is named by its answer key: the exercise id when the exercise has one quiz
 * (`subnet-quiz`), the exercise id and the quiz's 1-based place when it has several
 * (`veth-pairs#2`, the second item of the list). Exercise ids never hold `#` (EXERCISE_ID_RE).
 */
import { Document, isMap, isScalar, isSeq, type Node, parseDocument, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import { type Localized, loc } from '../text/i18n';
import { parseAnswers } from './answers';

/** At most this many quizzes in one exercise (a key such as `x#99999999` must not build a huge list). */
export const MAX_QUIZZES = 100;

export interface AnswerKey {
  readonly exercise: string;
  /** The 0-based place in the exercise's list of answers, when the exercise has several quizzes. */
  readonly index?: number;
}

/** The answer key of an exercise's quiz number `quizIndex` (0-based) of `quizCount`. */
export function quizAnswerKey(exercise: string, quizIndex: number, quizCount: number): string {
  return quizCount > 1 ? `${exercise}#${quizIndex + 1}` : exercise;
}

/** Reads an answer key (see quizAnswerKey). */
export function parseAnswerKey(key: string): AnswerKey {
  const m = /^(.+)#([1-9]\d{0,8})$/s.exec(key);
  return m ? { exercise: m[1]!, index: Number(m[2]) - 1 } : { exercise: key };
}

export interface AnswerEdit {
  /** The new text of answers.yaml (the old text, unchanged, when `error` is set). */
  readonly text: string;
  /** Why the answer could not be written (the file does not read as answers). */
  readonly error?: Localized;
}

/** The key's text as answers.ts reads it: a string, or a number or boolean as written. */
function keyText(node: unknown): string | undefined {
  if (!isScalar(node)) return undefined;
  const v = node.value;
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return node.source ?? String(v);
  return undefined;
}

/**
 * Characters the `yaml` stringifier writes raw although its parser does not read them back as they
 * were (NEL and the Unicode line and paragraph separators are folded as line breaks, a BOM is
 * dropped, C1 controls are not printable): written as escapes in a double-quoted string instead.
 */
const UNSAFE = /[\u0080-\u009f\u2028\u2029\ufeff\ufffe\uffff]/g;

/** Writes unsafe characters of the values as placeholders that stringify() turns into escapes. */
interface Escapes {
  readonly prefix: string;
}

function escapesFor(...texts: string[]): Escapes {
  for (let n = 0; ; n++) {
    const prefix = `KNETLABESC${n}X`;
    if (!texts.some((t) => t.includes(prefix))) return { prefix };
  }
}

/** A string scalar that keeps the comments of the node it replaces. */
function scalarLike(value: string, old: unknown, esc?: Escapes): Scalar<string> {
  let s: Scalar<string>;
  UNSAFE.lastIndex = 0;
  if (esc && UNSAFE.test(value)) {
    s = new Scalar(value.replace(UNSAFE, (c) => `${esc.prefix}${c.charCodeAt(0).toString(16).padStart(4, '0')}Z`));
    s.type = Scalar.QUOTE_DOUBLE;
  } else {
    s = new Scalar(value);
  }
  if (isScalar(old)) {
    if (old.comment) s.comment = old.comment;
    if (old.commentBefore) s.commentBefore = old.commentBefore;
    if (old.spaceBefore) s.spaceBefore = old.spaceBefore;
  }
  return s;
}

function isEmpty(node: unknown): boolean {
  return node === null || node === undefined || (isScalar(node) && (node.value === null || node.value === ''));
}

function failed(text: string, why: Localized): AnswerEdit {
  return {
    text,
    error: loc(
      `The answer was not saved: answers.yaml ${why.en}. Fix the file (one line per exercise, e.g. "subnet-quiz: 192.168.1.0/24"), then save again.`,
      `답을 저장하지 못했습니다: answers.yaml 파일${why.ko}. 파일을 고친 뒤(과제마다 "subnet-quiz: 192.168.1.0/24"처럼 한 줄) 다시 저장하세요.`,
    ),
  };
}

/**
 * Sets one quiz answer in the text of answers.yaml (`undefined` when the file does not exist yet)
 * and returns the new text, or the old one with the reason when the file cannot be edited safely
 * (a YAML error, a root that is not a mapping). Never throws.
 */
export function editAnswers(text: string | undefined, quiz: string, value: string): AnswerEdit {
  const old = text ?? '';
  try {
    return editUnsafe(old, quiz, value);
  } catch (e) {
    return failed(old, loc(`could not be edited (internal error: ${String(e)})`, `을 편집할 수 없습니다 (내부 오류: ${String(e)})`));
  }
}

/** setAnswer with only the text: the new text of answers.yaml, or the old text if it cannot be edited. */
export function setAnswer(text: string | undefined, quiz: string, value: string): string {
  return editAnswers(text, quiz, value).text;
}

function editUnsafe(text: string, quiz: string, value: string): AnswerEdit {
  const key = parseAnswerKey(quiz);
  if (key.index !== undefined && key.index >= MAX_QUIZZES) {
    return failed(
      text,
      loc(
        `has no room for quiz number ${key.index + 1} (at most ${MAX_QUIZZES})`,
        `에 ${key.index + 1}번째 퀴즈를 둘 수 없습니다 (최대 ${MAX_QUIZZES}개)`,
      ),
    );
  }
  // The same options as answers.ts: a file it would not read is not edited either.
  const doc: Document = parseDocument(text, { prettyErrors: false, uniqueKeys: true, strict: true });
  if (doc.errors.length) {
    const msg = doc.errors[0]!.message.split('\n')[0]!;
    return failed(text, loc(`has a YAML error (${msg})`, `에 YAML 오류가 있습니다 (${msg})`));
  }
  let root = doc.contents as Node | null;
  if (isEmpty(root)) {
    const map = new YAMLMap();
    if (isScalar(root) && root.comment) map.comment = root.comment;
    doc.contents = map;
    root = map;
  }
  if (!isMap(root)) return failed(text, loc('does not map exercise ids to answers', '이 과제 id를 답에 매핑하지 않습니다'));
  const map = root as YAMLMap<unknown, unknown>;
  const pair = map.items.find((p) => keyText(p.key) === key.exercise);
  if (pair && keyText(pair.key) === undefined)
    return failed(text, loc('has a key that is not an exercise id', '에 과제 id가 아닌 키가 있습니다'));

  const esc = escapesFor(text, value, key.exercise);
  const current = pair?.value;
  let next: unknown;
  let set: Scalar<string>;
  if (key.index === undefined) {
    // The exercise's only quiz: a scalar, or the first item of a list written by hand.
    if (isSeq(current) && current.items.length > 0) {
      current.items[0] = set = scalarLike(value, current.items[0], esc);
      next = current;
    } else {
      next = set = scalarLike(value, current, esc);
    }
  } else {
    let seq: YAMLSeq<unknown>;
    if (isSeq(current)) {
      seq = current as YAMLSeq<unknown>;
    } else {
      seq = new YAMLSeq();
      seq.flow = true;
      // A single answer written by hand is the first of the list.
      if (isScalar(current) && !isEmpty(current)) seq.items.push(current);
      if (isScalar(current) && current.comment) {
        seq.comment = current.comment;
        current.comment = undefined;
      }
    }
    while (seq.items.length <= key.index) seq.items.push(new Scalar(''));
    seq.items[key.index] = set = scalarLike(value, seq.items[key.index], esc);
    next = seq;
  }
  if (pair) {
    pair.value = next;
  } else {
    map.items.push(doc.createPair(new Scalar(key.exercise), next) as never);
  }
  // The safety net: the file reads back with this answer and every other one unchanged. The
  // stringifier's choice of style is not always read back as it was (a multi-line plain scalar in
  // a flow list): a double-quoted string always is.
  let out = stringify(doc, esc);
  if (!readsBack(text, out, key, value) && set.type !== Scalar.QUOTE_DOUBLE) {
    set.type = Scalar.QUOTE_DOUBLE;
    out = stringify(doc, esc);
  }
  if (!readsBack(text, out, key, value)) {
    return failed(
      text,
      loc(
        'cannot hold this answer as it is written (try it without special characters)',
        '에 이 답을 쓴 그대로 담을 수 없습니다 (특수 문자 없이 써 보세요)',
      ),
    );
  }
  return { text: out };
}

function stringify(doc: Document, esc: Escapes): string {
  // A long answer stays on one line (no folding), so that a student recognises it in the file.
  const text = doc.toString({ lineWidth: 0, minContentWidth: 0 });
  return text.replace(new RegExp(`${esc.prefix}([0-9a-f]{4})Z`, 'g'), (_m, hex: string) => `\\u${hex}`);
}

function readsBack(before: string, after: string, key: AnswerKey, value: string): boolean {
  const old = parseAnswers(before, 'answers.yaml');
  const now = parseAnswers(after, 'answers.yaml');
  if (now.diagnostics.length) return false;
  const got = now.answers.byExercise.get(key.exercise);
  if (got?.[key.index ?? 0] !== value) return false;
  if (old.diagnostics.length) return true;
  for (const [id, list] of old.answers.byExercise) {
    if (id === key.exercise) {
      const keep = list.filter((_, i) => i !== (key.index ?? 0));
      const still = got.filter((_, i) => i !== (key.index ?? 0));
      if (!keep.every((a, i) => still[i] === a)) return false;
      continue;
    }
    const other = now.answers.byExercise.get(id);
    if (!other || other.length !== list.length || other.some((a, i) => a !== list[i])) return false;
  }
  return true;
}
