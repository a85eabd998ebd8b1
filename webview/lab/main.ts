/**
 * The lab panel: the lab's exercises beside its drawing (tasks, checks and their state, hints,
 * quizzes answered in place, grade buttons, the score). It draws the LabView the extension sends
 * (src/core/view/lab.ts) and posts what the user does through the typed protocol; the open
 * sections and the last view are kept with setState, so a reload draws the same panel at once.
 */
import './page.css';
import './checks.css';
import type { Lang } from '../../src/core/text/i18n';
import type { HostMessage, PanelState } from '../../src/protocol/panels';
import type { LabView } from '../../src/core/view/types';
import { bootstrap, getState, onMessage, post, setState } from '../common/host';
import { h } from './dom';
import { type Actions, renderExercises, renderHeader, renderProblems, type Ui } from './render';
import { S, t } from './strings';

type LabMessage = Extract<HostMessage, { type: 'lab' }>;

interface Model {
  lang: Lang;
  last?: LabMessage;
  /** Open exercises; undefined until the first view (then a default) or the saved state. */
  open?: Set<string>;
  busy: boolean;
  error?: string;
  /** Answers typed or picked but not saved yet, by quiz key: kept across redraws. */
  drafts: Map<string, string>;
  /** Answers posted, waiting for the view that holds them. */
  pending: Map<string, string>;
  /** Answers the last view confirmed as saved. */
  saved: Set<string>;
  /** A polite message for screen readers and sighted users alike (a link that opens nothing...). */
  status: string;
}

const saved = getState();
const model: Model = {
  lang: 'en',
  busy: false,
  drafts: new Map(),
  pending: new Map(),
  saved: new Set(),
  status: '',
  ...(saved?.lab ? { open: new Set(saved.lab.open) } : {}),
};

const app = document.getElementById('app') ?? document.body.appendChild(h('div', { id: 'app' }));

function persist(): void {
  if (!model.last) return;
  const state: PanelState = {
    kind: 'lab',
    labDir: model.last.labDir,
    lab: { open: [...(model.open ?? [])] },
    last: { ...model.last, lang: model.lang },
  };
  setState(state);
}

/** By default the first exercise not passed yet is open (the first one, when all are). */
function defaultOpen(view: LabView): Set<string> {
  const ex = view.exercises.find((e) => e.state !== 'passed') ?? view.exercises[0];
  return new Set(ex ? [ex.id] : []);
}

const actions: Actions = {
  grade: (exercise) => post(exercise === undefined ? { type: 'grade' } : { type: 'grade', exercise }),
  trace: (args) => post({ type: 'runTrace', args: { ...args } }),
  reveal: (source) => post({ type: 'reveal', source: { ...source } }),
  showTopology: () => post({ type: 'showTopology' }),
  answer(quiz, value) {
    model.pending.set(quiz, value);
    model.saved.delete(quiz);
    post({ type: 'answer', quiz, value });
    // Only the quiz's status changes: no redraw under the student's fingers.
    const status = app.querySelector(`[data-key="${CSS.escape(`quiz:${quiz}:save`)}"]`)?.parentElement?.querySelector('.quiz-status');
    if (status) status.textContent = t(S.saving, model.lang);
  },
  draft(quiz, value) {
    model.drafts.set(quiz, value);
  },
  toggled(exercise, open) {
    model.open ??= new Set();
    if (open) model.open.add(exercise);
    else model.open.delete(exercise);
    persist();
  },
};

/** The `data-key` of the focused control, to give the focus back after a redraw. */
function focusedKey(): string | undefined {
  const a = document.activeElement;
  return a instanceof HTMLElement ? a.closest<HTMLElement>('[data-key]')?.dataset['key'] : undefined;
}

async function refocus(key: string | undefined): Promise<void> {
  if (!key) return;
  const el = app.querySelector<HTMLElement>(`[data-key="${CSS.escape(key)}"]`);
  if (!el) return;
  // The components draw their shadow DOM asynchronously: focus what is inside once it is there.
  await (el as Partial<{ updateComplete: Promise<unknown> }>).updateComplete;
  if (el.tagName === 'VSCODE-COLLAPSIBLE') {
    el.shadowRoot?.querySelector<HTMLElement>('.collapsible-header')?.focus();
  } else if (el.tagName === 'VSCODE-TEXTFIELD') {
    const input = el.shadowRoot?.querySelector('input');
    input?.focus();
    input?.setSelectionRange(input.value.length, input.value.length);
  } else if (el.tagName === 'VSCODE-RADIO-GROUP') {
    const radios = Array.from(el.querySelectorAll<HTMLElement & { checked: boolean }>('vscode-radio'));
    (radios.find((r) => r.checked) ?? radios[0])?.focus();
  } else {
    el.focus();
  }
}

function ui(): Ui {
  return {
    lang: model.lang,
    open: model.open ?? new Set(),
    busy: model.busy,
    ...(model.error !== undefined ? { error: model.error } : {}),
    drafts: model.drafts,
    pending: model.pending,
    saved: model.saved,
  };
}

function draw(): void {
  const key = focusedKey();
  const scroll = window.scrollY;
  document.documentElement.lang = model.lang;
  document.title = t(S.panel, model.lang);
  const view = model.last?.view;
  const status = h('div', { class: 'sr-status', role: 'status', 'aria-live': 'polite', id: 'status' }, model.status);
  if (!view) {
    app.replaceChildren(
      h('main', { class: 'lab', 'aria-busy': 'true' }, h('p', { class: 'waiting' }, model.error ?? t(S.waiting, model.lang))),
      status,
    );
    return;
  }
  const u = ui();
  const main = h(
    'main',
    { class: 'lab', 'aria-busy': model.busy ? 'true' : 'false', 'aria-label': t(S.panel, model.lang) },
    renderHeader(view, u, actions),
    ...renderProblems(view, u, actions),
    renderExercises(view, u, actions),
  );
  app.replaceChildren(main, status);
  requestAnimationFrame(() => window.scrollTo(0, scroll));
  void refocus(key);
}

/** A new view: confirm the answers it now holds, keep the drafts that differ from them. */
function receive(m: LabMessage): void {
  // Another lab (or a saved state of another one): its own sections, the default ones at first.
  if (model.last ? model.last.labDir !== m.labDir : saved?.labDir !== m.labDir) model.open = undefined;
  model.last = m;
  model.lang = m.lang;
  model.error = undefined;
  model.open ??= defaultOpen(m.view);
  model.saved.clear();
  for (const q of m.view.exercises.flatMap((e) => e.checks.flatMap((c) => (c.quiz ? [c.quiz] : [])))) {
    const p = model.pending.get(q.id);
    if (p !== undefined && p === q.answer) {
      model.pending.delete(q.id);
      model.saved.add(q.id);
    }
    if (model.drafts.get(q.id) === q.answer) model.drafts.delete(q.id);
  }
  persist();
  draw();
}

function handle(m: HostMessage): void {
  switch (m.type) {
    case 'lab':
      receive(m);
      return;
    case 'lang':
      model.lang = m.lang;
      persist();
      draw();
      return;
    case 'busy':
      model.busy = m.busy;
      // A grade that ends without a new view (an error) leaves pending answers as they were.
      draw();
      return;
    case 'error':
      model.error = m.message;
      draw();
      return;
    case 'topology':
    case 'trace':
      return; // not this panel's
  }
}

// Links in tasks and hints open nothing (no remote load, no navigation): say where they point.
document.addEventListener('click', (e) => {
  const a = (e.target as Element | null)?.closest?.('a.md-link');
  if (!a) return;
  e.preventDefault();
  model.status = t(S.linkNotOpened, model.lang, { url: a.getAttribute('data-href') ?? '' });
  const s = document.getElementById('status');
  if (s) s.textContent = model.status;
});

// On an exercise's header: Space toggles it, as Enter does (it is a button); the arrow keys move
// between the headers (Home and End to the first and last).
document.addEventListener('keydown', (e) => {
  if (![' ', 'ArrowDown', 'ArrowUp', 'Home', 'End'].includes(e.key)) return;
  const origin = e.composedPath()[0];
  if (!(origin instanceof HTMLElement) || !origin.classList.contains('collapsible-header')) return;
  if (e.key === ' ') {
    e.preventDefault();
    origin.click();
    return;
  }
  const all = Array.from(app.querySelectorAll<HTMLElement>('vscode-collapsible.exercise'));
  const host = (origin.getRootNode() as ShadowRoot).host as HTMLElement;
  const i = all.indexOf(host);
  if (i < 0) return;
  const j =
    e.key === 'Home' ? 0 : e.key === 'End' ? all.length - 1 : e.key === 'ArrowDown' ? Math.min(all.length - 1, i + 1) : Math.max(0, i - 1);
  e.preventDefault();
  all[j]?.shadowRoot?.querySelector<HTMLElement>('.collapsible-header')?.focus();
});

onMessage(handle);
const first = bootstrap() ?? saved?.last;
if (first?.type === 'lab') receive(first);
else draw();
post({ type: 'ready' });
