/**
 * The topology panel (webview/topology) drawing a Docker host in headless Chromium: containers as
 * their own shape inside their host (a box for one with a namespace of its own, a row for a
 * host-network or stopped one) with image, mode, state and published ports; docker0 and a
 * user-defined bridge labelled with their network's name and subnet, each container's veth running
 * straight to its bridge; tooltips and accessible names in English and Korean; search by image;
 * the trace form's endpoints; ten containers on one host drawn without overlaps (screenshots: test-results/webview/topology-docker-*.png).
 */
import { strict as assert } from 'node:assert';
import type { TopologyModel } from '../../src/core/view/types';
// The form's custom elements' tag types (the page loads the elements themselves; this test only calls endpointsOf).
import type {} from '@vscode-elements/elements';
import { endpointsOf } from '../../webview/trace/form';
import { openPanel, type PanelHandle } from './harness';
import { DOCKER_LINES, dockerModel, overlapping, useTopologyPanels } from './topology-helpers';

const LAB = dockerModel(DOCKER_LINES);

async function show(
  panels: ReturnType<typeof useTopologyPanels>,
  model: TopologyModel,
  lang: 'en' | 'ko' = 'en',
  viewport = { width: 1400, height: 1000 },
): Promise<PanelHandle> {
  const p = panels.track(
    await openPanel(panels.browser(), 'topology', { type: 'topology', lang, labDir: 'file:///labs/docker', model }, { viewport }),
  );
  await p.page.waitForSelector('.knt-item');
  return p;
}

/** The texts of a node as drawn, in order. */
const texts = (p: PanelHandle, id: string) => p.page.locator(`.knt-node[data-id="${id}"] > text`).allTextContents();
const classOf = (p: PanelHandle, id: string) => p.page.locator(`.knt-node[data-id="${id}"]`).getAttribute('class');
const boxOf = async (p: PanelHandle, sel: string) => {
  const b = await p.page.locator(sel).first().boundingBox();
  assert.ok(b, `${sel} is drawn`);
  return b;
};

async function hover(p: PanelHandle, id: string): Promise<string> {
  const b = await boxOf(p, `.knt-node[data-id="${id}"] > .knt-frame`);
  await p.page.mouse.move(b.x + b.width - 6, b.y + 6);
  const tip = p.page.locator('.knt-tooltip');
  await p.page.waitForFunction((x) => document.querySelector('.knt-tooltip')?.textContent?.includes(x), id.split('/').pop()!);
  return (await tip.textContent()) ?? '';
}

describe('topology panel (webview/topology): a Docker host', function () {
  this.timeout(60_000);
  const panels = useTopologyPanels();

  it('draws containers with their image, mode, state and published ports, and Docker networks with name and subnet', async () => {
    const p = await show(panels, LAB);
    const app = LAB.nodes.find((n) => n.network?.name === 'app')!;
    assert.deepEqual(await texts(p, 'n:h/web'), ['web', 'nginx', '0.0.0.0:8080->80/tcp']);
    assert.deepEqual(await texts(p, 'n:h/db'), ['db', 'redis']);
    assert.deepEqual(await texts(p, 'n:h/api'), ['api', 'httpd']);
    assert.deepEqual(await texts(p, 'n:h/lonely'), ['lonely', 'busybox', '--network none']);
    assert.deepEqual(await texts(p, 'c:h/hostweb'), ['hostweb', 'nginx', '--network host']);
    assert.deepEqual(await texts(p, 'c:h/web2'), ['web2', 'nginx', 'Created']);
    assert.deepEqual(await texts(p, 'b:h//docker0'), ['docker0', 'bridge 172.17.0.0/16', '172.17.0.1/16']);
    assert.deepEqual(await texts(p, app.id), [app.name, 'app 172.18.0.0/16', '172.18.0.1/16']);
    // Their own shape: a container's class and icon; a row for one without a namespace of its own.
    for (const id of ['n:h/web', 'n:h/db', 'n:h/api', 'n:h/lonely', 'c:h/hostweb', 'c:h/web2']) {
      assert.match((await classOf(p, id))!, /\bknt-container\b/, id);
      assert.equal(await p.page.locator(`.knt-node[data-id="${id}"] > path.knt-icon`).count(), 1, id);
    }
    assert.match((await classOf(p, 'c:h/hostweb'))!, /\bknt-chip\b/);
    assert.doesNotMatch((await classOf(p, 'c:h/hostweb'))!, /\bknt-stopped\b/);
    assert.match((await classOf(p, 'c:h/web2'))!, /\bknt-chip\b.*\bknt-stopped\b|\bknt-stopped\b.*\bknt-chip\b/);
    assert.doesNotMatch((await classOf(p, 'n:h/web'))!, /\bknt-chip\b/);
    // Inside their host's box; the rows and boxes apart.
    const host = await boxOf(p, '.knt-node[data-id="h:h"] > .knt-frame');
    const shapes: { id: string; x: number; y: number; w: number; h: number }[] = [];
    for (const id of ['n:h/web', 'n:h/db', 'n:h/api', 'n:h/lonely', 'c:h/hostweb', 'c:h/web2']) {
      const b = await boxOf(p, `.knt-node[data-id="${id}"] > .knt-frame`);
      assert.ok(b.x >= host.x && b.y >= host.y && b.x + b.width <= host.x + host.width && b.y + b.height <= host.y + host.height, id);
      shapes.push({ id, x: b.x, y: b.y, w: b.width, h: b.height });
    }
    assert.deepEqual(overlapping(shapes), []);
    // Each container's veth runs straight across to its bridge: its two ends at one height.
    for (const c of LAB.nodes.filter((n) => n.container?.veth)) {
      const inside = await boxOf(p, `.knt-node[data-id="p:h/${c.name}/eth0"] > .knt-square`);
      const outside = await boxOf(p, `.knt-node[data-id="${c.container!.veth}"] > .knt-square`);
      assert.equal(Math.round(inside.y), Math.round(outside.y), c.id);
      const bar = await boxOf(p, `.knt-node[data-id="${c.container!.bridge}"] > .knt-frame`);
      assert.ok(outside.y >= bar.y && outside.y <= bar.y + bar.height, `${c.id}: its veth is on ${c.container!.bridge}`);
    }
    await p.shot('topology-docker-light');
  });

  it('says what a container and a Docker network are, on hover and in their accessible names, in English and Korean', async () => {
    const p = await show(panels, LAB);
    let tip = await hover(p, 'n:h/web');
    for (const s of [
      'Container web',
      'image nginx',
      'running',
      'network bridge',
      'its own namespace web, a veth to bridge docker0',
      'Published ports: 0.0.0.0:8080->80/tcp',
      'Listens on 80/tcp',
      '172.17.0.2/16',
      'default via 172.17.0.1 dev eth0',
    ])
      assert.ok(tip.includes(s), `web's tooltip has "${s}": ${tip}`);
    // The host end of its veth says whose it is.
    const veth = LAB.nodes.find((n) => n.id === 'n:h/web')!.container!.veth!;
    assert.match(
      (await p.page.locator(`.knt-node[data-id="${veth}"]`).getAttribute('aria-label'))!,
      /, the host's end of container web's veth$/,
    );
    tip = await hover(p, 'c:h/hostweb');
    assert.ok(tip.includes("shares the host's network namespace (--network host)"), tip);
    assert.ok(tip.includes('Listens on 80/tcp'), tip);
    tip = await hover(p, 'c:h/web2');
    assert.ok(tip.includes('created, not started') && tip.includes('no namespace while it is not running'), tip);
    tip = await hover(p, 'b:h//docker0');
    for (const s of ['Docker network bridge', 'subnet 172.17.0.0/16', 'gateway 172.17.0.1', 'Containers: web, db'])
      assert.ok(tip.includes(s), tip);
    const aria = await p.page.locator('.knt-node[data-id="n:h/lonely"]').getAttribute('aria-label');
    assert.equal(aria, 'Container lonely, in h, image busybox, running, network none, no network: only lo (--network none)');

    const ko = await show(panels, LAB, 'ko');
    tip = await hover(ko, 'n:h/web');
    for (const s of [
      '컨테이너 web',
      '이미지 nginx',
      '실행 중',
      '네트워크 bridge',
      '자체 네임스페이스 web, 브리지 docker0에 veth로 연결',
      '포트 매핑: 0.0.0.0:8080->80/tcp',
      '80/tcp에서 수신 대기',
    ])
      assert.ok(tip.includes(s), `web's Korean tooltip has "${s}": ${tip}`);
    tip = await hover(ko, 'c:h/hostweb');
    assert.ok(tip.includes('호스트의 네트워크 네임스페이스 공유 (--network host)'), tip);
    tip = await hover(ko, 'b:h//docker0');
    for (const s of ['Docker 네트워크 bridge', '서브넷 172.17.0.0/16', '게이트웨이 172.17.0.1', '컨테이너: web, db'])
      assert.ok(tip.includes(s), tip);
    await ko.shot('topology-docker-ko');
  });

  it("the trace form offers a container's namespace as an endpoint, not a container without one", () => {
    assert.deepEqual(endpointsOf(LAB), ['h', 'h/web', 'h/db', 'h/api', 'h/lonely', 'ext']);
  });

  it('search finds a container by its image', async () => {
    const p = await show(panels, LAB);
    await p.page.locator('vscode-textfield.search').evaluate((e) => {
      (e as HTMLInputElement).value = 'redis';
      e.dispatchEvent(new Event('input'));
    });
    assert.deepEqual(await p.page.$$eval('.knt-node.knt-match', (els) => els.map((e) => e.getAttribute('data-id'))), ['n:h/db']);
  });

  it('ten containers on one host: every one drawn apart, its labels inside its box, the bar reaching every veth', async () => {
    const model = dockerModel(
      Array.from({ length: 10 }, (_, i) => `docker run -d --name c${i} ${i % 3 ? '' : `-p ${8080 + i}:80 `}${i % 2 ? 'redis' : 'nginx'}`),
    );
    const p = await show(panels, model, 'en', { width: 1200, height: 1400 });
    const shapes = await p.page.$$eval('.knt-container', (els) =>
      els.map((e) => {
        const f = e.querySelector('.knt-frame')!.getBoundingClientRect();
        const inside = [...e.querySelectorAll('text')].every((t) => {
          const r = t.getBoundingClientRect();
          return r.left >= f.left && r.right <= f.right + 1 && r.top >= f.top && r.bottom <= f.bottom + 1;
        });
        return { id: e.getAttribute('data-id')!, x: f.x, y: f.y, w: f.width, h: f.height, inside };
      }),
    );
    assert.equal(shapes.length, 10);
    assert.deepEqual(overlapping(shapes), []);
    assert.deepEqual(
      shapes.filter((s) => !s.inside).map((s) => s.id),
      [],
      'every label inside its box',
    );
    assert.deepEqual(await texts(p, 'n:h/c9'), ['c9', 'redis', '0.0.0.0:8089->80/tcp']);
    const bar = await boxOf(p, '.knt-node[data-id="b:h//docker0"] > .knt-frame');
    for (const c of model.nodes.filter((n) => n.container?.veth)) {
      const v = await boxOf(p, `.knt-node[data-id="${c.container!.veth}"] > .knt-square`);
      assert.ok(v.y >= bar.y && v.y + v.height <= bar.y + bar.height, `${c.id}'s veth on the bar`);
    }
    await p.shot('topology-docker-ten');
  });
});
