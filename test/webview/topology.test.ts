/**
 * The topology panel (webview/topology) in headless Chromium, for every bundled lab: every node,
 * port and link drawn with its label; the same layout on every load; the tooltip; reveal on click
 * and Enter; search; dragging pins a node in the saved state; an edit of the lab keeps the zoom and
 * the positions; a reload restores the view; SVG and PNG export; Korean; screenshots in light, dark
 * and high-contrast themes (test-results/webview/topology-*.png). The layout alone is in
 * topology-layout.test.ts; edits, large labs, messages and the drawing alone in
 * topology-drawing.test.ts.
 */
import { strict as assert } from 'node:assert';
import type { PanelState } from '../../src/protocol/panels';
import { portLabel } from '../../webview/common/topology/layout';
import { openPanel, type Theme } from './harness';
import { centre, edited, geometry, labDirs, load, msg, open, titleOf, useTopologyPanels, viewport } from './topology-helpers';

describe('topology panel (webview/topology)', function () {
  this.timeout(60_000);
  const panels = useTopologyPanels();

  for (const dir of labDirs) {
    describe(dir, () => {
      const f = load(dir);

      it('draws every switch, host, namespace and bridge with its name, every port with its name and address, every link', async () => {
        const p = panels.track(await open(panels.browser(), f));
        const drawn = await p.page.evaluate(() =>
          Object.fromEntries(
            [...document.querySelectorAll('.knt-node')].map((e) => [
              e.getAttribute('data-id'),
              {
                text: [...e.querySelectorAll('text')].map((t) => t.textContent).join(' | '),
                aria: e.getAttribute('aria-label'),
                role: e.getAttribute('role'),
              },
            ]),
          ),
        );
        for (const n of f.model.nodes) {
          const d = drawn[n.id];
          assert.ok(d, `${n.id} is drawn`);
          assert.ok(d.text.split(' | ').includes(n.name), `${n.id} shows its name: ${d.text}`);
          assert.ok(d.aria?.includes(n.name), `${n.id} aria-label names it`);
          assert.equal(d.role, 'button');
        }
        for (const port of f.model.ports) {
          const d = drawn[port.id];
          assert.ok(d, `${port.id} is drawn`);
          for (const a of port.addresses) assert.ok(d.aria?.includes(a), `${port.id} aria-label has ${a}`);
          if (port.kind === 'bridge') {
            // A bridge's own interface is its bar: the bridge shows its addresses.
            const b = drawn[port.master ?? `b:${port.id.slice(2)}`];
            assert.ok(b && port.addresses.every((a) => b.text.includes(a)), `bridge ${port.name} shows ${port.addresses.join(' ')}`);
          } else if (port.master) {
            assert.equal(d.text, port.name);
          } else {
            assert.equal(d.text, portLabel(port), `${port.id} label`);
            assert.ok(d.text.startsWith(port.name));
            for (const a of port.addresses.slice(0, 2)) assert.ok(d.text.includes(a));
          }
        }
        assert.equal(Object.keys(drawn).length, f.model.nodes.length + f.model.ports.length);
        const links = await p.page.$$eval('path.knt-link', (els) =>
          els.map((e) => ({ id: e.getAttribute('data-id'), cls: e.getAttribute('class'), d: e.getAttribute('d') })),
        );
        assert.equal(links.length, f.model.links.length);
        for (const l of f.model.links) {
          const d = links.find((x) => x.id === l.id);
          assert.ok(d && d.d && d.d.startsWith('M'), `${l.id} is drawn`);
          assert.ok(d.cls?.includes(`knt-link-${l.kind}`));
        }
        // Down interfaces look different: hollow, dashed squares.
        for (const port of f.model.ports.filter((x) => !x.up)) {
          assert.ok(await p.page.locator(`.knt-node[data-id="${port.id}"]`).evaluate((e) => e.classList.contains('knt-down')));
        }
        // The hidden list for screen readers has every node.
        assert.equal(await p.page.locator('.knt-topo ul.knt-sr-only li').count(), f.model.nodes.length + f.model.ports.length);
        // Nothing outside the items overlaps: top-level boxes are apart.
        const boxes = await p.page.$$eval('.knt-item', (els) => els.map((e) => e.getBoundingClientRect().toJSON() as DOMRect));
        for (let i = 0; i < boxes.length; i++)
          for (let j = i + 1; j < boxes.length; j++) {
            const a = boxes[i]!;
            const b = boxes[j]!;
            assert.ok(a.right <= b.left || b.right <= a.left || a.bottom <= b.top || b.bottom <= a.top, 'top-level boxes do not overlap');
          }
      });

      it('lays out the same way on every load', async () => {
        const a = panels.track(await open(panels.browser(), f));
        const b = panels.track(await open(panels.browser(), f));
        const ga = await geometry(a);
        assert.deepEqual(await geometry(b), ga);
        assert.equal(await viewport(b), await viewport(a));
        assert.equal(Object.keys(ga.items).length, f.model.nodes.filter((n) => n.kind === 'switch' || n.kind === 'host').length);
      });

      for (const theme of ['light', 'dark', 'high-contrast'] as Theme[]) {
        it(`is readable in the ${theme} theme (screenshot)`, async () => {
          const p = panels.track(await open(panels.browser(), f, { theme }));
          // Text and shapes take the theme's colours.
          const colours = await p.page.evaluate(() => ({
            text: getComputedStyle(document.querySelector('.knt-host .knt-title')!).fill,
            bg: getComputedStyle(document.body).backgroundColor,
          }));
          assert.notEqual(colours.text, colours.bg);
          await p.shot(`topology-${dir}-${theme}`);
        });
      }

      it("shows a host's addresses and routing tables on hover, and a port's on keyboard focus", async () => {
        const p = panels.track(await open(panels.browser(), f));
        const host = f.model.nodes.find((n) => n.kind === 'host' && (n.tables?.[0]?.routes.length ?? 0) > 0)!;
        const at = await titleOf(p, host.id);
        await p.page.mouse.move(at.x, at.y);
        const tip = p.page.locator('.knt-tooltip');
        await tip.waitFor({ state: 'visible' });
        const text = (await tip.textContent()) ?? '';
        assert.ok(text.includes(host.name));
        for (const r of host.tables![0]!.routes) assert.ok(text.includes(r), `tooltip has the route "${r}"`);
        for (const port of f.model.ports.filter((x) => x.node === host.id))
          for (const a of port.addresses) assert.ok(text.includes(a), `tooltip has ${a}`);
        assert.ok(text.includes('Routes, table main'));
        await p.page.mouse.move(2, 790);
        await tip.waitFor({ state: 'hidden' });
        // Keyboard: focus a port; the tooltip describes it.
        const port = f.model.ports.find((x) => x.addresses.length && x.kind === 'nic')!;
        await p.page.locator(`.knt-node[data-id="${port.id}"]`).focus();
        await tip.waitFor({ state: 'visible' });
        const ptext = (await tip.textContent()) ?? '';
        assert.ok(ptext.includes(port.name) && ptext.includes(port.addresses[0]!) && ptext.includes(port.mac!), ptext);
        assert.equal(
          await p.page.locator(`.knt-node[data-id="${port.id}"]`).getAttribute('aria-describedby'),
          await tip.getAttribute('id'),
        );
      });

      it('reveals the declaration: a click on a host, a switch or a port, and Enter on a focused node', async () => {
        const p = panels.track(await open(panels.browser(), f));
        const host = f.model.nodes.find((n) => n.kind === 'host')!;
        const at = await titleOf(p, host.id);
        await p.page.mouse.click(at.x, at.y);
        let posted = (await p.posted()).filter((m) => m.type === 'reveal');
        assert.deepEqual(posted.at(-1), { type: 'reveal', source: host.source });
        const sw = f.model.nodes.find((n) => n.kind === 'switch')!;
        const sc = await centre(p, sw.id);
        await p.page.mouse.click(sc.x, sc.y);
        posted = (await p.posted()).filter((m) => m.type === 'reveal');
        assert.deepEqual(posted.at(-1), { type: 'reveal', source: sw.source });
        const port = f.model.ports.find((x) => x.kind === 'nic')!;
        const pc = await centre(p, port.id);
        await p.page.mouse.click(pc.x, pc.y);
        posted = (await p.posted()).filter((m) => m.type === 'reveal');
        assert.deepEqual(posted.at(-1), { type: 'reveal', source: port.source });
        // Keyboard: one tab stop in the drawing; arrows move; Enter reveals.
        assert.equal(await p.page.locator('.knt-node[tabindex="0"]').count(), 1);
        const order = await p.page.$$eval('.knt-node', (els) => els.map((e) => e.getAttribute('data-id')!));
        await p.page.locator(`.knt-node[data-id="${order[0]}"]`).focus();
        await p.page.keyboard.press('ArrowDown');
        assert.equal(await p.page.evaluate(() => document.activeElement?.getAttribute('data-id')), order[1]);
        await p.page.keyboard.press('End');
        assert.equal(await p.page.evaluate(() => document.activeElement?.getAttribute('data-id')), order.at(-1));
        await p.page.keyboard.press('Home');
        const before = (await p.posted()).length;
        await p.page.keyboard.press('Enter');
        const first = [...f.model.nodes, ...f.model.ports].find((x) => x.id === order[0])!;
        assert.deepEqual((await p.posted()).slice(before), [{ type: 'reveal', source: first.source }]);
        assert.equal(await p.page.locator('.knt-node[tabindex="0"]').count(), 1);
      });

      it('search marks the nodes and ports whose name or address matches, and centres them', async () => {
        const p = panels.track(await open(panels.browser(), f));
        // A port whose address no other port's contains (192.168.1.1 would also match 192.168.1.10): one match to centre.
        const first = (x: (typeof f.model.ports)[number]) => x.addresses[0]?.split('/')[0] ?? '';
        const port = f.model.ports.find(
          (x) =>
            x.kind === 'nic' &&
            x.addresses.length &&
            f.model.ports.filter((y) => y.addresses.some((a) => a.includes(first(x)))).length === 1,
        )!;
        const addr = first(port);
        await p.page.locator('vscode-textfield.search').evaluate((e, v) => {
          (e as HTMLInputElement).value = v;
          e.dispatchEvent(new Event('input'));
        }, addr);
        const matched = await p.page.$$eval('.knt-node.knt-match', (els) => els.map((e) => e.getAttribute('data-id')));
        assert.deepEqual(
          matched,
          f.model.ports.filter((x) => x.addresses.some((a) => a.includes(addr))).map((x) => x.id),
        );
        assert.match((await p.page.locator('.toolbar .count').textContent()) ?? '', /match/);
        // Centred: the match is in the middle of the drawing.
        const c = await centre(p, port.id, '');
        const stage = await p.page.locator('.stage').boundingBox();
        assert.ok(
          Math.abs(c.x - (stage!.x + stage!.width / 2)) < 40 && Math.abs(c.y - (stage!.y + stage!.height / 2)) < 40,
          `centred: ${JSON.stringify(c)}`,
        );
        assert.equal((await p.state())?.topology?.search, addr);
        // By name: every node of that name.
        const host = f.model.nodes.find((n) => n.kind === 'host')!;
        await p.page.locator('vscode-textfield.search').evaluate((e, v) => {
          (e as HTMLInputElement).value = v;
          e.dispatchEvent(new Event('input'));
        }, host.name);
        const byName = await p.page.$$eval('.knt-node.knt-match', (els) => els.map((e) => e.getAttribute('data-id')));
        assert.ok(byName.includes(host.id));
        await p.shot(`topology-${dir}-search`);
      });

      it('dragging a host pins it; the state holds its place; an edit of the lab keeps the zoom and the places', async () => {
        const p = panels.track(await open(panels.browser(), f));
        const host = f.model.nodes.find((n) => n.kind === 'host')!;
        const before = await geometry(p);
        const at = await titleOf(p, host.id);
        await p.page.mouse.move(at.x, at.y);
        await p.page.mouse.down();
        for (let i = 1; i <= 5; i++) await p.page.mouse.move(at.x + 12 * i, at.y + 8 * i);
        await p.page.mouse.up();
        const k = Number(/scale\(([\d.]+)\)/.exec((await viewport(p)) ?? '')?.[1] ?? 1);
        const st = (await p.state())!;
        assert.equal(st.kind, 'topology');
        assert.equal(st.labDir, `file:///labs/${dir}`);
        const pin = st.topology?.pinned?.[host.id];
        assert.ok(pin, 'the moved host is pinned');
        const [x0, y0] = /translate\(([-\d.]+),([-\d.]+)\)/.exec(before.items[host.id]!)!.slice(1).map(Number) as [number, number];
        assert.ok(
          Math.abs(pin.x - (x0 + 60 / k)) <= 2 && Math.abs(pin.y - (y0 + 40 / k)) <= 2,
          `pinned at ${JSON.stringify(pin)} from ${x0},${y0}`,
        );
        // No click (and so no reveal) after a drag.
        assert.equal((await p.posted()).filter((m) => m.type === 'reveal').length, 0);
        // Zoom in, then the lab is edited: one more host.
        await p.page.locator('.knt-node').first().focus();
        const scaleOf = (tr: string | null) => Number(/scale\(([\d.]+)\)/.exec(tr ?? '')?.[1] ?? 1);
        const unzoomed = await viewport(p);
        await p.page.keyboard.press('+');
        await p.page.waitForFunction((before) => document.querySelector('.knt-viewport')?.getAttribute('transform') !== before, unzoomed);
        const zoomed = await viewport(p);
        assert.ok(scaleOf(zoomed) > scaleOf(unzoomed), `+ zooms in: ${unzoomed} -> ${zoomed}`);
        const e = edited(f);
        const old = await geometry(p);
        await p.send(msg(e));
        await p.page.waitForSelector('.knt-item[data-id="h:zz"]');
        assert.equal(await viewport(p), zoomed, 'the zoom is kept');
        const now = await geometry(p);
        for (const [id, tr] of Object.entries(old.items)) assert.equal(now.items[id], tr, `${id} keeps its place`);
        assert.deepEqual((await p.state())?.topology?.pinned?.[host.id], pin);
        assert.equal((await p.state())?.last?.type, 'topology');
        // The new host is next to its switch, overlapping nothing.
        const boxes = await p.page.$$eval('.knt-item', (els) =>
          els.map((x) => ({ id: x.getAttribute('data-id'), r: x.getBoundingClientRect().toJSON() as DOMRect })),
        );
        const z = boxes.find((b) => b.id === 'h:zz')!.r;
        for (const b of boxes)
          if (b.id !== 'h:zz')
            assert.ok(z.right <= b.r.left || b.r.right <= z.left || z.bottom <= b.r.top || b.r.bottom <= z.top, `zz overlaps ${b.id}`);
      });

      it('a reload restores the view from the saved state', async () => {
        const p = panels.track(await open(panels.browser(), f));
        const host = f.model.nodes.find((n) => n.kind === 'host')!;
        const at = await titleOf(p, host.id);
        await p.page.mouse.move(at.x, at.y);
        await p.page.mouse.down();
        await p.page.mouse.move(at.x + 30, at.y + 50, { steps: 4 });
        await p.page.mouse.up();
        await p.page.mouse.move(600, 400);
        await p.page.mouse.wheel(0, -300);
        await p.page.waitForFunction(() => /scale\((?!1\))/.test(document.querySelector('.knt-viewport')?.getAttribute('transform') ?? ''));
        await p.page.waitForFunction(() => {
          const s = (window as unknown as { __state?: PanelState }).__state;
          return !!s?.topology?.transform && s.topology.transform.k !== 1;
        });
        const saved = (await p.state())!;
        const geo = await geometry(p);
        // VS Code restores the state; the page comes back with no bootstrap message at all.
        const q = panels.track(await openPanel(panels.browser(), 'topology', undefined, { state: saved }));
        await q.page.waitForSelector('.knt-item');
        assert.deepEqual(await geometry(q), geo);
        const t1 = saved.topology!.transform!;
        const t2 = (await viewport(q))!;
        assert.equal(t2, `translate(${t1.x},${t1.y}) scale(${t1.k})`);
        // The same with a fresh bootstrap message (the panel serializer renders the lab again).
        const r = panels.track(await open(panels.browser(), f, { state: saved }));
        assert.deepEqual((await geometry(r)).items, geo.items);
      });

      it("exports a standalone SVG with the labels and the theme's colours, and a PNG", async () => {
        const p = panels.track(await open(panels.browser(), f, { theme: 'dark' }));
        await p.page.locator('vscode-button.export-svg').click();
        const svg = await p.waitForPost('export');
        assert.equal(svg.format, 'svg');
        assert.equal(svg.name, `${f.lab.name}-topology.svg`);
        assert.ok(svg.data.startsWith('<?xml'));
        assert.ok(!svg.data.includes('var(--'), 'colours are inlined, not variables');
        const parsed = await p.page.evaluate((text) => {
          const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
          return {
            error: doc.querySelector('parsererror')?.textContent ?? '',
            root: doc.documentElement.localName,
            ns: doc.documentElement.namespaceURI,
            viewBox: doc.documentElement.getAttribute('viewBox'),
            texts: [...doc.querySelectorAll('text')].map((t) => t.textContent ?? ''),
            fill: doc.querySelector('rect')?.getAttribute('fill') ?? '',
            styled: doc.querySelectorAll('[style]').length,
            title: doc.querySelector('svg > title')?.textContent ?? '',
          };
        }, svg.data);
        assert.equal(parsed.error, '');
        assert.equal(parsed.root, 'svg');
        assert.equal(parsed.ns, 'http://www.w3.org/2000/svg');
        assert.ok(parsed.viewBox);
        for (const n of f.model.nodes) assert.ok(parsed.texts.includes(n.name), `the SVG has ${n.name}`);
        for (const port of f.model.ports.filter((x) => x.kind === 'nic'))
          assert.ok(parsed.texts.includes(portLabel(port)), `the SVG has ${portLabel(port)}`);
        assert.equal(parsed.fill, '#1f1f1f', "the dark theme's background");
        assert.equal(parsed.styled, 0, 'presentation attributes, no inline styles');
        assert.equal(parsed.title, f.lab.title?.en ?? f.lab.name);
        await p.page.locator('vscode-button.export-png').click();
        await p.page.waitForFunction(() =>
          (window as unknown as { __posted: { type: string; format?: string }[] }).__posted.some(
            (m) => m.type === 'export' && m.format === 'png',
          ),
        );
        const png = (await p.posted()).find((m) => m.type === 'export' && m.format === 'png');
        assert.ok(png && png.type === 'export');
        assert.ok(png.data.startsWith('data:image/png;base64,'));
        const size = await p.page.evaluate(async (url) => {
          const img = new Image();
          img.src = url;
          await img.decode();
          return { w: img.naturalWidth, h: img.naturalHeight };
        }, png.data);
        assert.ok(size.w > 200 && size.h > 100, JSON.stringify(size));
      });

      it('speaks Korean', async () => {
        const p = panels.track(await open(panels.browser(), f, { lang: 'ko' }));
        assert.equal(await p.page.evaluate(() => document.documentElement.lang), 'ko');
        assert.equal(((await p.page.locator('vscode-button.fit').textContent()) ?? '').trim(), '맞추기');
        const host = f.model.nodes.find((n) => n.kind === 'host')!;
        assert.match((await p.page.locator(`.knt-node[data-id="${host.id}"]`).getAttribute('aria-label')) ?? '', /^호스트 /);
        await p.send({ type: 'lang', lang: 'en' });
        await p.page.waitForFunction(() => document.documentElement.lang === 'en');
        assert.match((await p.page.locator(`.knt-node[data-id="${host.id}"]`).getAttribute('aria-label')) ?? '', /^Host /);
        const last = (await p.state())?.last;
        assert.ok(last?.type === 'topology' && last.lang === 'en', 'the saved message follows the language');
      });
    });
  }
});
