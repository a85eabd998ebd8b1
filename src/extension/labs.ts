/**
 * The workspace's labs and courses, grading a lab folder, and the starter copy that reset restores.
 */
import * as vscode from 'vscode';
import type { Localized } from '../core';
import type { Ctx } from './ctx';
import type { GradedLab } from './grades';
import {
  baseName,
  COURSE_FILE,
  dirOf,
  exists,
  findInWorkspace,
  LAB_FILE,
  readText,
  readTree,
  relativeTo,
  STATE_DIR,
  writeTree,
} from './labfs';

export interface LabRef {
  readonly dir: vscode.Uri;
  readonly title?: Localized;
}

export interface CourseRef {
  readonly file: vscode.Uri;
  readonly name: string;
  readonly title?: Localized;
  readonly labs: LabRef[];
}

export interface Workspace {
  readonly courses: CourseRef[];
  /** Labs that no course lists. */
  readonly labs: LabRef[];
}

/** The starter copy of a lab, written the first time the lab is opened or graded. */
export function starterDir(labDir: vscode.Uri): vscode.Uri {
  return vscode.Uri.joinPath(labDir, STATE_DIR, 'starter');
}

/** Files of a lab that reset and the starter copy leave alone. */
const NOT_STUDENT_WORK = new Set(['solution', STATE_DIR]);

/** Every course.yaml and lab.yaml of the workspace; labs listed by a course are under it. */
export async function discover(ctx: Ctx): Promise<Workspace> {
  const [courseFiles, labFiles] = await Promise.all([findInWorkspace(COURSE_FILE), findInWorkspace(LAB_FILE)]);
  const engine = courseFiles.length ? await ctx.loadEngine() : undefined;
  const listed = new Set<string>();
  const courses: CourseRef[] = [];
  for (const file of courseFiles) {
    const text = await readText(file);
    if (text === undefined || !engine) continue;
    const c = engine.loadCourse(text, vscode.workspace.asRelativePath(file, false)).course;
    if (!c) continue;
    const dir = dirOf(file);
    const labs = c.labs.map((l) => ({ dir: vscode.Uri.joinPath(dir, ...l.path.split('/')), ...(l.title ? { title: l.title } : {}) }));
    for (const l of labs) listed.add(l.dir.toString());
    courses.push({ file, name: c.name, ...(c.title ? { title: c.title } : {}), labs });
  }
  const labs = labFiles.map((f) => ({ dir: dirOf(f) })).filter((l) => !listed.has(l.dir.toString()));
  return { courses, labs };
}

/** Grades a lab folder through the core, records the grade and writes the starter copy if absent. */
export async function gradeDir(ctx: Ctx, dir: vscode.Uri): Promise<GradedLab> {
  const outside = new Set<string>();
  const [engine, files] = await Promise.all([ctx.loadEngine(), readTree(dir, undefined, outside)]);
  const back = new Map<string, string>();
  const displayPath = (rel: string) => {
    const shown =
      rel === '.'
        ? vscode.workspace.asRelativePath(dir, false)
        : vscode.workspace.asRelativePath(vscode.Uri.joinPath(dir, ...rel.split('/')), false);
    back.set(shown, rel);
    return shown;
  };
  const grade = engine.gradeFiles(files, { displayPath, outside });
  const graded: GradedLab = {
    dir,
    grade,
    locate: (file) => {
      const rel = back.get(file);
      return rel === undefined ? undefined : vscode.Uri.joinPath(dir, ...rel.split('/'));
    },
  };
  ctx.grades.set(graded);
  await saveStarter(dir, files);
  return graded;
}

/** Writes `.knetlab/starter/` from the lab's files, once. Returns whether it wrote it. */
export async function saveStarter(dir: vscode.Uri, files?: ReadonlyMap<string, string>): Promise<boolean> {
  const starter = starterDir(dir);
  try {
    if (await exists(vscode.Uri.joinPath(starter, LAB_FILE))) return false;
    const all = files ?? (await readTree(dir));
    const own = new Map([...all].filter(([rel]) => !NOT_STUDENT_WORK.has(rel.split('/')[0]!)));
    if (!own.has(LAB_FILE)) return false;
    await writeTree(starter, own);
    return true;
  } catch {
    return false; // a read-only workspace: reset will say there is no starter copy
  }
}

export interface ResetResult {
  readonly backup: vscode.Uri;
  readonly restored: number;
  readonly removed: number;
}

/**
 * Copies the student's files to `.knetlab/backup-<timestamp>/`, then puts the starter copy back:
 * starter files are written over the lab, files the starter does not have are removed (they are in
 * the backup). `solution/` and `.knetlab/` are left alone. Undefined when there is no starter copy.
 */
export async function resetDir(dir: vscode.Uri, now: Date = new Date()): Promise<ResetResult | undefined> {
  const starter = await readTree(starterDir(dir), new Set());
  if (!starter.has(LAB_FILE)) return undefined;
  const current = new Map([...(await readTree(dir))].filter(([rel]) => !NOT_STUDENT_WORK.has(rel.split('/')[0]!)));
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  const backup = vscode.Uri.joinPath(dir, STATE_DIR, `backup-${stamp}`);
  await writeTree(backup, current);
  await writeTree(dir, starter);
  let removed = 0;
  for (const rel of current.keys()) {
    if (starter.has(rel)) continue;
    await vscode.workspace.fs.delete(vscode.Uri.joinPath(dir, ...rel.split('/')), { useTrash: false });
    removed++;
  }
  return { backup, restored: starter.size, removed };
}

/** A lab folder's name for people: its title from the course, or the folder name. */
export function labLabel(lab: LabRef, pickTitle: (t: Localized) => string): string {
  return lab.title ? `${pickTitle(lab.title)} (${baseName(lab.dir)})` : baseName(lab.dir);
}

/** The workspace-relative path of a folder. */
export function shownPath(uri: vscode.Uri): string {
  return vscode.workspace.asRelativePath(uri, false);
}

export { relativeTo };

/** When a lab.yaml is opened: write its lab's starter copy if there is none yet. */
export async function saveStarterOnOpen(uri: vscode.Uri): Promise<void> {
  if (baseName(uri) === LAB_FILE && uri.scheme !== 'git') await saveStarter(dirOf(uri));
}
