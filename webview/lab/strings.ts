/**
 * Every string the lab panel shows, in English and Korean. `{name}` marks a value filled in. The
 * check kinds' names and summaries come with the view (CheckView.kindName, kindSummary), from the kinds.
 */
import { fill, type Lang, type Localized } from '../../src/core/text/i18n';
import type { CheckState } from '../../src/core/view/types';

export const S = {
  panel: { en: 'Lab exercises', ko: '실습 과제' },
  waiting: { en: 'Loading the lab…', ko: '실습을 불러오는 중…' },
  score: { en: 'Score', ko: '점수' },
  scoreText: { en: '{score} of {max} points', ko: '{max}점 중 {score}점' },
  notGraded: { en: 'Not graded yet: {max} points to earn', ko: '아직 채점하지 않았습니다: 총 {max}점' },
  gradeLab: { en: 'Grade lab', ko: '실습 채점' },
  gradeLabLabel: { en: 'Grade every exercise of the lab', ko: '실습의 모든 과제 채점' },
  gradeExercise: { en: 'Grade', ko: '채점' },
  gradeExerciseLabel: { en: 'Grade the exercise "{title}"', ko: '"{title}" 과제 채점' },
  showTopology: { en: 'Topology', ko: '토폴로지' },
  showTopologyLabel: { en: 'Open the topology of the lab', ko: '실습의 토폴로지 열기' },
  grading: { en: 'Grading…', ko: '채점 중…' },
  exercises: { en: 'Exercises', ko: '과제' },
  exerciseHeader: { en: 'Exercise {n}: {title}. {state}. {points}', ko: '과제 {n}: {title}. {state}. {points}' },
  noExercises: { en: 'This lab has no graded exercises.', ko: '이 실습에는 채점할 과제가 없습니다.' },
  points: { en: '{n} points', ko: '{n}점' },
  pointsOf: { en: '{score} / {max} points', ko: '{score} / {max}점' },
  checks: { en: 'Checks', ko: '검사' },
  checkOf: { en: 'Check {n}', ko: '검사 {n}' },
  expected: { en: 'Expected', ko: '기대' },
  actual: { en: 'Actual', ko: '실제' },
  trace: { en: 'Trace', ko: '추적' },
  traceLabel: { en: 'Trace the packet of this check in the trace panel: {what}', ko: '이 검사의 패킷을 추적 패널에서 추적: {what}' },
  reveal: { en: 'Open {file} at line {line}', ko: '{file}의 {line}번째 줄 열기' },
  revealExercise: { en: 'Open the exercise in {file} at line {line}', ko: '{file}의 {line}번째 줄에서 과제 열기' },
  hints: { en: 'Hints', ko: '힌트' },
  hintsOf: { en: '{n} of {m} hints', ko: '힌트 {m}개 중 {n}개' },
  hintsLater: { en: '{m} hints, revealed one at a time after a failed attempt', ko: '힌트 {m}개: 시도가 실패할 때마다 하나씩 보입니다' },
  hintLater: { en: '1 hint, revealed after a failed attempt', ko: '힌트 1개: 시도가 실패하면 보입니다' },
  question: { en: 'Question', ko: '질문' },
  yourAnswer: { en: 'Your answer', ko: '나의 답' },
  answerPlaceholder: { en: 'Type your answer', ko: '답을 입력하세요' },
  save: { en: 'Save', ko: '저장' },
  saveLabel: { en: 'Save the answer in answers.yaml', ko: 'answers.yaml에 답 저장' },
  saving: { en: 'Saving…', ko: '저장 중…' },
  saved: { en: 'Saved in answers.yaml', ko: 'answers.yaml에 저장했습니다' },
  savedAnswer: { en: 'Saved answer: {answer}', ko: '저장된 답: {answer}' },
  noAnswer: { en: 'Not answered yet', ko: '아직 답하지 않았습니다' },
  errorsTitle: { en: 'The lab does not load', ko: '실습을 불러올 수 없습니다' },
  warningsTitle: { en: 'Problems met while grading', ko: '채점 중 발견한 문제' },
  lastError: {
    en: 'The lab no longer loads; this shows its last good version. {message}',
    ko: '실습을 더 이상 불러올 수 없습니다. 마지막으로 불러온 버전을 보여 줍니다. {message}',
  },
  linkNotOpened: { en: 'Links open nothing from this panel: {url}', ko: '이 패널의 링크는 아무것도 열지 않습니다: {url}' },
  state: {
    untried: { en: 'Not graded', ko: '채점 전' },
    passed: { en: 'Passed', ko: '통과' },
    failed: { en: 'Failed', ko: '실패' },
    unanswered: { en: 'Unanswered', ko: '미응답' },
  } satisfies Record<CheckState, Localized>,
} as const;

/** The text in the display language, with `{name}` replaced by `vars[name]`. */
export function t(text: Localized, lang: Lang, vars: Readonly<Record<string, string | number>> = {}): string {
  return fill(text, lang, vars);
}

/** A number of points as shown: at most two decimals, no trailing zeros. */
export function num(n: number): string {
  return String(Math.round(n * 100) / 100);
}
