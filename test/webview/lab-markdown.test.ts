/**
 * The lab panel (webview/lab) in headless Chromium, on made-up views: Markdown rendered with raw
 * HTML escaped and nothing loaded from anywhere, short-answer quizzes, a lab that does not load,
 * grading problems shown as warnings, and the accessibility of every control. Split from
 * lab.test.ts, which goes through every bundled lab.
 */
import { strict as assert } from 'node:assert';
import { loadLabFor } from '../../src/core/check/check';
import { parseAnswers } from '../../src/core/grade/answers';
import { gradeLab } from '../../src/core/grade/grade';
import { labErrorsView, labView } from '../../src/core/view/lab';
import type { LabView } from '../../src/core/view/types';
import type { HostMessage } from '../../src/protocol/panels';
import { S, t } from '../../webview/lab/strings';
import { allOpen, FIXTURES, msg, ORIGIN, sel, useLabPanels } from './lab-helpers';

describe('lab panel (webview/lab) in Chromium: Markdown, short answers, errors', function () {
  this.timeout(120_000);
  const { openWatched, closeClean } = useLabPanels();

  describe('Markdown, short answers, errors', () => {
    const f = FIXTURES[0]!;
    const withTask = (md: string): LabView => ({
      ...f.fresh,
      exercises: f.fresh.exercises.map((e, i) => (i === 0 ? { ...e, task: { en: md, ko: md } } : e)),
    });

    it('renders Markdown: headings, lists, code, tables; raw HTML escaped; links and images load nothing', async () => {
      const md = [
        '## Heading',
        '',
        '- one',
        '- two **bold**',
        '',
        '1. first',
        '',
        'Some `code span` and <b>raw</b> <script>alert(1)</script> <img src=x onerror=alert(2)>',
        '',
        '| left | right |',
        '| :--- | ---: |',
        '| a | b |',
        '',
        '[a link](https://example.com/page) ![an image](https://example.com/x.png) [js](javascript:alert(3))',
        '',
        '```yaml',
        'key: <value>',
        '```',
      ].join('\n');
      const p = await openWatched(msg(f, withTask(md)), { state: allOpen(f) });
      const task = p.page.locator(`vscode-collapsible[data-exercise="${f.fresh.exercises[0]!.id}"] .task`);
      assert.equal(await task.locator('h2').textContent(), 'Heading');
      assert.equal(await task.locator('ul > li').count(), 2);
      assert.equal(await task.locator('ul strong').textContent(), 'bold');
      assert.equal(await task.locator('ol > li').count(), 1);
      assert.equal(await task.locator('p code').first().textContent(), 'code span');
      assert.equal(await task.locator('pre code').textContent(), 'key: <value>\n');
      assert.equal(await task.locator('table td.align-right').textContent(), 'b');
      assert.equal(await task.locator('[style]').count(), 0, 'no inline style (CSP)');
      // raw HTML is text
      assert.equal(await task.locator('b, script, img').count(), 0);
      const text = (await task.textContent()) ?? '';
      for (const raw of ['<b>raw</b>', '<script>alert(1)</script>', '<img src=x onerror=alert(2)>']) assert.ok(text.includes(raw), raw);
      // an image shows its alt text; a link points nowhere and says where it would go
      assert.ok(text.includes('an image'));
      const link = task.locator('a.md-link').first();
      assert.equal(await link.getAttribute('href'), '#');
      assert.equal(await link.getAttribute('title'), 'https://example.com/page');
      const before = (await p.posted()).length;
      await link.click();
      assert.equal((await p.posted()).length, before, 'a link click posts nothing');
      assert.equal(p.page.url(), `${ORIGIN}panel.html`);
      assert.equal(await p.page.locator('#status').textContent(), t(S.linkNotOpened, 'en', { url: 'https://example.com/page' }));
      assert.equal(await task.locator('a[href^="javascript"]').count(), 0);
      await closeClean(p);
    });

    it('a short-answer quiz: a text field, Enter or Save posts the answer; drafts survive a redraw', async () => {
      const quizLab = loadLabFor(
        `name: short
switches: [lan]
hosts:
  a: { interfaces: { eth0: lan } }
exercises:
  - id: subnet-quiz
    title: { en: "Subnets", ko: "서브넷" }
    task: { en: "Which network?", ko: "어느 네트워크입니까?" }
    points: 5
    checks:
      - quiz: { ask: { en: "The network of 192.168.1.10/24?", ko: "192.168.1.10/24의 네트워크는?" }, answer: { sha256: "${'0'.repeat(64)}", salt: s } }
`,
        { file: 'lab.yaml' },
      ).lab!;
      const view = labView(quizLab, undefined, undefined);
      const m: HostMessage = { type: 'lab', lang: 'en', labDir: 'file:///short', view };
      const p = await openWatched(m);
      const field = p.page.locator(sel('quiz:subnet-quiz:text'));
      assert.equal(await field.getAttribute('label'), `${t(S.yourAnswer, 'en')}: The network of 192.168.1.10/24?`);
      await field.click();
      await p.page.keyboard.type('192.168.1.0/24');
      await p.page.keyboard.press('Enter');
      assert.deepEqual(
        (await p.posted()).filter((x) => x.type === 'answer'),
        [{ type: 'answer', quiz: 'subnet-quiz', value: '192.168.1.0/24' }],
      );
      // typing more, then a redraw (the language changes): the draft stays, and the focus too
      await p.page.keyboard.type(' and more');
      await p.send({ type: 'lang', lang: 'ko' });
      await p.page.waitForFunction(() => document.querySelector('h1.lab-title')?.textContent === 'short');
      await p.page.waitForFunction(() => document.querySelector('[data-key="quiz:subnet-quiz:save"]')?.textContent === '저장');
      assert.equal(await field.evaluate((el) => (el as unknown as { value: string }).value), '192.168.1.0/24 and more');
      assert.equal(await p.page.evaluate(() => document.activeElement?.getAttribute('data-key')), 'quiz:subnet-quiz:text');
      await p.page.click(sel('quiz:subnet-quiz:save'));
      const posted = await p.posted();
      assert.deepEqual(posted[posted.length - 1], { type: 'answer', quiz: 'subnet-quiz', value: '192.168.1.0/24 and more' });
      await closeClean(p);
    });

    it('a lab that does not load shows its errors with links; an error message keeps the last drawing', async () => {
      const broken = loadLabFor('name: broken\nswitches: [lan]\nhosts:\n  a: { interfaces: { eth0: nowhere } }\n', {
        file: 'labs/broken/lab.yaml',
      });
      const view = labErrorsView('broken', broken.diagnostics);
      assert.ok(view.errors.length > 0);
      const p = await openWatched({ type: 'lab', lang: 'ko', labDir: 'file:///broken', view });
      assert.equal(await p.page.locator('.problems.errors h2').textContent(), t(S.errorsTitle, 'ko'));
      assert.equal(await p.page.locator('.problems.errors li').count(), view.errors.length);
      assert.equal(await p.page.locator('.problems.errors .problem-text').first().textContent(), view.errors[0]!.message.ko);
      assert.equal(await p.page.locator('vscode-collapsible').count(), 0);
      await p.page.click('.problems.errors a.reveal');
      const posted = await p.posted();
      assert.deepEqual(posted[posted.length - 1], { type: 'reveal', source: view.errors[0]!.source });
      await p.shot('lab-errors-light');
      await closeClean(p);

      const q = await openWatched(msg(f, f.starter));
      await q.send({ type: 'error', message: 'lab.yaml:3: bad YAML' });
      await q.page.waitForSelector('.banner-error');
      assert.equal(await q.page.locator('.banner-error').textContent(), t(S.lastError, 'en', { message: 'lab.yaml:3: bad YAML' }));
      assert.equal(await q.page.locator('vscode-collapsible.exercise').count(), f.starter.exercises.length, 'the last good drawing stays');
      await q.send(msg(f, f.starter));
      await q.page.waitForSelector('.banner-error', { state: 'detached' });
      await closeClean(q);
    });

    it('grading problems (a malformed answers.yaml) show as warnings', async () => {
      const bad = parseAnswers('how-routing-works: [', 'labs/x/answers.yaml');
      const g = gradeLab(f.lab, { answers: bad.answers, answersDiagnostics: bad.diagnostics });
      const view = labView(f.lab, g, bad.answers);
      const p = await openWatched(msg(f, view));
      assert.equal(await p.page.locator('.problems.warnings li').count(), 1);
      assert.match((await p.page.locator('.problems.warnings .problem-text').textContent()) ?? '', /cannot be read/);
      assert.equal(await p.page.locator('vscode-collapsible.exercise').count(), f.starter.exercises.length);
      await closeClean(p);
    });

    it('accessibility: every control has a name; regions and lists have roles', async () => {
      const p = await openWatched(msg(f, f.starter), { state: allOpen(f) });
      const unnamed = await p.page.evaluate(() => {
        const out: string[] = [];
        for (const el of document.querySelectorAll('vscode-button, a, vscode-radio-group, vscode-textfield')) {
          const name = el.getAttribute('aria-label') ?? el.getAttribute('label') ?? el.textContent?.trim();
          if (!name) out.push(el.outerHTML.slice(0, 80));
        }
        for (const el of document.querySelectorAll('vscode-collapsible')) {
          const h = el.shadowRoot?.querySelector('.collapsible-header');
          if (h?.getAttribute('role') !== 'button' || !h.getAttribute('aria-label') || !h.hasAttribute('aria-expanded'))
            out.push(`collapsible ${el.getAttribute('data-exercise')}`);
        }
        return out;
      });
      assert.deepEqual(unnamed, []);
      const tree = await p.page.locator('main.lab').ariaSnapshot();
      assert.match(tree, /progressbar/);
      assert.match(tree, /radiogroup/);
      assert.match(tree, /list "Exercises"/);
      assert.match(tree, /button "Grade every exercise of the lab"/);
      await closeClean(p);
    });
  });
});
