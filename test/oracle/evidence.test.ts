/**
 * The oracle's finer failure classes without a kernel (oracle.test.ts compares them with one): what
 * ping and a connect print, read as Evidence (kernel-answers.ts), and what a simulator trace says
 * the origin saw (compare.ts simEvidence), on one lab with a cause of every kind.
 */
import { strict as assert } from 'node:assert';
import { buildWorld, loadLab, tracePacket } from '../../src/core';
import { normalizeSaveChainCounters, normalizeSaveDates, simEvidence } from './compare';
import { pingEvidence, tcpEvidence } from './kernel-answers';
import type { ProcResult } from './kernel-netns';

const proc = (status: number, stdout: string, stderr = '', timedOut = false): ProcResult => ({ status, stdout, stderr, timedOut });

describe('oracle evidence: what the kernel showed', () => {
  it('ping: a reply, an ICMP error with its router, the sender refusing, silence', () => {
    assert.equal(pingEvidence(proc(0, '64 bytes from 10.0.0.2: icmp_seq=1 ttl=64 time=0.1 ms\n')), 'replied');
    const err = (line: string) =>
      proc(
        1,
        `PING 10.9.0.1 (10.9.0.1) 56(84) bytes of data.\n${line}\n\n--- ping statistics ---\n1 packets transmitted, 0 received, +1 errors`,
      );
    assert.equal(pingEvidence(err('From 10.255.0.2 icmp_seq=1 Time to live exceeded')), 'From 10.255.0.2: Time to live exceeded');
    assert.equal(pingEvidence(err('From 10.0.0.1 icmp_seq=1 Destination Host Unreachable')), 'From 10.0.0.1: Destination Host Unreachable');
    assert.equal(pingEvidence(err('From 10.0.0.1 icmp_seq=1 Packet filtered')), 'From 10.0.0.1: Packet filtered');
    assert.equal(pingEvidence(proc(2, '', 'ping: connect: Network is unreachable\n')), 'connect: Network is unreachable');
    assert.equal(pingEvidence(proc(2, '', 'ping: connect: Invalid argument\n')), 'connect: Invalid argument');
    assert.equal(
      pingEvidence(proc(2, '', 'ping: Do you want to ping broadcast? Then -b. If not, check your local firewall rules\n')),
      'sendmsg: Permission denied',
    );
    assert.equal(
      pingEvidence(
        proc(
          1,
          'PING 10.0.0.5 (10.0.0.5) 56(84) bytes of data.\n\n--- 10.0.0.5 ping statistics ---\n1 packets transmitted, 0 received, 100% packet loss, time 0ms\n',
        ),
      ),
      'silence',
    );
  });

  it("TCP: connected, or connect()'s errno from socat's text", () => {
    assert.equal(tcpEvidence(proc(0, '')), 'connected');
    const e = (text: string) => proc(1, '', `2026/12/05 01:58:03 socat[24394] E connect(6, AF=2 10.93.0.1:80, 16): ${text}\n`);
    assert.equal(tcpEvidence(e('Connection refused')), 'ECONNREFUSED');
    assert.equal(tcpEvidence(e('No route to host')), 'EHOSTUNREACH');
    assert.equal(tcpEvidence(e('Network is unreachable')), 'ENETUNREACH');
    assert.equal(tcpEvidence(e('Permission denied')), 'EACCES');
    assert.equal(tcpEvidence(e('Operation not permitted')), 'EPERM');
    assert.equal(tcpEvidence(e('Invalid argument')), 'EINVAL');
    assert.equal(tcpEvidence(proc(1, '', 'socat[1] E connecting to AF=2 10.91.0.1:80: Connection timed out\n')), 'ETIMEDOUT');
    assert.equal(tcpEvidence(proc(137, '', '', true)), 'ETIMEDOUT');
  });
});

const LAB = `name: evidence
switches: [lan1, lan2]
hosts:
  a:
    interfaces: { eth0: lan1 }
    run: |
      ip addr add 192.168.1.10/24 dev eth0
      ip route add 192.168.2.0/24 via 192.168.1.1
      ip route add 10.60.0.0/16 via 192.168.1.1
      ip route add 10.70.0.0/16 via 192.168.1.1
      ip route add blackhole 10.91.0.0/24
      ip route add unreachable 10.92.0.0/24
      ip route add prohibit 10.93.0.0/24
  r:
    interfaces: { eth0: lan1, eth1: lan2 }
    run: |
      ip addr add 192.168.1.1/24 dev eth0
      ip addr add 192.168.2.1/24 dev eth1
      ip route add 10.70.0.0/16 via 192.168.2.99
      sysctl -w net.ipv4.ip_forward=1
  b:
    interfaces: { eth0: lan2 }
    serve: [tcp/80]
    run: |
      ip addr add 192.168.2.10/24 dev eth0
      ip route add 192.168.1.0/24 via 192.168.2.1
  c:
    interfaces: { eth0: lan2 }
    serve: [tcp/80]
    run: ip addr add 192.168.2.20/24 dev eth0
`;

describe('oracle evidence: what the simulator says the origin saw', () => {
  const loaded = loadLab(LAB, { file: 'evidence.yaml' });
  assert.ok(loaded.lab, JSON.stringify(loaded.diagnostics));
  const world = buildWorld(loaded.lab).world;
  const a = { host: 'a', netns: '' };
  const seen = (to: string, proto: 'icmp' | 'tcp', port?: number) =>
    simEvidence(tracePacket(world, { from: a, to, proto, ...(port ? { port } : {}) }), a, proto);

  const cases: [string, string, string, string][] = [
    ['a reply', '192.168.2.10', 'replied', 'connected'],
    ['no route at the sender', '10.50.0.1', 'connect: Network is unreachable', 'ENETUNREACH'],
    ['a blackhole route at the sender', '10.91.0.1', 'connect: Invalid argument', 'EINVAL'],
    ['an unreachable route at the sender', '10.92.0.1', 'connect: No route to host', 'EHOSTUNREACH'],
    ['a prohibit route at the sender', '10.93.0.1', 'sendmsg: Permission denied', 'EACCES'],
    ["the sender's own ARP fails", '192.168.1.99', 'From 192.168.1.10: Destination Host Unreachable', 'EHOSTUNREACH'],
    ['a router without a route', '10.60.0.1', 'From 192.168.1.1: Destination Net Unreachable', 'ENETUNREACH'],
    ["a router's ARP fails", '10.70.0.1', 'From 192.168.1.1: Destination Host Unreachable', 'EHOSTUNREACH'],
    ['the reply is lost (c has no route back)', '192.168.2.20', 'silence', 'ETIMEDOUT'],
  ];
  for (const [what, to, ping, tcp] of cases) {
    it(`${what}: ping ${ping}, connect ${tcp}`, () => {
      assert.equal(seen(to, 'icmp'), ping);
      assert.equal(seen(to, 'tcp', 80), tcp);
    });
  }

  it('a refused connect is ECONNREFUSED', () => {
    assert.equal(seen('192.168.2.10', 'tcp', 81), 'ECONNREFUSED');
  });

  it('a verdict that cannot be what the origin saw is no kernel evidence', () => {
    const t = tracePacket(world, { from: a, to: '10.60.0.1', proto: 'icmp' });
    assert.match(simEvidence({ ...t, verdict: 'dropped' }, a, 'icmp'), /^\?dropped/);
    const local = tracePacket(world, { from: a, to: '10.50.0.1', proto: 'tcp', port: 80 });
    assert.equal(
      simEvidence({ ...local, verdict: 'dropped' }, a, 'tcp'),
      'ETIMEDOUT',
      'a silent drop at the sender: the kernel would say ENETUNREACH',
    );
  });
});

describe('oracle comparison: iptables-save dates', () => {
  it('hides only the date of the two comment lines', () => {
    const real =
      '# Generated by iptables-save v1.8.9 (nf_tables) on Sat Dec  5 08:17:05 2026\n*nat\n-A X -m comment --comment "on Sat"\nCOMMIT\n# Completed on Sat Dec  5 08:17:05 2026\n';
    const sim =
      '# Generated by iptables-save v1.8.9 (nf_tables) on Thu Jan  1 00:00:00 1970\n*nat\n-A X -m comment --comment "on Sat"\nCOMMIT\n# Completed on Thu Jan  1 00:00:00 1970\n';
    assert.equal(normalizeSaveDates(real), normalizeSaveDates(sim));
    assert.match(
      normalizeSaveDates(real),
      /^# Generated by iptables-save v1\.8\.9 \(nf_tables\) on <date>\n[^]*--comment "on Sat"\n[^]*# Completed on <date>\n$/,
    );
    assert.notEqual(normalizeSaveDates(real.replace('v1.8.9', 'v1.8.7')), normalizeSaveDates(sim));
  });
});

describe('oracle comparison: iptables-save chain counters', () => {
  it("hides a chain's own counters, never a rule's", () => {
    const real =
      '*mangle\n:PREROUTING ACCEPT [13:3440]\n:X - [0:0]\n[5:600] -A PREROUTING -p tcp -j MARK --set-xmark 0x1/0xffffffff\nCOMMIT\n';
    const sim =
      '*mangle\n:PREROUTING ACCEPT [12:3400]\n:X - [0:0]\n[5:600] -A PREROUTING -p tcp -j MARK --set-xmark 0x1/0xffffffff\nCOMMIT\n';
    assert.equal(normalizeSaveChainCounters(real), normalizeSaveChainCounters(sim));
    assert.notEqual(normalizeSaveChainCounters(real.replace('[5:600]', '[4:600]')), normalizeSaveChainCounters(sim));
    assert.notEqual(normalizeSaveChainCounters(real.replace('ACCEPT [13', 'DROP [13')), normalizeSaveChainCounters(sim));
  });
});
