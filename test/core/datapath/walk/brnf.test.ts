/**
 * br_netfilter (walk/brnf.ts): traffic a host's bridge forwards between namespaces crosses the
 * host's FORWARD chain while net.bridge.bridge-nf-call-iptables is 1, with the bridge as in and out
 * device and its ports for -m physdev; its PREROUTING and POSTROUTING too, so conntrack rewrites back
 * the bridged reply of a DNATed connection (and without br_netfilter the client has no socket for it).
 */
import { strict as assert } from 'node:assert';
import { execCommand } from '../../../../src/core';
import { tracePacket } from '../../../../src/core/datapath/walk';
import { traceCauses } from '../../../../src/core/datapath/causes';
import { labWorld } from '../../../support/world';

describe('br_netfilter: bridged traffic and iptables FORWARD', () => {
  /** Two namespaces on a bridge inside host h, with h's FORWARD rules. */
  const bridged = (lines: string[]) =>
    labWorld(`name: br
hosts:
  h:
    run: |
${[
  'ip link add br0 type bridge',
  'ip link set br0 up',
  'ip netns add c1',
  'ip netns add c2',
  'ip link add v1 type veth peer name eth0 netns c1',
  'ip link add v2 type veth peer name eth0 netns c2',
  'ip link set v1 master br0 up',
  'ip link set v2 master br0 up',
  'ip -n c1 addr add 172.17.0.2/16 dev eth0',
  'ip -n c2 addr add 172.17.0.3/16 dev eth0',
  'ip -n c1 link set eth0 up',
  'ip -n c2 link set eth0 up',
  ...lines,
]
  .map((l) => `        ${l}`)
  .join('\n')}
`);
  const ping = (w: ReturnType<typeof labWorld>) => tracePacket(w, { from: { host: 'h', netns: 'c1' }, to: '172.17.0.3', proto: 'icmp' });

  it('FORWARD policy DROP on the host stops traffic between the namespaces on its bridge', () => {
    assert.equal(ping(bridged([])).verdict, 'replied');
    const t = ping(bridged(['iptables -P FORWARD DROP']));
    assert.equal(t.verdict, 'dropped');
    assert.deepEqual(
      traceCauses(t).map((c) => c.cause),
      ['filtered'],
    );
  });

  it('an ACCEPT for the bridge (-i br0 -o br0) or for its ports (-m physdev) lets it through', () => {
    assert.equal(ping(bridged(['iptables -P FORWARD DROP', 'iptables -A FORWARD -i br0 -o br0 -j ACCEPT'])).verdict, 'replied');
    const phys = bridged([
      'iptables -P FORWARD DROP',
      'iptables -A FORWARD -m physdev --physdev-in v1 --physdev-is-bridged -j ACCEPT',
      'iptables -A FORWARD -m conntrack --ctstate ESTABLISHED -j ACCEPT',
    ]);
    const t = ping(phys);
    assert.equal(t.verdict, 'replied', t.reason.en);
    assert.ok(t.request.steps.some((s) => s.stage === 'netfilter' && (s.data as { bridged?: boolean }).bridged));
  });

  it('net.bridge.bridge-nf-call-iptables=0 takes bridged traffic out of iptables', () => {
    assert.equal(ping(bridged(['iptables -P FORWARD DROP', 'sysctl -w net.bridge.bridge-nf-call-iptables=0'])).verdict, 'replied');
  });
});

describe('br_netfilter: NAT of bridged traffic', () => {
  /** c1 and c2 on h's br0 (10.244.0.0/24, gateway 10.244.0.1 on br0); h DNATs 10.96.0.10:80 to c2 and 10.96.0.11 (icmp) to c2. */
  const service = (lines: string[]) =>
    labWorld(`name: brnat
hosts:
  h:
    run: |
${[
  'sysctl -w net.ipv4.ip_forward=1',
  ...lines,
  'ip link add br0 type bridge',
  'ip addr add 10.244.0.1/24 dev br0',
  'ip link set br0 up',
  'ip netns add c1',
  'ip netns add c2',
  'ip link add v1 type veth peer name eth0 netns c1',
  'ip link add v2 type veth peer name eth0 netns c2',
  'ip link set v1 master br0 up',
  'ip link set v2 master br0 up',
  'ip -n c1 addr add 10.244.0.2/24 dev eth0',
  'ip -n c2 addr add 10.244.0.3/24 dev eth0',
  'ip -n c1 link set eth0 up',
  'ip -n c2 link set eth0 up',
  'ip -n c1 route add default via 10.244.0.1',
  'ip -n c2 route add default via 10.244.0.1',
  'iptables -t nat -A PREROUTING -d 10.96.0.10/32 -p tcp -m tcp --dport 80 -j DNAT --to-destination 10.244.0.3:80',
  'iptables -t nat -A PREROUTING -d 10.96.0.11/32 -p icmp -j DNAT --to-destination 10.244.0.3',
]
  .map((l) => `        ${l}`)
  .join('\n')}
    serve: [c2:tcp/80]
`);
  const from = { host: 'h', netns: 'c1' };

  it("the backend's reply, bridged straight back, is rewritten back to the service address at POSTROUTING", () => {
    const t = tracePacket(service([]), { from, to: '10.96.0.10', proto: 'tcp', port: 80 });
    assert.equal(t.verdict, 'replied', t.reason.en);
    const back = t.reply.steps.filter((s) => s.stage === 'netfilter' && s.host === 'h');
    assert.deepEqual(
      back.map((s) => s.detail.en),
      [
        'conntrack (bridged, br_netfilter): a reply of a NATed connection, rewritten back at POSTROUTING: 10.244.0.3:80 > 10.244.0.2:40000 becomes 10.96.0.10:80 > 10.244.0.2:40000.',
      ],
    );
    assert.equal(
      back[0]!.detail.ko,
      'conntrack(브리지 트래픽, br_netfilter): NAT된 연결의 응답이라 POSTROUTING에서 되돌려 씁니다: 10.244.0.3:80 > 10.244.0.2:40000 → 10.96.0.10:80 > 10.244.0.2:40000.',
    );
    assert.equal(back[0]!.iface, 'v1');
    const last = t.reply.steps[t.reply.steps.length - 1]!;
    assert.equal(last.packet!.ip.src, '10.96.0.10');
  });

  it("with bridge-nf-call-iptables=0 the reply keeps the backend's address: no socket takes it and the connect times out", () => {
    const t = tracePacket(service(['sysctl -w net.bridge.bridge-nf-call-iptables=0']), { from, to: '10.96.0.10', proto: 'tcp', port: 80 });
    assert.equal(t.verdict, 'dropped');
    assert.equal(
      t.reason.en,
      'h/c1 has no socket for an answer from 10.244.0.3:80: it connected to 10.96.0.10:80. The stack answers it with a TCP reset, and the connection times out. (When a DNAT sent the request to 10.244.0.3:80, its answer has to come back through the same conntrack to be rewritten back to 10.96.0.10:80.)',
    );
    assert.equal(
      t.reason.ko,
      'h/c1에는 10.244.0.3:80에서 온 응답을 받을 소켓이 없습니다. 연결한 곳은 10.96.0.10:80입니다. 커널은 TCP reset으로 답하고, 연결은 시간 초과로 끝납니다. (DNAT가 요청을 10.244.0.3:80으로 보냈다면, 그 응답도 같은 conntrack을 거쳐 돌아와야 출발지가 10.96.0.10:80으로 되돌려집니다.)',
    );
  });

  it('ping takes an echo reply from another address, and says so as ping does', () => {
    const t = tracePacket(service(['sysctl -w net.bridge.bridge-nf-call-iptables=0']), { from, to: '10.96.0.11', proto: 'icmp' });
    assert.equal(t.verdict, 'replied');
    assert.equal(
      t.reason.en,
      'h/c1 got the echo reply from 10.244.0.3, not from 10.96.0.11 that it pinged: ping prints it with "(DIFFERENT ADDRESS!)".',
    );
    assert.equal(
      t.reason.ko,
      'h/c1이 10.244.0.3의 echo reply를 받았습니다. ping한 주소 10.96.0.11이 아니라서 ping은 "(DIFFERENT ADDRESS!)"를 붙여 출력합니다.',
    );
    assert.equal(tracePacket(service([]), { from, to: '10.96.0.11', proto: 'icmp' }).reason.en, 'h/c1 got the echo reply from 10.96.0.11.');
  });

  it("a DNAT that changes a bridged packet's destination is not simulated: the answer carries a warning at the rule's line", () => {
    const w = service(['iptables -t nat -A PREROUTING -d 10.244.0.3/32 -p tcp --dport 81 -j DNAT --to-destination 10.244.0.9:80']);
    const t = tracePacket(w, { from, to: '10.244.0.3', proto: 'tcp', port: 81 });
    const warn = (t.warnings ?? []).filter((d) => d.code === 'trace-not-simulated');
    assert.equal(warn.length, 1);
    assert.equal(warn[0]!.line, 6);
    assert.equal(
      warn[0]!.message.en,
      "h: a DNAT changed a bridged packet's destination (10.244.0.3 to 10.244.0.9) on bridge br0. The kernel routes such a packet again (br_netfilter); knetlab keeps it bridged, so this answer may be wrong.",
    );
    assert.equal(
      warn[0]!.message.ko,
      'h: 브리지 br0을 지나는 패킷의 목적지를 DNAT가 바꿨습니다 (10.244.0.3 → 10.244.0.9). 커널은 이런 패킷을 다시 라우팅하지만(br_netfilter) knetlab은 계속 브리지로 전달하므로 이 결과는 틀릴 수 있습니다.',
    );
    assert.equal(tracePacket(w, { from, to: '10.96.0.10', proto: 'tcp', port: 80 }).warnings, undefined);
  });
});

describe('br_netfilter: the sysctl', () => {
  it('net.bridge.bridge-nf-call-iptables reads 1, is simulated, and keeps what is written', () => {
    const w = labWorld('name: s\nhosts:\n  h: {}\n');
    const run = (line: string) => execCommand(w, { host: 'h', netns: '' }, line);
    assert.equal(run('sysctl net.bridge.bridge-nf-call-iptables').stdout, 'net.bridge.bridge-nf-call-iptables = 1\n');
    const set = run('sysctl -w net.bridge.bridge-nf-call-iptables=0');
    assert.equal(set.status, 0);
    assert.equal(set.notSimulated, undefined);
    assert.equal(run('cat /proc/sys/net/bridge/bridge-nf-call-iptables').stdout, '0\n');
  });
});
