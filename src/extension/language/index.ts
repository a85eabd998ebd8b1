/**
 * The editor's language features for lab files (and later Corefiles and CNI configs):
 * diagnostics as you type, hovers, CodeLens, quick fixes, outline and go to definition, all
 * computed by the core. `registerLanguageFeatures` is called once from activate().
 *
 * This file is the thin adapter: the logic lives in the sibling modules, which take plain data
 * and import `vscode` for types only, so the unit tests run them without VS Code.
 */
import * as vscode from 'vscode';
import type { Diagnostic, Lang, Localized, OUTSIDE_LAB } from '../../core';
import { corefileHoverAt, pick } from '../../core';
import { AnalysisCache, analyzeLab, type LabAnalysis } from './analysis';
import { cniHover } from './cniDocs';
import { corefileHover } from './corefileDocs';
import { corefileSymbols } from './symbols';
import { registerDnsFeatures } from './dnsFeatures';
import { spanOf } from './span';
import { codeLenses } from './codelens';
import { definitionAt } from './definition';
import {
  type CheckContext,
  checkerFor,
  type DocumentChecker,
  type DocumentCheckSession,
  isLabPath,
  toEditorDiagnostic,
} from './diagnostics';
import { hoverAt } from './hover';
import { codeFixes } from './quickfix';
import type { Span } from './span';
import { type LabSymbol, labSymbols, type SymbolKind } from './symbols';

/** What the language features need from the rest of the extension. */
export interface LanguageHost {
  /** The display language for messages. */
  readonly lang: Lang;
  /**
   * Reads a file next to a document (for `files: { from: ... }`) in the lab folder `labDir`,
   * through vscode.workspace.fs: OUTSIDE_LAB when it leads outside the folder (labfs.readLabFile).
   */
  readFile(uri: vscode.Uri, labDir: vscode.Uri): Promise<string | undefined | typeof OUTSIDE_LAB>;
  /** Debounce for diagnostics as the user types, from the settings module. */
  diagnosticsDelayMs(): number;
}

const LAB_SELECTOR: vscode.DocumentSelector = [{ pattern: '**/lab.{yaml,yml}' }];
const COREFILE_SELECTOR: vscode.DocumentSelector = [{ language: 'corefile' }];
/** The files package.json's jsonValidation gives schema/cni.schema.json. */
const CNI_SELECTOR: vscode.DocumentSelector = [
  { pattern: '**/*.conflist' },
  { pattern: '/etc/cni/net.d/*.conf' },
  { pattern: '**/cni/net.d/*.conf' },
  { pattern: '**/net.d/*.conf' },
];

function severity(s: Diagnostic['severity']): vscode.DiagnosticSeverity {
  return s === 'error'
    ? vscode.DiagnosticSeverity.Error
    : s === 'warning'
      ? vscode.DiagnosticSeverity.Warning
      : vscode.DiagnosticSeverity.Information;
}

function symbolKind(k: SymbolKind): vscode.SymbolKind {
  const kinds: Record<SymbolKind, vscode.SymbolKind> = {
    switch: vscode.SymbolKind.Interface,
    host: vscode.SymbolKind.Class,
    interface: vscode.SymbolKind.Field,
    exercise: vscode.SymbolKind.Module,
    check: vscode.SymbolKind.Event,
    server: vscode.SymbolKind.Namespace,
    snippet: vscode.SymbolKind.Package,
    plugin: vscode.SymbolKind.Function,
    property: vscode.SymbolKind.Property,
    owner: vscode.SymbolKind.Namespace,
    record: vscode.SymbolKind.Field,
    directive: vscode.SymbolKind.Key,
    address: vscode.SymbolKind.Constant,
    keyword: vscode.SymbolKind.Key,
    option: vscode.SymbolKind.Property,
    database: vscode.SymbolKind.Struct,
    source: vscode.SymbolKind.EnumMember,
  };
  return kinds[k];
}

function range(s: Span): vscode.Range {
  return new vscode.Range(s.start.line, s.start.character, s.end.line, s.end.character);
}

function plainSpan(r: vscode.Range): Span {
  return { start: { line: r.start.line, character: r.start.character }, end: { line: r.end.line, character: r.end.character } };
}

/** A UI label: the extension's l10n bundle when it has one, else the label's own translation. */
function label(text: Localized, lang: Lang): string {
  const t = vscode.l10n.t(text.en);
  return t !== text.en ? t : pick(text, lang);
}

/** A document's neighbours, read up front: relative path -> text, or OUTSIDE_LAB for a file that leads out. */
type DocFiles = Map<string, string | typeof OUTSIDE_LAB>;

/** Everything the features keep per document, owned by one object for the extension's lifetime. */
export class LabDocuments implements vscode.Disposable {
  private readonly cache = new AnalysisCache();
  private readonly files = new Map<string, DocFiles>();
  private readonly checked = new Map<string, { version: number; diagnostics: Diagnostic[] }>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  /** When each document was last checked, for the leading edge of schedule(). */
  private readonly lastRun = new Map<string, number>();
  /** How long each document's last check took, in ms. */
  private readonly lastCost = new Map<string, number>();
  /** Each open document's incremental checker (for checkers that have one), made on its first check. */
  private readonly sessions = new Map<string, { checker: DocumentChecker; session: DocumentCheckSession }>();
  readonly collection = vscode.languages.createDiagnosticCollection('knetlab');

  constructor(private readonly host: LanguageHost) {}

  analysis(doc: vscode.TextDocument): LabAnalysis {
    const key = doc.uri.toString();
    const files = this.files.get(key);
    return this.cache.get(key, doc.version, () => analyzeLab(doc.getText(), { file: doc.uri.fsPath, readFile: (rel) => files?.get(rel) }));
  }

  /** The core diagnostics of the document's current version (checked now if the last check is stale). */
  diagnostics(doc: vscode.TextDocument): Diagnostic[] {
    const key = doc.uri.toString();
    const last = this.checked.get(key);
    if (last && last.version === doc.version) return last.diagnostics;
    const checker = checkerFor(doc.uri.path, doc.languageId);
    if (!checker) return [];
    const files = this.files.get(key);
    const diagnostics = this.check(key, checker, doc.getText(), {
      file: doc.uri.fsPath,
      readFile: (rel) => files?.get(rel),
      languageId: doc.languageId,
    });
    this.checked.set(key, { version: doc.version, diagnostics });
    return diagnostics;
  }

  /** Checks a document's text, through its incremental checker when its checker has one. */
  private check(key: string, checker: DocumentChecker, text: string, ctx: CheckContext): Diagnostic[] {
    if (!checker.incremental) return checker.check(text, ctx);
    let s = this.sessions.get(key);
    if (s?.checker !== checker) {
      s = { checker, session: checker.incremental() };
      this.sessions.set(key, s);
    }
    return s.session.check(text, ctx);
  }

  async refresh(doc: vscode.TextDocument): Promise<void> {
    const checker = checkerFor(doc.uri.path, doc.languageId);
    if (!checker) return;
    const key = doc.uri.toString();
    const version = doc.version;
    const files = await this.readFiles(doc, checker);
    if (doc.isClosed || doc.version !== version) return; // a newer refresh is on its way
    this.files.set(key, files);
    const t0 = Date.now();
    const diagnostics = this.check(key, checker, doc.getText(), {
      file: doc.uri.fsPath,
      readFile: (rel) => files.get(rel),
      languageId: doc.languageId,
    });
    this.lastCost.set(key, Date.now() - t0);
    this.checked.set(key, { version, diagnostics });
    this.collection.set(
      doc.uri,
      diagnostics.map((d) => {
        const e = toEditorDiagnostic(d, this.host.lang);
        const v = new vscode.Diagnostic(range(e.span), e.message, severity(e.severity));
        v.code = { value: e.code.value, target: vscode.Uri.parse(e.code.target) };
        v.source = e.source;
        return v;
      }),
    );
  }

  private async readFiles(doc: vscode.TextDocument, checker: DocumentChecker): Promise<DocFiles> {
    const files: DocFiles = new Map();
    const dir = vscode.Uri.joinPath(doc.uri, '..');
    const labDir = vscode.Uri.joinPath(dir, checker.labFolder ?? '.');
    await Promise.all(
      checker.filesWanted(doc.getText()).map(async (rel) => {
        const text = await this.host.readFile(vscode.Uri.joinPath(dir, rel), labDir).catch(() => undefined);
        if (text !== undefined) files.set(rel, text);
      }),
    );
    return files;
  }

  /**
   * Checks as the user types: the first keystroke after a pause is checked at once (so the
   * diagnostics follow the edit without waiting), and a burst of keystrokes is checked again once
   * it has been quiet for the configured delay.
   */
  schedule(doc: vscode.TextDocument): void {
    if (!checkerFor(doc.uri.path, doc.languageId)) return;
    const key = doc.uri.toString();
    // Never more often than a check costs: a big lab is not re-checked on every keystroke.
    const delay = Math.max(0, this.host.diagnosticsDelayMs(), this.lastCost.get(key) ?? 0);
    const pending = this.timers.get(key);
    const now = Date.now();
    if (pending === undefined && now - (this.lastRun.get(key) ?? -Infinity) >= delay) {
      this.lastRun.set(key, now);
      void this.refresh(doc);
      return;
    }
    clearTimeout(pending);
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        this.lastRun.set(key, Date.now());
        void this.refresh(doc);
      }, delay),
    );
  }

  forget(doc: vscode.TextDocument): void {
    const key = doc.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    this.lastRun.delete(key);
    this.lastCost.delete(key);
    this.cache.delete(key);
    this.files.delete(key);
    this.checked.delete(key);
    this.sessions.delete(key);
    this.collection.delete(doc.uri);
  }

  dispose(): void {
    this.timers.forEach((t) => clearTimeout(t));
    this.timers.clear();
    this.cache.clear();
    this.sessions.clear();
    this.collection.dispose();
  }
}

function toSymbol(s: LabSymbol): vscode.DocumentSymbol {
  const d = new vscode.DocumentSymbol(s.name, s.detail, symbolKind(s.kind), range(s.span), range(s.selection));
  d.children = s.children.map(toSymbol);
  return d;
}

export function registerLanguageFeatures(context: vscode.ExtensionContext, host: LanguageHost): void {
  const docs = new LabDocuments(host);
  const isLab = (doc: vscode.TextDocument) => isLabPath(doc.uri.path);

  context.subscriptions.push(
    docs,
    vscode.workspace.onDidOpenTextDocument((d) => void docs.refresh(d)),
    vscode.workspace.onDidChangeTextDocument((e) => docs.schedule(e.document)),
    vscode.workspace.onDidSaveTextDocument((d) => void docs.refresh(d)),
    vscode.workspace.onDidCloseTextDocument((d) => docs.forget(d)),

    vscode.languages.registerHoverProvider(LAB_SELECTOR, {
      provideHover(doc, position) {
        if (!isLab(doc)) return undefined;
        const h = hoverAt(docs.analysis(doc), { line: position.line, character: position.character }, host.lang);
        return h && new vscode.Hover(new vscode.MarkdownString(h.markdown), range(h.span));
      },
    }),

    vscode.languages.registerHoverProvider(COREFILE_SELECTOR, {
      provideHover(doc, position) {
        const core = corefileHoverAt(doc.getText(), { line: position.line + 1, column: position.character + 1 }, host.lang);
        if (core) return new vscode.Hover(new vscode.MarkdownString(core.markdown), range(spanOf(core.range)));
        const h = corefileHover(doc.getText(), doc.offsetAt(position), host.lang);
        return (
          h && new vscode.Hover(new vscode.MarkdownString(h.markdown), new vscode.Range(doc.positionAt(h.start), doc.positionAt(h.end)))
        );
      },
    }),

    vscode.languages.registerHoverProvider(CNI_SELECTOR, {
      provideHover(doc, position) {
        const h = cniHover(doc.getText(), doc.offsetAt(position), host.lang);
        return (
          h && new vscode.Hover(new vscode.MarkdownString(h.markdown), new vscode.Range(doc.positionAt(h.start), doc.positionAt(h.end)))
        );
      },
    }),

    vscode.languages.registerCodeLensProvider(LAB_SELECTOR, {
      provideCodeLenses(doc) {
        if (!isLab(doc)) return [];
        return codeLenses(docs.analysis(doc).lab).map(
          (l) =>
            new vscode.CodeLens(range(l.span), {
              title: label(l.title, host.lang),
              command: l.command,
              arguments: [{ uri: doc.uri, ...l.args }],
            }),
        );
      },
    }),

    vscode.languages.registerCodeActionsProvider(
      LAB_SELECTOR,
      {
        provideCodeActions(doc, r, ctx) {
          if (!isLab(doc)) return [];
          const fixes = codeFixes(docs.analysis(doc), docs.diagnostics(doc), plainSpan(r));
          return fixes.map((f) => {
            const action = new vscode.CodeAction(pick(f.title, host.lang), vscode.CodeActionKind.QuickFix);
            const edit = new vscode.WorkspaceEdit();
            for (const e of f.edits) edit.replace(doc.uri, range(e.span), e.newText);
            action.edit = edit;
            action.isPreferred = f.preferred;
            if (f.diagnostic) {
              const d = f.diagnostic;
              const match = ctx.diagnostics.filter(
                (v) =>
                  v.source === 'knetlab' &&
                  (typeof v.code === 'object' ? v.code.value : v.code) === d.code &&
                  v.range.start.line === d.line - 1 &&
                  v.range.start.character === d.column - 1,
              );
              if (match.length) action.diagnostics = match;
            }
            return action;
          });
        },
      },
      { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] },
    ),

    vscode.languages.registerDocumentSymbolProvider(LAB_SELECTOR, {
      provideDocumentSymbols(doc) {
        if (!isLab(doc)) return [];
        return labSymbols(docs.analysis(doc).lab, host.lang).map(toSymbol);
      },
    }),

    vscode.languages.registerDocumentSymbolProvider(COREFILE_SELECTOR, {
      provideDocumentSymbols(doc) {
        return corefileSymbols(doc.getText(), host.lang).map(toSymbol);
      },
    }),

    vscode.languages.registerDefinitionProvider(LAB_SELECTOR, {
      provideDefinition(doc, position) {
        if (!isLab(doc)) return undefined;
        const a = docs.analysis(doc);
        const def = definitionAt(a.lab, a.text, { line: position.line, character: position.character });
        if (!def) return undefined;
        const link: vscode.LocationLink = {
          originSelectionRange: range(def.origin),
          targetUri: doc.uri,
          targetRange: range(def.target),
          targetSelectionRange: range(def.target),
        };
        return [link];
      },
    }),
  );

  registerDnsFeatures(context, host, toSymbol);
  for (const doc of vscode.workspace.textDocuments) void docs.refresh(doc);
}
