/**
 * The trace panel, like Packet Tracer's simulation mode: the topology with the packet's path and
 * the current step, the event list (every leg of the trace in walk order: a request beside its
 * reply, a name lookup's query beside its answer), playback controls over all the legs, the
 * selected step in detail, and the verdict. Also the whole trace as an accessible table.
 *
 * It draws the `trace` message of src/protocol/panels.ts; its view state (leg, step, speed,
 * branch, and the last message) is kept with setState and restored after a reload.
 */
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-single-select/index.js';
import '@vscode-elements/elements/dist/vscode-option/index.js';
import '@vscode-elements/elements/dist/vscode-radio-group/index.js';
import '@vscode-elements/elements/dist/vscode-radio/index.js';
import '@vscode-elements/elements/dist/vscode-progress-ring/index.js';
import '@vscode-elements/elements/dist/vscode-textfield/index.js';
import '../common/topology/topology.css';
import './page.css';
import './detail.css';
import './events.css';
import type { SourceRange } from '../../src/core/text/diag';
import type { Lang } from '../../src/core/text/i18n';
import { pathOf, savedLeg, stepAt, type StepRef, stepOrder, stepPlace, traceView } from '../../src/core/view/trace';
import type { TopologyModel, TraceView } from '../../src/core/view/types';
import type { HostMessage, PanelState, TopologyViewState } from '../../src/protocol/panels';
import { bootstrap, getState, onMessage, post, setState } from '../common/host';
import { fill, h } from './dom';
import { revealButton, renderDetail } from './detail';
import { renderBranches } from './branches';
import { renderWarnings } from './warnings';
import { EventLists, StepsTable } from './events';
import { TraceForm } from './form';
import { Controls } from './controls';
import { playerKey } from './keys';
import { legName } from './legs';
import { Player, SPEEDS } from './player';
import { stageLabel, t, tl, verdictLabel } from './strings';
import { createTopologyView, type TopologyView } from '../common/topology';

type TraceMessage = Extract<HostMessage, { type: 'trace' }>;

/** How often, at most, the view state is saved. */
const SAVE_MS = 300;

class TracePanel {
  private lang: Lang = 'en';
  private labDir = '';
  private msg?: TraceMessage;
  private model?: TopologyModel;
  private modelKey = '';
  /** The trace shown: the message's view, or one of its branches. */
  private shown?: TraceView;
  private branch: number | undefined;
  private tableShown = false;
  private saveTimer: ReturnType<typeof setTimeout> | undefined;

  private readonly player: Player;
  private readonly controls: Controls;
  private readonly lists: EventLists;
  private readonly table = new StepsTable();
  private readonly form = new TraceForm((args) => post({ type: 'runTrace', args }));
  private topo?: TopologyView;
  /** The drawing's pan, zoom and moved nodes (saved with the panel's state). */
  private topoState: TopologyViewState | undefined;

  private readonly titleEl = h('h1', { class: 'title', id: 'trace-title' });
  private readonly verdictEl = h('div', { class: 'verdict', id: 'verdict' });
  private readonly warningsEl = h('div', { class: 'warnings', id: 'warnings', role: 'note', hidden: true });
  private readonly branchesEl = h('div', { class: 'branches', id: 'branches', hidden: true });
  private readonly statusEl = h('div', { class: 'status-line' });
  private readonly topoEl = h('section', { class: 'topo', id: 'topology', role: 'region' });
  private readonly detailEl = h('section', {
    class: 'detail',
    id: 'detail',
    role: 'region',
    'aria-labelledby': 'detail-head',
    tabindex: -1,
  });
  private readonly eventsEl = h('section', { class: 'events-wrap', id: 'events' });
  private readonly liveEl = h('div', { class: 'sr-only', id: 'live', role: 'status', 'aria-live': 'polite', 'aria-atomic': 'true' });
  private readonly emptyEl = h('p', { class: 'empty-panel', id: 'empty' });

  constructor(root: HTMLElement) {
    this.player = new Player(
      (ref, pos, total, focus) => this.moved(ref, pos, total, focus),
      (playing) => this.playingChanged(playing),
    );
    this.lists = new EventLists((ref, focus) => {
      this.player.pause();
      this.player.gotoRef(ref, focus);
    });
    this.controls = new Controls({
      start: () => this.player.step(-Infinity),
      back: () => this.player.step(-1),
      play: () => this.player.toggle(),
      forward: () => this.player.step(1),
      end: () => this.player.step(Infinity),
      table: () => this.toggleTable(),
      topology: () => post({ type: 'showTopology' }),
      speed: () => this.speedChanged(),
    });
    this.eventsEl.append(this.lists.el, this.table.wrap);
    fill(
      root,
      h(
        'header',
        { class: 'top' },
        h('div', { class: 'top-row' }, this.titleEl, this.form.el),
        this.verdictEl,
        this.warningsEl,
        this.branchesEl,
        this.statusEl,
      ),
      this.controls.el,
      h('div', { class: 'body' }, this.topoEl, this.detailEl),
      this.eventsEl,
      this.emptyEl,
      this.liveEl,
    );
    document.addEventListener('keydown', (e) => playerKey(e, this.player));
    this.applyLang();
  }

  // ---- Messages

  /** The drawing's state saved before a reload (applied when the drawing is made). */
  restoreTopology(state: TopologyViewState | undefined): void {
    this.topoState = state;
  }

  handle(m: HostMessage, restore?: PanelState['trace']): void {
    switch (m.type) {
      case 'trace':
        this.showTrace(m, restore);
        break;
      case 'topology':
        this.lang = m.lang;
        this.labDir = m.labDir;
        this.setModel(m.model);
        if (this.msg) {
          this.msg = {
            ...this.msg,
            lang: m.lang,
            model: m.model,
            view: traceView(m.model, this.msg.view.trace, this.msg.view.title, this.msg.view.branches),
          };
          this.selectBranch(this.branch, this.player.current);
        }
        this.applyLang();
        break;
      case 'lang':
        this.lang = m.lang;
        if (this.msg) this.msg = { ...this.msg, lang: m.lang };
        this.applyLang();
        this.renderTrace(this.player.current);
        this.save();
        break;
      case 'error':
        fill(this.statusEl, h('p', { class: 'error', role: 'alert' }, h('strong', {}, `${t(this.lang, 'error')}: `), m.message));
        break;
      case 'busy':
        fill(this.statusEl, m.busy ? h('vscode-progress-ring', { 'aria-label': t(this.lang, 'busy') }) : null);
        break;
      case 'lab':
        break;
    }
  }

  private showTrace(given: TraceMessage, restore?: PanelState['trace']): void {
    // A message saved by an older version (restored after a reload) has its anchors by leg name.
    const m = Array.isArray(given.view.anchors)
      ? given
      : { ...given, view: traceView(given.model, given.view.trace, given.view.title, given.view.branches) };
    const same = this.msg && this.msg.view.title === m.view.title && this.msg.view.branches.length === m.view.branches.length;
    const branch = restore ? restore.branch : same ? this.branch : undefined;
    const restoredTrace = (branch !== undefined ? m.view.branches[branch]?.trace : undefined) ?? m.view.trace;
    const at: StepRef | undefined = restore
      ? { leg: savedLeg(restoredTrace, restore.leg), index: restore.step }
      : same
        ? this.player.current
        : undefined;
    if (restore && SPEEDS.includes(restore.speed)) {
      this.player.speed = restore.speed;
      this.controls.speedEl.value = String(restore.speed);
    }
    this.msg = m;
    this.lang = m.lang;
    this.labDir = m.labDir;
    fill(this.statusEl);
    this.setModel(m.model);
    this.applyLang();
    this.selectBranch(branch, at);
  }

  private setModel(model: TopologyModel): void {
    this.model = model;
    const key = JSON.stringify(model);
    if (key === this.modelKey && this.topo) return;
    this.modelKey = key;
    this.topo ??= createTopologyView(this.topoEl, {
      lang: this.lang,
      onReveal: (source) => this.reveal(source),
      onState: (state) => {
        this.topoState = state;
        this.save();
      },
      ...(this.topoState ? { state: this.topoState } : {}),
    });
    this.topo.update(model);
  }

  /** Shows the main trace (undefined) or one of its branches, at `at` if it exists there. */
  private selectBranch(branch: number | undefined, at?: StepRef): void {
    const m = this.msg;
    if (!m) return;
    const b = branch !== undefined ? m.view.branches[branch] : undefined;
    this.branch = b ? branch : undefined;
    this.shown = b ? traceView(m.model, b.trace, m.view.title) : m.view;
    this.renderTrace(at);
  }

  private renderTrace(at?: StepRef): void {
    const m = this.msg;
    const v = this.shown;
    this.emptyEl.hidden = !!v;
    if (!m || !v) return;
    const lang = this.lang;
    this.titleEl.textContent = v.title;
    // The verdict: replied or not, and why, in plain words; then any doubt of it (warnings.ts).
    const tr = v.trace;
    fill(
      this.verdictEl,
      h('span', { class: `verdict-badge ${tr.replied ? 'ok' : 'fail'}`, 'data-verdict': tr.verdict }, verdictLabel(lang, tr)),
      ' ',
      h('span', { class: 'reason', id: 'reason' }, tl(lang, tr.reason)),
      tr.source ? ' ' : null,
      tr.source ? revealButton(lang, tr.source, (s) => this.reveal(s)) : null,
    );
    this.verdictEl.className = `verdict ${tr.replied ? 'ok' : 'fail'}`;
    renderWarnings(this.warningsEl, lang, tr, (s) => this.reveal(s));
    this.renderBranches();
    this.form.set(lang, this.model, tr);
    this.lists.render(lang, tr, m.view.seed);
    this.table.render(lang, v.title, tr);
    this.player.load(stepOrder(tr), at);
  }

  private renderBranches(): void {
    renderBranches(this.branchesEl, this.lang, this.msg?.view, this.branch, (next) => {
      this.player.pause();
      this.selectBranch(next);
      this.save();
    });
  }

  // ---- Position

  private moved(ref: StepRef | undefined, pos: number, total: number, focus: boolean): void {
    const v = this.shown;
    const lang = this.lang;
    this.lists.select(ref, focus);
    this.table.select(ref);
    this.controls.posEl.textContent = total ? t(lang, 'stepOf', { n: pos + 1, total }) : '';
    this.setDisabled(pos, total);
    if (!v || !ref) {
      fill(this.detailEl);
      this.topo?.clearHighlight();
      this.save();
      return;
    }
    const step = stepAt(v.trace, ref)!;
    renderDetail(this.detailEl, {
      lang,
      trace: v.trace,
      ref,
      ...(this.model ? { model: this.model } : {}),
      ...(this.msg?.view.seed !== undefined ? { seed: this.msg.view.seed } : {}),
      onReveal: (s) => this.reveal(s),
    });
    // The selected row scrolled into view first (a layout of the lists and the detail), then the
    // highlight, which changes only the drawing: laid out on its own, the drawing costs far less
    // than in one layout with the rest of the page.
    this.lists.reveal();
    this.topo?.highlight(pathOf(v, ref.leg), v.anchors[ref.leg]?.[ref.index]);
    this.liveEl.textContent = `${t(lang, 'legStep', { leg: legName(lang, v.trace, ref.leg), n: ref.index + 1 })} (${t(lang, 'stepOf', { n: pos + 1, total })}): ${stepPlace(step)}${step.iface ? ` ${step.iface}` : ''}, ${stageLabel(lang, step)}. ${tl(lang, step.detail)}`;
    this.save();
  }

  private setDisabled(pos: number, total: number): void {
    const atStart = pos <= 0;
    const atEnd = pos >= total - 1;
    for (const [k, off] of [
      ['start', atStart],
      ['back', atStart],
      ['forward', atEnd],
      ['end', atEnd],
      ['play', total < 2],
    ] as const) {
      (this.controls.buttons[k] as HTMLElement & { disabled: boolean }).disabled = off;
    }
  }

  private playingChanged(playing: boolean): void {
    this.controls.setPlaying(playing, this.lang);
  }

  private speedChanged(): void {
    const s = Number(this.controls.speedEl.value);
    if (SPEEDS.includes(s)) this.player.setSpeed(s);
    this.save();
  }

  private toggleTable(): void {
    this.tableShown = !this.tableShown;
    this.eventsEl.classList.toggle('table-shown', this.tableShown);
    this.applyLang();
  }

  private reveal(source: SourceRange): void {
    post({ type: 'reveal', source });
  }

  // ---- Language and state

  private applyLang(): void {
    const lang = this.lang;
    // Only when it changes: setting the document's lang, even to the same value, restyles the whole page.
    if (document.documentElement.lang !== lang) document.documentElement.lang = lang;
    if (document.title !== t(lang, 'panel')) document.title = t(lang, 'panel');
    const label = (k: keyof Controls['buttons'], key: Parameters<typeof t>[1]) => {
      this.controls.buttons[k].setAttribute('aria-label', t(lang, key));
      this.controls.buttons[k].setAttribute('title', t(lang, key));
    };
    label('start', 'toStart');
    label('back', 'back');
    label('forward', 'forward');
    label('end', 'toEnd');
    this.playingChanged(this.player.playing);
    this.controls.buttons.table.textContent = t(lang, this.tableShown ? 'showLists' : 'showTable');
    this.controls.buttons.table.setAttribute('aria-pressed', String(this.tableShown));
    this.controls.buttons.topology.textContent = t(lang, 'showTopology');
    this.controls.el.setAttribute('aria-label', t(lang, 'controls'));
    this.controls.speedEl.setAttribute('aria-label', t(lang, 'speed'));
    const speedLabel = this.controls.el.querySelector('.speed-label');
    if (speedLabel) speedLabel.textContent = t(lang, 'speed');
    this.topoEl.setAttribute('aria-label', t(lang, 'topology'));
    this.eventsEl.setAttribute('aria-label', t(lang, 'what'));
    this.emptyEl.textContent = t(lang, 'waiting');
    this.topo?.setLang(lang);
    this.form.set(lang, this.model, this.shown?.trace);
  }

  /**
   * Saves the view state, at most every SAVE_MS: the state holds the last message (the topology and
   * the trace, large for a large lab), so stepping and playing do not serialise it at every step.
   */
  private save(): void {
    if (this.saveTimer !== undefined) return;
    this.saveTimer = setTimeout(() => this.flush(), SAVE_MS);
  }

  /** Saves now (and when the page goes away). */
  flush(): void {
    if (this.saveTimer !== undefined) clearTimeout(this.saveTimer);
    this.saveTimer = undefined;
    const ref = this.player.current;
    const state: PanelState = {
      kind: 'trace',
      labDir: this.labDir,
      trace: {
        leg: ref?.leg ?? 0,
        step: ref?.index ?? 0,
        speed: this.player.speed,
        ...(this.branch !== undefined ? { branch: this.branch } : {}),
      },
      ...(this.topoState ? { topology: this.topoState } : {}),
      ...(this.msg ? { last: this.msg } : {}),
    };
    setState(state);
  }
}

function start(): void {
  const root = document.getElementById('app') ?? document.body;
  const panel = new TracePanel(root);
  const saved = getState();
  const first = bootstrap() ?? (saved?.kind === 'trace' ? saved.last : undefined);
  // The saved position applies to the trace it was saved with (a reload), not to a new one.
  const restore =
    saved?.kind === 'trace' && first?.type === 'trace' && saved.last?.type === 'trace' && saved.last.view.title === first.view.title
      ? saved.trace
      : undefined;
  if (saved?.kind === 'trace') panel.restoreTopology(saved.topology);
  if (first) panel.handle(first, restore);
  onMessage((m) => panel.handle(m));
  window.addEventListener('pagehide', () => panel.flush());
  post({ type: 'ready' });
}

start();
