/**
 * The trace panel (webview/trace) in headless Chromium, on the traces of every bundled lab's reach
 * and noreach checks (as given and solved): the event list, stepping and playback, the path on the
 * topology, the step details, the verdict in both languages, branches, the keyboard, the state
 * after a reload, and screenshots in light, dark and high-contrast themes.
 */
import { strict as assert } from 'node:assert';
import type { Browser } from 'playwright-core';
import type { Lang } from '../../src/core/text/i18n';
import type { TraceResult } from '../../src/core/datapath/trace';
import { pathOf, traceView } from '../../src/core/view/trace';
import type { TraceView } from '../../src/core/view/types';
import type { HostMessage, PanelState } from '../../src/protocol/panels';
import { launch, openPanel, type OpenOptions, type PanelHandle } from './harness';
import { STAGES, VERDICTS } from '../../webview/trace/strings';
import { type LabFixture, labFixtures } from './trace-labs';

const FIXTURES = labFixtures();

function message(f: LabFixture, view: TraceView, lang: Lang = 'en'): HostMessage {
  return { type: 'trace', lang, labDir: `file://${f.dir}`, model: f.model, view };
}

function viewOf(f: LabFixture, i: number): TraceView {
  const t = f.traces[i]!;
  return traceView(f.model, t.trace, t.title);
}

function fixture(name: string): LabFixture {
  const f = FIXTURES.find((x) => x.name === name);
  assert.ok(f, `no fixture ${name}`);
  return f;
}

/** The rows of a leg's list as the panel shows them: number, place, interface, stage, detail. */
async function rows(p: PanelHandle, leg: 'request' | 'reply'): Promise<string[][]> {
  return p.page.$$eval(`#events-${leg} [role=option]`, (els) =>
    els.map((e) => [...e.querySelectorAll(':scope > span')].map((s) => (s.textContent ?? '').trim())),
  );
}

async function selected(p: PanelHandle): Promise<{ leg: string; index: number } | undefined> {
  return p.page.evaluate(() => {
    const el = document.querySelector<HTMLElement>('[role=option][aria-selected=true]');
    return el ? { leg: el.dataset['leg']!, index: Number(el.dataset['index']) } : undefined;
  });
}

/** What the topology shows as the current step's node, and the nodes of the highlighted path. */
async function topoHighlight(p: PanelHandle): Promise<{ current: string[]; path: string[]; ports: string[]; currentPort: string[]; links: string[]; currentLink: string[] }> {
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
async function stateWhen(p: PanelHandle, ok: (s: PanelState | undefined) => boolean): Promise<PanelState | undefined> {
  const until = Date.now() + 5000;
  for (;;) {
    const s = await p.state();
    if (ok(s) || Date.now() > until) return s;
    await p.page.waitForTimeout(50);
  }
}

function expectedRows(tr: TraceResult, leg: 'request' | 'reply', lang: Lang): string[][] {
  return tr[leg].steps.map((s, i) => [String(i + 1), s.netns ? `${s.host}/${s.netns}` : s.host, s.iface ?? '', STAGES[s.stage][lang], s.detail[lang]]);
}

describe('trace panel (webview/trace) in Chromium', function () {
  this.timeout(120_000);
  let browser: Browser | undefined;
  const open = async (m: HostMessage | undefined, opts: OpenOptions = {}): Promise<PanelHandle> => {
    const p = await openPanel(browser!, 'trace', m, opts);
    await p.waitForPost('ready');
    return p;
  };

  before(async function () {
    browser = await launch(this);
  });
  after(async () => {
    await browser?.close();
  });

  it('covers every bundled lab, as given and solved', () => {
    assert.ok(FIXTURES.length >= 6);
    for (const f of FIXTURES) assert.ok(f.traces.length > 0, f.name);
  });

  for (const f of FIXTURES) {
    it(`${f.name}: every check's trace, its rows in order, the verdict, each step's detail and place on the topology`, async () => {
      const p = await open(message(f, viewOf(f, 0)));
      for (let i = 0; i < f.traces.length; i++) {
        const t = f.traces[i]!;
        const view = viewOf(f, i);
        if (i > 0) await p.send(message(f, view));
        await p.page.waitForFunction((title) => document.getElementById('trace-title')?.textContent === title, t.title);
        // One row per step, in order, with the right texts; request and reply side by side.
        assert.deepEqual(await rows(p, 'request'), expectedRows(t.trace, 'request', 'en'), `${t.label}: request`);
        assert.deepEqual(await rows(p, 'reply'), expectedRows(t.trace, 'reply', 'en'), `${t.label}: reply`);
        // The verdict, in plain words.
        assert.equal(await p.page.textContent('#reason'), t.trace.reason.en);
        assert.equal(await p.page.getAttribute('.verdict-badge', 'data-verdict'), t.trace.verdict);
        assert.equal((await p.page.textContent('.verdict-badge'))?.trim(), VERDICTS[t.trace.verdict].en);
        // The accessible table holds every step too.
        assert.equal(await p.page.locator('#steps-table tbody tr').count(), t.trace.request.steps.length + t.trace.reply.steps.length);
        // Step through the whole trace: the selection, the detail and the topology follow.
        await p.page.keyboard.press('Home');
        const order = [...t.trace.request.steps.map((_, k) => ['request', k] as const), ...t.trace.reply.steps.map((_, k) => ['reply', k] as const)];
        for (let k = 0; k < order.length; k++) {
          const [leg, index] = order[k]!;
          if (k > 0) await p.page.keyboard.press('ArrowRight');
          const step = t.trace[leg].steps[index]!;
          const state = await p.page.evaluate(() => ({
            head: document.querySelector('#detail .detail-where')?.textContent ?? '',
            text: document.querySelector('#detail .detail-text')?.textContent ?? '',
            kind: document.querySelector<HTMLElement>('#detail .decision')?.dataset['kind'] ?? '',
            matched: [...document.querySelectorAll('#detail .route-table tr.matched .route-line')].map((e) => e.textContent ?? ''),
            position: document.getElementById('position')?.textContent ?? '',
          }));
          const where = `${t.label} ${leg} #${index + 1}`;
          assert.deepEqual(await selected(p), { leg, index }, where);
          assert.equal(state.head, `${step.netns ? `${step.host}/${step.netns}` : step.host}${step.iface ? ` ${step.iface}` : ''}`, where);
          assert.equal(state.text, step.detail.en, where);
          assert.equal(state.position, `Step ${k + 1} of ${order.length}`, where);
          if (step.stage === 'route' && typeof step.data?.['route'] === 'string') {
            assert.equal(state.kind, 'route', where);
            assert.deepEqual(state.matched, [step.data['route']], `${where}: the matched route is marked`);
          }
          const hl = await topoHighlight(p);
          assert.deepEqual(hl.current, [view.anchors[leg][index]!.node], `${where}: the current node on the topology`);
          const anchor = view.anchors[leg][index]!;
          const path = pathOf(view, leg);
          assert.deepEqual(new Set(hl.path), new Set(path.nodes), `${where}: the path's nodes`);
          assert.deepEqual(new Set(hl.ports), new Set(path.ports), `${where}: the path's ports`);
          assert.deepEqual(new Set(hl.links), new Set(path.links), `${where}: the path's links`);
          assert.deepEqual(hl.currentPort, anchor.port ? [anchor.port] : [], `${where}: the current port`);
          assert.deepEqual(hl.currentLink, anchor.link ? [anchor.link] : [], `${where}: the current link`);
        }
      }
      assert.deepEqual(p.errors, []);
      await p.close();
    });
  }

  it('stepping forward and back moves the highlighted node; the buttons disable at the ends', async () => {
    const f = fixture('02-gateway (solved)');
    const view = viewOf(f, 1);
    const p = await open(message(f, view));
    await p.page.waitForSelector('[role=option][aria-selected=true]');
    assert.deepEqual((await topoHighlight(p)).current, ['h:a']);
    assert.equal(await p.page.getAttribute('#btn-back', 'disabled'), '');
    // Forward to r's first step.
    const firstAtR = view.trace.request.steps.findIndex((s) => s.host === 'r');
    for (let i = 0; i < firstAtR; i++) await p.page.click('#btn-forward');
    assert.deepEqual(await selected(p), { leg: 'request', index: firstAtR });
    assert.deepEqual((await topoHighlight(p)).current, ['h:r']);
    await p.page.click('#btn-back');
    assert.deepEqual((await topoHighlight(p)).current, ['h:a']);
    await p.page.click('#btn-end');
    assert.deepEqual(await selected(p), { leg: 'reply', index: view.trace.reply.steps.length - 1 });
    assert.deepEqual((await topoHighlight(p)).current, ['h:a']);
    assert.equal(await p.page.getAttribute('#btn-forward', 'disabled'), '');
    await p.page.click('#btn-start');
    assert.deepEqual(await selected(p), { leg: 'request', index: 0 });
    assert.deepEqual(p.errors, []);
    await p.close();
  });

  it('play advances step by step at the chosen speed, pause stops', async () => {
    const f = fixture('02-gateway (solved)');
    const p = await open(message(f, viewOf(f, 1)));
    await p.page.waitForSelector('[role=option][aria-selected=true]');
    // The fastest speed.
    await p.page.evaluate(() => {
      const s = document.getElementById('speed') as HTMLElement & { value: string };
      s.value = '4';
      s.dispatchEvent(new Event('change'));
    });
    assert.equal((await stateWhen(p, (st) => st?.trace?.speed === 4))?.trace?.speed, 4);
    await p.page.click('#btn-play');
    assert.equal(await p.page.getAttribute('#btn-play', 'aria-pressed'), 'true');
    assert.equal(await p.page.getAttribute('#btn-play', 'aria-label'), 'Pause (Space)');
    await p.page.waitForFunction(() => Number(document.querySelector<HTMLElement>('[aria-selected=true]')?.dataset['index']) >= 2, undefined, { timeout: 5000 });
    await p.page.click('#btn-play');
    assert.equal(await p.page.getAttribute('#btn-play', 'aria-pressed'), 'false');
    const at = await selected(p);
    await p.page.waitForTimeout(800); // three intervals at 4x: nothing moves while paused
    assert.deepEqual(await selected(p), at);
    // Played to the end, it stops there by itself.
    await p.page.click('#btn-forward');
    await p.page.keyboard.press('End');
    await p.page.keyboard.press('ArrowLeft');
    await p.page.click('#btn-play');
    await p.page.waitForFunction(() => document.getElementById('btn-play')?.getAttribute('aria-pressed') === 'false', undefined, { timeout: 5000 });
    assert.equal((await selected(p))?.leg, 'reply');
    assert.deepEqual(p.errors, []);
    await p.close();
  });

  it('the detail of a route step: the namespace\'s table with the matched route marked; headers; the lab line', async () => {
    const f = fixture('02-gateway (solved)');
    const view = viewOf(f, 1);
    const p = await open(message(f, view));
    const idx = view.trace.request.steps.findIndex((s) => s.stage === 'route' && s.host === 'a');
    const step = view.trace.request.steps[idx]!;
    await p.page.click(`#step-request-${idx}`);
    const table = f.model.nodes.find((n) => n.id === 'h:a')!.tables!.find((t) => t.table === 'main')!;
    const lines = await p.page.$$eval('#detail .route-table tr', (trs) => trs.map((tr) => [tr.classList.contains('matched'), tr.querySelector('.route-line')?.textContent ?? '', tr.querySelector('.mark')?.textContent ?? ''] as const));
    assert.deepEqual(lines.map((l) => l[1]), table.routes);
    assert.deepEqual(lines.filter((l) => l[0]).map((l) => l[1]), [step.data!['route']]);
    assert.deepEqual(lines.filter((l) => l[0]).map((l) => l[2]), ['matched']);
    assert.equal(await p.page.textContent('#detail .route-table caption'), 'Routing table main of a');
    // Out through, next hop and source.
    assert.match((await p.page.textContent('#detail .fields')) ?? '', /eth0.*192\.168\.1\.1.*192\.168\.1\.10/);
    // The packet's headers at that point.
    const fields = await p.page.$$eval('#detail .packet tbody tr', (trs) => trs.map((tr) => tr.getAttribute('data-field')));
    assert.deepEqual(fields, ['ip.src', 'ip.dst', 'ip.ttl', 'ip.proto', 'icmp.type']);
    // The lab line that made the route: a click reveals it in the editor.
    assert.ok(step.source, 'the route comes from a lab line');
    await p.page.click('#detail .detail-source button');
    const reveal = await p.waitForPost('reveal');
    assert.deepEqual(reveal.source, step.source);
    // An ARP step: the exchange, who answered.
    const arp = view.trace.request.steps.findIndex((s) => s.stage === 'neigh');
    await p.page.click(`#step-request-${arp}`);
    assert.match((await p.page.textContent('#detail .arp')) ?? '', /who-has 192\.168\.1\.1 tell 192\.168\.1\.10.*192\.168\.1\.1 is-at [0-9a-f:]{17}.*answered by r eth0/);
    // A forward step: the TTL, and the changed header marked.
    const fwd = view.trace.request.steps.findIndex((s) => s.stage === 'forward');
    await p.page.click(`#step-request-${fwd}`);
    assert.equal(await p.page.textContent('#detail .decision p'), 'TTL 64 → 63 (net.ipv4.ip_forward = 1)');
    assert.deepEqual(await p.page.$$eval('#detail .packet tr.changed', (trs) => trs.map((tr) => tr.getAttribute('data-field'))), ['ip.ttl']);
    assert.deepEqual(p.errors, []);
    await p.close();
  });

  it('lab 05 (solved): the bridge learns, then forwards by its FDB entry', async () => {
    const f = fixture('05-network-namespaces (solved)');
    const i = f.traces.findIndex((t) => t.title === 'host1/green -> 192.168.15.1 icmp');
    const view = viewOf(f, i);
    const p = await open(message(f, view));
    const br = view.trace.request.steps.findIndex((s) => s.stage === 'bridge');
    await p.page.click(`#step-request-${br - 1}`);
    assert.match((await p.page.textContent('#detail .decision')) ?? '', /FDB of bridge v-net-0.*Learned/);
    await p.page.click(`#step-request-${br}`);
    const fdb = await p.page.$$eval('#detail .fdb tbody td', (tds) => tds.map((td) => td.textContent));
    assert.deepEqual(fdb[1], 'veth-red-br');
    assert.match((await p.page.textContent('#detail .decision')) ?? '', /the frame goes to that port only/);
    assert.deepEqual(p.errors, []);
    await p.close();
  });

  it('a dropped trace ends with its reason in plain words, in English and in Korean', async () => {
    const f = fixture('02-gateway');
    const i = f.traces.findIndex((t) => t.trace.verdict === 'no-route');
    const t = f.traces[i]!;
    const p = await open(message(f, viewOf(f, i), 'ko'));
    await p.page.waitForSelector('#reason');
    assert.equal(await p.page.textContent('#reason'), t.trace.reason.ko);
    assert.equal((await p.page.textContent('.verdict-badge'))?.trim(), '경로 없음');
    assert.equal(await p.page.getAttribute('html', 'lang'), 'ko');
    assert.deepEqual(await rows(p, 'request'), expectedRows(t.trace, 'request', 'ko'));
    assert.equal((await p.page.textContent('#events-reply .empty'))?.trim(), '단계 없음: 아무것도 돌아오지 않았습니다.');
    // The drop step's detail: why.
    await p.page.keyboard.press('End');
    assert.match((await p.page.textContent('#detail .drop-reason')) ?? '', new RegExp(`버려지는 이유: ${t.trace.reason.ko.replace(/[()]/g, '\\$&')}`));
    await p.shot('trace-dropped-ko');
    // The display language changes: everything is redrawn in English, at the same step.
    await p.send({ type: 'lang', lang: 'en' });
    await p.page.waitForFunction(() => document.documentElement.lang === 'en');
    assert.equal(await p.page.textContent('#reason'), t.trace.reason.en);
    assert.equal((await p.page.textContent('.verdict-badge'))?.trim(), 'No route');
    assert.deepEqual(await rows(p, 'request'), expectedRows(t.trace, 'request', 'en'));
    assert.deepEqual(await selected(p), { leg: 'request', index: t.trace.request.steps.length - 1 });
    assert.match((await p.page.textContent('#detail .drop-reason')) ?? '', /^Why it is dropped: /);
    await p.shot('trace-dropped-en');
    assert.deepEqual(p.errors, []);
    await p.close();
  });

  it('branches: the alternatives with their verdicts, and picking one shows its trace', async () => {
    const f = fixture('02-gateway (solved)');
    const main = viewOf(f, 1);
    const other = FIXTURES.find((x) => x.name === '02-gateway')!.traces.find((x) => x.trace.verdict === 'no-route')!;
    const view = traceView(f.model, main.trace, main.title, [{ label: { en: 'via the backup router', ko: '백업 라우터 경유' }, trace: other.trace }]);
    const p = await open(message(f, view));
    await p.page.waitForSelector('#branches:not([hidden])');
    const radios = await p.page.$$eval('#branches vscode-radio', (rs) => rs.map((r) => [r.getAttribute('label'), (r as HTMLElement & { checked: boolean }).checked] as const));
    assert.deepEqual(radios, [['This trace: Replied', true], ['via the backup router: No route', false]]);
    assert.equal((await rows(p, 'request')).length, main.trace.request.steps.length);
    await p.page.click('#branches vscode-radio[data-branch="0"]');
    await p.page.waitForFunction((n) => document.querySelectorAll('#events-request [role=option]').length === n, other.trace.request.steps.length);
    assert.deepEqual(await rows(p, 'request'), expectedRows(other.trace, 'request', 'en'));
    assert.equal(await p.page.textContent('#reason'), other.trace.reason.en);
    assert.equal((await stateWhen(p, (st) => st?.trace?.branch === 0))?.trace?.branch, 0);
    // And back.
    await p.page.click('#branches vscode-radio[data-branch="-1"]');
    await p.page.waitForFunction((n) => document.querySelectorAll('#events-request [role=option]').length === n, main.trace.request.steps.length);
    assert.equal((await stateWhen(p, (st) => st?.trace?.branch === undefined))?.trace?.branch, undefined);
    // A trace without branches shows no selector.
    await p.send(message(f, viewOf(f, 0)));
    await p.page.waitForSelector('#branches[hidden]', { state: 'attached' });
    assert.deepEqual(p.errors, []);
    await p.close();
  });

  it('the keyboard: Tab reaches the controls and the lists, arrows step and move, Space plays and pauses', async () => {
    const f = fixture('02-gateway (solved)');
    const view = viewOf(f, 1);
    const p = await open(message(f, view));
    await p.page.waitForSelector('[role=option][aria-selected=true]');
    // Tab order: the new-trace form, the playback buttons, then on to the selected row of the request list.
    const order: string[] = [];
    await p.page.focus('body');
    for (let i = 0; i < 20; i++) {
      await p.page.keyboard.press('Tab');
      order.push(await p.page.evaluate(() => document.activeElement?.id ?? document.activeElement?.tagName ?? ''));
    }
    const at = (id: string) => order.indexOf(id);
    // At the first step, the back buttons are disabled and out of the tab order.
    assert.ok(at('btn-back') < 0 && at('btn-play') >= 0 && at('btn-forward') > at('btn-play') && at('speed') > at('btn-forward'), order.join(' '));
    assert.ok(at('step-request-0') > at('btn-forward'), order.join(' '));
    // In the list: ArrowDown moves the selection, the focus follows.
    await p.page.focus('#step-request-0');
    await p.page.keyboard.press('ArrowDown');
    await p.page.keyboard.press('ArrowDown');
    assert.deepEqual(await selected(p), { leg: 'request', index: 2 });
    assert.equal(await p.page.evaluate(() => document.activeElement?.id), 'step-request-2');
    await p.page.keyboard.press('ArrowUp');
    assert.deepEqual(await selected(p), { leg: 'request', index: 1 });
    // The arrows step through the whole walk: from the request's last step into the reply.
    await p.page.keyboard.press('End');
    assert.deepEqual(await selected(p), { leg: 'reply', index: view.trace.reply.steps.length - 1 });
    assert.equal(await p.page.evaluate(() => document.activeElement?.id), `step-reply-${view.trace.reply.steps.length - 1}`);
    await p.page.keyboard.press('Home');
    for (let i = 0; i < view.trace.request.steps.length; i++) await p.page.keyboard.press('ArrowRight');
    assert.deepEqual(await selected(p), { leg: 'reply', index: 0 });
    await p.page.keyboard.press('ArrowLeft');
    assert.deepEqual(await selected(p), { leg: 'request', index: view.trace.request.steps.length - 1 });
    // Enter on a row selects it; a click too.
    await p.page.click('#step-reply-3');
    assert.deepEqual(await selected(p), { leg: 'reply', index: 3 });
    // Space plays, Space pauses.
    await p.page.keyboard.press(' ');
    assert.equal(await p.page.getAttribute('#btn-play', 'aria-pressed'), 'true');
    await p.page.keyboard.press(' ');
    assert.equal(await p.page.getAttribute('#btn-play', 'aria-pressed'), 'false');
    // On a button, Space is the button's own: the forward button steps, it does not play.
    await p.page.focus('#btn-forward');
    const before = await selected(p);
    await p.page.keyboard.press(' ');
    assert.equal(await p.page.getAttribute('#btn-play', 'aria-pressed'), 'false');
    assert.deepEqual(await selected(p), { leg: 'reply', index: before!.index + 1 });
    // The live region says where the packet is.
    assert.match((await p.page.textContent('#live')) ?? '', /^Reply, step \d+ \(Step \d+ of 27\): /);
    // Every control has a name.
    const unnamed = await p.page.$$eval('vscode-button, vscode-single-select, [role=listbox], [role=option]', (els) =>
      els.filter((e) => !(e.getAttribute('aria-label') || e.getAttribute('aria-labelledby') || (e.textContent ?? '').trim())).map((e) => e.id || e.tagName),
    );
    assert.deepEqual(unnamed, []);
    assert.deepEqual(p.errors, []);
    await p.close();
  });

  it('the whole trace as an accessible table, on screen when asked for', async () => {
    const f = fixture('05-network-namespaces (solved)');
    const view = viewOf(f, 0);
    const p = await open(message(f, view));
    await p.page.waitForSelector('#steps-table caption');
    assert.equal(await p.page.textContent('#steps-table caption'), `Every step of the trace ${view.title}, the request then the reply`);
    assert.deepEqual(await p.page.$$eval('#steps-table thead th', (ths) => ths.map((th) => [th.getAttribute('scope'), th.textContent])), [
      ['col', 'Leg'], ['col', '#'], ['col', 'Where'], ['col', 'Interface'], ['col', 'Stage'], ['col', 'What happens'],
    ]);
    assert.equal(await p.page.locator('#steps-table tbody th[scope=row]').count(), view.trace.request.steps.length + view.trace.reply.steps.length);
    // Hidden from sight (not from screen readers) until asked for.
    assert.ok(((await p.page.locator('.steps-table-wrap').boundingBox())?.width ?? 0) <= 1);
    assert.equal(await p.page.getAttribute('#btn-table', 'aria-pressed'), 'false');
    await p.page.click('#btn-table');
    assert.equal(await p.page.getAttribute('#btn-table', 'aria-pressed'), 'true');
    assert.ok(((await p.page.locator('#steps-table').boundingBox())?.width ?? 0) > 300);
    await p.page.keyboard.press('ArrowRight');
    assert.equal(await p.page.getAttribute('#table-step-request-1', 'aria-current'), 'step');
    await p.shot('trace-table-light');
    assert.deepEqual(p.errors, []);
    await p.close();
  });

  it('keeps its state (leg, step, speed, branch, the trace) and restores it after a reload', async () => {
    const f = fixture('02-gateway (solved)');
    const view = viewOf(f, 2);
    const m = message(f, view);
    const p = await open(m);
    await p.page.waitForSelector('[role=option][aria-selected=true]');
    await p.page.click('#step-reply-4');
    await p.page.evaluate(() => {
      const s = document.getElementById('speed') as HTMLElement & { value: string };
      s.value = '2';
      s.dispatchEvent(new Event('change'));
    });
    const saved = await stateWhen(p, (st) => st?.trace?.speed === 2 && st.trace.step === 4);
    assert.equal(saved?.kind, 'trace');
    assert.deepEqual(saved?.trace, { leg: 'reply', step: 4, speed: 2 });
    assert.equal(saved?.last?.type, 'trace');
    await p.close();
    // Reopened as VS Code does after a reload: the saved state, and the same trace rendered in.
    const q = await open(m, { state: saved! });
    await q.page.waitForSelector('[role=option][aria-selected=true]');
    assert.deepEqual(await selected(q), { leg: 'reply', index: 4 });
    assert.equal(await q.page.evaluate(() => (document.getElementById('speed') as HTMLElement & { value: string }).value), '2');
    assert.equal(await q.page.textContent('#detail .detail-text'), view.trace.reply.steps[4]!.detail.en);
    await q.close();
    // Without bootstrap data, from the state alone.
    const r = await open(undefined, { state: saved! });
    await r.page.waitForSelector('[role=option][aria-selected=true]');
    assert.deepEqual(await selected(r), { leg: 'reply', index: 4 });
    assert.equal(await r.page.textContent('#trace-title'), view.title);
    assert.deepEqual([...q.errors, ...r.errors], []);
    await r.close();
    // A new trace starts at its first step.
    const s = await open(message(f, viewOf(f, 0)), { state: saved! });
    await s.page.waitForSelector('[role=option][aria-selected=true]');
    assert.deepEqual(await selected(s), { leg: 'request', index: 0 });
    await s.close();
  });

  it('an update of the same trace keeps the step; a new trace starts from the first; busy and error', async () => {
    const f = fixture('02-gateway (solved)');
    const p = await open(message(f, viewOf(f, 1)));
    await p.page.click('#step-request-5');
    await p.send(message(f, viewOf(f, 1)));
    await p.page.waitForTimeout(50);
    assert.deepEqual(await selected(p), { leg: 'request', index: 5 });
    await p.send({ type: 'busy', busy: true });
    await p.page.waitForSelector('vscode-progress-ring');
    await p.send({ type: 'busy', busy: false });
    await p.page.waitForSelector('vscode-progress-ring', { state: 'detached' });
    await p.send({ type: 'error', message: 'lab.yaml:3: bad indentation' });
    assert.match((await p.page.textContent('.status-line [role=alert]')) ?? '', /The lab does not load: lab\.yaml:3: bad indentation/);
    await p.send(message(f, viewOf(f, 0)));
    await p.page.waitForFunction(() => !document.querySelector('.status-line [role=alert]'));
    assert.deepEqual(await selected(p), { leg: 'request', index: 0 });
    assert.deepEqual(p.errors, []);
    await p.close();
  });

  it('traces another packet: the form starts from the trace shown, lists the lab\'s endpoints, and posts runTrace', async () => {
    const f = fixture('05-network-namespaces (solved)');
    const i = f.traces.findIndex((t) => t.title === 'host1/red -> 192.168.15.3 tcp/8080');
    const p = await open(message(f, viewOf(f, i)));
    await p.page.waitForSelector('#trace-form');
    const value = (sel: string) => p.page.evaluate((s) => (document.querySelector(s) as HTMLElement & { value: string }).value, sel);
    assert.equal(await value('#trace-from'), 'host1/red');
    assert.equal(await value('#trace-to'), '192.168.15.3');
    assert.equal(await value('#trace-proto'), 'tcp');
    assert.equal(await value('#trace-port'), '8080');
    const options = await p.page.$$eval('#trace-from vscode-option', (os) => os.map((o) => o.getAttribute('value')));
    assert.deepEqual(options, ['host1', 'host1/red', 'host1/blue', 'host1/green', 'host2']);
    // The same packet again: one click.
    await p.page.click('#trace-run');
    assert.deepEqual((await p.waitForPost('runTrace')).args, { from: 'host1/red', to: '192.168.15.3', proto: 'tcp', port: 8080 });
    // Another one: ICMP needs no port; a bad address is refused in words.
    const set = (sel: string, v: string) => p.page.evaluate(([s, x]) => {
      const el = document.querySelector(s!) as HTMLElement & { value: string };
      el.value = x!;
      el.dispatchEvent(new Event('change'));
    }, [sel, v] as const);
    await set('#trace-from', 'host2');
    await set('#trace-proto', 'icmp');
    assert.equal(await p.page.isHidden('#trace-port'), true);
    await set('#trace-to', '192.168.15.x');
    await p.page.click('#trace-run');
    assert.equal(await p.page.textContent('#trace-form-error'), 'Give the destination as an IP address.');
    await set('#trace-to', '192.168.1.2');
    await p.page.click('#trace-run');
    await p.page.waitForFunction(() => (window as unknown as { __posted: { type: string }[] }).__posted.filter((m) => m.type === 'runTrace').length === 2);
    const posted = (await p.posted()).filter((m) => m.type === 'runTrace');
    assert.deepEqual(posted[1], { type: 'runTrace', args: { from: 'host2', to: '192.168.1.2', proto: 'icmp' } });
    assert.equal(await p.page.textContent('#trace-form-error'), '');
    assert.deepEqual(p.errors, []);
    await p.close();
  });

  it('with no trace yet: says how to get one', async () => {
    const p = await open(undefined);
    assert.match((await p.page.textContent('#empty')) ?? '', /No trace yet/);
    assert.deepEqual(p.errors, []);
    await p.close();
  });

  for (const theme of ['light', 'dark', 'high-contrast'] as const) {
    it(`screenshots, ${theme}: a replied trace at a route step, and a dropped one`, async () => {
      const f = fixture('02-gateway (solved)');
      const view = viewOf(f, 1);
      const p = await open(message(f, view), { theme });
      const idx = view.trace.request.steps.findIndex((s) => s.stage === 'route' && s.host === 'r');
      await p.page.click(`#step-request-${idx}`);
      await p.page.waitForTimeout(100);
      await p.shot(`trace-${theme}`);
      const g = fixture('05-network-namespaces (solved)');
      await p.send(message(g, viewOf(g, 0)));
      await p.page.waitForFunction((title) => document.getElementById('trace-title')?.textContent === title, viewOf(g, 0).title);
      const br = viewOf(g, 0).trace.request.steps.findIndex((s) => s.stage === 'bridge');
      await p.page.click(`#step-request-${br}`);
      await p.shot(`trace-bridge-${theme}`);
      const d = fixture('01-switching-routing');
      const di = d.traces.findIndex((t) => t.trace.verdict === 'host-unreachable' && t.trace.reply.steps.length > 0);
      await p.send(message(d, viewOf(d, di)));
      await p.page.waitForFunction((title) => document.getElementById('trace-title')?.textContent === title, d.traces[di]!.title);
      await p.page.keyboard.press('End');
      await p.shot(`trace-unreachable-${theme}`);
      assert.deepEqual(p.errors, []);
      await p.close();
    });
  }
});
