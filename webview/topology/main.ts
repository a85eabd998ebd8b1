/**
 * The topology panel: the lab drawn with d3 (webview/common/topology), a toolbar to search, fit
 * and export. It draws the `topology` messages of the extension, posts `ready`, `reveal` (a click
 * on a node) and `export`, and keeps its view state (positions, pan and zoom, search, the last
 * message) with setState, so that a reload draws the same view at once.
 */
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-textfield/index.js';
import '@vscode-elements/elements/dist/vscode-progress-ring/index.js';
import '../common/topology/topology.css';
import './style.css';
import type { Lang } from '../../src/core/text/i18n';
import type { HostMessage, PanelState, TopologyViewState } from '../../src/protocol/panels';
import { bootstrap, getState, onMessage, post, setState } from '../common/host';
import { createTopologyView } from '../common/topology';
import { s } from './strings';

type TopologyMessage = Extract<HostMessage, { type: 'topology' }>;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  if (text !== undefined) e.textContent = text;
  return e;
}

const saved = getState();
const boot = bootstrap();
let last: TopologyMessage | undefined = boot?.type === 'topology' ? boot : saved?.last?.type === 'topology' ? saved.last : undefined;
let lang: Lang = last?.lang ?? (boot && 'lang' in boot ? boot.lang : undefined) ?? (document.documentElement.lang === 'ko' ? 'ko' : 'en');
// The saved view belongs to the lab it was saved for.
let viewState: TopologyViewState | undefined =
  saved?.topology && (!last || !saved.labDir || saved.labDir === last.labDir) ? saved.topology : undefined;

// ---- the page: toolbar, message line, drawing
const app = document.getElementById('app') ?? document.body.appendChild(el('div', { id: 'app' }));
const bar = el('div', { class: 'toolbar', role: 'group' });
const search = el('vscode-textfield', { type: 'search', class: 'search' });
const count = el('span', { class: 'count', role: 'status', 'aria-live': 'polite' });
const fitBtn = el('vscode-button', { secondary: '', class: 'fit' });
const svgBtn = el('vscode-button', { secondary: '', class: 'export-svg' });
const pngBtn = el('vscode-button', { secondary: '', class: 'export-png' });
const ring = el('vscode-progress-ring', { class: 'busy', hidden: '' });
bar.append(search, count, fitBtn, svgBtn, pngBtn, ring);
const message = el('div', { class: 'message', role: 'alert', hidden: '' });
const empty = el('p', { class: 'empty' });
const stage = el('main', { class: 'stage' });
app.append(bar, message, empty, stage);

const view = createTopologyView(stage, {
  lang,
  ...(viewState ? { state: viewState } : {}),
  onReveal: (source) => post({ type: 'reveal', source }),
  onState: (st) => {
    viewState = st;
    save();
  },
});

function save(): void {
  const state: PanelState = {
    kind: 'topology',
    labDir: last?.labDir ?? saved?.labDir ?? '',
    ...(viewState ? { topology: viewState } : {}),
    ...(last ? { last } : {}),
  };
  setState(state);
}

function texts(): void {
  document.documentElement.lang = lang;
  bar.setAttribute('aria-label', s(lang, 'toolbar'));
  search.setAttribute('placeholder', s(lang, 'searchPlaceholder'));
  search.setAttribute('label', s(lang, 'search'));
  search.setAttribute('aria-label', s(lang, 'search'));
  fitBtn.textContent = s(lang, 'fit');
  fitBtn.setAttribute('aria-label', s(lang, 'fitLabel'));
  svgBtn.textContent = s(lang, 'exportSvg');
  svgBtn.setAttribute('aria-label', s(lang, 'exportSvgLabel'));
  pngBtn.textContent = s(lang, 'exportPng');
  pngBtn.setAttribute('aria-label', s(lang, 'exportPngLabel'));
  ring.setAttribute('aria-label', s(lang, 'busy'));
  empty.textContent = s(lang, 'empty');
}

function draw(m: TopologyMessage): void {
  last = m;
  lang = m.lang;
  texts();
  view.setLang(lang);
  view.update(m.model);
  empty.hidden = true;
  message.hidden = true;
  if (search.value) runSearch(search.value, false);
  save();
}

function runSearch(text: string, announce = true): void {
  const n = view.search(text);
  count.textContent = !text.trim() ? '' : n === 0 ? s(lang, 'noMatch') : n === 1 ? s(lang, 'oneMatch') : s(lang, 'matches', n);
  void announce;
}

async function exportAs(format: 'svg' | 'png'): Promise<void> {
  if (!last) return;
  try {
    const data = format === 'svg' ? view.exportSvg() : await view.exportPng();
    post({ type: 'export', format, name: `${last.model.lab}-topology.${format}`, data });
  } catch (e) {
    message.textContent = s(lang, 'exportFailed', e instanceof Error ? e.message : String(e));
    message.hidden = false;
  }
}

// ---- controls
search.addEventListener('input', () => runSearch(search.value));
search.addEventListener('keydown', (e: KeyboardEvent) => {
  if (e.key === 'Enter') {
    // Into the drawing, on the first match.
    const first = stage.querySelector<SVGGElement>('.knt-node.knt-match');
    first?.focus();
  } else if (e.key === 'Escape') {
    search.value = '';
    runSearch('');
  }
});
fitBtn.addEventListener('click', () => view.fit());
svgBtn.addEventListener('click', () => void exportAs('svg'));
pngBtn.addEventListener('click', () => void exportAs('png'));

onMessage((m) => {
  switch (m.type) {
    case 'topology':
      draw(m);
      break;
    case 'lang':
      lang = m.lang;
      if (last) last = { ...last, lang: m.lang };
      texts();
      view.setLang(lang);
      if (search.value) runSearch(search.value, false);
      save();
      break;
    case 'error':
      message.textContent = s(lang, 'error', m.message);
      message.hidden = false;
      break;
    case 'busy':
      ring.hidden = !m.busy;
      stage.setAttribute('aria-busy', String(m.busy));
      break;
    default:
      break;
  }
});

texts();
if (viewState?.search) search.value = viewState.search;
if (last) draw(last);
post({ type: 'ready' });
