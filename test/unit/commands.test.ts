/**
 * The simulated commands against what iproute2 6.1, procps sysctl and dash print on kernel 6.18
 * (every expected text below was taken from the real tools in a network namespace).
 */
import { strict as assert } from 'node:assert';
import { execCommand } from '../../src/core/commands/exec';
import { runLine } from '../../src/core/commands/run';
import { addHost, addLink, createWorld } from '../../src/core/sim/kernel';
import type { Host, World } from '../../src/core/sim/model';

interface Fixture {
  world: World;
  host: Host;
  /** Runs a line in the host's root namespace (or `ns`). */
  sh(line: string, ns?: string): ReturnType<typeof runLine>;
  /** Runs lines that must all succeed. */
  ok(...lines: string[]): void;
}

function fixture(nics: string[] = []): Fixture {
  const world = createWorld();
  const host = addHost(world, 'h1');
  for (const n of nics) {
    const r = addLink(host.netns.get('')!, { name: n, kind: 'nic', switchName: 'lan' });
    assert.ok(r.ok);
  }
  const f: Fixture = {
    world,
    host,
    sh: (line, ns = '') => runLine({ world, host, netns: host.netns.get(ns)! }, line),
    ok: (...lines) => {
      for (const l of lines) {
        const r = f.sh(l);
        assert.equal(r.status, 0, `${l}: ${r.stderr}`);
      }
    },
  };
  return f;
}

/** A namespace with the oracle's setup: v0/v1 veth pair, v1 on bridge br0, addresses on v0 and br0. */
function lab(): Fixture {
  const f = fixture();
  f.ok(
    'ip link add v0 type veth peer name v1',
    'ip link add br0 type bridge',
    'ip link set v0 up',
    'ip link set v1 up',
    'ip link set v1 master br0',
    'ip link set br0 up',
    'ip addr add 10.0.0.1/24 dev v0',
    'ip addr add 10.1.0.1/16 brd + dev br0',
  );
  // Fixed MACs, so that the EUI-64 addresses are known.
  const ns = f.host.netns.get('')!;
  ns.links.get('v0')!.mac = 'f6:31:ed:75:d8:c5';
  ns.links.get('v1')!.mac = '22:3e:61:f4:ec:97';
  ns.links.get('br0')!.mac = '22:3e:61:f4:ec:97';
  return f;
}

function expectErr(f: Fixture, line: string, stderr: string, status: number): void {
  const r = f.sh(line);
  assert.equal(r.stderr, stderr, line);
  assert.equal(r.status, status, line);
  assert.equal(r.stdout, '', line);
}

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

describe('commands: ip addr', () => {
  const ERRORS: [string, string, number][] = [
    ['ip addr add 10.0.0.1/24 dev eth9', 'Cannot find device "eth9"\n', 1],
    ['ip addr show dev eth9', 'Device "eth9" does not exist.\n', 1],
    ['ip addr add 10.0.0.1/24 dev v0', 'Error: ipv4: Address already assigned.\n', 2],
    ['ip addr add x dev v0', 'Error: any valid prefix is expected rather than "x".\n', 1],
    ['ip -4 addr add x dev v0', 'Error: inet prefix is expected rather than "x".\n', 1],
    ['ip addr add 10.0.0.300/24 dev v0', 'Error: any valid prefix is expected rather than "10.0.0.300/24".\n', 1],
    ['ip addr add 10.0.0.3/33 dev v0', 'Error: any valid prefix is expected rather than "10.0.0.3/33".\n', 1],
    ['ip addr add 10.0.0.5/24', 'Not enough information: "dev" argument is required.\n', 1],
    ['ip addr add 10.0.0.5/24 dev', 'Command line is not complete. Try option "help"\n', 255],
    ['ip addr del 10.9.9.9/24 dev v0', 'Error: ipv4: Address not found.\n', 2],
    ['ip addr foo', 'Command "foo" is unknown, try "ip address help".\n', 255],
    ['ip addr add 10.0.0.7/24 dev v0 scope foo', 'Error: argument "foo" is wrong: invalid scope value.\n', 255],
    ['ip addr add 10.0.0.7/24 dev v0 bogus', 'Error: either "local" is duplicate, or "bogus" is a garbage.\n', 255],
    ['ip addr add 10.21.0.1/24 dev v0 brd x', 'Error: inet address is expected rather than "x".\n', 1],
    ['ip addr add dev v0', 'RTNETLINK answers: Operation not supported\n', 2],
  ];
  for (const [line, stderr, status] of ERRORS) {
    it(`error: ${line}`, () => expectErr(lab(), line, stderr, status));
  }

  it('a bare address is a /32; 10/8 is 10.0.0.0/8; del without a length warns and deletes', () => {
    const f = lab();
    f.ok('ip addr add 10.0.0.99 dev v0', 'ip addr add 10/8 dev v0');
    assert.match(f.sh('ip -4 addr show v0').stdout, /inet 10\.0\.0\.99\/32 scope global v0\n.*\n {4}inet 10\.0\.0\.0\/8 scope global v0/);
    const r = f.sh('ip addr del 10.0.0.99 dev v0');
    assert.equal(r.status, 0);
    assert.equal(
      r.stderr,
      'Warning: Executing wildcard deletion to stay compatible with old scripts.\n' +
        '         Explicitly specify the prefix length (10.0.0.99/32) to avoid this warning.\n' +
        '         This special behaviour is likely to disappear in further releases,\n' +
        '         fix your scripts!\n',
    );
    assert.doesNotMatch(f.sh('ip addr show v0').stdout, /10\.0\.0\.99/);
  });

  it('a primary of narrower scope goes first; label and brd are shown', () => {
    const f = lab();
    f.ok('ip addr add 10.20.0.1/24 dev v0 brd 10.20.0.7 scope link label v0:x');
    const lines = f.sh('ip -4 addr show v0').stdout.split('\n');
    assert.equal(lines[1], '    inet 10.20.0.1/24 brd 10.20.0.7 scope link v0:x');
    assert.equal(lines[3], '    inet 10.0.0.1/24 scope global v0');
  });
});

describe('commands: ip route', () => {
  function routed(): Fixture {
    const f = lab();
    f.ok('ip link add v2 type veth peer name v33', 'ip link set v2 up');
    return f;
  }

  it('show: kernel, static, blackhole, unreachable, onlink linkdown, metric; tables', () => {
    const f = routed();
    f.ok(
      'ip route add 10.5.0.0/16 via 10.0.0.254',
      'ip route add 10.7.0.0/16 dev v0 metric 5',
      'ip route add default via 10.0.0.254',
      'ip route add 10.9/16 dev v0 proto static src 10.0.0.1',
      'ip route add blackhole 10.10.0.0/16',
      'ip route add unreachable 10.11.0.0/16 metric 7',
      'ip route add 10.12.0.0/16 via 10.0.0.254 dev v2 onlink',
      'ip route add 10.13.0.0/16 via 10.0.0.254 dev v0 table 100',
    );
    assert.equal(
      f.sh('ip route').stdout,
      'default via 10.0.0.254 dev v0 \n' +
        '10.0.0.0/24 dev v0 proto kernel scope link src 10.0.0.1 \n' +
        '10.1.0.0/16 dev br0 proto kernel scope link src 10.1.0.1 \n' +
        '10.5.0.0/16 via 10.0.0.254 dev v0 \n' +
        '10.7.0.0/16 dev v0 scope link metric 5 \n' +
        '10.9.0.0/16 dev v0 proto static scope link src 10.0.0.1 \n' +
        'blackhole 10.10.0.0/16 \n' +
        'unreachable 10.11.0.0/16 metric 7 \n' +
        '10.12.0.0/16 via 10.0.0.254 dev v2 onlink linkdown \n',
    );
    assert.equal(f.sh('ip route show table 100').stdout, '10.13.0.0/16 via 10.0.0.254 dev v0 \n');
    assert.match(f.sh('ip route show table all').stdout, /^10\.13\.0\.0\/16 via 10\.0\.0\.254 dev v0 table 100 \n/);
    assert.match(
      f.sh('ip route show table all').stdout,
      /\nlocal 10\.0\.0\.1 dev v0 table local proto kernel scope host src 10\.0\.0\.1 \n/,
    );
    assert.equal(f.sh('ip r show dev v0 proto kernel').stdout, '10.0.0.0/24 scope link src 10.0.0.1 \n');
    assert.equal(
      f.sh('ip ro show table local dev br0').stdout,
      'local 10.1.0.1 proto kernel scope host src 10.1.0.1 \nbroadcast 10.1.255.255 proto kernel scope link src 10.1.0.1 \n',
    );
  });

  it('replace and append', () => {
    const f = routed();
    f.ok(
      'ip route add 10.7.0.0/16 dev v0 metric 5',
      'ip route replace 10.7.0.0/16 dev br0 metric 5',
      'ip route append 10.7.0.0/16 dev v0 metric 5',
    );
    assert.equal(
      f.sh('ip route show 10.7.0.0/16').stdout,
      '10.7.0.0/16 dev br0 scope link metric 5 \n10.7.0.0/16 dev v0 scope link metric 5 \n',
    );
  });

  it('get: via, local, on-link, from, oif, broadcast', () => {
    const f = routed();
    f.ok('ip route add 10.5.0.0/16 via 10.0.0.254');
    assert.equal(f.sh('ip route get 10.5.1.1').stdout, '10.5.1.1 via 10.0.0.254 dev v0 src 10.0.0.1 uid 0 \n    cache \n');
    assert.equal(f.sh('ip route get 10.0.0.1').stdout, 'local 10.0.0.1 dev lo src 10.0.0.1 uid 0 \n    cache <local> \n');
    assert.equal(f.sh('ip r g 10.0.0.9').stdout, '10.0.0.9 dev v0 src 10.0.0.1 uid 0 \n    cache \n');
    assert.equal(f.sh('ip route get 10.0.0.9 from 10.0.0.1').stdout, '10.0.0.9 from 10.0.0.1 dev v0 uid 0 \n    cache \n');
    assert.equal(f.sh('ip route get 10.0.0.9 oif br0').stdout, '10.0.0.9 dev br0 src 10.1.0.1 uid 0 \n    cache \n');
    assert.equal(f.sh('ip route get 10.1.255.255').stdout, 'broadcast 10.1.255.255 dev br0 src 10.1.0.1 uid 0 \n    cache <local,brd> \n');
  });

  const ERRORS: [string, string, number][] = [
    ['ip route add 10.5.0.0/16 via 10.0.0.254', 'RTNETLINK answers: File exists\n', 2],
    ['ip route add 10.6.0.0/16 via 10.9.0.254', 'Error: Nexthop has invalid gateway.\n', 2],
    ['ip route add 10.15.0.0/16 via 10.0.0.254 dev br0', 'Error: Nexthop has invalid gateway.\n', 2],
    ['ip route add 10.8.0.0/16 dev v33', 'Error: Device for nexthop is not up.\n', 2],
    ['ip route add 10.8.0.0/16 dev nosuch', 'Cannot find device "nosuch"\n', 1],
    ['ip route add 10.8.0.0/16', 'RTNETLINK answers: No such device\n', 2],
    ['ip route add x via 1.2.3.4', 'Error: any valid prefix is expected rather than "via".\n', 1],
    ['ip route add 10.8.0.0/16 via x', 'Error: inet address is expected rather than "x".\n', 1],
    ['ip route add 10.8.0.0/16 via 10.0.0.9 foo', 'Error: either "to" is duplicate, or "foo" is a garbage.\n', 255],
    ['ip route add 10.14.0.0/16 dev v0 src 1.1.1.1', 'Error: Invalid prefsrc address.\n', 2],
    ['ip route add 10.30.0.0/16 via 10.0.0.254 metric x', 'Error: argument "x" is wrong: "metric" value is invalid\n\n', 255],
    ['ip route add 10.30.0.0/16 via 10.0.0.254 table foo', 'Error: argument "foo" is wrong: "table" value is invalid\n\n', 255],
    ['ip route add 10.30.0.0/16 via 10.0.0.254 proto foo', 'Error: argument "foo" is wrong: "protocol" value is invalid\n\n', 255],
    ['ip route add 10.30.0.0/16 via 10.0.0.254 scope foo', 'Error: argument "foo" is wrong: invalid "scope" value\n\n', 255],
    ['ip route add 10.30.0.0/16 dev v0 src x', 'Error: inet address is expected rather than "x".\n', 1],
    ['ip route add 10.30.0.0/33 dev v0', 'Error: any valid prefix is expected rather than "10.30.0.0/33".\n', 1],
    ['ip route add 10.30.0.1/16 dev v0', 'Error: Invalid prefix for given prefix length.\n', 2],
    ['ip route add default dev v0 via', 'Command line is not complete. Try option "help"\n', 255],
    ['ip route del 10.99.0.0/16', 'RTNETLINK answers: No such process\n', 2],
    ['ip route change 10.99.0.0/16 dev v0', 'RTNETLINK answers: No such file or directory\n', 2],
    ['ip route get 10.10.0.1', 'RTNETLINK answers: Invalid argument\n', 2],
    ['ip route get 10.11.0.1', 'RTNETLINK answers: No route to host\n', 2],
    ['ip route get x', 'Error: any valid prefix is expected rather than "x".\n', 1],
    ['ip route get 10.0.0.9 from 1.2.3.4', 'RTNETLINK answers: Network is unreachable\n', 2],
    ['ip route get', 'need at least a destination address\n', 1],
    ['ip route get 10.0.0.1 oif nosuch', 'Cannot find device "nosuch"\n', 1],
    ['ip route show dev nosuch', 'Cannot find device "nosuch"\n', 1],
  ];
  for (const [line, stderr, status] of ERRORS) {
    it(`error: ${line}`, () => {
      const f = routed();
      f.ok('ip route add 10.5.0.0/16 via 10.0.0.254', 'ip route add blackhole 10.10.0.0/16', 'ip route add unreachable 10.11.0.0/16');
      expectErr(f, line, stderr, status);
    });
  }

  it('ip route add without a destination prints the usage, status 255', () => {
    const r = routed().sh('ip route add');
    assert.equal(r.status, 255);
    assert.match(r.stderr, /^Usage: ip route \{ list \| flush \} SELECTOR\n/);
  });
});

describe('commands: ip neigh', () => {
  it('permanent entries: add, show, replace, del', () => {
    const f = lab();
    f.ok('ip neigh add 10.0.0.50 lladdr 02:00:00:00:00:50 dev v0');
    assert.equal(f.sh('ip neigh').stdout, '10.0.0.50 dev v0 lladdr 02:00:00:00:00:50 PERMANENT \n');
    assert.equal(f.sh('ip n show dev v0').stdout, '10.0.0.50 lladdr 02:00:00:00:00:50 PERMANENT \n');
    assert.equal(f.sh('ip -br neigh').stdout, '10.0.0.50                               v0               02:00:00:00:00:50\n');
    f.ok('ip neigh replace 10.0.0.50 lladdr 02:00:00:00:00:52 dev v0', 'ip neigh del 10.0.0.50 dev v0');
    assert.equal(f.sh('ip neigh').stdout, '');
  });

  const ERRORS: [string, string, number][] = [
    ['ip neigh add 10.0.0.50 lladdr 02:00:00:00:00:50 dev v0', 'RTNETLINK answers: File exists\n', 2],
    ['ip neigh add 10.0.0.51 lladdr zz dev v0', '"zz" is invalid lladdr.\n', 1],
    ['ip neigh add 10.0.0.51 dev v0', 'Error: No link layer address given.\n', 2],
    ['ip neigh add 10.0.0.51 lladdr 02:00:00:00:00:51', 'Device and destination are required arguments.\n', 255],
    ['ip neigh add 10.0.0.52 lladdr 02:00:00:00:00:51 dev nosuch', 'Cannot find device "nosuch"\n', 1],
    ['ip neigh del 10.0.0.53 dev v0', 'RTNETLINK answers: No such file or directory\n', 2],
    ['ip neigh add x lladdr 02:00:00:00:00:01 dev v0', 'Error: any valid address is expected rather than "x".\n', 1],
  ];
  for (const [line, stderr, status] of ERRORS) {
    it(`error: ${line}`, () => {
      const f = lab();
      f.ok('ip neigh add 10.0.0.50 lladdr 02:00:00:00:00:50 dev v0');
      expectErr(f, line, stderr, status);
    });
  }
});

describe('commands: ip netns', () => {
  it('add, list (newest first, with ids once assigned), move a link, exec, -n, del', () => {
    const f = fixture();
    f.ok('ip netns add blue', 'ip netns add red');
    assert.equal(f.sh('ip netns').stdout, 'red\nblue\n');
    f.ok('ip link add veth-red type veth peer name veth-red-br', 'ip link set veth-red netns red');
    assert.equal(f.sh('ip netns list').stdout, 'red (id: 0)\nblue\n');
    assert.equal(
      f.sh('ip link show veth-red-br').stdout,
      `2: veth-red-br@if3: <BROADCAST,MULTICAST> mtu 1500 qdisc noop state DOWN mode DEFAULT group default qlen 1000\n    link/ether ${f.host.netns.get('')!.links.get('veth-red-br')!.mac} brd ff:ff:ff:ff:ff:ff link-netns red\n`,
    );
    assert.match(
      f.sh('ip -n red link show veth-red').stdout,
      /^3: veth-red@if2: .*\n {4}link\/ether \S+ brd ff:ff:ff:ff:ff:ff link-netnsid 0\n$/,
    );
    f.ok(
      'ip -n red addr add 192.168.15.1/24 dev veth-red',
      'ip netns exec red ip link set veth-red up',
      'ip netns exec red ip link set lo up',
    );
    assert.equal(
      f.sh('ip netns exec red ip -br -4 addr').stdout,
      'lo               UNKNOWN        127.0.0.1/8 \nveth-red@if2     LOWERLAYERDOWN 192.168.15.1/24 \n',
    );
    f.ok('ip netns del red');
    assert.equal(f.sh('ip netns').stdout, 'blue\n');
    assert.equal(f.host.netns.get('')!.links.has('veth-red-br'), false, 'the peer goes with the namespace');
  });

  it('moving a link: it arrives down and without addresses', () => {
    const f = fixture();
    f.ok(
      'ip netns add red',
      'ip link add va type veth peer name vb',
      'ip addr add 10.0.0.1/24 dev va',
      'ip link set va up',
      'ip link set va netns red',
    );
    const a = f.host.netns.get('red')!.links.get('va')!;
    assert.equal(a.up, false);
    assert.equal(a.addrs.length, 0);
  });

  const ERRORS: [string, string, number][] = [
    ['ip netns add b', 'Cannot create namespace file "/run/netns/b": File exists\n', 1],
    ['ip -n nosuch link', 'Cannot open network namespace "nosuch": No such file or directory\n', 255],
    ['ip netns exec nosuch ip link', 'Cannot open network namespace "nosuch": No such file or directory\n', 255],
    ['ip netns exec b', 'No command specified\n', 1],
    ['ip netns exec b nosuchcmd', 'exec of "nosuchcmd" failed: No such file or directory\n', 1],
    ['ip netns exec b false', '', 1],
    ['ip netns del nosuch', 'Cannot remove namespace file "/run/netns/nosuch": No such file or directory\n', 1],
    ['ip netns foo', 'Command "foo" is unknown, try "ip netns help".\n', 255],
    ['ip netns add', 'No netns name specified\n', 1],
    ['ip netns add a/b', 'Invalid netns name "a/b"\n', 255],
  ];
  for (const [line, stderr, status] of ERRORS) {
    it(`error: ${line}`, () => {
      const f = fixture();
      f.ok('ip netns add b');
      expectErr(f, line, stderr, status);
    });
  }
});

describe('commands: sysctl, /proc/sys, echo, cat, hostname', () => {
  it('sysctl reads and writes ip_forward; /proc/sys is the same switch', () => {
    const f = fixture();
    const ns = f.host.netns.get('')!;
    assert.equal(f.sh('sysctl net.ipv4.ip_forward').stdout, 'net.ipv4.ip_forward = 0\n');
    assert.equal(f.sh('sysctl -w net.ipv4.ip_forward=1').stdout, 'net.ipv4.ip_forward = 1\n');
    assert.equal(ns.sysctl.ipForward, true);
    assert.equal(f.sh('cat /proc/sys/net/ipv4/ip_forward').stdout, '1\n');
    f.ok('echo 0 > /proc/sys/net/ipv4/ip_forward');
    assert.equal(ns.sysctl.ipForward, false);
    assert.equal(f.sh('sysctl net/ipv4/ip_forward').stdout, 'net.ipv4.ip_forward = 0\n');
    assert.equal(f.sh('sysctl -n net.ipv4.ip_forward').stdout, '0\n');
    assert.equal(f.sh('sysctl -q -w net.ipv4.ip_forward=1').stdout, '');
    assert.equal(f.sh('sysctl -w net.ipv4.conf.all.forwarding=0').stdout, 'net.ipv4.conf.all.forwarding = 0\n');
    assert.equal(ns.sysctl.ipForward, false);
  });

  const ERRORS: [string, string, number][] = [
    ['sysctl -w net.ipv4.nosuch=1', 'sysctl: cannot stat /proc/sys/net/ipv4/nosuch: No such file or directory\n', 1],
    ['sysctl net.ipv4.nosuch', 'sysctl: cannot stat /proc/sys/net/ipv4/nosuch: No such file or directory\n', 1],
    ['sysctl -w net.ipv4.ip_forward', 'sysctl: command line(0): invalid syntax, continuing...\n', 1],
    ['sysctl -w net.ipv4.ip_forward=abc', 'sysctl: setting key "net.ipv4.ip_forward": Invalid argument\n', 1],
    ['sysctl -x', "sysctl: no variables specified\nTry `sysctl --help' for more information.\n", 1],
    ['cat /proc/sys/net/ipv4/nosuch', 'cat: /proc/sys/net/ipv4/nosuch: No such file or directory\n', 1],
    ['echo abc > /proc/sys/net/ipv4/ip_forward', 'sh: 1: echo: echo: I/O error\n', 1],
    ['echo 1 > /proc/sys/net/ipv4/nosuch', 'sh: 1: cannot create /proc/sys/net/ipv4/nosuch: Directory nonexistent\n', 2],
    ['cat < /nonexist', 'sh: 1: cannot open /nonexist: No such file\n', 2],
    ['nosuchcmd', 'sh: 1: nosuchcmd: not found\n', 127],
    ["echo 'abc", 'sh: 1: Syntax error: Unterminated quoted string\n', 2],
    ['true &&', 'sh: 1: Syntax error: end of file unexpected\n', 2],
    ['| true', 'sh: 1: Syntax error: "|" unexpected\n', 2],
  ];
  for (const [line, stderr, status] of ERRORS) {
    it(`error: ${line}`, () => expectErr(fixture(), line, stderr, status));
  }

  it('sysctl with no argument prints its usage, status 1', () => {
    const r = fixture().sh('sysctl');
    assert.equal(r.status, 1);
    assert.match(r.stderr, /^\nUsage:\n sysctl \[options\] \[variable\[=value\] \.\.\.\]\n/);
  });

  it('a write, then an unknown key: the first is done, the status is 1', () => {
    const f = fixture();
    const r = f.sh('sysctl -w net.ipv4.ip_forward=1 net.ipv4.nosuch=2');
    assert.equal(r.stdout, 'net.ipv4.ip_forward = 1\n');
    assert.equal(r.status, 1);
    assert.equal(f.host.netns.get('')!.sysctl.ipForward, true);
  });

  it('a real key the simulation does not act on is set, and flagged', () => {
    const r = fixture().sh('sysctl -w net.ipv4.conf.all.rp_filter=2');
    assert.equal(r.stdout, 'net.ipv4.conf.all.rp_filter = 2\n');
    assert.equal(r.status, 0);
    assert.equal(r.notSimulated?.command, 'sysctl net.ipv4.conf.all.rp_filter');
  });

  it('echo, redirections to files, /dev/null and 2>&1; cat; hostname', () => {
    const f = fixture(['eth0']);
    assert.equal(f.sh(`echo 'a'"b"c\\ d`).stdout, 'abc d\n');
    assert.equal(f.sh('echo -n x').stdout, 'x');
    f.ok('echo hi > /tmp/x', 'echo there >> /tmp/x');
    assert.equal(f.sh('cat /tmp/x').stdout, 'hi\nthere\n');
    assert.equal(f.sh('cat < /tmp/x').stdout, 'hi\nthere\n');
    assert.equal(f.sh('ip link show eth9 2>/dev/null').stderr, '');
    assert.equal(f.sh('ip link show eth9 2>&1').stdout, 'Device "eth9" does not exist.\n');
    assert.equal(f.sh('hostname').stdout, 'h1\n');
    f.ok('ip addr add 192.168.1.10/24 dev eth0', 'ip link set eth0 up');
    assert.equal(f.sh('hostname -I').stdout, '192.168.1.10 \n');
  });
});

describe('commands: the shell', () => {
  it('; && || with the status of the last command run', () => {
    const f = fixture();
    assert.deepEqual(f.sh('false || echo yes && echo also').stdout, 'yes\nalso\n');
    const r = f.sh('false && echo no ; echo $?');
    assert.equal(r.stdout, '1\n');
    assert.equal(f.sh('ip link show eth9 2>/dev/null || echo missing').stdout, 'missing\n');
    assert.equal(f.sh('! false').status, 0);
  });

  it('variables last across lines of a host', () => {
    const f = fixture();
    f.ok('NS=red');
    f.ok('ip netns add $NS');
    assert.ok(f.host.netns.has('red'));
  });

  it('sh -c and sudo run their command', () => {
    const f = fixture();
    f.ok('sudo ip netns add red', 'sh -c "echo 1 > /proc/sys/net/ipv4/ip_forward"');
    assert.ok(f.host.netns.has('red'));
    assert.equal(f.host.netns.get('')!.sysctl.ipForward, true);
  });

  it('what is not simulated says so, with its column', () => {
    const f = fixture();
    const cases: [string, string, number, number][] = [
      ['ip a | grep inet', 'pipes (|)', 5, 1],
      ['ifconfig -a', 'ifconfig', 0, 127],
      ['echo $(hostname)', 'command substitution', 5, 1],
      ['for i in 1 2; do echo $i; done', 'shell for', 0, 1],
      ['ip xfrm state', 'ip xfrm', 3, 1],
      ['ip -j link', 'ip -json', 3, 1],
      ['ip netns exec red ping 10.0.0.1', 'ping', 18, 1],
    ];
    f.ok('ip netns add red');
    for (const [line, command, column, status] of cases) {
      const r = f.sh(line);
      assert.equal(r.notSimulated?.command, command, line);
      assert.equal(r.notSimulated?.column, column, line);
      assert.equal(r.status, status, line);
    }
  });

  it('the column of a failure points at the word concerned', () => {
    const f = fixture(['eth0']);
    assert.equal(f.sh('ip addr add 10.0.0.1/24 dev eth9').column, 28);
    assert.equal(f.sh('ip route add 10.6.0.0/16 via 10.9.0.254').column, 29);
    assert.equal(f.sh("echo 'abc").column, 5);
  });

  it('execCommand: unknown hosts and namespaces are answered with status 2', () => {
    const f = fixture();
    assert.equal(execCommand(f.world, { host: 'nosuch', netns: '' }, 'ip a').status, 2);
    const r = execCommand(f.world, { host: 'h1', netns: 'nosuch' }, 'ip a');
    assert.equal(r.status, 2);
    assert.equal(r.stderr, 'Cannot open network namespace "nosuch": No such file or directory\n');
    assert.equal(execCommand(f.world, { host: 'h1', netns: '' }, 'hostname').stdout, 'h1\n');
  });

  it('abbreviations iproute2 accepts', () => {
    const f = lab();
    for (const [short, long] of [
      ['ip a', 'ip address show'],
      ['ip addr sh', 'ip address show'],
      ['ip l', 'ip link show'],
      ['ip link s', 'ip link show'], // `s` is `set` in ip link: prints nothing
      ['ip r', 'ip route show'],
      ['ip ro', 'ip route list'],
      ['ip n', 'ip neigh show'],
      ['ip -4 a', 'ip -family inet address'],
      ['ip --brief a', 'ip -br address'],
    ]) {
      if (short === 'ip link s') assert.equal(f.sh(short).stdout, '');
      else assert.equal(f.sh(short).stdout, f.sh(long).stdout, short);
    }
  });
});
