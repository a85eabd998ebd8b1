/** What decided a name lookup's own step, for the panel's detail (src/core/view/traceLookup.ts through decisionOf). */
import { strict as assert } from 'node:assert';
import { decisionOf } from '../../../src/core/view/trace';
import type { Step } from '../../../src/core/datapath/trace';

const step = (data: Record<string, unknown>): Step => ({
  host: 'client',
  netns: '',
  stage: 'resolve',
  detail: { en: 'x', ko: 'x' },
  data,
});

describe('trace step detail: a name lookup step', () => {
  it('a query: the server it went to, and the other facts as fields', () => {
    const d = decisionOf(step({ lookup: 'query', query: 0, server: '10.96.0.10#53', timeoutMs: 5000 }));
    assert.equal(d.kind, 'lookup');
    if (d.kind !== 'lookup') return;
    assert.equal(d.step, 'query');
    assert.equal(d.server, '10.96.0.10#53');
    assert.match(d.what.en, /^A DNS query to 10\.96\.0\.10#53 \(a nameserver line of \/etc\/resolv\.conf/);
    assert.match(d.what.ko, /^10\.96\.0\.10#53에 보내는 DNS 질의입니다/);
    assert.deepEqual(d.fields, [
      { key: 'query', value: '0' },
      { key: 'timeoutMs', value: '5000' },
    ]);
  });

  it('each kind says what it read: nsswitch.conf, /etc/hosts, the search list, the timeout, the answer taken', () => {
    const what = (kind: string) => {
      const d = decisionOf(step({ lookup: kind }));
      return d.kind === 'lookup' ? d.what.en.split(/[:,]/)[0] : d.kind;
    };
    assert.deepEqual(['nsswitch', 'hosts', 'search', 'timeout', 'answer'].map(what), [
      'The hosts',
      '/etc/hosts',
      "/etc/resolv.conf's search list and ndots",
      "No answer within resolv.conf's timeout",
      'The answer the resolver takes.',
    ]);
  });

  it('a note, or a step with no kind: its data as fields', () => {
    assert.deepEqual(decisionOf(step({ lookup: 'note', source: 'mdns4' })), {
      kind: 'data',
      fields: [
        { key: 'lookup', value: 'note' },
        { key: 'source', value: 'mdns4' },
      ],
    });
    assert.equal(decisionOf({ ...step({}), data: undefined }).kind, 'data');
  });
});
