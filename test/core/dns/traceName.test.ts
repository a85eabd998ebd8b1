/** A trace to a name (src/core/dns/traceName.ts, gai.ts): getaddrinfo's words, the first address, the lookup's legs before the packet's. */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { buildWorld, loadLab, tracePacket } from '../../../src/core/index';
import { gaiError, unresolvedReason } from '../../../src/core/dns/gai';
import { firstAddress, traceName } from '../../../src/core/dns/traceName';
import { viaCname, viaDns, viaFiles } from '../../support/lookup';

describe('dns: a trace to a name', () => {
  it("getaddrinfo's words for each way a lookup fails, as gai_strerror prints them", () => {
    assert.equal(gaiError('notfound'), 'Name or service not known');
    assert.equal(gaiError('nodata'), 'No address associated with hostname');
    assert.equal(gaiError('tryagain'), 'Temporary failure in name resolution');
    assert.deepEqual(unresolvedReason('web', 'notfound', 'icmp'), {
      en: 'ping: web: Name or service not known',
      ko: 'ping: web: Name or service not known (이름을 찾지 못했습니다)',
    });
    assert.deepEqual(unresolvedReason('web', 'tryagain', 'tcp'), {
      en: 'web: Temporary failure in name resolution',
      ko: 'web: Temporary failure in name resolution (응답한 DNS 서버가 없습니다)',
    });
  });

  it('the first address of a lookup, skipping other records', () => {
    assert.equal(firstAddress(viaDns), '192.168.2.20');
    assert.equal(firstAddress(viaFiles), '192.168.2.21');
    assert.equal(
      firstAddress({ ...viaCname, answers: [{ name: 'www.', type: 'CNAME', ttl: 1, data: 'web.' }, ...viaCname.answers] }),
      '192.168.2.20',
    );
    assert.equal(firstAddress({ ...viaDns, answers: [] }), undefined);
  });

  const world = () => {
    const loaded = loadLab(readFileSync('labs/02-gateway/lab.yaml', 'utf8'), { file: 'lab.yaml' });
    return buildWorld(loaded.lab!).world;
  };

  it('an address is traced as tracePacket does, with no lookup', () => {
    const w = world();
    const req = { from: { host: 'a', netns: '' }, to: '192.168.2.10', proto: 'icmp' as const };
    const t = traceName(w, req);
    assert.equal(t.lookup, undefined);
    assert.equal(t.address, '192.168.2.10');
    assert.deepEqual(t.result, tracePacket(w, req));
  });

  it('a name that does not resolve ends with no packet sent, verdict unresolved', () => {
    const t = traceName(world(), { from: { host: 'a', netns: '' }, to: 'nosuch', proto: 'icmp' });
    assert.ok(t.lookup);
    assert.equal(t.address, undefined);
    assert.equal(t.result.verdict, 'unresolved');
    assert.equal(t.result.replied, false);
    assert.match(t.result.reason.en, /^ping: nosuch: (Name or service not known|Temporary failure in name resolution)$/);
    assert.ok(t.result.legs.every((l) => l.kind === 'lookup' || l.kind === 'query' || l.kind === 'answer'));
    // The resolver's own steps come first, at the client, with no packet: the nsswitch source, /etc/hosts.
    const first = t.result.legs[0]!;
    assert.equal(first.kind, 'lookup');
    assert.ok(first.steps.every((s) => s.stage === 'resolve' && s.host === 'a' && s.packet === undefined));
    assert.equal(t.result.legs.at(-1)!.kind, 'lookup', "the lookup's ending is its last leg");
  });
});
