/**
 * The trace panel (webview/trace) in headless Chromium on traces of more than two legs: a name
 * lookup's query and answer before the connection's request and reply, and a leg another leg
 * opened (a proxy's connection onward). Every leg its own list with a heading, in walk order; the
 * controls step from one leg into the next; the table lists every step of every leg. The traces
 * are built by hand (trace-labs.ts: multiLegTrace) until the walk makes them.
 */
import { strict as assert } from 'node:assert';
import type { Lang } from '../../src/core/text/i18n';
import { pathOf, traceView } from '../../src/core/view/trace';
import type { PanelHandle } from './harness';
import { expectedRows, fixture, message, rows, selected, stateWhen, topoHighlight, useBrowser } from './trace-helpers';
import { multiLegTrace } from './trace-labs';

const TITLE = 'b: c.lab, then a -> c.lab tcp/8080';

/** The event list's sections, in page order: which leg, its kind, its heading, where it sits. */
async function sections(
  p: PanelHandle,
): Promise<{ leg: string; kind: string; head: string; parent: string; child: boolean; x: number; y: number }[]> {
  return p.page.$$eval('#events section.event-col', (els) =>
    els.map((e) => {
      const box = e.getBoundingClientRect();
      return {
        leg: e.getAttribute('data-leg') ?? '',
        kind: e.getAttribute('data-kind') ?? '',
        head: e.querySelector('.event-head')?.textContent ?? '',
        parent: (e.querySelector('.event-parent')?.textContent ?? '').trim(),
        child: e.classList.contains('event-col-child'),
        x: Math.round(box.x),
        y: Math.round(box.y),
      };
    }),
  );
}

describe('trace panel (webview/trace) in Chromium: traces of any number of legs', function () {
  this.timeout(120_000);
  const open = useBrowser();
  const f = fixture('02-gateway (solved)');
  const tr = multiLegTrace(f);
  const view = traceView(f.model, tr, TITLE);
  const counts = tr.legs.map((l) => l.steps.length);
  const total = counts.reduce((a, b) => a + b, 0);

  it('four legs, four sections in walk order, each with its heading and its rows; a leg beside its answer', async () => {
    const p = await open(message(f, view));
    await p.page.waitForSelector('[role=option][aria-selected=true]');
    const s = await sections(p);
    assert.deepEqual(
      s.map((x) => [x.leg, x.kind, x.head]),
      [
        ['0', 'query', `Query (DNS query for c.lab): ${counts[0]} steps`],
        ['1', 'answer', `Answer (c.lab is 192.168.4.10): ${counts[1]} steps`],
        ['2', 'request', `Request: ${counts[2]} steps`],
        ['3', 'reply', `Reply: ${counts[3]} steps`],
      ],
    );
    for (let leg = 0; leg < 4; leg++) assert.deepEqual(await rows(p, leg), expectedRows(tr, leg, 'en'), `leg ${leg}`);
    // The query beside its answer, the request beside its reply, the lookup above the connection.
    assert.equal(s[0]!.y, s[1]!.y);
    assert.ok(s[1]!.x > s[0]!.x);
    assert.equal(s[2]!.y, s[3]!.y);
    assert.ok(s[2]!.y > s[0]!.y);
    assert.equal(s[2]!.x, s[0]!.x);
    // Each list is named by its heading.
    const named = await p.page.$$eval('#events [role=listbox]', (ls) =>
      ls.map((l) => document.getElementById(l.getAttribute('aria-labelledby') ?? '')?.textContent ?? ''),
    );
    assert.deepEqual(
      named,
      s.map((x) => x.head),
    );
    await p.shot('trace-legs-light');
    assert.deepEqual(p.errors, []);
    await p.close();
  });

  it('stepping forward crosses from each leg into the next, and back; the detail and the topology follow', async () => {
    const p = await open(message(f, view));
    await p.page.waitForSelector('[role=option][aria-selected=true]');
    await p.page.keyboard.press('Home');
    let k = 0;
    for (let leg = 0; leg < 4; leg++) {
      for (let index = 0; index < counts[leg]!; index++, k++) {
        if (k > 0) await p.page.click('#btn-forward');
        const at = `leg ${leg} #${index + 1}`;
        assert.deepEqual(await selected(p), { leg, index }, at);
        // Where a leg starts: the position counts on across legs, the detail names the leg, the
        // topology shows the new leg's path.
        if (index === 0 || index === counts[leg]! - 1) {
          assert.equal(await p.page.textContent('#position'), `Step ${k + 1} of ${total}`, at);
          const name = ['Query', 'Answer', 'Request', 'Reply'][leg]!;
          assert.equal(await p.page.textContent('#detail .detail-pos'), `${name}, step ${index + 1}`, at);
          const hl = await topoHighlight(p);
          assert.deepEqual(hl.current, [view.anchors[leg]![index]!.node], at);
          assert.deepEqual(new Set(hl.path), new Set(pathOf(view, leg).nodes), at);
        }
      }
    }
    assert.equal(await p.page.getAttribute('#btn-forward', 'disabled'), '');
    // Back from the reply's first step to the request's last, from the request's first to the answer's last.
    await p.page.click(`#step-3-0`);
    await p.page.click('#btn-back');
    assert.deepEqual(await selected(p), { leg: 2, index: counts[2]! - 1 });
    await p.page.click(`#step-2-0`);
    await p.page.keyboard.press('ArrowLeft');
    assert.deepEqual(await selected(p), { leg: 1, index: counts[1]! - 1 });
    assert.match(
      (await p.page.textContent('#live')) ?? '',
      new RegExp(`^Answer, step ${counts[1]} \\(Step ${counts[0]! + counts[1]!} of ${total}\\): `),
    );
    // In a list, the arrows stay in that leg.
    await p.page.focus(`#step-1-${counts[1]! - 1}`);
    await p.page.keyboard.press('ArrowDown');
    assert.deepEqual(await selected(p), { leg: 1, index: counts[1]! - 1 });
    // Playing runs on from one leg into the next.
    await p.page.evaluate(() => {
      const s = document.getElementById('speed') as HTMLElement & { value: string };
      s.value = '4';
      s.dispatchEvent(new Event('change'));
    });
    await p.page.click(`#step-0-${counts[0]! - 1}`);
    await p.page.click('#btn-play');
    await p.page.waitForFunction(
      () => document.querySelector<HTMLElement>('[role=option][aria-selected=true]')?.dataset['leg'] === '1',
      undefined,
      { timeout: 5000 },
    );
    await p.page.click('#btn-play');
    assert.deepEqual(p.errors, []);
    await p.close();
  });

  it('the table lists every step of every leg, in order, with its leg', async () => {
    const p = await open(message(f, view));
    await p.page.waitForSelector('#steps-table caption');
    assert.equal(
      await p.page.textContent('#steps-table caption'),
      `Every step of the trace ${TITLE}, leg by leg: Query, Answer, Request, Reply`,
    );
    const body = await p.page.$$eval('#steps-table tbody tr', (trs) =>
      trs.map((tr) => [tr.getAttribute('data-leg'), tr.getAttribute('data-index'), tr.querySelector('td')?.textContent ?? '']),
    );
    const want = tr.legs.flatMap((l, leg) =>
      l.steps.map((_, i) => [String(leg), String(i), ['Query', 'Answer', 'Request', 'Reply'][leg]!]),
    );
    assert.deepEqual(body, want);
    await p.page.click('#btn-table');
    await p.page.click('#btn-end');
    assert.equal(await p.page.getAttribute(`#table-step-3-${counts[3]! - 1}`, 'aria-current'), 'step');
    assert.deepEqual(p.errors, []);
    await p.close();
  });

  it('a leg another leg opened: indented, numbered apart from the other request, saying which leg opened it', async () => {
    const px = multiLegTrace(f, true);
    const p = await open(message(f, traceView(f.model, px, TITLE)));
    await p.page.waitForSelector('[role=option][aria-selected=true]');
    const s = await sections(p);
    assert.deepEqual(
      s.map((x) => [x.kind, x.head, x.parent, x.child]),
      [
        ['query', `Query (DNS query for c.lab): ${px.legs[0]!.steps.length} steps`, '', false],
        ['answer', `Answer (c.lab is 192.168.4.10): ${px.legs[1]!.steps.length} steps`, '', false],
        ['request', `Request 1: ${px.legs[2]!.steps.length} steps`, '', false],
        ['request', `Request 2 (proxied to 192.168.4.10): ${px.legs[3]!.steps.length} steps`, '↳ Opened by Request 1', true],
        ['reply', `Reply: ${px.legs[4]!.steps.length} steps`, '', false],
      ],
    );
    // Indented under the request that opened it.
    assert.ok(s[3]!.x > s[2]!.x);
    assert.ok(s[3]!.y > s[2]!.y && s[4]!.y > s[3]!.y);
    // The request's last step, then the proxied connection's first.
    await p.page.click(`#step-2-${px.legs[2]!.steps.length - 1}`);
    await p.page.keyboard.press('ArrowRight');
    assert.deepEqual(await selected(p), { leg: 3, index: 0 });
    assert.equal(await p.page.textContent('#detail .detail-pos'), 'Request 2, step 1');
    assert.equal(
      await p.page.locator('#steps-table tbody tr').count(),
      px.legs.reduce((n, l) => n + l.steps.length, 0),
    );
    // The leg is saved by its index, and restored.
    const saved = await stateWhen(p, (st) => st?.trace?.leg === 3);
    assert.deepEqual(saved?.trace, { leg: 3, step: 0, speed: 1 });
    await p.close();
    const q = await open(message(f, traceView(f.model, px, TITLE)), { state: saved! });
    await q.page.waitForSelector('[role=option][aria-selected=true]');
    assert.deepEqual(await selected(q), { leg: 3, index: 0 });
    assert.deepEqual([...p.errors, ...q.errors], []);
    await q.close();
  });

  it("in Korean: the legs' names and headings", async () => {
    const lang: Lang = 'ko';
    const p = await open(message(f, view, lang));
    await p.page.waitForSelector('[role=option][aria-selected=true]');
    assert.deepEqual(
      (await sections(p)).map((x) => x.head),
      [
        `질의 (c.lab DNS 질의): ${counts[0]}단계`,
        `DNS 응답 (c.lab은 192.168.4.10): ${counts[1]}단계`,
        `요청: ${counts[2]}단계`,
        `응답: ${counts[3]}단계`,
      ],
    );
    assert.equal(await p.page.textContent('#steps-table caption'), `${TITLE} 추적의 모든 단계, 구간 순서대로: 질의, DNS 응답, 요청, 응답`);
    await p.page.click('#step-1-0');
    assert.equal(await p.page.textContent('#detail .detail-pos'), 'DNS 응답 1단계');
    await p.shot('trace-legs-ko');
    assert.deepEqual(p.errors, []);
    await p.close();
  });
});
