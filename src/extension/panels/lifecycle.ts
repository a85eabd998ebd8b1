/**
 * The open panels: one per kind and lab folder, created (or adopted from VS Code after a reload),
 * rendered, sent messages, and forgotten when closed.
 */
import * as vscode from 'vscode';
import type { TraceArgsView } from '../../core/view/types';
import { type HostMessage, isPanelMessage, type PanelKind, type PanelMessage } from '../../protocol/panels';
import type { Ctx } from '../ctx';
import { nonce, panelHtml } from './html';
import type { PanelKindSpec } from './kinds';

/** One open panel. */
export interface Entry {
  readonly kind: PanelKind;
  readonly spec: PanelKindSpec;
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

/** What the open panels tell their owner. */
export interface PanelEvents {
  /** A panel sent a message of the protocol (anything else is ignored before this). */
  message(entry: Entry, m: PanelMessage): void;
  /** A panel opened on `dir`. */
  opened(dir: vscode.Uri): void;
  /** The last panel on `dir` closed. */
  lastClosed(dir: vscode.Uri): void;
}

const key = (kind: PanelKind, dir: vscode.Uri) => `${kind} ${dir.toString()}`;

export class OpenPanels implements vscode.Disposable {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly ctx: Ctx,
    private readonly events: PanelEvents,
  ) {}

  get(kind: PanelKind, dir: vscode.Uri): Entry | undefined {
    return this.entries.get(key(kind, dir));
  }

  /** The panels open on a lab folder. */
  on(dir: vscode.Uri): Entry[] {
    return [...this.entries.values()].filter((e) => e.dir.toString() === dir.toString());
  }

  all(): Entry[] {
    return [...this.entries.values()];
  }

  /** The panels' own files: dist/webview of the extension, the only local resource root. */
  root(): vscode.Uri | undefined {
    const ext = this.ctx.extension.extensionUri as vscode.Uri | undefined;
    return ext ? vscode.Uri.joinPath(ext, 'dist', 'webview') : undefined;
  }

  /** Creates a panel of `spec` on `dir` (the caller renders it). `root` is root(). */
  create(spec: PanelKindSpec, dir: vscode.Uri, root: vscode.Uri, preserveFocus: boolean, trace?: TraceArgsView): Entry {
    // Beside the editor or the knetlab panel the user works in (a trace asked for from the lab
    // panel opens next to it, not over it); in the active group otherwise.
    const besides = !!vscode.window.activeTextEditor || this.all().some((e) => e.panel.active);
    const column = besides ? vscode.ViewColumn.Beside : vscode.ViewColumn.Active;
    const panel = vscode.window.createWebviewPanel(
      spec.viewType,
      spec.title(dir, trace),
      { viewColumn: column, preserveFocus },
      {
        enableScripts: true,
        retainContextWhenHidden: false,
        localResourceRoots: [root],
      },
    );
    return this.adopt(spec, dir, panel, trace);
  }

  /** Takes a panel in: its messages are handled and its closing noticed. */
  adopt(spec: PanelKindSpec, dir: vscode.Uri, panel: vscode.WebviewPanel, trace?: TraceArgsView): Entry {
    const entry: Entry = { kind: spec.kind, spec, dir, panel, ready: 0, ...(trace ? { trace } : {}), subscriptions: [] };
    this.entries.set(key(spec.kind, dir), entry);
    entry.subscriptions.push(
      panel.webview.onDidReceiveMessage((m: unknown) => {
        if (!isPanelMessage(m)) return; // anything else is not ours: ignored
        this.events.message(entry, m);
      }),
      panel.onDidDispose(() => this.closed(entry)),
    );
    this.events.opened(dir);
    return entry;
  }

  private closed(entry: Entry): void {
    for (const s of entry.subscriptions.splice(0)) s.dispose();
    if (this.entries.get(key(entry.kind, entry.dir)) === entry) this.entries.delete(key(entry.kind, entry.dir));
    if (!this.on(entry.dir).length) this.events.lastClosed(entry.dir);
  }

  /** The page: the panel's script with a fresh nonce, its stylesheet, `bootstrap` as escaped JSON. */
  render(entry: Entry, bootstrap: HostMessage): void {
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

  post(entry: Entry, m: HostMessage): void {
    if (m.type !== 'busy' && m.type !== 'lang') entry.current = m;
    void Promise.resolve(entry.panel.webview.postMessage(m)).catch(() => undefined); // a hidden page gets it on `ready`
  }

  dispose(): void {
    for (const e of this.all()) e.panel.dispose();
  }
}
