/**
 * A panel's HTML: one script (with a nonce), one stylesheet, the bootstrap message as escaped JSON,
 * and a Content Security Policy that allows nothing else (`default-src 'none'`, nothing remote).
 * Pure (no `vscode` import): the extension and the browser test harness render the same page.
 */
import { type Lang } from '../../core/text/i18n';
import { BOOTSTRAP_ID, type HostMessage, type PanelKind, scriptJson } from '../../protocol/panels';

export interface PanelPage {
  readonly kind: PanelKind;
  readonly title: string;
  readonly lang: Lang;
  /** The panel's script and stylesheet, as webview URIs (`webview.asWebviewUri`). */
  readonly script: string;
  readonly style: string;
  /** `webview.cspSource`: where the panel's own files come from. */
  readonly cspSource: string;
  /** A fresh random value per rendering (see `nonce()`). */
  readonly nonce: string;
  readonly bootstrap?: HostMessage;
}

/** 128 random bits from the platform's CSPRNG (`crypto.getRandomValues`: Node, web worker, browser). */
export function nonce(): string {
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function panelHtml(p: PanelPage): string {
  const csp = [
    "default-src 'none'",
    `script-src 'nonce-${p.nonce}'`,
    // Lit (@vscode-elements) and d3 set styles through the CSSOM, which CSP allows; the panel's own
    // rules come from its stylesheet.
    `style-src ${p.cspSource}`,
    `font-src ${p.cspSource}`,
    `img-src ${p.cspSource} data: blob:`,
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="${esc(p.lang)}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${esc(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>${esc(p.title)}</title>
<link rel="stylesheet" href="${esc(p.style)}">
</head>
<body data-panel="${esc(p.kind)}">
<div id="app"></div>
<script type="application/json" id="${BOOTSTRAP_ID}">${p.bootstrap ? scriptJson(p.bootstrap) : ''}</script>
<script nonce="${esc(p.nonce)}" src="${esc(p.script)}"></script>
</body>
</html>
`;
}
