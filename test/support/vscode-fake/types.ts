/** Plain values of the vscode API: URIs, positions and ranges, markdown, enums, l10n, env. */
export class Uri {
  private constructor(
    readonly scheme: string,
    readonly authority: string,
    readonly path: string,
  ) {}
  static file(p: string): Uri {
    return new Uri('file', '', p);
  }
  static parse(s: string): Uri {
    const m = /^([a-z]+):\/\/([^/]*)(.*)$/.exec(s);
    return m ? new Uri(m[1]!, m[2]!, m[3]!) : Uri.file(s);
  }
  static joinPath(base: Uri, ...parts: string[]): Uri {
    const segs = base.path.split('/');
    for (const p of parts)
      for (const s of p.split('/')) {
        if (s === '..') segs.pop();
        else if (s && s !== '.') segs.push(s);
      }
    return new Uri(base.scheme, base.authority, segs.join('/') || '/');
  }
  get fsPath(): string {
    return this.path;
  }
  with(change: { scheme?: string; authority?: string; path?: string }): Uri {
    return new Uri(change.scheme ?? this.scheme, change.authority ?? this.authority, change.path ?? this.path);
  }
  toString(): string {
    return `${this.scheme}://${this.authority}${this.path}`;
  }
}

export const FileType = { Unknown: 0, File: 1, Directory: 2, SymbolicLink: 64 } as const;

export class Position {
  constructor(
    readonly line: number,
    readonly character: number,
  ) {}
}
export class Range {
  readonly start: Position;
  readonly end: Position;
  constructor(a: Position | number, b: Position | number, c?: number, d?: number) {
    this.start = typeof a === 'number' ? new Position(a, b as number) : a;
    this.end = typeof a === 'number' ? new Position(c!, d!) : (b as Position);
  }
}
export class Location {
  constructor(
    readonly uri: Uri,
    readonly range: Range,
  ) {}
}
export class MarkdownString {
  isTrusted?: boolean | { enabledCommands: readonly string[] };
  supportThemeIcons?: boolean;
  constructor(public value = '') {}
  appendMarkdown(v: string): this {
    this.value += v;
    return this;
  }
}
export class TestMessage {
  location?: Location;
  constructor(readonly message: string | MarkdownString) {}
}
export class ThemeIcon {
  constructor(readonly id: string) {}
}
export class TreeItem {
  description?: string;
  constructor(
    readonly label: string,
    readonly collapsibleState?: number,
  ) {}
}
export const TreeItemCollapsibleState = { None: 0, Collapsed: 1, Expanded: 2 };
export const StatusBarAlignment = { Left: 1, Right: 2 };
export const TestRunProfileKind = { Run: 1, Debug: 2, Coverage: 3 };
export const DiagnosticSeverity = { Error: 0, Warning: 1, Information: 2, Hint: 3 };
export class Diagnostic {
  code?: string;
  source?: string;
  constructor(
    readonly range: Range,
    readonly message: string,
    readonly severity: number,
  ) {}
}
export const CodeActionKind = { QuickFix: { value: 'quickfix' } };
export const SymbolKind = { Class: 4, Event: 23, Field: 7, Interface: 10, Module: 1 };

export const env = { language: 'en' };

function format(msg: string, args: unknown[]): string {
  return msg.replace(/\{(\d+)\}/g, (_m, i) => String(args[Number(i)]));
}
export const l10n = { t: (msg: string, ...args: unknown[]) => format(msg, args) };
