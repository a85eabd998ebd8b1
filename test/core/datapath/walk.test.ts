import { strict as assert } from 'node:assert';
import { tracePacket } from '../../../src/core/datapath/walk';
import { setLinkUp } from '../../../src/core/sim/kernel';
import { gatewayWorld, W } from '../../support/world';

const gateway = gatewayWorld;

describe('packet walk', () => {
  it('two hosts on one switch: ping replied, with ARP and the switch in the trace', () => {
    const w = new W();
    const a = w.host('a', { eth0: 'lan' });
    const b = w.host('b', { eth0: 'lan' });
    w.addr(a, 'eth0', '10.0.0.1/24').addr(b, 'eth0', '10.0.0.2/24');
    const res = tracePacket(w.world, { from: { host: 'a', netns: '' }, to: '10.0.0.2', proto: 'icmp' });
    assert.equal(res.verdict, 'replied');
    assert.equal(res.replied, true);
    const stages = res.request.steps.map((s) => s.stage);
    assert.deepEqual(stages, ['send', 'route', 'neigh', 'xmit', 'wire', 'recv', 'route', 'deliver']);
    assert.equal(res.request.steps[0]!.packet!.ip.src, '10.0.0.1');
    // The reply needs no ARP of its own: b learned a's MAC from the request.
    const replyNeigh = res.reply.steps.find((s) => s.stage === 'neigh')!;
    assert.match(replyNeigh.detail.en, /neighbour cache/);
    assert.equal(res.reply.steps.at(-1)!.host, 'a');
  });

  it('different subnets without a route: no route at the sender', () => {
    const w = new W();
    const a = w.host('a', { eth0: 'lan' });
    const b = w.host('b', { eth0: 'lan' });
    w.addr(a, 'eth0', '10.0.0.1/24').addr(b, 'eth0', '10.0.1.2/24');
    const res = tracePacket(w.world, { from: { host: 'a', netns: '' }, to: '10.0.1.2', proto: 'icmp' });
    assert.equal(res.verdict, 'no-route');
    assert.equal(res.replied, false);
    assert.match(res.reason.en, /Network is unreachable/);
  });

  it('a router forwards only with ip_forward = 1', () => {
    const off = tracePacket(gateway(false).world, { from: { host: 'a', netns: '' }, to: '192.168.2.10', proto: 'icmp' });
    assert.equal(off.verdict, 'dropped');
    assert.match(off.reason.en, /ip_forward is 0/);
    assert.equal(off.request.steps.at(-1)!.host, 'r');
    const on = tracePacket(gateway(true).world, { from: { host: 'a', netns: '' }, to: '192.168.2.10', proto: 'icmp' });
    assert.equal(on.verdict, 'replied');
    const fwd = on.request.steps.find((s) => s.stage === 'forward')!;
    assert.equal(fwd.packet!.ip.ttl, 63);
  });

  it('through a router: every step in order, each with its stage', () => {
    const on = tracePacket(gateway(true).world, { from: { host: 'a', netns: '' }, to: '192.168.2.10', proto: 'icmp' });
    assert.deepEqual(
      on.request.steps.map((s) => `${s.host} ${s.stage}`),
      [
        'a send',
        'a route',
        'a neigh',
        'a xmit',
        'r wire',
        'r recv',
        'r route',
        'r forward',
        'r neigh',
        'r xmit',
        'b wire',
        'b recv',
        'b route',
        'b deliver',
      ],
    );
    assert.deepEqual(
      on.reply.steps.map((s) => `${s.host} ${s.stage}`),
      [
        'b route',
        'b neigh',
        'b xmit',
        'r wire',
        'r recv',
        'r route',
        'r forward',
        'r neigh',
        'r xmit',
        'a wire',
        'a recv',
        'a route',
        'a deliver',
      ],
    );
    assert.equal(
      on.request.steps[1]!.detail.en,
      'Route lookup for 192.168.2.10: "192.168.2.0/24 via 192.168.1.1 dev eth0" (table main) matches, out dev eth0 via 192.168.1.1, source 192.168.1.10.',
    );
    assert.equal(on.request.steps[7]!.detail.en, 'r forwards (net.ipv4.ip_forward = 1): TTL 64 -> 63.');
  });

  it('a failed route lookup shows the table it searched', () => {
    const res = tracePacket(gateway(true).world, { from: { host: 'a', netns: '' }, to: '10.9.9.9', proto: 'icmp' });
    assert.equal(
      res.request.steps[0]!.detail.en,
      'Route lookup for 10.9.9.9: no route of a covers it, and there is no default route. The main table: 192.168.1.0/24 dev eth0 proto kernel scope link src 192.168.1.10; 192.168.2.0/24 via 192.168.1.1 dev eth0.',
    );
    assert.ok(res.request.steps[0]!.detail.ko.includes('main 테이블'));
  });

  it('a missing return route: the request arrives, the reply does not', () => {
    const res = tracePacket(gateway(true, false).world, { from: { host: 'a', netns: '' }, to: '192.168.2.10', proto: 'icmp' });
    assert.equal(res.replied, false);
    assert.equal(res.verdict, 'no-route');
    assert.match(res.reason.en, /reply did not come back/);
    assert.ok(res.request.steps.some((s) => s.stage === 'deliver' && s.host === 'b'));
  });

  it('TCP: SYN-ACK with a listener, RST without', () => {
    const w = gateway(true);
    w.world.hosts.get('b')!.sockets.push({ proto: 'tcp', port: 80, netns: '' });
    const ok = tracePacket(w.world, { from: { host: 'a', netns: '' }, to: '192.168.2.10', proto: 'tcp', port: 80 });
    assert.equal(ok.verdict, 'replied');
    const no = tracePacket(w.world, { from: { host: 'a', netns: '' }, to: '192.168.2.10', proto: 'tcp', port: 81 });
    assert.equal(no.verdict, 'refused');
    assert.equal(no.replied, false);
  });

  it('ARP for an address nobody owns: host unreachable', () => {
    const w = new W();
    const a = w.host('a', { eth0: 'lan' });
    w.host('b', { eth0: 'lan' });
    w.addr(a, 'eth0', '10.0.0.1/24');
    const res = tracePacket(w.world, { from: { host: 'a', netns: '' }, to: '10.0.0.9', proto: 'icmp' });
    assert.equal(res.verdict, 'host-unreachable');
  });

  it('a routing loop ends with time exceeded', () => {
    const w = new W();
    const a = w.host('a', { eth0: 'l1' });
    const r1 = w.host('r1', { eth0: 'l1', eth1: 'l2' });
    const r2 = w.host('r2', { eth0: 'l2' });
    w.addr(a, 'eth0', '10.0.1.10/24').addr(r1, 'eth0', '10.0.1.1/24').addr(r1, 'eth1', '10.0.2.1/24').addr(r2, 'eth0', '10.0.2.2/24');
    w.route(a, 'default', '10.0.1.1')
      .route(r1, '10.9.0.0/16', '10.0.2.2')
      .route(r2, '10.9.0.0/16', '10.0.2.1')
      .route(r2, '10.0.1.0/24', '10.0.2.1');
    w.forward(r1).forward(r2);
    const res = tracePacket(w.world, { from: { host: 'a', netns: '' }, to: '10.9.0.1', proto: 'icmp' });
    assert.equal(res.verdict, 'ttl-exceeded');
    assert.ok(res.request.steps.filter((s) => s.stage === 'forward').length >= 60);
    assert.equal(res.reply.steps.at(-1)!.host, 'a');
  });

  it('namespaces on a bridge reach each other and the host through the bridge address', () => {
    const w = new W();
    const h = w.host('h', { eth0: 'lan' });
    const red = w.netns('h', 'red');
    const blue = w.netns('h', 'blue');
    setLinkUp(w.link(red, 'lo'), true);
    w.veth(red, 'veth-red', h, 'veth-red-br').veth(blue, 'veth-blue', h, 'veth-blue-br');
    w.bridge(h, 'v-net-0', ['veth-red-br', 'veth-blue-br']);
    w.addr(h, 'v-net-0', '192.168.15.5/24').addr(red, 'veth-red', '192.168.15.1/24').addr(blue, 'veth-blue', '192.168.15.2/24');
    const rb = tracePacket(w.world, { from: { host: 'h', netns: 'red' }, to: '192.168.15.2', proto: 'icmp' });
    assert.equal(rb.verdict, 'replied');
    assert.ok(rb.request.steps.some((s) => s.stage === 'bridge'));
    const hr = tracePacket(w.world, { from: { host: 'h', netns: '' }, to: '192.168.15.1', proto: 'icmp' });
    assert.equal(hr.verdict, 'replied');
    const self = tracePacket(w.world, { from: { host: 'h', netns: 'red' }, to: '192.168.15.1', proto: 'icmp' });
    assert.equal(self.verdict, 'replied');
  });

  it('ARP fails in a namespace whose lo is down: host unreachable, but the error back to the sender is lost with lo', () => {
    const w = new W();
    const h = w.host('h');
    const red = w.netns('h', 'red');
    w.veth(h, 'v0', red, 'v1');
    w.addr(h, 'v0', '10.1.0.1/24').addr(red, 'v1', '10.1.0.2/24');
    const res = tracePacket(w.world, { from: { host: 'h', netns: 'red' }, to: '10.1.0.9', proto: 'icmp' });
    assert.equal(res.verdict, 'host-unreachable');
    const last = res.request.steps[res.request.steps.length - 1]!;
    assert.deepEqual(last.data, { errorLost: 'lo' });
    assert.match(res.reason.en, /through lo, which is down, so the sender hears nothing/);
    assert.match(res.reason.ko, /lo가 down 상태라 송신 측은 아무것도 받지 못합니다/);
    setLinkUp(w.link(red, 'lo'), true);
    const up = tracePacket(w.world, { from: { host: 'h', netns: 'red' }, to: '10.1.0.9', proto: 'icmp' });
    assert.equal(up.verdict, 'host-unreachable');
    assert.equal(up.request.steps[up.request.steps.length - 1]!.data, undefined);
    assert.doesNotMatch(up.reason.en, /lo/);
  });

  it('a veth whose peer is down loses the frame', () => {
    const w = new W();
    const h = w.host('h');
    const red = w.netns('h', 'red');
    w.veth(h, 'v0', red, 'v1');
    w.addr(h, 'v0', '10.1.0.1/24').addr(red, 'v1', '10.1.0.2/24');
    setLinkUp(w.link(red, 'v1'), false);
    const res = tracePacket(w.world, { from: { host: 'h', netns: '' }, to: '10.1.0.2', proto: 'icmp' });
    assert.equal(res.verdict, 'host-unreachable');
    assert.match(res.reason.en, /ARP/);
  });

  it('never throws on bad endpoints or addresses', () => {
    const w = new W();
    w.host('a');
    for (const [host, ns, to] of [
      ['x', '', '1.2.3.4'],
      ['a', 'nope', '1.2.3.4'],
      ['a', '', 'banana'],
    ] as const) {
      const r = tracePacket(w.world, { from: { host, netns: ns }, to, proto: 'icmp' });
      assert.equal(r.replied, false);
    }
  });
});
