/**
 * What the lab panel's browser tests share (lab.test.ts, lab-markdown.test.ts): every bundled lab
 * ungraded, graded as given (one and two attempts) and graded with its reference solution; the
 * message the extension would send; a state with every exercise open; and the panel opened in
 * Chromium with every request that leaves its origin recorded. Split out of lab.test.ts when it
 * grew past what one file should hold.
 */
import { strict as assert } from 'node:assert';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { loadLabFor } from '../../src/core/check/check';
import type { Lang, Localized } from '../../src/core/text/i18n';
import type { Lab } from '../../src/core/lab/types';
import { NO_ANSWERS, parseAnswers } from '../../src/core/grade/answers';
import { gradeLab } from '../../src/core/grade/grade';
import { applySolution } from '../../src/core/grade/overlay';
import { readTree } from '../../src/cli/grade';
import type { Answers } from '../../src/core/grade/types';
import { labView } from '../../src/core/view/lab';
import type { LabView } from '../../src/core/view/types';
import type { HostMessage, PanelState } from '../../src/protocol/panels';
import { launch, openPanel, type OpenOptions, type PanelHandle, ROOT } from './harness';

const LABS = join(ROOT, 'labs');
export const ORIGIN = 'https://knetlab.test/';

export interface Fixture {
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

export const FIXTURES: Fixture[] = readdirSync(LABS, { withFileTypes: true })
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

export const msg = (f: Fixture, view: LabView, lang: Lang = 'en'): HostMessage => ({ type: 'lab', lang, labDir: f.labDir, view });
export const allOpen = (f: Fixture, view: LabView = f.fresh): PanelState => ({
  kind: 'lab',
  labDir: f.labDir,
  lab: { open: view.exercises.map((e) => e.id) },
});
export const pick = (l: Localized, lang: Lang) => l[lang];
export const squash = (s: string) => s.replace(/\s+/g, ' ').trim();
/** The text a reader sees of a bit of Markdown (the bundled tasks and hints: emphasis, code spans, fences). */
export const mdText = (s: string) => squash(s.replace(/```\w*\n?/g, '').replace(/[*`]/g, ''));
export const sel = (key: string) => `[data-key="${key}"]`;

export interface LabPanels {
  /** Opens the panel (with a lab: once it has drawn it). */
  open(m: HostMessage | undefined, opts?: OpenOptions): Promise<PanelHandle>;
  /** Opens the panel and records every request that leaves the panel's own origin (none may). */
  openWatched(m: HostMessage | undefined, opts?: OpenOptions): Promise<PanelHandle>;
  /** Closes a panel that logged no error. */
  closeClean(p: PanelHandle): Promise<void>;
}

/** Chromium for the tests of one describe block, and the lab panel opened in it. */
export function useLabPanels(): LabPanels {
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

  return { open, openWatched, closeClean };
}
