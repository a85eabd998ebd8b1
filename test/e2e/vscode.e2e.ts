/**
 * End-to-end tests in a real VS Code (code-server 4.139.1 = VS Code 1.139.1, Chromium):
 *   1. the extension-host mocha suite (test/extension/suite), through the smoke-test driver, in
 *      code-server's Node extension host and again in its web worker extension host (the browser
 *      build, as vscode.dev runs it);
 *   2. the UI: the labs folder, a broken lab's error in the Problems panel, "Run trace" from a
 *      CodeLens, the exercises run from the Testing view; screenshots in test-results/.
 * Run with `npm run test:e2e` (which packages knetlab.vsix and builds the suite first).
 */
import * as assert from 'node:assert/strict';
import { cpSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { format } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import {
  type CodeServer, type E2EInstall, RESULTS, findInstall, installExtension, launchChromium, removeDir, runCommand,
  screenshot, startCodeServer, tempDir, waitForWorkbench, waitUntil,
} from './harness';

const ROOT = resolve(__dirname, '..', '..');
const VSIX = join(ROOT, 'knetlab.vsix');
const SUITE = join(ROOT, 'out', 'test', 'extension', 'suite', 'index.js');
const WEB_SUITE = join(ROOT, 'out', 'test', 'extension', 'web', 'index.js');
const EXTENSION_ID = 'knetlab.knetlab';
const measures: Record<string, string> = {};

function contributedCommands(): Map<string, string> {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  const cmds: { command: string; title: string; category?: string }[] = pkg.contributes?.commands ?? [];
  return new Map(cmds.map((c) => [c.command, c.category ? `${c.category}: ${c.title}` : c.title]));
}

describe('knetlab in a real VS Code (code-server + Chromium)', function () {
  this.timeout(120_000);
  let inst: E2EInstall;
  let home: string | undefined;
  let server: CodeServer | undefined;
  let browser: Browser | undefined;

  before(async function () {
    this.timeout(180_000);
    const found = findInstall();
    if (!found) throw new Error('code-server, Node 24 and Chromium are not installed: run scripts/e2e-install.sh');
    inst = found;
    mkdirSync(RESULTS, { recursive: true });
    writeFileSync(join(RESULTS, 'code-server.log'), '');
    const size = statSync(VSIX).size;
    measures['vsix-size'] = `${(size / 1024).toFixed(1)} KB (target < 2 MB: ${size < 2 * 1024 * 1024 ? 'PASS' : 'MISS'})`;
    console.log(`      knetlab-measure vsix-size ${measures['vsix-size']}`);
    assert.ok(size < 2 * 1024 * 1024, `knetlab.vsix is ${size} bytes, over 2 MB`);
    home = tempDir('knetlab-e2e-');
    const out = await installExtension(inst, home, VSIX);
    assert.match(out, /successfully installed/i, out);
    server = await startCodeServer(inst, home, ['--vscode-option', 'enable-smoke-test-driver']);
    browser = await launchChromium(inst, home);
  });

  after(() => {
    const file = join(RESULTS, 'e2e-measurements.json');
    writeFileSync(file, JSON.stringify(measures, null, 2) + '\n');
    const closing = browser?.close().catch(() => undefined);
    server?.stop();
    return Promise.resolve(closing).finally(() => removeDir(home));
  });

  async function newPage(name: string): Promise<Page> {
    const page = await browser!.newPage({ viewport: { width: 1400, height: 900 } });
    const log: string[] = [];
    page.on('console', (m) => log.push(`[${m.type()}] ${m.text()}`));
    page.on('close', () => writeFileSync(join(RESULTS, `${name}.console.log`), log.join('\n') + '\n'));
    return page;
  }

  /**
   * Runs an extension-host suite through the smoke-test driver: `kind` node = code-server's Node
   * extension host with dist/extension.js; web = its web worker extension host (in Chromium) with
   * dist/web/extension.js, the build vscode.dev runs.
   */
  async function runSuite(kind: 'node' | 'web'): Promise<void> {
    const ws = tempDir('knetlab-ws-'); // empty: nothing activates the extension before the suite times it
    const name = kind === 'node' ? 'extension-host-suite' : 'web-extension-host-suite';
    const page = await newPage(name);
    try {
      const lines: string[] = [];
      let exit!: (code: number) => void;
      const exited = new Promise<number>((r) => (exit = r));
      await page.exposeFunction('codeAutomationLog', (type: string, args: unknown[]) => {
        const text = format(...(Array.isArray(args) ? args : [args]));
        for (const l of text.split('\n')) lines.push(type === 'error' ? `[error] ${l}` : l);
      });
      await page.exposeFunction('codeAutomationExit', (code: number) => exit(code));
      const remote = (p: string) => `vscode-remote://127.0.0.1:${server!.port}${p}`;
      const payload = [['extensionDevelopmentPath', remote(ROOT)], ['extensionTestsPath', remote(kind === 'node' ? SUITE : WEB_SUITE)]];
      // Run it where a `web` extension runs: the user setting `remote.extensionKind` (the payload's
      // extensionDevelopmentKind is not read by the browser workbench of code-server 4.139.1).
      writeUserSettings(kind === 'web' ? { 'remote.extensionKind': { [EXTENSION_ID]: ['web'] } } : {});
      await page.goto(`${server!.base}/?folder=${encodeURIComponent(ws)}&payload=${encodeURIComponent(JSON.stringify(payload))}`);
      let timer: NodeJS.Timeout | undefined;
      const code = await Promise.race([
        exited,
        new Promise<number>((_, rej) => (timer = setTimeout(() => rej(new Error('the suite did not finish in 200 s')), 200_000))),
      ]).finally(() => {
        clearTimeout(timer);
        writeFileSync(join(RESULTS, `${name}.log`), lines.join('\n') + '\n');
      });
      for (const l of lines) {
        const m = /knetlab-measure (\S+) (.*)$/.exec(l);
        if (m) measures[kind === 'node' ? m[1]! : `web-${m[1]!}`] = m[2]!;
      }
      // The workbench logs its own chatter through the same channel: show the suite's lines only.
      const begin = lines.indexOf('knetlab-suite-begin');
      const end = lines.indexOf('knetlab-suite-end');
      const suite = begin < 0 ? lines : lines.slice(begin + 1, end < 0 ? undefined : end);
      console.log(suite.filter((l) => !/^(\[error\] )?\[[A-Za-z ]+\]/.test(l)).map((l) => `      | ${l}`).join('\n'));
      assert.ok(begin >= 0, `the suite did not start (test-results/${name}.log)`);
      assert.equal(code, 0, `the extension-host suite failed (test-results/${name}.log)`);
    } finally {
      await page.close();
      removeDir(ws);
      writeUserSettings({});
    }
  }

  /** code-server's user settings (read by each new workbench). */
  function writeUserSettings(settings: Record<string, unknown>): void {
    const dir = join(home!, 'user-data', 'User');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'settings.json'), JSON.stringify(settings, null, 2) + '\n');
  }

  it('passes the extension-host suite (mocha, in the real extension host)', async function () {
    this.timeout(240_000);
    await runSuite('node');
  });

  it('passes the same suite in the web worker extension host, with the browser build', async function () {
    this.timeout(240_000);
    await runSuite('web');
  });

  describe('the UI', () => {
    let labs: string;
    let page: Page;
    const commands = contributedCommands();

    before(async function () {
      this.timeout(120_000);
      // A copy of labs/ with one broken lab: a route via a gateway on no connected subnet.
      labs = tempDir('knetlab-labs-');
      cpSync(join(ROOT, 'labs'), labs, { recursive: true });
      const good = readFileSync(join(ROOT, 'labs', '02-gateway', 'lab.yaml'), 'utf8');
      mkdirSync(join(labs, '99-broken'));
      writeFileSync(join(labs, '99-broken', 'lab.yaml'),
        good.replace('ip route add 192.168.2.0/24 via 192.168.1.1', 'ip route add 192.168.2.0/24 via 192.168.9.1'));
      page = await newPage('ui');
      await page.goto(`${server!.base}/?folder=${encodeURIComponent(labs)}`);
      await waitForWorkbench(page);
    });

    after(async () => {
      if (page) await screenshot(page, 'ui-last').catch(() => undefined);
      await page?.close();
      removeDir(labs);
    });

    it('shows the broken lab\'s error in the Problems panel', async () => {
      await page.keyboard.press('Control+P');
      await page.locator('.quick-input-widget input').fill('99-broken/lab.yaml');
      await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'lab.yaml' }).first().waitFor({ timeout: 15_000 });
      await page.keyboard.press('Enter');
      await page.locator('.monaco-editor .view-lines').first().waitFor({ timeout: 15_000 });
      // Keystrokes that ever land in the editor instead of a palette would change the lab (seen once
      // in CI: a YAML error on line 1 instead of the expected one): start from the file on disk.
      await runCommand(page, 'File: Revert File');
      await runCommand(page, 'View: Focus Problems');
      const row = page.locator('.markers-panel .monaco-list-row', { hasText: 'Nexthop has invalid gateway' });
      await row.first().waitFor({ timeout: 60_000 });
      await screenshot(page, 'problems-panel');
    });

    it('runs "Run trace" from a CodeLens', async function () {
      if (!commands.has('knetlab.runTrace')) this.skip();
      await page.keyboard.press('Control+P');
      await page.locator('.quick-input-widget input').fill('02-gateway/lab.yaml');
      // Not the recently opened 99-broken/lab.yaml (a copy of this lab): the row that names 02-gateway.
      const row = page.locator('.quick-input-widget .monaco-list-row', { hasText: '02-gateway' }).first();
      await row.waitFor({ timeout: 15_000 });
      await row.click();
      await page.locator('.monaco-editor .view-lines', { hasText: 'ip route add 192.168.2.0/24 via 192.168.1.1' }).first().waitFor({ timeout: 15_000 });
      // Go to the first reach check (a "Run trace" CodeLens sits above it) so that the lens is on screen.
      const text = readFileSync(join(labs, '02-gateway', 'lab.yaml'), 'utf8').split('\n');
      const line = text.findIndex((l) => /^\s*- reach:/.test(l)) + 1;
      assert.ok(line > 0, 'lab 02 has a reach check');
      await page.keyboard.press('Control+G');
      await page.locator('.quick-input-widget input').fill(`:${line}`);
      await page.keyboard.press('Enter');
      const lens = page.locator('.monaco-editor .codelens-decoration a', { hasText: /Run trace/i }).filter({ visible: true }).first();
      await lens.waitFor({ timeout: 60_000 });
      await screenshot(page, 'codelens');
      await lens.click();
      // The trace is printed in the knetlab output channel: "FROM -> ADDR PROTO: OUTCOME: ..." then its steps.
      // The lens of an ICMP check passes no protocol, and knetlab.runTrace asks: take the default.
      const output = page.locator('.part.panel .view-lines', { hasText: /->.*(ping|tcp|udp)/ }).first();
      const question = page.locator('.quick-input-widget', { has: page.locator('input[placeholder="Protocol"]') }).filter({ visible: true });
      await output.or(question).first().waitFor({ timeout: 60_000 });
      if (await question.isVisible()) {
        console.log('      note: "Run trace" asked for the protocol (its CodeLens passes none); answering the default');
        await page.keyboard.press('Enter');
      }
      await output.waitFor({ timeout: 60_000 });
      await screenshot(page, 'run-trace');
    });

    it('runs the exercises from the Testing view', async function () {
      await runCommand(page, 'Testing: Focus on Test Explorer View');
      const items = page.locator('.test-explorer .monaco-list-row');
      await items.first().waitFor({ timeout: 60_000 });
      await runCommand(page, 'Test: Run All Tests');
      // Done when some exercise has a result and nothing is queued or running any more.
      const results = page.locator('.test-explorer .codicon-testing-passed-icon, .test-explorer .codicon-testing-failed-icon');
      const busy = page.locator('.test-explorer .codicon-testing-queued-icon, .test-explorer .codicon-testing-loading-icon, .test-explorer .codicon-loading');
      await waitUntil(async () => (await results.count()) > 0 && (await busy.count()) === 0, 90_000, 'the test run to finish');
      // Every lab of the folder has a result (the starters fail some exercises, 99-broken fails to load).
      const labRows = page.locator('.test-explorer .monaco-list-row[aria-level="1"]');
      const unrun = labRows.filter({ hasNot: page.locator('.codicon-testing-passed-icon, .codicon-testing-failed-icon, .codicon-testing-error-icon') });
      assert.equal(await unrun.count(), 0, `labs without a result: ${(await unrun.allInnerTexts()).join(', ')}`);
      await screenshot(page, 'testing-view');
    });
  });
});
