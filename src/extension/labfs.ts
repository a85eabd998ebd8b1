/**
 * Lab folders through `vscode.workspace.fs` only (works on the desktop, in the browser and in
 * virtual workspaces). Nothing here runs what a workspace contains.
 *
 * Symbolic links are treated as the CLI treats them (src/cli/tree.ts): a link whose real path is
 * inside the lab folder's is read like the file or folder it leads to; one that leads out is never
 * read, and its path is handed to the core, which reports `file-outside-lab` where it is read.
 * Only the desktop build can tell where a link leads (realpath.ts); where it cannot (the browser,
 * a workspace not on disk), no symbolic link is read at all.
 */
import * as vscode from 'vscode';
import { insideFolder, OUTSIDE_LAB } from '../core';
import { realPathOf } from './realpath';

const MAX_FILES = 2000;
const MAX_FILE_BYTES = 1 << 20;
const MAX_DEPTH = 8;
/** Folders of a lab that are not the lab: knetlab's own backups and VCS data. */
const SKIP_DIRS = new Set(['.knetlab', '.git', 'node_modules']);

export const LAB_FILE = 'lab.yaml';
export const COURSE_FILE = 'course.yaml';
export const STATE_DIR = '.knetlab';

export async function readText(uri: vscode.Uri): Promise<string | undefined> {
  try {
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    return undefined;
  }
}

/** A URI path without its trailing `/` (the root stays `/`). */
function trimmed(path: string): string {
  return path.replace(/(.)\/+$/, '$1');
}

/**
 * A file a lab names (`files: { from: ... }`), `uri` in the lab folder `dir`, as the CLI's
 * folderReader reads it: its text, undefined when there is none (or a dangling link), OUTSIDE_LAB
 * when it resolves outside the folder (by `..`, or a symbolic link out of it), never read. Where
 * the real path cannot be told (realpath.ts), a path through a symbolic link is not read.
 */
export async function readLabFile(uri: vscode.Uri, dir: vscode.Uri): Promise<string | undefined | typeof OUTSIDE_LAB> {
  const base = trimmed(dir.path);
  if (uri.scheme !== dir.scheme || uri.authority !== dir.authority || !insideFolder(base, uri.path, '/')) return OUTSIDE_LAB;
  const root = await realPathOf(dir);
  if (root !== undefined) {
    const real = await realPathOf(uri);
    if (real === undefined) return undefined;
    return insideFolder(root, real, '/') ? readText(uri) : OUTSIDE_LAB;
  }
  // Where links cannot be followed: refuse a path that passes through one, each name in turn.
  const names = uri.path.slice(base.length).split('/').filter(Boolean);
  for (let i = 1; i <= names.length; i++) {
    try {
      const st = await vscode.workspace.fs.stat(vscode.Uri.joinPath(dir, ...names.slice(0, i)));
      if (st.type & vscode.FileType.SymbolicLink) return undefined;
    } catch {
      return undefined;
    }
  }
  return readText(uri);
}

export async function writeText(uri: vscode.Uri, text: string): Promise<void> {
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
}

export async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

/** The folder holding a file. */
export function dirOf(uri: vscode.Uri): vscode.Uri {
  return vscode.Uri.joinPath(uri, '..');
}

/** A URI from its string form (`Uri.toString()`), or undefined when it is not one. */
export function parseUri(s: string): vscode.Uri | undefined {
  try {
    return vscode.Uri.parse(s, true);
  } catch {
    return undefined;
  }
}

export function baseName(uri: vscode.Uri): string {
  const p = uri.path.replace(/\/+$/, '');
  return p.slice(p.lastIndexOf('/') + 1);
}

/** `uri` relative to `dir` with `/`, or undefined when it is not inside. */
export function relativeTo(dir: vscode.Uri, uri: vscode.Uri): string | undefined {
  const base = dir.path.replace(/\/+$/, '') + '/';
  return uri.scheme === dir.scheme && uri.authority === dir.authority && uri.path.startsWith(base)
    ? uri.path.slice(base.length)
    : undefined;
}

/**
 * Every text file of a folder, by path relative to it (with `/`): what the CLI's readTree gives,
 * read through the workspace file system. `skip` leaves out top-level entries (e.g. `solution`).
 * A symbolic link that stays inside the folder is followed (MAX_DEPTH bounds a link in a circle,
 * as in the CLI); one that leads out is not read, and its path goes into `outside` when given. A
 * dangling link is as if absent. Where links cannot be followed (realpath.ts), none is read.
 */
export async function readTree(
  dir: vscode.Uri,
  skip: ReadonlySet<string> = SKIP_DIRS,
  outside?: Set<string>,
): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  const root = await realPathOf(dir);
  /** What a link leads to, as a file type; undefined when it is not read (recorded in `outside` when it leads out). */
  const follow = async (child: vscode.Uri, rel: string): Promise<vscode.FileType | undefined> => {
    if (root === undefined) return undefined; // cannot tell where it leads: not read
    const real = await realPathOf(child);
    if (real === undefined) return undefined; // dangling: as if absent
    if (!insideFolder(root, real, '/')) {
      outside?.add(rel);
      return undefined;
    }
    try {
      return (await vscode.workspace.fs.stat(child)).type & ~vscode.FileType.SymbolicLink;
    } catch {
      return undefined;
    }
  };
  const walk = async (uri: vscode.Uri, rel: string, depth: number): Promise<void> => {
    if (depth > MAX_DEPTH || files.size >= MAX_FILES) return;
    let entries: [string, vscode.FileType][];
    try {
      entries = await vscode.workspace.fs.readDirectory(uri);
    } catch {
      return;
    }
    entries.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    for (const [name, listed] of entries) {
      if (files.size >= MAX_FILES) return;
      const childRel = rel ? `${rel}/${name}` : name;
      const child = vscode.Uri.joinPath(uri, name);
      const type = listed & vscode.FileType.SymbolicLink ? await follow(child, childRel) : listed;
      if (type === undefined) continue;
      if (type & vscode.FileType.Directory) {
        if (SKIP_DIRS.has(name) || (!rel && skip.has(name))) continue;
        await walk(child, childRel, depth + 1);
      } else if (type & vscode.FileType.File) {
        try {
          const bytes = await vscode.workspace.fs.readFile(child);
          if (bytes.byteLength > MAX_FILE_BYTES || bytes.includes(0)) continue; // too big, or binary
          files.set(childRel, new TextDecoder().decode(bytes));
        } catch {
          // unreadable: left out, as the CLI does
        }
      }
    }
  };
  await walk(dir, '', 0);
  return files;
}

/** Writes files (relative paths) under a folder, creating folders as needed. */
export async function writeTree(dir: vscode.Uri, files: ReadonlyMap<string, string>): Promise<void> {
  for (const [rel, text] of files) await writeText(vscode.Uri.joinPath(dir, ...rel.split('/')), text);
}

/** Every lab.yaml / course.yaml of the workspace (knetlab's own copies and node_modules left out). */
export async function findInWorkspace(name: typeof LAB_FILE | typeof COURSE_FILE): Promise<vscode.Uri[]> {
  const found = await vscode.workspace.findFiles(`**/${name}`, '{**/node_modules/**,**/.knetlab/**,**/solution/**}', 500);
  return found.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** The lab folder of a resource: the folder of a lab.yaml, a folder holding one, or the nearest such ancestor. */
export async function labDirFor(uri: vscode.Uri): Promise<vscode.Uri | undefined> {
  let dir = baseName(uri) === LAB_FILE ? dirOf(uri) : uri;
  for (let i = 0; i < 6; i++) {
    if (await exists(vscode.Uri.joinPath(dir, LAB_FILE))) return dir;
    const up = dirOf(dir);
    if (up.path === dir.path) break;
    dir = up;
  }
  return undefined;
}
