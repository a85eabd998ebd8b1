/**
 * The simulated `ip neigh` and `ip netns` against what iproute2 6.1, procps sysctl and dash print on kernel 6.18
 * (every expected text below was taken from the real tools in a network namespace).
 */
import { strict as assert } from 'node:assert';
import { expectErr, fixture, lab } from '../../../support/commands';

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
