/**
 * The editor's language features for lab files (and later Corefiles and CNI configs):
 * diagnostics as you type, hovers, CodeLens, quick fixes, outline and go to definition, all
 * computed by the core. `registerLanguageFeatures` is called once from activate().
 */
import type * as vscode from 'vscode';
import type { Lang } from '../../core';

/** What the language features need from the rest of the extension. */
export interface LanguageHost {
  /** The display language for messages. */
  readonly lang: Lang;
  /** Reads a file next to a document (for `files: { from: ... }`), through vscode.workspace.fs. */
  readFile(uri: vscode.Uri): Promise<string | undefined>;
  /** Debounce for diagnostics as the user types, from the settings module. */
  diagnosticsDelayMs(): number;
}

export function registerLanguageFeatures(_context: vscode.ExtensionContext, _host: LanguageHost): void {
  // Filled in by the language-features work; until then extension.ts keeps its own diagnostics.
}
