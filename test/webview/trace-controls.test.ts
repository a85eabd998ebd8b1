/**
 * The trace panel (webview/trace) in headless Chromium, its controls: the keyboard, the whole trace
 * as an accessible table, the state kept over a reload (also one saved before traces had legs),
 * updates, busy and error, the form that traces another packet, and the empty panel. Split from
 * trace.test.ts, which covers the labs' traces, playback and the details.
 */
import { strict as assert } from 'node:assert';
import type { HostMessage, PanelState } from '../../src/protocol/panels';
import { fixture, message, selected, stateWhen, topoHighlight, useBrowser, viewOf } from './trace-helpers';

describe('trace panel (webview/trace) in Chromium: keyboard, table, state, form', function () {
  this.timeout(120_000);
  const open = useBrowser();

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
    assert.ok(
      at('btn-back') < 0 && at('btn-play') >= 0 && at('btn-forward') > at('btn-play') && at('speed') > at('btn-forward'),
      order.join(' '),
    );
    assert.ok(at('step-0-0') > at('btn-forward'), order.join(' '));
    // In the list: ArrowDown moves the selection, the focus follows.
    await p.page.focus('#step-0-0');
    await p.page.keyboard.press('ArrowDown');
    await p.page.keyboard.press('ArrowDown');
    assert.deepEqual(await selected(p), { leg: 0, index: 2 });
    assert.equal(await p.page.evaluate(() => document.activeElement?.id), 'step-0-2');
    await p.page.keyboard.press('ArrowUp');
    assert.deepEqual(await selected(p), { leg: 0, index: 1 });
    // The arrows step through the whole walk: from the request's last step into the reply.
    await p.page.keyboard.press('End');
    assert.deepEqual(await selected(p), { leg: 1, index: view.trace.reply.steps.length - 1 });
    assert.equal(await p.page.evaluate(() => document.activeElement?.id), `step-1-${view.trace.reply.steps.length - 1}`);
    await p.page.keyboard.press('Home');
    for (let i = 0; i < view.trace.request.steps.length; i++) await p.page.keyboard.press('ArrowRight');
    assert.deepEqual(await selected(p), { leg: 1, index: 0 });
    await p.page.keyboard.press('ArrowLeft');
    assert.deepEqual(await selected(p), { leg: 0, index: view.trace.request.steps.length - 1 });
    // Enter on a row selects it; a click too.
    await p.page.click('#step-1-3');
    assert.deepEqual(await selected(p), { leg: 1, index: 3 });
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
    assert.deepEqual(await selected(p), { leg: 1, index: before!.index + 1 });
    // The live region says where the packet is.
    assert.match((await p.page.textContent('#live')) ?? '', /^Reply, step \d+ \(Step \d+ of 27\): /);
    // Every control has a name.
    const unnamed = await p.page.$$eval('vscode-button, vscode-single-select, [role=listbox], [role=option]', (els) =>
      els
        .filter((e) => !(e.getAttribute('aria-label') || e.getAttribute('aria-labelledby') || (e.textContent ?? '').trim()))
        .map((e) => e.id || e.tagName),
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
      ['col', 'Leg'],
      ['col', '#'],
      ['col', 'Where'],
      ['col', 'Interface'],
      ['col', 'Stage'],
      ['col', 'What happens'],
    ]);
    assert.equal(
      await p.page.locator('#steps-table tbody th[scope=row]').count(),
      view.trace.request.steps.length + view.trace.reply.steps.length,
    );
    // Hidden from sight (not from screen readers) until asked for.
    assert.ok(((await p.page.locator('.steps-table-wrap').boundingBox())?.width ?? 0) <= 1);
    assert.equal(await p.page.getAttribute('#btn-table', 'aria-pressed'), 'false');
    await p.page.click('#btn-table');
    assert.equal(await p.page.getAttribute('#btn-table', 'aria-pressed'), 'true');
    assert.ok(((await p.page.locator('#steps-table').boundingBox())?.width ?? 0) > 300);
    await p.page.keyboard.press('ArrowRight');
    assert.equal(await p.page.getAttribute('#table-step-0-1', 'aria-current'), 'step');
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
    await p.page.click('#step-1-4');
    await p.page.evaluate(() => {
      const s = document.getElementById('speed') as HTMLElement & { value: string };
      s.value = '2';
      s.dispatchEvent(new Event('change'));
    });
    const saved = await stateWhen(p, (st) => st?.trace?.speed === 2 && st.trace.step === 4);
    assert.equal(saved?.kind, 'trace');
    assert.deepEqual(saved?.trace, { leg: 1, step: 4, speed: 2 });
    assert.equal(saved?.last?.type, 'trace');
    await p.close();
    // Reopened as VS Code does after a reload: the saved state, and the same trace rendered in.
    const q = await open(m, { state: saved! });
    await q.page.waitForSelector('[role=option][aria-selected=true]');
    assert.deepEqual(await selected(q), { leg: 1, index: 4 });
    assert.equal(await q.page.evaluate(() => (document.getElementById('speed') as HTMLElement & { value: string }).value), '2');
    assert.equal(await q.page.textContent('#detail .detail-text'), view.trace.reply.steps[4]!.detail.en);
    await q.close();
    // Without bootstrap data, from the state alone.
    const r = await open(undefined, { state: saved! });
    await r.page.waitForSelector('[role=option][aria-selected=true]');
    assert.deepEqual(await selected(r), { leg: 1, index: 4 });
    assert.equal(await r.page.textContent('#trace-title'), view.title);
    assert.deepEqual([...q.errors, ...r.errors], []);
    await r.close();
    // A new trace starts at its first step.
    const s = await open(message(f, viewOf(f, 0)), { state: saved! });
    await s.page.waitForSelector('[role=option][aria-selected=true]');
    assert.deepEqual(await selected(s), { leg: 0, index: 0 });
    await s.close();
  });

  it('restores a state saved before traces had legs: the leg by name, the anchors by leg name, no legs', async () => {
    const f = fixture('02-gateway (solved)');
    const view = viewOf(f, 2);
    // What an older panel saved: `leg: 'reply'`, and a message whose trace has no `legs` and whose
    // anchors are { request, reply }.
    const { legs: _legs, ...trace } = view.trace;
    const oldView = { ...view, trace, anchors: { request: view.anchors[0], reply: view.anchors[1] } };
    const last = { ...message(f, view), view: oldView } as unknown as HostMessage;
    const saved = { kind: 'trace', labDir: `file://${f.dir}`, trace: { leg: 'reply', step: 4, speed: 1 }, last } as unknown as PanelState;
    const p = await open(undefined, { state: saved });
    await p.page.waitForSelector('[role=option][aria-selected=true]');
    assert.deepEqual(await selected(p), { leg: 1, index: 4 });
    assert.equal(await p.page.textContent('#detail .detail-text'), view.trace.reply.steps[4]!.detail.en);
    assert.deepEqual((await topoHighlight(p)).current, [view.anchors[1]![4]!.node]);
    // Saved again, the leg is a number.
    await p.page.keyboard.press('ArrowRight');
    assert.deepEqual((await stateWhen(p, (st) => st?.trace?.step === 5))?.trace, { leg: 1, step: 5, speed: 1 });
    assert.deepEqual(p.errors, []);
    await p.close();
  });

  it('an update of the same trace keeps the step; a new trace starts from the first; busy and error', async () => {
    const f = fixture('02-gateway (solved)');
    const p = await open(message(f, viewOf(f, 1)));
    await p.page.click('#step-0-5');
    await p.send(message(f, viewOf(f, 1)));
    await p.page.waitForTimeout(50);
    assert.deepEqual(await selected(p), { leg: 0, index: 5 });
    await p.send({ type: 'busy', busy: true });
    await p.page.waitForSelector('vscode-progress-ring');
    await p.send({ type: 'busy', busy: false });
    await p.page.waitForSelector('vscode-progress-ring', { state: 'detached' });
    await p.send({ type: 'error', message: 'lab.yaml:3: bad indentation' });
    assert.match((await p.page.textContent('.status-line [role=alert]')) ?? '', /The lab does not load: lab\.yaml:3: bad indentation/);
    await p.send(message(f, viewOf(f, 0)));
    await p.page.waitForFunction(() => !document.querySelector('.status-line [role=alert]'));
    assert.deepEqual(await selected(p), { leg: 0, index: 0 });
    assert.deepEqual(p.errors, []);
    await p.close();
  });

  it("traces another packet: the form starts from the trace shown, lists the lab's endpoints, and posts runTrace", async () => {
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
    assert.deepEqual(options, ['host1', 'host1/red', 'host1/blue', 'host1/green', 'host1/yellow', 'host2', 'host2/red', 'host2/blue']);
    // The same packet again: one click.
    await p.page.click('#trace-run');
    assert.deepEqual((await p.waitForPost('runTrace')).args, { from: 'host1/red', to: '192.168.15.3', proto: 'tcp', port: 8080 });
    // Another one: ICMP needs no port; a bad address is refused in words.
    const set = (sel: string, v: string) =>
      p.page.evaluate(
        ([s, x]) => {
          const el = document.querySelector(s!) as HTMLElement & { value: string };
          el.value = x!;
          el.dispatchEvent(new Event('change'));
        },
        [sel, v] as const,
      );
    await set('#trace-from', 'host2');
    await set('#trace-proto', 'icmp');
    assert.equal(await p.page.isHidden('#trace-port'), true);
    await set('#trace-to', '192.168.15.x');
    await p.page.click('#trace-run');
    assert.equal(await p.page.textContent('#trace-form-error'), 'Give the destination as an IP address.');
    await set('#trace-to', '192.168.1.2');
    await p.page.click('#trace-run');
    await p.page.waitForFunction(
      () => (window as unknown as { __posted: { type: string }[] }).__posted.filter((m) => m.type === 'runTrace').length === 2,
    );
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
});
