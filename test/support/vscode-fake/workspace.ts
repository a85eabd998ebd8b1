/**
 * vscode.workspace: an in-memory file system (path -> text; folders are implied by the files under
 * them), settings, open documents, file system watchers, and the workspace's events.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { diskFs } from './disk';
import { EventEmitter } from './events';
import { FileType, Uri } from './types';

/** The in-memory workspace: path -> text. Folders are implied by the files under them. */
export const files = new Map<string, string>();
export const root = Uri.file('/ws');
/** Paths of `files` that are symbolic links (their text is what the link leads to). */
export const links = new Set<string>();

/** The workspace reads and writes the real disk (a temp folder's paths as URIs), until reset. */
export function useDisk(on = true): void {
  workspace.fs = on ? diskFs : fs;
}

/** Copies a bundled lab (labs/NAME) into the workspace, as /ws/labs/AS. */
export function addLab(name: string, as = name): void {
  const walk = (dir: string, rel: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(dir, e.name), `${rel}/${e.name}`);
      else files.set(`/ws/labs/${as}${rel}/${e.name}`, readFileSync(join(dir, e.name), 'utf8'));
    }
  };
  walk(join(__dirname, '..', '..', '..', 'labs', name), '');
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
    const link = links.has(uri.path) ? FileType.SymbolicLink : 0;
    if (files.has(uri.path)) return { type: FileType.File | link };
    if ([...files.keys()].some((k) => k.startsWith(uri.path + '/'))) return { type: FileType.Directory | link };
    throw notFound(uri);
  },
  async readDirectory(uri: Uri): Promise<[string, number][]> {
    const out = new Map<string, number>();
    for (const k of files.keys()) {
      if (!k.startsWith(uri.path + '/')) continue;
      const rest = k.slice(uri.path.length + 1).split('/');
      const link = links.has(`${uri.path}/${rest[0]}`) ? FileType.SymbolicLink : 0;
      out.set(rest[0]!, (rest.length > 1 ? FileType.Directory : FileType.File) | link);
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
  constructor(
    readonly base: Uri,
    readonly pattern: string,
  ) {}
}

/** File system watchers created, with a way to fire their events. */
export const watchers: {
  pattern: unknown;
  change: EventEmitter<Uri>;
  create: EventEmitter<Uri>;
  delete: EventEmitter<Uri>;
  disposed: boolean;
}[] = [];

export const settings = new Map<string, unknown>();

export const workspace = {
  fs: fs as typeof fs | typeof diskFs,
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
    const w = {
      pattern,
      change: new EventEmitter<Uri>(),
      create: new EventEmitter<Uri>(),
      delete: new EventEmitter<Uri>(),
      disposed: false,
    };
    watchers.push(w);
    return {
      onDidCreate: w.create.event,
      onDidChange: w.change.event,
      onDidDelete: w.delete.event,
      dispose: () => void (w.disposed = true),
    };
  },
};
