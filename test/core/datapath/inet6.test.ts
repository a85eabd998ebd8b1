import { strict as assert } from 'node:assert';
import { tracePacket } from '../../../src/core/datapath/walk';
import { execCommand } from '../../../src/core';
import { icmpName, solicitedNode } from '../../../src/core/datapath/inet6';
import { formatAddr, parseAddr } from '../../../src/core/net/addr';
import { v6World } from '../../support/v6';

const from = (host: string) => ({ host, netns: '' });

describe('IPv6 in the packet walk (src/core/datapath/inet6.ts)', () => {
  it('names ICMPv6 messages with their codes and the solicited-node address', () => {
    assert.equal(formatAddr(solicitedNode(parseAddr('2001:db8::12:3456')!)), 'ff02::1:ff12:3456');
    assert.equal(icmpName('net-unreachable', 6), 'ICMPv6 destination unreachable (no route, code 0)');
    assert.equal(icmpName('pkt-filtered', 6), 'ICMPv6 destination unreachable (administratively prohibited, code 1)');
    assert.equal(icmpName('host-unreachable', 6), 'ICMPv6 destination unreachable (address unreachable, code 3)');
    assert.equal(icmpName('port-unreachable', 6), 'ICMPv6 destination unreachable (port unreachable, code 4)');
    assert.equal(icmpName('net-unreachable', 4), 'ICMP net-unreachable');
  });

  it('through a router with all.forwarding=1: neighbour solicitation, hop limit 64 -> 63', () => {
    const { world } = v6World();
    const t = tracePacket(world, { from: from('a'), to: '2001:db8:2::10', proto: 'icmp' });
    assert.equal(t.verdict, 'replied');
    const neigh = t.request.steps.find((s) => s.stage === 'neigh')!;
    assert.equal(
      neigh.detail.en,
      'Neighbour solicitation for 2001:db8:1::1 (to ff02::1:ff00:1) on eth0: neighbour advertisement 2001:db8:1::1 is at 02:00:00:00:01:01 (r eth0).',
    );
    assert.doesNotMatch(JSON.stringify(t), /ARP|TTL/);
    const fwd = t.request.steps.find((s) => s.stage === 'forward')!;
    assert.equal(fwd.detail.en, 'r forwards (net.ipv6.conf.all.forwarding = 1): hop limit 64 -> 63.');
    assert.equal(t.request.steps[0]!.packet!.ip.src, '2001:db8:1::10');
  });

  it('net.ipv4.ip_forward=1 or a device of its own does not forward IPv6: dropped, naming all.forwarding', () => {
    for (const lines of [
      ['sysctl -w net.ipv4.ip_forward=1'],
      ['sysctl -w net.ipv6.conf.eth0.forwarding=1', 'sysctl -w net.ipv6.conf.eth1.forwarding=1'],
    ]) {
      const { world } = v6World(lines);
      const t = tracePacket(world, { from: from('a'), to: '2001:db8:2::10', proto: 'icmp' });
      assert.equal(t.verdict, 'dropped');
      assert.match(t.reason.en, /net\.ipv6\.conf\.all\.forwarding is 0/);
      assert.equal(
        t.reason.ko,
        'r에서는 2001:db8:2::10 주소가 자기 주소가 아니고 net.ipv6.conf.all.forwarding 값이 0이라 패킷을 라우팅하지 않고 버립니다 (IPv6 포워딩은 net.ipv4.ip_forward나 인터페이스별 설정이 아니라 all 값만 따릅니다).',
      );
    }
  });

  it('hop limit from net.ipv6.conf.DEV.hop_limit; a hop limit of 1 makes the router answer time exceeded', () => {
    const { world, sh } = v6World();
    sh('a', 'sysctl -w net.ipv6.conf.eth0.hop_limit=1');
    const t = tracePacket(world, { from: from('a'), to: '2001:db8:2::10', proto: 'icmp' });
    assert.equal(t.request.steps[0]!.packet!.ip.ttl, 1);
    assert.equal(t.verdict, 'ttl-exceeded');
    assert.match(t.reason.en, /ICMPv6 time exceeded \(hop limit exceeded in transit, code 0\) from 2001:db8:1::1\./);
  });

  it('ICMPv6 errors of a router: no route, an unreachable route (no route too), a prohibit route; a blackhole is silent', () => {
    const { world, sh } = v6World();
    sh('r', 'ip route add unreachable 2001:db8:b::/64');
    sh('r', 'ip route add prohibit 2001:db8:c::/64');
    sh('r', 'ip route add blackhole 2001:db8:a::/64');
    const ask = (to: string) => tracePacket(world, { from: from('a'), to, proto: 'icmp' });
    assert.equal(ask('2001:db8:77::1').reason.en, 'ICMPv6 destination unreachable (no route, code 0) from 2001:db8:1::1.');
    assert.equal(ask('2001:db8:b::1').reason.en, 'ICMPv6 destination unreachable (no route, code 0) from 2001:db8:1::1.');
    assert.equal(
      ask('2001:db8:c::1').reason.en,
      'ICMPv6 destination unreachable (administratively prohibited, code 1) from 2001:db8:1::1.',
    );
    assert.equal(ask('2001:db8:a::1').verdict, 'blackhole');
  });

  it('::1 and the own address are delivered over lo; ip -6 route get prints the kernel format', () => {
    const { world } = v6World();
    for (const to of ['::1', '2001:db8:1::10']) assert.equal(tracePacket(world, { from: from('a'), to, proto: 'icmp' }).verdict, 'replied');
    assert.equal(
      execCommand(world, from('a'), 'ip -6 route get ::1').stdout,
      'local ::1 from :: dev lo table local proto kernel src ::1 metric 0 pref medium\n',
    );
    assert.equal(
      execCommand(world, from('a'), 'ip route get 2001:db8:2::10').stdout,
      '2001:db8:2::10 from :: via 2001:db8:1::1 dev eth0 src 2001:db8:1::10 metric 1024 pref medium\n',
    );
    assert.equal(
      execCommand(world, from('r'), 'ip route get 2001:db8:2::10').stdout,
      '2001:db8:2::10 from :: dev eth1 proto kernel src 2001:db8:2::1 metric 256 pref medium\n',
    );
  });

  it('ip route add default via an IPv6 gateway needs no -6', () => {
    const { world, sh } = v6World();
    assert.equal(sh('b', 'ip -6 route del default').status, 0);
    assert.equal(sh('b', 'ip route add default via 2001:db8:2::1').status, 0);
    assert.equal(
      execCommand(world, from('b'), 'ip -6 route show default').stdout,
      'default via 2001:db8:2::1 dev eth0 metric 1024 pref medium\n',
    );
    assert.equal(execCommand(world, from('b'), 'ip route show default').stdout, '');
  });

  it('a neighbour nobody answers: the sender gets EHOSTUNREACH, named as a missing advertisement', () => {
    const { world } = v6World();
    const t = tracePacket(world, { from: from('a'), to: '2001:db8:1::99', proto: 'icmp' });
    assert.equal(t.verdict, 'host-unreachable');
    assert.match(t.reason.en, /^No neighbour advertisement for 2001:db8:1::99 on a eth0/);
    assert.match(t.reason.ko, /이웃 광고/);
  });

  it('a UDP datagram to a closed port: ICMPv6 port unreachable (code 4) back to the sender', () => {
    const { world } = v6World();
    const t = tracePacket(world, { from: from('a'), to: '2001:db8:2::10', proto: 'udp', port: 53 });
    assert.equal(t.verdict, 'refused');
    const deliver = t.request.steps.at(-1)!;
    assert.equal(
      deliver.detail.en,
      'Nothing listens on udp/53 on b: it answers ICMPv6 destination unreachable (port unreachable, code 4).',
    );
    assert.equal(t.reason.en, 'ICMPv6 destination unreachable (port unreachable, code 4) from 2001:db8:2::10.');
  });

  it('link-local: a zone (%dev) picks the device; the answer leaves by the device the question came in on', () => {
    const { world } = v6World();
    const ask = (host: string, to: string) => tracePacket(world, { from: from(host), to, proto: 'icmp' });
    assert.equal(ask('r', 'fe80::ff:fe00:20b%eth1').verdict, 'replied');
    assert.equal(ask('r', 'fe80::ff:fe00:20b%eth0').verdict, 'host-unreachable');
    assert.equal(ask('r', 'fe80::ff:fe00:20b%eth9').verdict, 'dropped', 'no such device: nothing to trace');
    // b's reply to r's eth1 address: without the incoming device, r's first fe80::/64 route (eth0) would take it.
    const t = ask('b', 'fe80::ff:fe00:201');
    assert.equal(t.verdict, 'replied');
    assert.ok(t.reply.steps.some((s) => s.host === 'r' && s.iface === 'eth1'));
  });

  it('a router whose neighbour solicitation gets no advertisement answers address unreachable (code 3)', () => {
    const { world } = v6World();
    const t = tracePacket(world, { from: from('a'), to: '2001:db8:2::99', proto: 'icmp' });
    assert.equal(t.verdict, 'host-unreachable');
    assert.equal(t.reason.en, 'ICMPv6 destination unreachable (address unreachable, code 3) from 2001:db8:1::1.');
    assert.ok(
      t.request.steps.some((s) => s.detail.en === 'No neighbour advertisement for 2001:db8:2::99 on eth1: r cannot forward the packet.'),
    );
  });
});
