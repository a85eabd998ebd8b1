/**
 * A router that forwards a packet back out of the interface it came in on: Linux sends the sender an
 * ICMP redirect (send_redirects, on by default). The walk does not; its forward step says so.
 */
import { strict as assert } from 'node:assert';
import { tracePacket } from '../../../../src/core/datapath/walk';
import { labWorld } from '../../../support/world';

/** a and two routers on one LAN; a's default is r1, and r1 reaches 10.9.0.0/24 through r2 on the same LAN. */
const lab = (r1More = '') => `name: redirect
switches: [lan, far]
hosts:
  a:
    interfaces: { eth0: lan }
    run: |
      ip addr add 192.168.1.10/24 dev eth0
      ip route add default via 192.168.1.1
  r1:
    interfaces: { eth0: lan }
    run: |
      ip addr add 192.168.1.1/24 dev eth0
      ip route add 10.9.0.0/24 via 192.168.1.2
      sysctl -w net.ipv4.ip_forward=1
${r1More}
  r2:
    interfaces: { eth0: lan, eth1: far }
    run: |
      ip addr add 192.168.1.2/24 dev eth0
      ip addr add 10.9.0.1/24 dev eth1
      sysctl -w net.ipv4.ip_forward=1
  b:
    interfaces: { eth0: far }
    run: |
      ip addr add 10.9.0.10/24 dev eth0
      ip route add default via 10.9.0.1
`;

const redirects = (text: string) =>
  tracePacket(labWorld(text), { from: { host: 'a', netns: '' }, to: '10.9.0.10', proto: 'icmp' })
    .request.steps.filter((s) => s.data?.redirect !== undefined)
    .map((s) => ({ host: s.host, detail: s.detail }));

describe('walk: ICMP redirects are named, not sent', () => {
  it('r1 sends the packet back out of eth0 to r2: the step says Linux would send a redirect, and that the walk does not', () => {
    assert.deepEqual(redirects(lab()), [
      {
        host: 'r1',
        detail: {
          en: "r1 sends the packet back out of eth0, where it came in, to 192.168.1.2, which 192.168.1.10 can reach directly: Linux also sends 192.168.1.10 an ICMP redirect (use 192.168.1.2; net.ipv4.conf.eth0.send_redirects is 1). knetlab does not simulate redirects: this trace, and the sender's later packets, keep the sender's own route.",
          ko: 'r1이 패킷을 들어온 인터페이스 eth0으로 다시 내보내 192.168.1.2로 보냅니다. 192.168.1.2는 192.168.1.10에서도 바로 닿는 주소라서 리눅스는 192.168.1.10에 ICMP redirect(192.168.1.2로 직접 보내라는 알림)도 보냅니다 (net.ipv4.conf.eth0.send_redirects가 1). knetlab은 redirect를 시뮬레이션하지 않으므로 이 추적과 송신자의 이후 패킷은 송신자의 라우트를 그대로 따릅니다.',
        },
      },
    ]);
  });

  it('with send_redirects off in all and on the device there is nothing to say; either one on is enough', () => {
    const off = '      sysctl -w net.ipv4.conf.all.send_redirects=0\n      sysctl -w net.ipv4.conf.eth0.send_redirects=0';
    assert.deepEqual(redirects(lab(off)), []);
    assert.equal(redirects(lab('      sysctl -w net.ipv4.conf.all.send_redirects=0')).length, 1);
  });

  it('a router that forwards to another interface sends no redirect', () => {
    const t = tracePacket(labWorld(lab()), { from: { host: 'a', netns: '' }, to: '10.9.0.10', proto: 'icmp' });
    assert.equal(t.verdict, 'replied');
    assert.equal(t.legs.flatMap((l) => l.steps).filter((s) => s.data?.redirect !== undefined && s.host === 'r2').length, 0);
  });
});
