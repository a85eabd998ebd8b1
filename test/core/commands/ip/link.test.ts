/**
 * The simulated `ip link` against what iproute2 6.1, procps sysctl and dash print on kernel 6.18
 * (every expected text below was taken from the real tools in a network namespace).
 */
import { strict as assert } from 'node:assert';
import { expectErr, fixture, lab } from '../../../support/commands';

describe('commands: ip link', () => {
  it('a new namespace: lo only, down', () => {
    const f = fixture();
    f.ok('ip netns add red');
    assert.equal(
      f.sh('ip link', 'red').stdout,
      '1: lo: <LOOPBACK> mtu 65536 qdisc noop state DOWN mode DEFAULT group default qlen 1000\n' +
        '    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00\n',
    );
  });

  it('veth pairs: the peer gets the lower ifindex; M-DOWN, NO-CARRIER, LOWERLAYERDOWN', () => {
    const f = fixture();
    f.ok('ip link add v0 type veth peer name v1', 'ip link set v0 up');
    const out = f.sh('ip link').stdout.split('\n');
    assert.match(out[2]!, /^2: v1@v0: <BROADCAST,MULTICAST> mtu 1500 qdisc noop state DOWN mode DEFAULT group default qlen 1000$/);
    assert.match(
      out[4]!,
      /^3: v0@v1: <NO-CARRIER,BROADCAST,MULTICAST,UP,M-DOWN> mtu 1500 qdisc noqueue state LOWERLAYERDOWN mode DEFAULT group default qlen 1000$/,
    );
    f.ok('ip link add v2 type veth peer v3');
    assert.match(f.sh('ip link show v3').stdout, /^4: v3@v2: <BROADCAST,MULTICAST,M-DOWN> mtu 1500 qdisc noop state DOWN mode DEFAULT/);
  });

  it('ip addr: master, secondary, brd, the EUI-64 link-local address, ::1 on lo', () => {
    const f = lab();
    f.ok('ip addr add 10.0.0.2/24 dev v0');
    assert.equal(
      f.sh('ip addr').stdout,
      [
        '1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN group default qlen 1000',
        '    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00',
        '    inet 127.0.0.1/8 scope host lo',
        '       valid_lft forever preferred_lft forever',
        '    inet6 ::1/128 scope host ',
        '       valid_lft forever preferred_lft forever',
        '2: v1@v0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue master br0 state UP group default qlen 1000',
        '    link/ether 22:3e:61:f4:ec:97 brd ff:ff:ff:ff:ff:ff',
        '    inet6 fe80::203e:61ff:fef4:ec97/64 scope link ',
        '       valid_lft forever preferred_lft forever',
        '3: v0@v1: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue state UP group default qlen 1000',
        '    link/ether f6:31:ed:75:d8:c5 brd ff:ff:ff:ff:ff:ff',
        '    inet 10.0.0.1/24 scope global v0',
        '       valid_lft forever preferred_lft forever',
        '    inet 10.0.0.2/24 scope global secondary v0',
        '       valid_lft forever preferred_lft forever',
        '    inet6 fe80::f431:edff:fe75:d8c5/64 scope link ',
        '       valid_lft forever preferred_lft forever',
        '4: br0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue state UP group default qlen 1000',
        '    link/ether 22:3e:61:f4:ec:97 brd ff:ff:ff:ff:ff:ff',
        '    inet 10.1.0.1/16 brd 10.1.255.255 scope global br0',
        '       valid_lft forever preferred_lft forever',
        '    inet6 fe80::203e:61ff:fef4:ec97/64 scope link ',
        '       valid_lft forever preferred_lft forever',
        '',
      ].join('\n'),
    );
  });

  it('ip -br addr, ip -br link, ip -4 addr, ip -o addr', () => {
    const f = lab();
    assert.equal(
      f.sh('ip -br addr').stdout,
      'lo               UNKNOWN        127.0.0.1/8 ::1/128 \n' +
        'v1@v0            UP             fe80::203e:61ff:fef4:ec97/64 \n' +
        'v0@v1            UP             10.0.0.1/24 fe80::f431:edff:fe75:d8c5/64 \n' +
        'br0              UP             10.1.0.1/16 fe80::203e:61ff:fef4:ec97/64 \n',
    );
    assert.equal(f.sh('ip -br link show lo').stdout, 'lo               UNKNOWN        00:00:00:00:00:00 <LOOPBACK,UP,LOWER_UP> \n');
    assert.equal(
      f.sh('ip -4 a show v0').stdout,
      '3: v0@v1: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue state UP group default qlen 1000\n' +
        '    inet 10.0.0.1/24 scope global v0\n       valid_lft forever preferred_lft forever\n',
    );
    assert.equal(
      f.sh('ip -o -4 addr show dev lo').stdout,
      '1: lo    inet 127.0.0.1/8 scope host lo\\       valid_lft forever preferred_lft forever\n',
    );
  });

  it('a bridge without ports is UNKNOWN; with ports down, NO-CARRIER and DOWN', () => {
    const f = fixture();
    f.ok('ip link add br9 type bridge', 'ip link set br9 up');
    assert.match(f.sh('ip link show br9').stdout, /<BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue state UNKNOWN/);
    f.ok('ip link add v8 type veth peer name v9', 'ip link set v8 master br9');
    assert.match(f.sh('ip link show br9').stdout, /<NO-CARRIER,BROADCAST,MULTICAST,UP> mtu 1500 qdisc noqueue state DOWN/);
  });

  it('set several attributes at once; rename (also while up); names made by the kernel', () => {
    const f = fixture();
    f.ok('ip link add v0 type veth peer name v1', 'ip link set v0 mtu 1400 up address 02:00:00:00:00:01', 'ip link set v0 name v00');
    assert.match(
      f.sh('ip link show v00').stdout,
      /^3: v00@v1: <NO-CARRIER,BROADCAST,MULTICAST,UP,M-DOWN> mtu 1400 .*\n {4}link\/ether 02:00:00:00:00:01 /,
    );
    f.ok('ip link add type bridge', 'ip link add v8 type veth');
    assert.deepEqual([...f.host.netns.get('')!.links.keys()].sort(), ['bridge0', 'lo', 'v00', 'v1', 'v8', 'veth0']);
  });

  const ERRORS: [string, string, number][] = [
    ['ip link show eth9', 'Device "eth9" does not exist.\n', 1],
    ['ip link set eth9 up', 'Cannot find device "eth9"\n', 1],
    ['ip link del eth9', 'Cannot find device "eth9"\n', 1],
    ['ip link foo', 'Command "foo" is unknown, try "ip link help".\n', 255],
    ['ip foo', 'Object "foo" is unknown, try "ip help".\n', 1],
    ['ip -x link', 'Option "-x" is unknown, try "ip -help".\n', 255],
    ['ip link add v0 type veth peer name v5', 'RTNETLINK answers: File exists\n', 2],
    ['ip link add x type foo', 'Error: Unknown device type.\n', 2],
    ['ip link add x', 'Not enough information: "type" argument is required\n', 1],
    ['ip link set v0 mtu abc', 'Error: argument "abc" is wrong: Invalid "mtu" value\n\n', 255],
    ['ip link set v0 mtu 50', 'Error: mtu less than device minimum.\n', 2],
    ['ip link set v0 mtu 70000', 'Error: mtu greater than device maximum.\n', 2],
    ['ip link set v0 mtu 9000 mtu 1000', 'Error: duplicate "mtu": "1000" is the second value.\n', 255],
    ['ip link set v0 address zz', '"zz" is invalid lladdr.\n', 1],
    ['ip link set v0 address ff:ff:ff:ff:ff:ff', 'RTNETLINK answers: Cannot assign requested address\n', 2],
    ['ip link set v1 foo', 'Error: either "dev" is duplicate, or "foo" is a garbage.\n', 255],
    ['ip link set v1 master nosuch', 'Error: argument "nosuch" is wrong: Device does not exist\n\n', 255],
    ['ip link set v1 master v0', 'RTNETLINK answers: Operation not supported\n', 2],
    ['ip link set br0 master br0', 'Error: Can not enslave a bridge to a bridge.\n', 2],
    ['ip link set lo master br0', 'RTNETLINK answers: Invalid argument\n', 2],
    ['ip link set v1 netns nosuch', 'Error: argument "nosuch" is wrong: Invalid "netns" value\n\n', 255],
    ['ip link set br0 netns red', 'Error: The interface netns is immutable.\n', 2],
    ['ip link del lo', 'RTNETLINK answers: Operation not supported\n', 2],
    ['ip link set v0 name averyveryverylongname1', 'Error: argument "averyveryverylongname1" is wrong: "name" not a valid ifname\n', 255],
    ['ip link set v0 name v1', 'RTNETLINK answers: File exists\n', 2],
    ['ip link add averyveryverylongname1 type bridge', 'Error: Attribute failed policy validation.\n', 2],
    ['ip link show dev', 'Command line is not complete. Try option "help"\n', 255],
  ];
  for (const [line, stderr, status] of ERRORS) {
    it(`error: ${line}`, () => {
      const f = lab();
      f.ok('ip netns add red');
      expectErr(f, line, stderr, status);
    });
  }

  it('dummy links are simulated as standard Linux has them', () => {
    const f = fixture();
    f.ok('ip link add d0 type dummy', 'ip link set d0 up');
    assert.match(f.sh('ip link show d0').stdout, /^2: d0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue state UNKNOWN/);
  });

  it('a real link type that is not simulated says so', () => {
    const f = fixture();
    const r = f.sh('ip link add v10 type vxlan id 10');
    assert.equal(r.status, 1);
    assert.equal(r.notSimulated?.command, 'ip link add ... type vxlan');
    assert.equal(r.notSimulated?.column, 21);
  });
});
