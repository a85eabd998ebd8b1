/**
 * br_netfilter (walk/brnf.ts): traffic a host's bridge forwards between namespaces crosses the
 * host's FORWARD chain while net.bridge.bridge-nf-call-iptables is 1, with the bridge as in and out
 * device and its ports for -m physdev.
 */
import { strict as assert } from 'node:assert';
import { execCommand } from '../../../../src/core';
import { tracePacket } from '../../../../src/core/datapath/walk';
import { traceCauses } from '../../../../src/core/datapath/causes';
import { labWorld } from '../../../support/world';

describe('br_netfilter: bridged traffic and iptables FORWARD', () => {
  /** Two namespaces on a bridge inside host h, with h's FORWARD rules. */
  const bridged = (lines: string[]) =>
    labWorld(`name: br
hosts:
  h:
    run: |
${[
  'ip link add br0 type bridge',
  'ip link set br0 up',
  'ip netns add c1',
  'ip netns add c2',
  'ip link add v1 type veth peer name eth0 netns c1',
  'ip link add v2 type veth peer name eth0 netns c2',
  'ip link set v1 master br0 up',
  'ip link set v2 master br0 up',
  'ip -n c1 addr add 172.17.0.2/16 dev eth0',
  'ip -n c2 addr add 172.17.0.3/16 dev eth0',
  'ip -n c1 link set eth0 up',
  'ip -n c2 link set eth0 up',
  ...lines,
]
  .map((l) => `        ${l}`)
  .join('\n')}
`);
  const ping = (w: ReturnType<typeof labWorld>) => tracePacket(w, { from: { host: 'h', netns: 'c1' }, to: '172.17.0.3', proto: 'icmp' });

  it('FORWARD policy DROP on the host stops traffic between the namespaces on its bridge', () => {
    assert.equal(ping(bridged([])).verdict, 'replied');
    const t = ping(bridged(['iptables -P FORWARD DROP']));
    assert.equal(t.verdict, 'dropped');
    assert.deepEqual(
      traceCauses(t).map((c) => c.cause),
      ['filtered'],
    );
  });

  it('an ACCEPT for the bridge (-i br0 -o br0) or for its ports (-m physdev) lets it through', () => {
    assert.equal(ping(bridged(['iptables -P FORWARD DROP', 'iptables -A FORWARD -i br0 -o br0 -j ACCEPT'])).verdict, 'replied');
    const phys = bridged([
      'iptables -P FORWARD DROP',
      'iptables -A FORWARD -m physdev --physdev-in v1 --physdev-is-bridged -j ACCEPT',
      'iptables -A FORWARD -m conntrack --ctstate ESTABLISHED -j ACCEPT',
    ]);
    const t = ping(phys);
    assert.equal(t.verdict, 'replied', t.reason.en);
    assert.ok(t.request.steps.some((s) => s.stage === 'netfilter' && (s.data as { bridged?: boolean }).bridged));
  });

  it('net.bridge.bridge-nf-call-iptables=0 takes bridged traffic out of iptables', () => {
    assert.equal(ping(bridged(['iptables -P FORWARD DROP', 'sysctl -w net.bridge.bridge-nf-call-iptables=0'])).verdict, 'replied');
  });
});

describe('br_netfilter: the sysctl', () => {
  it('net.bridge.bridge-nf-call-iptables reads 1, is simulated, and keeps what is written', () => {
    const w = labWorld('name: s\nhosts:\n  h: {}\n');
    const run = (line: string) => execCommand(w, { host: 'h', netns: '' }, line);
    assert.equal(run('sysctl net.bridge.bridge-nf-call-iptables').stdout, 'net.bridge.bridge-nf-call-iptables = 1\n');
    const set = run('sysctl -w net.bridge.bridge-nf-call-iptables=0');
    assert.equal(set.status, 0);
    assert.equal(set.notSimulated, undefined);
    assert.equal(run('cat /proc/sys/net/bridge/bridge-nf-call-iptables').stdout, '0\n');
  });
});
