/**
 * End-to-end tests of the webview panels, in the session of vscode.e2e.ts: the topology drawn in
 * its webview, the lab panel (a quiz answered into answers.yaml, the lab graded, a failed check's
 * trace), the trace panel's event list and the packet's path on its drawing, the colour themes and
 * a reload; screenshots in test-results/.
 */
import * as assert from 'node:assert/strict';
import { cpSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { parseAnswers } from '../../src/core/grade/answers';
import { buildWorld, gradeFiles, loadLab, tracePacket } from '../../src/core';
import { readTree } from '../../src/cli/grade';
import { VERDICTS } from '../../webview/trace/strings';
import { removeDir, runCommand, screenshot, tempDir, waitForWorkbench, waitUntil } from './harness';
import { contributedCommands, measures, ROOT, type Session } from './session';

/** Declares the panel tests (a describe) inside the session's describe. */
export function panelTests(s: Session): void {
  const { newPage, writeUserSettings } = s;

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
      await page.goto(`${s.server.base}/?folder=${encodeURIComponent(labs)}`);
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
      // The grade it shows is the core's grade of the folder as it is now (the quiz answer included).
      const g = gradeFiles(readTree(lab02()), { displayPath: (p) => p });
      assert.ok(g.maxScore > 0 && g.score < g.maxScore, `the starter is not solved: ${g.score}/${g.maxScore}`);
      const num = (n: number) => String(Math.round(n * 100) / 100);
      assert.equal((await score.textContent())?.trim(), `${num(g.score)} of ${num(g.maxScore)} points`);
      const failed = g.exercises.filter((e) => !e.passed).map((e) => e.id);
      for (const e of g.exercises) {
        // as the lab view names it: passed, unanswered (only quizzes left open) or failed
        const open = e.checks.filter((c) => !c.passed);
        const want = e.passed ? 'passed' : open.every((c) => c.unanswered) ? 'unanswered' : 'failed';
        const state = await lab.locator(`vscode-collapsible[data-exercise="${e.id}"]`).getAttribute('class');
        assert.match(state ?? '', new RegExp(`\\bstate-${want}\\b`), `${e.id} (failed: ${failed.join(', ')})`);
      }
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
      const request = trace.locator('[role="listbox"][data-leg="0"][data-kind="request"] [role="option"]');
      await request.first().waitFor({ timeout: 30_000 });
      assert.ok((await request.count()) >= 2, "the request's steps are listed");
      const firstStep = (await request.first().textContent()) ?? '';
      assert.match(firstStep, /\ba\b/, firstStep);
      // The packet's path is marked on the drawing, and the verdict says it did not get there.
      await trace.locator('svg .knt-on-path').first().waitFor({ timeout: 30_000 });
      assert.ok((await trace.locator('svg .knt-node.knt-on-path[data-id="h:a"]').count()) > 0, 'the sender is on the path');
      // The verdict it shows is the core's for that check (a ping from a to 192.168.4.10), in words.
      const checkLine = readFileSync(join(lab02(), 'lab.yaml'), 'utf8')
        .split('\n')
        .filter((l) => /^\s*- (reach|route|output|quiz):/.test(l))
        .slice(0, 20);
      assert.ok(
        checkLine.some((l) => /- reach: \{ from: a, to: 192\.168\.4\.10 \}/.test(l)),
        'lab 02 checks a ping from a to c',
      );
      const loaded = loadLab(readFileSync(join(lab02(), 'lab.yaml'), 'utf8'), { file: 'lab.yaml' });
      assert.ok(loaded.lab);
      const want = tracePacket(buildWorld(loaded.lab).world, { from: { host: 'a', netns: '' }, to: '192.168.4.10', proto: 'icmp' });
      assert.notEqual(want.verdict, 'replied', 'the starter does not reach c yet');
      const badge = trace.locator('[data-verdict]').first();
      await badge.waitFor({ timeout: 15_000 });
      assert.equal(await badge.getAttribute('data-verdict'), want.verdict);
      assert.equal((await badge.textContent())?.trim(), VERDICTS[want.verdict].en);
      assert.equal((await trace.locator('#reason').first().textContent())?.trim(), want.reason.en);
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
      await trace.locator('[role="listbox"][data-leg="0"][data-kind="request"] [role="option"]').first().waitFor({ timeout: 30_000 });
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
}
