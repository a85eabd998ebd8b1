/**
 * What the panels' tests share: the extension activated against the fake \`vscode\` with the panels'
 * bundles in place, and ways to see what a panel was given (its page's bootstrap data, the messages
 * posted to it).
 */
import * as fake from './vscode-fake';
import { strict as assert } from 'node:assert';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { ExtensionContext } from 'vscode';
import { activate, type Api } from '../../src/extension/extension';
import type { HostMessage } from '../../src/protocol/panels';
import { BOOTSTRAP_ID } from '../../src/protocol/panels';

export const repo = join(__dirname, '..', '..');
export const pkg = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8'));
export const LABS = readdirSync(join(repo, 'labs'), { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name);
export const LAB = '/ws/labs/02-gateway';
export const labUri = () => fake.Uri.file(LAB);

export const addLab = fake.addLab;

/** The extension's own files the panels load (the fake file system holds them). */
function addPanelBundles(): void {
  for (const kind of ['topology', 'trace', 'lab']) {
    fake.files.set(`/ext/dist/webview/${kind}.js`, '// bundle');
    fake.files.set(`/ext/dist/webview/${kind}.css`, '/* style */');
  }
}

/** The workspace's state (a Memento), kept across activations when a test passes the same one. */
export function memento(): { get<T>(k: string): T | undefined; update(k: string, v: unknown): Promise<void>; data: Map<string, unknown> } {
  const data = new Map<string, unknown>();
  return {
    data,
    get: <T>(k: string) => data.get(k) as T | undefined,
    update: async (k, v) => void data.set(k, JSON.parse(JSON.stringify(v))),
  };
}

let current: Api | undefined;

/** Activates the extension (with the panels' bundles unless told otherwise). */
export function start(withBundles = true, workspaceState?: ReturnType<typeof memento>): Api {
  if (withBundles) addPanelBundles();
  const context = {
    subscriptions: [],
    extensionUri: fake.Uri.file('/ext'),
    ...(workspaceState ? { workspaceState } : {}),
  } as unknown as ExtensionContext;
  current = activate(context);
  return current;
}

/** The extension started last. */
export function api(): Api {
  assert.ok(current, 'the extension is started');
  return current;
}

/** In a describe block: a fresh fake before each test, the extension disposed after it. */
export function withFakeExtension(): void {
  beforeEach(() => fake.reset());
  afterEach(() => {
    current?.ctx.dispose();
    current = undefined;
  });
}

/** Polls until `probe` gives a value (the panels answer messages asynchronously). */
export async function until<T>(probe: () => T | undefined | false, what: string, ms = 5000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = probe();
    if (v !== undefined && v !== false) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

export function panelOf(viewType: string, n = 0): fake.FakeWebviewPanel {
  const p = fake.webviewPanels.filter((x) => x.viewType === viewType)[n];
  assert.ok(p, `no ${viewType} panel (${fake.webviewPanels.map((x) => x.viewType).join(', ')})`);
  return p;
}

/** The bootstrap message rendered into a panel's page. */
export function bootstrapOf(html: string): HostMessage {
  const m = new RegExp(`<script type="application/json" id="${BOOTSTRAP_ID}">([\\s\\S]*?)</script>`).exec(html);
  assert.ok(m && m[1], 'the page has bootstrap data');
  return JSON.parse(m[1]) as HostMessage;
}

/** What the panel shows now: its last data message, else its bootstrap. */
export function shown(p: fake.FakeWebviewPanel): HostMessage {
  const data = p.webview.posted.filter((m) => m.type !== 'busy');
  return (data.length ? data[data.length - 1] : bootstrapOf(p.webview.html)) as HostMessage;
}

export function posted(p: fake.FakeWebviewPanel, type: string): HostMessage[] {
  return p.webview.posted.filter((m) => m.type === type) as HostMessage[];
}
