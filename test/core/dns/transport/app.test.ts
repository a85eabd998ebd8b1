import { strict as assert } from 'node:assert';
import { dnsPayload, dnsServerApp, upstreamAnswer, exchange } from '../../../../src/core/dns/transport/index';
import { makeQuery } from '../../../../src/core/dns/resolver/index';
import { type DnsServer, type DnsSession, newSession, type ServerQuery } from '../../../../src/core/dns/msg';
import { tracePacket } from '../../../../src/core/datapath/walk';
import { loc } from '../../../../src/core/text/i18n';
import { gatewayWorld } from '../../../support/world';
import { response, rr, serveDns, ToyServer } from '../../../support/dns';

const A = { host: 'a', netns: '' };
const reason = loc('', '');

describe('dns transport: the server App', () => {
  it('gives the server the query, who sent it, where, and the lookup session', () => {
    const w = gatewayWorld(true);
    const seen: { q: ServerQuery; s: DnsSession }[] = [];
    const server: DnsServer = {
      name: 'spy',
      handle: (q, s) => {
        seen.push({ q, s });
        return { kind: 'reply', msg: response(q.msg, 'NOERROR', [rr('web.example.com. A 10.0.0.5')]), steps: [] };
      },
    };
    serveDns(w.ns('b'), server);
    const session = newSession();
    const r = exchange(w.world, {
      from: A,
      server: '192.168.2.10',
      msg: makeQuery('web.example.com', 'A', { id: 9 }),
      session,
      timeoutMs: 5000,
    });
    assert.equal(r.status, 'reply');
    assert.equal(seen.length, 1);
    assert.equal(seen[0]!.s, session);
    assert.deepEqual(
      { proto: seen[0]!.q.proto, client: seen[0]!.q.client, local: seen[0]!.q.local },
      { proto: 'udp', client: { addr: '192.168.1.10', port: 40000 }, local: { addr: '192.168.2.10', port: 53 } },
    );
  });

  it('a forwarded query carries the same session to the upstream server', () => {
    const w = gatewayWorld(true);
    const sessions: DnsSession[] = [];
    const upstream: DnsServer = {
      name: 'up',
      handle: (q, s) => {
        sessions.push(s);
        return { kind: 'reply', msg: response(q.msg, 'NOERROR', [rr('web.example.com. A 10.0.0.5')]), steps: [] };
      },
    };
    const fwd: DnsServer = {
      name: 'fwd',
      handle: (q, s) => {
        sessions.push(s);
        return {
          kind: 'forward',
          to: { addr: '192.168.2.10', port: 53, proto: 'udp' },
          msg: q.msg,
          steps: [],
          then: (a) => (a.ok ? { kind: 'reply', msg: a.msg, steps: [] } : { kind: 'drop', steps: [], reason }),
        };
      },
    };
    serveDns(w.ns('b'), upstream);
    serveDns(w.ns('r'), fwd);
    const session = newSession();
    const r = exchange(w.world, {
      from: A,
      server: '192.168.1.1',
      msg: makeQuery('web.example.com', 'A', { id: 9 }),
      session,
      timeoutMs: 5000,
    });
    assert.equal(r.status, 'reply', r.reason.en);
    assert.deepEqual(sessions, [session, session]);
    assert.equal(r.legs[1]!.label?.en, 'DNS query A? web.example.com. to 192.168.2.10');
    assert.equal(r.legs[1]!.parent, 0);
    assert.deepEqual(
      r.legs.map((l) => l.kind),
      ['query', 'query', 'answer', 'answer'],
    );
  });

  it('a server that drops the query: the client hears nothing', () => {
    const w = gatewayWorld(true);
    serveDns(w.ns('b'), new ToyServer([], 'toydns', { drop: true }));
    const r = exchange(w.world, {
      from: A,
      server: '192.168.2.10',
      msg: makeQuery('x', 'A', { id: 1 }),
      session: newSession(),
      timeoutMs: 1000,
    });
    assert.equal(r.status, 'timeout');
    assert.equal(r.legs[0]!.steps.at(-1)!.detail.en, 'toy drops it');
  });

  it('a datagram that is no DNS query is not answered', () => {
    const w = gatewayWorld(true);
    serveDns(w.ns('b'), new ToyServer([]));
    const res = tracePacket(w.world, { from: A, to: '192.168.2.10', proto: 'udp', port: 53, payload: { app: 'http', summary: 'GET /' } });
    assert.equal(res.verdict, 'dropped');
    assert.deepEqual(res.reason, {
      en: 'toydns gets a datagram that is no DNS query: it does not answer.',
      ko: 'toydns가 DNS 질의가 아닌 데이터그램을 받아 응답하지 않습니다.',
    });
  });

  it('maps how an upstream connection ended to what the server reads', () => {
    const msg = response(makeQuery('x', 'A', { id: 1 }), 'NOERROR');
    assert.deepEqual(upstreamAnswer({ replied: true, verdict: 'replied', reason, payload: dnsPayload(msg) }), { ok: true, msg });
    assert.equal(upstreamAnswer({ replied: false, verdict: 'refused', reason }).ok === false && 'refused', 'refused');
    const why = (v: Parameters<typeof upstreamAnswer>[0]['verdict'], replied = false) => {
      const a = upstreamAnswer({ replied, verdict: v, reason });
      return a.ok ? 'ok' : a.why;
    };
    assert.deepEqual(
      [
        why('refused'),
        why('host-unreachable'),
        why('no-route'),
        why('prohibited'),
        why('dropped'),
        why('ttl-exceeded'),
        why('replied', true),
      ],
      ['refused', 'timeout', 'unreachable', 'unreachable', 'timeout', 'timeout', 'timeout'],
    );
    // A query reaching a socket with no DNS server behind it: taken, never answered.
    assert.equal(dnsServerApp(new ToyServer([])).name, 'toydns');
  });
});
