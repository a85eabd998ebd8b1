/**
 * Each match and target on its own, at one hook: the rules written with the iptables command, a
 * packet handed to the namespace's tables (the Netfilter seam) with a hand-made context.
 */
import { strict as assert } from 'node:assert';
import { execCommand } from '../../../src/core';
import { parseAddr } from '../../../src/core/net/addr';
import { Flow } from '../../../src/core/datapath/flow';
import type { Packet } from '../../../src/core/datapath/packet';
import type { HookContext, HookDecision } from '../../../src/core/datapath/seams';
import type { Hook } from '../../../src/core/datapath/trace';
import type { Netns } from '../../../src/core/sim/model';
import { iptablesOf } from '../../../src/core/netfilter/index';
import { labWorld } from '../../support/world';

const ip = (s: string) => parseAddr(s)!;

/** A host h with eth0 10.0.0.1/24 and eth1 (no address), and the rules given. */
function tables(rules: string[]): Netns {
  const w = labWorld(`name: m
switches: [lan, lan2]
hosts:
  h:
    interfaces: { eth0: lan, eth1: lan2 }
    run: |
      ip addr add 10.0.0.1/24 dev eth0
`);
  for (const r of rules) {
    const res = execCommand(w, { host: 'h', netns: '' }, `iptables ${r}`);
    assert.equal(res.status, 0, `${r}: ${res.stderr}`);
  }
  return w.hosts.get('h')!.netns.get('')!;
}

function tcp(src: string, dst: string, sport: number, dport: number, extra: Partial<Packet> = {}): Packet {
  return { src: ip(src), dst: ip(dst), ttl: 64, proto: 'tcp', sport, dport, tcpFlags: 'S', ...extra };
}

function run(ns: Netns, hook: Hook, p: Packet, io: { in?: string; out?: string } = {}, flow = new Flow(), track = true): HookDecision {
  const conn = track ? flow.track(ns, p) : undefined;
  const ctx: HookContext = {
    hook,
    ns,
    packet: p,
    io: { ...(io.in ? { in: ns.links.get(io.in)! } : {}), ...(io.out ? { out: ns.links.get(io.out)! } : {}) },
    flow,
    ...(conn ? { conn } : {}),
  };
  return iptablesOf(ns)!.run(ctx);
}

const verdict = (d: HookDecision) => d.verdict;

describe('netfilter matches', () => {
  it('-s/-d with masks and !, -i/-o with + wildcards, -p with !', () => {
    const ns = tables(['-A FORWARD -s 10.1.0.0/16 ! -d 10.1.2.3 -i eth+ ! -o eth0 ! -p udp -j DROP']);
    const p = tcp('10.1.9.9', '10.2.0.1', 1, 2);
    assert.equal(verdict(run(ns, 'FORWARD', p, { in: 'eth1', out: 'eth1' })), 'drop');
    assert.equal(verdict(run(ns, 'FORWARD', p, { in: 'eth1', out: 'eth0' })), 'accept');
    assert.equal(verdict(run(ns, 'FORWARD', { ...p, dst: ip('10.1.2.3') }, { in: 'eth1', out: 'eth1' })), 'accept');
    assert.equal(verdict(run(ns, 'FORWARD', { ...p, src: ip('10.2.0.1') }, { in: 'eth1', out: 'eth1' })), 'accept');
    assert.equal(verdict(run(ns, 'FORWARD', { ...p, proto: 'udp' }, { in: 'eth1', out: 'eth1' })), 'accept');
  });

  it('tcp/udp ports and ranges, multiport lists', () => {
    const ns = tables([
      '-A INPUT -p tcp --dport 80:90 ! --sport 1000 -j DROP',
      '-A INPUT -p udp -m multiport --ports 53,5000:5010 -j DROP',
      '-A INPUT -p tcp -m multiport ! --dports 22,443 -j REJECT',
    ]);
    assert.equal(verdict(run(ns, 'INPUT', tcp('10.0.0.2', '10.0.0.1', 999, 85))), 'drop');
    assert.equal(verdict(run(ns, 'INPUT', tcp('10.0.0.2', '10.0.0.1', 1000, 85))), 'reject');
    assert.equal(verdict(run(ns, 'INPUT', tcp('10.0.0.2', '10.0.0.1', 1000, 443))), 'accept');
    const udp = (sport: number, dport: number): Packet => ({
      ...tcp('10.0.0.2', '10.0.0.1', sport, dport),
      proto: 'udp',
      tcpFlags: undefined,
    });
    assert.equal(verdict(run(ns, 'INPUT', udp(5005, 9))), 'drop');
    assert.equal(verdict(run(ns, 'INPUT', udp(9, 53))), 'drop');
    assert.equal(verdict(run(ns, 'INPUT', udp(9, 54))), 'accept');
  });

  it('icmp types by name and type/code', () => {
    const ns = tables(['-A INPUT -p icmp --icmp-type echo-request -j DROP', '-A INPUT -p icmp --icmp-type 3/3 -j REJECT']);
    const icmp = (k: Packet['icmp']): Packet => ({ src: ip('10.0.0.2'), dst: ip('10.0.0.1'), ttl: 64, proto: 'icmp', icmp: k });
    assert.equal(verdict(run(ns, 'INPUT', icmp('echo-request'))), 'drop');
    assert.equal(verdict(run(ns, 'INPUT', icmp('echo-reply'), {}, new Flow(), false)), 'accept');
    assert.equal(
      verdict(run(ns, 'INPUT', { ...icmp('port-unreachable'), inner: tcp('10.0.0.1', '10.0.0.2', 1, 2) }, {}, new Flow(), false)),
      'reject',
    );
  });

  it('conntrack and state: NEW on the first packet, ESTABLISHED for the reply, INVALID without a connection, DNAT after NAT', () => {
    const ns = tables([
      '-A INPUT -m conntrack --ctstate NEW -j DROP',
      '-A INPUT -m state --state ESTABLISHED -j REJECT',
      '-A INPUT -m conntrack --ctstate INVALID -j LOG',
    ]);
    const flow = new Flow();
    const p = tcp('10.0.0.2', '10.0.0.1', 1, 2);
    assert.equal(verdict(run(ns, 'INPUT', p, {}, flow)), 'drop');
    const reply = tcp('10.0.0.1', '10.0.0.2', 2, 1, { tcpFlags: 'S.' });
    assert.equal(verdict(run(ns, 'INPUT', reply, {}, flow)), 'reject');
    const untracked = run(ns, 'INPUT', p, {}, new Flow(), false);
    assert.equal(untracked.verdict, 'accept');
    assert.match(untracked.notes!.map((n) => n.detail.en).join('\n'), /LOG: the kernel logs the packet/);
  });

  it("addrtype: LOCAL for the namespace's own addresses, UNICAST for others", () => {
    const ns = tables(['-A OUTPUT -m addrtype --dst-type LOCAL -j DROP', '-A OUTPUT -m addrtype ! --dst-type UNICAST -j REJECT']);
    assert.equal(verdict(run(ns, 'OUTPUT', tcp('10.0.0.1', '10.0.0.1', 1, 2))), 'drop');
    assert.equal(verdict(run(ns, 'OUTPUT', tcp('10.0.0.1', '10.9.9.9', 1, 2))), 'accept');
    assert.equal(verdict(run(ns, 'OUTPUT', tcp('10.0.0.1', '10.0.0.255', 1, 2))), 'reject');
  });

  it('statistic nth: every 3rd packet of the walk, starting from --packet', () => {
    const ns = tables(['-A INPUT -m statistic --mode nth --every 3 --packet 0 -j DROP']);
    const flow = new Flow();
    const seen = [1, 2, 3, 4, 5, 6].map((i) => verdict(run(ns, 'INPUT', tcp('10.0.0.2', '10.0.0.1', i, 80), {}, flow)));
    assert.deepEqual(seen, ['accept', 'accept', 'drop', 'accept', 'accept', 'drop']);
  });

  it('mark and MARK, comment, LOG: LOG and MARK go on to the next rule', () => {
    const ns = tables([
      '-t mangle -A INPUT -j LOG --log-prefix in:',
      '-t mangle -A INPUT -j MARK --set-xmark 0x3/0xf',
      '-A INPUT -m comment --comment "marked three" -m mark --mark 3/0xf -j DROP',
    ]);
    const d = run(ns, 'INPUT', tcp('10.0.0.2', '10.0.0.1', 1, 2, { mark: 0x10 }));
    assert.equal(d.verdict, 'drop');
    const marked = d.notes!.find((n) => /MARK/.test(n.detail.en))!;
    assert.deepEqual((marked.data as { after: { mark: number } }).after.mark, 0x13);
  });
});

describe('netfilter targets', () => {
  it("REDIRECT: to the in interface's address at PREROUTING, to 127.0.0.1 at OUTPUT", () => {
    const ns = tables(['-t nat -A PREROUTING -p tcp -j REDIRECT --to-ports 3128', '-t nat -A OUTPUT -p tcp --dport 80 -j REDIRECT']);
    const pre = run(ns, 'PREROUTING', tcp('10.0.0.2', '8.8.8.8', 1, 80), { in: 'eth0' });
    assert.equal(pre.verdict, 'rewrite');
    assert.equal(pre.verdict === 'rewrite' && `${pre.packet.dst.value}:${pre.packet.dport}`, `${ip('10.0.0.1').value}:3128`);
    const out = run(ns, 'OUTPUT', tcp('10.0.0.1', '8.8.8.8', 1, 80), { out: 'eth0' });
    assert.equal(out.verdict === 'rewrite' && out.packet.dst.value, ip('127.0.0.1').value);
  });

  it('SNAT keeps a source port in its range and picks the first otherwise; MASQUERADE with no address drops', () => {
    const ns = tables([
      '-t nat -A POSTROUTING -o eth0 -p tcp -j SNAT --to-source 10.0.0.9:1000-2000',
      '-t nat -A POSTROUTING -o eth1 -j MASQUERADE',
    ]);
    const keep = run(ns, 'POSTROUTING', tcp('10.0.0.1', '10.0.0.2', 1500, 80), { out: 'eth0' });
    assert.equal(keep.verdict === 'rewrite' && keep.packet.sport, 1500);
    const pick = run(ns, 'POSTROUTING', tcp('10.0.0.1', '10.0.0.2', 40000, 80), { out: 'eth0' });
    assert.equal(pick.verdict === 'rewrite' && `${pick.packet.src.value}:${pick.packet.sport}`, `${ip('10.0.0.9').value}:1000`);
    assert.equal(verdict(run(ns, 'POSTROUTING', tcp('10.0.0.1', '10.0.2.2', 1, 80), { out: 'eth1' })), 'drop');
  });

  it("the nat table sees a connection's first packet only", () => {
    const ns = tables(['-t nat -A PREROUTING -p tcp -j DNAT --to-destination 10.0.0.7']);
    const flow = new Flow();
    const p = tcp('10.0.0.2', '10.0.0.1', 1, 80);
    const first = run(ns, 'PREROUTING', p, { in: 'eth0' }, flow);
    assert.equal(first.verdict, 'rewrite');
    flow.confirm(flow.find(ns, p)!);
    const second = run(ns, 'PREROUTING', p, { in: 'eth0' }, flow);
    assert.equal(second.verdict, 'accept');
    assert.equal(second.notes!.length, 0);
  });

  it('REJECT types as the seam sends them', () => {
    const ns = tables([
      '-A INPUT -p tcp --dport 1 -j REJECT --reject-with tcp-reset',
      '-A INPUT -p tcp --dport 2 -j REJECT --reject-with icmp-net-unreachable',
      '-A INPUT -p tcp --dport 3 -j REJECT --reject-with icmp-host-unreachable',
      '-A INPUT -p tcp --dport 4 -j REJECT --reject-with icmp-admin-prohibited',
      '-A INPUT -p tcp --dport 5 -j REJECT',
    ]);
    const withs = [1, 2, 3, 4, 5].map((port) => {
      const d = run(ns, 'INPUT', tcp('10.0.0.2', '10.0.0.1', 9, port));
      return d.verdict === 'reject' ? d.with : d.verdict;
    });
    assert.deepEqual(withs, ['tcp-reset', 'net-unreachable', 'host-unreachable', 'admin-prohibited', 'port-unreachable']);
  });
});
