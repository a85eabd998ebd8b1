/** Reading a lab from disk for the commands that run it (check, trace, exec). */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { buildWorld, type Endpoint, type Lang, loadLabFor, parseEndpoint, ROOT_NS, type World } from '../core';
import { formatDiag, type Io, t, UsageError } from './common';
import { folderReader } from './tree';

/** A lab given as a folder holding lab.yaml or as the file itself. */
export function labFile(path: string, lang: Lang): string {
  if (!existsSync(path)) throw new UsageError(t(lang, 'noSuchPath', path));
  const st = statSync(path);
  if (st.isDirectory()) {
    const f = join(path, 'lab.yaml');
    if (!existsSync(f)) throw new UsageError(t(lang, 'noLabYaml', path));
    return f;
  }
  return path;
}

export function readText(path: string, lang: Lang): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    throw new UsageError(t(lang, 'cannotRead', path, (e as Error).message));
  }
}

/** Reads the files a lab names, relative to its folder and never outside it (symbolic links followed: tree.ts). */
export function readerFor(labPath: string) {
  return folderReader(dirname(labPath));
}

/** Loads and builds a lab; a lab with errors prints them and is a usage error. */
export function loadWorld(labArg: string | undefined, lang: Lang, io: Io, studentArg?: string) {
  if (!labArg) throw new UsageError(t(lang, 'needLab'));
  const file = labFile(labArg, lang);
  const shown = relative(process.cwd(), file) || file;
  const loaded = loadLabFor(readText(file, lang), { file: shown, readFile: readerFor(file), student: studentArg });
  const errors = loaded.diagnostics.filter((d) => d.severity === 'error');
  if (!loaded.lab || errors.length) {
    for (const d of errors) io.err(formatDiag(d, lang) + '\n');
    throw new UsageError(t(lang, 'labHasErrors', shown));
  }
  return { ...buildWorld(loaded.lab), lab: loaded.lab };
}

/** `HOST` or `HOST/NETNS`, checked against the lab's hosts and namespaces. */
export function checkEndpoint(world: World, text: string, lang: Lang): Endpoint {
  const ep = parseEndpoint(text);
  if (!ep) throw new UsageError(t(lang, 'badEndpoint', text));
  const host = world.hosts.get(ep.host);
  if (!host) throw new UsageError(t(lang, 'noHost', ep.host, [...world.hosts.keys()].join(', ')));
  if (!host.netns.has(ep.netns || ROOT_NS)) {
    const names = [...host.netns.keys()].filter((n) => n !== ROOT_NS);
    throw new UsageError(t(lang, 'noNetns', ep.netns, ep.host, names.length ? names.join(', ') : '-'));
  }
  return ep;
}
