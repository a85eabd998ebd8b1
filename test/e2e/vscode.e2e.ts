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
 * Run with `npm run test:e2e` (which packages knetlab.vsix and builds the suite first).
 */
import * as assert from 'node:assert/strict';
import { cpSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { format } from 'node:util';
import type { Browser, Frame, Page } from 'playwright-core';
import { parseAnswers } from '../../src/core/grade/answers';
import {
  type CodeServer,
  type E2EInstall,
  RESULTS,
  findInstall,
  installExtension,
  launchChromium,
  removeDir,
  runCommand,
  screenshot,
  startCodeServer,
  tempDir,
  waitForWorkbench,
  waitUntil,
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
      writeFileSync(
        join(labs, '99-broken', 'lab.yaml'),
        good.replace('ip route add 192.168.2.0/24 via 192.168.1.1', 'ip route add 192.168.2.0/24 via 192.168.9.1'),
      );
      page = await newPage('ui');
      // No chat side bar and no welcome page: nothing to take the focus from the editor.
      writeUserSettings({
        'chat.disableAIFeatures': true,
        'workbench.secondarySideBar.defaultVisibility': 'hidden',
        'workbench.startupEditor': 'none',
      });
      await page.goto(`${server!.base}/?folder=${encodeURIComponent(labs)}`);
      await waitForWorkbench(page);
    });

    afterEach(async function () {
      if (this.currentTest?.state !== 'failed' || !page) return;
      // What the window showed when a step failed: a screenshot, the tab, the Problems rows.
      const name = `ui-failed-${this.currentTest.title.replace(/[^a-z0-9]+/gi, '-').slice(0, 40)}`;
      await screenshot(page, name).catch(() => undefined);
      const tab = await page
        .locator('.tab.active')
        .first()
        .innerText()
        .catch(() => '?');
      const rows = await page
        .locator('.markers-panel .monaco-list-row')
        .allInnerTexts()
        .catch(() => []);
      console.log(`      failed step: test-results/${name}.png; active tab: ${tab}; Problems rows: ${JSON.stringify(rows)}`);
    });

    after(async () => {
      if (page) await screenshot(page, 'ui-last').catch(() => undefined);
      await page?.close();
      removeDir(labs);
    });

    it("shows the broken lab's error in the Problems panel", async () => {
      await page.keyboard.press('Control+P');
      await page.locator('.quick-input-widget input').fill('99-broken/lab.yaml');
      await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'lab.yaml' }).first().waitFor({ timeout: 15_000 });
      await page.keyboard.press('Enter');
      await page.locator('.monaco-editor .view-lines').first().waitFor({ timeout: 15_000 });
      // No more keystrokes (a palette that loses focus to a panel let them land in the lab once):
      // the status bar's problems item, once it counts an error, opens the Problems panel.
      const problems = page.locator('#status\\.problems');
      await problems.filter({ hasText: /[1-9]/ }).first().waitFor({ timeout: 60_000 });
      await problems.first().click();
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
      await page
        .locator('.monaco-editor .view-lines', { hasText: 'ip route add 192.168.2.0/24 via 192.168.1.1' })
        .first()
        .waitFor({ timeout: 15_000 });
      // Go to the first reach check (a "Run trace" CodeLens sits above it) so that the lens is on screen.
      const text = readFileSync(join(labs, '02-gateway', 'lab.yaml'), 'utf8').split('\n');
      const line = text.findIndex((l) => /^\s*- reach:/.test(l)) + 1;
      assert.ok(line > 0, 'lab 02 has a reach check');
      await page.keyboard.press('Control+G');
      await page.locator('.quick-input-widget input').fill(`:${line}`);
      await page.keyboard.press('Enter');
      const lens = page
        .locator('.monaco-editor .codelens-decoration a', { hasText: /Run trace/i })
        .filter({ visible: true })
        .first();
      await lens.waitFor({ timeout: 60_000 });
      await screenshot(page, 'codelens');
      await lens.click();
      // The trace is printed in the knetlab output channel: "FROM -> ADDR PROTO: OUTCOME: ..." then its steps.
      // The lens of an ICMP check passes no protocol, and knetlab.runTrace asks: take the default.
      const output = page.locator('.part.panel .view-lines', { hasText: /->.*(ping|tcp|udp)/ }).first();
      const question = page
        .locator('.quick-input-widget', { has: page.locator('input[placeholder="Protocol"]') })
        .filter({ visible: true });
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
      const busy = page.locator(
        '.test-explorer .codicon-testing-queued-icon, .test-explorer .codicon-testing-loading-icon, .test-explorer .codicon-loading',
      );
      await waitUntil(async () => (await results.count()) > 0 && (await busy.count()) === 0, 90_000, 'the test run to finish');
      // Every lab of the folder has a result (the starters fail some exercises, 99-broken fails to load).
      const labRows = page.locator('.test-explorer .monaco-list-row[aria-level="1"]');
      const unrun = labRows.filter({
        hasNot: page.locator('.codicon-testing-passed-icon, .codicon-testing-failed-icon, .codicon-testing-error-icon'),
      });
      assert.equal(await unrun.count(), 0, `labs without a result: ${(await unrun.allInnerTexts()).join(', ')}`);
      await screenshot(page, 'testing-view');
    });
  });

  describe('the webview panels', () => {
    let labs: string;
    let page: Page;
    const lab02 = () => join(labs, '02-gateway');
    // Titles as the palette shows them: the manifest's %keys% resolved with package.nls.json.
    const nls = JSON.parse(readFileSync(join(ROOT, 'package.nls.json'), 'utf8')) as Record<string, string>;
    const title = (id: string) =>
      contributedCommands()
        .get(id)!
        .replace(/%([^%]+)%/g, (_m, k: string) => nls[k] ?? k);

    before(async function () {
      this.timeout(120_000);
      labs = tempDir('knetlab-panels-');
      cpSync(join(ROOT, 'labs'), labs, { recursive: true });
      // Room for the panels beside the editor: no chat in the secondary side bar.
      writeUserSettings({ 'workbench.secondarySideBar.defaultVisibility': 'hidden' });
      page = await newPage('panels');
      await page.goto(`${server!.base}/?folder=${encodeURIComponent(labs)}`);
      await waitForWorkbench(page);
      await runCommand(page, 'View: Toggle Primary Side Bar Visibility'); // the Explorer: more room still
    });

    after(async () => {
      if (page) await screenshot(page, 'panels-last').catch(() => undefined);
      await page?.close();
      removeDir(labs);
      writeUserSettings({});
    });

    /** Opens a file of the folder in the editor through Quick Open. */
    async function openFile(path: string, hasText: string): Promise<void> {
      await page.keyboard.press('Escape');
      await page.keyboard.press('Control+P');
      await page.locator('.quick-input-widget input').fill(path);
      const row = page.locator('.quick-input-widget .monaco-list-row', { hasText }).first();
      await row.waitFor({ timeout: 15_000 });
      await row.click();
      await page.locator('.monaco-editor .view-lines').first().waitFor({ timeout: 15_000 });
    }

    /**
     * The page of a knetlab panel: a webview is two nested iframes (`iframe.webview.ready`, then
     * `iframe#active-frame`); the panel's page is the frame whose body says which panel it is.
     */
    async function panelFrame(kind: 'topology' | 'trace' | 'lab', ms = 60_000): Promise<Frame> {
      let found: Frame | undefined;
      await waitUntil(
        async () => {
          for (const f of page.frames()) {
            if (f.isDetached()) continue;
            if (
              (await f
                .locator(`body[data-panel="${kind}"]`)
                .count()
                .catch(() => 0)) > 0
            ) {
              found = f;
              return true;
            }
          }
          return false;
        },
        ms,
        `the ${kind} panel's page in a webview`,
      );
      return found!;
    }

    it("draws the lab's topology in the topology panel; a click on a host reveals its line", async () => {
      await openFile('02-gateway/lab.yaml', '02-gateway');
      await runCommand(page, title('knetlab.showTopology'));
      const t0 = performance.now();
      const topo = await panelFrame('topology');
      // Every host and switch of the lab is a node of the SVG, named; the ports carry their addresses.
      for (const id of ['h:a', 'h:b', 'h:r', 's:lan1', 's:lan2']) {
        await topo.locator(`svg .knt-node[data-id="${id}"]`).first().waitFor({ timeout: 30_000 });
      }
      measures['topology-panel-drawn'] =
        `${(performance.now() - t0).toFixed(0)} ms (command to the lab's nodes in the webview's SVG, first panel of the session)`;
      console.log(`      knetlab-measure topology-panel-drawn ${measures['topology-panel-drawn']}`);
      const titles = await topo.locator('svg text.knt-title').allTextContents();
      for (const name of ['a', 'b', 'r', 'lan1', 'lan2']) assert.ok(titles.includes(name), `a label "${name}" in ${titles.join(', ')}`);
      const ports = (await topo.locator('svg text.knt-label').allTextContents()).join(' | ');
      assert.match(ports, /eth0 192\.168\.1\.10\/24/);
      assert.match(ports, /192\.168\.2\.1\/24/);
      const label = await topo.locator('svg .knt-node[data-id="h:a"]').first().getAttribute('aria-label');
      assert.match(label ?? '', /192\.168\.1\.10/, "a node's accessible name holds its addresses");
      await screenshot(page, 'panel-topology');
      // Click host b: the lab file opens at b's declaration.
      const text = readFileSync(join(lab02(), 'lab.yaml'), 'utf8').split('\n');
      const bLine = text.findIndex((l) => /^ {2}b:/.test(l)) + 1;
      assert.ok(bLine > 0);
      await topo.locator('svg .knt-node[data-id="h:b"] .knt-frame').first().click();
      await page
        .locator('.statusbar-item', { hasText: new RegExp(`Ln ${bLine},`) })
        .first()
        .waitFor({ timeout: 30_000 });
    });

    it('answers a quiz in the lab panel (written to answers.yaml) and grades the lab', async () => {
      await runCommand(page, 'View: Close All Editor Groups');
      await openFile('02-gateway/lab.yaml', '02-gateway');
      await runCommand(page, title('knetlab.openLab'));
      const lab = await panelFrame('lab');
      const exercise = lab.locator('vscode-collapsible[data-exercise="return-route"]');
      await exercise.waitFor({ timeout: 30_000 });
      await screenshot(page, 'panel-lab');
      // Open the exercise, pick an answer to its first question, save it.
      if (!(await exercise.evaluate((c) => (c as unknown as { open: boolean }).open)))
        await exercise.locator('.collapsible-header').first().click();
      const choices = lab.locator('[data-key="quiz:return-route#1:choices"]');
      await choices.waitFor({ timeout: 15_000 });
      await choices.locator('vscode-radio[value="r"]').click();
      await lab.locator('[data-key="quiz:return-route#1:save"]').click();
      const answers = join(lab02(), 'answers.yaml');
      await waitUntil(() => existsSync(answers) && /return-route:/.test(readFileSync(answers, 'utf8')), 30_000, 'answers.yaml written');
      // Read back as the grader reads it: the first answer of the exercise's list.
      const saved = readFileSync(answers, 'utf8');
      assert.equal(parseAnswers(saved, 'answers.yaml').answers.byExercise.get('return-route')?.[0], 'r', saved);
      // Grade: the score replaces "not graded", and the failed exercises show their state.
      const score = lab.locator('#score-text');
      const before = (await score.textContent()) ?? '';
      await lab.locator('[data-key="grade-lab"]').click();
      await waitUntil(async () => ((await score.textContent()) ?? '') !== before, 60_000, 'the score after grading');
      assert.match((await score.textContent()) ?? '', /\d/);
      await lab.locator('vscode-collapsible[data-exercise="a-reaches-c"].state-failed').waitFor({ timeout: 15_000 });
      await screenshot(page, 'panel-lab-graded');
    });

    it("a failed check's Trace button shows its trace: the event list and the path on the drawing", async () => {
      const lab = await panelFrame('lab');
      const exercise = lab.locator('vscode-collapsible[data-exercise="a-reaches-c"]');
      if (!(await exercise.evaluate((c) => (c as unknown as { open: boolean }).open)))
        await exercise.locator('.collapsible-header').first().click();
      await exercise.locator('[data-key="trace:a-reaches-c:1"]').click();
      const trace = await panelFrame('trace');
      const request = trace.locator('[role="listbox"][data-leg="request"] [role="option"]');
      await request.first().waitFor({ timeout: 30_000 });
      assert.ok((await request.count()) >= 2, "the request's steps are listed");
      const firstStep = (await request.first().textContent()) ?? '';
      assert.match(firstStep, /\ba\b/, firstStep);
      // The packet's path is marked on the drawing, and the verdict says it did not get there.
      await trace.locator('svg .knt-on-path').first().waitFor({ timeout: 30_000 });
      assert.ok((await trace.locator('svg .knt-node.knt-on-path[data-id="h:a"]').count()) > 0, 'the sender is on the path');
      await trace.locator('[data-verdict]').first().waitFor({ timeout: 15_000 });
      assert.notEqual(await trace.locator('[data-verdict]').first().getAttribute('data-verdict'), 'replied');
      // Stepping forward moves the current step.
      await request.first().click();
      await page.keyboard.press('ArrowRight');
      await trace.locator('[role="option"][aria-selected="true"][data-index="1"]').first().waitFor({ timeout: 15_000 });
      await screenshot(page, 'panel-trace');
    });

    it('follows the colour theme: light and high contrast', async () => {
      for (const [theme, workbench, body] of [
        ['Light Modern', 'vs', 'vscode-light'],
        ['Dark High Contrast', 'hc-black', 'vscode-high-contrast'],
        ['Dark Modern', 'vs-dark', 'vscode-dark'],
      ] as const) {
        // The palette lists "Browse Color Themes in Marketplace" first: pick the command by its exact name.
        const input = page.locator('.quick-input-widget input');
        const command = page
          .locator('.quick-input-widget .monaco-list-row')
          .filter({ has: page.locator('.label-name', { hasText: /^Preferences: Color Theme$/ }) })
          .first();
        await waitUntil(
          async () => {
            await page.keyboard.press('Escape');
            await page.keyboard.press('F1');
            await input.waitFor({ timeout: 5_000 });
            await input.fill('>Preferences: Color Theme');
            return command.waitFor({ timeout: 2_000 }).then(
              () => true,
              () => false,
            );
          },
          30_000,
          'Preferences: Color Theme in the palette',
        );
        await command.click();
        await input.fill(theme);
        const row = page.locator('.quick-input-widget .monaco-list-row', { hasText: theme }).first();
        await row.waitFor({ timeout: 15_000 });
        await row.click();
        await page.locator(`.monaco-workbench.${workbench}`).waitFor({ timeout: 30_000 });
        const trace = await panelFrame('trace');
        await trace.locator(`body.${body}`).waitFor({ timeout: 30_000 });
        if (body !== 'vscode-dark') await screenshot(page, `panel-trace-${body.replace('vscode-', '')}`);
      }
    });

    it('brings the panels back after a reload (their serializers), redrawn from the lab', async () => {
      await page.reload();
      await page.locator('.monaco-workbench .part.statusbar').waitFor({ timeout: 60_000 });
      // The lab and trace panels were open, each the visible tab of its group: both come back.
      const trace = await panelFrame('trace');
      await trace.locator('[role="listbox"][data-leg="request"] [role="option"]').first().waitFor({ timeout: 30_000 });
      await trace.locator('svg .knt-node.knt-on-path[data-id="h:a"]').first().waitFor({ timeout: 30_000 });
      const lab = await panelFrame('lab');
      await lab.locator('vscode-collapsible[data-exercise="return-route"]').waitFor({ timeout: 30_000 });
      // It showed a grade: it shows one again (the lab graded as it is now).
      await lab.locator('vscode-collapsible[data-exercise="a-reaches-c"].state-failed').waitFor({ timeout: 30_000 });
      const tab = page.locator('.tabs-container .tab', { hasText: 'Trace: a → 192.168.4.10' });
      assert.equal(await tab.count(), 1, 'the trace panel keeps its title');
      await screenshot(page, 'panels-restored');
    });
  });
});
