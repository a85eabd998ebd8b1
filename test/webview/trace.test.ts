/**
 * The trace panel (webview/trace) in headless Chromium, on the traces of every bundled lab's reach
 * and noreach checks (as given and solved): the event list, stepping and playback, the path on the
 * topology, the step details, the verdict in both languages, branches, and screenshots in light,
 * dark and high-contrast themes. The keyboard, the table, the saved state and the form are in
 * trace-controls.test.ts; traces of more than two legs in trace-legs.test.ts.
 */
import { strict as assert } from 'node:assert';
import { pathOf, traceView } from '../../src/core/view/trace';
import { VERDICTS } from '../../webview/trace/strings';
import { expectedRows, fixture, FIXTURES, message, rows, selected, stateWhen, topoHighlight, useBrowser, viewOf } from './trace-helpers';

describe('trace panel (webview/trace) in Chromium', function () {
  this.timeout(120_000);
  const open = useBrowser();

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
        assert.deepEqual(await rows(p, 0), expectedRows(t.trace, 0, 'en'), `${t.label}: request`);
        assert.deepEqual(await rows(p, 1), expectedRows(t.trace, 1, 'en'), `${t.label}: reply`);
        // The verdict, in plain words.
        assert.equal(await p.page.textContent('#reason'), t.trace.reason.en);
        assert.equal(await p.page.getAttribute('.verdict-badge', 'data-verdict'), t.trace.verdict);
        assert.equal((await p.page.textContent('.verdict-badge'))?.trim(), VERDICTS[t.trace.verdict].en);
        // The accessible table holds every step of every leg too (a proxy's connection has legs of its own).
        assert.equal(
          await p.page.locator('#steps-table tbody tr').count(),
          t.trace.legs.reduce((n, l) => n + l.steps.length, 0),
        );
        // Step through the whole trace: the selection, the detail and the topology follow.
        await p.page.keyboard.press('Home');
        const order = t.trace.legs.flatMap((l, leg) => l.steps.map((_, index) => [leg, index] as const));
        for (let k = 0; k < order.length; k++) {
          const [leg, index] = order[k]!;
          if (k > 0) await p.page.keyboard.press('ArrowRight');
          const step = t.trace.legs[leg]!.steps[index]!;
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
          assert.deepEqual(hl.current, [view.anchors[leg]![index]!.node], `${where}: the current node on the topology`);
          const anchor = view.anchors[leg]![index]!;
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
    assert.deepEqual(await selected(p), { leg: 0, index: firstAtR });
    assert.deepEqual((await topoHighlight(p)).current, ['h:r']);
    await p.page.click('#btn-back');
    assert.deepEqual((await topoHighlight(p)).current, ['h:a']);
    await p.page.click('#btn-end');
    assert.deepEqual(await selected(p), { leg: 1, index: view.trace.reply.steps.length - 1 });
    assert.deepEqual((await topoHighlight(p)).current, ['h:a']);
    assert.equal(await p.page.getAttribute('#btn-forward', 'disabled'), '');
    await p.page.click('#btn-start');
    assert.deepEqual(await selected(p), { leg: 0, index: 0 });
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
    await p.page.waitForFunction(
      () => Number(document.querySelector<HTMLElement>('[aria-selected=true]')?.dataset['index']) >= 2,
      undefined,
      { timeout: 5000 },
    );
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
    await p.page.waitForFunction(() => document.getElementById('btn-play')?.getAttribute('aria-pressed') === 'false', undefined, {
      timeout: 5000,
    });
    assert.equal((await selected(p))?.leg, 1);
    assert.deepEqual(p.errors, []);
    await p.close();
  });

  it("the detail of a route step: the namespace's table with the matched route marked; headers; the lab line", async () => {
    const f = fixture('02-gateway (solved)');
    const view = viewOf(f, 1);
    const p = await open(message(f, view));
    const idx = view.trace.request.steps.findIndex((s) => s.stage === 'route' && s.host === 'a');
    const step = view.trace.request.steps[idx]!;
    await p.page.click(`#step-0-${idx}`);
    const table = f.model.nodes.find((n) => n.id === 'h:a')!.tables!.find((t) => t.table === 'main')!;
    const lines = await p.page.$$eval('#detail .route-table tr', (trs) =>
      trs.map(
        (tr) =>
          [
            tr.classList.contains('matched'),
            tr.querySelector('.route-line')?.textContent ?? '',
            tr.querySelector('.mark')?.textContent ?? '',
          ] as const,
      ),
    );
    assert.deepEqual(
      lines.map((l) => l[1]),
      table.routes,
    );
    assert.deepEqual(
      lines.filter((l) => l[0]).map((l) => l[1]),
      [step.data!['route']],
    );
    assert.deepEqual(
      lines.filter((l) => l[0]).map((l) => l[2]),
      ['matched'],
    );
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
    await p.page.click(`#step-0-${arp}`);
    assert.match(
      (await p.page.textContent('#detail .arp')) ?? '',
      /who-has 192\.168\.1\.1 tell 192\.168\.1\.10.*192\.168\.1\.1 is-at [0-9a-f:]{17}.*answered by r eth0/,
    );
    // A forward step: the TTL, and the changed header marked.
    const fwd = view.trace.request.steps.findIndex((s) => s.stage === 'forward');
    await p.page.click(`#step-0-${fwd}`);
    assert.equal(await p.page.textContent('#detail .decision p'), 'TTL 64 → 63 (net.ipv4.ip_forward = 1)');
    assert.deepEqual(await p.page.$$eval('#detail .packet tr.changed', (trs) => trs.map((tr) => tr.getAttribute('data-field'))), [
      'ip.ttl',
    ]);
    assert.deepEqual(p.errors, []);
    await p.close();
  });

  it('lab 05 (solved): the bridge learns, then forwards by its FDB entry', async () => {
    const f = fixture('05-network-namespaces (solved)');
    const i = f.traces.findIndex((t) => t.title === 'host1/green -> 192.168.15.1 icmp');
    const view = viewOf(f, i);
    const p = await open(message(f, view));
    const br = view.trace.request.steps.findIndex((s) => s.stage === 'bridge');
    await p.page.click(`#step-0-${br - 1}`);
    assert.match((await p.page.textContent('#detail .decision')) ?? '', /FDB of bridge v-net-0.*Learned/);
    await p.page.click(`#step-0-${br}`);
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
    assert.equal((await p.page.textContent('.verdict-badge'))?.trim(), '라우트 없음');
    assert.equal(await p.page.getAttribute('html', 'lang'), 'ko');
    assert.deepEqual(await rows(p, 0), expectedRows(t.trace, 0, 'ko'));
    assert.equal((await p.page.textContent('#events-noreply .empty'))?.trim(), '단계 없음: 아무것도 돌아오지 않았습니다.');
    // The drop step's detail: why.
    await p.page.keyboard.press('End');
    assert.match(
      (await p.page.textContent('#detail .drop-reason')) ?? '',
      new RegExp(`버려지는 이유: ${t.trace.reason.ko.replace(/[()]/g, '\\$&')}`),
    );
    await p.shot('trace-dropped-ko');
    // The display language changes: everything is redrawn in English, at the same step.
    await p.send({ type: 'lang', lang: 'en' });
    await p.page.waitForFunction(() => document.documentElement.lang === 'en');
    assert.equal(await p.page.textContent('#reason'), t.trace.reason.en);
    assert.equal((await p.page.textContent('.verdict-badge'))?.trim(), 'No route');
    assert.deepEqual(await rows(p, 0), expectedRows(t.trace, 0, 'en'));
    assert.deepEqual(await selected(p), { leg: 0, index: t.trace.request.steps.length - 1 });
    assert.match((await p.page.textContent('#detail .drop-reason')) ?? '', /^Why it is dropped: /);
    await p.shot('trace-dropped-en');
    assert.deepEqual(p.errors, []);
    await p.close();
  });

  it('branches: the alternatives with their verdicts, and picking one shows its trace', async () => {
    const f = fixture('02-gateway (solved)');
    const main = viewOf(f, 1);
    const other = FIXTURES.find((x) => x.name === '02-gateway')!.traces.find((x) => x.trace.verdict === 'no-route')!;
    const view = traceView(f.model, main.trace, main.title, [
      { label: { en: 'via the backup router', ko: '백업 라우터 경유' }, trace: other.trace },
    ]);
    const p = await open(message(f, view));
    await p.page.waitForSelector('#branches:not([hidden])');
    const radios = await p.page.$$eval('#branches vscode-radio', (rs) =>
      rs.map((r) => [r.getAttribute('label'), (r as HTMLElement & { checked: boolean }).checked] as const),
    );
    assert.deepEqual(radios, [
      ['This trace: Replied', true],
      ['via the backup router: No route', false],
    ]);
    assert.equal((await rows(p, 0)).length, main.trace.request.steps.length);
    await p.page.click('#branches vscode-radio[data-branch="0"]');
    await p.page.waitForFunction(
      (n) => document.querySelectorAll('#events-0 [role=option]').length === n,
      other.trace.request.steps.length,
    );
    assert.deepEqual(await rows(p, 0), expectedRows(other.trace, 0, 'en'));
    assert.equal(await p.page.textContent('#reason'), other.trace.reason.en);
    assert.equal((await stateWhen(p, (st) => st?.trace?.branch === 0))?.trace?.branch, 0);
    // And back.
    await p.page.click('#branches vscode-radio[data-branch="-1"]');
    await p.page.waitForFunction((n) => document.querySelectorAll('#events-0 [role=option]').length === n, main.trace.request.steps.length);
    assert.equal((await stateWhen(p, (st) => st?.trace?.branch === undefined))?.trace?.branch, undefined);
    // A trace without branches shows no selector.
    await p.send(message(f, viewOf(f, 0)));
    await p.page.waitForSelector('#branches[hidden]', { state: 'attached' });
    assert.deepEqual(p.errors, []);
    await p.close();
  });

  for (const theme of ['light', 'dark', 'high-contrast'] as const) {
    it(`screenshots, ${theme}: a replied trace at a route step, and a dropped one`, async () => {
      const f = fixture('02-gateway (solved)');
      const view = viewOf(f, 1);
      const p = await open(message(f, view), { theme });
      const idx = view.trace.request.steps.findIndex((s) => s.stage === 'route' && s.host === 'r');
      await p.page.click(`#step-0-${idx}`);
      await p.page.waitForTimeout(100);
      await p.shot(`trace-${theme}`);
      const g = fixture('05-network-namespaces (solved)');
      // The first check whose trace crosses the bridge (direct-pair's does not).
      const gi = g.traces.findIndex((t) => t.trace.request.steps.some((s) => s.stage === 'bridge'));
      await p.send(message(g, viewOf(g, gi)));
      await p.page.waitForFunction((title) => document.getElementById('trace-title')?.textContent === title, viewOf(g, gi).title);
      const br = viewOf(g, gi).trace.request.steps.findIndex((s) => s.stage === 'bridge');
      await p.page.click(`#step-0-${br}`);
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
