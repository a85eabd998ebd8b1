import { strict as assert } from 'node:assert';
import { exchange } from '../../../../src/core/dns/transport/index';
import { makeQuery, resolveName } from '../../../../src/core/dns/resolver/index';
import { newSession } from '../../../../src/core/dns/msg';
import { setLinkUp } from '../../../../src/core/sim/kernel';
import { gatewayWorld } from '../../../support/world';
import { rr, serveDns, ToyServer } from '../../../support/dns';

describe('dns transport: a server on the client host itself', () => {
  it('a query to 127.0.0.1 goes through lo to a server bound there', () => {
    const w = gatewayWorld(true);
    setLinkUp(w.link(w.ns('a'), 'lo'), true);
    const toy = new ToyServer([rr('web.example.com. A 10.0.0.5')]);
    serveDns(w.ns('a'), toy, '127.0.0.1');
    const r = exchange(w.world, {
      from: { host: 'a', netns: '' },
      server: '127.0.0.1',
      msg: makeQuery('web.example.com', 'A', { id: 1 }),
      session: newSession(),
      timeoutMs: 5000,
    });
    assert.equal(r.status, 'reply', r.reason.en);
    // No resolv.conf: glibc asks 127.0.0.1, and the local server answers.
    const l = resolveName(w.world, { from: { host: 'a', netns: '' }, name: 'web.example.com', tool: 'getaddrinfo' });
    assert.equal(l.status, 'success');
    assert.deepEqual(toy.log, ['A? web.example.com.', 'A? web.example.com.', 'AAAA? web.example.com.']);
  });
});
