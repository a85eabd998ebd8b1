/**
 * The trace mapped onto the topology (src/core/view/trace.ts): anchors, paths and decisions, on
 * the traces of every bundled lab's reach and noreach checks (as given and solved), and on
 * synthetic steps for what the labs do not reach yet (netfilter, unknown data).
 */
import { strict as assert } from 'node:assert';
import type { Step, TraceResult } from '../../src/core/index';
import {
  anchorOf,
  changedHeaders,
  decisionOf,
  type Decision,
  headerRows,
  legKind,
  legsOf,
  mainLeg,
  markRoute,
  pathOf,
  previousStep,
  savedLeg,
  stepAt,
  stepOrder,
  traceView,
} from '../../src/core/view/trace';
import { labFixtures, type LabFixture, multiLegTrace } from '../webview/trace-labs';

const squash = (s: string) => s.trim().replace(/\s+/g, ' ');

function only<K extends Decision['kind']>(d: Decision, kind: K): Extract<Decision, { kind: K }> {
  assert.equal(d.kind, kind);
  return d as Extract<Decision, { kind: K }>;
}

describe('trace view (src/core/view/trace.ts)', () => {
  let fixtures: LabFixture[];
  before(() => {
    fixtures = labFixtures();
  });

  it('reads every bundled lab, as given and solved, with traces of its reach checks', () => {
    assert.ok(fixtures.length >= 6, `${fixtures.length} fixtures`);
    for (const f of fixtures) assert.ok(f.traces.length > 0, `${f.name} has no reach check`);
    // Both outcomes are covered: replied traces and traces that stop with a reason.
    const all = fixtures.flatMap((f) => f.traces);
    assert.ok(all.some((t) => t.trace.replied));
    assert.ok(all.some((t) => !t.trace.replied && t.trace.request.steps.some((s) => s.stage === 'drop')));
  });

  it('one anchor per step, on the step\'s node and port, for every trace of every lab', () => {
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
            if (s.stage === 'xmit' && s.iface !== undefined && ports.get(a.port!)?.kind !== 'loopback' && ports.get(a.port!)?.kind !== 'bridge') {
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
            if (typeof s.data?.['bridge'] === 'string') assert.ok(whole.nodes.includes(`b:${s.host}/${s.netns}/${s.data['bridge'] as string}`));
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

  it('decisionOf: every route step with a matched route marks exactly that route in the namespace\'s table', () => {
    let routes = 0;
    for (const f of fixtures) {
      for (const t of f.traces) {
        for (const leg of t.trace.legs) {
          for (const s of leg.steps) {
            if (s.stage !== 'route') continue;
            const d = only(decisionOf(s, { model: f.model }), 'route');
            const route = s.data?.['route'];
            const node = f.model.nodes.find((n) => n.id === (s.netns ? `n:${s.host}/${s.netns}` : `h:${s.host}`))!;
            const table = node.tables?.find((x) => x.table === d.table);
            if (typeof route === 'string') {
              routes++;
              const marked = d.rows.filter((r) => r.matched);
              assert.equal(marked.length, 1, `${t.label}: ${s.detail.en}`);
              assert.equal(squash(marked[0]!.line), squash(route));
              assert.equal(d.route, route);
              // The rows are the namespace's table, as the topology has it.
              if (table) assert.deepEqual(d.rows.map((r) => r.line), table.routes);
            } else {
              assert.equal(d.route, undefined);
              assert.ok(d.rows.every((r) => !r.matched), 'no route matched: none marked');
              if (table) assert.deepEqual(d.rows.map((r) => r.line), table.routes);
            }
          }
        }
      }
    }
    assert.ok(routes > 50, `${routes} route steps`);
  });

  it('decisionOf: ARP exchanges, the neighbour cache, switches, veths, bridges, forwarding and drops', () => {
    const seen = new Set<string>();
    for (const f of fixtures) {
      for (const t of f.traces) {
        for (const ref of stepOrder(t.trace)) {
          const s = stepAt(t.trace, ref)!;
          const d = decisionOf(s, { model: f.model, prev: previousStep(t.trace, ref) });
          seen.add(`${s.stage}:${d.kind}${d.kind === 'neigh' ? `:${d.via}:${d.answered}` : d.kind === 'bridge' ? `:${d.action}` : ''}`);
          switch (s.stage) {
            case 'neigh': {
              const n = only(d, 'neigh');
              assert.equal(n.nexthop, s.data?.['nexthop']);
              assert.equal(n.dev, s.iface);
              if (n.answered) assert.match(n.mac ?? '', /^[0-9a-f]{2}(:[0-9a-f]{2}){5}$/);
              if (n.via === 'arp') assert.match(s.detail.en, new RegExp(`who-has ${n.nexthop.replace(/\./g, '\\.')} tell ${(n.sender ?? '').replace(/\./g, '\\.')}`));
              if (n.via === 'arp' && n.answered) assert.ok(n.answeredBy, 'who answered');
              break;
            }
            case 'wire': {
              if (s.data?.['switch'] !== undefined) {
                const w = only(d, 'switch');
                assert.equal(w.port, s.iface);
                assert.ok(['unicast', 'flooded', 'broadcast'].includes(w.how));
              } else {
                const w = only(d, 'veth');
                assert.ok(w.to.endsWith(` ${s.iface!}`));
              }
              break;
            }
            case 'bridge':
              assert.equal(only(d, 'bridge').bridge, s.data?.['bridge']);
              break;
            case 'forward': {
              const w = only(d, 'forward');
              assert.equal(w.ttlAfter, s.packet.ip.ttl);
              if (!w.expired) assert.equal(w.ttlBefore, w.ttlAfter + 1);
              break;
            }
            case 'drop': {
              const w = only(d, 'drop');
              assert.deepEqual(w.reason, s.detail);
              break;
            }
            default:
              break;
          }
        }
      }
    }
    for (const k of ['route:route', 'neigh:neigh:arp:true', 'neigh:neigh:cache:true', 'neigh:neigh:arp:false', 'wire:switch', 'wire:veth', 'recv:bridge:learn', 'bridge:bridge:forward', 'forward:forward', 'drop:drop', 'send:data']) {
      assert.ok(seen.has(k), `no ${k} among the labs' traces: ${[...seen].join(' ')}`);
    }
  });

  it('a dropped request: the drop step is the last, its reason the trace\'s reason', () => {
    for (const f of fixtures) {
      for (const t of f.traces) {
        if (t.trace.replied || t.trace.reply.steps.length) continue;
        const last = t.trace.request.steps.at(-1)!;
        assert.equal(last.stage, 'drop', `${f.name} ${t.label}`);
        assert.deepEqual(only(decisionOf(last), 'drop').reason, t.trace.reason);
      }
    }
  });

  it('the sysctl behind a drop (ip_forward = 0 on a router)', () => {
    const step: Step = {
      host: 'r', netns: '', iface: 'eth0', stage: 'drop', packet: { ip: { src: '10.0.0.1', dst: '10.0.1.1', ttl: 64, proto: 'icmp' } },
      detail: { en: 'r is not the destination ... dropped.', ko: 'r은(는) ... 버립니다.' }, data: { sysctl: 'net.ipv4.ip_forward', value: 0 },
    };
    const d = only(decisionOf(step), 'drop');
    assert.equal(d.sysctl, 'net.ipv4.ip_forward');
    assert.equal(d.value, '0');
    assert.deepEqual(d.fields, []);
  });

  it('netfilter: the packet before and after (NAT), with the changed headers and the other facts', () => {
    const before = { ip: { src: '10.0.0.1', dst: '203.0.113.5', ttl: 63, proto: 'tcp' as const }, tcp: { sport: 40000, dport: 80, flags: 'S' } };
    const after = { ip: { src: '198.51.100.1', dst: '203.0.113.5', ttl: 63, proto: 'tcp' as const }, tcp: { sport: 61000, dport: 80, flags: 'S' } };
    const step: Step = {
      host: 'r', netns: '', iface: 'eth1', stage: 'netfilter', hook: 'POSTROUTING', packet: after,
      detail: { en: 'SNAT', ko: 'SNAT' }, data: { before, table: 'nat', chain: 'POSTROUTING', rule: '-o eth1 -j MASQUERADE' },
    };
    const d = only(decisionOf(step), 'netfilter');
    assert.equal(d.hook, 'POSTROUTING');
    assert.deepEqual(d.before, before);
    assert.deepEqual(d.after, after);
    assert.deepEqual([...d.changed].sort(), ['ip.src', 'tcp.sport']);
    assert.deepEqual(d.fields, [{ key: 'table', value: 'nat' }, { key: 'chain', value: 'POSTROUTING' }, { key: 'rule', value: '-o eth1 -j MASQUERADE' }]);
  });

  it('data no decider knows is still shown, as fields', () => {
    const step: Step = {
      host: 'a', netns: '', stage: 'deliver', packet: { ip: { src: '10.0.0.1', dst: '10.0.0.2', ttl: 64, proto: 'udp' }, udp: { sport: 40000, dport: 53 } },
      detail: { en: 'x', ko: 'x' }, data: { source: 'files', candidates: ['a.svc', 'a'], server: { block: '.:53', plugin: 'forward' }, none: null },
    };
    assert.deepEqual(decisionOf(step), {
      kind: 'data',
      fields: [{ key: 'source', value: 'files' }, { key: 'candidates', value: 'a.svc, a' }, { key: 'server', value: 'block=.:53 plugin=forward' }],
    });
    // A route step without data (no table to show): fields, not an empty table.
    assert.deepEqual(decisionOf({ ...step, stage: 'route', data: undefined }), { kind: 'data', fields: [] });
  });

  it('markRoute: the same line, else the same destination, else the route added and marked', () => {
    const table = ['default via 10.0.0.1 dev eth0', '10.0.0.0/24 dev eth0 proto kernel scope link src 10.0.0.2', 'blackhole 10.9.0.0/16'];
    assert.deepEqual(markRoute(table, '10.0.0.0/24  dev eth0 proto kernel scope link src 10.0.0.2').map((r) => r.matched), [false, true, false]);
    assert.deepEqual(markRoute(table, '10.0.0.0/24 dev eth0 proto kernel scope link src 10.0.0.2 linkdown').map((r) => r.matched), [false, true, false]);
    assert.deepEqual(markRoute(table, 'blackhole 10.9.0.0/16 proto static').map((r) => r.matched), [false, false, true]);
    const added = markRoute(table, '172.16.0.0/12 via 10.0.0.9 dev eth0');
    assert.equal(added.length, 4);
    assert.deepEqual(added[3], { line: '172.16.0.0/12 via 10.0.0.9 dev eth0', matched: true });
    assert.ok(markRoute(table, undefined).every((r) => !r.matched));
  });

  it('headers as table rows, outermost first; the fields a step changed', () => {
    const f = fixtures.find((x) => x.name === '02-gateway (solved)')!;
    const t = f.traces.find((x) => x.title === 'a -> 192.168.4.10 tcp/8080')!;
    const xmit = t.trace.request.steps.find((s) => s.stage === 'xmit')!;
    const rows = headerRows(xmit.packet);
    assert.deepEqual(rows.map((r) => `${r.layer}.${r.field}`), ['eth.src', 'eth.dst', 'ip.src', 'ip.dst', 'ip.ttl', 'ip.proto', 'tcp.sport', 'tcp.dport', 'tcp.flags']);
    assert.equal(rows.find((r) => r.field === 'dport')!.value, '8080');
    const fwdAt = t.trace.request.steps.findIndex((s) => s.stage === 'forward');
    const changed = changedHeaders(t.trace.request.steps[fwdAt - 1]!.packet, t.trace.request.steps[fwdAt]!.packet);
    assert.ok(changed.has('ip.ttl'));
    assert.ok(!changed.has('ip.src'));
    assert.equal(changedHeaders(undefined, xmit.packet).size, 0);
  });

  it('stepOrder and previousStep: the request, then the reply, which follows the request\'s last step', () => {
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
      from = [{ trace: lookup, leg: 0 }, { trace: lookup, leg: 1 }, { trace: conn, leg: 0 }, { trace: conn, leg: 1 }];
    });

    it('four legs: query, answer, request, reply, the request and reply the same objects', () => {
      assert.deepEqual(tr.legs.map((_, i) => legKind(tr, i)), ['query', 'answer', 'request', 'reply']);
      assert.equal(tr.legs[2], tr.request);
      assert.equal(tr.legs[3], tr.reply);
      assert.equal(legsOf(tr), tr.legs);
    });

    it('anchors per leg, each derived from the leg\'s steps as for a plain trace', () => {
      const v = traceView(f.model, tr, 'b: c.lab, then a -> c.lab tcp/8080');
      assert.equal(v.anchors.length, 4);
      tr.legs.forEach((leg, i) => {
        assert.deepEqual(v.anchors[i], leg.steps.map((s) => anchorOf(f.model, s)), `leg ${i}`);
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

    it('pathOf per leg: each leg\'s own path, up to a step', () => {
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
      assert.equal(order.length, lengths.reduce((a, b) => a + b, 0));
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
      assert.deepEqual(px.legs.map((_, i) => legKind(px, i)), ['query', 'answer', 'request', 'request', 'reply']);
      assert.equal(px.legs[3]!.parent, 2);
      const v = traceView(f.model, px, 't');
      assert.equal(v.anchors.length, 5);
      assert.deepEqual(v.anchors[3], px.legs[3]!.steps.map((s) => anchorOf(f.model, s)));
      assert.equal(pathOf(v, 3).nodes[0], 'h:r');
      assert.deepEqual(pathOf(v, 4), pathOf(traceView(f.model, tr, 't'), 3), 'the reply keeps its path');
      const order = stepOrder(px);
      const firstProxied = order.findIndex((r) => r.leg === 3);
      assert.equal(firstProxied, px.legs.slice(0, 3).reduce((n, l) => n + l.steps.length, 0));
      assert.deepEqual(order[firstProxied - 1], { leg: 2, index: px.request.steps.length - 1 });
      assert.deepEqual(order[firstProxied + px.legs[3]!.steps.length], { leg: 4, index: 0 });
      assert.equal(previousStep(px, { leg: 3, index: 0 }), px.request.steps.at(-1));
      assert.equal(previousStep(px, { leg: 4, index: 0 }), px.request.steps.at(-1));
    });

    it('the request\'s and the reply\'s index, also after a trip through JSON, and legs saved by name', () => {
      const px = multiLegTrace(f, true);
      for (const [t, request, reply] of [[tr, 2, 3], [px, 2, 4]] as const) {
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
      assert.deepEqual(kindless.legs.map((_, i) => legKind(kindless, i)), ['request', 'reply']);
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
