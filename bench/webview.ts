/**
 * The topology panel's figure (issue §6: "a generated topology of 500 nodes and 1,000 links: first
 * layout under 1 s"): a generated TopologyModel (switches, hosts, their namespaces and bridges)
 * sent to the panel as it ships (dist/webview/topology.js and .css, `npm run build`) in headless
 * Chromium, through the browser tests' harness page (test/webview/harness.ts: the page the
 * extension renders, its CSP, a stand-in VS Code API).
 *
 * Measured in the page, on a fresh panel each run: from the `topology` message until every item
 * and link is in the DOM and a frame has been drawn (timeInPage). The panel's own marks split it:
 * `knetlab:topology:layout` (layout.ts) and `knetlab:topology:update` (layout and the SVG).
 *
 *   npm run build && node --import tsx bench/webview.ts
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import type { TopoLink, TopologyModel, TopoNode, TopoPort } from '../src/core/view/types';
import type { HostMessage, PanelKind } from '../src/protocol/panels';
import { findInstall } from '../test/e2e/harness';

export const TARGET_TOPOLOGY_LAYOUT_MS = 1000;
const ROOT = resolve(__dirname, '..');

// ---------------------------------------------------------------------------------------------
// The generated topology

export interface GeneratedTopology {
  readonly model: TopologyModel;
  /** Top-level items drawn: hosts and switches. */
  readonly items: number;
}

/**
 * A topology of `switches` switches and `hosts` hosts, each host with one bridge and two or three
 * namespaces joined to it by veth pairs, and four or five NICs cabled to switches spread over the
 * lab. The defaults give 500 nodes (40 switches, 100 hosts, 100 bridges, 260 namespaces) and
 * 1,000 links (480 cables, 260 veth pairs, 260 bridge ports). Deterministic.
 */
export function generateTopology(opts: { switches?: number; hosts?: number } = {}): GeneratedTopology {
  const S = opts.switches ?? 40;
  const H = opts.hosts ?? 100;
  const nodes: TopoNode[] = [];
  const ports: TopoPort[] = [];
  const links: TopoLink[] = [];
  const src = (line: number) => ({ file: 'bench/lab.yaml', line, column: 3, endLine: line, endColumn: 10 });
  for (let s = 0; s < S; s++) nodes.push({ id: `s:sw${s}`, kind: 'switch', name: `sw${s}`, source: src(2) });
  let line = 10;
  for (let h = 0; h < H; h++) {
    const host = `h${h}`;
    const hid = `h:${host}`;
    const table = (dev: string, net: string) => ({
      table: 'main',
      routes: [`${net}.0/24 dev ${dev} proto kernel scope link src ${net}.1`, `default via ${net}.254 dev ${dev}`],
    });
    nodes.push({
      id: hid,
      kind: 'host',
      name: host,
      source: src(line++),
      tables: [table('eth0', `10.${h}.0`), { table: 'local', routes: [] }],
      forwarding: h % 3 === 0,
    });
    const bid = `b:${host}//br0`;
    nodes.push({ id: bid, kind: 'bridge', name: 'br0', parent: hid, source: src(line++) });
    ports.push({ id: `p:${host}//lo`, node: hid, name: 'lo', kind: 'loopback', addresses: ['127.0.0.1/8'], up: true, state: 'UNKNOWN' });
    const nics = h < 80 ? 5 : 4;
    for (let j = 0; j < nics; j++) {
      const pid = `p:${host}//eth${j}`;
      ports.push({
        id: pid,
        node: hid,
        name: `eth${j}`,
        kind: 'nic',
        addresses: [`10.${h}.${j}.1/24`],
        mac: mac(h, j),
        up: true,
        state: 'UP',
        source: src(line++),
      });
      links.push({ id: `l:c:${host}//eth${j}`, kind: 'cable', a: pid, b: `s:sw${(h * 7 + j * 13) % S}` });
    }
    ports.push({
      id: `p:${host}//br0`,
      node: hid,
      name: 'br0',
      kind: 'bridge',
      addresses: [`172.16.${h}.1/24`],
      up: true,
      state: 'UP',
      source: src(line++),
    });
    const nss = h < 60 ? 3 : 2;
    for (let k = 0; k < nss; k++) {
      const ns = `ns${k}`;
      const nid = `n:${host}/${ns}`;
      nodes.push({
        id: nid,
        kind: 'netns',
        name: ns,
        parent: hid,
        source: src(line++),
        tables: [table('veth0', `172.16.${h}`)],
        forwarding: false,
      });
      ports.push({ id: `p:${host}/${ns}/lo`, node: nid, name: 'lo', kind: 'loopback', addresses: [], up: false, state: 'DOWN' });
      const inner = `p:${host}/${ns}/veth0`;
      const outer = `p:${host}//v${k}`;
      ports.push({
        id: inner,
        node: nid,
        name: 'veth0',
        kind: 'veth',
        addresses: [`172.16.${h}.${10 + k}/24`],
        up: true,
        state: 'UP',
        source: src(line),
      });
      ports.push({
        id: outer,
        node: hid,
        name: `v${k}`,
        kind: 'veth',
        addresses: [],
        up: true,
        state: 'UP',
        master: bid,
        source: src(line++),
      });
      links.push({ id: `l:b:${host}//v${k}`, kind: 'bridge-port', a: outer, b: bid });
      links.push({ id: `l:v:${host}//v${k}`, kind: 'veth', a: outer, b: inner });
    }
  }
  return { model: { lab: 'bench', title: { en: 'Generated topology', ko: '생성한 토폴로지' }, nodes, ports, links }, items: S + H };
}

function mac(h: number, j: number): string {
  return `02:00:00:${(h >> 8).toString(16).padStart(2, '0')}:${(h & 255).toString(16).padStart(2, '0')}:${j.toString(16).padStart(2, '0')}`;
}

// ---------------------------------------------------------------------------------------------
// Timing in the page (for any panel)

/**
 * Times something in the page: runs `action(arg)` (the source of a function, as text: this file is
 * type-checked without the DOM library), then waits, a frame at a time, until `done(arg)` holds,
 * then for one more frame (so what was drawn has been painted). Returns the milliseconds from just
 * before the action, measured by the page's own clock.
 */
export async function timeInPage(page: Page, action: string, done: string, arg: unknown, timeoutMs = 30_000): Promise<number> {
  const src = `(async () => {
    const arg = ${JSON.stringify(arg)};
    const action = ${action};
    const done = ${done};
    const frame = () => new Promise((r) => requestAnimationFrame(() => r()));
    const t0 = performance.now();
    await action(arg);
    while (!done(arg)) {
      if (performance.now() - t0 > ${timeoutMs}) throw new Error('timeInPage: not done after ${timeoutMs} ms');
      await frame();
    }
    await frame();
    return performance.now() - t0;
  })()`;
  return (await page.evaluate(src)) as number;
}

/** The durations of a performance measure the page recorded (`performance.measure(name)`). */
export async function pageMeasures(page: Page, name: string): Promise<number[]> {
  return (await page.evaluate(`performance.getEntriesByName(${JSON.stringify(name)}, 'measure').map((e) => e.duration)`)) as number[];
}

// The harness is type-checked with the DOM library (test/webview/tsconfig.json), this file without:
// it is loaded at run time, typed by what is used here.
interface Harness {
  openPanel(
    browser: Browser,
    kind: PanelKind,
    bootstrap: HostMessage | undefined,
    opts?: { viewport?: { width: number; height: number } },
  ): Promise<{ page: Page; errors: string[]; close(): Promise<void> }>;
}
const HARNESS = '../test/webview/harness';

// ---------------------------------------------------------------------------------------------
// The benchmark

export interface TopologyBench {
  readonly nodes: number;
  readonly ports: number;
  readonly links: number;
  readonly runs: number;
  /** Median and worst, message to painted frame. */
  readonly firstMs: number;
  readonly firstMaxMs: number;
  /** Medians of the panel's own marks. */
  readonly layoutMs: number;
  readonly updateMs: number;
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

const ACTION = `(a) => window.postMessage(a.message, '*')`;
const DONE = `(a) => document.querySelectorAll('.knt-item').length === a.items && document.querySelectorAll('path.knt-link[d^="M"]').length === a.links`;

/** Renders the generated topology in a fresh topology panel, `runs` times; undefined without Chromium. */
export async function benchTopologyLayout(runs = 7): Promise<TopologyBench | undefined> {
  const inst = findInstall();
  if (!inst) return undefined;
  if (!existsSync(join(ROOT, 'dist', 'webview', 'topology.js'))) throw new Error('dist/webview/topology.js is missing: run npm run build');
  const { openPanel } = (await import(HARNESS)) as Harness;
  const gen = generateTopology();
  const message: HostMessage = { type: 'topology', lang: 'en', labDir: 'file:///bench', model: gen.model };
  const arg = { message, items: gen.items, links: gen.model.links.length };
  const browser = await chromium.launch({
    executablePath: inst.chromium,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
  });
  try {
    const first: number[] = [];
    const layout: number[] = [];
    const update: number[] = [];
    for (let i = 0; i < runs + 1; i++) {
      const p = await openPanel(browser, 'topology', undefined, { viewport: { width: 1400, height: 900 } });
      try {
        await p.page.waitForFunction('document.querySelector(".knt-topo") !== null');
        const ms = await timeInPage(p.page, ACTION, DONE, arg);
        if (p.errors.length) throw new Error(`the topology panel failed: ${p.errors.join('; ')}`);
        if (i === 0) continue; // warm-up: the browser's first page
        first.push(ms);
        layout.push(...(await pageMeasures(p.page, 'knetlab:topology:layout')));
        update.push(...(await pageMeasures(p.page, 'knetlab:topology:update')));
      } finally {
        await p.close();
      }
    }
    return {
      nodes: gen.model.nodes.length,
      ports: gen.model.ports.length,
      links: gen.model.links.length,
      runs,
      firstMs: median(first),
      firstMaxMs: Math.max(...first),
      layoutMs: median(layout),
      updateMs: median(update),
    };
  } finally {
    await browser.close();
  }
}

/** The figures as bench/run.ts prints its rows. */
export function topologyReport(b: TopologyBench | undefined): string[] {
  const row = (what: string, value: string, target = '', result = '') =>
    `  ${what.padEnd(42)} ${value.padStart(12)}  ${target.padEnd(10)} ${result}`;
  const what = 'topology 500 nodes / 1,000 links: first layout';
  if (!b) return [row(what, 'not measured'), '  (Chromium is not installed for the webview benchmarks: run scripts/e2e-install.sh)'];
  const ms = (x: number) => `${x < 10 ? x.toFixed(2) : x.toFixed(1)} ms`;
  const pass = b.firstMs < TARGET_TOPOLOGY_LAYOUT_MS ? 'PASS' : 'MISS';
  return [
    row(
      `topology ${b.nodes} nodes / ${b.links.toLocaleString('en')} links: first layout`,
      ms(b.firstMs),
      `< ${TARGET_TOPOLOGY_LAYOUT_MS} ms`,
      `${pass} (worst ${ms(b.firstMaxMs)}, ${b.runs} runs)`,
    ),
    row('  of which the layout (layout.ts)', ms(b.layoutMs)),
    row('  of which layout + SVG built', ms(b.updateMs)),
    `  (headless Chromium, the topology panel as built; ${b.ports} ports; from the message to the painted frame)`,
  ];
}

/** The panels' rows (topology, then trace), printed (bench/run.ts calls this last). */
export async function printWebviewBench(): Promise<void> {
  console.log('');
  try {
    for (const l of topologyReport(await benchTopologyLayout())) console.log(l);
  } catch (e) {
    console.log(`  topology panel: failed: ${e instanceof Error ? e.message : String(e)}`);
    process.exitCode = 1;
  }
  // The trace panel after the topology panel (one browser at a time, so neither skews the other).
  try {
    const { benchTraceRender, traceRenderReport } = await import('./webview-trace');
    for (const l of traceRenderReport(await benchTraceRender())) console.log(l);
  } catch (e) {
    console.log(`  trace panel: failed: ${e instanceof Error ? e.message : String(e)}`);
    process.exitCode = 1;
  }
}

if (process.argv[1] && /bench[/\\]webview\.ts$/.test(process.argv[1])) void printWebviewBench();
