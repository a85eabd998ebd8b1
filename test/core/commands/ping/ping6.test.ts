/**
 * ping over IPv6 (ping6_common.c of iputils 20221126), against what the real one printed on Linux 6.18
 * in namespaces as this lab: a (fd77:1::10/64, fd77::/16 via r) -- r (fd77:1::1, fd77:2::1, forwarding)
 * -- b (fd77:2::10, default via r); a's hosts file names bee6.test and rtr6.test.
 *
 * Facts relied on, seen there:
 * - The header is `PING TARGET(ADDR) 56 data bytes`: the target as typed (not its canonical name:
 *   `ping -n bee6` says `PING bee6(fd77:2::10)`), then pr_addr of the address, so a name target shows
 *   its reverse name: `PING bee6.test(bee6.test (fd77:2::10)) 56 data bytes`.
 * - Errors: `Time exceeded: Hop limit` (-t 1), `Destination unreachable: No route` (r has none),
 *   `Destination unreachable: Address unreachable` (nobody answers r's neighbour solicitation): 3
 *   requests, 3 errors and no `pipe` line (ping6's receive_error does not acknowledge an error).
 * - No route on the sender: `ping: connect: Network is unreachable`, exit 2.
 */
import { strict as assert } from 'node:assert';
import { execCommand } from '../../../../src/core/commands/exec';
import { writeFile } from '../../../../src/core/sim/kernel';
import { W } from '../../../support/world';

function lab(): W {
  const w = new W();
  w.host('a', { eth0: 'lan1' });
  w.host('r', { eth0: 'lan1', eth1: 'lan2' });
  w.host('b', { eth0: 'lan2' });
  const lines: [string, string][] = [
    ['a', 'ip addr add fd77:1::10/64 dev eth0'],
    ['r', 'ip addr add fd77:1::1/64 dev eth0'],
    ['r', 'ip addr add fd77:2::1/64 dev eth1'],
    ['b', 'ip addr add fd77:2::10/64 dev eth0'],
    ['a', 'ip -6 route add fd77::/16 via fd77:1::1'],
    ['b', 'ip -6 route add default via fd77:2::1'],
    ['r', 'sysctl -w net.ipv6.conf.all.forwarding=1'],
  ];
  for (const [h, l] of lines) assert.equal(execCommand(w.world, { host: h, netns: '' }, l).status, 0, l);
  const a = w.world.hosts.get('a')!;
  writeFile(a, '/etc/hosts', '127.0.0.1 localhost\nfd77:2::10 bee6.test bee6\nfd77:1::1 rtr6.test\n');
  writeFile(a, '/etc/nsswitch.conf', 'hosts: files\n');
  return w;
}

const ping = (line: string) => {
  const r = execCommand(lab().world, { host: 'a', netns: '' }, line);
  return { stdout: r.stdout, stderr: r.stderr, status: r.status };
};

describe('ping over IPv6 (iputils-ping 20221126)', () => {
  it('an address, and a name with its reverse name in the header', () => {
    assert.deepEqual(ping('ping -c 2 fd77:2::10'), {
      stdout:
        'PING fd77:2::10(fd77:2::10) 56 data bytes\n' +
        '64 bytes from fd77:2::10: icmp_seq=1 ttl=63 time=0.000 ms\n' +
        '64 bytes from fd77:2::10: icmp_seq=2 ttl=63 time=0.000 ms\n\n' +
        '--- fd77:2::10 ping statistics ---\n' +
        '2 packets transmitted, 2 received, 0% packet loss, time 1000ms\n' +
        'rtt min/avg/max/mdev = 0.000/0.000/0.000/0.000 ms\n',
      stderr: '',
      status: 0,
    });
    assert.equal(
      ping('ping -c 1 bee6.test').stdout,
      'PING bee6.test(bee6.test (fd77:2::10)) 56 data bytes\n' +
        '64 bytes from bee6.test (fd77:2::10): icmp_seq=1 ttl=63 time=0.000 ms\n\n' +
        '--- bee6.test ping statistics ---\n' +
        '1 packets transmitted, 1 received, 0% packet loss, time 0ms\n' +
        'rtt min/avg/max/mdev = 0.000/0.000/0.000/0.000 ms\n',
    );
    assert.equal(
      ping('ping -c 1 -n bee6').stdout,
      'PING bee6(fd77:2::10) 56 data bytes\n' +
        '64 bytes from fd77:2::10: icmp_seq=1 ttl=63 time=0.000 ms\n\n' +
        '--- bee6 ping statistics ---\n' +
        '1 packets transmitted, 1 received, 0% packet loss, time 0ms\n' +
        'rtt min/avg/max/mdev = 0.000/0.000/0.000/0.000 ms\n',
    );
  });

  it('ICMPv6 errors with ping6’s words; no pipe for them', () => {
    assert.deepEqual(ping('ping -c 1 -t 1 bee6.test'), {
      stdout:
        'PING bee6.test(bee6.test (fd77:2::10)) 56 data bytes\n' +
        'From rtr6.test (fd77:1::1) icmp_seq=1 Time exceeded: Hop limit\n\n' +
        '--- bee6.test ping statistics ---\n' +
        '1 packets transmitted, 0 received, +1 errors, 100% packet loss, time 0ms\n\n',
      stderr: '',
      status: 1,
    });
    assert.equal(
      ping('ping -c 1 fd77:9::1').stdout,
      'PING fd77:9::1(fd77:9::1) 56 data bytes\n' +
        'From fd77:1::1 icmp_seq=1 Destination unreachable: No route\n\n' +
        '--- fd77:9::1 ping statistics ---\n' +
        '1 packets transmitted, 0 received, +1 errors, 100% packet loss, time 0ms\n\n',
    );
    assert.equal(
      ping('ping -c 3 fd77:2::99').stdout,
      'PING fd77:2::99(fd77:2::99) 56 data bytes\n' +
        'From fd77:1::1 icmp_seq=1 Destination unreachable: Address unreachable\n' +
        'From fd77:1::1 icmp_seq=2 Destination unreachable: Address unreachable\n' +
        'From fd77:1::1 icmp_seq=3 Destination unreachable: Address unreachable\n\n' +
        '--- fd77:2::99 ping statistics ---\n' +
        '3 packets transmitted, 0 received, +3 errors, 100% packet loss, time 2000ms\n\n',
    );
  });

  it('no route on the sender; -4 for an IPv6 literal', () => {
    assert.deepEqual(ping('ping -c 1 fd99::1'), { stdout: '', stderr: 'ping: connect: Network is unreachable\n', status: 2 });
    assert.deepEqual(ping('ping -c 1 -4 ::1'), { stdout: '', stderr: 'ping: ::1: Address family for hostname not supported\n', status: 2 });
  });
});
