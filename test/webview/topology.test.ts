/**
 * The topology panel (webview/topology) and its drawing (webview/common/topology) in headless
 * Chromium, for every bundled lab: every node, port and link drawn with its label; the same
 * layout on every load; the tooltip; reveal on click and Enter; search; dragging pins a node in
 * the saved state; an edit of the lab keeps the zoom and the positions; a reload restores the
 * view; SVG and PNG export; the path highlight with its packet; screenshots in light, dark and
 * high-contrast themes (test-results/webview/topology-*.png).
 */
import { strict as assert } from 'node:assert';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import type { Browser } from 'playwright-core';
import { buildWorld, type Lab, loadLabFor, tracePacket, type World } from '../../src/core/index';
import { pathOf, traceView } from '../../src/core/view/trace';
import { topologyModel } from '../../src/core/view/topology';
import type { TopologyModel } from '../../src/core/view/types';
import type { HostMessage, PanelState } from '../../src/protocol/panels';
import { generateTopology } from '../../bench/webview';
import { type ItemGeom, layoutTopology, portLabel } from '../../webview/common/topology/layout';
import { launch, openPanel, type OpenOptions, type PanelHandle, ROOT, type Theme } from './harness';

const LABS = join(ROOT, 'labs');
const labDirs = readdirSync(LABS, { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(join(LABS, d.name, 'lab.yaml')))
  .map((d) => d.name)
  .sort();

interface Fixture {
  readonly dir: string;
  readonly text: string;
  readonly lab: Lab;
  readonly world: World;
  readonly model: TopologyModel;
}

function load(dir: string, text = readFileSync(join(LABS, dir, 'lab.yaml'), 'utf8')): Fixture {
  const file = `labs/${dir}/lab.yaml`;
  const loaded = loadLabFor(text, { file, readFile: (rel) => (existsSync(join(LABS, dir, rel)) ? readFileSync(join(LABS, dir, rel), 'utf8') : undefined) });
  assert.ok(loaded.lab, `${file} loads`);
  const world = buildWorld(loaded.lab).world;
  return { dir, text, lab: loaded.lab, world, model: topologyModel(loaded.lab, world) };
}

/** The lab with one more host cabled to its first switch (an edit in the editor). */
function edited(f: Fixture): Fixture {
  const sw = f.lab.switches[0]!.name;
  const text = f.text.replace(/^hosts:\n/m, `hosts:\n  zz:\n    interfaces:\n      eth0: ${sw}\n    run: |\n      ip addr add 10.99.0.9/24 dev eth0\n`);
  assert.notEqual(text, f.text);
  return load(f.dir, text);
}

/** The lab with one more namespace in its first host (the host's box grows). */
function grown(f: Fixture): Fixture {
  const text = f.text.replace(/^( {4}run: \|\n)( +)/m, '$1$2ip netns add zzns\n$2');
  assert.notEqual(text, f.text);
  return load(f.dir, text);
}

function overlapping(items: readonly { id: string; x: number; y: number; w: number; h: number }[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < items.length; i++)
    for (let j = i + 1; j < items.length; j++) {
      const a = items[i]!;
      const b = items[j]!;
      if (a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h) out.push(`${a.id} ${b.id}`);
    }
  return out;
}

const msg = (f: Fixture, lang: 'en' | 'ko' = 'en'): HostMessage => ({ type: 'topology', lang, labDir: `file:///labs/${f.dir}`, model: f.model });

async function open(browser: Browser, f: Fixture | undefined, opts: OpenOptions & { lang?: 'en' | 'ko' } = {}): Promise<PanelHandle> {
  const p = await openPanel(browser, 'topology', f ? msg(f, opts.lang) : undefined, opts);
  if (f) await p.page.waitForSelector('.knt-item');
  await p.waitForPost('ready');
  return p;
}

/** Every item's transform and every link's path: the whole layout, as drawn. */
async function geometry(p: PanelHandle): Promise<{ items: Record<string, string>; links: Record<string, string> }> {
  return p.page.evaluate(() => ({
    items: Object.fromEntries([...document.querySelectorAll('.knt-item')].map((e) => [e.getAttribute('data-id'), e.getAttribute('transform')])),
    links: Object.fromEntries([...document.querySelectorAll('path.knt-link')].map((e) => [e.getAttribute('data-id'), e.getAttribute('d')])),
  }));
}

const viewport = (p: PanelHandle) => p.page.$eval('.knt-viewport', (e) => e.getAttribute('transform'));

/** The centre of a node's shape on the page (its frame or square, not its label). */
async function centre(p: PanelHandle, id: string, part = '.knt-frame, .knt-square'): Promise<{ x: number; y: number }> {
  const node = p.page.locator(`.knt-node[data-id="${id}"]`);
  const box = await (part ? node.locator(part).first() : node).boundingBox();
  assert.ok(box, `${id} is drawn`);
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** A point inside a host's box, on its title row (not on a namespace or a port). */
async function titleOf(p: PanelHandle, id: string): Promise<{ x: number; y: number }> {
  const box = await p.page.locator(`.knt-node[data-id="${id}"] > .knt-frame`).boundingBox();
  assert.ok(box);
  return { x: box.x + box.width / 2, y: box.y + 8 };
}

let viewBundle: string | undefined;
/** The drawing alone (webview/common/topology), bundled for the page, as `window.__topo`. */
async function bundledView(): Promise<string> {
  viewBundle ??= (
    await build({
      stdin: {
        contents: "import { createTopologyView } from './webview/common/topology/index.ts'; (window as any).__topo = { createTopologyView };",
        resolveDir: ROOT,
        loader: 'ts',
      },
      bundle: true,
      write: false,
      format: 'iife',
      platform: 'browser',
      target: 'es2022',
      loader: { '.css': 'empty' },
    })
  ).outputFiles[0]!.text;
  return viewBundle;
}

describe('topology layout (webview/common/topology/layout.ts)', () => {
  const cases: [string, TopologyModel][] = [...labDirs.map((d) => [d, load(d).model] as [string, TopologyModel]), ['generated 500 nodes / 1,000 links', generateTopology().model]];
  for (const [name, model] of cases) {
    it(`${name}: the same numbers every time, every node and port placed, ports on their box's edge or bridge, no overlaps`, () => {
      const a = layoutTopology(model);
      const b = layoutTopology(JSON.parse(JSON.stringify(model)) as TopologyModel);
      const strip = (l: ReturnType<typeof layoutTopology>) => l.items.map((it) => ({ ...it, node: it.node.id, boxes: it.boxes.map((x) => ({ ...x, node: x.node.id })), ports: it.ports.map((p) => ({ ...p, port: p.port.id })) }));
      assert.deepEqual(strip(b), strip(a));
      for (const n of model.nodes) assert.ok(a.item.has(n.id) || a.box.has(n.id), `${n.id} placed`);
      for (const p of model.ports) {
        const g = a.port.get(p.id);
        assert.ok(g, `${p.id} placed`);
        const it = a.item.get(a.owner.get(p.id)!)!;
        assert.ok(g.x >= 0 && g.x <= it.w && g.y >= 0 && g.y <= it.h, `${p.id} inside its host`);
        if (g.on === 'edge') {
          const box = a.box.get(p.node)!;
          assert.ok(Math.abs(g.x - box.x) < 0.01 || Math.abs(g.x - (box.x + box.w)) < 0.01, `${p.id} on the edge of ${p.node}`);
        }
      }
      assert.deepEqual(overlapping(a.items), []);
      for (const it of a.items) for (const bx of it.boxes) assert.ok(bx.x >= 0 && bx.y >= 0 && bx.x + bx.w <= it.w + 0.01 && bx.y + bx.h <= it.h + 0.01, `${bx.id} inside ${it.id}`);
    });
  }

  it('keeps pinned items where the user put them, and the others where a fresh layout puts them', () => {
    const f = load('01-switching-routing');
    const fresh = layoutTopology(f.model);
    const l = layoutTopology(f.model, { pinned: new Map([['h:a', { x: -500, y: 900 }]]) });
    assert.deepEqual({ x: l.item.get('h:a')!.x, y: l.item.get('h:a')!.y }, { x: -500, y: 900 });
    for (const it of fresh.items) if (it.id !== 'h:a') assert.deepEqual([l.item.get(it.id)!.x, l.item.get(it.id)!.y], [it.x, it.y], it.id);
    // a is now left of its switch: its port faces right still; moved to the right of lan1, it faces left.
    const right = layoutTopology(f.model, { pinned: new Map([['h:a', { x: 2000, y: 0 }]]) });
    assert.equal(right.port.get('p:a//eth0')!.side, 'left');
  });

  it('after an edit: the items keep their places, a new one goes next to its switch, a grown one pushes the ones below', () => {
    for (const dir of labDirs) {
      const f = load(dir);
      const before = layoutTopology(f.model);
      const previous = new Map(before.items.map((it) => [it.id, { x: it.x + 37, y: it.y - 11, w: it.w, h: it.h }]));
      const e = edited(f);
      const after = layoutTopology(e.model, { previous });
      for (const it of before.items) assert.deepEqual([after.item.get(it.id)!.x, after.item.get(it.id)!.y], [it.x + 37, it.y - 11], `${dir}: ${it.id} kept`);
      assert.deepEqual(overlapping(after.items), [], dir);
      const z = after.item.get('h:zz')!;
      const sw = after.item.get(`s:${f.lab.switches[0]!.name}`)!;
      assert.ok(Math.abs(z.x + z.w / 2 - (sw.x + sw.w / 2)) < 600, `${dir}: zz near its switch`);
      const g = grown(f);
      const host = `h:${f.lab.hosts[0]!.name}`;
      const after2 = layoutTopology(g.model, { previous });
      assert.ok(after2.item.get(host)!.h > before.item.get(host)!.h, `${dir}: ${host} grew`);
      assert.deepEqual(overlapping(after2.items), [], `${dir}: nothing overlaps after ${host} grew`);
      const moved = after2.items.filter((it: ItemGeom) => it.x !== previous.get(it.id)!.x || it.y !== previous.get(it.id)!.y);
      for (const it of moved) assert.ok(it.y > previous.get(it.id)!.y, `${dir}: ${it.id} moved down only`);
    }
  });
});

describe('topology panel (webview/topology)', function () {
  this.timeout(60_000);
  let browser: Browser | undefined;
  const handles: PanelHandle[] = [];
  const track = (p: PanelHandle) => (handles.push(p), p);

  before(async function () {
    browser = await launch(this);
  });
  after(async () => {
    await browser?.close();
  });
  afterEach(async () => {
    for (const p of handles.splice(0)) {
      assert.deepEqual(p.errors, [], 'no page errors, console errors or CSP violations');
      await p.close();
    }
  });

  for (const dir of labDirs) {
    describe(dir, () => {
      const f = load(dir);

      it('draws every switch, host, namespace and bridge with its name, every port with its name and address, every link', async () => {
        const p = track(await open(browser!, f));
        const drawn = await p.page.evaluate(() =>
          Object.fromEntries(
            [...document.querySelectorAll('.knt-node')].map((e) => [
              e.getAttribute('data-id'),
              { text: [...e.querySelectorAll('text')].map((t) => t.textContent).join(' | '), aria: e.getAttribute('aria-label'), role: e.getAttribute('role') },
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
        const links = await p.page.$$eval('path.knt-link', (els) => els.map((e) => ({ id: e.getAttribute('data-id'), cls: e.getAttribute('class'), d: e.getAttribute('d') })));
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
        const a = track(await open(browser!, f));
        const b = track(await open(browser!, f));
        const ga = await geometry(a);
        assert.deepEqual(await geometry(b), ga);
        assert.equal(await viewport(b), await viewport(a));
        assert.equal(Object.keys(ga.items).length, f.model.nodes.filter((n) => n.kind === 'switch' || n.kind === 'host').length);
      });

      for (const theme of ['light', 'dark', 'high-contrast'] as Theme[]) {
        it(`is readable in the ${theme} theme (screenshot)`, async () => {
          const p = track(await open(browser!, f, { theme }));
          // Text and shapes take the theme's colours.
          const colours = await p.page.evaluate(() => ({
            text: getComputedStyle(document.querySelector('.knt-host .knt-title')!).fill,
            bg: getComputedStyle(document.body).backgroundColor,
          }));
          assert.notEqual(colours.text, colours.bg);
          await p.shot(`topology-${dir}-${theme}`);
        });
      }

      it('shows a host\'s addresses and routing tables on hover, and a port\'s on keyboard focus', async () => {
        const p = track(await open(browser!, f));
        const host = f.model.nodes.find((n) => n.kind === 'host' && (n.tables?.[0]?.routes.length ?? 0) > 0)!;
        const at = await titleOf(p, host.id);
        await p.page.mouse.move(at.x, at.y);
        const tip = p.page.locator('.knt-tooltip');
        await tip.waitFor({ state: 'visible' });
        const text = (await tip.textContent()) ?? '';
        assert.ok(text.includes(host.name));
        for (const r of host.tables![0]!.routes) assert.ok(text.includes(r), `tooltip has the route "${r}"`);
        for (const port of f.model.ports.filter((x) => x.node === host.id)) for (const a of port.addresses) assert.ok(text.includes(a), `tooltip has ${a}`);
        assert.ok(text.includes('Routes, table main'));
        await p.page.mouse.move(2, 790);
        await tip.waitFor({ state: 'hidden' });
        // Keyboard: focus a port; the tooltip describes it.
        const port = f.model.ports.find((x) => x.addresses.length && x.kind === 'nic')!;
        await p.page.locator(`.knt-node[data-id="${port.id}"]`).focus();
        await tip.waitFor({ state: 'visible' });
        const ptext = (await tip.textContent()) ?? '';
        assert.ok(ptext.includes(port.name) && ptext.includes(port.addresses[0]!) && ptext.includes(port.mac!), ptext);
        assert.equal(await p.page.locator(`.knt-node[data-id="${port.id}"]`).getAttribute('aria-describedby'), await tip.getAttribute('id'));
      });

      it('reveals the declaration: a click on a host, a switch or a port, and Enter on a focused node', async () => {
        const p = track(await open(browser!, f));
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
        const p = track(await open(browser!, f));
        const port = f.model.ports.find((x) => x.kind === 'nic' && x.addresses.length)!;
        const addr = port.addresses[0]!.split('/')[0]!;
        await p.page.locator('vscode-textfield.search').evaluate((e, v) => {
          (e as HTMLInputElement).value = v;
          e.dispatchEvent(new Event('input'));
        }, addr);
        const matched = await p.page.$$eval('.knt-node.knt-match', (els) => els.map((e) => e.getAttribute('data-id')));
        assert.deepEqual(matched, f.model.ports.filter((x) => x.addresses.some((a) => a.includes(addr))).map((x) => x.id));
        assert.match((await p.page.locator('.toolbar .count').textContent()) ?? '', /match/);
        // Centred: the match is in the middle of the drawing.
        const c = await centre(p, port.id, '');
        const stage = await p.page.locator('.stage').boundingBox();
        assert.ok(Math.abs(c.x - (stage!.x + stage!.width / 2)) < 40 && Math.abs(c.y - (stage!.y + stage!.height / 2)) < 40, `centred: ${JSON.stringify(c)}`);
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
        const p = track(await open(browser!, f));
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
        assert.ok(Math.abs(pin.x - (x0 + 60 / k)) <= 2 && Math.abs(pin.y - (y0 + 40 / k)) <= 2, `pinned at ${JSON.stringify(pin)} from ${x0},${y0}`);
        // No click (and so no reveal) after a drag.
        assert.equal((await p.posted()).filter((m) => m.type === 'reveal').length, 0);
        // Zoom in, then the lab is edited: one more host.
        await p.page.locator('.knt-node').first().focus();
        await p.page.keyboard.press('+');
        const zoomed = await viewport(p);
        assert.notEqual(zoomed, before.items[host.id]);
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
        const boxes = await p.page.$$eval('.knt-item', (els) => els.map((x) => ({ id: x.getAttribute('data-id'), r: x.getBoundingClientRect().toJSON() as DOMRect })));
        const z = boxes.find((b) => b.id === 'h:zz')!.r;
        for (const b of boxes) if (b.id !== 'h:zz') assert.ok(z.right <= b.r.left || b.r.right <= z.left || z.bottom <= b.r.top || b.r.bottom <= z.top, `zz overlaps ${b.id}`);
      });

      it('a reload restores the view from the saved state', async () => {
        const p = track(await open(browser!, f));
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
        const q = track(await openPanel(browser!, 'topology', undefined, { state: saved }));
        await q.page.waitForSelector('.knt-item');
        assert.deepEqual(await geometry(q), geo);
        const t1 = saved.topology!.transform!;
        const t2 = (await viewport(q))!;
        assert.equal(t2, `translate(${t1.x},${t1.y}) scale(${t1.k})`);
        // The same with a fresh bootstrap message (the panel serializer renders the lab again).
        const r = track(await open(browser!, f, { state: saved }));
        assert.deepEqual((await geometry(r)).items, geo.items);
      });

      it('exports a standalone SVG with the labels and the theme\'s colours, and a PNG', async () => {
        const p = track(await open(browser!, f, { theme: 'dark' }));
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
        for (const port of f.model.ports.filter((x) => x.kind === 'nic')) assert.ok(parsed.texts.includes(portLabel(port)), `the SVG has ${portLabel(port)}`);
        assert.equal(parsed.fill, '#1f1f1f', "the dark theme's background");
        assert.equal(parsed.styled, 0, 'presentation attributes, no inline styles');
        assert.equal(parsed.title, f.lab.title?.en ?? f.lab.name);
        await p.page.locator('vscode-button.export-png').click();
        await p.page.waitForFunction(() => (window as unknown as { __posted: { type: string; format?: string }[] }).__posted.some((m) => m.type === 'export' && m.format === 'png'));
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
        const p = track(await open(browser!, f, { lang: 'ko' }));
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

  describe('edits and large labs', () => {
    it('an edit that grows a host keeps the zoom and moves only what it now covers', async () => {
      for (const dir of labDirs) {
        const f = load(dir);
        const p = track(await open(browser!, f));
        const vp = await viewport(p);
        await p.send(msg(grown(f)));
        await p.page.waitForSelector(`.knt-node[data-id="n:${f.lab.hosts[0]!.name}/zzns"]`);
        assert.equal(await viewport(p), vp);
        const boxes = await p.page.$$eval('.knt-item', (els) => els.map((x) => ({ id: x.getAttribute('data-id')!, ...(x.getBoundingClientRect().toJSON() as { x: number; y: number; width: number; height: number }) })));
        assert.deepEqual(overlapping(boxes.map((b) => ({ id: b.id, x: b.x, y: b.y, w: b.width, h: b.height }))), [], dir);
      }
    });

    it('draws a generated 500-node, 1,000-link topology whole; labels show once zoomed in', async () => {
      const gen = generateTopology();
      const p = track(await openPanel(browser!, 'topology', { type: 'topology', lang: 'en', labDir: 'file:///bench', model: gen.model }));
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
      const p = track(await open(browser!, f));
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
      const p = track(await open(browser!, undefined));
      assert.match((await p.page.locator('.empty').textContent()) ?? '', /Show Topology/);
      const f = load(labDirs[0]!);
      await p.send(msg(f));
      await p.page.waitForSelector('.knt-item');
      assert.ok(await p.page.locator('.empty').isHidden());
      assert.deepEqual((await p.posted()).map((m) => m.type), ['ready']);
    });
  });

  describe('the drawing alone (webview/common/topology)', () => {
    async function withView(f: Fixture, opts: OpenOptions = {}): Promise<PanelHandle> {
      const p = track(await open(browser!, undefined, opts));
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
        const view = api.createTopologyView(host, { lang: 'en', interactive: false, onReveal: (s: unknown) => (w['__reveals'] as unknown[]).push(s), onState: () => {} });
        view.update(model);
        w['__view'] = view;
      }, f.model);
      return p;
    }

    it('highlights a packet\'s path, the current step\'s node, port and link, with a packet moving along the link', async () => {
      const f = load('02-gateway');
      const trace = tracePacket(f.world, { from: { host: 'a', netns: '' }, to: '192.168.2.10', proto: 'icmp' });
      assert.ok(trace.replied);
      const tv = traceView(f.model, trace, 'a -> 192.168.2.10 icmp');
      const step = tv.trace.request.steps.findIndex((s) => s.stage === 'wire');
      const path = pathOf(tv, 0, step);
      const current = tv.anchors[0]![step]!;
      assert.ok(current.link);
      const p = await withView(f);
      await p.page.evaluate(({ path, current }) => (window as unknown as { __view: { highlight(a: unknown, b: unknown): void } }).__view.highlight(path, current), { path, current });
      const marked = await p.page.evaluate(() => ({
        path: [...document.querySelectorAll('#solo .knt-on-path')].map((e) => e.getAttribute('data-id')),
        current: [...document.querySelectorAll('#solo .knt-current')].map((e) => e.getAttribute('data-id')),
      }));
      assert.deepEqual([...marked.path].sort(), [...path.nodes, ...path.ports, ...path.links].sort());
      assert.deepEqual([...marked.current].sort(), [current.node, current.port, current.link].filter(Boolean).sort());
      const pos = () => p.page.$eval('#solo .knt-packet', (e) => ({ x: e.getAttribute('cx'), y: e.getAttribute('cy'), shown: getComputedStyle(e).display !== 'none' }));
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
        ({ path, current }) => (window as unknown as { __view: { highlight(a: unknown, b: unknown): void } }).__view.highlight(path, current),
        { path: pathOf(tv, 0, step), current: tv.anchors[0]![step]! },
      );
      const first = await p.page.$eval('#solo .knt-packet', (e) => `${e.getAttribute('cx')},${e.getAttribute('cy')}`);
      await p.page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      assert.equal(await p.page.$eval('#solo .knt-packet', (e) => `${e.getAttribute('cx')},${e.getAttribute('cy')}`), first);
      assert.notEqual(first, 'null,null');
    });
  });
});
