/**
 * The DNS files in the editor, a thin adapter over the core's models (core view/dns*.ts): outline and
 * hovers for zone files, /etc/hosts, resolv.conf and nsswitch.conf, and completion in Corefiles.
 * Their diagnostics come with the other checkers' (diagnostics.ts: zoneChecker, resolverChecker).
 */
import * as vscode from 'vscode';
import {
  corefileCompletions,
  type CompletionModel,
  type HoverModel,
  type Lang,
  resolverHoverAt,
  resolverOutline,
  zoneHoverAt,
  zoneOutline,
} from '../../core';
import { dnsFileKind, zoneOrigin } from './dnsKinds';
import { spanOf } from './span';
import { type LabSymbol, outlineSymbols } from './symbols';

/** The DNS files by language, and by the names `knetlab check` knows (dnsFileKind decides, file by file). */
export const DNS_SELECTOR: vscode.DocumentSelector = [
  { language: 'dns-zone' },
  { language: 'hosts' },
  { language: 'resolv-conf' },
  { language: 'nsswitch-conf' },
  { pattern: '**/db.*' },
  { pattern: '**/*.zone' },
  { pattern: '**/hosts' },
  { pattern: '**/resolv.conf' },
  { pattern: '**/nsswitch.conf' },
];

/** A completion item's kind (read when asked: the enum is the editor's). */
function completionKind(k: CompletionModel['kind']): vscode.CompletionItemKind {
  if (k === 'plugin') return vscode.CompletionItemKind.Module;
  if (k === 'directive') return vscode.CompletionItemKind.Keyword;
  return k === 'snippet' ? vscode.CompletionItemKind.Snippet : vscode.CompletionItemKind.Property;
}

function toRange(r: HoverModel['range']): vscode.Range {
  const s = spanOf(r);
  return new vscode.Range(s.start.line, s.start.character, s.end.line, s.end.character);
}

export function registerDnsFeatures(
  context: vscode.ExtensionContext,
  host: { readonly lang: Lang },
  toSymbol: (s: LabSymbol) => vscode.DocumentSymbol,
): void {
  const pos = (p: vscode.Position) => ({ line: p.line + 1, column: p.character + 1 });
  context.subscriptions.push(
    vscode.languages.registerHoverProvider(DNS_SELECTOR, {
      provideHover(doc, position) {
        const kind = dnsFileKind(doc.uri.path, doc.languageId);
        if (!kind) return undefined;
        const file = doc.uri.fsPath;
        const h =
          kind === 'zone'
            ? zoneHoverAt(doc.getText(), pos(position), host.lang, file, zoneOrigin(doc.uri.path))
            : resolverHoverAt(kind, doc.getText(), pos(position), host.lang, file);
        return h && new vscode.Hover(new vscode.MarkdownString(h.markdown), toRange(h.range));
      },
    }),

    vscode.languages.registerDocumentSymbolProvider(DNS_SELECTOR, {
      provideDocumentSymbols(doc) {
        const kind = dnsFileKind(doc.uri.path, doc.languageId);
        if (!kind) return [];
        const file = doc.uri.fsPath;
        const items =
          kind === 'zone'
            ? zoneOutline(doc.getText(), file, zoneOrigin(doc.uri.path))
            : resolverOutline(kind, doc.getText(), file, host.lang);
        return outlineSymbols(items).map(toSymbol);
      },
    }),

    vscode.languages.registerCompletionItemProvider(
      { language: 'corefile' },
      {
        provideCompletionItems(doc, position) {
          return corefileCompletions(doc.getText(), pos(position), host.lang).map((c) => {
            const item = new vscode.CompletionItem(c.label, completionKind(c.kind));
            item.detail = c.detail;
            item.documentation = new vscode.MarkdownString(c.documentation);
            return item;
          });
        },
      },
    ),
  );
}
