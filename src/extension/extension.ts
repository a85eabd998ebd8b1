/**
 * The VS Code extension's first layer: diagnostics for `lab.yaml` as the user types, from the core
 * checker. The full editor experience (hovers, CodeLens, commands, panels) builds on this.
 */
import * as vscode from 'vscode';
import { checkLab, type Diagnostic, langFromLocale, pick } from '../core';

const SEVERITY: Record<Diagnostic['severity'], vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
};

function isLabFile(doc: vscode.TextDocument): boolean {
  return /(^|[\\/])lab\.ya?ml$/.test(doc.uri.path);
}

export function activate(context: vscode.ExtensionContext): void {
  const collection = vscode.languages.createDiagnosticCollection('knetlab');
  context.subscriptions.push(collection);
  const lang = langFromLocale(vscode.env.language);
  const timers = new Map<string, ReturnType<typeof setTimeout>>();

  const refresh = async (doc: vscode.TextDocument) => {
    if (!isLabFile(doc)) return;
    const dir = vscode.Uri.joinPath(doc.uri, '..');
    // Files named by `from:` are read up front, through the workspace file system.
    const wanted = [...doc.getText().matchAll(/from:\s*["']?([^\s"'}]+)/g)].map((m) => m[1]!);
    const files = new Map<string, string>();
    for (const rel of wanted) {
      try {
        files.set(rel, new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(dir, rel))));
      } catch {
        // reported by the checker as file-not-found
      }
    }
    const diags = checkLab(doc.getText(), { file: doc.uri.fsPath, readFile: (rel) => files.get(rel) });
    collection.set(
      doc.uri,
      diags.map((d) => {
        const range = new vscode.Range(d.line - 1, d.column - 1, d.endLine - 1, Math.max(d.endColumn - 1, 0));
        const v = new vscode.Diagnostic(range, pick(d.message, lang), SEVERITY[d.severity]);
        v.code = d.code;
        v.source = 'knetlab';
        return v;
      }),
    );
  };

  const schedule = (doc: vscode.TextDocument) => {
    const key = doc.uri.toString();
    clearTimeout(timers.get(key));
    timers.set(key, setTimeout(() => void refresh(doc), 150));
  };

  context.subscriptions.push(
    vscode.workspace.onDidOpenTextDocument((d) => void refresh(d)),
    vscode.workspace.onDidChangeTextDocument((e) => schedule(e.document)),
    vscode.workspace.onDidCloseTextDocument((d) => collection.delete(d.uri)),
    { dispose: () => timers.forEach((t) => clearTimeout(t)) },
  );
  for (const doc of vscode.workspace.textDocuments) void refresh(doc);
}

export function deactivate(): void {}
