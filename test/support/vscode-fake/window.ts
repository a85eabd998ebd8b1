/**
 * vscode.window: webview panels and their serializers (what the extension gave them is recorded),
 * output channels, messages, quick picks and input boxes (answered from `answers`), documents shown.
 */
import { EventEmitter } from './events';
import { Range, Uri } from './types';

export const outputs: { name: string; text: string }[] = [];
/** Answers the next quick picks / input boxes / warnings get, in order. */
export const answers: unknown[] = [];

export const ViewColumn = { Active: -1, Beside: -2, One: 1, Two: 2, Three: 3 } as const;

/** A webview as VS Code gives it to the extension: what it was given (html, messages) is recorded. */
export class FakeWebview {
  html = '';
  options: unknown;
  readonly cspSource = 'https://fake.vscode-cdn.test';
  /** Messages the extension posted to the page. */
  readonly posted: { type: string; [k: string]: unknown }[] = [];
  private readonly received = new EventEmitter<unknown>();
  readonly onDidReceiveMessage = this.received.event;
  constructor(options: unknown) {
    this.options = options;
  }
  asWebviewUri(u: Uri): Uri {
    return Uri.parse(`https://fake.vscode-cdn.test${u.path}`);
  }
  async postMessage(m: unknown): Promise<boolean> {
    this.posted.push(JSON.parse(JSON.stringify(m)));
    return true;
  }
  /** The page posts a message to the extension. */
  send(m: unknown): void {
    this.received.fire(m);
  }
}

export class FakeWebviewPanel {
  readonly webview: FakeWebview;
  revealed = 0;
  disposed = false;
  /** The panel has the focus (the user works in it). */
  active = false;
  visible = true;
  private readonly disposing = new EventEmitter<void>();
  readonly onDidDispose = this.disposing.event;
  readonly onDidChangeViewState = new EventEmitter<unknown>().event;
  constructor(
    readonly viewType: string,
    public title: string,
    public viewColumn: number | undefined,
    readonly options: unknown,
    readonly showOptions?: unknown,
  ) {
    this.webview = new FakeWebview(options);
  }
  reveal(): void {
    this.revealed++;
  }
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.disposing.fire();
  }
}

/** Webview panels created, serializers registered, documents shown, in order. */
export const webviewPanels: FakeWebviewPanel[] = [];
export const serializers = new Map<
  string,
  { deserializeWebviewPanel(panel: FakeWebviewPanel, state: unknown): Thenable<void> | Promise<void> }
>();
export const shownDocuments: { uri: Uri; options?: { selection?: Range; viewColumn?: number } }[] = [];
export const messages: { kind: 'error' | 'warning' | 'info'; text: string }[] = [];
/** The terminals createTerminal made, with their options (a pseudoterminal's `pty`). */
export const terminals: { name?: string; pty?: unknown }[] = [];

export const window = {
  activeTextEditor: undefined as unknown,
  visibleTextEditors: [] as { document: { uri: Uri }; viewColumn?: number }[],
  createWebviewPanel(viewType: string, title: string, show: number | { viewColumn: number; preserveFocus?: boolean }, options: unknown) {
    const p = new FakeWebviewPanel(viewType, title, typeof show === 'number' ? show : show.viewColumn, options, show);
    webviewPanels.push(p);
    return p;
  },
  registerWebviewPanelSerializer(
    viewType: string,
    serializer: { deserializeWebviewPanel(panel: FakeWebviewPanel, state: unknown): Promise<void> },
  ) {
    serializers.set(viewType, serializer);
    return { dispose: () => serializers.delete(viewType) };
  },
  async showSaveDialog() {
    return answers.shift();
  },
  async showInformationMessage(m: string) {
    messages.push({ kind: 'info', text: m });
    return undefined;
  },
  createOutputChannel(name: string) {
    const o = { name, text: '' };
    outputs.push(o);
    return {
      append: (s: string) => (o.text += s),
      appendLine: (s: string) => (o.text += s + '\n'),
      show() {},
      clear: () => (o.text = ''),
      dispose() {},
    };
  },
  createStatusBarItem() {
    return {
      text: '',
      tooltip: '',
      name: '',
      command: '',
      visible: false,
      show() {
        this.visible = true;
      },
      hide() {
        this.visible = false;
      },
      dispose() {},
    };
  },
  createTreeView() {
    return { dispose() {} };
  },
  createTerminal(opts: { name?: string; pty?: unknown } = {}) {
    terminals.push(opts);
    return { show() {}, dispose() {} };
  },
  onDidChangeActiveTextEditor: new EventEmitter<unknown>().event,
  async showQuickPick(items: unknown[]) {
    const a = answers.shift();
    return (items as { label?: string }[]).find((i) => (typeof i === 'string' ? i === a : i.label === a));
  },
  async showInputBox() {
    return answers.shift();
  },
  async showWarningMessage(m: string) {
    messages.push({ kind: 'warning', text: m });
    return answers.shift();
  },
  async showErrorMessage(m: string) {
    outputs.push({ name: 'error', text: m });
    messages.push({ kind: 'error', text: m });
    return undefined;
  },
  async showTextDocument(doc?: unknown, options?: { selection?: Range; viewColumn?: number }) {
    if (doc instanceof Uri) shownDocuments.push({ uri: doc, ...(options ? { options } : {}) });
    return undefined;
  },
  setStatusBarMessage() {
    return { dispose() {} };
  },
};
