/**
 * End-to-end tests in a real VS Code (code-server 4.139.1 = VS Code 1.139.1, Chromium):
 *   1. the extension-host mocha suite (test/extension/suite), through the smoke-test driver, in
 *      code-server's Node extension host and again in its web worker extension host (the browser
 *      build, as vscode.dev runs it);
 *   2. the UI: the labs folder, a broken lab's error in the Problems panel, "Run trace" from a
 *      CodeLens, the exercises run from the Testing view; screenshots in test-results/;
 *   3. the webview panels: the topology drawn in its webview, the lab panel (a quiz answered into
 *      answers.yaml, the lab graded, a failed check's trace), the trace panel's event list and the
 *      packet's path on its drawing; screenshots in test-results/.
 * The UI tests are in ui.ts, the panels' in panels.ts; all run in this file's one session.
 * Run with `npm run test:e2e` (which packages knetlab.vsix and builds the suite first).
 */
import * as assert from 'node:assert/strict';
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { format } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import {
  type CodeServer,
  type E2EInstall,
  RESULTS,
  findInstall,
  installExtension,
  launchChromium,
  removeDir,
  startCodeServer,
  tempDir,
} from './harness';
import { panelTests } from './panels';
import { EXTENSION_ID, measures, ROOT, type Session, SUITE, VSIX, WEB_SUITE } from './session';
import { uiTests } from './ui';

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
      const payload = [
        ['extensionDevelopmentPath', remote(ROOT)],
        ['extensionTestsPath', remote(kind === 'node' ? SUITE : WEB_SUITE)],
      ];
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
      console.log(
        suite
          .filter((l) => !/^(\[error\] )?\[[A-Za-z ]+\]/.test(l))
          .map((l) => `      | ${l}`)
          .join('\n'),
      );
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

  const session: Session = {
    get server() {
      return server!;
    },
    newPage,
    writeUserSettings,
  };

  uiTests(session);

  panelTests(session);
});
