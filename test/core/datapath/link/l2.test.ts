/** Layer 2: a frame that comes back to a bridge or switch it crossed is a loop, a broadcast storm; the trace says so and stops. */
import { strict as assert } from 'node:assert';
import { tracePacket } from '../../../../src/core/datapath/walk';
import { labWorld } from '../../../support/world';

const LOOP = `name: l2-loop
switches: [lan]
hosts:
  a:
    interfaces:
      eth0: lan
    run: |
      ip addr add 10.0.0.1/24 dev eth0
  sw:
    interfaces:
      eth0: lan
    run: |
      ip link add br0 type bridge
      ip link add br1 type bridge
      ip link set eth0 master br0
      ip link add v0 type veth peer name v1
      ip link add w0 type veth peer name w1
      ip link set v0 master br0
      ip link set v1 master br1
      ip link set w0 master br0
      ip link set w1 master br1
      ip netns add blue
      ip link add vb type veth peer name eth0 netns blue
      ip link set vb master br1
      ip -n blue addr add 10.0.0.2/24 dev eth0
      ip -n blue link set eth0 up
      ip link set br0 up
      ip link set br1 up
      ip link set v0 up
      ip link set v1 up
      ip link set w0 up
      ip link set w1 up
      ip link set vb up
`;

describe('layer 2: loops', () => {
  it('two bridges joined twice: the ARP broadcast comes back to br0, and the trace names the loop and its lines', () => {
    const res = tracePacket(labWorld(LOOP), { from: { host: 'a', netns: '' }, to: '10.0.0.2', proto: 'icmp' });
    assert.equal(res.verdict, 'dropped');
    assert.equal(
      res.reason.en,
      'Layer-2 loop: the broadcast came back to bridge br0 through sw w0. Nothing breaks the loop (Linux bridges run no STP unless it is turned on), ' +
        'so every broadcast circles for ever and is copied at each pass: a broadcast storm, and nothing gets through. ' +
        'The loop: sw v0 -> sw v1 -> sw w1 -> sw w0. The lines that make the loop: 18, 19, 20, 21.',
    );
    assert.equal(
      res.reason.ko,
      '2계층 루프: 브로드캐스트가 sw w0을 거쳐 브리지 br0으로 되돌아왔습니다. 루프를 끊어 줄 STP가 없어서(리눅스 브리지는 켜지 않으면 STP를 쓰지 않습니다) ' +
        '브로드캐스트가 끝없이 돌면서 지날 때마다 복제됩니다. 브로드캐스트 스톰이 일어나 어떤 패킷도 전달되지 않습니다. ' +
        '루프: sw v0 -> sw v1 -> sw w1 -> sw w0. 이 루프를 만든 줄: 18, 19, 20, 21행.',
    );
    assert.equal(res.source?.line, 21);
    const drop = res.request.steps.at(-1)!;
    assert.equal(drop.host, 'sw');
    assert.deepEqual(drop.data?.['lines'], [18, 19, 20, 21]);
  });

  it('without the second join the same lab answers', () => {
    const res = tracePacket(labWorld(LOOP.replace('      ip link set w1 master br1\n', '')), {
      from: { host: 'a', netns: '' },
      to: '10.0.0.2',
      proto: 'icmp',
    });
    assert.equal(res.verdict, 'replied');
  });

  it('a host bridging two NICs cabled to the same switch makes a loop through the switch', () => {
    const lab = `name: sw-loop
switches: [lan]
hosts:
  a:
    interfaces:
      eth0: lan
    run: |
      ip addr add 10.0.0.1/24 dev eth0
  b:
    interfaces:
      eth0: lan
      eth1: lan
    run: |
      ip link add br0 type bridge
      ip link set eth0 master br0
      ip link set eth1 master br0
      ip link set br0 up
`;
    const res = tracePacket(labWorld(lab), { from: { host: 'a', netns: '' }, to: '10.0.0.9', proto: 'icmp' });
    assert.equal(res.verdict, 'dropped');
    assert.match(res.reason.en, /^Layer-2 loop: the broadcast came back to (switch lan|bridge br0)/);
  });
});
