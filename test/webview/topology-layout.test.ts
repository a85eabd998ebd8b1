/**
 * The topology layout (webview/common/topology/layout.ts and the files it runs) in Node, for every
 * bundled lab, a Docker host and a generated 500-node topology: the same numbers every time, everything placed,
 * ports on their edges, no overlaps; pinned items kept; an edit keeps the places. Split out of
 * topology.test.ts, which runs the panel in Chromium.
 */
import { strict as assert } from 'node:assert';
import type { TopologyModel } from '../../src/core/view/types';
import { generateTopology } from '../../bench/webview';
import { type ItemGeom, layoutTopology } from '../../webview/common/topology/layout';
import { DOCKER_LINES, dockerModel, edited, grown, labDirs, load, overlapping } from './topology-helpers';

describe('topology layout (webview/common/topology/layout.ts)', () => {
  const cases: [string, TopologyModel][] = [
    ...labDirs.map((d) => [d, load(d).model] as [string, TopologyModel]),
    ['generated 500 nodes / 1,000 links', generateTopology().model],
    ['a Docker host left of its switch', dockerModel(DOCKER_LINES, 'h')],
    ['a Docker host right of its switch (mirrored)', dockerModel(DOCKER_LINES, 'ext')],
  ];
  for (const [name, model] of cases) {
    it(`${name}: the same numbers every time, every node and port placed, ports on their box's edge or bridge, no overlaps`, () => {
      const a = layoutTopology(model);
      const b = layoutTopology(JSON.parse(JSON.stringify(model)) as TopologyModel);
      const strip = (l: ReturnType<typeof layoutTopology>) =>
        l.items.map((it) => ({
          ...it,
          node: it.node.id,
          boxes: it.boxes.map((x) => ({ ...x, node: x.node.id })),
          ports: it.ports.map((p) => ({ ...p, port: p.port.id })),
        }));
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
      for (const it of a.items)
        for (const bx of it.boxes)
          assert.ok(bx.x >= 0 && bx.y >= 0 && bx.x + bx.w <= it.w + 0.01 && bx.y + bx.h <= it.h + 0.01, `${bx.id} inside ${it.id}`);
    });
  }

  for (const on of ['h', 'ext'] as const) {
    it(`a Docker host (${on}): containers, namespaces and rows apart inside it, each veth straight across to its bridge`, () => {
      const model = dockerModel(DOCKER_LINES, on);
      const l = layoutTopology(model);
      const it = l.item.get(`h:${on}`)!;
      assert.equal(it.facing, on === 'h' ? 'right' : 'left');
      const inner = it.boxes.filter((b) => b.node.kind === 'container' || b.node.kind === 'netns');
      assert.deepEqual(
        inner.map((b) => `${b.id}${b.chip ? ' row' : ''}`),
        [`c:${on}/hostweb row`, `c:${on}/web2 row`, `n:${on}/web`, `n:${on}/db`, `n:${on}/api`, `n:${on}/lonely`],
      );
      const bars = it.boxes.filter((b) => b.node.kind === 'bridge');
      assert.deepEqual(
        bars.map((b) => b.net),
        ['bridge 172.17.0.0/16', 'app 172.18.0.0/16'],
      );
      assert.deepEqual(overlapping([...inner, ...bars]), []);
      for (const c of model.nodes.filter((n) => n.container?.veth)) {
        assert.equal(l.port.get(c.container!.veth!)!.y, l.port.get(`p:${on}/${c.name}/eth0`)!.y, c.id);
        const bar = l.box.get(c.container!.bridge!)!;
        const v = l.port.get(c.container!.veth!)!;
        assert.ok(v.y > bar.y && v.y < bar.y + bar.h, `${c.id}: its veth on ${bar.id}`);
      }
      // The rows span the host's width, inside it.
      for (const b of inner.filter((x) => x.chip)) assert.ok(b.x > 0 && b.x + b.w < it.w && b.w > it.w / 2, b.id);
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
      for (const it of before.items)
        assert.deepEqual([after.item.get(it.id)!.x, after.item.get(it.id)!.y], [it.x + 37, it.y - 11], `${dir}: ${it.id} kept`);
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
