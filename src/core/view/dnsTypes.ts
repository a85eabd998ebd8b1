/**
 * The editor's models for the DNS files (Corefiles, zone files, /etc/hosts, resolv.conf and
 * nsswitch.conf): an outline, hovers and completion items as plain data with 1-based positions, built
 * from the parsers of the dns room. The extension only converts them to VS Code's types.
 */
import type { SourceRange } from '../text/diag';

export type OutlineKind =
  | 'server'
  | 'snippet'
  | 'plugin'
  | 'property'
  | 'owner'
  | 'record'
  | 'directive'
  | 'address'
  | 'keyword'
  | 'option'
  | 'database'
  | 'source';

/** One element of a file's outline, and the ones inside it. */
export interface OutlineItem {
  readonly name: string;
  readonly detail: string;
  readonly kind: OutlineKind;
  /** The whole element. */
  readonly range: SourceRange;
  /** Its name, inside `range`. */
  readonly selection: SourceRange;
  readonly children: OutlineItem[];
}

/** A hover: Markdown for the word at `range`. */
export interface HoverModel {
  readonly markdown: string;
  readonly range: SourceRange;
}

/** A completion item: what is inserted, its one-line detail and its documentation (Markdown). */
export interface CompletionModel {
  readonly label: string;
  readonly kind: 'plugin' | 'directive' | 'property' | 'snippet';
  readonly detail: string;
  readonly documentation: string;
}

/** A 1-based position (line, column) in a file. */
export interface FilePos {
  readonly line: number;
  readonly column: number;
}

/** Whether `p` lies in `r` (its end included: a cursor just after a word still names it). */
export function inRange(r: Pick<SourceRange, 'line' | 'column' | 'endLine' | 'endColumn'>, p: FilePos): boolean {
  const afterStart = p.line > r.line || (p.line === r.line && p.column >= r.column);
  const beforeEnd = p.line < r.endLine || (p.line === r.endLine && p.column <= r.endColumn);
  return afterStart && beforeEnd;
}
