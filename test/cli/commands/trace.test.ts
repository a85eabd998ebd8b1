/** `knetlab trace`: every leg of a trace, in JSON and in text. */
import { strict as assert } from 'node:assert';
import { traceJson, traceText } from '../../../src/cli/commands/trace';
import type { Step, TraceResult } from '../../../src/core';
import { run, tmpLab } from '../../support/cli';

describe('knetlab trace: legs', () => {
  const step = (host: string, stage: Step['stage'], en: string): Step => ({
    host,
    netns: '',
    stage,
    packet: { ip: { src: '10.0.0.1', dst: '10.0.0.2', ttl: 64, proto: 'udp' } },
    detail: { en, ko: `${en} (ko)` },
  });

  it('JSON: legs holds every leg, in the same form as request.steps; request and reply stay as they were', () => {
    const j = run('trace', 'labs/02-gateway', '--from', 'a', '--to', '192.168.2.10', '--format', 'json');
    const obj = JSON.parse(j.out);
    assert.deepEqual(Object.keys(obj), ['replied', 'verdict', 'reason', 'request', 'reply', 'legs', 'warnings']);
    assert.deepEqual(obj.legs, [
      { kind: 'request', steps: obj.request.steps },
      { kind: 'reply', answers: 0, steps: obj.reply.steps },
    ]);
    // A trace that got no reply has one leg.
    const none = JSON.parse(run('trace', 'labs/02-gateway', '--from', 'a', '--to', '192.168.4.10', '--format', 'json').out);
    assert.equal(none.replied, false);
    assert.deepEqual(
      none.legs.map((l: { kind: string }) => l.kind),
      none.reply.steps.length ? ['request', 'reply'] : ['request'],
    );
  });

  it('text: a plain trace prints Request then Reply, as before', () => {
    const t = run('trace', 'labs/02-gateway', '--from', 'a', '--to', '192.168.2.10');
    const blocks = t.out.split('\n\n');
    assert.equal(blocks.length, 3, t.out);
    assert.match(blocks[1]!, /^Request:\n {2}1\. \[a\] send: /);
    assert.match(blocks[2]!, /^Reply:\n {2}1\. \[b eth0\] /);
  });

  // A name lookup before the connection, and a proxied connection: the legs a walk may give.
  const query = {
    kind: 'query' as const,
    label: { en: 'DNS query for web', ko: 'web의 DNS 질의' },
    steps: [step('a', 'send', 'a asks the resolver.')],
  };
  const answer = { kind: 'answer' as const, answers: 0, steps: [step('dns', 'deliver', 'dns answers 10.0.0.2.')] };
  const request = { kind: 'request' as const, steps: [step('a', 'send', 'a sends.'), step('lb', 'deliver', 'lb accepts.')] };
  const proxied = {
    kind: 'request' as const,
    label: { en: 'proxied to 10.0.0.9:80', ko: '10.0.0.9:80으로 전달' },
    parent: 2,
    steps: [step('lb', 'send', 'lb connects.')],
  };
  const proxiedReply = { kind: 'reply' as const, answers: 3, steps: [step('web', 'deliver', 'web answers.')] };
  const reply = { kind: 'reply' as const, answers: 2, steps: [step('lb', 'send', 'lb answers.'), step('a', 'deliver', 'a gets it.')] };
  const res: TraceResult = {
    replied: true,
    verdict: 'replied',
    reason: { en: 'a got its answer.', ko: 'a가 답을 받았습니다.' },
    request,
    reply,
    legs: [query, answer, request, proxied, proxiedReply, reply],
  };

  it('text prints every leg in walk order, with its label', () => {
    const text = traceText(res, 'a', 'web', 'tcp', 80, 'en');
    assert.equal(
      text,
      [
        'a -> web tcp/80: REPLIED: a got its answer.',
        '',
        'Query (DNS query for web):',
        '  1. [a] send: a asks the resolver.',
        '',
        'Answer:',
        '  1. [dns] deliver: dns answers 10.0.0.2.',
        '',
        'Request:',
        '  1. [a] send: a sends.',
        '  2. [lb] deliver: lb accepts.',
        '',
        'Request (proxied to 10.0.0.9:80):',
        '  1. [lb] send: lb connects.',
        '',
        'Reply:',
        '  1. [web] deliver: web answers.',
        '',
        'Reply:',
        '  1. [lb] send: lb answers.',
        '  2. [a] deliver: a gets it.',
        '',
      ].join('\n'),
    );
    const ko = traceText(res, 'a', 'web', 'tcp', 80, 'ko');
    assert.match(ko, /\n질의 \(web의 DNS 질의\):\n/);
    assert.match(ko, /\nDNS 응답:\n/);
    assert.match(ko, /\n요청 \(10\.0\.0\.9:80으로 전달\):\n/);
  });

  it('JSON gives each leg its kind, label, answers, parent and steps', () => {
    const j = JSON.parse(JSON.stringify(traceJson(res, 'ko')));
    assert.deepEqual(
      j.legs.map((l: Record<string, unknown>) => ({ ...l, steps: (l['steps'] as { detail: string }[]).map((s) => s.detail) })),
      [
        { kind: 'query', label: 'web의 DNS 질의', steps: ['a asks the resolver. (ko)'] },
        { kind: 'answer', answers: 0, steps: ['dns answers 10.0.0.2. (ko)'] },
        { kind: 'request', steps: ['a sends. (ko)', 'lb accepts. (ko)'] },
        { kind: 'request', label: '10.0.0.9:80으로 전달', parent: 2, steps: ['lb connects. (ko)'] },
        { kind: 'reply', answers: 3, steps: ['web answers. (ko)'] },
        { kind: 'reply', answers: 2, steps: ['lb answers. (ko)', 'a gets it. (ko)'] },
      ],
    );
    assert.deepEqual(j.request.steps, j.legs[2].steps);
    assert.deepEqual(j.reply.steps, j.legs[5].steps);
    // Legs without a kind (written before legs had kinds): the first is the request, the rest replies.
    const old = traceJson({ ...res, legs: [{ steps: request.steps }, { steps: reply.steps }] }, 'en');
    assert.deepEqual(
      old.legs.map((l) => l.kind),
      ['request', 'reply'],
    );
  });
});

describe('knetlab trace --seed', () => {
  const lab = () =>
    tmpLab(`name: split
switches: [lan]
hosts:
  h:
    interfaces: { eth0: lan }
    run: |
      ip addr add 10.0.0.1/24 dev eth0
      iptables -t nat -A OUTPUT -p tcp -d 10.0.0.1 --dport 80 -m statistic --mode random --probability 0.5 -j REDIRECT --to-ports 8080
      iptables -t nat -A OUTPUT -p tcp -d 10.0.0.1 --dport 80 -j REDIRECT --to-ports 8081
    serve: [tcp/8080, tcp/8081]
`);

  it('picks the statistic branch: the same seed, the same trace; seeds differ in their branch', () => {
    const dir = lab();
    const port = (seed: string) => {
      const j = JSON.parse(
        run('trace', dir, '--from', 'h', '--to', '10.0.0.1', '--proto', 'tcp', '--port', '80', '--seed', seed, '--format', 'json').out,
      );
      return j.request.steps.at(-1).packet.tcp.dport as number;
    };
    const seen = new Set<number>();
    for (const seed of ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']) {
      assert.equal(port(seed), port(seed));
      seen.add(port(seed));
    }
    assert.deepEqual([...seen].sort(), [8080, 8081]);
  });

  it('refuses a seed that is not a 32-bit number', () => {
    const r = run('trace', lab(), '--from', 'h', '--to', '10.0.0.1', '--seed', '-1');
    assert.equal(r.code, 2);
    assert.match(r.err, /"-1" is not a seed \(0-4294967295\)/);
  });
});
