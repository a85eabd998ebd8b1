/** A lookup as legs of a trace (src/core/dns/lookupLegs.ts): the resolver's own steps between its queries' legs. */
import { strict as assert } from 'node:assert';
import { lookupLegs } from '../../../src/core/dns/lookupLegs';
import type { Lookup } from '../../../src/core/dns/lookup';
import type { Leg } from '../../../src/core/datapath/trace';
import { step, viaDns } from '../../support/lookup';

const d = (en: string) => ({ en, ko: en });

/** web: files, then two queries; the first server forwards (an upstream query and answer under it), the second does not answer. */
const legs: Leg[] = [
  { kind: 'query', steps: [step('client', 'send', 'q1', 'q1')] },
  { kind: 'query', parent: 0, steps: [step('dns', 'send', 'up', 'up')] },
  { kind: 'answer', parent: 0, answers: 1, steps: [step('upstream', 'send', 'up answer', 'up answer')] },
  { kind: 'answer', answers: 0, steps: [step('dns', 'send', 'a1', 'a1')] },
  { kind: 'query', steps: [step('client', 'send', 'q2', 'q2')] },
];
const lookup: Lookup = {
  ...viaDns,
  queries: [
    { name: 'web.', type: 'A', server: '10.0.0.53#53', rcode: 'NOERROR', legs: [0, 1, 2, 3] },
    { name: 'web.', type: 'AAAA', server: '10.0.0.54#53', rcode: 'TIMEOUT', legs: [4] },
  ],
  steps: [
    {
      kind: 'hosts',
      detail: d('/etc/hosts has no line for web.'),
      source: { file: '/etc/hosts', line: 1, column: 1, endLine: 1, endColumn: 2 },
    },
    { kind: 'nsswitch', detail: d('files: NOTFOUND') },
    { kind: 'query', query: 0, detail: d('Query A? web.'), data: { legs: [0, 1, 2, 3], timeoutMs: 5000 } },
    { kind: 'server', query: 0, plugin: 'forward', detail: d('forwards') },
    { kind: 'answer', query: 0, detail: d('Answer from 10.0.0.53#53') },
    { kind: 'query', query: 1, detail: d('Query AAAA? web.'), data: { legs: [4], timeoutMs: 5000 } },
    { kind: 'timeout', query: 1, detail: d('no answer in 5 s'), data: { waitedMs: 5000 } },
    { kind: 'answer', detail: d('web: 192.168.2.20 (from dns).') },
  ],
  legs,
};

describe('dns: a lookup as legs of a trace', () => {
  const out = lookupLegs(lookup);
  const text = (l: Leg) => `${l.kind}: ${l.steps.map((s) => s.detail.en).join(' | ')}`;

  it("the resolver's steps up to each query (the query last), then that query's legs; the rest after the last", () => {
    assert.deepEqual(out.map(text), [
      'lookup: /etc/hosts has no line for web. | files: NOTFOUND | Query A? web.',
      'query: q1',
      'query: up',
      'answer: up answer',
      'answer: a1',
      'lookup: Answer from 10.0.0.53#53 | Query AAAA? web.',
      'query: q2',
      'lookup: no answer in 5 s | web: 192.168.2.20 (from dns).',
    ]);
  });

  it("a server's steps are not repeated: they are in its query's legs already", () => {
    assert.ok(!out.flatMap((l) => l.steps).some((s) => s.detail.en === 'forwards'));
  });

  it('resolve steps: at the client, no packet, the step kind and facts in data (the query and its server), the source kept', () => {
    const s = out[0]!.steps;
    assert.deepEqual(
      s.map((x) => [x.host, x.netns, x.stage, x.packet]),
      s.map(() => ['client', '', 'resolve', undefined]),
    );
    assert.deepEqual(s[0]!.source, { file: '/etc/hosts', line: 1, column: 1, endLine: 1, endColumn: 2 });
    assert.deepEqual(s[2]!.data, { lookup: 'query', query: 0, server: '10.0.0.53#53', timeoutMs: 5000 });
    assert.deepEqual(out[0]!.label, { en: 'getaddrinfo for web', ko: 'web에 대한 getaddrinfo' });
  });

  it('answers and parent follow the legs to their new places', () => {
    const at = (en: string) => out.findIndex((l) => l.steps[0]?.detail.en === en);
    assert.equal(out[at('up')]!.parent, at('q1'));
    assert.equal(out[at('up answer')]!.parent, at('q1'));
    assert.equal(out[at('up answer')]!.answers, at('up'));
    assert.equal(out[at('a1')]!.answers, at('q1'));
    assert.equal(out[at('q2')]!.answers, undefined);
  });

  it('a lookup from the files alone is one lookup leg; one with no steps, none', () => {
    const files: Lookup = { ...lookup, queries: [], legs: [], steps: lookup.steps.slice(0, 2) };
    assert.deepEqual(
      lookupLegs(files).map((l) => l.kind),
      ['lookup'],
    );
    assert.deepEqual(lookupLegs({ ...files, steps: [] }), []);
  });
});
