/**
 * The trace mapped onto the topology (src/core/view/trace.ts): anchors, paths and legs, on
 * the traces of every bundled lab's reach and noreach checks (as given and solved), and on
 * synthetic steps for what the labs do not reach yet (netfilter, unknown data).
 */
import { strict as assert } from 'node:assert';
import type { TraceResult } from '../../../src/core/index';
import {
  anchorOf,
  legKind,
  legsOf,
  mainLeg,
  pathOf,
  previousStep,
  savedLeg,
  stepAt,
  stepOrder,
  traceView,
} from '../../../src/core/view/trace';
import { labFixtures, type LabFixture, multiLegTrace } from '../../webview/trace-labs';

describe('trace view (src/core/view/trace.ts)', () => {
  let fixtures: LabFixture[];
  before(() => {
    fixtures = labFixtures();
  });

  it('reads every bundled lab, as given and solved, with traces of its reach checks', () => {
    assert.ok(fixtures.length >= 6, `${fixtures.length} fixtures`);
    for (const f of fixtures) assert.ok(f.traces.length > 0, `${f.name} has no reach check nor a name that resolves`);
    // The DNS labs' traces start with their lookups' own steps, then query and answer legs.
    assert.ok(
      fixtures.some((f) =>
        f.traces.some((t) => t.kind === 'resolve' && t.trace.legs[0]?.kind === 'lookup' && t.trace.legs[1]?.kind === 'query'),
      ),
    );
    // Both outcomes are covered: replied traces and traces that stop with a reason.
    const all = fixtures.flatMap((f) => f.traces);
    assert.ok(all.some((t) => t.trace.replied));
    assert.ok(all.some((t) => !t.trace.replied && t.trace.request.steps.some((s) => s.stage === 'drop')));
  });

  it("one anchor per step, on the step's node and port, for every trace of every lab", () => {
    for (const f of fixtures) {
      const ports = new Map(f.model.ports.map((p) => [p.id, p]));
      const nodes = new Set(f.model.nodes.map((n) => n.id));
      const links = new Map(f.model.links.map((l) => [l.id, l]));
      for (const t of f.traces) {
        const v = traceView(f.model, t.trace, t.title);
        assert.equal(v.title, t.title);
        assert.deepEqual(v.branches, []);
        assert.equal(v.anchors.length, t.trace.legs.length, `${f.name} ${t.label}: one list of anchors per leg`);
        for (const [leg, { steps }] of t.trace.legs.entries()) {
          assert.equal(v.anchors[leg]!.length, steps.length, `${f.name} ${t.label} ${leg}`);
          steps.forEach((s, i) => {
            const a = v.anchors[leg]![i]!;
            const where = `${f.name} ${t.label} ${leg} #${i + 1} ${s.stage}`;
            assert.ok(nodes.has(a.node), `${where}: node ${a.node} is not in the model`);
            assert.equal(a.node, s.netns ? `n:${s.host}/${s.netns}` : `h:${s.host}`, where);
            if (s.iface !== undefined) {
              assert.ok(a.port, `${where}: no port for ${s.iface}`);
              assert.equal(ports.get(a.port)?.node, a.node, `${where}: port ${a.port} is not on ${a.node}`);
              assert.equal(ports.get(a.port)?.name, s.iface, where);
            } else {
              assert.equal(a.port, undefined, where);
            }
            if (a.link) {
              const l = links.get(a.link);
              assert.ok(l, `${where}: link ${a.link} is not in the model`);
              assert.ok(l.a === a.port || l.b === a.port, `${where}: link ${a.link} does not join ${a.port}`);
            }
            // A frame on the wire crosses a link: a cable to a switch, or a veth pair.
            if (s.stage === 'wire') {
              const l = links.get(a.link ?? '');
              assert.ok(l, `${where}: a wire step with no link`);
              assert.equal(l.kind, s.data?.['switch'] !== undefined ? 'cable' : 'veth', where);
            }
            if (
              s.stage === 'xmit' &&
              s.iface !== undefined &&
              ports.get(a.port!)?.kind !== 'loopback' &&
              ports.get(a.port!)?.kind !== 'bridge'
            ) {
              assert.ok(a.link, `${where}: a frame leaves ${s.iface} on no link`);
            }
            if (s.stage === 'bridge' && !s.data?.['local']) assert.equal(links.get(a.link ?? '')?.kind, 'bridge-port', where);
          });
        }
      }
    }
  });

  it('pathOf: the nodes, ports and links of a leg in order, each once, up to a step', () => {
    for (const f of fixtures) {
      for (const t of f.traces) {
        const v = traceView(f.model, t.trace, t.title);
        // A leg the trace does not have has no path.
        assert.deepEqual(pathOf(v, t.trace.legs.length), { nodes: [], ports: [], links: [] });
        for (const [leg, { steps }] of t.trace.legs.entries()) {
          assert.ok(steps.length, 'a leg with no steps is left out of legs');
          const whole = pathOf(v, leg);
          for (const k of ['nodes', 'ports', 'links'] as const) assert.equal(new Set(whole[k]).size, whole[k].length, `${k} repeated`);
          assert.equal(whole.nodes[0], v.anchors[leg]![0]!.node);
          assert.ok(whole.nodes.includes(v.anchors[leg]!.at(-1)!.node));
          assert.deepEqual(pathOf(v, leg, 0).nodes, [v.anchors[leg]![0]!.node]);
          assert.deepEqual(pathOf(v, leg, steps.length + 5), whole);
          // Growing: each prefix's path is a prefix of the next.
          let prev = pathOf(v, leg, 0);
          for (let i = 1; i < steps.length; i++) {
            const cur = pathOf(v, leg, i);
            assert.deepEqual(cur.nodes.slice(0, prev.nodes.length), prev.nodes);
            assert.deepEqual(cur.links.slice(0, prev.links.length), prev.links);
            prev = cur;
          }
          // Switches and bridges crossed are among the nodes.
          for (const s of steps) {
            if (typeof s.data?.['switch'] === 'string') assert.ok(whole.nodes.includes(`s:${s.data['switch'] as string}`));
            if (typeof s.data?.['bridge'] === 'string')
              assert.ok(whole.nodes.includes(`b:${s.host}/${s.netns}/${s.data['bridge'] as string}`));
          }
        }
      }
    }
  });

  it('pathOf on lab 05 (solved): green to red over the bridge, through both veth pairs', () => {
    const f = fixtures.find((x) => x.name === '05-network-namespaces (solved)')!;
    const t = f.traces.find((x) => x.title === 'host1/green -> 192.168.15.1 icmp')!;
    const p = pathOf(traceView(f.model, t.trace, t.title), 0);
    assert.deepEqual(p.nodes, ['n:host1/green', 'h:host1', 'b:host1//v-net-0', 'n:host1/red']);
    assert.deepEqual(p.ports, ['p:host1/green/veth-green', 'p:host1//veth-green-br', 'p:host1//veth-red-br', 'p:host1/red/veth-red']);
    const kinds = p.links.map((id) => f.model.links.find((l) => l.id === id)!.kind);
    assert.deepEqual(kinds, ['veth', 'bridge-port', 'bridge-port', 'veth']);
  });

  it('pathOf on lab 02 (solved): a to c through the router r, over both switches', () => {
    const f = fixtures.find((x) => x.name === '02-gateway (solved)')!;
    const t = f.traces.find((x) => x.title === 'a -> 192.168.4.10 icmp')!;
    const v = traceView(f.model, t.trace, t.title);
    const req = pathOf(v, 0);
    assert.equal(req.nodes[0], 'h:a');
    assert.equal(req.nodes.at(-1), 'h:c');
    assert.ok(req.nodes.includes('h:r'));
    assert.equal(req.nodes.filter((n) => n.startsWith('s:')).length, 2);
    assert.equal(req.links.length, 4, 'two cables on each side of r');
    const rep = pathOf(v, 1);
    assert.equal(rep.nodes[0], 'h:c');
    assert.equal(rep.nodes.at(-1), 'h:a');
  });

  it("stepOrder and previousStep: the request, then the reply, which follows the request's last step", () => {
    const f = fixtures.find((x) => x.name === '02-gateway (solved)')!;
    const tr: TraceResult = f.traces[0]!.trace;
    const order = stepOrder(tr);
    assert.equal(order.length, tr.request.steps.length + tr.reply.steps.length);
    assert.deepEqual(order[0], { leg: 0, index: 0 });
    assert.deepEqual(order[tr.request.steps.length], { leg: 1, index: 0 });
    assert.equal(previousStep(tr, { leg: 0, index: 0 }), undefined);
    assert.equal(previousStep(tr, { leg: 1, index: 0 }), tr.request.steps.at(-1));
    assert.equal(previousStep(tr, { leg: 1, index: 2 }), tr.reply.steps[1]);
  });

  describe('a trace of any number of legs', () => {
    let f: LabFixture;
    let tr: TraceResult;
    /** The lab traces the legs were taken from, each leg's own trace and leg there. */
    let from: { trace: TraceResult; leg: number }[];
    before(() => {
      f = fixtures.find((x) => x.name === '02-gateway (solved)')!;
      tr = multiLegTrace(f);
      const by = (title: string) => f.traces.find((x) => x.title === title)!.trace;
      const lookup = by('b -> 192.168.1.10 icmp');
      const conn = by('a -> 192.168.4.10 tcp/8080');
      from = [
        { trace: lookup, leg: 0 },
        { trace: lookup, leg: 1 },
        { trace: conn, leg: 0 },
        { trace: conn, leg: 1 },
      ];
    });

    it('four legs: query, answer, request, reply, the request and reply the same objects', () => {
      assert.deepEqual(
        tr.legs.map((_, i) => legKind(tr, i)),
        ['query', 'answer', 'request', 'reply'],
      );
      assert.equal(tr.legs[2], tr.request);
      assert.equal(tr.legs[3], tr.reply);
      assert.equal(legsOf(tr), tr.legs);
    });

    it("anchors per leg, each derived from the leg's steps as for a plain trace", () => {
      const v = traceView(f.model, tr, 'b: c.lab, then a -> c.lab tcp/8080');
      assert.equal(v.anchors.length, 4);
      tr.legs.forEach((leg, i) => {
        assert.deepEqual(
          v.anchors[i],
          leg.steps.map((s) => anchorOf(f.model, s)),
          `leg ${i}`,
        );
        // The same anchors as the leg had in the trace it came from.
        const own = traceView(f.model, from[i]!.trace, 'own');
        assert.deepEqual(v.anchors[i], own.anchors[from[i]!.leg], `leg ${i}`);
      });
      // The query starts at b and the request at a; the answer ends at b, the reply at a.
      assert.equal(v.anchors[0]![0]!.node, 'h:b');
      assert.equal(v.anchors[1]!.at(-1)!.node, 'h:b');
      assert.equal(v.anchors[2]![0]!.node, 'h:a');
      assert.equal(v.anchors[3]!.at(-1)!.node, 'h:a');
    });

    it("pathOf per leg: each leg's own path, up to a step", () => {
      const v = traceView(f.model, tr, 't');
      tr.legs.forEach((leg, i) => {
        const own = traceView(f.model, from[i]!.trace, 'own');
        assert.deepEqual(pathOf(v, i), pathOf(own, from[i]!.leg), `leg ${i}`);
        assert.deepEqual(pathOf(v, i, 3), pathOf(own, from[i]!.leg, 3), `leg ${i} up to step 4`);
        assert.deepEqual(pathOf(v, i, 0).nodes, [v.anchors[i]![0]!.node]);
        assert.ok(leg.steps.length > 3);
      });
      assert.equal(pathOf(v, 2).nodes.at(-1), 'h:c');
      assert.deepEqual(pathOf(v, 4), { nodes: [], ports: [], links: [] });
    });

    it('step order: every leg in turn, each step once; stepAt and previousStep follow the legs', () => {
      const order = stepOrder(tr);
      const lengths = tr.legs.map((l) => l.steps.length);
      assert.equal(
        order.length,
        lengths.reduce((a, b) => a + b, 0),
      );
      let k = 0;
      tr.legs.forEach((leg, i) => {
        leg.steps.forEach((s, index) => {
          assert.deepEqual(order[k], { leg: i, index });
          assert.equal(stepAt(tr, order[k]!), s);
          k++;
        });
      });
      // The answer follows on from the query, the reply from the request; the request starts afresh.
      assert.equal(previousStep(tr, { leg: 0, index: 0 }), undefined);
      assert.equal(previousStep(tr, { leg: 1, index: 0 }), tr.legs[0]!.steps.at(-1));
      assert.equal(previousStep(tr, { leg: 2, index: 0 }), undefined);
      assert.equal(previousStep(tr, { leg: 3, index: 0 }), tr.request.steps.at(-1));
      assert.equal(previousStep(tr, { leg: 2, index: 5 }), tr.request.steps[4]);
      assert.equal(stepAt(tr, { leg: 4, index: 0 }), undefined);
    });

    it('a leg with parent set: its path, its place in the order, and what it follows on from', () => {
      const px = multiLegTrace(f, true);
      assert.deepEqual(
        px.legs.map((_, i) => legKind(px, i)),
        ['query', 'answer', 'request', 'request', 'reply'],
      );
      assert.equal(px.legs[3]!.parent, 2);
      const v = traceView(f.model, px, 't');
      assert.equal(v.anchors.length, 5);
      assert.deepEqual(
        v.anchors[3],
        px.legs[3]!.steps.map((s) => anchorOf(f.model, s)),
      );
      assert.equal(pathOf(v, 3).nodes[0], 'h:r');
      assert.deepEqual(pathOf(v, 4), pathOf(traceView(f.model, tr, 't'), 3), 'the reply keeps its path');
      const order = stepOrder(px);
      const firstProxied = order.findIndex((r) => r.leg === 3);
      assert.equal(
        firstProxied,
        px.legs.slice(0, 3).reduce((n, l) => n + l.steps.length, 0),
      );
      assert.deepEqual(order[firstProxied - 1], { leg: 2, index: px.request.steps.length - 1 });
      assert.deepEqual(order[firstProxied + px.legs[3]!.steps.length], { leg: 4, index: 0 });
      assert.equal(previousStep(px, { leg: 3, index: 0 }), px.request.steps.at(-1));
      assert.equal(previousStep(px, { leg: 4, index: 0 }), px.request.steps.at(-1));
    });

    it("the request's and the reply's index, also after a trip through JSON, and legs saved by name", () => {
      const px = multiLegTrace(f, true);
      for (const [t, request, reply] of [
        [tr, 2, 3],
        [px, 2, 4],
      ] as const) {
        assert.equal(mainLeg(t, 'request'), request);
        assert.equal(mainLeg(t, 'reply'), reply);
        const json = JSON.parse(JSON.stringify(t)) as TraceResult;
        assert.equal(mainLeg(json, 'request'), request);
        assert.equal(mainLeg(json, 'reply'), reply);
        // A panel state saved before legs: 'request' and 'reply'; now a number.
        assert.equal(savedLeg(json, 'request'), request);
        assert.equal(savedLeg(json, 'reply'), reply);
        assert.equal(savedLeg(json, 3), 3);
        assert.equal(savedLeg(json, 'sideways'), 0);
        assert.equal(savedLeg(json, -1), 0);
      }
    });

    it('a trace written before legs: its request, then its reply when it has steps', () => {
      const plain = f.traces[0]!.trace;
      const { legs: _legs, ...old } = plain;
      const before = old as unknown as TraceResult;
      assert.deepEqual(legsOf(before), [plain.request, plain.reply]);
      assert.deepEqual(traceView(f.model, before, 't').anchors, traceView(f.model, plain, 't').anchors);
      assert.equal(savedLeg(before, 'reply'), 1);
      const dropped = fixtures.find((x) => x.name === '02-gateway')!.traces.find((x) => x.trace.verdict === 'no-route')!.trace;
      const { legs: _l, ...oldDropped } = dropped;
      assert.equal(legsOf(oldDropped as unknown as TraceResult).length, 1);
      assert.equal(mainLeg(dropped, 'reply'), -1);
      assert.equal(savedLeg(dropped, 'reply'), 0);
      // Legs without kinds: the first is the request, the rest replies that follow the leg before.
      const kindless = { ...plain, legs: plain.legs.map((l) => ({ steps: l.steps })) } as TraceResult;
      assert.deepEqual(
        kindless.legs.map((_, i) => legKind(kindless, i)),
        ['request', 'reply'],
      );
      assert.equal(previousStep(kindless, { leg: 1, index: 0 }), plain.request.steps.at(-1));
    });
  });

  it('branches are kept as given', () => {
    const f = fixtures[0]!;
    const [a, b] = [f.traces[0]!, f.traces[1]!];
    const v = traceView(f.model, a.trace, a.title, [{ label: { en: 'the other way', ko: '다른 길' }, trace: b.trace }]);
    assert.equal(v.branches.length, 1);
    assert.equal(v.branches[0]!.trace, b.trace);
  });
});
