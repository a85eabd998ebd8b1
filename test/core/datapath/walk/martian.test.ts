/**
 * Source validation on arrival (src/core/datapath/walk/martian.ts): the reverse path filter, strict
 * and loose, the larger of all and the interface's; the verdicts are the kernel's (oracle scenarios
 * 120–124), the sentences name the setting and its line.
 */
import { strict as assert } from 'node:assert';
import { tracePacket } from '../../../../src/core/datapath/walk';
import { labWorld } from '../../../support/world';

const lab = (bConf: string) => `name: rp
switches: [lan1, lan2, lan3]
hosts:
  a:
    interfaces: { eth0: lan1 }
    run: |
      ip addr add 192.168.1.10/24 dev eth0
      ip route add 192.168.2.0/24 via 192.168.1.1
      ip route add 192.168.3.0/24 via 192.168.1.2
  r1:
    interfaces: { eth0: lan1, eth1: lan2 }
    run: |
      ip addr add 192.168.1.1/24 dev eth0
      ip addr add 192.168.2.1/24 dev eth1
      sysctl -w net.ipv4.ip_forward=1
  r2:
    interfaces: { eth0: lan1, eth1: lan3 }
    run: |
      ip addr add 192.168.1.2/24 dev eth0
      ip addr add 192.168.3.1/24 dev eth1
      sysctl -w net.ipv4.ip_forward=1
  b:
    interfaces: { eth0: lan2, eth1: lan3 }
    run: |
      ip addr add 192.168.2.10/24 dev eth0
      ip addr add 192.168.3.10/24 dev eth1
      ip route add 192.168.1.0/24 via 192.168.3.1
${bConf
  .split('\n')
  .filter(Boolean)
  .map((l) => `      ${l}`)
  .join('\n')}
`;

const ping = (bConf: string, to = '192.168.2.10') =>
  tracePacket(labWorld(lab(bConf)), { from: { host: 'a', netns: '' }, to, proto: 'icmp' });

describe('walk: source validation (rp_filter)', () => {
  it('off (the default): the asymmetric way back is taken', () => assert.equal(ping('').verdict, 'replied'));

  it('strict on the interface: dropped at b, naming the route back, the setting and its line', () => {
    const t = ping('sysctl -w net.ipv4.conf.eth0.rp_filter=1');
    assert.equal(t.verdict, 'dropped');
    assert.equal(
      t.reason.en,
      'b drops the packet from 192.168.1.10 by the reverse path filter (rp_filter 1, strict: the larger of net.ipv4.conf.all.rp_filter and net.ipv4.conf.eth0.rp_filter): the route back to 192.168.1.10 ("192.168.1.0/24 via 192.168.3.1 dev eth1") leaves through eth1, not eth0 where the packet came in.',
    );
    assert.equal(
      t.reason.ko,
      'b가 192.168.1.10에서 온 패킷을 역경로 필터로 버립니다 (rp_filter 1, 엄격 모드: net.ipv4.conf.all.rp_filter와 net.ipv4.conf.eth0.rp_filter 중 큰 값). 192.168.1.10으로 돌아가는 라우트("192.168.1.0/24 via 192.168.3.1 dev eth1")는 패킷이 들어온 eth0이 아니라 eth1로 나갑니다.',
    );
    assert.equal(t.source?.line, 28);
    const drop = t.request.steps.at(-1)!;
    assert.deepEqual([drop.data?.['sysctl'], drop.data?.['value']], ['net.ipv4.conf.eth0.rp_filter', 1]);
    // In through eth1, back through eth1: strict lets it in.
    assert.equal(ping('sysctl -w net.ipv4.conf.all.rp_filter=1', '192.168.3.10').verdict, 'replied');
  });

  it('the larger of all and the interface decides: all=1 is strict, all=2 over eth0=1 is loose', () => {
    const t = ping('sysctl -w net.ipv4.conf.all.rp_filter=1');
    assert.equal(t.verdict, 'dropped');
    assert.equal(t.source?.line, 28);
    assert.equal(t.request.steps.at(-1)!.data?.['sysctl'], 'net.ipv4.conf.all.rp_filter');
    assert.equal(ping('sysctl -w net.ipv4.conf.all.rp_filter=2\nsysctl -w net.ipv4.conf.eth0.rp_filter=1').verdict, 'replied');
    assert.equal(ping('sysctl -w net.ipv4.conf.default.rp_filter=1').verdict, 'dropped', 'eth0 follows default');
  });

  it('loose with no route back at all drops; loose with an interface without an address too', () => {
    const noWayBack = lab('sysctl -w net.ipv4.conf.eth0.rp_filter=2').replace('      ip route add 192.168.1.0/24 via 192.168.3.1\n', '');
    const t = tracePacket(labWorld(noWayBack), { from: { host: 'a', netns: '' }, to: '192.168.2.10', proto: 'icmp' });
    assert.equal(t.verdict, 'dropped');
    assert.match(t.reason.en, /rp_filter 2, loose.*there is no route back to 192\.168\.1\.10 at all\.$/);
    // Without rp_filter the packet is taken, and the reply finds no route.
    const off = tracePacket(labWorld(noWayBack.replace('      sysctl -w net.ipv4.conf.eth0.rp_filter=2\n', '')), {
      from: { host: 'a', netns: '' },
      to: '192.168.2.10',
      proto: 'icmp',
    });
    assert.notEqual(off.verdict, 'dropped');
  });
});

describe('walk: martian destinations (route_localnet)', () => {
  const dnat = (extra: string) => `name: dnat-localhost
switches: [lan]
hosts:
  a:
    interfaces: { eth0: lan }
    run: |
      ip addr add 10.0.0.2/24 dev eth0
  h:
    interfaces: { eth0: lan }
    run: |
      ip addr add 10.0.0.1/24 dev eth0
      ip link set lo up
      iptables -t nat -A PREROUTING -p tcp --dport 8080 -j DNAT --to-destination 127.0.0.1:80
${extra}    serve: [tcp/80]
`;
  const connect = (extra: string) =>
    tracePacket(labWorld(dnat(extra)), { from: { host: 'a', netns: '' }, to: '10.0.0.1', proto: 'tcp', port: 8080 });

  it('a DNAT to 127.0.0.1 from outside is dropped as a martian destination, naming route_localnet (oracle scenario 125)', () => {
    const t = connect('');
    assert.equal(t.verdict, 'dropped');
    assert.equal(
      t.reason.en,
      'h drops a packet with the martian destination 127.0.0.1 arriving on eth0: 127.0.0.0/8 is routed from outside only with net.ipv4.conf.eth0.route_localnet (or all) = 1.',
    );
    assert.equal(
      t.reason.ko,
      'h가 eth0에 들어온 비정상 목적지 127.0.0.1의 패킷을 버립니다. 127.0.0.0/8은 net.ipv4.conf.eth0.route_localnet(또는 all)이 1일 때만 밖에서 라우팅됩니다.',
    );
    const drop = t.request.steps.at(-1)!;
    assert.deepEqual([drop.data?.['sysctl'], drop.data?.['value']], ['net.ipv4.conf.eth0.route_localnet', 0]);
  });

  it('with route_localnet=1 on the interface it reaches the socket (oracle scenario 126)', () => {
    assert.equal(connect('      sysctl -w net.ipv4.conf.eth0.route_localnet=1\n').verdict, 'replied');
  });
});

describe('walk: martian destinations and a route back that is not unicast', () => {
  it('a packet for 0.0.0.0/8 that arrives from outside is a martian destination, dropped before the route lookup', () => {
    const w = labWorld(`name: z
switches: [lan1, lan2]
hosts:
  a:
    interfaces: { eth0: lan1 }
    run: |
      ip addr add 192.168.1.10/24 dev eth0
      ip route add default via 192.168.1.1
  r:
    interfaces: { eth0: lan1, eth1: lan2 }
    run: |
      ip addr add 192.168.1.1/24 dev eth0
      ip addr add 192.168.2.1/24 dev eth1
      sysctl -w net.ipv4.ip_forward=1
`);
    const t = tracePacket(w, { from: { host: 'a', netns: '' }, to: '0.1.2.3', proto: 'icmp' });
    assert.equal(t.verdict, 'dropped');
    const drop = t.request.steps[t.request.steps.length - 1]!;
    assert.equal(drop.host, 'r');
    assert.deepEqual(drop.detail, {
      en: 'r drops a packet for the martian destination 0.1.2.3.',
      ko: 'r이 비정상 목적지 0.1.2.3의 패킷을 버립니다.',
    });
  });

  it('with rp_filter on, a route back that is a blackhole route drops the packet, naming the route', () => {
    const t = ping('sysctl -w net.ipv4.conf.all.rp_filter=1\nip route add blackhole 192.168.1.10/32');
    assert.equal(t.verdict, 'dropped');
    const drop = t.request.steps[t.request.steps.length - 1]!;
    assert.equal(drop.host, 'b');
    assert.deepEqual(drop.detail, {
      en: 'b drops the packet: the route back to its source 192.168.1.10 is "blackhole 192.168.1.10", a blackhole route.',
      ko: 'b가 패킷을 버립니다. 출발지 192.168.1.10으로 돌아가는 라우트 "blackhole 192.168.1.10"이 blackhole 라우트입니다.',
    });
    assert.equal(drop.source?.line, 28, 'the rp_filter line that made it look');
  });
});
