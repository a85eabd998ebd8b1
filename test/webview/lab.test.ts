/**
 * The lab panel (webview/lab) in headless Chromium, for every bundled lab: ungraded, graded as given
 * (failing checks, one hint, unanswered quizzes) and graded with its reference solution. Every
 * exercise and check with its text in English and Korean, state badges as graded, what the buttons
 * and links post (runTrace, reveal, answer, grade), hints one at a time, the keyboard, busy states,
 * the state after a reload, and screenshots in light, dark and high-contrast themes. Markdown,
 * short answers, errors and accessibility are in lab-markdown.test.ts.
 */
import { strict as assert } from 'node:assert';
import { parseAnswers } from '../../src/core/grade/answers';
import { parseAnswerKey, setAnswer } from '../../src/core/grade/answersEdit';
import { gradeLab } from '../../src/core/grade/grade';
import { labView } from '../../src/core/view/lab';
import type { CheckView } from '../../src/core/view/types';
import type { PanelState } from '../../src/protocol/panels';
import { S, t } from '../../webview/lab/strings';
import type { Theme } from './harness';
import { allOpen, FIXTURES, mdText, msg, pick, sel, squash, useLabPanels } from './lab-helpers';

describe('lab panel (webview/lab) in Chromium', function () {
  this.timeout(120_000);
  const { openWatched, closeClean } = useLabPanels();

  it('covers every bundled lab', () => {
    assert.ok(FIXTURES.length >= 3, FIXTURES.map((f) => f.dir).join(', '));
  });

  for (const f of FIXTURES) {
    describe(f.dir, () => {
      for (const lang of ['en', 'ko'] as const) {
        it(`renders every exercise and check with its text (${lang})`, async () => {
          const p = await openWatched(msg(f, f.starter, lang), { state: allOpen(f) });
          const page = p.page;
          assert.equal(await page.locator('h1.lab-title').textContent(), pick(f.lab.title!, lang));
          assert.equal(await page.getAttribute('html', 'lang'), lang);
          assert.equal(
            await page.locator('.score-text').textContent(),
            t(S.scoreText, lang, { score: String(Math.round(f.starter.score! * 100) / 100), max: String(f.starter.maxScore) }),
          );
          const sections = page.locator('vscode-collapsible.exercise');
          assert.equal(await sections.count(), f.lab.exercises.length);
          for (const [i, ex] of f.starter.exercises.entries()) {
            const sec = page.locator(`vscode-collapsible[data-exercise="${ex.id}"]`);
            assert.equal(await sec.getAttribute('heading'), `${i + 1}. ${pick(ex.title!, lang)}`);
            assert.equal(squash((await sec.locator('.task').textContent()) ?? ''), mdText(pick(ex.task!, lang)), `${ex.id}: the task`);
            const header = await sec.evaluate((el) => el.shadowRoot?.querySelector('.collapsible-header')?.getAttribute('aria-label'));
            assert.ok(header?.includes(pick(ex.title!, lang)) && header.includes(t(S.state[ex.state], lang)), `header label: ${header}`);
            assert.equal(await sec.locator('.decorations .state').getAttribute('data-state'), ex.state);
            const items = sec.locator('li.check');
            assert.equal(await items.count(), ex.checks.length);
            for (const ch of ex.checks) {
              const li = items.nth(ch.index);
              assert.equal(await li.getAttribute('data-state'), ch.state);
              assert.equal(await li.locator('.check-head .state-text').textContent(), t(S.state[ch.state], lang));
              assert.equal(await li.locator('.check-kind').textContent(), pick(ch.kindName, lang));
              if (ch.quiz) {
                assert.equal(await li.locator('.check-label').textContent(), pick(ch.quiz.question, lang));
                const radios = li.locator('vscode-radio');
                assert.equal(await radios.count(), ch.quiz.choices?.length ?? 0);
                for (const [j, c] of (ch.quiz.choices ?? []).entries())
                  assert.equal(await radios.nth(j).getAttribute('label'), pick(c.text, lang));
              } else {
                assert.equal(await li.locator('code.check-label').textContent(), ch.label);
              }
              if (ch.feedback && !(ch.quiz && ch.state === 'unanswered')) {
                assert.equal(await li.locator('.feedback-text').textContent(), pick(ch.feedback, lang));
              }
              if (ch.state === 'failed' && ch.expected !== undefined) {
                assert.equal(await li.locator('.expected-actual dd').first().textContent(), ch.expected);
              }
            }
          }
          await closeClean(p);
        });
      }

      it('state badges match the grade: untried, as given, solved', async () => {
        for (const view of [f.fresh, f.starter, f.solved]) {
          const p = await openWatched(msg(f, view));
          const got = await p.page.evaluate(() =>
            [...document.querySelectorAll('vscode-collapsible.exercise')].map((s) => ({
              id: s.getAttribute('data-exercise'),
              state: s.querySelector('.decorations .state')?.getAttribute('data-state'),
              checks: [...s.querySelectorAll('li.check')].map((li) => li.getAttribute('data-state')),
              description: s.getAttribute('description'),
            })),
          );
          assert.deepEqual(
            got,
            view.exercises.map((e) => ({
              id: e.id,
              state: e.state,
              checks: e.checks.map((c) => c.state),
              description:
                e.score === undefined
                  ? t(S.points, 'en', { n: e.points })
                  : t(S.pointsOf, 'en', { score: String(Math.round(e.score * 100) / 100), max: e.points }),
            })),
          );
          if (view === f.solved) {
            assert.ok(got.every((e) => e.state === 'passed'));
            assert.equal(
              await p.page.locator('.score-text').textContent(),
              t(S.scoreText, 'en', { score: view.maxScore, max: view.maxScore }),
            );
            assert.equal(await p.page.locator('vscode-progress-bar.score-bar').getAttribute('value'), String(view.maxScore));
          }
          if (view === f.fresh) {
            assert.equal(await p.page.locator('.score-text').textContent(), t(S.notGraded, 'en', { max: view.maxScore }));
            assert.equal(await p.page.locator('vscode-progress-bar').count(), 0);
          }
          await closeClean(p);
        }
      });

      it("Trace posts runTrace with the check's packet; the lab-line links post reveal", async () => {
        const p = await openWatched(msg(f, f.starter), { state: allOpen(f) });
        const traced = f.starter.exercises.flatMap((e) => e.checks.filter((c) => c.trace).map((c) => ({ e, c })));
        assert.ok(traced.length > 0);
        for (const { e, c } of traced) {
          await p.page.click(sel(`trace:${e.id}:${c.index}`));
          const posted = await p.posted();
          assert.deepEqual(posted[posted.length - 1], { type: 'runTrace', args: c.trace }, `${e.id} #${c.index}`);
        }
        // no Trace button on checks that send no packet
        const untraced = f.starter.exercises.flatMap((e) => e.checks.filter((c) => !c.trace).map((c) => `trace:${e.id}:${c.index}`));
        for (const k of untraced) assert.equal(await p.page.locator(sel(k)).count(), 0);
        for (const e of f.starter.exercises) {
          for (const c of e.checks) {
            const link = p.page.locator(sel(`reveal:${e.id}:${c.index}`));
            assert.equal(await link.textContent(), `lab.yaml:${c.source.line}`);
            await link.click();
            const posted = await p.posted();
            assert.deepEqual(posted[posted.length - 1], { type: 'reveal', source: c.source });
          }
          await p.page.click(sel(`reveal-ex:${e.id}`));
          const posted = await p.posted();
          assert.deepEqual(posted[posted.length - 1], { type: 'reveal', source: e.source });
        }
        assert.equal(new URL(p.page.url()).hash, '', 'the links do not navigate');
        await closeClean(p);
      });

      it('a failed check links to the lab line its feedback names', async () => {
        const failedWithSource = f.starter.exercises.flatMap((e) => e.checks.filter((c) => c.state === 'failed').map((c) => ({ e, c })));
        assert.ok(failedWithSource.length > 0);
        const p = await openWatched(msg(f, f.starter), { state: allOpen(f) });
        for (const { e, c } of failedWithSource) {
          // The feedback names the lines it is about (a rule check lists a chain's rules, then the closest one): the link goes to one of them.
          const named = [...c.feedback!.en.matchAll(/\(([^()]*lab\.yaml):(\d+)\)/g)].map((m) => Number(m[2]));
          if (named.length)
            assert.ok(named.includes(c.source.line), `${e.id} #${c.index}: line ${c.source.line} is one the feedback names (${named})`);
          await p.page.click(sel(`reveal:${e.id}:${c.index}`));
          const posted = await p.posted();
          assert.deepEqual(posted[posted.length - 1], { type: 'reveal', source: c.source });
        }
        await closeClean(p);
      });

      it('grade buttons post grade (the lab, one exercise); busy disables them', async () => {
        const p = await openWatched(msg(f, f.starter), { state: allOpen(f) });
        await p.page.click('#grade-lab');
        assert.deepEqual(
          (await p.posted()).filter((m) => m.type === 'grade'),
          [{ type: 'grade' }],
        );
        for (const e of f.starter.exercises) await p.page.click(sel(`grade:${e.id}`));
        assert.deepEqual(
          (await p.posted()).filter((m) => m.type === 'grade').slice(1),
          f.starter.exercises.map((e) => ({ type: 'grade', exercise: e.id })),
        );
        await p.send({ type: 'busy', busy: true });
        await p.page.waitForSelector('#grade-lab[disabled]');
        assert.equal(await p.page.locator('main.lab').getAttribute('aria-busy'), 'true');
        assert.equal(squash((await p.page.locator('.busy').textContent()) ?? ''), t(S.grading, 'en'));
        const before = (await p.posted()).length;
        await p.page.click('#grade-lab', { force: true });
        await p.page.click(sel(`grade:${f.starter.exercises[0]!.id}`), { force: true });
        assert.equal((await p.posted()).length, before, 'nothing posted while busy');
        await p.send({ type: 'busy', busy: false });
        await p.page.waitForSelector('#grade-lab:not([disabled])');
        assert.equal(squash((await p.page.locator('.busy').textContent()) ?? ''), '');
        await closeClean(p);
      });

      it('hints: only the revealed ones, "n of m hints"', async () => {
        for (const [view, shown] of [
          [f.fresh, 'none'],
          [f.starter, 'one'],
          [f.starter2, 'two'],
          [f.solved, 'none'],
        ] as const) {
          const p = await openWatched(msg(f, view), { state: allOpen(f) });
          for (const e of view.exercises) {
            const sec = p.page.locator(`vscode-collapsible[data-exercise="${e.id}"]`);
            const hints = sec.locator('li.hint');
            const n = e.hints.length;
            // a hint attached to a cause the trace shows replaces the plain ones, whatever the attempt
            const plain = new Set((f.lab.exercises.find((x) => x.id === e.id)?.hints ?? []).map((h) => h.en));
            const byCause = e.hints.some((h) => !plain.has(h.en));
            if (shown === 'none') assert.equal(n, 0);
            if (shown === 'one' && e.state === 'failed' && !byCause) assert.equal(n, 1);
            if (shown === 'two' && e.state === 'failed' && !byCause) assert.equal(n, Math.min(2, e.hintCount));
            if (byCause) assert.ok(n >= 1, `${e.id}: its cause hints`);
            assert.equal(await hints.count(), n, `${e.id}: ${n} hints shown`);
            for (const [i, h] of e.hints.entries()) assert.equal(squash((await hints.nth(i).textContent()) ?? ''), mdText(h.en));
            const count = await sec.locator('.hints-count').textContent();
            assert.equal(
              count,
              n
                ? t(S.hintsOf, 'en', { n, m: e.hintCount })
                : e.hintCount === 1
                  ? t(S.hintLater, 'en')
                  : t(S.hintsLater, 'en', { m: e.hintCount }),
            );
            // a hint's code spans are elements
            if (n && e.hints[0]!.en.includes('`')) assert.ok((await hints.first().locator('code').count()) > 0);
          }
          await closeClean(p);
        }
      });

      it('a quiz is answered in place: the choice posts answer, the next view shows it saved', async () => {
        const quizzes = f.starter.exercises.flatMap((e) =>
          e.checks.filter((c): c is CheckView & { quiz: NonNullable<CheckView['quiz']> } => !!c.quiz),
        );
        assert.ok(quizzes.length > 0);
        const p = await openWatched(msg(f, f.starter), { state: allOpen(f) });
        let answers: string | undefined;
        for (const [i, c] of quizzes.entries()) {
          const q = c.quiz;
          assert.ok(q.choices, 'the bundled quizzes have choices');
          const choice = q.choices[i % q.choices.length]!;
          await p.page.locator(`vscode-radio[value="${choice.key}"]`).first().click();
          await p.page.click(sel(`quiz:${q.id}:save`));
          const posted = await p.posted();
          assert.deepEqual(posted[posted.length - 1], { type: 'answer', quiz: q.id, value: choice.key });
          assert.equal(
            await p.page
              .locator(sel(`quiz:${q.id}:save`))
              .locator('xpath=..')
              .locator('.quiz-status')
              .textContent(),
            t(S.saving, 'en'),
          );
          answers = setAnswer(answers, q.id, choice.key);
        }
        // The extension writes answers.yaml and sends the new view: every answer shows as saved and chosen.
        const parsed = parseAnswers(answers!, 'answers.yaml').answers;
        const next = labView(f.lab, gradeLab(f.lab, { answers: parsed }), parsed);
        await p.send(msg(f, next));
        for (const [i, c] of quizzes.entries()) {
          const q = c.quiz;
          const key = q.choices![i % q.choices!.length]!.key;
          const status = p.page
            .locator(sel(`quiz:${q.id}:save`))
            .locator('xpath=..')
            .locator('.quiz-status');
          await p.page.waitForFunction(
            ([k, text]) => {
              const b = document.querySelector(`[data-key="${k}"]`);
              return b?.parentElement?.querySelector('.quiz-status')?.textContent === text;
            },
            [`quiz:${q.id}:save`, t(S.saved, 'en')] as const,
          );
          assert.equal(await status.textContent(), t(S.saved, 'en'));
          const checked = await p.page
            .locator(sel(`quiz:${q.id}:choices`))
            .evaluate((g) =>
              [...g.querySelectorAll('vscode-radio')]
                .filter((r) => (r as unknown as { checked: boolean }).checked)
                .map((r) => r.getAttribute('value')),
            );
          assert.deepEqual(checked, [key]);
          assert.equal(parseAnswerKey(q.id).exercise, f.starter.exercises.find((e) => e.checks.includes(c))!.id);
        }
        await closeClean(p);
      });

      it('keyboard: Tab reaches every control in order; arrows move between exercises; Enter opens one', async () => {
        const p = await openWatched(msg(f, f.starter), { state: allOpen(f) });
        const keys = await p.page.$$eval('#app [data-key]', (els) => els.map((e) => e.getAttribute('data-key')!));
        const seen: string[] = [];
        await p.page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
        for (let i = 0; i < keys.length * 2 + 10 && seen.length < keys.length; i++) {
          await p.page.keyboard.press('Tab');
          const k = await p.page.evaluate(
            () => (document.activeElement as HTMLElement | null)?.closest('[data-key]')?.getAttribute('data-key') ?? null,
          );
          if (k && !seen.includes(k)) seen.push(k);
        }
        assert.deepEqual(seen, keys, 'every control, in the order they are drawn');
        // Arrow keys between the exercises' headers, Enter and Space toggle.
        const first = f.starter.exercises[0]!.id;
        const second = f.starter.exercises[1]!.id;
        await p.page
          .locator(`vscode-collapsible[data-exercise="${first}"]`)
          .evaluate((el) => (el.shadowRoot!.querySelector('.collapsible-header') as HTMLElement).focus());
        await p.page.keyboard.press('ArrowDown');
        assert.equal(await p.page.evaluate(() => document.activeElement?.getAttribute('data-exercise')), second);
        await p.page.keyboard.press('End');
        assert.equal(
          await p.page.evaluate(() => document.activeElement?.getAttribute('data-exercise')),
          f.starter.exercises[f.starter.exercises.length - 1]!.id,
        );
        await p.page.keyboard.press('Home');
        await p.page.keyboard.press('Enter');
        const expanded = () =>
          p.page
            .locator(`vscode-collapsible[data-exercise="${first}"]`)
            .evaluate((el) => el.shadowRoot!.querySelector('.collapsible-header')!.getAttribute('aria-expanded'));
        assert.equal(await expanded(), 'false');
        assert.ok(!(await p.state())!.lab!.open.includes(first));
        await p.page.keyboard.press(' ');
        assert.equal(await expanded(), 'true');
        assert.ok((await p.state())!.lab!.open.includes(first));
        // Radio choices with the arrow keys, saved with Enter on Save.
        const quiz = f.starter.exercises.flatMap((e) => e.checks).find((c) => c.quiz?.choices)!.quiz!;
        await p.page
          .locator(sel(`quiz:${quiz.id}:choices`))
          .locator('vscode-radio')
          .first()
          .focus();
        await p.page.keyboard.press('ArrowDown');
        await p.page.locator(sel(`quiz:${quiz.id}:save`)).focus();
        await p.page.keyboard.press('Enter');
        const posted = await p.posted();
        assert.deepEqual(posted[posted.length - 1], { type: 'answer', quiz: quiz.id, value: quiz.choices![1]!.key });
        await closeClean(p);
      });

      it('keeps its state: open exercises and the last view, restored after a reload; lang switches live', async () => {
        const p = await openWatched(msg(f, f.starter));
        const firstOpen = f.starter.exercises.find((e) => e.state !== 'passed')!.id;
        assert.deepEqual((await p.state())?.lab?.open, [firstOpen], 'the first exercise to do is open');
        const last = f.starter.exercises[f.starter.exercises.length - 1]!.id;
        await p.page
          .locator(`vscode-collapsible[data-exercise="${last}"]`)
          .evaluate((el) => (el.shadowRoot!.querySelector('.collapsible-header') as HTMLElement).click());
        await p.send({ type: 'lang', lang: 'ko' });
        await p.page.waitForFunction((title) => document.querySelector('h1.lab-title')?.textContent === title, f.lab.title!.ko);
        assert.equal(await p.page.locator('#grade-lab').textContent(), t(S.gradeLab, 'ko'));
        const state = (await p.state())!;
        assert.equal(state.kind, 'lab');
        assert.equal(state.labDir, f.labDir);
        assert.deepEqual([...state.lab!.open].sort(), [firstOpen, last].sort());
        assert.equal(state.last?.type, 'lab');
        assert.equal(state.last?.type === 'lab' && state.last.lang, 'ko');
        await closeClean(p);

        // VS Code restores the panel with its state and no bootstrap message: it draws at once.
        const r = await openWatched(undefined, { state });
        await r.page.waitForSelector('main.lab');
        assert.equal(await r.page.locator('h1.lab-title').textContent(), f.lab.title!.ko);
        const open = await r.page.$$eval('vscode-collapsible.exercise', (els) =>
          els.filter((e) => (e as unknown as { open: boolean }).open).map((e) => e.getAttribute('data-exercise')),
        );
        assert.deepEqual(open.sort(), [firstOpen, last].sort());
        // a fresh view of the same lab keeps the sections open
        await r.send(msg(f, f.solved, 'en'));
        await r.page.waitForFunction((title) => document.querySelector('h1.lab-title')?.textContent === title, f.lab.title!.en);
        const open2 = await r.page.$$eval('vscode-collapsible.exercise', (els) =>
          els.filter((e) => (e as unknown as { open: boolean }).open).map((e) => e.getAttribute('data-exercise')),
        );
        assert.deepEqual(open2.sort(), [firstOpen, last].sort());
        await closeClean(r);
      });

      it('screenshots: light, dark and high contrast; Korean', async () => {
        const state: PanelState = {
          kind: 'lab',
          labDir: f.labDir,
          lab: { open: [f.starter.exercises[0]!.id, f.starter.exercises[f.starter.exercises.length - 1]!.id] },
        };
        for (const theme of ['light', 'dark', 'high-contrast'] as Theme[]) {
          const p = await openWatched(msg(f, f.starter), { theme, state, viewport: { width: 900, height: 1000 } });
          await p.page.evaluate(() => document.fonts.ready);
          await p.shot(`lab-${f.dir}-${theme}`);
          // the text and the state colours differ from the background in every theme
          const colours = await p.page.evaluate(() => {
            const c = (sel: string) => getComputedStyle(document.querySelector(sel)!).color;
            return {
              body: getComputedStyle(document.body).backgroundColor,
              text: c('h1.lab-title'),
              failed: c('.state.state-failed'),
              link: c('a.reveal'),
            };
          });
          assert.notEqual(colours.text, colours.body);
          assert.notEqual(colours.failed, colours.body);
          assert.notEqual(colours.link, colours.body);
          await closeClean(p);
        }
        const ko = await openWatched(msg(f, f.solved, 'ko'), { theme: 'dark', state: allOpen(f), viewport: { width: 900, height: 1000 } });
        await ko.shot(`lab-${f.dir}-solved-ko-dark`);
        await closeClean(ko);
      });
    });
  }
});
