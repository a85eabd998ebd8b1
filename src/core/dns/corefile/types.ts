/** What a Corefile reads as: its server blocks, their zones and plugins (parse.ts makes them). */
import type { Diagnostic, SourceRange } from '../../text/diag';
import type { ZoneKey } from './keys';
import type { Prop } from './tree';

export interface CorefilePlugin {
  readonly name: string;
  readonly args: string[];
  readonly range: SourceRange;
  /** Its words as a tree: arguments (`args` are their texts) and block properties, with positions. */
  readonly tree: Prop;
}

export interface ServerBlock {
  /** The keys as written (`.:53`, `example.org`), or a snippet's `(name)`. */
  readonly keys: string[];
  readonly snippet: boolean;
  readonly range: SourceRange;
  /** In the Corefile's order (see order.ts for CoreDNS's execution order). */
  readonly plugins: CorefilePlugin[];
  /** The zones and ports it serves, normalised as CoreDNS does; empty for a snippet. */
  readonly zones: ZoneKey[];
}

export interface CorefileResult {
  readonly blocks: ServerBlock[];
  readonly diagnostics: Diagnostic[];
}

export interface CorefileOptions {
  /** The environment for `{$NAME}` and `{%NAME%}`; without it, words holding one are not checked. */
  readonly env?: Readonly<Record<string, string>>;
}
