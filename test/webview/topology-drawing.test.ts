/**
 * The topology panel (webview/topology) and its drawing (webview/common/topology) in headless
 * Chromium, beyond the bundled labs as they are: an edit that grows a host, a generated 500-node
 * topology, error and busy messages, the panel before any lab, and the drawing alone with a
 * packet's path highlighted (moving, or still for reduced motion). Split out of topology.test.ts.
 */
import { strict as assert } from 'node:assert';
import { tracePacket } from '../../src/core/index';
import { pathOf, traceView } from '../../src/core/view/trace';
import { generateTopology } from '../../bench/webview';
import { openPanel, type OpenOptions, type PanelHandle } from './harness';
import {
  bundledView,
  centre,
  type Fixture,
  grown,
  labDirs,
  load,
  msg,
  open,
  overlapping,
  useTopologyPanels,
  viewport,
} from './topology-helpers';

describe('topology panel (webview/topology): edits, large labs, messages, the drawing alone', function () {
  this.timeout(60_000);
  const panels = useTopologyPanels();

  describe('edits and large labs', () => {
    it('an edit that grows a host keeps the zoom and moves only what it now covers', async () => {
      for (const dir of labDirs) {
        const f = load(dir);
        const p = panels.track(await open(panels.browser(), f));
        const vp = await viewport(p);
        await p.send(msg(grown(f)));
        await p.page.waitForSelector(`.knt-node[data-id="n:${f.lab.hosts[0]!.name}/zzns"]`);
        assert.equal(await viewport(p), vp);
        const boxes = await p.page.$$eval('.knt-item', (els) =>
          els.map((x) => ({
            id: x.getAttribute('data-id')!,
            ...(x.getBoundingClientRect().toJSON() as { x: number; y: number; width: number; height: number }),
          })),
        );
        assert.deepEqual(overlapping(boxes.map((b) => ({ id: b.id, x: b.x, y: b.y, w: b.width, h: b.height }))), [], dir);
      }
    });

    it('draws a generated 500-node, 1,000-link topology whole; labels show once zoomed in', async () => {
      const gen = generateTopology();
      const p = panels.track(
        await openPanel(panels.browser(), 'topology', { type: 'topology', lang: 'en', labDir: 'file:///bench', model: gen.model }),
      );
      await p.page.waitForFunction((n) => document.querySelectorAll('.knt-item').length === n, gen.items);
      assert.equal(await p.page.locator('path.knt-link').count(), gen.model.links.length);
      assert.equal(await p.page.locator('.knt-node').count(), gen.model.nodes.length + gen.model.ports.length);
      // Fitted, far out: no labels to lay out.
      assert.ok(await p.page.locator('svg.knt-far').count());
      await p.shot('topology-generated-500');
      await p.page.locator('.knt-node').first().focus();
      for (let i = 0; i < 12; i++) await p.page.keyboard.press('+');
      await p.page.waitForFunction(() => !document.querySelector('svg.knt-far'));
      assert.ok(await p.page.locator('.knt-port .knt-label').first().isVisible());
    });
  });

  describe('messages', () => {
    it('shows an error without losing the drawing, and the busy state', async () => {
      const f = load(labDirs[0]!);
      const p = panels.track(await open(panels.browser(), f));
      await p.send({ type: 'error', message: 'lab.yaml:3: bad' });
      const alert = p.page.locator('.message[role=alert]');
      await alert.waitFor({ state: 'visible' });
      assert.match((await alert.textContent()) ?? '', /lab\.yaml:3: bad/);
      assert.equal(await p.page.locator('.knt-item').count(), f.model.nodes.filter((n) => n.kind === 'host' || n.kind === 'switch').length);
      await p.send({ type: 'busy', busy: true });
      await p.page.locator('vscode-progress-ring.busy').waitFor({ state: 'visible' });
      await p.send({ type: 'busy', busy: false });
      await p.page.locator('vscode-progress-ring.busy').waitFor({ state: 'hidden' });
      await p.send(msg(f));
      await alert.waitFor({ state: 'hidden' });
    });

    it('says what to do when there is no lab yet, then draws the first one it gets', async () => {
      const p = panels.track(await open(panels.browser(), undefined));
      assert.match((await p.page.locator('.empty').textContent()) ?? '', /Show Topology/);
      const f = load(labDirs[0]!);
      await p.send(msg(f));
      await p.page.waitForSelector('.knt-item');
      assert.ok(await p.page.locator('.empty').isHidden());
      assert.deepEqual(
        (await p.posted()).map((m) => m.type),
        ['ready'],
      );
    });
  });

  describe('the drawing alone (webview/common/topology)', () => {
    async function withView(f: Fixture, opts: OpenOptions = {}): Promise<PanelHandle> {
      const p = panels.track(await open(panels.browser(), undefined, opts));
      await p.page.evaluate(await bundledView());
      await p.page.evaluate((model) => {
        const host = document.createElement('div');
        host.id = 'solo';
        host.style.position = 'fixed';
        host.style.inset = '0';
        host.style.background = 'var(--vscode-editor-background)';
        document.body.appendChild(host);
        const w = window as unknown as Record<string, unknown>;
        w['__reveals'] = [];
        const api = w['__topo'] as { createTopologyView: (el: HTMLElement, o: unknown) => { update(m: unknown): void } };
        const view = api.createTopologyView(host, {
          lang: 'en',
          interactive: false,
          onReveal: (s: unknown) => (w['__reveals'] as unknown[]).push(s),
          onState: () => {},
        });
        view.update(model);
        w['__view'] = view;
      }, f.model);
      return p;
    }

    it("highlights a packet's path, the current step's node, port and link, with a packet moving along the link", async () => {
      const f = load('02-gateway');
      const trace = tracePacket(f.world, { from: { host: 'a', netns: '' }, to: '192.168.2.10', proto: 'icmp' });
      assert.ok(trace.replied);
      const tv = traceView(f.model, trace, 'a -> 192.168.2.10 icmp');
      const step = tv.trace.request.steps.findIndex((s) => s.stage === 'wire');
      const path = pathOf(tv, 0, step);
      const current = tv.anchors[0]![step]!;
      assert.ok(current.link);
      const p = await withView(f);
      await p.page.evaluate(
        ({ path, current }) =>
          (window as unknown as { __view: { highlight(a: unknown, b: unknown): void } }).__view.highlight(path, current),
        { path, current },
      );
      const marked = await p.page.evaluate(() => ({
        path: [...document.querySelectorAll('#solo .knt-on-path')].map((e) => e.getAttribute('data-id')),
        current: [...document.querySelectorAll('#solo .knt-current')].map((e) => e.getAttribute('data-id')),
      }));
      assert.deepEqual([...marked.path].sort(), [...path.nodes, ...path.ports, ...path.links].sort());
      assert.deepEqual([...marked.current].sort(), [current.node, current.port, current.link].filter(Boolean).sort());
      const pos = () =>
        p.page.$eval('#solo .knt-packet', (e) => ({
          x: e.getAttribute('cx'),
          y: e.getAttribute('cy'),
          shown: getComputedStyle(e).display !== 'none',
        }));
      const a = await pos();
      assert.ok(a.shown);
      await p.page.waitForFunction((x) => document.querySelector('#solo .knt-packet')?.getAttribute('cx') !== x, a.x);
      await p.shot('topology-highlight-02-gateway');
      // Not interactive: a click reveals nothing.
      const c = await centre(p, 'h:a');
      await p.page.mouse.click(c.x, c.y);
      assert.deepEqual(await p.page.evaluate(() => (window as unknown as { __reveals: unknown[] }).__reveals), []);
      await p.page.evaluate(() => (window as unknown as { __view: { clearHighlight(): void } }).__view.clearHighlight());
      assert.equal(await p.page.locator('#solo .knt-on-path, #solo .knt-current').count(), 0);
      assert.equal(await p.page.$eval('#solo .knt-packet', (e) => getComputedStyle(e).display), 'none');
    });

    it('keeps the packet still when the user prefers reduced motion', async () => {
      const f = load('05-network-namespaces');
      const trace = tracePacket(f.world, { from: { host: 'host1', netns: 'blue' }, to: '192.168.15.1', proto: 'icmp' });
      const tv = traceView(f.model, trace, 'blue -> red');
      const step = tv.anchors[0]!.findIndex((x) => x.link);
      const p = await withView(f);
      await p.page.emulateMedia({ reducedMotion: 'reduce' });
      await p.page.evaluate(
        ({ path, current }) =>
          (window as unknown as { __view: { highlight(a: unknown, b: unknown): void } }).__view.highlight(path, current),
        { path: pathOf(tv, 0, step), current: tv.anchors[0]![step]! },
      );
      const first = await p.page.$eval('#solo .knt-packet', (e) => `${e.getAttribute('cx')},${e.getAttribute('cy')}`);
      await p.page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      assert.equal(await p.page.$eval('#solo .knt-packet', (e) => `${e.getAttribute('cx')},${e.getAttribute('cy')}`), first);
      assert.notEqual(first, 'null,null');
    });
  });
});
