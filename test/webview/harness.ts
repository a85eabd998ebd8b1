/**
 * The webview panels in headless Chromium (playwright-core, Chromium from Debian), outside VS Code:
 * the page is the one the extension renders (src/extension/panels/html.ts: same CSP, same
 * bootstrap data), served from a fake origin; `acquireVsCodeApi` is a stand-in that records what
 * the panel posts and keeps its state; the theme's CSS variables and body class are those VS Code
 * sets, for light, dark and high-contrast themes.
 *
 * Chromium comes from scripts/e2e-install.sh (the same install as the end-to-end tests). Without
 * it, the browser tests say how to install it and are skipped, except under CI, where they fail.
 */
import { mkdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, normalize, resolve } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { nonce, panelHtml } from '../../src/extension/panels/html';
import type { HostMessage, PanelKind, PanelMessage, PanelState } from '../../src/protocol/panels';
import { findInstall } from '../e2e/harness';

export const ROOT = resolve(__dirname, '..', '..');
export const SHOTS = join(ROOT, 'test-results', 'webview');
const ORIGIN = 'https://knetlab.test';

export type Theme = 'light' | 'dark' | 'high-contrast';

/** The variables VS Code defines in a webview (a subset: those the panels use), per theme kind. */
export const THEMES: Readonly<Record<Theme, Readonly<Record<string, string>>>> = {
  light: {
    '--vscode-font-family': 'system-ui, sans-serif',
    '--vscode-font-size': '13px',
    '--vscode-editor-font-family': 'monospace',
    '--vscode-foreground': '#3b3b3b',
    '--vscode-editor-background': '#ffffff',
    '--vscode-editor-foreground': '#3b3b3b',
    '--vscode-descriptionForeground': '#717171',
    '--vscode-errorForeground': '#e51400',
    '--vscode-focusBorder': '#005fb8',
    '--vscode-panel-border': '#e5e5e5',
    '--vscode-widget-border': '#e5e5e5',
    '--vscode-contrastBorder': 'transparent',
    '--vscode-button-background': '#005fb8',
    '--vscode-button-foreground': '#ffffff',
    '--vscode-button-hoverBackground': '#0258a8',
    '--vscode-button-secondaryBackground': '#e5e5e5',
    '--vscode-button-secondaryForeground': '#3b3b3b',
    '--vscode-input-background': '#ffffff',
    '--vscode-input-foreground': '#3b3b3b',
    '--vscode-input-border': '#cecece',
    '--vscode-settings-dropdownBackground': '#ffffff',
    '--vscode-settings-dropdownForeground': '#3b3b3b',
    '--vscode-settings-dropdownBorder': '#cecece',
    '--vscode-settings-dropdownListBorder': '#c8c8c8',
    '--vscode-list-hoverBackground': '#f2f2f2',
    '--vscode-list-activeSelectionBackground': '#e8e8e8',
    '--vscode-list-activeSelectionForeground': '#000000',
    '--vscode-editorWidget-background': '#f8f8f8',
    '--vscode-sideBar-background': '#f8f8f8',
    '--vscode-textLink-foreground': '#005fb8',
    '--vscode-badge-background': '#cccccc',
    '--vscode-badge-foreground': '#3b3b3b',
    '--vscode-charts-red': '#e51400',
    '--vscode-charts-green': '#388a34',
    '--vscode-charts-blue': '#1a85ff',
    '--vscode-charts-yellow': '#bf8803',
    '--vscode-charts-orange': '#d18616',
    '--vscode-charts-purple': '#652d90',
    '--vscode-charts-foreground': '#616161',
    '--vscode-charts-lines': 'rgba(97,97,97,0.5)',
    '--vscode-testing-iconPassed': '#388a34',
    '--vscode-testing-iconFailed': '#e51400',
    '--vscode-testing-iconQueued': '#cca700',
    '--vscode-editor-selectionBackground': '#add6ff',
    '--vscode-editor-findMatchHighlightBackground': 'rgba(234,92,0,0.33)',
    // @vscode-elements' own variables (collapsible header, text field, radio, progress bar, button border).
    '--vscode-sideBarSectionHeader-background': '#f8f8f8',
    '--vscode-sideBarTitle-foreground': '#3b3b3b',
    '--vscode-icon-foreground': '#424242',
    '--vscode-settings-textInputBackground': '#ffffff',
    '--vscode-settings-textInputForeground': '#3b3b3b',
    '--vscode-settings-textInputBorder': '#cecece',
    '--vscode-input-placeholderForeground': '#767676',
    '--vscode-settings-checkboxBackground': '#f8f8f8',
    '--vscode-settings-checkboxForeground': '#3b3b3b',
    '--vscode-settings-checkboxBorder': '#cecece',
    '--vscode-progressBar-background': '#005fb8',
    '--vscode-button-border': 'rgba(0,0,0,0.1)',
    '--vscode-button-secondaryHoverBackground': '#cccccc',
  },
  dark: {
    '--vscode-font-family': 'system-ui, sans-serif',
    '--vscode-font-size': '13px',
    '--vscode-editor-font-family': 'monospace',
    '--vscode-foreground': '#cccccc',
    '--vscode-editor-background': '#1f1f1f',
    '--vscode-editor-foreground': '#cccccc',
    '--vscode-descriptionForeground': '#9d9d9d',
    '--vscode-errorForeground': '#f85149',
    '--vscode-focusBorder': '#0078d4',
    '--vscode-panel-border': '#2b2b2b',
    '--vscode-widget-border': '#313131',
    '--vscode-contrastBorder': 'transparent',
    '--vscode-button-background': '#0078d4',
    '--vscode-button-foreground': '#ffffff',
    '--vscode-button-hoverBackground': '#026ec1',
    '--vscode-button-secondaryBackground': '#313131',
    '--vscode-button-secondaryForeground': '#cccccc',
    '--vscode-input-background': '#313131',
    '--vscode-input-foreground': '#cccccc',
    '--vscode-input-border': '#3c3c3c',
    '--vscode-settings-dropdownBackground': '#313131',
    '--vscode-settings-dropdownForeground': '#cccccc',
    '--vscode-settings-dropdownBorder': '#3c3c3c',
    '--vscode-settings-dropdownListBorder': '#454545',
    '--vscode-list-hoverBackground': '#2a2d2e',
    '--vscode-list-activeSelectionBackground': '#04395e',
    '--vscode-list-activeSelectionForeground': '#ffffff',
    '--vscode-editorWidget-background': '#202020',
    '--vscode-sideBar-background': '#181818',
    '--vscode-textLink-foreground': '#4daafc',
    '--vscode-badge-background': '#616161',
    '--vscode-badge-foreground': '#f8f8f8',
    '--vscode-charts-red': '#f14c4c',
    '--vscode-charts-green': '#89d185',
    '--vscode-charts-blue': '#3794ff',
    '--vscode-charts-yellow': '#cca700',
    '--vscode-charts-orange': '#d18616',
    '--vscode-charts-purple': '#b180d7',
    '--vscode-charts-foreground': '#cccccc',
    '--vscode-charts-lines': 'rgba(204,204,204,0.5)',
    '--vscode-testing-iconPassed': '#73c991',
    '--vscode-testing-iconFailed': '#f14c4c',
    '--vscode-testing-iconQueued': '#cca700',
    '--vscode-editor-selectionBackground': '#264f78',
    '--vscode-editor-findMatchHighlightBackground': 'rgba(234,92,0,0.33)',
    '--vscode-sideBarSectionHeader-background': '#181818',
    '--vscode-sideBarTitle-foreground': '#cccccc',
    '--vscode-icon-foreground': '#cccccc',
    '--vscode-settings-textInputBackground': '#313131',
    '--vscode-settings-textInputForeground': '#cccccc',
    '--vscode-settings-textInputBorder': '#3c3c3c',
    '--vscode-input-placeholderForeground': '#989898',
    '--vscode-settings-checkboxBackground': '#313131',
    '--vscode-settings-checkboxForeground': '#cccccc',
    '--vscode-settings-checkboxBorder': '#3c3c3c',
    '--vscode-progressBar-background': '#0078d4',
    '--vscode-button-border': 'rgba(255,255,255,0.07)',
    '--vscode-button-secondaryHoverBackground': '#3c3c3c',
  },
  'high-contrast': {
    '--vscode-font-family': 'system-ui, sans-serif',
    '--vscode-font-size': '13px',
    '--vscode-editor-font-family': 'monospace',
    '--vscode-foreground': '#ffffff',
    '--vscode-editor-background': '#000000',
    '--vscode-editor-foreground': '#ffffff',
    '--vscode-descriptionForeground': '#ffffff',
    '--vscode-errorForeground': '#f48771',
    '--vscode-focusBorder': '#f38518',
    '--vscode-panel-border': '#6fc3df',
    '--vscode-widget-border': '#6fc3df',
    '--vscode-contrastBorder': '#6fc3df',
    '--vscode-button-background': '#000000',
    '--vscode-button-foreground': '#ffffff',
    '--vscode-button-hoverBackground': '#000000',
    '--vscode-button-secondaryBackground': '#000000',
    '--vscode-button-secondaryForeground': '#ffffff',
    '--vscode-input-background': '#000000',
    '--vscode-input-foreground': '#ffffff',
    '--vscode-input-border': '#6fc3df',
    '--vscode-settings-dropdownBackground': '#000000',
    '--vscode-settings-dropdownForeground': '#ffffff',
    '--vscode-settings-dropdownBorder': '#6fc3df',
    '--vscode-settings-dropdownListBorder': '#6fc3df',
    '--vscode-list-hoverBackground': 'transparent',
    '--vscode-list-activeSelectionBackground': 'transparent',
    '--vscode-list-activeSelectionForeground': '#ffffff',
    '--vscode-editorWidget-background': '#0c141f',
    '--vscode-sideBar-background': '#000000',
    '--vscode-textLink-foreground': '#21a6ff',
    '--vscode-badge-background': '#000000',
    '--vscode-badge-foreground': '#ffffff',
    '--vscode-charts-red': '#f48771',
    '--vscode-charts-green': '#89d185',
    '--vscode-charts-blue': '#75beff',
    '--vscode-charts-yellow': '#ffd700',
    '--vscode-charts-orange': '#ff8c00',
    '--vscode-charts-purple': '#b180d7',
    '--vscode-charts-foreground': '#ffffff',
    '--vscode-charts-lines': '#ffffff',
    '--vscode-testing-iconPassed': '#73c991',
    '--vscode-testing-iconFailed': '#f48771',
    '--vscode-testing-iconQueued': '#ffd700',
    '--vscode-editor-selectionBackground': '#ffffff',
    '--vscode-editor-findMatchHighlightBackground': 'transparent',
    '--vscode-sideBarSectionHeader-background': '#000000',
    '--vscode-sideBarTitle-foreground': '#ffffff',
    '--vscode-icon-foreground': '#ffffff',
    '--vscode-settings-textInputBackground': '#000000',
    '--vscode-settings-textInputForeground': '#ffffff',
    '--vscode-settings-textInputBorder': '#6fc3df',
    '--vscode-input-placeholderForeground': 'rgba(255,255,255,0.7)',
    '--vscode-settings-checkboxBackground': '#000000',
    '--vscode-settings-checkboxForeground': '#ffffff',
    '--vscode-settings-checkboxBorder': '#6fc3df',
    '--vscode-progressBar-background': '#6fc3df',
    '--vscode-button-border': '#6fc3df',
    '--vscode-button-secondaryHoverBackground': '#000000',
  },
};

const BODY_CLASS: Readonly<Record<Theme, string>> = { light: 'vscode-light', dark: 'vscode-dark', 'high-contrast': 'vscode-high-contrast' };

/** Chromium for the panel tests: launched once per test file. Skips (or fails under CI) without it. */
export async function launch(ctx: Mocha.Context): Promise<Browser | undefined> {
  const inst = findInstall();
  if (!inst) {
    const why = 'Chromium is not installed for the webview tests: run scripts/e2e-install.sh';
    if (process.env.CI) throw new Error(why);
    console.log(`      skipped: ${why}`);
    ctx.skip();
    return undefined;
  }
  return chromium.launch({
    executablePath: inst.chromium,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-dev-shm-usage',
    ],
  });
}

export interface PanelHandle {
  readonly page: Page;
  /** Everything the panel has posted so far. */
  posted(): Promise<PanelMessage[]>;
  /** Waits until the panel has posted a message of this type, and returns it. */
  waitForPost<T extends PanelMessage['type']>(type: T, ms?: number): Promise<Extract<PanelMessage, { type: T }>>;
  /** Sends a message as the extension would. */
  send(m: HostMessage): Promise<void>;
  /** The panel's saved state (setState). */
  state(): Promise<PanelState | undefined>;
  /** Saves a screenshot as test-results/webview/NAME.png. */
  shot(name: string): Promise<string>;
  /** Errors the page threw or logged, and CSP violations. */
  readonly errors: string[];
  close(): Promise<void>;
}

export interface OpenOptions {
  readonly theme?: Theme;
  /** A saved state to start from (as VS Code restores it after a reload). */
  readonly state?: PanelState;
  readonly viewport?: { width: number; height: number };
}

/** Opens a panel as VS Code would show it, with `bootstrap` rendered into the page. */
export async function openPanel(
  browser: Browser,
  kind: PanelKind,
  bootstrap: HostMessage | undefined,
  opts: OpenOptions = {},
): Promise<PanelHandle> {
  const theme = opts.theme ?? 'light';
  const page = await browser.newPage({ viewport: opts.viewport ?? { width: 1200, height: 800 } });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  await page.route(`${ORIGIN}/**`, async (route) => {
    const path = decodeURIComponent(new URL(route.request().url()).pathname);
    if (path === '/panel.html') {
      const html = panelHtml({
        kind,
        title: `knetlab ${kind}`,
        lang: bootstrap && 'lang' in bootstrap ? bootstrap.lang : 'en',
        script: `${ORIGIN}/dist/webview/${kind}.js`,
        style: `${ORIGIN}/dist/webview/${kind}.css`,
        cspSource: ORIGIN,
        nonce: nonce(),
        ...(bootstrap ? { bootstrap } : {}),
      });
      return route.fulfill({ status: 200, contentType: 'text/html', body: html });
    }
    const file = normalize(join(ROOT, path));
    if (!file.startsWith(join(ROOT, 'dist', 'webview'))) return route.fulfill({ status: 404, body: '' });
    const body = await readFile(file).catch(() => undefined);
    if (!body) return route.fulfill({ status: 404, body: '' });
    const type = file.endsWith('.js') ? 'text/javascript' : file.endsWith('.css') ? 'text/css' : 'application/octet-stream';
    return route.fulfill({ status: 200, contentType: type, body });
  });
  // The functions below reach the page as their source text; under tsx (esbuild's keepNames) that
  // text calls esbuild's `__name` helper, which the page does not have: give it one that does nothing.
  await page.addInitScript({ content: 'globalThis.__name ??= (f) => f;' });
  await page.addInitScript(
    ({ vars, bodyClass, state, kind }) => {
      const w = window as unknown as Record<string, unknown>;
      w['__posted'] = [];
      w['__state'] = state;
      const applyTheme = () => {
        const root = document.documentElement;
        for (const [k, v] of Object.entries(vars)) root.style.setProperty(k, v);
        if (document.body) {
          document.body.classList.add(bodyClass);
          document.body.dataset['vscodeThemeKind'] = bodyClass;
        }
      };
      document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`));
      document.addEventListener('DOMContentLoaded', applyTheme);
      let acquired = false;
      w['acquireVsCodeApi'] = () => {
        if (acquired) throw new Error('acquireVsCodeApi may only be called once');
        acquired = true;
        applyTheme();
        return {
          postMessage: (m: unknown) => (w['__posted'] as unknown[]).push(JSON.parse(JSON.stringify(m))),
          getState: () => w['__state'],
          setState: (s: unknown) => {
            w['__state'] = JSON.parse(JSON.stringify(s));
          },
        };
      };
      void kind;
    },
    { vars: THEMES[theme], bodyClass: BODY_CLASS[theme], state: opts.state, kind },
  );
  await page.goto(`${ORIGIN}/panel.html`);
  const handle: PanelHandle = {
    page,
    errors,
    posted: () => page.evaluate(() => (window as unknown as { __posted: PanelMessage[] }).__posted),
    async waitForPost(type, ms = 10_000) {
      const h = await page.waitForFunction(
        (t) => (window as unknown as { __posted: { type: string }[] }).__posted.find((m) => m.type === t),
        type,
        { timeout: ms },
      );
      return (await h.jsonValue()) as never;
    },
    send: (m) => page.evaluate((msg) => window.postMessage(msg, '*'), m),
    state: () => page.evaluate(() => (window as unknown as { __state: PanelState | undefined }).__state),
    async shot(name) {
      mkdirSync(SHOTS, { recursive: true });
      const file = join(SHOTS, `${name}.png`);
      await page.screenshot({ path: file, fullPage: false });
      return file;
    },
    close: () => page.close(),
  };
  return handle;
}
