/**
 * What the trace panel's browser tests share (trace.test.ts, trace-controls.test.ts,
 * trace-legs.test.ts): the lab fixtures, the message the extension would send, and readers of what
 * the panel shows (a leg's rows, the selected step, the topology's highlight, the saved state).
 * Split out of trace.test.ts when it grew past what one file should hold.
 */
import { strict as assert } from 'node:assert';
import type { Browser } from 'playwright-core';
import type { Lang } from '../../src/core/text/i18n';
import type { Step, TraceResult } from '../../src/core/datapath/trace';
import { DEFAULT_SEED } from '../../src/core/datapath/flow';
import { endpointText, legsOf, netfilterRow, type NfPacket, nfWhere, traceView } from '../../src/core/view/trace';
import type { TraceView } from '../../src/core/view/types';
import type { HostMessage, PanelState } from '../../src/protocol/panels';
import { launch, openPanel, type OpenOptions, type PanelHandle } from './harness';
import { STAGES } from '../../webview/trace/strings';
import { type LabFixture, labFixtures } from './trace-labs';

export const FIXTURES = labFixtures();

export function message(f: LabFixture, view: TraceView, lang: Lang = 'en'): HostMessage {
  return { type: 'trace', lang, labDir: `file://${f.dir}`, model: f.model, view };
}

export function viewOf(f: LabFixture, i: number): TraceView {
  const t = f.traces[i]!;
  return traceView(f.model, t.trace, t.title);
}

export function fixture(name: string): LabFixture {
  const f = FIXTURES.find((x) => x.name === name);
  assert.ok(f, `no fixture ${name}`);
  return f;
}

/** The rows of a leg's list (by its index in the trace's legs) as the panel shows them: number, place, interface, stage, detail. */
export async function rows(p: PanelHandle, leg: number): Promise<string[][]> {
  return p.page.$$eval(`#events-${leg} [role=option]`, (els) =>
    els.map((e) => [...e.querySelectorAll(':scope > span')].map((s) => (s.textContent ?? '').trim())),
  );
}

export async function selected(p: PanelHandle): Promise<{ leg: number; index: number } | undefined> {
  return p.page.evaluate(() => {
    const el = document.querySelector<HTMLElement>('[role=option][aria-selected=true]');
    return el ? { leg: Number(el.dataset['leg']), index: Number(el.dataset['index']) } : undefined;
  });
}

/** What the topology shows as the current step's node, and the nodes of the highlighted path. */
export async function topoHighlight(
  p: PanelHandle,
): Promise<{ current: string[]; path: string[]; ports: string[]; currentPort: string[]; links: string[]; currentLink: string[] }> {
  return p.page.evaluate(() => {
    const ids = (sel: string) => [...document.querySelectorAll(sel)].map((e) => e.getAttribute('data-id')!);
    const nodes = (sel: string) => ids(sel).filter((id) => !id.startsWith('p:'));
    return {
      current: nodes('#topology .knt-node.knt-current'),
      path: nodes('#topology .knt-node.knt-on-path'),
      ports: ids('#topology .knt-node.knt-on-path').filter((id) => id.startsWith('p:')),
      currentPort: ids('#topology .knt-node.knt-current').filter((id) => id.startsWith('p:')),
      links: ids('#topology path.knt-link.knt-on-path'),
      currentLink: ids('#topology path.knt-link.knt-current'),
    };
  });
}

/** The panel's saved state once it satisfies `ok` (the panel saves at most every few hundred ms). */
export async function stateWhen(p: PanelHandle, ok: (s: PanelState | undefined) => boolean): Promise<PanelState | undefined> {
  const until = Date.now() + 5000;
  for (;;) {
    const s = await p.state();
    if (ok(s) || Date.now() > until) return s;
    await p.page.waitForTimeout(50);
  }
}

/**
 * A netfilter row's cells as webview/trace/netfilter.ts draws them (the lab fixtures' labs with
 * iptables rules): the hook in the badge; where, the verdict, what changed, the rule's text.
 */
function netfilterCells(s: Step, lang: Lang): [string, string] | undefined {
  const row = netfilterRow(s, DEFAULT_SEED);
  if (!row) return undefined;
  const changed = lang === 'ko' ? '이 단계에서 바뀜' : 'changed at this step';
  const rw = row.rewrite;
  const diffs: string[] = [];
  if (rw) {
    for (const side of ['src', 'dst'] as const) {
      const port = side === 'src' ? 'sport' : 'dport';
      const ep = (p: NfPacket) => endpointText(p[side], p[port]);
      if (rw.changed.includes(side) || rw.changed.includes(port)) diffs.push(`${side} ${ep(rw.before)} → ${ep(rw.after)} (${changed})`);
    }
    const mark = (p: NfPacket) => `mark 0x${(p.mark ?? 0).toString(16)}`;
    if (rw.changed.includes('mark')) diffs.push(`src ${mark(rw.before)} → ${mark(rw.after)} (${changed})`);
  }
  const what = [nfWhere(row)[lang], row.outcome[lang], ...diffs, row.text ?? ''].filter((x) => x).join(' ');
  return [s.hook ? `${STAGES.netfilter[lang]} ${s.hook}` : STAGES.netfilter[lang], what];
}

export function expectedRows(tr: TraceResult, leg: number, lang: Lang): string[][] {
  return (legsOf(tr)[leg]?.steps ?? []).map((s, i) => [
    String(i + 1),
    s.netns ? `${s.host}/${s.netns}` : s.host,
    s.iface ?? '',
    ...(netfilterCells(s, lang) ?? [STAGES[s.stage][lang], s.detail[lang]]),
  ]);
}

/** Chromium for the tests of one describe block, and a way to open the trace panel in it. */
export function useBrowser(): (m: HostMessage | undefined, opts?: OpenOptions) => Promise<PanelHandle> {
  let browser: Browser | undefined;
  before(async function () {
    browser = await launch(this);
  });
  after(async () => {
    await browser?.close();
  });
  return async (m, opts = {}) => {
    const p = await openPanel(browser!, 'trace', m, opts);
    await p.waitForPost('ready');
    return p;
  };
}
