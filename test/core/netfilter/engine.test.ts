/**
 * The netfilter engine in traces: labs whose run lines write iptables rules, walked end to end.
 * NAT across a router with conntrack (MASQUERADE out, DNAT in, replies un-NATed, a second packet
 * not NATed again), FORWARD policies, REJECT against DROP, user chains, a seeded statistic split.
 */
import { strict as assert } from 'node:assert';
import { tracePacket } from '../../../src/core/datapath/walk';
import { traceCauses } from '../../../src/core/datapath/causes';
import type { Step, TraceResult } from '../../../src/core/datapath/trace';
import { countHits } from '../../../src/core/netfilter/index';
import { gatewayWorld, labWorld } from '../../support/world';

/** a (10.0.1.10) -- lan1 -- r -- lan2 -- b (10.0.2.10); a routes via r; b has NO route back unless `back`. */
function router(rLines: string[], opts: { back?: boolean; forward?: boolean; bServe?: string } = {}): ReturnType<typeof labWorld> {
  const r = [
    'ip addr add 10.0.1.1/24 dev eth0',
    'ip addr add 10.0.2.1/24 dev eth1',
    ...(opts.forward === false ? [] : ['sysctl -w net.ipv4.ip_forward=1']),
    ...rLines,
  ];
  const b = ['ip addr add 10.0.2.10/24 dev eth0', ...(opts.back ? ['ip route add 10.0.1.0/24 via 10.0.2.1'] : [])];
  const block = (lines: string[]) => lines.map((l) => `        ${l}`).join('\n');
  return labWorld(`name: nf
switches: [lan1, lan2]
hosts:
  a:
    interfaces: { eth0: lan1 }
    run: |
        ip addr add 10.0.1.10/24 dev eth0
        ip route add default via 10.0.1.1
  r:
    interfaces: { eth0: lan1, eth1: lan2 }
    run: |
${block(r)}
  b:
    interfaces: { eth0: lan2 }
    run: |
${block(b)}
    serve: [${opts.bServe ?? 'tcp/80'}]
`);
}

const trace = (
  w: ReturnType<typeof labWorld>,
  from: string,
  to: string,
  proto: 'icmp' | 'tcp' | 'udp' = 'icmp',
  port?: number,
  seed?: number,
): TraceResult =>
  tracePacket(w, { from: { host: from, netns: '' }, to, proto, ...(port ? { port } : {}), ...(seed !== undefined ? { seed } : {}) });

const nfSteps = (t: TraceResult, host: string): Step[] =>
  t.legs.flatMap((l) => l.steps).filter((s) => s.stage === 'netfilter' && s.host === host);

describe('netfilter engine: NAT with conntrack across a router', () => {
  it('MASQUERADE: b answers r, and r rewrites the reply back to a; without it there is no way back', () => {
    const without = trace(router([]), 'a', '10.0.2.10');
    assert.equal(without.replied, false);
    const w = router(['iptables -t nat -A POSTROUTING -s 10.0.1.0/24 -o eth1 -j MASQUERADE']);
    const t = trace(w, 'a', '10.0.2.10');
    assert.equal(t.verdict, 'replied', t.reason.en);
    assert.equal(t.request.steps.filter((s) => s.host === 'b').at(-1)!.packet!.ip.src, '10.0.2.1');
    assert.equal(t.reply.steps[0]!.packet!.ip.dst, '10.0.2.1');
    assert.equal(t.reply.steps.at(-1)!.packet!.ip.dst, '10.0.1.10');
    const rule = nfSteps(t, 'r').find((s) => (s.data as { text?: string })?.text?.includes('MASQUERADE'))!;
    assert.equal((rule.data as { table: string }).table, 'nat');
    assert.equal((rule.data as { chain: string }).chain, 'POSTROUTING');
    assert.equal((rule.data as { rule: number }).rule, 1);
    assert.equal((rule.data as { after: { ip: { src: string } } }).after.ip.src, '10.0.2.1');
    assert.ok(rule.source, 'the rule names its lab line');
    assert.match(rule.detail.en, /^nat POSTROUTING, rule 1: -A POSTROUTING -s 10\.0\.1\.0\/24 -o eth1 -j MASQUERADE: /);
  });

  it('the MASQUERADE rule is consulted once per connection: the reply is un-NATed by conntrack, not by the rule', () => {
    const w = router(['iptables -t nat -A POSTROUTING -o eth1 -j MASQUERADE']);
    const t = trace(w, 'a', '10.0.2.10', 'tcp', 80);
    assert.equal(t.verdict, 'replied', t.reason.en);
    const hits = countHits(t).filter((h) => h.table === 'nat');
    assert.deepEqual(
      hits.map((h) => [h.host, h.chain, h.rule, h.packets]),
      [['r', 'POSTROUTING', 1, 1]],
    );
    const back = t.reply.steps.find((s) => s.stage === 'netfilter' && s.host === 'r')!;
    assert.match(back.detail.en, /^conntrack: a reply of a NATed connection/);
  });

  it('DNAT: a port on r forwarded to b; the reply comes back from r:8080 as a expects', () => {
    const w = router(['iptables -t nat -A PREROUTING -i eth0 -p tcp --dport 8080 -j DNAT --to-destination 10.0.2.10:80'], { back: true });
    const t = trace(w, 'a', '10.0.1.1', 'tcp', 8080);
    assert.equal(t.verdict, 'replied', t.reason.en);
    const atB = t.request.steps.filter((s) => s.host === 'b').at(-1)!;
    assert.equal(atB.packet!.ip.dst, '10.0.2.10');
    assert.equal(atB.packet!.tcp!.dport, 80);
    const last = t.reply.steps.at(-1)!;
    assert.equal(last.host, 'a');
    assert.equal(last.packet!.ip.src, '10.0.1.1');
    assert.equal(last.packet!.tcp!.sport, 8080);
    // Without a listener there, r refuses: nothing was DNATed for another port.
    assert.equal(trace(w, 'a', '10.0.1.1', 'tcp', 9090).verdict, 'refused');
  });

  it('DNAT without ip_forward: the rewritten packet is not forwarded', () => {
    const w = router(['iptables -t nat -A PREROUTING -p tcp --dport 8080 -j DNAT --to-destination 10.0.2.10:80'], {
      back: true,
      forward: false,
    });
    const t = trace(w, 'a', '10.0.1.1', 'tcp', 8080);
    assert.equal(t.replied, false);
  });

  it("PREROUTING DNAT does not apply to the router's own traffic; a nat OUTPUT rule does", () => {
    const w = router(['iptables -t nat -A PREROUTING -p tcp --dport 8080 -j DNAT --to-destination 10.0.2.10:80'], { back: true });
    assert.equal(trace(w, 'r', '10.0.1.1', 'tcp', 8080).verdict, 'refused');
    const w2 = router(['iptables -t nat -A OUTPUT -p tcp --dport 8080 -j DNAT --to-destination 10.0.2.10:80'], { back: true });
    const t = trace(w2, 'r', '10.0.1.1', 'tcp', 8080);
    assert.equal(t.verdict, 'replied', t.reason.en);
    assert.equal(t.reply.steps.at(-1)!.packet!.tcp!.sport, 8080);
  });
});

describe('netfilter engine: filter', () => {
  it('FORWARD policy DROP stops forwarding; an ACCEPT rule lets its traffic through, and ESTABLISHED lets replies back', () => {
    const drop = router(['iptables -P FORWARD DROP'], { back: true });
    const t = trace(drop, 'a', '10.0.2.10');
    assert.equal(t.verdict, 'dropped');
    assert.deepEqual(
      traceCauses(t).map((c) => c.cause),
      ['filtered'],
    );
    assert.match(t.reason.en, /policy DROP of filter FORWARD/);
    const open = router(
      [
        'iptables -P FORWARD DROP',
        'iptables -A FORWARD -i eth0 -o eth1 -p tcp --dport 80 -j ACCEPT',
        'iptables -A FORWARD -m conntrack --ctstate ESTABLISHED,RELATED -j ACCEPT',
      ],
      { back: true },
    );
    assert.equal(trace(open, 'a', '10.0.2.10', 'tcp', 80).verdict, 'replied');
    assert.equal(trace(open, 'a', '10.0.2.10').verdict, 'dropped');
    // Without the ESTABLISHED rule, the answer dies on its way back.
    const oneWay = router(['iptables -P FORWARD DROP', 'iptables -A FORWARD -p tcp --dport 80 -j ACCEPT'], { back: true });
    const lost = trace(oneWay, 'a', '10.0.2.10', 'tcp', 80);
    assert.equal(lost.replied, false);
    assert.ok(lost.reply.steps.some((s) => s.stage === 'drop' && s.host === 'r'));
  });

  it('REJECT answers (port unreachable, or a TCP reset) where DROP is silent', () => {
    const rej = router(
      ['iptables -A FORWARD -p tcp --dport 80 -j REJECT --reject-with tcp-reset', 'iptables -A FORWARD -p icmp -j REJECT'],
      {
        back: true,
      },
    );
    const tcp = trace(rej, 'a', '10.0.2.10', 'tcp', 80);
    assert.equal(tcp.verdict, 'refused');
    assert.deepEqual(
      traceCauses(tcp).map((c) => c.cause),
      ['filtered'],
    );
    const ping = trace(rej, 'a', '10.0.2.10');
    assert.equal(ping.verdict, 'refused');
    assert.equal(ping.reply.steps[0]!.packet!.icmp!.type, 'port-unreachable');
    const drop = router(['iptables -A FORWARD -p tcp --dport 80 -j DROP'], { back: true });
    const silent = trace(drop, 'a', '10.0.2.10', 'tcp', 80);
    assert.equal(silent.verdict, 'dropped');
    assert.equal(silent.reply.steps.length, 0);
  });

  it('INPUT rules guard the router itself, not what it forwards', () => {
    const w = router(['iptables -A INPUT -p icmp -j DROP'], { back: true });
    assert.equal(trace(w, 'a', '10.0.1.1').verdict, 'dropped');
    assert.equal(trace(w, 'a', '10.0.2.10').verdict, 'replied');
  });

  it('user chains: -j comes back after the chain (or at RETURN), -g does not', () => {
    const jump = router(
      [
        'iptables -N web',
        'iptables -A web -p tcp --dport 22 -j DROP',
        'iptables -A web -j RETURN',
        'iptables -A FORWARD -j web',
        'iptables -A FORWARD -j DROP',
      ],
      {
        back: true,
      },
    );
    const t = trace(jump, 'a', '10.0.2.10', 'tcp', 80);
    assert.equal(t.verdict, 'dropped');
    const texts = nfSteps(t, 'r')
      .map((s) => (s.data as { text?: string })?.text)
      .filter(Boolean);
    assert.deepEqual(texts.slice(0, 3), ['-A FORWARD -j web', '-A web -j RETURN', '-A FORWARD -j DROP']);
    assert.equal(trace(jump, 'a', '10.0.2.10', 'tcp', 22).verdict, 'dropped');
    // With -g, the end of the chain is the end of FORWARD: its policy (ACCEPT) decides.
    const go = router(
      ['iptables -N web', 'iptables -A web -p tcp --dport 22 -j DROP', 'iptables -A FORWARD -g web', 'iptables -A FORWARD -j DROP'],
      {
        back: true,
      },
    );
    assert.equal(trace(go, 'a', '10.0.2.10', 'tcp', 80).verdict, 'replied');
    assert.equal(trace(go, 'a', '10.0.2.10', 'tcp', 22).verdict, 'dropped');
  });

  it('MARK then -m mark: the mark set in mangle is seen by filter', () => {
    const w = router(
      ['iptables -t mangle -A FORWARD -p tcp --dport 80 -j MARK --set-mark 0x10', 'iptables -A FORWARD -m mark --mark 0x10/0xf0 -j DROP'],
      {
        back: true,
      },
    );
    assert.equal(trace(w, 'a', '10.0.2.10', 'tcp', 80).verdict, 'dropped');
    assert.equal(trace(w, 'a', '10.0.2.10', 'tcp', 81).verdict, 'refused');
  });
});

describe('netfilter engine: statistic', () => {
  const split = () =>
    router(
      [
        'iptables -t nat -A PREROUTING -p tcp --dport 8080 -m statistic --mode random --probability 0.5 -j DNAT --to-destination 10.0.2.10:80',
        'iptables -t nat -A PREROUTING -p tcp --dport 8080 -j DNAT --to-destination 10.0.2.10:81',
      ],
      { back: true, bServe: 'tcp/80, tcp/81' },
    );

  it('is reproducible: the same seed takes the same branch, and the note says the draw and the probability', () => {
    const w = split();
    const port = (seed: number) =>
      trace(w, 'a', '10.0.1.1', 'tcp', 8080, seed)
        .request.steps.filter((s) => s.host === 'b')
        .at(-1)!.packet!.tcp!.dport;
    const seen = new Set<number>();
    for (let seed = 1; seed <= 20; seed++) {
      assert.equal(port(seed), port(seed));
      seen.add(port(seed));
    }
    assert.deepEqual([...seen].sort(), [80, 81]);
    const t = trace(w, 'a', '10.0.1.1', 'tcp', 8080, 3);
    const note = nfSteps(t, 'r').find((s) => (s.data as { statistic?: unknown })?.statistic)!;
    const st = (note.data as { statistic: { probability: number; draw: number; taken: boolean } }).statistic;
    assert.equal(st.probability, 0.5);
    assert.equal(st.taken, st.draw < 0.5);
    assert.match(note.detail.en, /probability 50%/);
    assert.equal(trace(w, 'a', '10.0.1.1', 'tcp', 8080).verdict, 'replied');
  });
});

describe('netfilter engine: worlds built through the kernel API', () => {
  it('W.iptables writes rules as the command does', () => {
    const w = gatewayWorld(true);
    w.iptables(w.ns('r'), '-P FORWARD DROP');
    const t = tracePacket(w.world, { from: { host: 'a', netns: '' }, to: '192.168.2.10', proto: 'icmp' });
    assert.equal(t.verdict, 'dropped');
    w.iptables(w.ns('r'), '-I FORWARD -p icmp -j ACCEPT');
    assert.equal(tracePacket(w.world, { from: { host: 'a', netns: '' }, to: '192.168.2.10', proto: 'icmp' }).verdict, 'replied');
  });
});
