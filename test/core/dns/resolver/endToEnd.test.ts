import { strict as assert } from 'node:assert';
import { resolveName } from '../../../../src/core/dns/resolver/index';
import { gatewayWorld } from '../../../support/world';
import { rr, serveDns, ToyServer } from '../../../support/dns';
import { writeFile } from '../../../../src/core/sim/kernel';

describe('resolveName: a first lookup end to end', () => {
  it('getaddrinfo: files has nothing, dns answers through the search list, A and AAAA asked', () => {
    const w = gatewayWorld(true);
    const toy = new ToyServer([rr('web.example.com. A 10.0.0.5')]);
    serveDns(w.ns('b'), toy);
    writeFile(w.world.hosts.get('a')!, '/etc/resolv.conf', 'nameserver 192.168.2.10\nsearch example.com\n');
    const l = resolveName(w.world, { from: { host: 'a', netns: '' }, name: 'web', tool: 'getaddrinfo' });
    assert.equal(l.status, 'success');
    assert.equal(l.answeredBy, 'dns');
    assert.deepEqual(
      l.answers.map((a) => `${a.name} ${a.type} ${a.data}`),
      ['web.example.com. A 10.0.0.5'],
    );
    assert.deepEqual(
      l.queries.map((q) => `${q.type}? ${q.name} ${q.server} ${q.rcode}`),
      ['A? web.example.com. 192.168.2.10#53 NOERROR', 'AAAA? web.example.com. 192.168.2.10#53 NOERROR'],
    );
    assert.deepEqual(toy.log, ['A? web.example.com.', 'AAAA? web.example.com.']);
    assert.equal(l.elapsedMs, 0);
    assert.deepEqual(
      l.legs.map((g) => `${g.kind} ${g.label?.en}`),
      [
        'query DNS query A? web.example.com. to 192.168.2.10',
        'answer DNS answer NOERROR web.example.com. A 10.0.0.5 from 192.168.2.10',
        'query DNS query AAAA? web.example.com. to 192.168.2.10',
        'answer DNS answer NOERROR AAAA? web.example.com. from 192.168.2.10',
      ],
    );
    assert.deepEqual(
      l.legs.map((g) => g.answers),
      [undefined, 0, undefined, 2],
    );
  });
});
