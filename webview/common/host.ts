/**
 * The panel's side of the protocol (src/protocol/panels.ts): the VS Code webview API, typed.
 * In VS Code, `acquireVsCodeApi` is given by the webview; the browser test harness
 * (test/webview/harness.ts) gives one that records what the panel posts.
 */
import { BOOTSTRAP_ID, type HostMessage, type PanelMessage, type PanelState } from '../../src/protocol/panels';

interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

let api: VsCodeApi | undefined;

function vscode(): VsCodeApi {
  api ??= acquireVsCodeApi(); // may be called only once per webview
  return api;
}

export function post(message: PanelMessage): void {
  vscode().postMessage(message);
}

export function getState(): PanelState | undefined {
  const s = vscode().getState();
  return s && typeof s === 'object' ? (s as PanelState) : undefined;
}

export function setState(state: PanelState): void {
  vscode().setState(state);
}

/** Calls `handler` with every message from the extension. */
export function onMessage(handler: (m: HostMessage) => void): void {
  window.addEventListener('message', (e: MessageEvent) => {
    const m = e.data as HostMessage | undefined;
    if (m && typeof m === 'object' && typeof m.type === 'string') handler(m);
  });
}

/** The message the extension rendered into the page (before any `message` event), if any. */
export function bootstrap(): HostMessage | undefined {
  const el = document.getElementById(BOOTSTRAP_ID);
  if (!el?.textContent) return undefined;
  try {
    return JSON.parse(el.textContent) as HostMessage;
  } catch {
    return undefined;
  }
}
