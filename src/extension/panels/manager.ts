/**
 * The webview panels (topology, trace, lab): one panel per kind and lab folder, opened or revealed,
 * fed with the view models of src/core/view through the typed protocol of src/protocol/panels.ts,
 * kept up to date as the lab's files change, and restored after a reload by a serializer.
 *
 * The manager wires the pieces: the kinds (kinds/, each describing itself), the open panels
 * (lifecycle.ts), their messages (messages.ts), the watching of their labs (watching.ts), and what
 * outlives a reload (persistence.ts). Files only through vscode.workspace.fs (and open documents),
 * the nonce from crypto.getRandomValues: the same code runs in the desktop and the web extension host.
 */
import * as vscode from 'vscode';
import type { Lab, TraceResult, World } from '../../core';
import type { TraceArgsView } from '../../core/view/types';
import type { HostMessage, PanelKind } from '../../protocol/panels';
import type { Ctx } from '../ctx';
import { exists } from '../labfs';
import type { TraceShower } from '../trace';
import { type KindContext, PANEL_KINDS, panelKind } from './kinds';
import { tracedMessage } from './kinds/trace';
import { OpenPanels } from './lifecycle';
import { LabLoader } from './load';
import { handleMessage, locate, type MessageHost, reportFailure } from './messages';
import { FailureStore, registerSerializers } from './persistence';
import { LabWatcher } from './watching';

export { EDIT_DEBOUNCE_MS } from './watching';

/** What a panel shows, for the extension's API (the status bar has the same kind of accessor). */
export interface PanelInfo {
  readonly kind: PanelKind;
  readonly title: string;
  /** The page has loaded and said so (its script ran under the CSP). */
  readonly ready: boolean;
  readonly shows?: HostMessage['type'];
  readonly message?: HostMessage;
}

export class PanelManager implements vscode.Disposable, TraceShower {
  private readonly loader = new LabLoader();
  private readonly failures: FailureStore;
  private readonly panels: OpenPanels;
  private readonly watcher: LabWatcher;
  private readonly kc: KindContext;
  private readonly messages: MessageHost;
  private readonly subscriptions: vscode.Disposable[] = [];
  private lang;

  constructor(private readonly ctx: Ctx) {
    this.lang = ctx.lang;
    this.failures = new FailureStore(ctx);
    const failed = (what: string, e: unknown) => reportFailure(ctx, what, e);
    this.kc = { ctx, failures: (dir) => this.failures.get(dir), failed };
    this.panels = new OpenPanels(ctx, {
      message: (entry, m) => void handleMessage(this.messages, entry, m).catch((e) => failed(m.type, e)),
      opened: (dir) => this.watcher.watch(dir),
      lastClosed: (dir) => this.watcher.unwatch(dir),
    });
    this.watcher = new LabWatcher(
      (dir) => this.panels.on(dir).length > 0,
      (dir) => void this.refresh(dir).catch((e) => failed('refresh', e)),
    );
    this.messages = {
      ctx,
      loader: this.loader,
      failures: this.failures,
      traces: this,
      post: (entry, m) => this.panels.post(entry, m),
      refresh: (dir) => this.refresh(dir),
      open: (kind, dir) => this.open(kind, dir),
    };
    this.subscriptions.push(
      ctx.grades.onDidChange((g) => this.watcher.schedule(g.dir, 0)),
      ctx.config.onDidChange(() => this.langChanged()),
      ...registerSerializers(PANEL_KINDS, { panels: this.panels, loader: this.loader, kc: this.kc }),
    );
  }

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
    const first = traced ? tracedMessage(await this.loader.loadViews(), dir, args, traced, this.ctx.lang) : undefined;
    return this.openPanel('trace', dir, false, args, first);
  }

  private async openPanel(
    kind: PanelKind,
    dir: vscode.Uri,
    preserveFocus: boolean,
    trace?: TraceArgsView,
    first?: HostMessage,
  ): Promise<boolean> {
    const spec = panelKind(kind);
    const existing = this.panels.get(kind, dir);
    if (existing) {
      if (trace) existing.trace = trace;
      existing.panel.title = spec.title(dir, trace);
      existing.panel.reveal(undefined, preserveFocus);
      if (first) this.panels.post(existing, first);
      else await this.refresh(dir);
      return true;
    }
    const root = this.panels.root();
    if (!root || !(await exists(vscode.Uri.joinPath(root, `${kind}.js`)))) return false;
    const message = first ?? spec.message({ kind, dir, trace }, await this.loader.load(dir), this.kc);
    const entry = this.panels.create(spec, dir, root, preserveFocus, trace);
    this.panels.render(entry, message);
    return true;
  }

  /** Rebuilds what the lab's open panels show and sends it to them. */
  async refresh(dir: vscode.Uri): Promise<void> {
    const newest = this.watcher.begin(dir);
    if (!this.panels.on(dir).length) return;
    const loaded = await this.loader.load(dir);
    if (!newest()) return; // a newer rebuild started meanwhile
    for (const e of this.panels.on(dir)) this.panels.post(e, e.spec.message(e, loaded, this.kc));
  }

  private langChanged(): void {
    const lang = this.ctx.lang;
    if (lang === this.lang) return;
    this.lang = lang;
    for (const e of this.panels.all()) {
      this.panels.post(e, { type: 'lang', lang });
      const c = e.current;
      if (c && 'lang' in c && c.type !== 'lang') e.current = { ...c, lang };
    }
  }

  /**
   * The file a source names: the lab's sources name files by their workspace-relative path (as the
   * diagnostics and the grade do), or by an absolute path outside the workspace, or relative to
   * the lab folder.
   */
  locate(dir: vscode.Uri, file: string): Promise<vscode.Uri | undefined> {
    return locate(dir, file);
  }

  /** What the panel of `kind` on `dir` shows, if it is open. */
  info(kind: PanelKind, dir: vscode.Uri): PanelInfo | undefined {
    const e = this.panels.get(kind, dir);
    if (!e) return undefined;
    return { kind, title: e.panel.title, ready: e.ready > 0, ...(e.current ? { shows: e.current.type, message: e.current } : {}) };
  }

  /** The lab's world, without telling the user anything when it does not load. */
  async world(dir: vscode.Uri): Promise<{ lab: Lab; world: World } | undefined> {
    const { built } = await this.loader.load(dir);
    return built.lab && built.world ? { lab: built.lab, world: built.world } : undefined;
  }

  dispose(): void {
    this.panels.dispose();
    this.watcher.dispose();
    for (const s of this.subscriptions.splice(0)) s.dispose();
  }
}
