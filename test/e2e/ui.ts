/**
 * End-to-end tests of the UI, in the session of vscode.e2e.ts: the labs folder, a broken lab's
 * error in the Problems panel, "Run trace" from a CodeLens, the exercises run from the Testing
 * view; screenshots in test-results/.
 */
import * as assert from 'node:assert/strict';
import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { removeDir, runCommand, screenshot, tempDir, waitForWorkbench, waitUntil } from './harness';
import { contributedCommands, ROOT, type Session } from './session';
import { buildWorld, gradeFiles, loadLab, parseEndpoint, tracePacket } from '../../src/core';
import { readTree } from '../../src/cli/grade';

/** A regular expression for `text` as Monaco renders it (spaces may be no-break spaces). */
function spaced(text: string): RegExp {
  return new RegExp(text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&').replace(/ /g, '[\\s\\u00a0]'));
}

/** The first line "Run trace" prints for a ping from `from` to `to` in the lab at `dir`, up to the reason. */
function expectedHeadline(dir: string, from: string, to: string): string {
  const loaded = loadLab(readFileSync(join(dir, 'lab.yaml'), 'utf8'), { file: 'lab.yaml' });
  assert.ok(loaded.lab, 'the lab loads');
  const ep = parseEndpoint(from);
  assert.ok(ep, from);
  const res = tracePacket(buildWorld(loaded.lab).world, { from: ep, to, proto: 'icmp' });
  return `${from} -> ${to} ping: ${res.verdict.toUpperCase()}:`;
}

/** How the Testing view should mark each lab folder of `labs`: the core's grade of it. */
function expectedResults(labs: string): Map<string, 'passed' | 'failed' | 'error'> {
  const out = new Map<string, 'passed' | 'failed' | 'error'>();
  for (const d of readdirSync(labs, { withFileTypes: true })) {
    if (!d.isDirectory()) continue;
    const g = gradeFiles(readTree(join(labs, d.name)), { displayPath: (p) => p });
    const result = g.diagnostics.some((x) => x.severity === 'error') ? 'error' : g.exercises.every((e) => e.passed) ? 'passed' : 'failed';
    out.set(d.name, result);
  }
  return out;
}

/** Declares the UI tests (a describe) inside the session's describe. */
export function uiTests(s: Session): void {
  const { newPage, writeUserSettings } = s;

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
      await page.goto(`${s.server.base}/?folder=${encodeURIComponent(labs)}`);
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
      // The verdict it shows is the simulator's for that check: the same trace run here through the core.
      const check = /reach: \{ from: ([\w/-]+), to: ([\d.]+) \}/.exec(text[line - 1]!);
      assert.ok(check, `line ${line} is an ICMP reach check: ${text[line - 1]}`);
      const expected = expectedHeadline(join(labs, '02-gateway'), check[1]!, check[2]!);
      assert.doesNotMatch(expected, /: REPLIED:/, 'the starter lab does not answer this check yet');
      const shown = page.locator('.part.panel .view-lines', { hasText: spaced(expected) }).first();
      await shown.waitFor({ timeout: 30_000 }).catch(async () => {
        const lines = (await page.locator('.part.panel .view-lines').first().innerText()).replace(/\u00a0/g, ' ');
        assert.fail(`the output does not show "${expected}":\n${lines}`);
      });
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
      // Every lab of the folder has a row ("99-broken851ms", "Gateways (02-gateway)1.0s"), and its result is the grade the core gives it: errored (its
      // lab.yaml does not build), passed (every exercise), or failed; the starters fail some, and
      // 99-broken errors. (Rows are found by the lab's folder name, which every lab row shows: the
      // rows' aria-level is not the tree depth one would think, and matched nothing.)
      const expected = expectedResults(labs);
      assert.equal(expected.get('99-broken'), 'error');
      assert.ok([...expected.values()].includes('failed'), JSON.stringify([...expected]));
      const icons = { passed: 'passed', failed: 'failed', error: 'error' } as const;
      for (const [dir, result] of expected) {
        const row = items.filter({ hasText: new RegExp(`(^|\\()${dir}(\\)|\\d|$)`) });
        assert.equal(await row.count(), 1, `one row for ${dir} among ${JSON.stringify(await items.allInnerTexts())}`);
        const text = await row.innerText();
        for (const [other, cls] of Object.entries(icons)) {
          const has = (await row.locator(`.codicon-testing-${cls}-icon`).count()) > 0;
          assert.equal(
            has,
            other === result,
            `${dir}: ${result}, as the core grades it; the row "${text}" ${has ? 'has' : 'lacks'} the ${cls} icon`,
          );
        }
      }
      await screenshot(page, 'testing-view');
    });
  });
}
