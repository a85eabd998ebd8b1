/**
 * Draws the lab panel from a LabView: the header (title, score, grade button), then each exercise
 * as a collapsible section with its task, checks, hints, quizzes and grade button. Every control
 * has an accessible name; what the user does goes to the `Actions` the controller gives.
 */
import '@vscode-elements/elements/dist/vscode-badge/index.js';
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-collapsible/index.js';
import '@vscode-elements/elements/dist/vscode-progress-bar/index.js';
import '@vscode-elements/elements/dist/vscode-progress-ring/index.js';
import '@vscode-elements/elements/dist/vscode-radio/index.js';
import '@vscode-elements/elements/dist/vscode-radio-group/index.js';
import '@vscode-elements/elements/dist/vscode-textfield/index.js';
import type { VscodeCollapsible } from '@vscode-elements/elements/dist/vscode-collapsible/vscode-collapsible.js';
import type { VscodeRadio } from '@vscode-elements/elements/dist/vscode-radio/vscode-radio.js';
import type { VscodeTextfield } from '@vscode-elements/elements/dist/vscode-textfield/vscode-textfield.js';
import type { SourceRange } from '../../src/core/text/diag';
import { type Lang, type Localized, pick } from '../../src/core/text/i18n';
import type { CheckState, CheckView, ExerciseView, LabView, QuizView, TraceArgsView } from '../../src/core/view/types';
import { h, html } from './dom';
import { renderInline, renderMarkdown } from './markdown';
import { num, S, t } from './strings';

export interface Actions {
  grade(exercise?: string): void;
  trace(args: TraceArgsView): void;
  reveal(source: SourceRange): void;
  answer(quiz: string, value: string): void;
  showTopology(): void;
  toggled(exercise: string, open: boolean): void;
  draft(quiz: string, value: string): void;
}

/** What the panel keeps beside the view: open sections, unsaved answers, what is being saved. */
export interface Ui {
  readonly lang: Lang;
  readonly open: ReadonlySet<string>;
  readonly busy: boolean;
  /** The extension's last error (the lab no longer loads), shown above the last good drawing. */
  readonly error?: string;
  readonly drafts: ReadonlyMap<string, string>;
  readonly pending: ReadonlyMap<string, string>;
  readonly saved: ReadonlySet<string>;
}

export const ICON: Readonly<Record<CheckState, string>> = { passed: '✓', failed: '✗', unanswered: '?', untried: '○' };

const base = (file: string) => file.split(/[\\/]/).pop() || file;

function stateBadge(state: CheckState, lang: Lang, cls = 'state'): HTMLElement {
  return h(
    'span',
    { class: `${cls} state-${state}`, 'data-state': state },
    h('span', { class: 'state-icon', 'aria-hidden': 'true' }, ICON[state]),
    h('span', { class: 'state-text' }, t(S.state[state], lang)),
  );
}

function revealLink(source: SourceRange, lang: Lang, act: Actions, key: string, label: Localized = S.reveal): HTMLAnchorElement {
  const a = h(
    'a',
    { href: '#', class: 'reveal', 'data-key': key, 'aria-label': t(label, lang, { file: base(source.file), line: source.line }) },
    `${base(source.file)}:${source.line}`,
  );
  a.addEventListener('click', (e) => {
    e.preventDefault();
    act.reveal(source);
  });
  return a;
}

function button(text: string, attrs: Readonly<Record<string, string | boolean | undefined>>, onClick: () => void): HTMLElement {
  const b = h('vscode-button', attrs, text);
  b.addEventListener('click', () => {
    if (!(b as unknown as { disabled: boolean }).disabled) onClick();
  });
  return b;
}

function exerciseTitle(ex: ExerciseView, lang: Lang): string {
  return ex.title ? pick(ex.title, lang) : ex.id;
}

function pointsText(score: number | undefined, max: number, lang: Lang): string {
  return score === undefined ? t(S.points, lang, { n: num(max) }) : t(S.pointsOf, lang, { score: num(score), max: num(max) });
}

// ---------------------------------------------------------------------------------------------

export function renderHeader(view: LabView, ui: Ui, act: Actions): HTMLElement {
  const { lang } = ui;
  const title = view.title ? pick(view.title, lang) : view.lab;
  const graded = view.score !== undefined;
  const scoreText = graded
    ? t(S.scoreText, lang, { score: num(view.score!), max: num(view.maxScore) })
    : t(S.notGraded, lang, { max: num(view.maxScore) });
  const score = h(
    'div',
    { class: 'score', role: 'group', 'aria-label': t(S.score, lang) },
    graded && view.maxScore > 0
      ? h('vscode-progress-bar', {
          class: 'score-bar',
          value: String(view.score),
          max: String(view.maxScore),
          'aria-label': `${t(S.score, lang)}: ${scoreText}`,
        })
      : undefined,
    h('span', { class: 'score-text', id: 'score-text' }, scoreText),
  );
  const busy = h(
    'div',
    { class: 'busy', role: 'status', 'aria-live': 'polite' },
    ui.busy ? h('vscode-progress-ring', { 'aria-hidden': 'true', class: 'busy-ring' }) : undefined,
    ui.busy ? h('span', {}, t(S.grading, lang)) : undefined,
  );
  const tools = h(
    'div',
    { class: 'toolbar', role: 'toolbar', 'aria-label': t(S.panel, lang) },
    button(
      t(S.gradeLab, lang),
      {
        id: 'grade-lab',
        'data-key': 'grade-lab',
        'aria-label': t(S.gradeLabLabel, lang),
        disabled: ui.busy || view.exercises.length === 0,
      },
      () => act.grade(),
    ),
    button(t(S.showTopology, lang), { secondary: true, 'data-key': 'show-topology', 'aria-label': t(S.showTopologyLabel, lang) }, () =>
      act.showTopology(),
    ),
    busy,
  );
  return h('header', { class: 'lab-header' }, h('h1', { class: 'lab-title' }, title), score, tools);
}

export function renderProblems(view: LabView, ui: Ui, act: Actions): HTMLElement[] {
  const { lang } = ui;
  const out: HTMLElement[] = [];
  if (ui.error) out.push(h('div', { class: 'banner banner-error', role: 'alert' }, t(S.lastError, lang, { message: ui.error })));
  const list = (title: string, cls: string, items: LabView['errors'], role: string) =>
    h(
      'section',
      { class: `problems ${cls}`, role, 'aria-label': title },
      h('h2', {}, title),
      h(
        'ul',
        {},
        ...items.map((e, i) =>
          h('li', {}, h('span', { class: 'problem-text' }, pick(e.message, lang)), ' ', revealLink(e.source, lang, act, `${cls}:${i}`)),
        ),
      ),
    );
  if (view.errors.length) out.push(list(t(S.errorsTitle, lang), 'errors', view.errors, 'alert'));
  if (view.warnings?.length) out.push(list(t(S.warningsTitle, lang), 'warnings', view.warnings, 'region'));
  return out;
}

export function renderExercises(view: LabView, ui: Ui, act: Actions): HTMLElement {
  const { lang } = ui;
  if (view.errors.length) return h('div', { class: 'exercises' });
  if (!view.exercises.length) return h('p', { class: 'empty' }, t(S.noExercises, lang));
  return h(
    'div',
    { class: 'exercises', role: 'list', 'aria-label': t(S.exercises, lang) },
    ...view.exercises.map((ex, i) => h('div', { role: 'listitem', class: 'exercise-item' }, renderExercise(ex, i, ui, act))),
  );
}

function renderExercise(ex: ExerciseView, i: number, ui: Ui, act: Actions): HTMLElement {
  const { lang } = ui;
  const title = exerciseTitle(ex, lang);
  const points = pointsText(ex.score, ex.points, lang);
  const c = h('vscode-collapsible', {
    class: `exercise state-${ex.state}`,
    'data-exercise': ex.id,
    'data-key': `ex:${ex.id}`,
    heading: `${i + 1}. ${title}`,
    description: points,
    open: ui.open.has(ex.id),
  }) as VscodeCollapsible;
  const headerLabel = t(S.exerciseHeader, lang, { n: i + 1, title, state: t(S.state[ex.state], lang), points });
  // The header inside the component is a focusable div: give it a role, a name and its state.
  void c.updateComplete.then(() => {
    const header = c.shadowRoot?.querySelector('.collapsible-header');
    if (!header) return;
    header.setAttribute('role', 'button');
    header.setAttribute('aria-label', headerLabel);
    header.setAttribute('aria-expanded', String(c.open));
  });
  c.addEventListener('vsc-collapsible-toggle', (e) => {
    c.shadowRoot?.querySelector('.collapsible-header')?.setAttribute('aria-expanded', String(e.detail.open));
    act.toggled(ex.id, e.detail.open);
  });
  c.append(h('span', { slot: 'decorations', class: 'decorations' }, stateBadge(ex.state, lang, 'state badge')));

  const body = h('div', { class: 'exercise-body' });
  if (ex.task) body.append(html('div', { class: 'task markdown' }, renderMarkdown(pick(ex.task, lang))));
  body.append(
    h('h3', { class: 'section-title', id: `checks-${ex.id}` }, t(S.checks, lang)),
    h('ul', { class: 'checks', 'aria-labelledby': `checks-${ex.id}` }, ...ex.checks.map((ch) => renderCheck(ex, ch, ui, act))),
  );
  const hints = renderHints(ex, lang);
  if (hints) body.append(hints);
  body.append(
    h(
      'div',
      { class: 'exercise-actions' },
      button(
        t(S.gradeExercise, lang),
        { 'data-key': `grade:${ex.id}`, 'aria-label': t(S.gradeExerciseLabel, lang, { title }), disabled: ui.busy },
        () => act.grade(ex.id),
      ),
      revealLink(ex.source, lang, act, `reveal-ex:${ex.id}`, S.revealExercise),
    ),
  );
  c.append(body);
  return c;
}

function renderCheck(ex: ExerciseView, ch: CheckView, ui: Ui, act: Actions): HTMLElement {
  const { lang } = ui;
  const label = ch.quiz ? pick(ch.quiz.question, lang) : ch.label;
  const head = h(
    'div',
    { class: 'check-head' },
    stateBadge(ch.state, lang),
    h('span', { class: 'check-kind', title: ch.kindSummary ? pick(ch.kindSummary, lang) : undefined }, pick(ch.kindName, lang)),
    ch.quiz ? h('span', { class: 'check-label question' }, label) : h('code', { class: 'check-label' }, label),
    h('span', { class: 'check-points' }, pointsText(ch.score, ch.points, lang)),
  );
  const li = h(
    'li',
    { class: `check state-${ch.state}`, 'data-state': ch.state, 'data-kind': ch.kind, 'data-index': ch.index },
    h('span', { class: 'sr-only' }, `${t(S.checkOf, lang, { n: ch.index + 1 })}: `),
    head,
  );
  // The feedback of the last grade; a passed check's is shown quieter.
  // An unanswered quiz is answered right below: its "write it in answers.yaml" is not shown.
  if (ch.feedback && ch.state !== 'untried' && !(ch.quiz && ch.state === 'unanswered')) {
    const fb = h(
      'div',
      { class: `check-feedback${ch.state === 'passed' ? ' quiet' : ''}` },
      h('p', { class: 'feedback-text' }, pick(ch.feedback, lang)),
    );
    if (ch.state === 'failed' && (ch.expected !== undefined || ch.actual !== undefined)) {
      fb.append(
        h(
          'dl',
          { class: 'expected-actual' },
          ch.expected !== undefined ? h('dt', {}, t(S.expected, lang)) : undefined,
          ch.expected !== undefined ? h('dd', {}, h('code', {}, ch.expected)) : undefined,
          ch.actual !== undefined ? h('dt', {}, t(S.actual, lang)) : undefined,
          ch.actual !== undefined ? h('dd', {}, h('pre', {}, ch.actual.replace(/^\n+/, '') || ' ')) : undefined,
        ),
      );
    }
    li.append(fb);
  }
  if (ch.quiz) li.append(renderQuiz(ch.quiz, ui, act));
  const actions = h('div', { class: 'check-actions' });
  if (ch.trace) {
    const args = ch.trace;
    actions.append(
      button(
        t(S.trace, lang),
        {
          secondary: true,
          class: 'trace',
          'data-key': `trace:${ex.id}:${ch.index}`,
          'aria-label': t(S.traceLabel, lang, { what: ch.label }),
        },
        () => act.trace(args),
      ),
    );
  }
  actions.append(revealLink(ch.source, lang, act, `reveal:${ex.id}:${ch.index}`));
  li.append(actions);
  return li;
}

const norm = (s: string) => s.normalize('NFC').trim().replace(/\s+/gu, ' ').toLowerCase();

/** The choice a saved answer names: its key, its text in either language, or its number. */
export function choiceOf(quiz: QuizView, answer: string | undefined): string | undefined {
  if (answer === undefined || !quiz.choices) return undefined;
  const a = norm(answer);
  const hit = quiz.choices.find((c) => norm(c.key) === a || norm(c.text.en) === a || norm(c.text.ko) === a);
  if (hit) return hit.key;
  const n = /^\d+$/.test(a) ? Number(a) : 0;
  return quiz.choices[n - 1]?.key;
}

function renderQuiz(quiz: QuizView, ui: Ui, act: Actions): HTMLElement {
  const { lang } = ui;
  const qid = `q-${quiz.id.replace(/[^A-Za-z0-9_-]/g, '_')}`;
  const question = pick(quiz.question, lang);
  const value = ui.drafts.get(quiz.id) ?? quiz.answer;
  const status = h(
    'span',
    { class: 'quiz-status', role: 'status', 'aria-live': 'polite' },
    ui.pending.has(quiz.id)
      ? t(S.saving, lang)
      : ui.saved.has(quiz.id)
        ? t(S.saved, lang)
        : quiz.answer === undefined
          ? t(S.noAnswer, lang)
          : t(S.savedAnswer, lang, { answer: quiz.answer }),
  );
  const box = h(
    'div',
    { class: 'quiz', role: 'group', 'aria-labelledby': `${qid}-label` },
    h('span', { class: 'sr-only', id: `${qid}-label` }, `${t(S.question, lang)}: ${question}`),
  );
  let read: () => string | undefined;
  if (quiz.choices) {
    const chosen = choiceOf(quiz, value);
    const group = h(
      'vscode-radio-group',
      { variant: 'vertical', 'aria-label': question, 'data-key': `quiz:${quiz.id}:choices`, class: 'choices' },
      ...quiz.choices.map((c) => h('vscode-radio', { name: qid, value: c.key, label: pick(c.text, lang), checked: c.key === chosen })),
    );
    read = () => (Array.from(group.querySelectorAll('vscode-radio')) as VscodeRadio[]).find((r) => r.checked)?.value;
    group.addEventListener('change', () => {
      const v = read();
      if (v !== undefined) act.draft(quiz.id, v);
    });
    box.append(group);
  } else {
    const field = h('vscode-textfield', {
      class: 'short-answer',
      'data-key': `quiz:${quiz.id}:text`,
      label: `${t(S.yourAnswer, lang)}: ${question}`,
      placeholder: t(S.answerPlaceholder, lang),
    }) as VscodeTextfield;
    field.value = value ?? '';
    read = () => field.value;
    field.addEventListener('input', () => act.draft(quiz.id, field.value));
    field.addEventListener('keydown', (e) => {
      if (e.key === 'Enter') {
        e.preventDefault();
        save();
      }
    });
    box.append(field);
  }
  const save = () => {
    const v = read();
    if (v !== undefined && v.trim() !== '') act.answer(quiz.id, v);
  };
  box.append(
    h(
      'div',
      { class: 'quiz-actions' },
      button(
        t(S.save, lang),
        { class: 'save', 'data-key': `quiz:${quiz.id}:save`, 'aria-label': `${t(S.saveLabel, lang)}: ${question}` },
        save,
      ),
      status,
    ),
  );
  return box;
}

function renderHints(ex: ExerciseView, lang: Lang): HTMLElement | undefined {
  if (ex.hintCount === 0) return undefined;
  const shown = ex.hints.slice(0, ex.hintCount);
  const count = shown.length
    ? t(S.hintsOf, lang, { n: shown.length, m: ex.hintCount })
    : ex.hintCount === 1
      ? t(S.hintLater, lang)
      : t(S.hintsLater, lang, { m: ex.hintCount });
  return h(
    'section',
    { class: 'hints', 'aria-labelledby': `hints-${ex.id}` },
    h('h3', { class: 'section-title', id: `hints-${ex.id}` }, t(S.hints, lang), ' ', h('span', { class: 'hints-count' }, count)),
    shown.length
      ? h(
          'ol',
          { class: 'hint-list' },
          ...shown.map((hint, i) => html('li', { class: 'hint', 'data-hint': i + 1 }, renderInline(pick(hint, lang)))),
        )
      : undefined,
  );
}
