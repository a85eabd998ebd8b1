/** Sending from a namespace's own stack: a destination of 0.0.0.0 is the host itself (kernel 6.18, oracle scenario 92). */
import { strict as assert } from 'node:assert';
import { tracePacket } from '../../../../src/core/datapath/walk';
import { fixture } from '../../../support/commands';
import { W } from '../../../support/world';

describe('walk: sending to 0.0.0.0', () => {
  it('a ping to 0.0.0.0 goes to 127.0.0.1 through lo and is answered from there', () => {
    const w = new W();
    const a = w.host('a', { eth0: 'lan' });
    w.addr(a, 'eth0', '10.0.0.1/24');
    const res = tracePacket(w.world, { from: { host: 'a', netns: '' }, to: '0.0.0.0', proto: 'icmp' });
    assert.equal(res.verdict, 'replied');
    assert.equal(res.request.steps[0]!.packet!.ip.dst, '127.0.0.1');
    const route = res.request.steps.find((s) => s.stage === 'route')!;
    assert.equal(route.detail.en, '0.0.0.0 stands for a itself: the kernel sends the packet to 127.0.0.1, out through lo.');
    assert.equal(route.detail.ko, '0.0.0.0은 a 자신을 뜻합니다. 커널은 패킷을 127.0.0.1로 보내며 lo로 나갑니다.');
  });

  it('a TCP connect to 0.0.0.0 with nothing listening is refused by the host itself', () => {
    const w = new W();
    w.host('a', { eth0: 'lan' });
    const res = tracePacket(w.world, { from: { host: 'a', netns: '' }, to: '0.0.0.0', proto: 'tcp', port: 81 });
    assert.equal(res.verdict, 'refused');
    assert.equal(res.reply.steps.at(-1)!.host, 'a');
  });

  it('ip route get 0.0.0.0 answers with lo and 127.0.0.1, as the kernel does; with from, the source is the destination', () => {
    const f = fixture(['eth0']);
    f.ok('ip link set lo up', 'ip addr add 10.0.0.1/24 dev eth0', 'ip link set eth0 up');
    assert.equal(f.sh('ip route get 0.0.0.0').stdout, 'local 0.0.0.0 dev lo src 127.0.0.1 uid 0 \n    cache <local> \n');
    assert.equal(f.sh('ip route get 0.0.0.0 from 10.0.0.1').stdout, 'local 0.0.0.0 from 10.0.0.1 dev lo uid 0 \n    cache <local> \n');
  });
});
