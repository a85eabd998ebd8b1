/** The legs of a plain trace: the request always first, the reply when something came back, the same objects as request and reply. */
import { strict as assert } from 'node:assert';
import { tracePacket } from '../../../src/core/datapath/walk';
import { W } from '../../support/world';

function lan(): W {
  const w = new W();
  const a = w.host('a', { eth0: 'lan' });
  const b = w.host('b', { eth0: 'lan' });
  w.addr(a, 'eth0', '10.0.0.1/24').addr(b, 'eth0', '10.0.0.2/24');
  return w;
}

describe('trace legs', () => {
  it('a ping: request and reply, in order, the reply answering the request', () => {
    const res = tracePacket(lan().world, { from: { host: 'a', netns: '' }, to: '10.0.0.2', proto: 'icmp' });
    assert.equal(res.legs.length, 2);
    assert.equal(res.legs[0], res.request);
    assert.equal(res.legs[1], res.reply);
    assert.deepEqual(
      res.legs.map((l) => [l.kind, l.answers]),
      [
        ['request', undefined],
        ['reply', 0],
      ],
    );
  });

  it('nothing sent back: the request alone; the reply is empty and not among the legs', () => {
    const w = lan();
    w.world.hosts.get('b')!.sockets.push({ proto: 'udp', port: 53, netns: '' });
    const res = tracePacket(w.world, { from: { host: 'a', netns: '' }, to: '10.0.0.2', proto: 'udp', port: 53 });
    assert.equal(res.verdict, 'replied');
    assert.deepEqual(res.legs, [res.request]);
    assert.equal(res.reply.steps.length, 0);
  });

  it('a trace that cannot start still has its (empty) request leg', () => {
    const res = tracePacket(lan().world, { from: { host: 'nope', netns: '' }, to: '10.0.0.2', proto: 'icmp' });
    assert.equal(res.verdict, 'dropped');
    assert.deepEqual(res.legs, [res.request]);
    assert.equal(res.request.steps.length, 0);
  });
});
