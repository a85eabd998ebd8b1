/**
 * What a kind of panel says about itself: its view type, its title, what it shows of a lab (its
 * first message and every refresh), and what it needs after a reload. One module per kind in this
 * folder; the panel manager knows kinds only through the list in index.ts.
 */
import type * as vscode from 'vscode';
import type { TraceArgsView } from '../../../core/view/types';
import type { HostMessage, PanelKind, PanelState } from '../../../protocol/panels';
import type { Ctx } from '../../ctx';
import type { LabLoader, LoadedLab } from '../load';

/** An open panel (or one about to open): its kind, its lab folder, the packet it traces. */
export interface PanelTarget {
  readonly kind: PanelKind;
  readonly dir: vscode.Uri;
  /** The trace panel: the packet it traces (traced again when the lab changes). */
  readonly trace?: TraceArgsView | undefined;
}

/** What the kinds need from the extension. */
export interface KindContext {
  readonly ctx: Ctx;
  /** The failed attempts of each exercise of a lab folder (one more hint is revealed after each). */
  failures(dir: vscode.Uri): ReadonlyMap<string, number> | undefined;
  /** Reports background work that failed (the output channel, an error message). */
  failed(what: string, e: unknown): void;
}

export interface PanelKindSpec {
  readonly kind: PanelKind;
  /** As registered with VS Code: `createWebviewPanel`, the serializer, package.json's `onWebviewPanel:`. */
  readonly viewType: string;
  /** The panel's title, in the display language. */
  title(dir: vscode.Uri, trace?: TraceArgsView): string;
  /**
   * What the panel shows of the lab as loaded now: the message its page is rendered with when it
   * opens, and the one it is sent at every refresh (an edit, a change on disk, a grade).
   */
  message(target: PanelTarget, lab: LoadedLab, kc: KindContext): HostMessage;
  /** After a reload: the packet the restored panel traces again, from the state its page saved. */
  restoreTrace?(state: Partial<PanelState>, loader: LabLoader): Promise<TraceArgsView | undefined>;
  /** After a reload, once the restored panel shows the lab again. */
  restored?(dir: vscode.Uri, state: Partial<PanelState>, kc: KindContext): void;
}
