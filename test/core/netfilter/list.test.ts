/**
 * `iptables -L` as iptables 1.8.9 prints it (texts from the real tool in a network namespace; the
 * oracle scenario 108 compares the rest): names or numbers, -v's counters and interfaces, line
 * numbers, user chains' references, goto; and a trace's hits added to the counters.
 */
import { strict as assert } from 'node:assert';
import { execCommand } from '../../../src/core';
import { tracePacket } from '../../../src/core/datapath/walk';
import { countHits, extraCounters, iptablesOf } from '../../../src/core/netfilter/index';
import { listTable } from '../../../src/core/netfilter/list';
import { labWorld } from '../../support/world';

function host(lines: string[]) {
  const w = labWorld('name: t\nhosts:\n  h: {}\n');
  for (const l of lines) assert.equal(execCommand(w, { host: 'h', netns: '' }, `iptables ${l}`).status, 0, l);
  return (line: string) => execCommand(w, { host: 'h', netns: '' }, `iptables ${line}`).stdout;
}

describe('iptables -L', () => {
  it('names without -n, numbers with it', () => {
    const run = host([
      '-A INPUT -s 10.0.0.1/8 -p tcp --dport 80 -j ACCEPT',
      '-A INPUT ! -s 10.0.0.1 -d 192.168.1.0/24 -p udp --sport 1000:2000 -j DROP',
    ]);
    assert.equal(
      run('-L INPUT'),
      'Chain INPUT (policy ACCEPT)\n' +
        'target     prot opt source               destination         \n' +
        'ACCEPT     tcp  --  10.0.0.0/8           anywhere             tcp dpt:http\n' +
        'DROP       udp  -- !10.0.0.1             192.168.1.0/24       udp spts:1000:2000\n',
    );
    assert.equal(run('-L INPUT 2'), 'DROP       udp  -- !10.0.0.1             192.168.1.0/24       udp spts:1000:2000\n');
    assert.equal(
      run('-L INPUT -n --line-numbers'),
      'Chain INPUT (policy ACCEPT)\n' +
        'num  target     prot opt source               destination         \n' +
        '1    ACCEPT     6    --  10.0.0.0/8           0.0.0.0/0            tcp dpt:80\n' +
        '2    DROP       17   -- !10.0.0.1             192.168.1.0/24       udp spts:1000:2000\n',
    );
  });

  it('-v: counters, interfaces, the policy with its counts; user chains with their references; goto', () => {
    const run = host([
      '-N web',
      '-A web -j RETURN',
      '-A FORWARD -i eth0 ! -o br0 -j web',
      '-A FORWARD -g web',
      '-t nat -A POSTROUTING -p tcp -j MASQUERADE --to-ports 1000-2000',
    ]);
    assert.equal(
      run('-L -n -v'),
      [
        'Chain INPUT (policy ACCEPT 0 packets, 0 bytes)',
        ' pkts bytes target     prot opt in     out     source               destination         ',
        '',
        'Chain FORWARD (policy ACCEPT 0 packets, 0 bytes)',
        ' pkts bytes target     prot opt in     out     source               destination         ',
        '    0     0 web        0    --  eth0   !br0    0.0.0.0/0            0.0.0.0/0           ',
        '    0     0 web        0    --  *      *       0.0.0.0/0            0.0.0.0/0           [goto] ',
        '',
        'Chain OUTPUT (policy ACCEPT 0 packets, 0 bytes)',
        ' pkts bytes target     prot opt in     out     source               destination         ',
        '',
        'Chain web (2 references)',
        ' pkts bytes target     prot opt in     out     source               destination         ',
        '    0     0 RETURN     0    --  *      *       0.0.0.0/0            0.0.0.0/0           ',
        '',
      ].join('\n'),
    );
    assert.equal(
      run('-t nat -L POSTROUTING'),
      'Chain POSTROUTING (policy ACCEPT)\n' +
        'target     prot opt source               destination         \n' +
        'MASQUERADE  tcp  --  anywhere             anywhere             masq ports: 1000-2000\n',
    );
  });

  it("shows a trace's hits when they are added (the world's own counters stay 0)", () => {
    const w = labWorld(`name: c
switches: [lan]
hosts:
  a:
    interfaces: { eth0: lan }
    run: |
      ip addr add 10.0.0.1/24 dev eth0
  b:
    interfaces: { eth0: lan }
    run: |
      ip addr add 10.0.0.2/24 dev eth0
      iptables -A INPUT -p icmp -j ACCEPT
      iptables -A INPUT -j DROP
`);
    const t = tracePacket(w, { from: { host: 'a', netns: '' }, to: '10.0.0.2', proto: 'icmp' });
    assert.equal(t.verdict, 'replied');
    const hits = countHits(t);
    assert.deepEqual(
      hits.map((h) => [h.host, h.table, h.chain, h.rule, h.packets, h.bytes]),
      [['b', 'filter', 'INPUT', 1, 1, 84]],
    );
    const ipt = iptablesOf(w.hosts.get('b')!.netns.get('')!)!;
    const table = ipt.table('filter');
    const input = table.chains.get('INPUT')!;
    const extra = extraCounters(w.hosts.get('b')!.netns.get('')!, hits);
    assert.deepEqual([...extra.entries()], [[input.rules[0]!, { packets: 1, bytes: 84 }]]);
    const o = { numeric: true, verbose: true, exact: false, lineNumbers: false };
    assert.match(listTable(table, { ...o, extra }), /\n {4}1 {4}84 ACCEPT {5}1 {4}-- /);
    assert.match(listTable(table, o), /\n {4}0 {5}0 ACCEPT/);
  });
});
