/**
 * `quiz: { ask: { en, ko }, choices: [...], answer: { sha256, salt } }` — a question the student
 * answers in answers.yaml under the exercise id (a list when the exercise has several quizzes, in
 * order). The answer is stored only as a salted hash (see net/answer.ts) and never revealed. With
 * choices, a student may also answer with the choice's number (1 for the first).
 */
import type { Diagnostic } from '../../text/diag';
import { type Localized, loc } from '../../text/i18n';
import type { CheckSpec, Lab } from '../../lab/types';
import { answerFor } from '../answers';
import { type AnswerHash, checkAnswer, hashAnswer, sameAnswer, SHA256_HEX_RE } from '../../net/answer';
import type { CheckKind, CheckResult } from '../types';
import { argsOf, checkShape, diag, has } from './common';

// answer is required, but its absence has a code of its own (quiz-no-answer).
const SHAPE = {
  required: ['ask'],
  optional: ['answer', 'choices'],
  example: 'quiz: { ask: { en: "...", ko: "..." }, answer: { sha256: "...", salt: "..." } }',
};

function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function localizedOf(v: unknown): Localized | undefined {
  if (typeof v === 'string' || typeof v === 'number') return { en: String(v), ko: String(v) };
  if (isRecord(v)) {
    const en = v['en'];
    const ko = v['ko'];
    const e = typeof en === 'string' || typeof en === 'number' ? String(en) : undefined;
    const k = typeof ko === 'string' || typeof ko === 'number' ? String(ko) : undefined;
    if (e === undefined && k === undefined) return undefined;
    return { en: e ?? k!, ko: k ?? e! };
  }
  return undefined;
}

/** The stored hash of a quiz check, if it is well formed. */
export function quizHash(check: CheckSpec): AnswerHash | undefined {
  const a = argsOf(check)?.['answer'];
  if (!isRecord(a)) return undefined;
  const sha = a['sha256'];
  const salt = a['salt'];
  if (typeof sha !== 'string' || !SHA256_HEX_RE.test(sha.trim())) return undefined;
  if (typeof salt !== 'string' && typeof salt !== 'number') return undefined;
  return { sha256: sha, salt: String(salt) };
}

/** The choices of a quiz check, each in both languages. */
export function quizChoices(check: CheckSpec): Localized[] {
  const c = argsOf(check)?.['choices'];
  return Array.isArray(c) ? c.map(localizedOf).filter((x): x is Localized => x !== undefined) : [];
}

/** The question of a quiz check. */
export function quizQuestion(check: CheckSpec): Localized | undefined {
  return localizedOf(argsOf(check)?.['ask']);
}

const EXAMPLE_HASH = { sha256: '0318fba6bc8b2adee41abb3945f793cba23f4f08a3e0be14666e2fca464d6f04', salt: 'ed486708c477' };

export const quizCheck: CheckKind = {
  kind: 'quiz',
  name: loc('quiz', '퀴즈'),
  summary: loc('A question', '질문'),
  docs: {
    text: loc(
      'A question the student answers in answers.yaml; the answer is stored only as a salted hash.',
      '학생이 answers.yaml에 답하는 질문. 답은 솔트를 넣은 해시로만 저장됩니다.',
    ),
    markdown: loc(
      'A question the student answers in answers.yaml; the answer is stored only as a salted hash (`knetlab quiz-hash ANSWER`).',
      '학생이 answers.yaml에 답하는 질문. 답은 솔트를 넣은 해시로만 저장됩니다(`knetlab quiz-hash 답`).',
    ),
    example:
      '- quiz:\n    ask: { en: "Which host forwards?", ko: "어느 호스트가 포워딩하나요?" }\n    choices: [a, r, b]\n    answer: { sha256: "…", salt: "…" }',
  },
  schema: {
    args: {
      examples: [
        { ask: { en: 'Which host forwards?', ko: '어느 호스트가 포워딩하나요?' }, choices: ['a', 'r', 'b'], answer: EXAMPLE_HASH },
      ],
      type: 'object',
      required: ['ask', 'answer'],
      additionalProperties: false,
      properties: {
        ask: { $ref: '#/$defs/localized', description: 'The question: a string or { en, ko }. / 질문: 문자열이나 { en, ko }.' },
        choices: {
          description:
            "The choices, if any; a student may answer with a choice's number (1 for the first). / 선택지(있다면). 학생은 선택지 번호(첫째가 1)로 답할 수 있습니다.",
          type: 'array',
          minItems: 1,
          items: { $ref: '#/$defs/localized' },
        },
        answer: {
          description:
            "The answer's salted hash: { sha256, salt } (print it with knetlab quiz-hash). Never the answer itself. / 답의 솔트 해시: { sha256, salt }(knetlab quiz-hash로 출력). 답 자체는 절대 쓰지 마세요.",
          examples: [EXAMPLE_HASH],
          type: 'object',
          required: ['sha256', 'salt'],
          additionalProperties: false,
          properties: {
            sha256: {
              $ref: '#/$defs/sha256',
              description: 'SHA-256 of the salt and the normalised answer: 64 hex digits. / 솔트와 정규화한 답의 SHA-256: 16진수 64자리.',
            },
            salt: { description: 'The salt mixed into the hash. / 해시에 섞은 솔트.', type: ['string', 'integer'], minLength: 1 },
          },
        },
      },
    },
  },
  // The panel shows the question in the display language; the label is the English one.
  label: (check) => quizQuestion(check)?.en ?? 'quiz',
  validate(check: CheckSpec, lab: Lab): Diagnostic[] {
    const out = checkShape(check, SHAPE);
    const args = argsOf(check);
    if (!args) return out;
    if (has(args, 'ask') && !localizedOf(args['ask'])) {
      out.push(
        diag(
          check,
          'ask',
          'wrong-type',
          loc('ask must be the question, a string or { en, ko }.', 'ask는 질문(문자열이나 { en, ko })이어야 합니다.'),
        ),
      );
    }
    if (has(args, 'choices')) {
      const c = args['choices'];
      if (!Array.isArray(c) || c.length === 0 || c.some((x) => !localizedOf(x))) {
        out.push(
          diag(
            check,
            'choices',
            'wrong-type',
            loc('choices must be a list of strings or { en, ko }.', 'choices는 문자열이나 { en, ko }의 리스트여야 합니다.'),
          ),
        );
      }
    }
    const a = args['answer'];
    if (!quizHash(check)) {
      const plain = typeof a === 'string' || typeof a === 'number' ? String(a) : undefined;
      const salt = lab.name || 'knetlab';
      const why = !has(args, 'answer')
        ? loc('This quiz has no answer: add answer: { sha256, salt }.', '이 퀴즈에 답이 없습니다: answer: { sha256, salt }를 추가하세요.')
        : plain !== undefined
          ? loc(
              `Never store a quiz answer in plain text: students can read lab.yaml. Write answer: { sha256: "${hashAnswer(plain, salt)}", salt: "${salt}" } instead (any salt will do).`,
              `퀴즈 답을 평문으로 저장하지 마세요: 학생이 lab.yaml을 읽을 수 있습니다. 대신 answer: { sha256: "${hashAnswer(plain, salt)}", salt: "${salt}" }로 쓰세요 (salt는 아무 값이나 됩니다).`,
            )
          : loc(
              'answer must be { sha256: <64 hex digits>, salt: <text> }.',
              'answer는 { sha256: <16진수 64자리>, salt: <텍스트> }여야 합니다.',
            );
      out.push(diag(check, has(args, 'answer') ? 'answer' : undefined, 'quiz-no-answer', why));
    }
    return out;
  },
  run(check, ctx): CheckResult {
    const hash = quizHash(check);
    if (!hash)
      return {
        passed: false,
        feedback: loc('This quiz has no valid answer hash in the lab.', '이 퀴즈에는 실습에 올바른 답 해시가 없습니다.'),
      };
    const given = answerFor(ctx.answers, ctx.exercise.id, ctx.quizIndex);
    const nth = ctx.quizIndex > 0 ? ` (answer number ${ctx.quizIndex + 1} in the list)` : '';
    const nthKo = ctx.quizIndex > 0 ? ` (리스트의 ${ctx.quizIndex + 1}번째 답)` : '';
    if (given === undefined) {
      return {
        passed: false,
        unanswered: true,
        feedback: loc(
          `Not answered yet: write your answer in answers.yaml under "${ctx.exercise.id}"${nth}.`,
          `아직 답하지 않았습니다: answers.yaml의 "${ctx.exercise.id}" 아래에 답을 쓰세요${nthKo}.`,
        ),
      };
    }
    let ok = checkAnswer(given, hash);
    const choices = quizChoices(check);
    // A choice written in either language is that choice, whichever language its hash was made from
    // (a Korean student may copy the Korean text); a number is a choice's position only when it is
    // not itself one of the choices.
    const named = choices.find((c) => sameAnswer(c.en, given) || sameAnswer(c.ko, given));
    const choice = named ?? (/^\s*\d+\s*$/.test(given) ? choices[Number(given) - 1] : undefined);
    if (!ok && choice) ok = checkAnswer(choice.en, hash) || checkAnswer(choice.ko, hash);
    return ok
      ? { passed: true, feedback: loc('Right answer.', '정답입니다.') }
      : { passed: false, feedback: loc('Not the right answer; try again.', '정답이 아닙니다. 다시 생각해 보세요.') };
  },
};
