/**
 * What outlives a reload: the panels themselves (VS Code gives them back to a serializer with the
 * state their page saved, and they are redrawn from the lab as it is then) and the failed attempts
 * of each exercise (kept in the workspace's state, so that a reload does not hide hints a student
 * has seen, and in the lab's `.knetlab/attempts.json`, the file `knetlab grade` keeps too, in the
 * core's format: hints seen in a terminal are seen in the editor, and the other way round).
 */
import * as vscode from 'vscode';
import { ATTEMPTS_FILE, formatAttempts, type LabGrade, MAX_ATTEMPTS, parseAttempts } from '../../core';
import type { PanelState } from '../../protocol/panels';
import type { Ctx } from '../ctx';
import { exists, LAB_FILE, parseUri, readText, writeText } from '../labfs';
import type { KindContext, PanelKindSpec } from './kinds';
import type { OpenPanels } from './lifecycle';
import type { LabLoader } from './load';

const FAILURES_KEY = 'knetlab.panels.failedAttempts';

/** Failed attempts of each exercise, by lab folder: one more hint is revealed after each. */
export class FailureStore {
  private readonly failures: Map<string, Map<string, number>>;

  constructor(private readonly ctx: Ctx) {
    this.failures = loadFailures(ctx.extension.workspaceState?.get<unknown>(FAILURES_KEY));
  }

  get(dir: vscode.Uri): ReadonlyMap<string, number> | undefined {
    return this.failures.get(dir.toString());
  }

  /** The attempts the lab's `.knetlab/attempts.json` holds (kept by `knetlab grade`) join these: the larger count wins. */
  async load(dir: vscode.Uri): Promise<void> {
    const file = parseAttempts(await readText(vscode.Uri.joinPath(dir, ATTEMPTS_FILE)));
    if (!file.size) return;
    const counts = this.failures.get(dir.toString()) ?? new Map<string, number>();
    this.failures.set(dir.toString(), counts);
    for (const [id, n] of file) counts.set(id, Math.max(counts.get(id) ?? 0, n));
  }

  /** A grade of the lab (of one exercise, or all): each failed exercise counts one attempt more. Saved, in the lab's folder too. */
  async graded(dir: vscode.Uri, grade: LabGrade, exercise?: string): Promise<void> {
    await this.load(dir);
    const counts = this.failures.get(dir.toString()) ?? new Map<string, number>();
    this.failures.set(dir.toString(), counts);
    for (const e of grade.exercises) {
      if (exercise !== undefined && e.id !== exercise) continue;
      if (!e.passed) counts.set(e.id, Math.min(MAX_ATTEMPTS, (counts.get(e.id) ?? 0) + 1));
    }
    void Promise.resolve(this.ctx.extension.workspaceState?.update(FAILURES_KEY, saveFailures(this.failures))).catch(() => undefined);
    if (counts.size) await writeText(vscode.Uri.joinPath(dir, ATTEMPTS_FILE), formatAttempts(counts)).catch(() => undefined);
  }
}

/** The failed attempts saved in the workspace's state (checked: it is only data). */
function loadFailures(saved: unknown): Map<string, Map<string, number>> {
  const out = new Map<string, Map<string, number>>();
  if (!saved || typeof saved !== 'object') return out;
  for (const [dir, counts] of Object.entries(saved as Record<string, unknown>)) {
    if (!counts || typeof counts !== 'object') continue;
    const m = new Map<string, number>();
    for (const [ex, n] of Object.entries(counts as Record<string, unknown>)) {
      if (typeof n === 'number' && Number.isInteger(n) && n > 0) m.set(ex, Math.min(MAX_ATTEMPTS, n));
    }
    out.set(dir, m);
  }
  return out;
}

function saveFailures(failures: ReadonlyMap<string, ReadonlyMap<string, number>>): Record<string, Record<string, number>> {
  return Object.fromEntries([...failures].map(([dir, m]) => [dir, Object.fromEntries(m)]));
}

/** What restoring a panel needs. */
export interface RestoreHost {
  readonly panels: OpenPanels;
  readonly loader: LabLoader;
  readonly kc: KindContext;
}

/** A serializer for each kind: a panel open when VS Code closed comes back after a reload. */
export function registerSerializers(kinds: readonly PanelKindSpec[], host: RestoreHost): vscode.Disposable[] {
  return kinds.map((spec) =>
    vscode.window.registerWebviewPanelSerializer(spec.viewType, {
      deserializeWebviewPanel: (panel, state) => restorePanel(host, spec, panel, state),
    }),
  );
}

/** After a reload: VS Code gives back a panel with the state its page saved. */
async function restorePanel(host: RestoreHost, spec: PanelKindSpec, panel: vscode.WebviewPanel, state: unknown): Promise<void> {
  const s = (state && typeof state === 'object' ? state : {}) as Partial<PanelState>;
  const dir = typeof s.labDir === 'string' ? parseUri(s.labDir) : undefined;
  const root = host.panels.root();
  if (!dir || !root || !(await exists(vscode.Uri.joinPath(dir, LAB_FILE)))) {
    panel.dispose(); // the lab is gone (or the state is not ours): nothing to show
    return;
  }
  const existing = host.panels.get(spec.kind, dir);
  if (existing) {
    panel.dispose();
    existing.panel.reveal(undefined, true);
    return;
  }
  const trace = spec.restoreTrace ? await spec.restoreTrace(s, host.loader) : undefined;
  panel.webview.options = { enableScripts: true, localResourceRoots: [root] };
  panel.title = spec.title(dir, trace);
  const entry = host.panels.adopt(spec, dir, panel, trace);
  host.panels.render(entry, spec.message(entry, await host.loader.load(dir), host.kc));
  spec.restored?.(dir, s, host.kc);
}
