import { strict as assert } from 'node:assert';
import { fixture } from '../../support/commands';

describe('addrconf (src/core/sim/addrconf.ts)', () => {
  it('a veth gets its EUI-64 link-local address and routes when it has a carrier, not before', () => {
    const f = fixture();
    f.ok('ip link add v0 address 02:00:00:00:00:01 type veth peer name v1 address 02:00:00:00:00:02', 'ip link set v0 up');
    assert.equal(f.sh('ip -6 route').stdout, '', 'no carrier yet: no fe80::/64');
    f.ok('ip link set v1 up');
    assert.equal(
      f.sh('ip -6 route').stdout,
      // Both get their carrier at once; the one just set up is configured first (as the kernel did here).
      'fe80::/64 dev v1 proto kernel metric 256 pref medium\nfe80::/64 dev v0 proto kernel metric 256 pref medium\n',
    );
    assert.equal(
      f.sh('ip -6 route show table local').stdout,
      [
        'local ::1 dev lo proto kernel metric 0 pref medium',
        'local fe80::ff:fe00:1 dev v0 proto kernel metric 0 pref medium',
        'local fe80::ff:fe00:2 dev v1 proto kernel metric 0 pref medium',
        'multicast ff00::/8 dev v1 proto kernel metric 256 pref medium',
        'multicast ff00::/8 dev v0 proto kernel metric 256 pref medium',
        '',
      ].join('\n'),
    );
    // A new MAC keeps the link-local address made from the old one, as the kernel does.
    f.ok('ip link set v0 address 02:00:00:00:00:09');
    assert.match(f.sh('ip -o -6 addr show dev v0').stdout, /inet6 fe80::ff:fe00:1\/64 scope link/);
  });

  it('a global address: prefix route metric 256 proto kernel, a local entry; down takes every IPv6 address and route', () => {
    const f = fixture();
    f.ok('ip link add v0 address 02:00:00:00:00:01 type veth peer name v1', 'ip link set v1 up', 'ip link set v0 up');
    f.ok('ip addr add 2001:db8::1/64 dev v0', 'ip route add 2001:db8:9::/64 via 2001:db8::2', 'ip addr add 10.0.0.1/24 dev v0');
    assert.equal(
      f.sh('ip -6 route show dev v0').stdout,
      '2001:db8::/64 proto kernel metric 256 pref medium\n2001:db8:9::/64 via 2001:db8::2 metric 1024 pref medium\nfe80::/64 proto kernel metric 256 pref medium\n',
    );
    assert.equal(
      f.sh('ip -o -6 addr show dev v0').stdout,
      '3: v0    inet6 2001:db8::1/64 scope global \\       valid_lft forever preferred_lft forever\n' +
        '3: v0    inet6 fe80::ff:fe00:1/64 scope link \\       valid_lft forever preferred_lft forever\n',
    );
    f.ok('ip link set v0 down', 'ip link set v0 up');
    assert.equal(
      f.sh('ip -o -6 addr show dev v0').stdout,
      '3: v0    inet6 fe80::ff:fe00:1/64 scope link \\       valid_lft forever preferred_lft forever\n',
    );
    assert.equal(f.sh('ip -6 route show dev v0').stdout, 'fe80::/64 proto kernel metric 256 pref medium\n');
    assert.match(f.sh('ip -o -4 addr show dev v0').stdout, /10\.0\.0\.1\/24/, 'IPv4 addresses stay');
  });

  it('a forwarding device answers its subnet-router anycast addresses; disable_ipv6 takes everything away', () => {
    const f = fixture();
    f.ok('ip link add v0 address 02:00:00:00:00:01 type veth peer name v1', 'ip link set v1 up', 'ip link set v0 up');
    f.ok('ip addr add 2001:db8:1::1/64 dev v0', 'sysctl -w net.ipv6.conf.v0.forwarding=1');
    const local = f.sh('ip -6 route show table local dev v0').stdout;
    assert.match(local, /^anycast 2001:db8:1:: proto kernel metric 0 pref medium$/m);
    assert.match(local, /^anycast fe80:: proto kernel metric 0 pref medium$/m);
    f.ok('sysctl -w net.ipv6.conf.v0.forwarding=0');
    assert.doesNotMatch(f.sh('ip -6 route show table local dev v0').stdout, /anycast/);
    f.ok('sysctl -w net.ipv6.conf.v0.disable_ipv6=1');
    assert.equal(f.sh('ip -o -6 addr show dev v0').stdout, '');
    assert.equal(f.sh('ip -6 route show table all dev v0').stdout, '');
    assert.equal(f.sh('ip addr add 2001:db8:1::1/64 dev v0').stderr, 'Error: ipv6: IPv6 is disabled on this device.\n');
    f.ok('sysctl -w net.ipv6.conf.v0.disable_ipv6=0');
    assert.match(f.sh('ip -o -6 addr show dev v0').stdout, /inet6 fe80::ff:fe00:1\/64 scope link/, 'enabled again: addrconf runs');
  });

  it('IPv6 errors and defaults: an address twice, off-link and link-local gateways, reject routes on lo', () => {
    const f = fixture();
    f.ok('ip link add v0 type veth peer name v1', 'ip link set v1 up', 'ip link set v0 up', 'ip addr add 2001:db8::1/64 dev v0');
    assert.equal(f.sh('ip addr add 2001:db8::1/48 dev v0').stderr, 'Error: ipv6: address already assigned.\n');
    assert.equal(f.sh('ip route add 2001:db8:9::/64 via 2001:db8:7::1').stderr, 'RTNETLINK answers: No route to host\n');
    assert.equal(f.sh('ip route add 2001:db8:9::/64 via fe80::1').stderr, 'Error: Egress device not specified.\n');
    assert.equal(f.sh('ip -6 addr del 2001:db8::5/64 dev v0').stderr, 'Error: ipv6: address not found.\n');
    f.ok('ip link add v2 type veth peer name v3');
    assert.equal(f.sh('ip -6 route add 2001:db8:7::/64 dev v2').stderr, 'Error: Nexthop device is not up.\n');
    assert.equal(f.sh('ip -6 route add 2001:db8:7::/64 via fe80::1 dev v2').stderr, 'Error: Nexthop device is not up.\n');
    f.ok(
      'ip route add default via 2001:db8::2',
      'ip route add blackhole 2001:db8:a::/64',
      'ip route add 2001:db8:b::/64 via fe80::1 dev v0',
    );
    assert.equal(
      f.sh('ip -6 route show 2001:db8:a::/64').stdout +
        f.sh('ip -6 route show 2001:db8:b::/64').stdout +
        f.sh('ip -6 route show default').stdout,
      'blackhole 2001:db8:a::/64 dev lo metric 1024 pref medium\n2001:db8:b::/64 via fe80::1 dev v0 metric 1024 pref medium\ndefault via 2001:db8::2 dev v0 metric 1024 pref medium\n',
    );
  });

  it('an address given while the link is down is tentative, without routes, until the link is up with a carrier', () => {
    const f = fixture();
    f.ok('ip link add v0 address 02:00:00:00:00:01 type veth peer name v1', 'ip addr add 2001:db8::1/64 dev v0');
    assert.match(f.sh('ip -6 addr show dev v0').stdout, /^ {4}inet6 2001:db8::1\/64 scope global tentative $/m);
    assert.equal(f.sh('ip -6 route show table all dev v0').stdout, '');
    f.ok('ip link set v0 up', 'ip link set v1 up');
    assert.equal(
      f.sh('ip -o -6 addr show dev v0').stdout,
      '3: v0    inet6 2001:db8::1/64 scope global \\       valid_lft forever preferred_lft forever\n' +
        '3: v0    inet6 fe80::ff:fe00:1/64 scope link \\       valid_lft forever preferred_lft forever\n',
    );
    assert.equal(
      f.sh('ip -6 route show dev v0').stdout,
      '2001:db8::/64 proto kernel metric 256 pref medium\nfe80::/64 proto kernel metric 256 pref medium\n',
    );
    // The carrier goes: the addresses stay, DAD waits again, the routes are linkdown.
    f.ok('ip link set v1 down');
    assert.match(f.sh('ip -6 addr show dev v0').stdout, /inet6 fe80::ff:fe00:1\/64 scope link tentative/);
    assert.match(f.sh('ip -6 route show dev v0').stdout, /^fe80::\/64 proto kernel metric 256 linkdown pref medium$/m);
    // On lo there is no DAD.
    f.ok('ip addr add 2001:db8:5::1/64 dev lo');
    assert.match(f.sh('ip -6 addr show dev lo').stdout, /inet6 2001:db8:5::1\/64 scope global \n/);
  });

  it('ip -6 route change and replace find a route at its default metric, 1024', () => {
    const f = fixture();
    f.ok('ip link add v0 type veth peer name v1', 'ip link set v0 up', 'ip link set v1 up', 'ip addr add 2001:db8::1/64 dev v0');
    f.ok('ip -6 route add 2001:db8:9::/64 via 2001:db8::2', 'ip -6 route change 2001:db8:9::/64 via 2001:db8::3');
    f.ok('ip -6 route replace 2001:db8:9::/64 via 2001:db8::4 metric 1024');
    assert.equal(f.sh('ip -6 route show 2001:db8:9::/64').stdout, '2001:db8:9::/64 via 2001:db8::4 dev v0 metric 1024 pref medium\n');
  });
});
