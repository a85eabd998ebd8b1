/**
 * The datapath's two seams, driven by stand-ins: a netfilter kept in a namespace that drops,
 * rejects and rewrites (DNAT through the flow, whose reply leg comes back un-NATed), and apps that
 * answer a UDP request with a payload and proxy a TCP connection into legs of its own.
 */
import { strict as assert } from 'node:assert';
import { addrEq, formatAddr, parseAddr } from '../../../src/core/net/addr';
import { loc } from '../../../src/core/text/i18n';
import type { Netns } from '../../../src/core/sim/model';
import { setPernet } from '../../../src/core/sim/pernet';
import { NETFILTER, type App, type HookContext, type HookDecision, type Netfilter } from '../../../src/core/datapath/seams';
import { tracePacket } from '../../../src/core/datapath/walk';
import type { Hook } from '../../../src/core/datapath/trace';
import { gatewayWorld, type W } from '../../support/world';

/** a -- lan1 -- r -- lan2 -- b; r forwards. */
function gateway(returnRoute = true): { w: W; a: Netns; r: Netns; b: Netns } {
  const w = gatewayWorld(true, returnRoute);
  return { w, a: w.ns('a'), r: w.ns('r'), b: w.ns('b') };
}

/** A netfilter stand-in: one decision at one hook, and a record of every call. */
function standIn(at: Hook, decide: (ctx: HookContext) => HookDecision): Netfilter & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    run(ctx) {
      calls.push(`${ctx.hook} ${formatAddr(ctx.packet.src)}>${formatAddr(ctx.packet.dst)}`);
      return ctx.hook === at ? decide(ctx) : { verdict: 'accept' };
    },
  };
}

const ip = (s: string) => parseAddr(s)!;
const from = (host: string) => ({ host, netns: '' });

describe('datapath seams: netfilter', () => {
  it('is consulted at every hook of the namespace it lives in, in the kernel order', () => {
    const { w, r } = gateway();
    const nf = standIn('FORWARD', () => ({ verdict: 'accept' }));
    setPernet(r, NETFILTER, nf);
    const res = tracePacket(w.world, { from: from('a'), to: '192.168.2.10', proto: 'icmp' });
    assert.equal(res.verdict, 'replied');
    assert.deepEqual(nf.calls, [
      'PREROUTING 192.168.1.10>192.168.2.10',
      'FORWARD 192.168.1.10>192.168.2.10',
      'POSTROUTING 192.168.1.10>192.168.2.10',
      'PREROUTING 192.168.2.10>192.168.1.10',
      'FORWARD 192.168.2.10>192.168.1.10',
      'POSTROUTING 192.168.2.10>192.168.1.10',
    ]);
  });

  it('drops: the walk ends there, with the rule named and its line', () => {
    const { w, r } = gateway();
    const source = { file: 'lab.yaml', line: 7, column: 1, endLine: 7, endColumn: 40 };
    setPernet(
      r,
      NETFILTER,
      standIn('FORWARD', () => ({ verdict: 'drop', detail: loc('-A FORWARD -j DROP', '-A FORWARD -j DROP'), source })),
    );
    const res = tracePacket(w.world, { from: from('a'), to: '192.168.2.10', proto: 'icmp' });
    assert.equal(res.verdict, 'dropped');
    assert.equal(res.replied, false);
    assert.deepEqual(res.source, source);
    const nfStep = res.request.steps.find((s) => s.stage === 'netfilter')!;
    assert.equal(nfStep.hook, 'FORWARD');
    assert.equal(nfStep.host, 'r');
    assert.equal(res.request.steps.at(-1)!.stage, 'drop');
    assert.equal(res.reply.steps.length, 0);
    assert.equal(res.legs.length, 1);
  });

  it('rejects with an ICMP error that travels back, and with a TCP reset', () => {
    const { w, r } = gateway();
    setPernet(
      r,
      NETFILTER,
      standIn('FORWARD', () => ({ verdict: 'reject', with: 'admin-prohibited', detail: loc('REJECT', 'REJECT') })),
    );
    const icmp = tracePacket(w.world, { from: from('a'), to: '192.168.2.10', proto: 'icmp' });
    assert.equal(icmp.verdict, 'prohibited');
    assert.equal(icmp.reply.steps.at(-1)!.host, 'a');
    assert.equal(icmp.reply.steps[0]!.packet!.icmp?.type, 'admin-prohibited');

    setPernet(
      r,
      NETFILTER,
      standIn('FORWARD', () => ({ verdict: 'reject', with: 'tcp-reset', detail: loc('REJECT', 'REJECT') })),
    );
    const tcp = tracePacket(w.world, { from: from('a'), to: '192.168.2.10', proto: 'tcp', port: 80 });
    assert.equal(tcp.verdict, 'refused');
    const rst = tcp.reply.steps.find((s) => s.packet!.tcp)!;
    assert.equal(rst.packet!.tcp!.flags, 'R.');
    // The reset is sent in the name of the destination.
    assert.equal(rst.packet!.ip.src, '192.168.2.10');
    assert.equal(tcp.reply.steps.at(-1)!.host, 'a');
    assert.deepEqual(tcp.reason, {
      en: "Connection refused: a TCP reset came back from 192.168.2.10:80's way (a REJECT rule).",
      ko: '연결 거부: 192.168.2.10:80에 가는 길에서 TCP reset이 돌아왔습니다 (REJECT 규칙).',
    });
  });

  it('rewrites: DNAT at PREROUTING is routed anew, and the reply leg is un-NATed by the flow', () => {
    const { w, a, r, b } = gateway();
    // b listens on tcp/8080; a connects to r's own address, port 80, which r forwards to b.
    w.world.hosts.get('b')!.sockets.push({ proto: 'tcp', port: 8080, netns: '' });
    const nf = standIn('PREROUTING', (ctx) => {
      const p = ctx.packet;
      if (!ctx.conn?.fresh || p.proto !== 'tcp' || !addrEq(p.dst, ip('192.168.1.1')) || p.dport !== 80) return { verdict: 'accept' };
      ctx.flow.nat(ctx.conn.conn, 'dnat', ip('192.168.2.10'), 8080);
      return {
        verdict: 'rewrite',
        packet: { ...p, dst: ip('192.168.2.10'), dport: 8080 },
        detail: loc('DNAT to 192.168.2.10:8080', 'DNAT 192.168.2.10:8080'),
      };
    });
    setPernet(r, NETFILTER, nf);
    const res = tracePacket(w.world, { from: from('a'), to: '192.168.1.1', proto: 'tcp', port: 80 });
    assert.equal(res.verdict, 'replied', res.reason.en);
    // The request went on to b, as the route for the new destination says.
    const atB = res.request.steps.filter((s) => s.host === 'b');
    assert.ok(atB.length > 0);
    assert.equal(atB.at(-1)!.packet!.tcp!.dport, 8080);
    const rw = res.request.steps.find((s) => s.stage === 'netfilter')!;
    assert.deepEqual((rw.data as { before: { ip: { dst: string } } }).before.ip.dst, '192.168.1.1');
    // b answers from 192.168.2.10:8080; r rewrites that back, so a sees its own connection answered.
    assert.equal(res.reply.steps[0]!.packet!.ip.src, '192.168.2.10');
    const back = res.reply.steps.find((s) => s.stage === 'netfilter' && s.host === 'r')!;
    assert.equal(back.packet!.ip.src, '192.168.1.1');
    assert.equal(back.packet!.tcp!.sport, 80);
    assert.deepEqual(back.detail, {
      en: 'conntrack: a reply of a NATed connection, rewritten back at POSTROUTING: 192.168.2.10:8080 > 192.168.1.10:40000 becomes 192.168.1.1:80 > 192.168.1.10:40000.',
      ko: 'conntrack: NAT된 연결의 응답이라 POSTROUTING에서 되돌려 씁니다: 192.168.2.10:8080 > 192.168.1.10:40000 → 192.168.1.1:80 > 192.168.1.10:40000.',
    });
    const last = res.reply.steps.at(-1)!;
    assert.equal(last.host, 'a');
    assert.equal(last.packet!.ip.src, '192.168.1.1');
    assert.equal(last.packet!.tcp!.sport, 80);
    assert.deepEqual(
      res.legs.map((l) => l.kind),
      ['request', 'reply'],
    );
    void a;
    void b;
  });

  it('conntrack: every later hook finds the connection after NAT, NEW one way and ESTABLISHED on the way back', () => {
    const { w, r } = gateway();
    w.world.hosts.get('b')!.sockets.push({ proto: 'tcp', port: 8080, netns: '' });
    const seen: string[] = [];
    setPernet(r, NETFILTER, {
      run(ctx) {
        seen.push(`${ctx.hook} ${ctx.conn ? `${ctx.conn.dir} ${ctx.conn.conn.state}` : 'untracked'}`);
        if (ctx.hook === 'PREROUTING' && ctx.conn?.fresh) {
          ctx.flow.nat(ctx.conn.conn, 'dnat', ip('192.168.2.10'), 8080);
          return { verdict: 'accept' };
        }
        return { verdict: 'accept' };
      },
    });
    const res = tracePacket(w.world, { from: from('a'), to: '192.168.1.1', proto: 'tcp', port: 80 });
    assert.equal(res.verdict, 'replied', res.reason.en);
    assert.deepEqual(seen, [
      'PREROUTING original NEW',
      'FORWARD original NEW',
      'POSTROUTING original NEW',
      'PREROUTING reply ESTABLISHED',
      'FORWARD reply ESTABLISHED',
      'POSTROUTING reply ESTABLISHED',
    ]);
    // An accept with a NAT binding rewrites all the same: the flow applies it at the hook.
    assert.equal(res.request.steps.filter((s) => s.host === 'b').at(-1)!.packet!.tcp!.dport, 8080);
    assert.equal(res.reply.steps.at(-1)!.packet!.ip.src, '192.168.1.1');
  });

  it('SNAT at POSTROUTING: b answers the router, which rewrites the reply back to a at PREROUTING', () => {
    // b has no route back to a's subnet: only the masquerade lets the answer find its way.
    const { w, r } = gateway(false);
    setPernet(
      r,
      NETFILTER,
      standIn('POSTROUTING', (ctx) => {
        if (ctx.conn?.fresh && ctx.io.out?.name === 'eth1') ctx.flow.nat(ctx.conn.conn, 'snat', ip('192.168.2.1'));
        return { verdict: 'accept' };
      }),
    );
    const res = tracePacket(w.world, { from: from('a'), to: '192.168.2.10', proto: 'icmp' });
    assert.equal(res.verdict, 'replied', res.reason.en);
    const atB = res.request.steps.filter((s) => s.host === 'b');
    assert.equal(atB.at(-1)!.packet!.ip.src, '192.168.2.1');
    assert.equal(res.reply.steps[0]!.packet!.ip.dst, '192.168.2.1');
    assert.equal(res.reply.steps.at(-1)!.packet!.ip.dst, '192.168.1.10');
  });

  it('rewrites at OUTPUT: the route is looked up again for the new destination', () => {
    const { w, a } = gateway();
    setPernet(
      a,
      NETFILTER,
      standIn('OUTPUT', (ctx) => {
        if (!ctx.conn?.fresh || !addrEq(ctx.packet.dst, ip('10.9.9.9'))) return { verdict: 'accept' };
        ctx.flow.nat(ctx.conn.conn, 'dnat', ip('192.168.2.10'));
        return { verdict: 'rewrite', packet: { ...ctx.packet, dst: ip('192.168.2.10') }, detail: loc('DNAT', 'DNAT') };
      }),
    );
    // 10.9.9.9 has no route on a: without the rewrite the walk would end at once.
    w.route(a, '10.9.9.9/32', '192.168.1.1');
    const res = tracePacket(w.world, { from: from('a'), to: '10.9.9.9', proto: 'icmp' });
    assert.equal(res.verdict, 'replied', res.reason.en);
    const routes = res.request.steps.filter((s) => s.stage === 'route' && s.host === 'a');
    assert.equal(routes.length, 2);
    assert.match(routes[1]!.detail.en, /looked up again/);
    // The echo reply comes back from 192.168.2.10 and is un-NATed to 10.9.9.9 at a.
    assert.equal(res.reply.steps.at(-1)!.packet!.ip.src, '10.9.9.9');
  });

  it('a namespace without netfilter walks as before', () => {
    const { w } = gateway();
    const res = tracePacket(w.world, { from: from('a'), to: '192.168.2.10', proto: 'icmp' });
    assert.equal(res.verdict, 'replied');
    assert.ok(!res.request.steps.some((s) => s.stage === 'netfilter'));
  });
});

describe('datapath seams: apps', () => {
  it('answers a UDP request with a payload', () => {
    const { w } = gateway();
    const dns: App = {
      name: 'dns',
      receive: (ctx) => ({
        kind: 'reply',
        payload: { app: 'dns', summary: `A web.lab = 192.168.2.10 (asked: ${ctx.packet.payload?.summary})` },
        detail: loc('The DNS server answers.', 'DNS 서버가 응답합니다.'),
      }),
    };
    w.world.hosts.get('b')!.sockets.push({ proto: 'udp', port: 53, netns: '', owner: dns });
    const res = tracePacket(w.world, {
      from: from('a'),
      to: '192.168.2.10',
      proto: 'udp',
      port: 53,
      payload: { app: 'dns', summary: 'A? web.lab' },
    });
    assert.equal(res.verdict, 'replied', res.reason.en);
    assert.equal(res.request.steps[0]!.packet!.payload?.summary, 'A? web.lab');
    const answer = res.reply.steps.at(-1)!;
    assert.equal(answer.host, 'a');
    assert.equal(answer.packet!.udp!.sport, 53);
    assert.match(answer.packet!.payload!.summary, /192\.168\.2\.10 \(asked: A\? web\.lab\)/);
    assert.deepEqual(res.reason, {
      en: 'a got an answer from 192.168.2.10:53 (A web.lab = 192.168.2.10 (asked: A? web.lab)).',
      ko: '192.168.2.10:53의 응답이 a에 도착했습니다 (A web.lab = 192.168.2.10 (asked: A? web.lab)).',
    });
  });

  it('proxies a TCP connection: the upstream connection is legs of its own, then the client is answered', () => {
    const { w } = gateway();
    // r runs a proxy on tcp/80 that connects to b:8080 and answers with what b said.
    w.world.hosts.get('b')!.sockets.push({
      proto: 'tcp',
      port: 8080,
      netns: '',
      owner: {
        name: 'web',
        receive: () => ({ kind: 'reply', payload: { app: 'http', summary: '200 OK' }, detail: loc('web answers', 'web 응답') }),
      } as App,
    });
    const proxy: App = {
      name: 'proxy',
      receive: (ctx) => ({
        kind: 'proxy',
        upstream: {
          to: ip('192.168.2.10'),
          proto: 'tcp',
          port: 8080,
          payload: ctx.packet.payload,
          label: loc('to the backend', '백엔드로'),
        },
        detail: loc('The proxy opens a connection to 192.168.2.10:8080.', '프록시가 192.168.2.10:8080에 연결합니다.'),
        then: (up) =>
          up.replied
            ? { kind: 'reply', payload: up.payload, detail: loc(`The proxy answers with ${up.payload?.summary}.`, '프록시가 응답합니다.') }
            : { kind: 'refuse', detail: loc('The upstream failed.', '업스트림이 실패했습니다.') },
      }),
    };
    w.world.hosts.get('r')!.sockets.push({ proto: 'tcp', port: 80, netns: '', owner: proxy });
    const res = tracePacket(w.world, {
      from: from('a'),
      to: '192.168.1.1',
      proto: 'tcp',
      port: 80,
      payload: { app: 'http', summary: 'GET / Host: web.lab' },
    });
    assert.equal(res.verdict, 'replied', res.reason.en);
    assert.deepEqual(
      res.legs.map((l) => [l.kind, l.parent, l.answers]),
      [
        ['request', undefined, undefined],
        ['request', 0, undefined],
        ['reply', undefined, 1],
        ['reply', undefined, 0],
      ],
    );
    const [client, up, upReply, reply] = res.legs;
    assert.equal(client, res.request);
    assert.equal(reply, res.reply);
    assert.equal(up!.steps[0]!.host, 'r');
    assert.equal(up!.steps[0]!.packet!.ip.dst, '192.168.2.10');
    assert.equal(up!.steps[0]!.packet!.payload?.summary, 'GET / Host: web.lab');
    assert.equal(up!.label?.en, 'to the backend');
    assert.equal(upReply!.steps.at(-1)!.host, 'r');
    assert.equal(reply!.steps.at(-1)!.host, 'a');
    assert.equal(reply!.steps.at(-1)!.packet!.payload?.summary, '200 OK');
    assert.match(res.reason.en, /200 OK/);
  });

  it('a proxy whose upstream fails refuses its client', () => {
    const { w } = gateway();
    const proxy: App = {
      name: 'proxy',
      receive: () => ({
        kind: 'proxy',
        upstream: { to: ip('192.168.2.10'), proto: 'tcp', port: 9999 },
        detail: loc('proxy', 'proxy'),
        then: (up) =>
          up.replied ? { kind: 'accept' } : { kind: 'refuse', detail: loc(`upstream: ${up.verdict}`, `upstream: ${up.verdict}`) },
      }),
    };
    w.world.hosts.get('r')!.sockets.push({ proto: 'tcp', port: 80, netns: '', owner: proxy });
    const res = tracePacket(w.world, { from: from('a'), to: '192.168.1.1', proto: 'tcp', port: 80 });
    assert.equal(res.verdict, 'refused');
    assert.equal(res.legs[1]!.parent, 0);
    assert.match(res.legs[2]!.steps.at(-1)!.detail.en, /refused/i);
    // The client hears why: the program refused (not the kernel's "nothing listens").
    assert.deepEqual(res.reason, { en: 'Connection refused: upstream: refused', ko: '연결 거부: upstream: refused' });
  });
});
