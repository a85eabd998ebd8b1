/**
 * A fake `vscode` module for the extension's unit tests (as vscode-eslint tests its validator): an
 * in-memory file system, recorded commands, output channels, webview panels and test runs, one
 * module of this folder each. Importing this module makes `require('vscode')` resolve to it.
 */
import Module from 'node:module';
import { registered } from './commands';
import { controllers, testRuns } from './testing';
import { env } from './types';
import { answers, messages, outputs, serializers, shownDocuments, terminals, webviewPanels, window } from './window';
import { events, files, links, settings, useDisk, watchers, workspace } from './workspace';

export * from './commands';
export * from './events';
export * from './languages';
export * from './testing';
export * from './types';
export * from './window';
export * from './workspace';

/** Resets the fake between tests. */
export function reset(): void {
  files.clear();
  links.clear();
  useDisk(false);
  settings.clear();
  registered.clear();
  outputs.length = 0;
  testRuns.length = 0;
  answers.length = 0;
  controllers.length = 0;
  env.language = 'en';
  for (const e of Object.values(events)) e.dispose();
  workspace.textDocuments.length = 0;
  watchers.length = 0;
  window.visibleTextEditors.length = 0;
  window.activeTextEditor = undefined;
  webviewPanels.length = 0;
  serializers.clear();
  shownDocuments.length = 0;
  messages.length = 0;
  terminals.length = 0;
}

const M = Module as unknown as { _resolveFilename: (req: string, ...rest: unknown[]) => string };
const original = M._resolveFilename;
M._resolveFilename = function (req: string, ...rest: unknown[]) {
  if (req === 'vscode') return __filename;
  return original.call(this, req, ...rest);
};
