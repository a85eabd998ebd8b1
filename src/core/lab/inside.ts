/**
 * The one rule for "inside the lab folder" that the CLI (Node paths) and the editor (`file:` URI
 * paths) share: a file whose real path (symbolic links followed) is the folder's real path or
 * below it. Pure string work; the caller resolves the paths and says which separator they use.
 */

/** Whether the real path `real` is `root` (a real path) or below it, with `sep` between names. */
export function insideFolder(root: string, real: string, sep: string): boolean {
  return real === root || real.startsWith(root.endsWith(sep) ? root : root + sep);
}
