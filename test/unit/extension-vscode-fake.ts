/**
 * A fake `vscode` module for the extension's unit tests (as vscode-eslint tests its validator): an
 * in-memory file system, recorded commands, output channels and test runs. Importing this file
 * makes `require('vscode')` resolve to it.
 */
import Module from 'node:module';

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
  toString(): string {
    return `${this.scheme}://${this.authority}${this.path}`;
  }
}

export const FileType = { Unknown: 0, File: 1, Directory: 2, SymbolicLink: 64 } as const;

/** The in-memory workspace: path -> text. Folders are implied by the files under them. */
export const files = new Map<string, string>();
export const root = Uri.file('/ws');

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

export const settings = new Map<string, unknown>();
export const registered = new Map<string, (...a: unknown[]) => unknown>();
export const outputs: { name: string; text: string }[] = [];
export const testRuns: FakeTestRun[] = [];
/** Answers the next quick picks / input boxes / warnings get, in order. */
export const answers: unknown[] = [];

export const workspace = {
  fs,
  workspaceFolders: [{ uri: root, name: 'ws', index: 0 }],
  textDocuments: [] as unknown[],
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
  onDidChangeConfiguration: new EventEmitter<unknown>().event,
  onDidOpenTextDocument: new EventEmitter<unknown>().event,
  onDidChangeTextDocument: new EventEmitter<unknown>().event,
  onDidCloseTextDocument: new EventEmitter<unknown>().event,
  onDidSaveTextDocument: new EventEmitter<unknown>().event,
  createFileSystemWatcher() {
    const e = new EventEmitter<Uri>();
    return { onDidCreate: e.event, onDidChange: e.event, onDidDelete: e.event, dispose() {} };
  },
};

export const env = { language: 'en' };

function format(msg: string, args: unknown[]): string {
  return msg.replace(/\{(\d+)\}/g, (_m, i) => String(args[Number(i)]));
}
export const l10n = { t: (msg: string, ...args: unknown[]) => format(msg, args) };

export const window = {
  activeTextEditor: undefined as unknown,
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
  async showWarningMessage() {
    return answers.shift();
  },
  async showErrorMessage(m: string) {
    outputs.push({ name: 'error', text: m });
    return undefined;
  },
  async showTextDocument() {
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
}

const self = module.exports;
const M = Module as unknown as { _resolveFilename: (req: string, ...rest: unknown[]) => string };
const original = M._resolveFilename;
M._resolveFilename = function (req: string, ...rest: unknown[]) {
  if (req === 'vscode') return __filename;
  return original.call(this, req, ...rest);
};
void self;
