/**
 * A fake `vscode` module for the extension's unit tests (as vscode-eslint tests its validator): an
 * in-memory file system, recorded commands, output channels and test runs. Importing this file
 * makes `require('vscode')` resolve to it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import Module from 'node:module';
import { join } from 'node:path';

type Listener<T> = (e: T) => unknown;

export class EventEmitter<T> {
  private listeners: Listener<T>[] = [];
  event = (l: Listener<T>) => {
    this.listeners.push(l);
    return { dispose: () => (this.listeners = this.listeners.filter((x) => x !== l)) };
  };
  fire(e: T): void {
    for (const l of [...this.listeners]) l(e);
  }
  dispose(): void {
    this.listeners = [];
  }
}

export class Uri {
  private constructor(readonly scheme: string, readonly authority: string, readonly path: string) {}
  static file(p: string): Uri {
    return new Uri('file', '', p);
  }
  static parse(s: string): Uri {
    const m = /^([a-z]+):\/\/([^/]*)(.*)$/.exec(s);
    return m ? new Uri(m[1]!, m[2]!, m[3]!) : Uri.file(s);
  }
  static joinPath(base: Uri, ...parts: string[]): Uri {
    const segs = base.path.split('/');
    for (const p of parts) for (const s of p.split('/')) {
      if (s === '..') segs.pop();
      else if (s && s !== '.') segs.push(s);
    }
    return new Uri(base.scheme, base.authority, segs.join('/') || '/');
  }
  get fsPath(): string {
    return this.path;
  }
  with(change: { scheme?: string; authority?: string; path?: string }): Uri {
    return new Uri(change.scheme ?? this.scheme, change.authority ?? this.authority, change.path ?? this.path);
  }
  toString(): string {
    return `${this.scheme}://${this.authority}${this.path}`;
  }
}

export const FileType = { Unknown: 0, File: 1, Directory: 2, SymbolicLink: 64 } as const;

/** The in-memory workspace: path -> text. Folders are implied by the files under them. */
export const files = new Map<string, string>();
export const root = Uri.file('/ws');

/** Copies a bundled lab (labs/NAME) into the workspace, as /ws/labs/AS. */
export function addLab(name: string, as = name): void {
  const walk = (dir: string, rel: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(dir, e.name), `${rel}/${e.name}`);
      else files.set(`/ws/labs/${as}${rel}/${e.name}`, readFileSync(join(dir, e.name), 'utf8'));
    }
  };
  walk(join(__dirname, '..', '..', 'labs', name), '');
}

function notFound(uri: Uri): Error {
  return Object.assign(new Error(`ENOENT ${uri.path}`), { code: 'FileNotFound' });
}

const fs = {
  async readFile(uri: Uri): Promise<Uint8Array> {
    const t = files.get(uri.path);
    if (t === undefined) throw notFound(uri);
    return new TextEncoder().encode(t);
  },
  async writeFile(uri: Uri, bytes: Uint8Array): Promise<void> {
    files.set(uri.path, new TextDecoder().decode(bytes));
  },
  async stat(uri: Uri) {
    if (files.has(uri.path)) return { type: FileType.File };
    if ([...files.keys()].some((k) => k.startsWith(uri.path + '/'))) return { type: FileType.Directory };
    throw notFound(uri);
  },
  async readDirectory(uri: Uri): Promise<[string, number][]> {
    const out = new Map<string, number>();
    for (const k of files.keys()) {
      if (!k.startsWith(uri.path + '/')) continue;
      const rest = k.slice(uri.path.length + 1).split('/');
      out.set(rest[0]!, rest.length > 1 ? FileType.Directory : FileType.File);
    }
    if (!out.size) throw notFound(uri);
    return [...out];
  },
  async delete(uri: Uri): Promise<void> {
    for (const k of [...files.keys()]) if (k === uri.path || k.startsWith(uri.path + '/')) files.delete(k);
  },
};

function glob(pattern: string): RegExp {
  const name = pattern.replace(/^\*\*\//, '');
  return new RegExp(`/${name.replace(/\./g, '\\.')}$`);
}

/** The workspace's events, so that tests can fire them (an edit, a setting changed). */
export const events = {
  changeConfiguration: new EventEmitter<{ affectsConfiguration(section: string): boolean }>(),
  changeTextDocument: new EventEmitter<{ document: FakeTextDocument; contentChanges: unknown[] }>(),
  closeTextDocument: new EventEmitter<FakeTextDocument>(),
};

/** An open document (push it to workspace.textDocuments): its unsaved text counts over the file's. */
export interface FakeTextDocument {
  readonly uri: Uri;
  isDirty: boolean;
  getText(): string;
}

export class RelativePattern {
  constructor(readonly base: Uri, readonly pattern: string) {}
}

/** File system watchers created, with a way to fire their events. */
export const watchers: { pattern: unknown; change: EventEmitter<Uri>; create: EventEmitter<Uri>; delete: EventEmitter<Uri>; disposed: boolean }[] = [];

export const settings = new Map<string, unknown>();
export const registered = new Map<string, (...a: unknown[]) => unknown>();
export const outputs: { name: string; text: string }[] = [];
export const testRuns: FakeTestRun[] = [];
/** Answers the next quick picks / input boxes / warnings get, in order. */
export const answers: unknown[] = [];

export const workspace = {
  fs,
  workspaceFolders: [{ uri: root, name: 'ws', index: 0 }],
  textDocuments: [] as FakeTextDocument[],
  async findFiles(include: string, exclude?: string): Promise<Uri[]> {
    const re = glob(include);
    const skip = exclude ? /\/(node_modules|\.knetlab|solution)\// : undefined;
    return [...files.keys()].filter((k) => re.test(k) && !skip?.test(k)).map((k) => Uri.file(k));
  },
  asRelativePath(u: Uri | string): string {
    const p = typeof u === 'string' ? u : u.path;
    return p.startsWith(root.path + '/') ? p.slice(root.path.length + 1) : p;
  },
  getConfiguration(section: string) {
    return { get: <T>(key: string, def?: T) => (settings.has(`${section}.${key}`) ? (settings.get(`${section}.${key}`) as T) : def) };
  },
  onDidChangeConfiguration: events.changeConfiguration.event,
  onDidOpenTextDocument: new EventEmitter<unknown>().event,
  onDidChangeTextDocument: events.changeTextDocument.event,
  onDidCloseTextDocument: events.closeTextDocument.event,
  onDidSaveTextDocument: new EventEmitter<unknown>().event,
  createFileSystemWatcher(pattern?: unknown) {
    const w = { pattern, change: new EventEmitter<Uri>(), create: new EventEmitter<Uri>(), delete: new EventEmitter<Uri>(), disposed: false };
    watchers.push(w);
    return { onDidCreate: w.create.event, onDidChange: w.change.event, onDidDelete: w.delete.event, dispose: () => void (w.disposed = true) };
  },
};

export const env = { language: 'en' };

function format(msg: string, args: unknown[]): string {
  return msg.replace(/\{(\d+)\}/g, (_m, i) => String(args[Number(i)]));
}
export const l10n = { t: (msg: string, ...args: unknown[]) => format(msg, args) };

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
  constructor(readonly viewType: string, public title: string, public viewColumn: number | undefined, readonly options: unknown, readonly showOptions?: unknown) {
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
export const serializers = new Map<string, { deserializeWebviewPanel(panel: FakeWebviewPanel, state: unknown): Thenable<void> | Promise<void> }>();
export const shownDocuments: { uri: Uri; options?: { selection?: Range; viewColumn?: number } }[] = [];
export const messages: { kind: 'error' | 'warning' | 'info'; text: string }[] = [];

export const window = {
  activeTextEditor: undefined as unknown,
  visibleTextEditors: [] as { document: { uri: Uri }; viewColumn?: number }[],
  createWebviewPanel(viewType: string, title: string, show: number | { viewColumn: number; preserveFocus?: boolean }, options: unknown) {
    const p = new FakeWebviewPanel(viewType, title, typeof show === 'number' ? show : show.viewColumn, options, show);
    webviewPanels.push(p);
    return p;
  },
  registerWebviewPanelSerializer(viewType: string, serializer: { deserializeWebviewPanel(panel: FakeWebviewPanel, state: unknown): Promise<void> }) {
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
    return { append: (s: string) => (o.text += s), appendLine: (s: string) => (o.text += s + '\n'), show() {}, clear: () => (o.text = ''), dispose() {} };
  },
  createStatusBarItem() {
    return { text: '', tooltip: '', name: '', command: '', visible: false, show() { this.visible = true; }, hide() { this.visible = false; }, dispose() {} };
  },
  createTreeView() {
    return { dispose() {} };
  },
  createTerminal() {
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

export const commands = {
  registerCommand(id: string, fn: (...a: unknown[]) => unknown) {
    registered.set(id, fn);
    return { dispose: () => registered.delete(id) };
  },
  async executeCommand(id: string, ...args: unknown[]) {
    return registered.get(id)?.(...args);
  },
};

export class Position {
  constructor(readonly line: number, readonly character: number) {}
}
export class Range {
  readonly start: Position;
  readonly end: Position;
  constructor(a: Position | number, b: Position | number, c?: number, d?: number) {
    this.start = typeof a === 'number' ? new Position(a, b as number) : a;
    this.end = typeof a === 'number' ? new Position(c!, d!) : (b as Position);
  }
}
export class Location {
  constructor(readonly uri: Uri, readonly range: Range) {}
}
export class MarkdownString {
  isTrusted?: boolean | { enabledCommands: readonly string[] };
  supportThemeIcons?: boolean;
  constructor(public value = '') {}
  appendMarkdown(v: string): this {
    this.value += v;
    return this;
  }
}
export class TestMessage {
  location?: Location;
  constructor(readonly message: string | MarkdownString) {}
}
export class ThemeIcon {
  constructor(readonly id: string) {}
}
export class TreeItem {
  description?: string;
  constructor(readonly label: string, readonly collapsibleState?: number) {}
}
export const TreeItemCollapsibleState = { None: 0, Collapsed: 1, Expanded: 2 };
export const StatusBarAlignment = { Left: 1, Right: 2 };
export const TestRunProfileKind = { Run: 1, Debug: 2, Coverage: 3 };
export const DiagnosticSeverity = { Error: 0, Warning: 1, Information: 2, Hint: 3 };
export class Diagnostic {
  code?: string;
  source?: string;
  constructor(readonly range: Range, readonly message: string, readonly severity: number) {}
}
export const languages = new Proxy(
  {
    createDiagnosticCollection() {
      return { set() {}, delete() {}, clear() {}, dispose() {} };
    },
  } as Record<string, unknown>,
  { get: (t, k: string) => t[k] ?? (() => ({ dispose() {} })) },
);
export const CodeActionKind = { QuickFix: { value: 'quickfix' } };
export const SymbolKind = { Class: 4, Event: 23, Field: 7, Interface: 10, Module: 1 };

class Collection {
  private readonly map = new Map<string, FakeTestItem>();
  constructor(private readonly owner?: FakeTestItem) {}
  get size() {
    return this.map.size;
  }
  replace(items: FakeTestItem[]) {
    this.map.clear();
    for (const i of items) this.add(i);
  }
  add(i: FakeTestItem) {
    i.parent = this.owner;
    this.map.set(i.id, i);
  }
  get(id: string) {
    return this.map.get(id);
  }
  forEach(f: (i: FakeTestItem) => void) {
    this.map.forEach((i) => f(i));
  }
}
export class FakeTestItem {
  parent?: FakeTestItem;
  range?: Range;
  canResolveChildren = false;
  readonly children: Collection = new Collection(this);
  constructor(readonly id: string, readonly label: string, readonly uri?: Uri) {}
}
export class FakeTestRun {
  readonly results = new Map<string, { state: string; messages: TestMessage[] }>();
  ended = false;
  started(i: FakeTestItem) {
    this.results.set(i.id, { state: 'started', messages: [] });
  }
  passed(i: FakeTestItem) {
    this.results.set(i.id, { state: 'passed', messages: [] });
  }
  failed(i: FakeTestItem, m: TestMessage | TestMessage[]) {
    this.results.set(i.id, { state: 'failed', messages: Array.isArray(m) ? m : [m] });
  }
  errored(i: FakeTestItem, m: TestMessage | TestMessage[]) {
    this.results.set(i.id, { state: 'errored', messages: Array.isArray(m) ? m : [m] });
  }
  end() {
    this.ended = true;
  }
}
export class TestRunRequest {
  constructor(readonly include?: FakeTestItem[], readonly exclude?: FakeTestItem[]) {}
}
export const controllers: { id: string; items: Collection; runHandler?: (r: TestRunRequest, t: unknown) => Promise<void>; resolveHandler?: (i?: FakeTestItem) => Promise<void> }[] = [];
export const tests = {
  createTestController(id: string) {
    const c = {
      id,
      items: new Collection(),
      resolveHandler: undefined as undefined | ((i?: FakeTestItem) => Promise<void>),
      refreshHandler: undefined as unknown,
      runHandler: undefined as undefined | ((r: TestRunRequest, t: unknown) => Promise<void>),
      createTestItem: (iid: string, label: string, uri?: Uri) => new FakeTestItem(iid, label, uri),
      createRunProfile(_l: string, _k: number, handler: (r: TestRunRequest, t: unknown) => Promise<void>) {
        c.runHandler = handler;
        return { dispose() {} };
      },
      createTestRun() {
        const r = new FakeTestRun();
        testRuns.push(r);
        return r;
      },
      dispose() {},
    };
    controllers.push(c);
    return c;
  },
};

/** Resets the fake between tests. */
export function reset(): void {
  files.clear();
  settings.clear();
  registered.clear();
  outputs.length = 0;
  testRuns.length = 0;
  answers.length = 0;
  controllers.length = 0;
  env.language = 'en';
  for (const e of Object.values(events)) e.dispose();
  workspace.textDocuments.length = 0;
  watchers.length = 0;
  window.visibleTextEditors.length = 0;
  window.activeTextEditor = undefined;
  webviewPanels.length = 0;
  serializers.clear();
  shownDocuments.length = 0;
  messages.length = 0;
}

const self = module.exports;
const M = Module as unknown as { _resolveFilename: (req: string, ...rest: unknown[]) => string };
const original = M._resolveFilename;
M._resolveFilename = function (req: string, ...rest: unknown[]) {
  if (req === 'vscode') return __filename;
  return original.call(this, req, ...rest);
};
void self;
