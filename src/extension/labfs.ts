/**
 * Lab folders through `vscode.workspace.fs` only (works on the desktop, in the browser and in
 * virtual workspaces). Nothing here runs what a workspace contains.
 */
import * as vscode from 'vscode';

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

/**
 * A file a lab names, read only when it is no symbolic link (the workspace file system cannot say
 * where a link leads, and a lab reads nothing outside its folder).
 */
export async function readLabFile(uri: vscode.Uri): Promise<string | undefined> {
  try {
    const st = await vscode.workspace.fs.stat(uri);
    if (st.type & vscode.FileType.SymbolicLink) return undefined;
  } catch {
    return undefined;
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
 */
export async function readTree(dir: vscode.Uri, skip: ReadonlySet<string> = SKIP_DIRS): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  const walk = async (uri: vscode.Uri, rel: string, depth: number): Promise<void> => {
    if (depth > MAX_DEPTH || files.size >= MAX_FILES) return;
    let entries: [string, vscode.FileType][];
    try {
      entries = await vscode.workspace.fs.readDirectory(uri);
    } catch {
      return;
    }
    entries.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    for (const [name, type] of entries) {
      if (files.size >= MAX_FILES) return;
      const childRel = rel ? `${rel}/${name}` : name;
      const child = vscode.Uri.joinPath(uri, name);
      // A symbolic link may lead out of the lab folder, and the workspace file system cannot say
      // where it leads: it is not read (a lab reads only its own files; the CLI follows links
      // that stay inside and refuses the others).
      if (type & vscode.FileType.SymbolicLink) continue;
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
