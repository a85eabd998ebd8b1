/**
 * Reads a student's `answers.yaml`: exercise id -> one answer (a string) or the answers of the
 * exercise's quiz checks in order (a list). Numbers and booleans are taken as the text written.
 * Never throws: a malformed file gives no answers and a diagnostic at its line and column, so
 * that every quiz is graded as unanswered with a clear message.
 */
import { isMap, isScalar, isSeq, LineCounter, type Node, parseDocument } from 'yaml';
import type { Diagnostic, SourceRange } from '../text/diag';
import { type Localized, loc } from '../text/i18n';
import { didYouMean } from '../text/didyoumean';
import type { Lab } from '../lab/types';
import type { Answers } from './types';
import { eulreul } from '../text/particle';

export interface AnswersResult {
  readonly answers: Answers;
  readonly diagnostics: Diagnostic[];
  /** Where each exercise id is written in the file (for checkAnswerIds). */
  readonly places?: ReadonlyMap<string, SourceRange>;
}

export const NO_ANSWERS: Answers = { byExercise: new Map() };

/** The answers given for an exercise's quiz check number `quizIndex`, if any. */
export function answerFor(answers: Answers, exerciseId: string, quizIndex: number): string | undefined {
  const list = answers.byExercise.get(exerciseId);
  const a = list?.[quizIndex];
  return a === undefined || a.trim() === '' ? undefined : a;
}

export function parseAnswers(text: string, file: string): AnswersResult {
  try {
    return parseAnswersUnsafe(text, file);
  } catch (e) {
    return malformed(
      file,
      { file, line: 1, column: 1, endLine: 1, endColumn: 1 },
      loc(`internal error: ${String(e)}`, `내부 오류: ${String(e)}`),
    );
  }
}

function malformed(file: string, at: SourceRange, why: Localized): AnswersResult {
  return {
    answers: NO_ANSWERS,
    diagnostics: [
      {
        ...at,
        severity: 'error',
        code: 'answers-malformed',
        message: loc(
          `${file} cannot be read (${why.en}); every quiz is graded as unanswered until it is fixed. Write one line per exercise, e.g. "subnet-quiz: 192.168.1.0/24", or a list for several questions.`,
          `${eulreul(file)} 읽을 수 없습니다 (${why.ko}). 고칠 때까지 모든 퀴즈는 답하지 않은 것으로 채점됩니다. 과제마다 "subnet-quiz: 192.168.1.0/24"처럼 한 줄로, 질문이 여러 개면 리스트로 쓰세요.`,
        ),
      },
    ],
  };
}

function scalarText(node: unknown): string | undefined {
  if (!isScalar(node)) return undefined;
  const v = node.value;
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') {
    // The text as written (`0x10`, `1.50`), not JavaScript's rendering of the value.
    return node.source ?? String(v);
  }
  return undefined;
}

function parseAnswersUnsafe(text: string, file: string): AnswersResult {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true, strict: true });
  const range = (r: readonly number[] | null | undefined): SourceRange => {
    const a = lines.linePos(Math.max(0, Math.min(r?.[0] ?? 0, text.length)));
    const b = lines.linePos(Math.max(0, Math.min(r?.[1] ?? r?.[0] ?? 0, text.length)));
    return { file, line: a.line, column: a.col, endLine: b.line, endColumn: b.col };
  };
  const err = doc.errors[0];
  if (err) {
    const msg = err.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    return malformed(file, range(err.pos), loc(`YAML: ${msg}`, `YAML 오류: ${msg}`));
  }
  const root = doc.contents as Node | null;
  const byExercise = new Map<string, string[]>();
  const places = new Map<string, SourceRange>();
  if (root === null || (isScalar(root) && (root.value === null || root.value === ''))) return { answers: { byExercise }, diagnostics: [] };
  if (!isMap(root)) {
    return malformed(file, range(root.range), loc('it must map exercise ids to answers', '과제 id를 답에 매핑해야 합니다'));
  }
  for (const pair of root.items) {
    const keyNode = pair.key as Node | null;
    const id = scalarText(keyNode);
    if (id === undefined) {
      return malformed(file, range(keyNode?.range), loc('a key is not an exercise id', '키가 과제 id가 아닙니다'));
    }
    places.set(id, range(keyNode?.range));
    const v = pair.value as Node | null;
    if (v === null || (isScalar(v) && v.value === null)) {
      byExercise.set(id, []);
      continue;
    }
    const one = scalarText(v);
    if (one !== undefined) {
      byExercise.set(id, [one]);
      continue;
    }
    if (isSeq(v)) {
      const list: string[] = [];
      for (const item of v.items) {
        if (isScalar(item) && item.value === null) {
          list.push('');
          continue;
        }
        const t = scalarText(item);
        if (t === undefined) {
          return malformed(
            file,
            range((item as Node | null)?.range),
            loc(`the answers of "${id}" must be plain strings`, `"${id}"의 답은 문자열이어야 합니다`),
          );
        }
        list.push(t);
      }
      byExercise.set(id, list);
      continue;
    }
    return malformed(
      file,
      range(v.range),
      loc(`the answer of "${id}" must be a string or a list of strings`, `"${id}"의 답은 문자열이나 문자열의 리스트여야 합니다`),
    );
  }
  return { answers: { byExercise }, diagnostics: [], places };
}

/**
 * Warnings for answers under an id the lab has no exercise for (a typo would otherwise leave the
 * quiz "not answered yet" with no clue why), with did-you-mean.
 */
export function checkAnswerIds(parsed: AnswersResult, lab: Lab): Diagnostic[] {
  const ids = lab.exercises.map((e) => e.id);
  const out: Diagnostic[] = [];
  for (const [id, at] of parsed.places ?? []) {
    if (ids.includes(id)) continue;
    const hint = didYouMean(id, ids);
    out.push({
      ...at,
      severity: 'warning',
      code: 'unknown-key',
      message: loc(
        `This lab has no exercise "${id}"${hint ? `; did you mean "${hint}"?` : ''}; these answers are not graded. Exercises: ${ids.join(', ') || '(none)'}.`,
        `이 실습에는 "${id}" 과제가 없습니다${hint ? `. ${eulreul(`"${hint}"`)} 뜻했나요?` : ''}. 이 답은 채점되지 않습니다. 과제: ${ids.join(', ') || '(없음)'}.`,
      ),
    });
  }
  return out;
}
