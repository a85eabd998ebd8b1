/**
 * What the topology panel's tests share (topology.test.ts, topology-layout.test.ts,
 * topology-drawing.test.ts): every bundled lab loaded with its model, the same lab edited (a host
 * added) or grown (a namespace added), overlap checks, readers of what the panel drew, the drawing
 * alone bundled for a page, a Docker host's model, and Chromium for a describe block with every
 * panel closed cleanly after each test. Split out of topology.test.ts when it grew past what one file should hold.
 */
import { strict as assert } from 'node:assert';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import type { Browser } from 'playwright-core';
import { buildWorld, type Lab, loadLabFor, type World } from '../../src/core/index';
import { topologyModel } from '../../src/core/view/topology';
import type { TopologyModel } from '../../src/core/view/types';
import type { HostMessage } from '../../src/protocol/panels';
import { launch, openPanel, type OpenOptions, type PanelHandle, ROOT } from './harness';

const LABS = join(ROOT, 'labs');
export const labDirs = readdirSync(LABS, { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(join(LABS, d.name, 'lab.yaml')))
  .map((d) => d.name)
  .sort();

export interface Fixture {
  readonly dir: string;
  readonly text: string;
  readonly lab: Lab;
  readonly world: World;
  readonly model: TopologyModel;
}

export function load(dir: string, text = readFileSync(join(LABS, dir, 'lab.yaml'), 'utf8')): Fixture {
  const file = `labs/${dir}/lab.yaml`;
  const loaded = loadLabFor(text, {
    file,
    readFile: (rel) => (existsSync(join(LABS, dir, rel)) ? readFileSync(join(LABS, dir, rel), 'utf8') : undefined),
  });
  assert.ok(loaded.lab, `${file} loads`);
  const world = buildWorld(loaded.lab).world;
  return { dir, text, lab: loaded.lab, world, model: topologyModel(loaded.lab, world) };
}

/**
 * A lab of two hosts on one switch, h (192.168.90.10) and ext (.20), one of which runs `lines`
 * (`docker ...`): drawn left of the switch (h) or right of it (ext, mirrored).
 */
export function dockerModel(lines: readonly string[], on: 'h' | 'ext' = 'h'): TopologyModel {
  const run = (host: string) => (host === on ? lines.map((l) => `      ${l}\n`).join('') : '');
  const text = `name: docker
switches: [lan]
hosts:
  h:
    interfaces: { eth0: lan }
    run: |
      ip addr add 192.168.90.10/24 dev eth0
${run('h')}  ext:
    interfaces: { eth0: lan }
    run: |
      ip addr add 192.168.90.20/24 dev eth0
${run('ext')}`;
  const loaded = loadLabFor(text, { file: 'labs/docker/lab.yaml' });
  assert.ok(loaded.lab, 'the docker lab loads');
  return topologyModel(loaded.lab, buildWorld(loaded.lab).world);
}

/** A Docker host's lines: two containers on docker0 (one published), a user-defined network, host, none, a refused port. */
export const DOCKER_LINES = [
  'docker run -d --name web -p 8080:80 nginx',
  'docker run -d --name db redis',
  'docker network create app',
  'docker run -d --name api --network app httpd',
  'docker run -d --name hostweb --network host nginx',
  'docker run -d --name lonely --network none busybox sleep 1000',
  'docker run -d --name web2 -p 8080:80 nginx || true',
];

/** The lab with one more host cabled to its first switch (an edit in the editor). */
export function edited(f: Fixture): Fixture {
  const sw = f.lab.switches[0]!.name;
  const text = f.text.replace(
    /^hosts:\n/m,
    `hosts:\n  zz:\n    interfaces:\n      eth0: ${sw}\n    run: |\n      ip addr add 10.99.0.9/24 dev eth0\n`,
  );
  assert.notEqual(text, f.text);
  return load(f.dir, text);
}

/** The lab with one more namespace in its first host (the host's box grows). */
export function grown(f: Fixture): Fixture {
  const text = f.text.replace(/^( {4}run: \|\n)( +)/m, '$1$2ip netns add zzns\n$2');
  assert.notEqual(text, f.text);
  return load(f.dir, text);
}

export function overlapping(items: readonly { id: string; x: number; y: number; w: number; h: number }[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < items.length; i++)
    for (let j = i + 1; j < items.length; j++) {
      const a = items[i]!;
      const b = items[j]!;
      if (a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h) out.push(`${a.id} ${b.id}`);
    }
  return out;
}

export const msg = (f: Fixture, lang: 'en' | 'ko' = 'en'): HostMessage => ({
  type: 'topology',
  lang,
  labDir: `file:///labs/${f.dir}`,
  model: f.model,
});

export async function open(
  browser: Browser,
  f: Fixture | undefined,
  opts: OpenOptions & { lang?: 'en' | 'ko' } = {},
): Promise<PanelHandle> {
  const p = await openPanel(browser, 'topology', f ? msg(f, opts.lang) : undefined, opts);
  if (f) await p.page.waitForSelector('.knt-item');
  await p.waitForPost('ready');
  return p;
}

/** Every item's transform and every link's path: the whole layout, as drawn. */
export async function geometry(p: PanelHandle): Promise<{ items: Record<string, string>; links: Record<string, string> }> {
  return p.page.evaluate(() => ({
    items: Object.fromEntries(
      [...document.querySelectorAll('.knt-item')].map((e) => [e.getAttribute('data-id'), e.getAttribute('transform')]),
    ),
    links: Object.fromEntries([...document.querySelectorAll('path.knt-link')].map((e) => [e.getAttribute('data-id'), e.getAttribute('d')])),
  }));
}

export const viewport = (p: PanelHandle) => p.page.$eval('.knt-viewport', (e) => e.getAttribute('transform'));

/** The centre of a node's shape on the page (its frame or square, not its label). */
export async function centre(p: PanelHandle, id: string, part = '.knt-frame, .knt-square'): Promise<{ x: number; y: number }> {
  const node = p.page.locator(`.knt-node[data-id="${id}"]`);
  const box = await (part ? node.locator(part).first() : node).boundingBox();
  assert.ok(box, `${id} is drawn`);
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** A point inside a host's box, on its title row (not on a namespace or a port). */
export async function titleOf(p: PanelHandle, id: string): Promise<{ x: number; y: number }> {
  const box = await p.page.locator(`.knt-node[data-id="${id}"] > .knt-frame`).boundingBox();
  assert.ok(box);
  return { x: box.x + box.width / 2, y: box.y + 8 };
}

let viewBundle: string | undefined;
/** The drawing alone (webview/common/topology), bundled for the page, as `window.__topo`. */
export async function bundledView(): Promise<string> {
  viewBundle ??= (
    await build({
      stdin: {
        contents:
          "import { createTopologyView } from './webview/common/topology/index.ts'; (window as any).__topo = { createTopologyView };",
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

export interface TopologyPanels {
  /** The browser of the describe block (launched in its `before`). */
  browser(): Browser;
  /** Closes the panel after the test, checking it logged no error. */
  track(p: PanelHandle): PanelHandle;
}

/** Chromium for the tests of one describe block; every tracked panel is closed, cleanly, after each test. */
export function useTopologyPanels(): TopologyPanels {
  let browser: Browser | undefined;
  const handles: PanelHandle[] = [];
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
  return { browser: () => browser!, track: (p) => (handles.push(p), p) };
}
