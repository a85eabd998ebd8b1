/**
 * The event list: every leg of the trace in walk order, one listbox each with its heading (the
 * leg's kind, what it carries, how many steps), a row per step (number, host[/netns], interface,
 * stage, what happens). A leg sits beside the leg that answers it (the request beside its reply, a
 * query beside its answer); a leg another leg opened is indented and says which. Arrow keys move
 * within a list, the selection follows the focus. The same steps as one accessible table
 * (caption, header cells), hidden from sight unless the user asks for it.
 */
import type { Lang } from '../../src/core/text/i18n';
import type { Step, TraceResult } from '../../src/core/datapath/trace';
import { legKind, legsOf, netfilterRow, type StepRef, stepPlace } from '../../src/core/view/trace';
import { DEFAULT_SEED } from '../../src/core/datapath/flow';
import { type Child, fill, h } from './dom';
import { LEG_KINDS, legHeading, legName, legParent, legRows, type LegSlot } from './legs';
import { hookBadge, nfWhat } from './netfilter';
import { stageLabel, t, tl } from './strings';

export const rowId = (ref: StepRef): string => `step-${ref.leg}-${ref.index}`;

function stageClass(s: Step, last: boolean, replied: boolean): string {
  if (s.stage === 'drop') return 'stage-drop';
  if (s.stage === 'icmp') return 'stage-icmp';
  if (last && s.stage === 'deliver') return replied ? 'stage-ok' : 'stage-fail';
  return '';
}

/** The column heads of a list (the rows say the same to a screen reader, cell by cell). */
function colsHead(lang: Lang): HTMLElement {
  return h(
    'div',
    { class: 'event-cols-head', 'aria-hidden': 'true' },
    h('span', { class: 'c-num' }, t(lang, 'number')),
    h('span', { class: 'c-where' }, t(lang, 'where')),
    h('span', { class: 'c-iface' }, t(lang, 'iface')),
    h('span', { class: 'c-stage' }, t(lang, 'stage')),
    h('span', { class: 'c-what' }, t(lang, 'what')),
  );
}

export class EventLists {
  readonly el: HTMLElement;
  private readonly lists = new Map<number, HTMLElement>();
  private trace?: TraceResult;
  private current?: StepRef;
  private seed = DEFAULT_SEED;

  constructor(private readonly onPick: (ref: StepRef, focus: boolean) => void) {
    this.el = h('div', { class: 'events' });
  }

  render(lang: Lang, trace: TraceResult, seed: number = DEFAULT_SEED): void {
    this.trace = trace;
    this.seed = seed;
    this.lists.clear();
    const cols: Child[] = legRows(trace).flatMap((row) =>
      row.map((slot, k) => this.column(lang, trace, slot, row.length === 1 ? 'alone' : k === 0 ? 'first' : 'second')),
    );
    fill(this.el, ...cols);
    this.el.dataset['legs'] = String(legsOf(trace).length);
    this.current = undefined;
  }

  /** One leg's section: its heading, the column heads, the listbox of its steps. */
  private column(lang: Lang, trace: TraceResult, slot: LegSlot, place: 'alone' | 'first' | 'second'): HTMLElement {
    const leg = 'leg' in slot ? slot.leg : undefined;
    const steps = leg !== undefined ? (legsOf(trace)[leg]?.steps ?? []) : [];
    const kind = leg !== undefined ? legKind(trace, leg) : 'reply';
    const key = leg !== undefined ? String(leg) : 'noreply';
    const headId = `events-${key}-head`;
    const name = leg !== undefined ? legName(lang, trace, leg) : tl(lang, LEG_KINDS.reply);
    const parent = leg !== undefined ? legParent(lang, trace, leg) : undefined;
    const list = h('div', {
      class: 'event-list',
      role: 'listbox',
      id: `events-${key}`,
      'aria-labelledby': headId,
      'data-leg': leg,
      'data-kind': kind,
      tabindex: steps.length ? undefined : 0,
    });
    if (leg !== undefined) {
      steps.forEach((s, index) => list.append(this.row(lang, trace, leg, s, index)));
      list.addEventListener('keydown', (e) => this.key(e as KeyboardEvent, leg));
      this.lists.set(leg, list);
    }
    if (!steps.length) list.append(h('p', { class: 'empty' }, t(lang, kind === 'reply' ? 'noSteps' : 'noStepsRequest')));
    return h(
      'section',
      {
        class: `event-col event-col-${kind} event-col-${place}${parent ? ' event-col-child' : ''}`,
        'aria-label': name,
        'data-leg': leg,
        'data-kind': kind,
      },
      h(
        'h2',
        { id: headId, class: 'event-head' },
        leg !== undefined ? legHeading(lang, trace, leg) : t(lang, 'events', { leg: name, n: 0 }),
      ),
      parent ? h('p', { class: 'event-parent' }, h('span', { 'aria-hidden': 'true' }, '↳ '), parent) : null,
      colsHead(lang),
      list,
    );
  }

  private row(lang: Lang, trace: TraceResult, leg: number, s: Step, index: number): HTMLElement {
    const steps = legsOf(trace)[leg]?.steps ?? [];
    const last = index === steps.length - 1;
    const ref = { leg, index };
    const detail = tl(lang, s.detail);
    // A netfilter step: the hook as its badge, the rule and what it decided in a compact line (netfilter.ts).
    const nf = netfilterRow(s, this.seed);
    return h(
      'div',
      {
        class: `event ${stageClass(s, last, trace.replied)}`.trim(),
        role: 'option',
        id: rowId(ref),
        'aria-selected': 'false',
        tabindex: -1,
        'data-leg': leg,
        'data-index': index,
        'data-stage': s.stage,
        title: detail,
        on: { click: () => this.onPick(ref, true) },
      },
      h('span', { class: 'c-num' }, index + 1),
      h('span', { class: 'c-where' }, stepPlace(s)),
      h('span', { class: 'c-iface' }, s.iface ?? ''),
      h('span', { class: 'c-stage' }, nf ? hookBadge(lang, s) : h('span', { class: `stage stage-${s.stage}` }, stageLabel(lang, s))),
      nf ? h('span', { class: 'c-what nf-what' }, ...nfWhat(lang, nf)) : h('span', { class: 'c-what' }, detail),
    );
  }

  /** Marks `ref` as the selected step (and focuses it when asked). */
  select(ref: StepRef | undefined, focus = false): void {
    const prev = this.current ? document.getElementById(rowId(this.current)) : null;
    if (prev) {
      prev.setAttribute('aria-selected', 'false');
      prev.tabIndex = -1;
    }
    this.current = ref;
    // Roving tab stops: the selected row in its list, the first row in each other list.
    for (const [leg, list] of this.lists) {
      const rows = list.querySelectorAll<HTMLElement>('[role=option]');
      rows.forEach((r) => (r.tabIndex = -1));
      const stop = ref && ref.leg === leg ? rows[ref.index] : rows[0];
      if (stop) stop.tabIndex = 0;
    }
    if (!ref) return;
    const row = document.getElementById(rowId(ref));
    if (!row) return;
    row.setAttribute('aria-selected', 'true');
    row.tabIndex = 0;
    if (focus) row.focus({ preventScroll: true });
  }

  /** Scrolls the selected row into view (after everything else is drawn: this lays the page out). */
  reveal(): void {
    if (this.current) document.getElementById(rowId(this.current))?.scrollIntoView({ block: 'nearest' });
  }

  private key(e: KeyboardEvent, leg: number): void {
    const steps = (this.trace ? legsOf(this.trace)[leg]?.steps : undefined) ?? [];
    const at = this.current?.leg === leg ? this.current.index : -1;
    let next: number | undefined;
    if (e.key === 'ArrowDown') next = Math.min(at + 1, steps.length - 1);
    else if (e.key === 'ArrowUp') next = Math.max(at - 1, 0);
    else if (e.key === 'PageDown') next = Math.min(at + 10, steps.length - 1);
    else if (e.key === 'PageUp') next = Math.max(at - 10, 0);
    else if (e.key === 'Enter') next = Math.max(at, 0);
    if (next === undefined || steps.length === 0) return;
    e.preventDefault();
    e.stopPropagation();
    this.onPick({ leg, index: next }, true);
  }
}

/** The whole trace as one table, for screen readers (and on request, on screen). */
export class StepsTable {
  readonly el: HTMLTableElement;
  /** The table's box: hidden from sight, not from screen readers, unless shown. */
  readonly wrap: HTMLElement;

  constructor() {
    this.el = h('table', { class: 'steps-table', id: 'steps-table' });
    this.wrap = h('div', { class: 'steps-table-wrap' }, this.el);
  }

  render(lang: Lang, title: string, trace: TraceResult): void {
    const head = h(
      'thead',
      {},
      h('tr', {}, ...(['leg', 'number', 'where', 'iface', 'stage', 'what'] as const).map((k) => h('th', { scope: 'col' }, t(lang, k)))),
    );
    const body = h('tbody', {});
    const legs = legsOf(trace);
    legs.forEach((l, leg) => {
      const name = legName(lang, trace, leg);
      l.steps.forEach((s, index) => {
        body.append(
          h(
            'tr',
            { id: `table-${rowId({ leg, index })}`, 'data-leg': leg, 'data-index': index },
            h('td', {}, name),
            h('th', { scope: 'row' }, index + 1),
            h('td', {}, stepPlace(s)),
            h('td', {}, s.iface ?? ''),
            h('td', {}, s.stage === 'netfilter' && s.hook ? `${stageLabel(lang, s)} ${s.hook}` : stageLabel(lang, s)),
            h('td', {}, tl(lang, s.detail)),
          ),
        );
      });
    });
    // An ordinary trace keeps its plain caption; any other names its legs in order.
    const plain = legs.every((_, i) => (i === 0 ? legKind(trace, i) === 'request' : i === 1 && legKind(trace, i) === 'reply'));
    const caption = plain
      ? t(lang, 'tableCaption', { title })
      : t(lang, 'tableCaptionLegs', { title, legs: legs.map((_, i) => legName(lang, trace, i)).join(', ') });
    fill(this.el, h('caption', {}, caption), head, body);
  }

  select(ref: StepRef | undefined): void {
    this.el.querySelectorAll('tr[aria-current]').forEach((r) => r.removeAttribute('aria-current'));
    if (ref) this.el.querySelector(`#table-${rowId(ref)}`)?.setAttribute('aria-current', 'step');
  }
}
