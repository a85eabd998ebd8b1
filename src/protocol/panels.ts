/**
 * The one message protocol between the extension and its webview panels (topology, trace, lab).
 * Both sides import this module: the extension (src/extension/panels/) and every panel
 * (webview/*), so a message that one side sends and the other does not understand is a type
 * error, never a silent string mismatch.
 *
 * Flow: the extension renders a panel's HTML with its first `HostMessage` as bootstrap data (a JSON
 * script element, escaped); the panel then posts `ready`, and the extension sends updates as the lab
 * changes. The panel keeps its own view state with getState/setState (PanelState), which VS Code
 * restores after a reload through the panel serializer.
 */
import type { SourceRange } from '../core/text/diag';
import type { Lang } from '../core/text/i18n';
import type { LabView, TopologyModel, TraceArgsView, TraceView } from '../core/view/types';

export type PanelKind = 'topology' | 'trace' | 'lab';

/** The view types of the panels, as registered with VS Code (and with the serializers). */
export const VIEW_TYPES: Readonly<Record<PanelKind, string>> = {
  topology: 'knetlab.topology',
  trace: 'knetlab.trace',
  lab: 'knetlab.lab',
};

// ---------------------------------------------------------------------------------------------
// Extension -> panel

export type HostMessage =
  /** The lab's topology (first render, and after every edit of the lab). */
  | { readonly type: 'topology'; readonly lang: Lang; readonly labDir: string; readonly model: TopologyModel }
  /** A trace to show, with the topology it runs on. */
  | { readonly type: 'trace'; readonly lang: Lang; readonly labDir: string; readonly model: TopologyModel; readonly view: TraceView }
  /** The lab's exercises and their state. */
  | { readonly type: 'lab'; readonly lang: Lang; readonly labDir: string; readonly view: LabView }
  /** The display language changed. */
  | { readonly type: 'lang'; readonly lang: Lang }
  /** The lab no longer loads: what is wrong (the panel keeps its last good drawing). */
  | { readonly type: 'error'; readonly message: string }
  /** The extension is busy (grading, tracing) or done. */
  | { readonly type: 'busy'; readonly busy: boolean };

// ---------------------------------------------------------------------------------------------
// Panel -> extension

export type PanelMessage =
  /** The panel has loaded and listens. */
  | { readonly type: 'ready' }
  /** Open the lab file at this place (a click on a node, a step, a check). */
  | { readonly type: 'reveal'; readonly source: SourceRange }
  /** Trace this packet (a check's "trace" button, or a new trace from the trace panel). */
  | { readonly type: 'runTrace'; readonly args: TraceArgsView }
  /** Grade the lab (all exercises, or one). */
  | { readonly type: 'grade'; readonly exercise?: string }
  /** Save a quiz answer in the lab's answers.yaml (keeping its comments). */
  | { readonly type: 'answer'; readonly quiz: string; readonly value: string }
  /** Save an export of the drawing (the user picks where). */
  | { readonly type: 'export'; readonly format: 'svg' | 'png'; readonly name: string; readonly data: string }
  /** Open the topology panel of the lab. */
  | { readonly type: 'showTopology' };

// ---------------------------------------------------------------------------------------------
// Panel view state (getState/setState), restored after a reload

export interface TopologyViewState {
  /** Node positions the user moved, by node id. */
  readonly pinned?: Readonly<Record<string, { readonly x: number; readonly y: number }>>;
  /** The pan and zoom of the drawing. */
  readonly transform?: { readonly x: number; readonly y: number; readonly k: number };
  readonly search?: string;
}

export interface PanelState {
  readonly kind: PanelKind;
  /** The lab folder (a URI string), so that the serializer can reopen the panel on the same lab. */
  readonly labDir: string;
  readonly topology?: TopologyViewState;
  /**
   * The trace panel: which leg (its index in the trace's `legs`) and step is shown, the speed, which
   * branch. A state saved before traces had legs holds `'request'` or `'reply'` here; the panel
   * reads those too (src/core/view/trace.ts: savedLeg).
   */
  readonly trace?: { readonly leg: number; readonly step: number; readonly speed: number; readonly branch?: number };
  /** The lab panel: which exercises are open. */
  readonly lab?: { readonly open: readonly string[] };
  /** The last message the panel drew, so that it draws at once after a reload. */
  readonly last?: HostMessage;
}

/** The id of the script element that holds a panel's bootstrap message (JSON). */
export const BOOTSTRAP_ID = 'knetlab-bootstrap';

/**
 * JSON that is safe inside an HTML `<script type="application/json">` element: `<`, `>`, `&` and
 * the line separators U+2028/U+2029 are escaped, so no text in a lab can close the element.
 */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Narrows an unknown message from a panel (the extension never trusts the webview's data). */
export function isPanelMessage(m: unknown): m is PanelMessage {
  if (m === null || typeof m !== 'object') return false;
  const t = (m as { type?: unknown }).type;
  const o = m as Record<string, unknown>;
  switch (t) {
    case 'ready':
    case 'showTopology':
      return true;
    case 'reveal': {
      const s = o['source'] as Record<string, unknown> | undefined;
      return !!s && typeof s['file'] === 'string' && typeof s['line'] === 'number' && typeof s['column'] === 'number';
    }
    case 'runTrace': {
      const a = o['args'] as Record<string, unknown> | undefined;
      return (
        !!a &&
        typeof a['from'] === 'string' &&
        typeof a['to'] === 'string' &&
        ['icmp', 'tcp', 'udp'].includes(a['proto'] as string) &&
        (a['port'] === undefined || typeof a['port'] === 'number')
      );
    }
    case 'grade':
      return o['exercise'] === undefined || typeof o['exercise'] === 'string';
    case 'answer':
      return typeof o['quiz'] === 'string' && typeof o['value'] === 'string';
    case 'export':
      return (o['format'] === 'svg' || o['format'] === 'png') && typeof o['name'] === 'string' && typeof o['data'] === 'string';
    default:
      return false;
  }
}
