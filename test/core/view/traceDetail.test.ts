/**
 * What a trace step shows in the panel's detail (src/core/view/traceDetail.ts): the decision behind
 * each step (the matched route in its table, ARP, switches, veths, bridges, forwarding, drops,
 * netfilter's before and after), unknown data as fields, and the headers as rows, on the traces of
 * every bundled lab and on synthetic steps.
 */
import { strict as assert } from 'node:assert';
import type { Step } from '../../../src/core/index';
import { previousStep, stepAt, stepOrder } from '../../../src/core/view/trace';
import { changedHeaders, decisionOf, type Decision, headerRows, markRoute } from '../../../src/core/view/traceDetail';
import { labFixtures, type LabFixture } from '../../webview/trace-labs';

const squash = (s: string) => s.trim().replace(/\s+/g, ' ');

function only<K extends Decision['kind']>(d: Decision, kind: K): Extract<Decision, { kind: K }> {
  assert.equal(d.kind, kind);
  return d as Extract<Decision, { kind: K }>;
}

describe('trace step detail (src/core/view/traceDetail.ts)', () => {
  let fixtures: LabFixture[];
  before(() => {
    fixtures = labFixtures();
  });

  it("decisionOf: every route step with a matched route marks exactly that route in the namespace's table", () => {
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
              if (table)
                assert.deepEqual(
                  d.rows.map((r) => r.line),
                  table.routes,
                );
            } else {
              assert.equal(d.route, undefined);
              assert.ok(
                d.rows.every((r) => !r.matched),
                'no route matched: none marked',
              );
              if (table)
                assert.deepEqual(
                  d.rows.map((r) => r.line),
                  table.routes,
                );
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
              if (n.via === 'arp')
                assert.match(
                  s.detail.en,
                  new RegExp(`who-has ${n.nexthop.replace(/\./g, '\\.')} tell ${(n.sender ?? '').replace(/\./g, '\\.')}`),
                );
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
              assert.equal(w.ttlAfter, s.packet!.ip.ttl);
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
    for (const k of [
      'route:route',
      'neigh:neigh:arp:true',
      'neigh:neigh:cache:true',
      'neigh:neigh:arp:false',
      'wire:switch',
      'wire:veth',
      'recv:bridge:learn',
      'bridge:bridge:forward',
      'forward:forward',
      'drop:drop',
      'send:data',
    ]) {
      assert.ok(seen.has(k), `no ${k} among the labs' traces: ${[...seen].join(' ')}`);
    }
  });

  it("a dropped request: the drop step is the last, its reason the trace's reason", () => {
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
      host: 'r',
      netns: '',
      iface: 'eth0',
      stage: 'drop',
      packet: { ip: { src: '10.0.0.1', dst: '10.0.1.1', ttl: 64, proto: 'icmp' } },
      detail: { en: 'r is not the destination ... dropped.', ko: 'r은(는) ... 버립니다.' },
      data: { sysctl: 'net.ipv4.ip_forward', value: 0 },
    };
    const d = only(decisionOf(step), 'drop');
    assert.equal(d.sysctl, 'net.ipv4.ip_forward');
    assert.equal(d.value, '0');
    assert.deepEqual(d.fields, []);
  });

  it('netfilter: the packet before and after (NAT), with the changed headers and the other facts', () => {
    const before = {
      ip: { src: '10.0.0.1', dst: '203.0.113.5', ttl: 63, proto: 'tcp' as const },
      tcp: { sport: 40000, dport: 80, flags: 'S' },
    };
    const after = {
      ip: { src: '198.51.100.1', dst: '203.0.113.5', ttl: 63, proto: 'tcp' as const },
      tcp: { sport: 61000, dport: 80, flags: 'S' },
    };
    const step: Step = {
      host: 'r',
      netns: '',
      iface: 'eth1',
      stage: 'netfilter',
      hook: 'POSTROUTING',
      packet: after,
      detail: { en: 'SNAT', ko: 'SNAT' },
      data: { before, table: 'nat', chain: 'POSTROUTING', rule: '-o eth1 -j MASQUERADE' },
    };
    const d = only(decisionOf(step), 'netfilter');
    assert.equal(d.hook, 'POSTROUTING');
    assert.deepEqual(d.before, before);
    assert.deepEqual(d.after, after);
    assert.deepEqual([...d.changed].sort(), ['ip.src', 'tcp.sport']);
    // Table and chain are the row's now (traceNetfilter.ts), not loose fields.
    assert.deepEqual(d.fields, []);
    assert.deepEqual([d.row.table, d.row.chain, d.row.rewrite?.changed], ['nat', 'POSTROUTING', ['src', 'sport']]);
  });

  it('data no decider knows is still shown, as fields', () => {
    const step: Step = {
      host: 'a',
      netns: '',
      stage: 'deliver',
      packet: { ip: { src: '10.0.0.1', dst: '10.0.0.2', ttl: 64, proto: 'udp' }, udp: { sport: 40000, dport: 53 } },
      detail: { en: 'x', ko: 'x' },
      data: { source: 'files', candidates: ['a.svc', 'a'], server: { block: '.:53', plugin: 'forward' }, none: null },
    };
    assert.deepEqual(decisionOf(step), {
      kind: 'data',
      fields: [
        { key: 'source', value: 'files' },
        { key: 'candidates', value: 'a.svc, a' },
        { key: 'server', value: 'block=.:53 plugin=forward' },
      ],
    });
    // A route step without data (no table to show): fields, not an empty table.
    assert.deepEqual(decisionOf({ ...step, stage: 'route', data: undefined }), { kind: 'data', fields: [] });
  });

  it('markRoute: the same line, else the same destination, else the route added and marked', () => {
    const table = ['default via 10.0.0.1 dev eth0', '10.0.0.0/24 dev eth0 proto kernel scope link src 10.0.0.2', 'blackhole 10.9.0.0/16'];
    assert.deepEqual(
      markRoute(table, '10.0.0.0/24  dev eth0 proto kernel scope link src 10.0.0.2').map((r) => r.matched),
      [false, true, false],
    );
    assert.deepEqual(
      markRoute(table, '10.0.0.0/24 dev eth0 proto kernel scope link src 10.0.0.2 linkdown').map((r) => r.matched),
      [false, true, false],
    );
    assert.deepEqual(
      markRoute(table, 'blackhole 10.9.0.0/16 proto static').map((r) => r.matched),
      [false, false, true],
    );
    const added = markRoute(table, '172.16.0.0/12 via 10.0.0.9 dev eth0');
    assert.equal(added.length, 4);
    assert.deepEqual(added[3], { line: '172.16.0.0/12 via 10.0.0.9 dev eth0', matched: true });
    assert.ok(markRoute(table, undefined).every((r) => !r.matched));
  });

  it('headers as table rows, outermost first; the fields a step changed', () => {
    const f = fixtures.find((x) => x.name === '02-gateway (solved)')!;
    const t = f.traces.find((x) => x.title === 'a -> 192.168.4.10 tcp/8080')!;
    const xmit = t.trace.request.steps.find((s) => s.stage === 'xmit')!;
    const rows = headerRows(xmit.packet!);
    assert.deepEqual(
      rows.map((r) => `${r.layer}.${r.field}`),
      ['eth.src', 'eth.dst', 'ip.src', 'ip.dst', 'ip.ttl', 'ip.proto', 'tcp.sport', 'tcp.dport', 'tcp.flags'],
    );
    assert.equal(rows.find((r) => r.field === 'dport')!.value, '8080');
    const fwdAt = t.trace.request.steps.findIndex((s) => s.stage === 'forward');
    const changed = changedHeaders(t.trace.request.steps[fwdAt - 1]!.packet, t.trace.request.steps[fwdAt]!.packet!);
    assert.ok(changed.has('ip.ttl'));
    assert.ok(!changed.has('ip.src'));
    assert.equal(changedHeaders(undefined, xmit.packet!).size, 0);
  });

  it('headers: the mark and the application payload as rows of their own', () => {
    const rows = headerRows({
      ip: { src: '10.0.0.1', dst: '10.96.0.10', ttl: 64, proto: 'udp' },
      udp: { sport: 40000, dport: 53 },
      mark: 0x4000,
      payload: { app: 'dns', summary: 'A? web.default.svc.cluster.local' },
    });
    assert.deepEqual(rows.slice(-2), [
      { layer: 'skb', field: 'mark', value: '0x4000' },
      { layer: 'app', field: 'dns', value: 'A? web.default.svc.cluster.local' },
    ]);
  });

  it('headers: IPv6 has a hop limit, ICMPv6, and neighbour discovery instead of ARP', () => {
    const rows = headerRows({
      eth: { src: '02:00:00:00:00:01', dst: '33:33:ff:00:00:01' },
      arp: { op: 'request', sender: '2001:db8:1::10', target: '2001:db8:1::1' },
      ip: { src: '2001:db8:1::10', dst: '2001:db8:2::20', ttl: 64, proto: 'icmp' },
    });
    assert.deepEqual(
      rows.filter((r) => r.layer !== 'eth').map((r) => `${r.layer}.${r.field}=${r.value}`),
      [
        'nd.op=solicitation',
        'nd.sender=2001:db8:1::10',
        'nd.target=2001:db8:1::1',
        'ip6.src=2001:db8:1::10',
        'ip6.dst=2001:db8:2::20',
        'ip6.hop limit=64',
        'ip6.proto=icmpv6',
      ],
    );
    const v4 = headerRows({ ip: { src: '10.0.0.1', dst: '10.0.0.2', ttl: 64, proto: 'icmp' } });
    assert.deepEqual(
      v4.map((r) => `${r.layer}.${r.field}`),
      ['ip.src', 'ip.dst', 'ip.ttl', 'ip.proto'],
    );
  });
});

describe('trace step detail: a route a lab line removed', () => {
  it('decisionOf: a route step with no match shows the removed route and the lines that added and removed it', async () => {
    const { tracePacket } = await import('../../../src/core/datapath/walk');
    const { labWorld } = await import('../../support/world');
    const lab = `name: gone
switches: [lan1]
hosts:
  a:
    interfaces:
      eth0: lan1
    run: |
      ip addr add 10.1.0.10/24 dev eth0
      ip route add 10.9.0.0/24 via 10.1.0.1
      ip route del 10.9.0.0/24
`;
    const res = tracePacket(labWorld(lab), { from: { host: 'a', netns: '' }, to: '10.9.0.5', proto: 'icmp' });
    const step = res.request.steps.find((s) => s.stage === 'route')!;
    const d = decisionOf(step);
    assert.equal(d.kind, 'route');
    assert.deepEqual(d.kind === 'route' ? d.removed : undefined, { route: '10.9.0.0/24 via 10.1.0.1 dev eth0', addedAt: 9, removedAt: 10 });
    assert.equal(step.source?.line, 10);
  });
});
