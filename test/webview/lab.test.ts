/**
 * The lab panel (webview/lab) in headless Chromium, for every bundled lab: ungraded, graded as given
 * (failing checks, one hint, unanswered quizzes) and graded with its reference solution. Every
 * exercise and check with its text in English and Korean, Markdown rendered with raw HTML escaped
 * and nothing remote, state badges as graded, what the buttons and links post (runTrace, reveal,
 * answer, grade), hints one at a time, the keyboard, busy and error states, the state after a
 * reload, and screenshots in light, dark and high-contrast themes.
 */
import { strict as assert } from 'node:assert';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { loadLabFor } from '../../src/core/check/check';
import type { Lang, Localized } from '../../src/core/text/i18n';
import type { Lab } from '../../src/core/lab/types';
import { NO_ANSWERS, parseAnswers } from '../../src/core/grade/answers';
import { parseAnswerKey, setAnswer } from '../../src/core/grade/answersEdit';
import { gradeLab } from '../../src/core/grade/grade';
import { applySolution } from '../../src/core/grade/overlay';
import { readTree } from '../../src/cli/grade';
import type { Answers } from '../../src/core/grade/types';
import { labErrorsView, labView } from '../../src/core/view/lab';
import type { CheckView, LabView } from '../../src/core/view/types';
import type { HostMessage, PanelState } from '../../src/protocol/panels';
import { S, t } from '../../webview/lab/strings';
import { launch, openPanel, type OpenOptions, type PanelHandle, ROOT, type Theme } from './harness';

const LABS = join(ROOT, 'labs');
const ORIGIN = 'https://knetlab.test/';

interface Fixture {
  readonly dir: string;
  readonly labDir: string;
  readonly lab: Lab;
  /** Not graded yet. */
  readonly fresh: LabView;
  /** Graded as given, first attempt: failing checks, one hint each, quizzes unanswered. */
  readonly starter: LabView;
  /** Graded as given, second attempt: two hints. */
  readonly starter2: LabView;
  /** Graded with the reference solution and its answers. */
  readonly solved: LabView;
}

function load(dir: string, files: ReadonlyMap<string, string>): { lab: Lab; answers: Answers } {
  const file = join('labs', dir, 'lab.yaml');
  const loaded = loadLabFor(files.get('lab.yaml')!, { file, readFile: (rel) => files.get(rel) });
  assert.ok(loaded.lab, `${file} loads`);
  const text = files.get('answers.yaml');
  return { lab: loaded.lab, answers: text === undefined ? NO_ANSWERS : parseAnswers(text, join('labs', dir, 'answers.yaml')).answers };
}

const FIXTURES: Fixture[] = readdirSync(LABS, { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(join(LABS, d.name, 'lab.yaml')))
  .map((d) => d.name)
  .sort()
  .map((dir) => {
    const tree = readTree(join(LABS, dir));
    const starterFiles = new Map([...tree].filter(([p]) => !p.startsWith('solution/')));
    const { lab, answers } = load(dir, starterFiles);
    const solvedLab = load(dir, applySolution(tree).files);
    return {
      dir,
      labDir: `file:///work/labs/${dir}`,
      lab,
      fresh: labView(lab, undefined, answers),
      starter: labView(lab, gradeLab(lab, { answers, attempts: 1 }), answers),
      starter2: labView(lab, gradeLab(lab, { answers, attempts: 2 }), answers),
      solved: labView(solvedLab.lab, gradeLab(solvedLab.lab, { answers: solvedLab.answers }), solvedLab.answers),
    };
  });

const msg = (f: Fixture, view: LabView, lang: Lang = 'en'): HostMessage => ({ type: 'lab', lang, labDir: f.labDir, view });
const allOpen = (f: Fixture, view: LabView = f.fresh): PanelState => ({ kind: 'lab', labDir: f.labDir, lab: { open: view.exercises.map((e) => e.id) } });
const pick = (l: Localized, lang: Lang) => l[lang];
const squash = (s: string) => s.replace(/\s+/g, ' ').trim();
/** The text a reader sees of a bit of Markdown (the bundled tasks and hints: emphasis, code spans, fences). */
const mdText = (s: string) => squash(s.replace(/```\w*\n?/g, '').replace(/[*`]/g, ''));
const sel = (key: string) => `[data-key="${key}"]`;

describe('lab panel (webview/lab) in Chromium', function () {
  this.timeout(120_000);
  let browser: Browser | undefined;
  const remote: string[] = [];

  async function open(m: HostMessage | undefined, opts: OpenOptions = {}): Promise<PanelHandle> {
    const p = await openPanel(browser!, 'lab', m, opts);
    await p.waitForPost('ready');
    if (m) await p.page.waitForSelector('main.lab');
    return p;
  }

  async function closeClean(p: PanelHandle): Promise<void> {
    assert.deepEqual(p.errors, [], 'no page errors, console errors or CSP violations');
    await p.close();
  }

  before(async function () {
    browser = await launch(this);
    browser?.on('disconnected', () => undefined);
  });

  after(async () => {
    await browser?.close();
  });

  afterEach(() => {
    assert.deepEqual(remote.splice(0), [], 'nothing loaded from anywhere but the panel');
  });

  /** Opens a panel and records every request that leaves the panel's own origin. */
  async function openWatched(m: HostMessage | undefined, opts: OpenOptions = {}): Promise<PanelHandle> {
    const p = await open(m, opts);
    p.page.on('request', (r) => {
      if (!r.url().startsWith(ORIGIN) && !r.url().startsWith('data:')) remote.push(r.url());
    });
    return p;
  }

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
                for (const [j, c] of (ch.quiz.choices ?? []).entries()) assert.equal(await radios.nth(j).getAttribute('label'), pick(c.text, lang));
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
              description: e.score === undefined ? t(S.points, 'en', { n: e.points }) : t(S.pointsOf, 'en', { score: String(Math.round(e.score * 100) / 100), max: e.points }),
            })),
          );
          if (view === f.solved) {
            assert.ok(got.every((e) => e.state === 'passed'));
            assert.equal(await p.page.locator('.score-text').textContent(), t(S.scoreText, 'en', { score: view.maxScore, max: view.maxScore }));
            assert.equal(await p.page.locator('vscode-progress-bar.score-bar').getAttribute('value'), String(view.maxScore));
          }
          if (view === f.fresh) {
            assert.equal(await p.page.locator('.score-text').textContent(), t(S.notGraded, 'en', { max: view.maxScore }));
            assert.equal(await p.page.locator('vscode-progress-bar').count(), 0);
          }
          await closeClean(p);
        }
      });

      it('Trace posts runTrace with the check\'s packet; the lab-line links post reveal', async () => {
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
          const m = /\(([^()]*lab\.yaml):(\d+)\)/.exec(c.feedback!.en);
          if (m) assert.equal(c.source.line, Number(m[2]), `${e.id} #${c.index}: the feedback names line ${m[2]}`);
          await p.page.click(sel(`reveal:${e.id}:${c.index}`));
          const posted = await p.posted();
          assert.deepEqual(posted[posted.length - 1], { type: 'reveal', source: c.source });
        }
        await closeClean(p);
      });

      it('grade buttons post grade (the lab, one exercise); busy disables them', async () => {
        const p = await openWatched(msg(f, f.starter), { state: allOpen(f) });
        await p.page.click('#grade-lab');
        assert.deepEqual((await p.posted()).filter((m) => m.type === 'grade'), [{ type: 'grade' }]);
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
        for (const [view, shown] of [[f.fresh, 'none'], [f.starter, 'one'], [f.starter2, 'two'], [f.solved, 'none']] as const) {
          const p = await openWatched(msg(f, view), { state: allOpen(f) });
          for (const e of view.exercises) {
            const sec = p.page.locator(`vscode-collapsible[data-exercise="${e.id}"]`);
            const hints = sec.locator('li.hint');
            const n = e.hints.length;
            if (shown === 'none') assert.equal(n, 0);
            if (shown === 'one' && e.state === 'failed') assert.equal(n, 1);
            if (shown === 'two' && e.state === 'failed') assert.equal(n, Math.min(2, e.hintCount));
            assert.equal(await hints.count(), n, `${e.id}: ${n} hints shown`);
            for (const [i, h] of e.hints.entries()) assert.equal(squash((await hints.nth(i).textContent()) ?? ''), mdText(h.en));
            const count = await sec.locator('.hints-count').textContent();
            assert.equal(
              count,
              n ? t(S.hintsOf, 'en', { n, m: e.hintCount }) : e.hintCount === 1 ? t(S.hintLater, 'en') : t(S.hintsLater, 'en', { m: e.hintCount }),
            );
            // a hint's code spans are elements
            if (n && e.hints[0]!.en.includes('`')) assert.ok((await hints.first().locator('code').count()) > 0);
          }
          await closeClean(p);
        }
      });

      it('a quiz is answered in place: the choice posts answer, the next view shows it saved', async () => {
        const quizzes = f.starter.exercises.flatMap((e) => e.checks.filter((c): c is CheckView & { quiz: NonNullable<CheckView['quiz']> } => !!c.quiz));
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
          assert.equal(await p.page.locator(sel(`quiz:${q.id}:save`)).locator('xpath=..').locator('.quiz-status').textContent(), t(S.saving, 'en'));
          answers = setAnswer(answers, q.id, choice.key);
        }
        // The extension writes answers.yaml and sends the new view: every answer shows as saved and chosen.
        const parsed = parseAnswers(answers!, 'answers.yaml').answers;
        const next = labView(f.lab, gradeLab(f.lab, { answers: parsed }), parsed);
        await p.send(msg(f, next));
        for (const [i, c] of quizzes.entries()) {
          const q = c.quiz;
          const key = q.choices![i % q.choices!.length]!.key;
          const status = p.page.locator(sel(`quiz:${q.id}:save`)).locator('xpath=..').locator('.quiz-status');
          await p.page.waitForFunction(([k, text]) => {
            const b = document.querySelector(`[data-key="${k}"]`);
            return b?.parentElement?.querySelector('.quiz-status')?.textContent === text;
          }, [`quiz:${q.id}:save`, t(S.saved, 'en')] as const);
          assert.equal(await status.textContent(), t(S.saved, 'en'));
          const checked = await p.page.locator(sel(`quiz:${q.id}:choices`)).evaluate((g) => [...g.querySelectorAll('vscode-radio')].filter((r) => (r as unknown as { checked: boolean }).checked).map((r) => r.getAttribute('value')));
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
          const k = await p.page.evaluate(() => (document.activeElement as HTMLElement | null)?.closest('[data-key]')?.getAttribute('data-key') ?? null);
          if (k && !seen.includes(k)) seen.push(k);
        }
        assert.deepEqual(seen, keys, 'every control, in the order they are drawn');
        // Arrow keys between the exercises' headers, Enter and Space toggle.
        const first = f.starter.exercises[0]!.id;
        const second = f.starter.exercises[1]!.id;
        await p.page.locator(`vscode-collapsible[data-exercise="${first}"]`).evaluate((el) => (el.shadowRoot!.querySelector('.collapsible-header') as HTMLElement).focus());
        await p.page.keyboard.press('ArrowDown');
        assert.equal(await p.page.evaluate(() => document.activeElement?.getAttribute('data-exercise')), second);
        await p.page.keyboard.press('End');
        assert.equal(await p.page.evaluate(() => document.activeElement?.getAttribute('data-exercise')), f.starter.exercises[f.starter.exercises.length - 1]!.id);
        await p.page.keyboard.press('Home');
        await p.page.keyboard.press('Enter');
        const expanded = () => p.page.locator(`vscode-collapsible[data-exercise="${first}"]`).evaluate((el) => el.shadowRoot!.querySelector('.collapsible-header')!.getAttribute('aria-expanded'));
        assert.equal(await expanded(), 'false');
        assert.ok(!(await p.state())!.lab!.open.includes(first));
        await p.page.keyboard.press(' ');
        assert.equal(await expanded(), 'true');
        assert.ok((await p.state())!.lab!.open.includes(first));
        // Radio choices with the arrow keys, saved with Enter on Save.
        const quiz = f.starter.exercises.flatMap((e) => e.checks).find((c) => c.quiz?.choices)!.quiz!;
        await p.page.locator(sel(`quiz:${quiz.id}:choices`)).locator('vscode-radio').first().focus();
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
        await p.page.locator(`vscode-collapsible[data-exercise="${last}"]`).evaluate((el) => (el.shadowRoot!.querySelector('.collapsible-header') as HTMLElement).click());
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
        const open = await r.page.$$eval('vscode-collapsible.exercise', (els) => els.filter((e) => (e as unknown as { open: boolean }).open).map((e) => e.getAttribute('data-exercise')));
        assert.deepEqual(open.sort(), [firstOpen, last].sort());
        // a fresh view of the same lab keeps the sections open
        await r.send(msg(f, f.solved, 'en'));
        await r.page.waitForFunction((title) => document.querySelector('h1.lab-title')?.textContent === title, f.lab.title!.en);
        const open2 = await r.page.$$eval('vscode-collapsible.exercise', (els) => els.filter((e) => (e as unknown as { open: boolean }).open).map((e) => e.getAttribute('data-exercise')));
        assert.deepEqual(open2.sort(), [firstOpen, last].sort());
        await closeClean(r);
      });

      it('screenshots: light, dark and high contrast; Korean', async () => {
        const state: PanelState = { kind: 'lab', labDir: f.labDir, lab: { open: [f.starter.exercises[0]!.id, f.starter.exercises[f.starter.exercises.length - 1]!.id] } };
        for (const theme of ['light', 'dark', 'high-contrast'] as Theme[]) {
          const p = await openWatched(msg(f, f.starter), { theme, state, viewport: { width: 900, height: 1000 } });
          await p.page.evaluate(() => document.fonts.ready);
          await p.shot(`lab-${f.dir}-${theme}`);
          // the text and the state colours differ from the background in every theme
          const colours = await p.page.evaluate(() => {
            const c = (sel: string) => getComputedStyle(document.querySelector(sel)!).color;
            return { body: getComputedStyle(document.body).backgroundColor, text: c('h1.lab-title'), failed: c('.state.state-failed'), link: c('a.reveal') };
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

  describe('Markdown, short answers, errors', () => {
    const f = FIXTURES[0]!;
    const withTask = (md: string): LabView => ({
      ...f.fresh,
      exercises: f.fresh.exercises.map((e, i) => (i === 0 ? { ...e, task: { en: md, ko: md } } : e)),
    });

    it('renders Markdown: headings, lists, code, tables; raw HTML escaped; links and images load nothing', async () => {
      const md = [
        '## Heading', '', '- one', '- two **bold**', '', '1. first', '', 'Some `code span` and <b>raw</b> <script>alert(1)</script> <img src=x onerror=alert(2)>', '',
        '| left | right |', '| :--- | ---: |', '| a | b |', '', '[a link](https://example.com/page) ![an image](https://example.com/x.png) [js](javascript:alert(3))', '',
        '```yaml', 'key: <value>', '```',
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
      assert.deepEqual((await p.posted()).filter((x) => x.type === 'answer'), [{ type: 'answer', quiz: 'subnet-quiz', value: '192.168.1.0/24' }]);
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
      const broken = loadLabFor('name: broken\nswitches: [lan]\nhosts:\n  a: { interfaces: { eth0: nowhere } }\n', { file: 'labs/broken/lab.yaml' });
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
          if (h?.getAttribute('role') !== 'button' || !h.getAttribute('aria-label') || !h.hasAttribute('aria-expanded')) out.push(`collapsible ${el.getAttribute('data-exercise')}`);
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
