/**
 * The webview panels (topology, trace, lab): one panel per kind and lab folder, opened or revealed,
 * fed with the view models of src/core/view through the typed protocol of src/protocol/panels.ts,
 * kept up to date as the lab's files change, and restored after a reload by a serializer.
 *
 * Files only through vscode.workspace.fs (and open documents), the nonce from
 * crypto.getRandomValues: the same code runs in the desktop and the web extension host.
 */
import * as vscode from 'vscode';
import type { Lab, TraceResult, World } from '../../core';
import { pick } from '../../core/text/i18n';
import type { TraceArgsView } from '../../core/view/types';
import { type HostMessage, isPanelMessage, type PanelKind, type PanelMessage, type PanelState, VIEW_TYPES } from '../../protocol/panels';
import type { Ctx } from '../ctx';
import { baseName, exists, LAB_FILE, readText, readTree, relativeTo, STATE_DIR, writeText } from '../labfs';
import { gradeDir, shownPath } from '../labs';
import { scoreText } from '../report';
import { runTrace } from '../trace';
import { exportBytes, exportName } from './exports';
import { nonce, panelHtml } from './html';

type Views = typeof import('./views');

export const PANEL_KINDS: readonly PanelKind[] = ['topology', 'trace', 'lab'];

/** Typing in a lab file redraws its panels this long after the last keystroke. */
export const EDIT_DEBOUNCE_MS = 250;

/** One open panel. */
interface Entry {
  readonly kind: PanelKind;
  readonly dir: vscode.Uri;
  readonly panel: vscode.WebviewPanel;
  /** The data the panel shows: rendered into its page, or sent since. */
  current?: HostMessage;
  /** The data its page was rendered with. */
  bootstrap?: HostMessage;
  /** How many times the page said `ready` (it reloads when shown again after being hidden). */
  ready: number;
  /** The trace panel: the packet it traces (traced again when the lab changes). */
  trace?: TraceArgsView;
  readonly subscriptions: vscode.Disposable[];
}

/** What a panel shows, for the extension's API (the status bar has the same kind of accessor). */
export interface PanelInfo {
  readonly kind: PanelKind;
  readonly title: string;
  /** The page has loaded and said so (its script ran under the CSP). */
  readonly ready: boolean;
  readonly shows?: HostMessage['type'];
  readonly message?: HostMessage;
}

/** A lab folder with open panels: its watcher, its pending redraw, the failed attempts per exercise. */
interface LabState {
  watcher?: vscode.FileSystemWatcher;
  timer?: ReturnType<typeof setTimeout>;
  /** Bumped at every rebuild: an older rebuild that finishes later is dropped. */
  seq: number;
}

interface Loaded {
  readonly views: Views;
  readonly files: ReadonlyMap<string, string>;
  readonly built: ReturnType<Views['buildLab']>;
}

const key = (kind: PanelKind, dir: vscode.Uri) => `${kind} ${dir.toString()}`;

export class PanelManager implements vscode.Disposable {
  private readonly entries = new Map<string, Entry>();
  private readonly labs = new Map<string, LabState>();
  /**
   * Failed attempts of each exercise, by lab folder: one more hint is revealed after each. Kept in
   * the workspace's state, so that a reload does not hide the hints a student has seen.
   */
  private readonly failures: Map<string, Map<string, number>>;
  private readonly subscriptions: vscode.Disposable[] = [];
  private views: Promise<Views> | undefined;
  private lang;

  constructor(private readonly ctx: Ctx) {
    this.lang = ctx.lang;
    this.failures = loadFailures(ctx.extension.workspaceState?.get<unknown>(FAILURES_KEY));
    this.subscriptions.push(
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length) this.fileChanged(e.document.uri, EDIT_DEBOUNCE_MS);
      }),
      // Closing an edited file without saving: the panels go back to the file on disk.
      vscode.workspace.onDidCloseTextDocument((d) => this.fileChanged(d.uri, EDIT_DEBOUNCE_MS)),
      ctx.grades.onDidChange((g) => this.schedule(g.dir, 0)),
      ctx.config.onDidChange(() => this.langChanged()),
    );
    for (const kind of PANEL_KINDS) {
      this.subscriptions.push(
        vscode.window.registerWebviewPanelSerializer(VIEW_TYPES[kind], {
          deserializeWebviewPanel: (panel, state) => this.restore(kind, panel, state),
        }),
      );
    }
  }

  // -------------------------------------------------------------------------------------------
  // Opening

  /**
   * Opens the panel of `kind` on the lab folder `dir` (or reveals it, with fresh data). False when
   * no panel can open here (the extension was built without its panels): the caller falls back to
   * text. The trace panel opens through showTrace.
   */
  async open(kind: Exclude<PanelKind, 'trace'>, dir: vscode.Uri, preserveFocus = false): Promise<boolean> {
    return this.openPanel(kind, dir, preserveFocus);
  }

  /**
   * Shows a trace in the lab's trace panel. `traced` is the trace just run (so that the panel shows
   * exactly what the command printed); without it the packet is traced on the lab's files.
   */
  async showTrace(dir: vscode.Uri, args: TraceArgsView, traced?: { lab: Lab; world: World; result: TraceResult }): Promise<boolean> {
    let first: HostMessage | undefined;
    if (traced) {
      const views = await this.loadViews();
      const t = views.traceOf(traced.lab, traced.world, traced.result, args);
      first = { type: 'trace', lang: this.ctx.lang, labDir: dir.toString(), model: t.topology, view: t.view };
    }
    return this.openPanel('trace', dir, false, args, first);
  }

  private async openPanel(kind: PanelKind, dir: vscode.Uri, preserveFocus: boolean, trace?: TraceArgsView, first?: HostMessage): Promise<boolean> {
    const existing = this.entries.get(key(kind, dir));
    if (existing) {
      if (trace) existing.trace = trace;
      existing.panel.title = this.title(kind, dir, trace);
      existing.panel.reveal(undefined, preserveFocus);
      if (first) this.post(existing, first);
      else await this.refresh(dir);
      return true;
    }
    const root = this.root();
    if (!root || !(await exists(vscode.Uri.joinPath(root, `${kind}.js`)))) return false;
    const message = first ?? this.messageFor({ kind, dir, trace }, await this.load(dir));
    // Beside the editor or the knetlab panel the user works in (a trace asked for from the lab
    // panel opens next to it, not over it); in the active group otherwise.
    const besides = !!vscode.window.activeTextEditor || [...this.entries.values()].some((e) => e.panel.active);
    const column = besides ? vscode.ViewColumn.Beside : vscode.ViewColumn.Active;
    const panel = vscode.window.createWebviewPanel(VIEW_TYPES[kind], this.title(kind, dir, trace), { viewColumn: column, preserveFocus }, {
      enableScripts: true,
      retainContextWhenHidden: false,
      localResourceRoots: [root],
    });
    const entry = this.adopt(kind, dir, panel, trace);
    this.render(entry, message);
    return true;
  }

  /** After a reload: VS Code gives back a panel with the state its page saved. */
  private async restore(kind: PanelKind, panel: vscode.WebviewPanel, state: unknown): Promise<void> {
    const s = (state && typeof state === 'object' ? state : {}) as Partial<PanelState>;
    const dir = typeof s.labDir === 'string' ? parseUri(s.labDir) : undefined;
    const root = this.root();
    if (!dir || !root || !(await exists(vscode.Uri.joinPath(dir, LAB_FILE)))) {
      panel.dispose(); // the lab is gone (or the state is not ours): nothing to show
      return;
    }
    const existing = this.entries.get(key(kind, dir));
    if (existing) {
      panel.dispose();
      existing.panel.reveal(undefined, true);
      return;
    }
    let trace: TraceArgsView | undefined;
    if (kind === 'trace' && s.last?.type === 'trace') {
      const views = await this.loadViews();
      trace = views.traceArgsOfState(s.last);
    }
    panel.webview.options = { enableScripts: true, localResourceRoots: [root] };
    panel.title = this.title(kind, dir, trace);
    const entry = this.adopt(kind, dir, panel, trace);
    this.render(entry, this.messageFor(entry, await this.load(dir)));
    // A lab panel that showed a grade shows one again: the lab's files graded as they are now.
    if (kind === 'lab' && s.last?.type === 'lab' && typeof s.last.view?.score === 'number' && !this.ctx.grades.get(dir)) {
      void gradeDir(this.ctx, dir).catch((e) => this.failed('grade', e));
    }
  }

  private adopt(kind: PanelKind, dir: vscode.Uri, panel: vscode.WebviewPanel, trace?: TraceArgsView): Entry {
    const entry: Entry = { kind, dir, panel, ready: 0, ...(trace ? { trace } : {}), subscriptions: [] };
    this.entries.set(key(kind, dir), entry);
    entry.subscriptions.push(
      panel.webview.onDidReceiveMessage((m: unknown) => {
        if (!isPanelMessage(m)) return; // anything else is not ours: ignored
        void this.handle(entry, m).catch((e) => this.failed(m.type, e));
      }),
      panel.onDidDispose(() => this.closed(entry)),
    );
    this.watch(dir);
    return entry;
  }

  private closed(entry: Entry): void {
    for (const s of entry.subscriptions.splice(0)) s.dispose();
    if (this.entries.get(key(entry.kind, entry.dir)) === entry) this.entries.delete(key(entry.kind, entry.dir));
    if (!this.openOn(entry.dir).length) {
      const lab = this.labs.get(entry.dir.toString());
      if (lab?.timer) clearTimeout(lab.timer);
      lab?.watcher?.dispose();
      this.labs.delete(entry.dir.toString());
    }
  }

  /** The panels' own files: dist/webview of the extension, the only local resource root. */
  private root(): vscode.Uri | undefined {
    const ext = this.ctx.extension.extensionUri as vscode.Uri | undefined;
    return ext ? vscode.Uri.joinPath(ext, 'dist', 'webview') : undefined;
  }

  private title(kind: PanelKind, dir: vscode.Uri, trace?: TraceArgsView): string {
    const lab = baseName(dir);
    switch (kind) {
      case 'topology':
        return vscode.l10n.t('Topology: {0}', lab);
      case 'trace':
        return trace ? vscode.l10n.t('Trace: {0}', `${trace.from} → ${trace.to}`) : vscode.l10n.t('Trace: {0}', lab);
      case 'lab':
        return vscode.l10n.t('Lab: {0}', lab);
    }
  }

  /** The page: the panel's script with a fresh nonce, its stylesheet, `bootstrap` as escaped JSON. */
  private render(entry: Entry, bootstrap: HostMessage): void {
    const root = this.root()!;
    const w = entry.panel.webview;
    entry.current = bootstrap;
    entry.bootstrap = bootstrap;
    entry.ready = 0;
    w.html = panelHtml({
      kind: entry.kind,
      title: entry.panel.title,
      lang: this.ctx.lang,
      script: w.asWebviewUri(vscode.Uri.joinPath(root, `${entry.kind}.js`)).toString(),
      style: w.asWebviewUri(vscode.Uri.joinPath(root, `${entry.kind}.css`)).toString(),
      cspSource: w.cspSource,
      nonce: nonce(),
      bootstrap,
    });
  }

  private post(entry: Entry, m: HostMessage): void {
    if (m.type !== 'busy' && m.type !== 'lang') entry.current = m;
    void Promise.resolve(entry.panel.webview.postMessage(m)).catch(() => undefined); // a hidden page gets it on `ready`
  }

  // -------------------------------------------------------------------------------------------
  // Messages from the panels

  private async handle(entry: Entry, m: PanelMessage): Promise<void> {
    switch (m.type) {
      case 'ready':
        // A page shown again after being hidden reloads with its first data: send what it shows now.
        entry.ready++;
        if ((entry.ready > 1 || entry.current !== entry.bootstrap) && entry.current) this.post(entry, entry.current);
        return;
      case 'reveal':
        return this.reveal(entry, m.source);
      case 'runTrace':
        return this.busyWhile(entry, async () => {
          await runTrace(this.ctx, { uri: entry.dir, ...m.args }, { panels: this, quiet: true });
        });
      case 'grade':
        return this.busyWhile(entry, () => this.grade(entry.dir, m.exercise));
      case 'answer':
        return this.answer(entry.dir, m.quiz, m.value);
      case 'export':
        return this.export(entry.dir, m.format, m.name, m.data);
      case 'showTopology':
        await this.open('topology', entry.dir);
        return;
      default: {
        const never: never = m;
        return never;
      }
    }
  }

  private async busyWhile(entry: Entry, work: () => Promise<void>): Promise<void> {
    this.post(entry, { type: 'busy', busy: true });
    try {
      await work();
    } finally {
      this.post(entry, { type: 'busy', busy: false });
    }
  }

  private failed(what: string, e: unknown): void {
    this.ctx.output.appendLine(`panel ${what}: ${String((e as Error)?.stack ?? e)}`);
    void vscode.window.showErrorMessage(vscode.l10n.t('knetlab: {0} failed: {1}', what, String((e as Error)?.message ?? e)));
  }

  /** Opens the lab file at the place a panel names (a node, a step, a check). */
  private async reveal(entry: Entry, source: { file: string; line: number; column: number; endLine?: number; endColumn?: number }): Promise<void> {
    const uri = await this.locate(entry.dir, source.file);
    if (!uri) {
      void vscode.window.showWarningMessage(vscode.l10n.t('Cannot find {0} in the workspace.', source.file));
      return;
    }
    const line = Math.max(0, Math.floor(source.line) - 1);
    const col = Math.max(0, Math.floor(source.column) - 1);
    const endLine = typeof source.endLine === 'number' ? Math.max(line, Math.floor(source.endLine) - 1) : line;
    const endCol = typeof source.endColumn === 'number' && endLine >= line ? Math.max(0, Math.floor(source.endColumn) - 1) : col;
    const selection = new vscode.Range(line, col, endLine, endLine === line ? Math.max(col, endCol) : endCol);
    const open = vscode.window.visibleTextEditors.find((ed) => ed.document.uri.toString() === uri.toString());
    const viewColumn = open?.viewColumn ?? (entry.panel.viewColumn === vscode.ViewColumn.One ? vscode.ViewColumn.Two : vscode.ViewColumn.One);
    await vscode.window.showTextDocument(uri, { selection, viewColumn, preview: false });
  }

  /**
   * The file a source names: the lab's sources name files by their workspace-relative path (as the
   * diagnostics and the grade do), or by an absolute path outside the workspace, or relative to
   * the lab folder.
   */
  async locate(dir: vscode.Uri, file: string): Promise<vscode.Uri | undefined> {
    const candidates: vscode.Uri[] = [];
    if (file === vscode.workspace.asRelativePath(vscode.Uri.joinPath(dir, LAB_FILE), false)) candidates.push(vscode.Uri.joinPath(dir, LAB_FILE));
    const rel = file.replace(/\\/g, '/');
    if (/^(\/|[A-Za-z]:\/)/.test(rel)) {
      candidates.push(dir.with({ path: rel.startsWith('/') ? rel : `/${rel}` }));
    } else if (!rel.split('/').includes('..')) {
      for (const f of vscode.workspace.workspaceFolders ?? []) candidates.push(vscode.Uri.joinPath(f.uri, rel));
      candidates.push(vscode.Uri.joinPath(dir, rel));
    }
    for (const c of candidates) if (await exists(c)) return c;
    return undefined;
  }

  /** Grades the lab (as knetlab.gradeLab does: the Labs view, the status bar follow), then redraws. */
  private async grade(dir: vscode.Uri, exercise?: string): Promise<void> {
    const graded = await gradeDir(this.ctx, dir);
    const counts = this.failures.get(dir.toString()) ?? new Map<string, number>();
    this.failures.set(dir.toString(), counts);
    for (const e of graded.grade.exercises) {
      if (exercise !== undefined && e.id !== exercise) continue;
      if (!e.passed) counts.set(e.id, Math.min(MAX_ATTEMPTS, (counts.get(e.id) ?? 0) + 1));
    }
    void Promise.resolve(this.ctx.extension.workspaceState?.update(FAILURES_KEY, saveFailures(this.failures))).catch(() => undefined);
    void vscode.window.setStatusBarMessage(vscode.l10n.t('knetlab: {0} scored {1}', shownPath(dir), scoreText(graded.grade)), 5000);
    await this.refresh(dir);
  }

  /** Saves a quiz answer in the lab's answers.yaml (keeping the rest of the file), then redraws. */
  private async answer(dir: vscode.Uri, quiz: string, value: string): Promise<void> {
    const views = await this.loadViews();
    const uri = vscode.Uri.joinPath(dir, 'answers.yaml');
    const edit = views.editAnswers(await readText(uri), quiz, value);
    if (edit.error) {
      void vscode.window.showErrorMessage(pick(edit.error, this.ctx.lang));
      return;
    }
    await writeText(uri, edit.text);
    await this.refresh(dir);
  }

  /** Saves an export of a drawing where the user picks (SVG text, or PNG bytes from a data URL). */
  private async export(dir: vscode.Uri, format: 'svg' | 'png', name: string, data: string): Promise<void> {
    const bytes = exportBytes(format, data);
    if (!bytes) {
      void vscode.window.showErrorMessage(vscode.l10n.t('knetlab: the panel sent no valid {0} image.', format.toUpperCase()));
      return;
    }
    const target = await vscode.window.showSaveDialog({
      defaultUri: vscode.Uri.joinPath(dir, exportName(name, format)),
      filters: { [format.toUpperCase()]: [format] },
      saveLabel: vscode.l10n.t('Export'),
    });
    if (!target) return;
    await vscode.workspace.fs.writeFile(target, bytes);
    void vscode.window.setStatusBarMessage(vscode.l10n.t('knetlab: saved {0}', vscode.workspace.asRelativePath(target, false)), 5000);
  }

  // -------------------------------------------------------------------------------------------
  // Live updates

  private openOn(dir: vscode.Uri): Entry[] {
    return [...this.entries.values()].filter((e) => e.dir.toString() === dir.toString());
  }

  private labState(dir: vscode.Uri): LabState {
    let s = this.labs.get(dir.toString());
    if (!s) this.labs.set(dir.toString(), (s = { seq: 0 }));
    return s;
  }

  /** Every file of a lab with open panels: a change on disk redraws them. */
  private watch(dir: vscode.Uri): void {
    const s = this.labState(dir);
    if (s.watcher) return;
    s.watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(dir, '**/*'));
    const changed = (uri: vscode.Uri) => this.fileChanged(uri, EDIT_DEBOUNCE_MS);
    s.watcher.onDidChange(changed);
    s.watcher.onDidCreate(changed);
    s.watcher.onDidDelete(changed);
  }

  /** A file changed (edited, saved, created, deleted): redraw the panels of the lab holding it. */
  private fileChanged(uri: vscode.Uri, ms: number): void {
    for (const s of this.labs.keys()) {
      const dir = parseUri(s);
      if (!dir) continue;
      const rel = relativeTo(dir, uri);
      if (rel === undefined || rel.split('/')[0] === STATE_DIR) continue;
      this.schedule(dir, ms);
    }
  }

  private schedule(dir: vscode.Uri, ms: number): void {
    if (!this.openOn(dir).length) return;
    const s = this.labState(dir);
    if (s.timer) clearTimeout(s.timer);
    s.timer = setTimeout(() => {
      s.timer = undefined;
      void this.refresh(dir).catch((e) => this.failed('refresh', e));
    }, ms);
  }

  /** Rebuilds what the lab's open panels show and sends it to them. */
  async refresh(dir: vscode.Uri): Promise<void> {
    const s = this.labState(dir);
    if (s.timer) clearTimeout(s.timer);
    s.timer = undefined;
    const seq = ++s.seq;
    if (!this.openOn(dir).length) return;
    const loaded = await this.load(dir);
    if (seq !== s.seq) return; // a newer rebuild started meanwhile
    for (const e of this.openOn(dir)) this.post(e, this.messageFor(e, loaded));
  }

  private langChanged(): void {
    const lang = this.ctx.lang;
    if (lang === this.lang) return;
    this.lang = lang;
    for (const e of this.entries.values()) {
      this.post(e, { type: 'lang', lang });
      const c = e.current;
      if (c && 'lang' in c && c.type !== 'lang') e.current = { ...c, lang };
    }
  }

  // -------------------------------------------------------------------------------------------
  // Data

  private loadViews(): Promise<Views> {
    this.views ??= import('./views');
    return this.views;
  }

  /** The lab's files as the editor has them: on disk, with the unsaved text of open documents. */
  private async files(dir: vscode.Uri): Promise<Map<string, string>> {
    const files = await readTree(dir);
    for (const doc of vscode.workspace.textDocuments) {
      const rel = relativeTo(dir, doc.uri);
      if (rel !== undefined && doc.isDirty && rel.split('/')[0] !== STATE_DIR) files.set(rel, doc.getText());
    }
    return files;
  }

  private async load(dir: vscode.Uri): Promise<Loaded> {
    const [views, files] = await Promise.all([this.loadViews(), this.files(dir)]);
    return { views, files, built: views.buildLab(files, vscode.workspace.asRelativePath(vscode.Uri.joinPath(dir, LAB_FILE), false)) };
  }

  private messageFor(e: { kind: PanelKind; dir: vscode.Uri; trace?: TraceArgsView | undefined }, { views, files, built }: Loaded): HostMessage {
    const lang = this.ctx.lang;
    const labDir = e.dir.toString();
    switch (e.kind) {
      case 'topology':
        return built.topology ? { type: 'topology', lang, labDir, model: built.topology } : { type: 'error', message: views.errorText(built.errors, lang) };
      case 'trace': {
        if (!built.topology) return { type: 'error', message: views.errorText(built.errors, lang) };
        if (!e.trace) return { type: 'error', message: vscode.l10n.t('No trace to show: run one from the lab panel or with knetlab: Run Trace.') };
        const t = views.traceOn(built, e.trace);
        return 'view' in t ? { type: 'trace', lang, labDir, model: t.topology, view: t.view } : { type: 'error', message: pick(t.error, lang) };
      }
      case 'lab': {
        const grade = this.ctx.grades.get(e.dir)?.grade;
        const answersFile = vscode.workspace.asRelativePath(vscode.Uri.joinPath(e.dir, 'answers.yaml'), false);
        return { type: 'lab', lang, labDir, view: views.labViewOf(built, files, baseName(e.dir), grade, this.failures.get(labDir), answersFile) };
      }
    }
  }

  // -------------------------------------------------------------------------------------------

  /** What the panel of `kind` on `dir` shows, if it is open. */
  info(kind: PanelKind, dir: vscode.Uri): PanelInfo | undefined {
    const e = this.entries.get(key(kind, dir));
    if (!e) return undefined;
    return { kind, title: e.panel.title, ready: e.ready > 0, ...(e.current ? { shows: e.current.type, message: e.current } : {}) };
  }

  /** The lab's world, without telling the user anything when it does not load. */
  async world(dir: vscode.Uri): Promise<{ lab: Lab; world: World } | undefined> {
    const { built } = await this.load(dir);
    return built.lab && built.world ? { lab: built.lab, world: built.world } : undefined;
  }

  dispose(): void {
    for (const e of [...this.entries.values()]) e.panel.dispose();
    for (const s of this.labs.values()) {
      if (s.timer) clearTimeout(s.timer);
      s.watcher?.dispose();
    }
    this.labs.clear();
    for (const s of this.subscriptions.splice(0)) s.dispose();
  }
}

const FAILURES_KEY = 'knetlab.panels.failedAttempts';
/** More failed attempts than this reveal nothing more (no lab has this many hints). */
const MAX_ATTEMPTS = 100;

/** The failed attempts saved in the workspace's state (checked: it is only data). */
function loadFailures(saved: unknown): Map<string, Map<string, number>> {
  const out = new Map<string, Map<string, number>>();
  if (!saved || typeof saved !== 'object') return out;
  for (const [dir, counts] of Object.entries(saved as Record<string, unknown>)) {
    if (!counts || typeof counts !== 'object') continue;
    const m = new Map<string, number>();
    for (const [ex, n] of Object.entries(counts as Record<string, unknown>)) {
      if (typeof n === 'number' && Number.isInteger(n) && n > 0) m.set(ex, Math.min(MAX_ATTEMPTS, n));
    }
    out.set(dir, m);
  }
  return out;
}

function saveFailures(failures: ReadonlyMap<string, ReadonlyMap<string, number>>): Record<string, Record<string, number>> {
  return Object.fromEntries([...failures].map(([dir, m]) => [dir, Object.fromEntries(m)]));
}

function parseUri(s: string): vscode.Uri | undefined {
  try {
    return vscode.Uri.parse(s, true);
  } catch {
    return undefined;
  }
}
