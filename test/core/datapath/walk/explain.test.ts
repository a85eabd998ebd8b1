/**
 * Explanations of absence: a trace that finds nothing names the cause and the lab line behind it
 * (a link set down or never brought up, a port taken out of its bridge, a route or address a line
 * removed). The verdicts are the kernel's (oracle scenarios 11, 19, 37, 53); the sentences are ours.
 */
import { strict as assert } from 'node:assert';
import { tracePacket } from '../../../../src/core/datapath/walk';
import { labWorld } from '../../../support/world';

const BRIDGE = `name: bridge
switches: [lan]
hosts:
  h:
    interfaces:
      eth0: lan
    run: |
      ip netns add red
      ip netns add blue
      ip link add v-red type veth peer name eth0 netns red
      ip link add v-blue type veth peer name eth0 netns blue
      ip link add v-net-0 type bridge
      ip link set v-red master v-net-0
      ip link set v-blue master v-net-0
      ip -n red addr add 192.168.15.1/24 dev eth0
      ip -n blue addr add 192.168.15.2/24 dev eth0
      ip -n red link set eth0 up
      ip -n blue link set eth0 up
      ip link set v-red up
      ip link set v-blue up
      ip link set v-net-0 up
`;

const ping = (lab: string, from = 'h/red', to = '192.168.15.2') => {
  const [host, netns = ''] = from.split('/');
  return tracePacket(labWorld(lab), { from: { host: host!, netns }, to, proto: 'icmp' });
};

describe('walk: explanations of absence', () => {
  it('the bridge as given answers', () => assert.equal(ping(BRIDGE).verdict, 'replied'));

  it('a bridge port set down: the owner, the port and the line that set it down', () => {
    const res = ping(BRIDGE + '      ip link set v-blue down\n');
    assert.equal(res.verdict, 'host-unreachable');
    assert.equal(
      res.reason.en,
      // red's lo was never brought up, so the error the kernel sends itself through lo is lost too
      'No answer to ARP for 192.168.15.2 on h/red eth0: the host is unreachable, but the error (No route to host) reaches the sender through lo, which is down, so the sender hears nothing. ' +
        'h/blue eth0 has 192.168.15.2, but the request was lost on the way: h v-blue is down: line 22 set it down.',
    );
    assert.equal(
      res.reason.ko,
      'h/red eth0에서 192.168.15.2에 대한 ARP 응답이 없습니다. 커널은 이 오류(No route to host)를 lo를 거쳐 송신 측에 알리는데, lo가 down 상태라 송신 측은 아무것도 받지 못합니다. ' +
        '192.168.15.2는 h/blue eth0에 있지만 요청이 가는 길에 사라졌습니다. h v-blue가 down 상태입니다. 22행에서 down으로 설정했습니다.',
    );
    assert.equal(res.source?.line, 22);
    const neigh = res.request.steps.find((s) => s.stage === 'neigh')!;
    assert.equal(neigh.source?.line, 22);
    assert.deepEqual(neigh.data?.['down'], ['h v-blue']);
  });

  it('a bridge never brought up: says so, at the line that made it', () => {
    const res = ping(BRIDGE.replace('      ip link set v-net-0 up\n', ''));
    assert.match(res.reason.en, /h v-net-0 is down: it was never brought up \(no `ip link set v-net-0 up` line\)\.$/);
    assert.match(
      res.reason.ko,
      /h v-net-0이 down 상태입니다\. 한 번도 up으로 올리지 않았습니다 \(`ip link set v-net-0 up` 줄이 없습니다\)\.$/,
    );
    assert.equal(res.source?.line, 12);
  });

  // As lab 05's fix-yellow: the end is brought up in the host, then moved, and the kernel closes a
  // device that changes namespace (dev_change_net_namespace calls dev_close): it arrives down.
  const MOVED = BRIDGE.replace('ip link add v-blue type veth peer name eth0 netns blue', 'ip link add v-blue type veth peer name veth-b')
    .replace('      ip -n blue addr add 192.168.15.2/24 dev eth0\n', '')
    .replace('      ip -n blue link set eth0 up\n', '');

  it('a link brought up, then moved into a namespace: the move set it down, at its line', () => {
    const res = ping(
      MOVED + '      ip link set veth-b up\n      ip link set veth-b netns blue\n      ip -n blue addr add 192.168.15.2/24 dev veth-b\n',
    );
    assert.match(
      res.reason.en,
      /h\/blue veth-b is down: it was up in h, but moving it into namespace blue at line 21 set it down \(a link goes down when it changes namespace\), and no `ip -n blue link set veth-b up` line follows the move\.$/,
    );
    assert.match(
      res.reason.ko,
      /h\/blue veth-b가 down 상태입니다\. h에서는 up이었지만 21행에서 네임스페이스 blue로 옮기면서 down 되었습니다 \(링크는 네임스페이스를 옮기면 down 됩니다\)\. 옮긴 뒤에 `ip -n blue link set veth-b up` 줄이 없습니다\.$/,
    );
    assert.equal(res.source?.line, 21);
    // Brought up after the move, it answers.
    assert.equal(
      ping(
        MOVED +
          '      ip link set veth-b netns blue\n      ip -n blue addr add 192.168.15.2/24 dev veth-b\n      ip -n blue link set veth-b up\n',
      ).verdict,
      'replied',
    );
  });

  it('a link moved and never brought up: neither before nor after the move', () => {
    const res = ping(MOVED + '      ip link set veth-b netns blue\n      ip -n blue addr add 192.168.15.2/24 dev veth-b\n');
    assert.match(
      res.reason.en,
      /h\/blue veth-b is down: it was never brought up, neither before nor after it moved into namespace blue at line 20 \(no `ip -n blue link set veth-b up` line\)\.$/,
    );
    assert.equal(res.source?.line, 20);
  });

  it("the owner's own interface never brought up", () => {
    const res = ping(BRIDGE.replace('      ip -n blue link set eth0 up\n', ''));
    assert.match(res.reason.en, /h\/blue eth0 is down: it was never brought up \(no `ip -n blue link set eth0 up` line\)\.$/);
  });

  it('a port taken out of its bridge with nomaster', () => {
    const res = ping(BRIDGE + '      ip link set v-blue nomaster\n');
    assert.match(
      res.reason.en,
      /its veth peer h v-blue was taken out of bridge v-net-0 at line 22 \(`nomaster`\), so nothing joins it to this segment\.$/,
    );
    assert.match(
      res.reason.ko,
      /그 veth 상대편 h v-blue가 22행에서 브리지 v-net-0에서 빠져서\(`nomaster`\) 이 세그먼트와 연결되지 않습니다\.$/,
    );
    assert.equal(res.source?.line, 22);
  });

  it('a down port elsewhere on the bridge is not blamed: only what stands between the owner and the segment', () => {
    const lab = BRIDGE.replace(
      '      ip link set v-red master v-net-0\n',
      '      ip link set v-red master v-net-0\n      ip link add v-x type veth peer name x0\n      ip link set v-x master v-net-0\n',
    );
    const res = ping(lab + '      ip link set v-blue nomaster\n');
    assert.match(res.reason.en, /its veth peer h v-blue was taken out of bridge v-net-0 at line 24/);
    const down = ping(lab + '      ip link set v-blue down\n');
    assert.match(down.reason.en, /the request was lost on the way: h v-blue is down: line 24 set it down\.$/);
  });

  it('a frame lost at a down link (no ARP: a static neighbour) names the line that set it down', () => {
    const res = ping(
      BRIDGE +
        '      ip -n blue link set eth0 address 02:00:00:00:00:02\n' +
        '      ip -n red neigh add 192.168.15.2 lladdr 02:00:00:00:00:02 dev eth0 nud permanent\n' +
        '      ip link set v-blue down\n',
    );
    assert.equal(res.verdict, 'dropped');
    assert.match(res.reason.en, / h v-blue is down: line 24 set it down\.$/);
    assert.match(res.reason.ko, / h v-blue가 down 상태입니다\. 24행에서 down으로 설정했습니다\.$/);
    assert.equal(res.source?.line, 24);
  });

  it('an address a line deleted', () => {
    const res = ping(BRIDGE + '      ip -n blue addr del 192.168.15.2/24 dev eth0\n');
    assert.match(res.reason.en, /192\.168\.15\.2 was on h\/blue eth0 until it was removed at line 22\.$/);
    assert.equal(res.source?.line, 22);
  });

  const ROUTES = `name: routes
switches: [lan1, lan2]
hosts:
  a:
    interfaces:
      eth0: lan1
      eth1: lan2
    run: |
      ip addr add 10.1.0.10/24 dev eth0
      ip addr add 10.2.0.10/24 dev eth1
      ip route add 10.9.0.0/24 via 10.2.0.1
      ip route add 10.8.0.0/24 via 10.1.0.1
      ip link set eth1 down
      ip addr del 10.1.0.10/24 dev eth0
      ip addr add 10.1.0.10/24 dev eth0
      ip route add 10.7.0.0/24 via 10.1.0.1
      ip route del 10.7.0.0/24
`;

  const CASES: [string, number, string, string][] = [
    [
      '10.9.0.5',
      13,
      'The route "10.9.0.0/24 via 10.2.0.1 dev eth1" (added at line 11) was removed at line 13 when eth1 went down. A route through a link that goes down is gone for good: bringing eth1 up again does not restore it.',
      '라우트 "10.9.0.0/24 via 10.2.0.1 dev eth1"(11행에서 추가)는 13행에서 eth1이 down 되면서 제거되었습니다. down 된 링크를 지나는 라우트는 링크를 다시 up 해도 돌아오지 않습니다.',
    ],
    [
      '10.8.0.5',
      14,
      'The route "10.8.0.0/24 via 10.1.0.1 dev eth0" (added at line 12) was removed at line 14 when the address 10.1.0.10/24 of eth0 was deleted.',
      '라우트 "10.8.0.0/24 via 10.1.0.1 dev eth0"(12행에서 추가)는 14행에서 eth0의 주소 10.1.0.10/24가 삭제되면서 제거되었습니다.',
    ],
    [
      '10.7.0.5',
      17,
      'The route "10.7.0.0/24 via 10.1.0.1 dev eth0" (added at line 16) was removed at line 17 by `ip route del`.',
      '라우트 "10.7.0.0/24 via 10.1.0.1 dev eth0"(16행에서 추가)는 17행에서 `ip route del`로 제거되었습니다.',
    ],
    [
      '10.2.0.7',
      13,
      'The route "10.2.0.0/24 dev eth1 proto kernel scope link src 10.2.0.10" (the kernel\'s, for an address of eth1) was removed at line 13 when eth1 went down. It comes back when eth1 is up again.',
      '라우트 "10.2.0.0/24 dev eth1 proto kernel scope link src 10.2.0.10"(eth1 주소에 대해 커널이 추가)는 13행에서 eth1이 down 되면서 제거되었습니다. eth1이 다시 up 되면 돌아옵니다.',
    ],
  ];
  for (const [to, line, en, ko] of CASES) {
    it(`no route to ${to}: the route a line removed, and that line`, () => {
      const res = ping(ROUTES, 'a', to);
      assert.equal(res.verdict, 'no-route');
      assert.equal(res.reason.en, `a has no route to ${to} (connect: Network is unreachable). ${en}`);
      assert.equal(res.reason.ko, `a에 ${to}로 가는 라우트가 없습니다 (connect: Network is unreachable). ${ko}`);
      assert.equal(res.source?.line, line);
      const route = res.request.steps.find((s) => s.stage === 'route')!;
      assert.ok(route.detail.en.endsWith(en));
      assert.equal(route.source?.line, line);
    });
  }

  it('a router with no route names the line that removed it, and the ICMP error carries it back', () => {
    const lab = `name: router
switches: [lan1, lan2, lan3]
hosts:
  a:
    interfaces:
      eth0: lan1
    run: |
      ip addr add 10.1.0.10/24 dev eth0
      ip route add default via 10.1.0.1
  r:
    interfaces:
      eth0: lan1
      eth1: lan2
    run: |
      ip addr add 10.1.0.1/24 dev eth0
      ip addr add 10.2.0.1/24 dev eth1
      sysctl -w net.ipv4.ip_forward=1
      ip route add 10.9.0.0/24 via 10.2.0.2
      ip route flush 10.9.0.0/24
`;
    const res = ping(lab, 'a', '10.9.0.5');
    assert.equal(res.verdict, 'no-route');
    const step = res.request.steps.find((s) => s.stage === 'route' && s.host === 'r')!;
    assert.match(
      step.detail.en,
      /The route "10\.9\.0\.0\/24 via 10\.2\.0\.2 dev eth1" \(added at line 18\) was removed at line 19 by `ip route flush`\.$/,
    );
    assert.equal(step.source?.line, 19);
    assert.equal(res.source?.line, 19);
  });

  it('a route whose source was a secondary deleted with its primary (promote_secondaries 0)', () => {
    const lab = `name: secondary
switches: [lan1]
hosts:
  a:
    interfaces:
      eth0: lan1
    run: |
      ip addr add 10.1.0.1/24 dev eth0
      ip addr add 10.1.0.2/24 dev eth0
      ip addr add 10.3.0.1/24 dev eth0
      ip route add 10.8.0.0/24 via 10.1.0.254 src 10.1.0.2
      ip addr del 10.1.0.1/24 dev eth0
`;
    const res = ping(lab, 'a', '10.8.0.5');
    assert.match(
      res.reason.en,
      /The route "10\.8\.0\.0\/24 via 10\.1\.0\.254 dev eth0 src 10\.1\.0\.2" \(added at line 11\) was removed at line 12 when the primary address 10\.1\.0\.1\/24 of eth0 was deleted, taking its secondaries with it \(promote_secondaries is 0\)\.$/,
    );
    assert.match(
      res.reason.ko,
      /\(11행에서 추가\)는 12행에서 eth0의 주 주소 10\.1\.0\.1\/24가 삭제될 때 보조 주소와 함께 \(promote_secondaries가 0입니다\) 제거되었습니다\.$/,
    );
  });

  it('a subnet whose link is down, with no route ever added: the link and its line', () => {
    const lab = `name: down
switches: [lan1]
hosts:
  a:
    interfaces:
      eth0: lan1
    run: |
      ip link add br0 type bridge
      ip addr add 10.5.0.1/24 dev br0
`;
    const res = ping(lab, 'a', '10.5.0.7');
    assert.equal(res.verdict, 'no-route');
    assert.match(
      res.reason.en,
      /10\.5\.0\.0\/24 would be reached through br0 \(address 10\.5\.0\.1\/24\), but a br0 is down: it was never brought up \(no `ip link set br0 up` line\), so the kernel has no route for it\.$/,
    );
    assert.match(res.reason.ko, /10\.5\.0\.0\/24는 br0의 주소 10\.5\.0\.1\/24의 대역이라 br0으로 가야 하지만, a br0이 down 상태입니다/);
  });
});
