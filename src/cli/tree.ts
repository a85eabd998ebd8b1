/**
 * Reading a lab folder from disk, and never anything outside it: every file and folder is taken
 * by its real path (symbolic links followed), and one that resolves outside the folder is not read
 * but named in `outside`, so that the core reports it at the line that reads it (file-outside-lab).
 * A submission cannot make the grader read its machine (`h -> /etc/hostname`).
 */
import { lstatSync, readdirSync, readFileSync, realpathSync, type Stats, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { insideFolder, OUTSIDE_LAB } from '../core';

const MAX_FILES = 2000;
const MAX_FILE_BYTES = 1 << 20;
const MAX_DEPTH = 8;

/** The real path of `p`, or undefined when it cannot be resolved (a dangling link, no access). */
export function realPath(p: string): string | undefined {
  try {
    return realpathSync(p);
  } catch {
    return undefined;
  }
}

/** Whether the real path `real` is `root` (a real path) or below it. */
export function isInside(root: string, real: string): boolean {
  return insideFolder(root, real, sep);
}

/**
 * Every text file of a lab folder, by path relative to it (with `/`), hidden entries and
 * node_modules left out. Files or folders that resolve outside `dir` are not read: their paths go
 * into `outside` when it is given.
 */
export function readTree(dir: string, outside?: Set<string>): Map<string, string> {
  const files = new Map<string, string>();
  const root = realPath(dir) ?? resolve(dir);
  const walk = (d: string, rel: string, depth: number) => {
    if (depth > MAX_DEPTH) return;
    let names: string[];
    try {
      names = readdirSync(d).sort();
    } catch {
      return;
    }
    for (const name of names) {
      if (files.size >= MAX_FILES) return;
      if (name.startsWith('.') || name === 'node_modules') continue;
      const p = join(d, name);
      const r = rel ? `${rel}/${name}` : name;
      let st: Stats;
      try {
        st = lstatSync(p);
        if (st.isSymbolicLink()) {
          const real = realPath(p);
          if (real === undefined) continue; // dangling: as if absent
          if (!isInside(root, real)) {
            outside?.add(r);
            continue;
          }
          st = statSync(p);
        }
      } catch {
        continue;
      }
      if (st.isDirectory()) walk(p, r, depth + 1);
      else if (st.isFile() && st.size <= MAX_FILE_BYTES) {
        let buf: Buffer;
        try {
          buf = readFileSync(p);
        } catch {
          continue;
        }
        if (!buf.includes(0)) files.set(r, buf.toString('utf8')); // binary files are left out
      }
    }
  };
  walk(root, '', 0);
  return files;
}

/**
 * A reader of the files a lab names, relative to its folder: a file that resolves outside the
 * folder (by `..`, an absolute path or a symbolic link) is OUTSIDE_LAB, never read.
 */
export function folderReader(dir: string): (rel: string) => string | undefined | typeof OUTSIDE_LAB {
  const root = realPath(dir) ?? resolve(dir);
  return (rel) => {
    const p = resolve(dir, rel);
    const lexical = resolve(dir);
    if (!isInside(lexical, p)) return OUTSIDE_LAB;
    const real = realPath(p);
    if (real === undefined) return undefined;
    if (!isInside(root, real)) return OUTSIDE_LAB;
    try {
      return readFileSync(real, 'utf8');
    } catch {
      return undefined;
    }
  };
}

/** Whether `path` (e.g. a course's lab folder) resolves, links followed, inside `dir`. */
export function resolvesInside(dir: string, path: string): boolean {
  const root = realPath(dir) ?? resolve(dir);
  const real = realPath(path);
  return real === undefined || isInside(root, real);
}

/** `path` relative to the folder it was found in, with `/`. */
export function relPath(dir: string, path: string): string {
  return relative(dir, path).split('\\').join('/');
}
