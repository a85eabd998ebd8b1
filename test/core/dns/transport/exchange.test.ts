import { strict as assert } from 'node:assert';
import { exchange, ARP_FAIL_MS, concatLegs, dnsPayload, dnsSummary, messageOf, sessionOf } from '../../../../src/core/dns/transport/index';
import { makeQuery } from '../../../../src/core/dns/resolver/index';
import { newSession } from '../../../../src/core/dns/msg';
import type { Leg } from '../../../../src/core/datapath/trace';
import { gatewayWorld } from '../../../support/world';
import { response, rr, serveDns, ToyServer } from '../../../support/dns';

const A = { host: 'a', netns: '' };
const q = (name = 'web.example.com', type = 'A') => makeQuery(name, type, { id: 7 });

describe('dns transport: payloads', () => {
  it('summarises a query and its answers as dig would name them', () => {
    assert.equal(dnsSummary(q()), 'A? web.example.com.');
    assert.equal(dnsSummary(response(q(), 'NOERROR', [rr('web.example.com. A 10.0.0.5')])), 'NOERROR web.example.com. A 10.0.0.5');
    assert.equal(
      dnsSummary(
        response(q('www.example.com'), 'NOERROR', [rr('www.example.com. CNAME web.example.com.'), rr('web.example.com. A 10.0.0.5')]),
      ),
      'NOERROR www.example.com. CNAME web.example.com., web.example.com. A 10.0.0.5',
    );
    assert.equal(dnsSummary(response(q('nope.example.com'), 'NXDOMAIN')), 'NXDOMAIN A? nope.example.com.');
  });

  it('carries the message and the session, and reads neither from another payload', () => {
    const s = newSession();
    const p = dnsPayload(q(), s);
    assert.equal(p.app, 'dns');
    assert.equal(messageOf(p), q() && messageOf(p));
    assert.equal(messageOf(p)!.question[0]!.name, 'web.example.com.');
    assert.equal(sessionOf(p), s);
    assert.equal(sessionOf(dnsPayload(q())), undefined);
    assert.equal(messageOf({ app: 'http', summary: 'GET /' }), undefined);
    assert.equal(messageOf(undefined), undefined);
  });

  it('concatenates leg lists, moving answers and parent', () => {
    const legs: Leg[] = [
      { kind: 'query', steps: [] },
      { kind: 'query', steps: [], parent: 0 },
      { kind: 'answer', steps: [], answers: 1 },
      { kind: 'answer', steps: [], answers: 0 },
    ];
    const both = concatLegs(legs, legs);
    assert.deepEqual(
      both.map((l) => [l.kind, l.parent, l.answers]),
      [
        ['query', undefined, undefined],
        ['query', 0, undefined],
        ['answer', undefined, 1],
        ['answer', undefined, 0],
        ['query', undefined, undefined],
        ['query', 4, undefined],
        ['answer', undefined, 5],
        ['answer', undefined, 4],
      ],
    );
  });
});

describe('dns transport: exchange', () => {
  const setup = () => {
    const w = gatewayWorld(true);
    const toy = new ToyServer([rr('web.example.com. A 10.0.0.5')]);
    serveDns(w.ns('b'), toy);
    return { w, toy };
  };

  it('walks the query to the server and its answer back, as query and answer legs', () => {
    const { w, toy } = setup();
    const r = exchange(w.world, { from: A, server: '192.168.2.10', msg: q(), session: newSession(), timeoutMs: 5000 });
    assert.equal(r.status, 'reply', r.reason.en);
    assert.equal(r.reply!.answer[0]!.data.type, 'A');
    assert.equal(r.elapsedMs, 0);
    assert.equal(r.sent, 1);
    assert.deepEqual(toy.log, ['A? web.example.com.']);
    assert.deepEqual(
      r.legs.map((l) => [l.kind, l.label?.en, l.label?.ko, l.answers]),
      [
        ['query', 'DNS query A? web.example.com. to 192.168.2.10', '192.168.2.10에 보내는 DNS 질의 A? web.example.com.', undefined],
        [
          'answer',
          'DNS answer NOERROR web.example.com. A 10.0.0.5 from 192.168.2.10',
          '192.168.2.10의 DNS 응답 NOERROR web.example.com. A 10.0.0.5',
          0,
        ],
      ],
    );
    // The server's plugin decisions are steps at the server, before its answer.
    const atB = r.legs[0]!.steps.filter((s) => s.host === 'b' && s.stage === 'deliver');
    assert.deepEqual(
      atB.map((s) => s.detail),
      [
        { en: 'toy looks up web.example.com.', ko: 'toy: web.example.com. 조회' },
        { en: 'toydns answers: NOERROR web.example.com. A 10.0.0.5', ko: 'toydns가 응답합니다: NOERROR web.example.com. A 10.0.0.5' },
      ],
    );
    assert.deepEqual(atB[0]!.data, { dnsServer: 'toydns', plugin: 'toy' });
  });

  it('a server behind a DROP rule: every try waits its whole timeout', () => {
    const { w, toy } = setup();
    w.iptables(w.ns('b'), '-A INPUT -p udp --dport 53 -j DROP');
    const r = exchange(w.world, { from: A, server: '192.168.2.10', msg: q(), session: newSession(), timeoutMs: 2000, tries: 3 });
    assert.equal(r.status, 'timeout');
    assert.equal(r.sent, 3);
    assert.equal(r.elapsedMs, 6000);
    assert.equal(r.legs.length, 3);
    assert.ok(r.legs.every((l) => l.kind === 'query'));
    assert.deepEqual(toy.log, []);
    assert.match(r.reason.en, /^No DNS answer from 192\.168\.2\.10#53 in 2000 ms: /);
    assert.match(r.reason.ko, /^192\.168\.2\.10#53에서 2000 ms 안에 DNS 응답이 없습니다: /);
    assert.equal(r.legs[0]!.steps.at(-1)!.stage, 'drop');
    assert.equal(r.legs[0]!.steps.at(-1)!.host, 'b');
  });

  it('no listener: ICMP port unreachable ends the try at once', () => {
    const w = gatewayWorld(true);
    const r = exchange(w.world, { from: A, server: '192.168.2.10', msg: q(), session: newSession(), timeoutMs: 5000, tries: 2 });
    assert.equal(r.status, 'unreachable');
    assert.equal(r.verdict, 'refused');
    assert.equal(r.elapsedMs, 0);
    assert.equal(r.sent, 1);
    assert.equal(r.legs[1]!.steps.at(-1)!.packet!.icmp?.type, 'port-unreachable');
  });

  it('a server that is not on the link: the neighbour never answers, the error comes after the ARP probes', () => {
    const w = gatewayWorld(true);
    const r = exchange(w.world, { from: A, server: '192.168.1.99', msg: q(), session: newSession(), timeoutMs: 5000 });
    assert.equal(r.status, 'unreachable');
    assert.equal(r.elapsedMs, ARP_FAIL_MS);
    // With a shorter timeout, the wait ends first.
    const short = exchange(w.world, { from: A, server: '192.168.1.99', msg: q(), session: newSession(), timeoutMs: 1000 });
    assert.equal(short.status, 'timeout');
    assert.equal(short.elapsedMs, 1000);
  });

  it('a REJECT with icmp-host-unreachable ends the try at once too (IP_RECVERR hears every ICMP error)', () => {
    // Seen on glibc 2.36: the same REJECT in front of the server, timeout:3: getent ahosts fails in 0.04 s.
    const { w } = setup();
    w.iptables(w.ns('b'), '-A INPUT -p udp --dport 53 -j REJECT --reject-with icmp-host-unreachable');
    const r = exchange(w.world, { from: A, server: '192.168.2.10', msg: q(), session: newSession(), timeoutMs: 3000 });
    assert.equal(r.status, 'unreachable');
    assert.equal(r.elapsedMs, 0);
  });

  // Seen on glibc 2.36: a name server with no route to it: connect() fails with ENETUNREACH, 0.06 s in all.
  it('no route from the client: connect() fails at once', () => {
    const w = gatewayWorld(true);
    const r = exchange(w.world, { from: A, server: '10.9.9.9', msg: q(), session: newSession(), timeoutMs: 5000, tries: 2 });
    assert.equal(r.status, 'unreachable');
    assert.equal(r.verdict, 'no-route');
    assert.equal(r.elapsedMs, 0);
  });

  it('DNAT sends the query to the server, and conntrack rewrites its answer back', () => {
    const w = gatewayWorld(true);
    const toy = new ToyServer([rr('web.example.com. A 10.0.0.5')]);
    serveDns(w.ns('b'), toy);
    w.iptables(w.ns('r'), '-t nat -A PREROUTING -p udp --dport 53 -d 192.168.1.1 -j DNAT --to-destination 192.168.2.10');
    const r = exchange(w.world, { from: A, server: '192.168.1.1', msg: q(), session: newSession(), timeoutMs: 5000 });
    assert.equal(r.status, 'reply', r.reason.en);
    assert.deepEqual(toy.log, ['A? web.example.com.']);
    const back = r.legs[1]!.steps.at(-1)!;
    assert.equal(back.host, 'a');
    assert.equal(back.packet!.ip.src, '192.168.1.1');
  });

  it('a server that spends longer than the client waits: the answer comes too late', () => {
    const w = gatewayWorld(true);
    // r forwards to b:53 where a DROP rule waits 2 s, then to b:5353 which answers.
    const up = new ToyServer([rr('web.example.com. A 10.0.0.5')]);
    serveDns(w.ns('b'), up);
    w.iptables(w.ns('b'), '-A INPUT -p udp --dport 53 -s 192.168.2.1 -j DROP');
    const fwd = new ToyServer([], 'fwd', {
      forward: [
        { addr: '192.168.2.10', port: 53 },
        { addr: '192.168.2.10', port: 53 },
      ],
      waitedMs: 2000,
    });
    serveDns(w.ns('r'), fwd);
    const slow = exchange(w.world, { from: A, server: '192.168.1.1', msg: q(), session: newSession(), timeoutMs: 3000 });
    assert.equal(slow.status, 'timeout');
    assert.equal(slow.elapsedMs, 3000);
    assert.deepEqual(slow.reason, {
      en: 'The answer (SERVFAIL A? web.example.com.) would come after 4000 ms; the client stopped waiting after 3000 ms.',
      ko: '응답(SERVFAIL A? web.example.com.)은 4000 ms 뒤에야 오는데, 클라이언트는 3000 ms 만에 기다리기를 멈췄습니다.',
    });
    // The upstream legs are the forwarder's own, under the client's query.
    assert.deepEqual(
      slow.legs.map((l) => [l.kind, l.parent, l.answers]),
      [
        ['query', undefined, undefined],
        ['query', 0, undefined],
        ['query', 0, undefined],
        ['answer', undefined, 0],
      ],
    );
    const patient = exchange(w.world, { from: A, server: '192.168.1.1', msg: q(), session: newSession(), timeoutMs: 5000 });
    assert.equal(patient.status, 'reply');
    assert.equal(patient.elapsedMs, 4000);
  });
});

describe('dns transport: exchange over TCP', () => {
  it('a reset (nothing listens on tcp/53) ends the try at once; a server answers over TCP as over UDP', () => {
    const w = gatewayWorld(true);
    const none = exchange(w.world, { from: A, server: '192.168.2.10', msg: q(), session: newSession(), timeoutMs: 5000, proto: 'tcp' });
    assert.equal(none.status, 'unreachable');
    assert.equal(none.elapsedMs, 0);
    serveDns(w.ns('b'), new ToyServer([rr('web.example.com. A 10.0.0.5')]));
    const ok = exchange(w.world, { from: A, server: '192.168.2.10', msg: q(), session: newSession(), timeoutMs: 5000, proto: 'tcp' });
    assert.equal(ok.status, 'reply', ok.reason.en);
    assert.equal(ok.legs[0]!.steps[0]!.packet!.tcp?.flags, 'S');
  });
});
