/**
 * Where a file of the workspace really is, symbolic links followed: what the workspace file system
 * cannot say, and what the editor needs to treat links in a lab folder as the CLI does (a link
 * that stays inside the folder is read, one that leads out is refused: src/cli/tree.ts).
 *
 * Only the desktop build can tell: it asks Node (`fs.promises.realpath`) for a `file:` URI. The web
 * build (dist/web/extension.js, KNETLAB_BUILD "browser") has no Node: there the import below is
 * dead code that esbuild drops, so the bundle never names `node:fs`. Where the answer is undefined
 * (the browser, a workspace that is not on disk, a dangling link, no access), a symbolic link is
 * not read at all, as the editor always did: a lab reads nothing it cannot place inside its folder.
 */
import * as vscode from 'vscode';

/** Which bundle this is: set by scripts/build.mjs (undefined when the sources run as they are, as in the tests). */
declare const KNETLAB_BUILD: 'node' | 'browser' | undefined;

type Realpath = (p: string) => Promise<string>;

/** Node's realpath, or undefined in the browser. */
async function nodeRealpath(): Promise<Realpath | undefined> {
  // The `else` matters: esbuild drops a dead branch with its import, not the code after a return.
  if (typeof KNETLAB_BUILD !== 'undefined' && KNETLAB_BUILD === 'browser') return undefined;
  else {
    try {
      return (await import('node:fs')).promises.realpath;
    } catch {
      return undefined; // a host without Node's fs
    }
  }
}

/**
 * The real path of a `file:` URI as a URI path (`/` between names, as `Uri.path`), links followed;
 * undefined when it cannot be told (see above).
 */
export async function realPathOf(uri: vscode.Uri): Promise<string | undefined> {
  if (uri.scheme !== 'file') return undefined;
  const realpath = await nodeRealpath();
  if (!realpath) return undefined;
  try {
    return vscode.Uri.file(await realpath(uri.fsPath)).path;
  } catch {
    return undefined;
  }
}
