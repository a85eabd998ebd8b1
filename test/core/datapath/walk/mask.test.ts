/**
 * A wrong mask read off the wiring (src/core/datapath/walk/mask.ts): an address whose prefix
 * length differs from the one its segment uses for the same subnet. The verdicts are the kernel's
 * (a /8 makes a connected route that takes a far address on-link; a /28 leaves a neighbour out of
 * every route); the sentences name the address, its line and the addresses that disagree.
 */
import { strict as assert } from 'node:assert';
import { tracePacket } from '../../../../src/core/datapath/walk';
import { traceCauses } from '../../../../src/core/datapath/causes';
import { labWorld } from '../../../support/world';

/** a on lan, with `aRun`; r on lan (192.168.1.1/24) and lan9; c on lan (192.168.1.30/24). */
const lab = (aRun: string, cAddr = '192.168.1.30/24') => `name: mask
switches: [lan, lan9]
hosts:
  a:
    interfaces: { eth0: lan }
    run: |
${aRun
  .split('\n')
  .map((l) => `      ${l}`)
  .join('\n')}
  r:
    interfaces: { eth0: lan, eth1: lan9 }
    run: |
      ip addr add 192.168.1.1/24 dev eth0
      ip addr add 192.168.9.1/24 dev eth1
      sysctl -w net.ipv4.ip_forward=1
  c:
    interfaces: { eth0: lan }
    run: |
      ip addr add ${cAddr} dev eth0
  far:
    interfaces: { eth0: lan9 }
    run: |
      ip addr add 192.168.9.9/24 dev eth0
      ip route add default via 192.168.9.1
`;

const ping = (text: string, to: string) => tracePacket(labWorld(text), { from: { host: 'a', netns: '' }, to, proto: 'icmp' });

describe('walk: a wrong mask', () => {
  it('too wide: a far address looks on-link; the trace names the address, its line and the segment’s mask', () => {
    const res = ping(lab('ip addr add 192.168.1.10/16 dev eth0\nip route add default via 192.168.1.1'), '192.168.9.9');
    assert.equal(res.verdict, 'host-unreachable');
    const neigh = res.request.steps.find((s) => s.stage === 'neigh' && s.data?.['answered'] === false)!;
    assert.match(
      neigh.detail.en,
      /Wrong mask: a eth0 has 192\.168\.1\.10\/16, and with that mask 192\.168\.9\.9 looks on its own link \("192\.168\.0\.0\/16 dev eth0"\), so it is asked for by ARP instead of sent to a gateway\. The others on this segment use \/24 \(r eth0 192\.168\.1\.1\/24, c eth0 192\.168\.1\.30\/24\), and 192\.168\.9\.9 is not in their subnet\./,
    );
    assert.match(
      neigh.detail.ko,
      /서브넷 마스크가 잘못되었습니다\. a eth0의 주소는 192\.168\.1\.10\/16입니다\. 이 마스크로는 192\.168\.9\.9가 같은 링크에/,
    );
    assert.match(neigh.detail.ko, /다른 주소는 \/24를 쓰고/);
    assert.equal(neigh.source?.line, 7);
    assert.deepEqual(
      traceCauses(res).map((c) => c.cause),
      ['wrong-mask', 'host-unreachable'],
    );
    // With the segment's /24 the default route takes it, and r forwards.
    assert.equal(ping(lab('ip addr add 192.168.1.10/24 dev eth0\nip route add default via 192.168.1.1'), '192.168.9.9').verdict, 'replied');
  });

  it('too narrow: a neighbour of the segment is outside every route', () => {
    const res = ping(lab('ip addr add 192.168.1.10/28 dev eth0'), '192.168.1.30');
    assert.equal(res.verdict, 'no-route');
    assert.match(
      res.reason.en,
      /Wrong mask: a eth0 has 192\.168\.1\.10\/28, a subnet too small to hold 192\.168\.1\.30, though 192\.168\.1\.30 is on its segment: the others there use \/24 \(r eth0 192\.168\.1\.1\/24, c eth0 192\.168\.1\.30\/24\)\./,
    );
    assert.match(res.reason.ko, /192\.168\.1\.10\/28의 서브넷은 너무 작아서 192\.168\.1\.30을 포함하지 못합니다/);
    assert.deepEqual(
      traceCauses(res).map((c) => c.cause),
      ['wrong-mask', 'no-route'],
    );
  });

  it('no wrong mask where the segment agrees, or the address is not on the segment', () => {
    // Nobody owns 192.168.1.99: the masks agree, it is only host-unreachable.
    const absent = ping(lab('ip addr add 192.168.1.10/24 dev eth0'), '192.168.1.99');
    assert.deepEqual(
      traceCauses(absent).map((c) => c.cause),
      ['host-unreachable'],
    );
    // a's /28 and no route to a far network: 192.168.9.9 is on no segment of a, so the mask is not to blame.
    const far = ping(lab('ip addr add 192.168.1.10/28 dev eth0'), '192.168.9.9');
    assert.deepEqual(
      traceCauses(far).map((c) => c.cause),
      ['no-route'],
    );
    // A /16 that c shares: a is not the odd one out, so its mask is not blamed (r's /24 may be the odd one).
    const shared = ping(lab('ip addr add 192.168.1.10/16 dev eth0', '192.168.1.30/16'), '192.168.200.1');
    assert.deepEqual(
      traceCauses(shared).map((c) => c.cause),
      ['host-unreachable'],
    );
  });
});
