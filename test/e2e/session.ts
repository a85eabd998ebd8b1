/**
 * What the end-to-end test files share (vscode.e2e.ts runs them in one code-server session): the
 * paths of the repository and its builds, the measurements written to test-results/, the
 * contributed commands, and the session itself (its code-server, pages and user settings).
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import type { CodeServer } from './harness';

export const ROOT = resolve(__dirname, '..', '..');
export const VSIX = join(ROOT, 'knetlab.vsix');
export const SUITE = join(ROOT, 'out', 'test', 'extension', 'suite', 'index.js');
export const WEB_SUITE = join(ROOT, 'out', 'test', 'extension', 'web', 'index.js');
export const EXTENSION_ID = 'knetlab.knetlab';
export const measures: Record<string, string> = {};

export function contributedCommands(): Map<string, string> {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  const cmds: { command: string; title: string; category?: string }[] = pkg.contributes?.commands ?? [];
  return new Map(cmds.map((c) => [c.command, c.category ? `${c.category}: ${c.title}` : c.title]));
}

/** The running session, as the tests of ui.ts and panels.ts use it (set up in vscode.e2e.ts's `before`). */
export interface Session {
  /** code-server, once started. */
  readonly server: CodeServer;
  /** A new browser page whose console is written to test-results/NAME.console.log when it closes. */
  newPage(name: string): Promise<Page>;
  /** code-server's user settings (read by each new workbench). */
  writeUserSettings(settings: Record<string, unknown>): void;
}
