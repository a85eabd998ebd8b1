/**
 * The table of sysctl defaults (generated/sysctlDefaults.ts, taken from a fresh namespace of kernel
 * 6.18 by scripts/sysctl-defaults.mjs): every key readable with its default, per interface where the
 * kernel has it per interface; the keys the simulation acts on; writes to the others flagged.
 */
import { strict as assert } from 'node:assert';
import { NET_KEYS, PER_INTERFACE } from '../../../src/core/commands/generated/sysctlDefaults';
import { fixture } from '../../support/commands';

describe('commands: the sysctl keys of a namespace and their defaults', () => {
  it('reads the kernel defaults of keys the simulation only stores', () => {
    const f = fixture(['eth0']);
    const read = (k: string) => f.sh(`sysctl -n ${k}`).stdout;
    assert.equal(read('net.core.somaxconn'), '4096\n');
    assert.equal(read('net.ipv4.tcp_congestion_control'), `${NET_KEYS['net.ipv4.tcp_congestion_control']}\n`);
    assert.equal(read('net.ipv4.conf.default.accept_source_route'), '1\n');
    assert.equal(read('net.ipv4.conf.all.accept_source_route'), '0\n');
    assert.equal(read('net.ipv4.conf.eth0.arp_ignore'), '0\n');
    assert.equal(read('net.ipv4.conf.eth0.promote_secondaries'), '0\n');
    assert.equal(read('net.ipv4.neigh.eth0.base_reachable_time_ms'), '30000\n');
    assert.equal(read('net.ipv6.neigh.lo.locktime'), '0\n');
    assert.equal(read('net.ipv4.neigh.lo.locktime'), '100\n');
    // lo differs from other interfaces; IPv6's mtu is the link's.
    assert.equal(read('net.ipv4.conf.lo.disable_policy'), '1\n');
    assert.equal(read('net.ipv4.conf.eth0.disable_policy'), '0\n');
    assert.equal(read('net.ipv6.conf.lo.mtu'), '65536\n');
    assert.equal(read('net.ipv6.conf.eth0.mtu'), '1500\n');
    assert.equal(f.sh('cat /proc/sys/net/ipv4/ip_local_port_range').stdout, '32768\t60999\n');
  });

  it('a key of an interface that does not exist cannot be read', () => {
    const r = fixture(['eth0']).sh('sysctl net.ipv4.conf.eth9.rp_filter');
    assert.equal(r.stderr, 'sysctl: cannot stat /proc/sys/net/ipv4/conf/eth9/rp_filter: No such file or directory\n');
  });

  it('sysctl -a lists every key of the table and every per-interface key of every interface', () => {
    const f = fixture(['eth0']);
    const names = f.sh('sysctl -N -a').stdout.split('\n').filter(Boolean);
    for (const k of Object.keys(NET_KEYS)) assert.ok(names.includes(k), k);
    for (const [family, keys] of Object.entries(PER_INTERFACE))
      for (const leaf of Object.keys(keys)) for (const dev of ['lo', 'eth0']) assert.ok(names.includes(`${family}.${dev}.${leaf}`));
    assert.deepEqual(names, [...names].sort());
    assert.equal(new Set(names).size, names.length);
  });

  it('a stored key reads back what was written, and the write is flagged as not simulated; a text key takes text', () => {
    const f = fixture(['eth0']);
    let r = f.sh('sysctl -w net.ipv4.neigh.eth0.base_reachable_time_ms=5000');
    assert.equal(r.notSimulated?.command, 'sysctl net.ipv4.neigh.eth0.base_reachable_time_ms');
    assert.equal(f.sh('cat /proc/sys/net/ipv4/neigh/eth0/base_reachable_time_ms').stdout, '5000\n');
    r = f.sh('sysctl -w net.ipv4.conf.eth0.arp_ignore=x');
    assert.equal(r.stderr, 'sysctl: setting key "net.ipv4.conf.eth0.arp_ignore": Invalid argument\n');
    f.ok('sysctl -w net.ipv4.tcp_congestion_control=reno');
    assert.equal(f.sh('sysctl -n net.ipv4.tcp_congestion_control').stdout, 'reno\n');
  });

  it('net.ipv4.conf: a device follows default until it has its own value; a device made after a write to default keeps its copy', () => {
    // As kernel 6.18 does it (checked in a fresh namespace): devinet_copy_dflt_conf and inetdev_init's copy.
    const f = fixture(['eth0']);
    const read = (k: string) => f.sh(`sysctl -n net.ipv4.conf.${k}.rp_filter`).stdout.trim();
    assert.equal(read('eth0'), '0');
    f.ok('sysctl -w net.ipv4.conf.default.rp_filter=2');
    assert.equal(read('eth0'), '2', 'an existing device follows default');
    f.ok('ip link add v1 type veth peer name v1p');
    assert.equal(read('v1'), '2');
    f.ok('sysctl -w net.ipv4.conf.eth0.rp_filter=1', 'sysctl -w net.ipv4.conf.default.rp_filter=0');
    assert.equal(read('eth0'), '1', 'its own value stays');
    assert.equal(read('v1'), '2', 'made after default was written: its copy stays');
    assert.equal(read('lo'), '0', 'lo follows default');
    f.ok('sysctl -w net.ipv4.conf.default.rp_filter=1');
    assert.equal(read('lo'), '1');
    assert.equal(read('all'), '0', 'all is its own');
    // A renamed device keeps its values; a moved one takes the new namespace's defaults.
    f.ok('ip link set v1 name v2');
    assert.equal(read('v2'), '2');
    f.ok('ip netns add n', 'ip link set v2 netns n');
    assert.equal(f.sh('ip netns exec n sysctl -n net.ipv4.conf.v2.rp_filter').stdout, '0\n');
  });
});
