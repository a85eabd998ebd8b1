/**
 * vscode.workspace.fs over the real disk, for tests with real symbolic links (useDisk() in
 * workspace.ts). File types as VS Code's disk provider gives them: a link is SymbolicLink plus the
 * type of what it leads to (Unknown when it dangles); reading follows links.
 */
import { promises as fsp, type Stats } from 'node:fs';
import { dirname } from 'node:path';
import { FileType, type Uri } from './types';

async function typeOf(path: string): Promise<number> {
  const l = await fsp.lstat(path);
  if (!l.isSymbolicLink()) return kind(l);
  try {
    return FileType.SymbolicLink | kind(await fsp.stat(path));
  } catch {
    return FileType.SymbolicLink | FileType.Unknown; // dangling
  }
}

function kind(s: Stats): number {
  return s.isFile() ? FileType.File : s.isDirectory() ? FileType.Directory : FileType.Unknown;
}

export const diskFs = {
  async readFile(uri: Uri): Promise<Uint8Array> {
    return new Uint8Array(await fsp.readFile(uri.fsPath));
  },
  async writeFile(uri: Uri, bytes: Uint8Array): Promise<void> {
    await fsp.mkdir(dirname(uri.fsPath), { recursive: true });
    await fsp.writeFile(uri.fsPath, bytes);
  },
  async stat(uri: Uri) {
    return { type: await typeOf(uri.fsPath) };
  },
  async readDirectory(uri: Uri): Promise<[string, number][]> {
    const names = await fsp.readdir(uri.fsPath);
    return Promise.all(names.map(async (n): Promise<[string, number]> => [n, await typeOf(`${uri.fsPath}/${n}`)]));
  },
  async delete(uri: Uri): Promise<void> {
    await fsp.rm(uri.fsPath, { recursive: true, force: true });
  },
};
