/**
 * ping (iputils-ping 20221126, Debian 12's) in the simulator, against what the real one printed on
 * Linux 6.18 in namespaces built as this lab is: a (10.77.1.10/24, routes 10.77.0.0/16 via r, and a
 * blackhole, an unreachable and a prohibit route) -- r (10.77.1.1, 10.77.2.1, ip_forward=1, a
 * blackhole route to 10.77.8.0/24) -- b (10.77.2.10, default via r); a's /etc/netns hosts file names
 * bee.test, rtr.test, ghost.test (10.77.2.99, nobody), far.test (no route) and nonet.test (r has no
 * route), its nsswitch.conf says `hosts: files`. Each expected text is the real output with the times
 * as the simulator prints them: every round trip `time=0.000 ms` (not simulated), the statistics'
 * `time` the schedule's ((sent - 1) × interval; the real ones were 1008ms, 2055ms, 4102ms...).
 *
 * Facts relied on, seen there:
 * - `PING NAME (ADDR) 56(84) bytes of data.` names the target by its canonical name: `ping bee` says
 *   `bee.test`, the first name of the hosts line (ai_canonname), in the statistics too.
 * - A name target's replies and errors name their sender as getnameinfo does: `bee.test (10.77.2.10)`,
 *   and `10.77.1.1 (10.77.1.1)` when no name is found; an address target or -n, the bare address.
 * - `From 10.77.1.1 icmp_seq=N Destination Host Unreachable` comes about 3 s after the request (r's
 *   ARP fails): all requests sent by then are answered at once (`-c 3`: `pipe 3`; `-c 5`: `pipe 4`;
 *   `-c 6 -i 0.5`: `pipe 6`); with `-W 1` (or `-w 3 -c 2`) ping ends before and prints no error.
 *   The sender's own ARP failure is the same, from its own address (10.77.1.10).
 * - `Destination Net Unreachable` from r for a network it has no route to; `Time to live exceeded`
 *   from r with `-t 1`. (r's ICMP rate limit sometimes ate one of them: the simulator has no rate limit.)
 * - Errors count as `+N errors`, ping stops when replies + errors reach -c, exit 1 when nothing came
 *   back; the statistics end with an empty line when there is no rtt line.
 * - No route on the sender: `ping: connect: Network is unreachable`, exit 2, nothing on stdout; an
 *   `unreachable` route: `connect: No route to host`; `blackhole`: `connect: Invalid argument`;
 *   `prohibit`: `Do you want to ping broadcast? Then -b. If not, check your local firewall rules`.
 * - A blackhole on r: silence; `-w 3` sends 3 requests (time 2060ms), exit 1.
 * - An unknown name with `hosts: files`: `ping: nosuch.test: Name or service not known`, exit 2.
 * - `-I nosuch`: `ping: SO_BINDTODEVICE nosuch: No such device`, exit 2, after the name is looked up.
 * - Option errors: `-c 0` is `ping: invalid argument: '0': out of range: 1 <= value <= 9223372036854775807`
 *   and `-c abc` `ping: invalid argument: 'abc'` (exit 1); no destination is `ping: usage error:
 *   Destination address required` (exit 1); `-x` is `ping: invalid option -- 'x'` and the usage (exit 2).
 */
import { strict as assert } from 'node:assert';
import { execCommand } from '../../../src/core/commands/exec';
import { localizeNotes } from '../../../src/core/commands/notes';
import { writeFile } from '../../../src/core/sim/kernel';
import { buildWorld, loadLabFor } from '../../../src/core/index';
import type { W } from '../../support/world';
import { pingLab } from '../../support/pingLab';

const HOSTS =
  '127.0.0.1 localhost\n10.77.2.10 bee.test bee\n10.77.1.1 rtr.test rtr\n10.77.2.99 ghost.test ghost\n10.99.0.1 far.test\n10.77.9.9 nonet.test\n';

function lab(hosts = HOSTS): W {
  const w = pingLab();
  for (const line of ['ip route add blackhole 10.66.1.0/24', 'ip route add unreachable 10.66.2.0/24', 'ip route add prohibit 10.66.3.0/24'])
    assert.equal(execCommand(w.world, { host: 'a', netns: '' }, line).status, 0, line);
  assert.equal(execCommand(w.world, { host: 'r', netns: '' }, 'ip route add blackhole 10.77.8.0/24').status, 0);
  const host = w.world.hosts.get('a')!;
  writeFile(host, '/etc/hosts', hosts);
  writeFile(host, '/etc/nsswitch.conf', 'hosts: files\n');
  return w;
}

const ping = (w: W, line: string) => {
  const r = execCommand(w.world, { host: 'a', netns: '' }, line);
  return { stdout: r.stdout, stderr: r.stderr, status: r.status };
};

const ok = (stdout: string) => ({ stdout, stderr: '', status: 0 });
const lost = (stdout: string) => ({ stdout, stderr: '', status: 1 });
const err = (stderr: string, status: number) => ({ stdout: '', stderr, status });

describe('ping (iputils-ping 20221126)', () => {
  it('an address: a reply per request with the TTL after the hops, then the statistics', () => {
    assert.deepEqual(
      ping(lab(), 'ping -c 2 10.77.2.10'),
      ok(
        'PING 10.77.2.10 (10.77.2.10) 56(84) bytes of data.\n' +
          '64 bytes from 10.77.2.10: icmp_seq=1 ttl=63 time=0.000 ms\n' +
          '64 bytes from 10.77.2.10: icmp_seq=2 ttl=63 time=0.000 ms\n\n' +
          '--- 10.77.2.10 ping statistics ---\n' +
          '2 packets transmitted, 2 received, 0% packet loss, time 1000ms\n' +
          'rtt min/avg/max/mdev = 0.000/0.000/0.000/0.000 ms\n',
      ),
    );
    assert.deepEqual(
      ping(lab(), 'ping -c 1 10.77.1.1'),
      ok(
        'PING 10.77.1.1 (10.77.1.1) 56(84) bytes of data.\n' +
          '64 bytes from 10.77.1.1: icmp_seq=1 ttl=64 time=0.000 ms\n\n' +
          '--- 10.77.1.1 ping statistics ---\n' +
          '1 packets transmitted, 1 received, 0% packet loss, time 0ms\n' +
          'rtt min/avg/max/mdev = 0.000/0.000/0.000/0.000 ms\n',
      ),
    );
  });

  it('a name: its canonical name in the header and the statistics, the reply named by getnameinfo', () => {
    const bee =
      'PING bee.test (10.77.2.10) 56(84) bytes of data.\n' +
      '64 bytes from bee.test (10.77.2.10): icmp_seq=1 ttl=63 time=0.000 ms\n' +
      '64 bytes from bee.test (10.77.2.10): icmp_seq=2 ttl=63 time=0.000 ms\n\n' +
      '--- bee.test ping statistics ---\n' +
      '2 packets transmitted, 2 received, 0% packet loss, time 1000ms\n' +
      'rtt min/avg/max/mdev = 0.000/0.000/0.000/0.000 ms\n';
    assert.deepEqual(ping(lab(), 'ping -c 2 bee.test'), ok(bee));
    assert.deepEqual(ping(lab(), 'ping -c 2 bee'), ok(bee));
    assert.deepEqual(
      ping(lab(), 'ping -c 1 localhost'),
      ok(
        'PING localhost (127.0.0.1) 56(84) bytes of data.\n' +
          '64 bytes from localhost (127.0.0.1): icmp_seq=1 ttl=64 time=0.000 ms\n\n' +
          '--- localhost ping statistics ---\n' +
          '1 packets transmitted, 1 received, 0% packet loss, time 0ms\n' +
          'rtt min/avg/max/mdev = 0.000/0.000/0.000/0.000 ms\n',
      ),
    );
  });

  it('-n prints addresses; -q only the header and the statistics; -i sets the schedule', () => {
    assert.deepEqual(
      ping(lab(), 'ping -c 2 -n bee.test'),
      ok(
        'PING bee.test (10.77.2.10) 56(84) bytes of data.\n' +
          '64 bytes from 10.77.2.10: icmp_seq=1 ttl=63 time=0.000 ms\n' +
          '64 bytes from 10.77.2.10: icmp_seq=2 ttl=63 time=0.000 ms\n\n' +
          '--- bee.test ping statistics ---\n' +
          '2 packets transmitted, 2 received, 0% packet loss, time 1000ms\n' +
          'rtt min/avg/max/mdev = 0.000/0.000/0.000/0.000 ms\n',
      ),
    );
    assert.deepEqual(
      ping(lab(), 'ping -q -c 2 bee.test'),
      ok(
        'PING bee.test (10.77.2.10) 56(84) bytes of data.\n\n' +
          '--- bee.test ping statistics ---\n' +
          '2 packets transmitted, 2 received, 0% packet loss, time 1000ms\n' +
          'rtt min/avg/max/mdev = 0.000/0.000/0.000/0.000 ms\n',
      ),
    );
    // real: time 202ms
    assert.match(ping(lab(), 'ping -c 2 -i 0.2 10.77.2.10').stdout, /\n2 packets transmitted, 2 received, 0% packet loss, time 200ms\n/);
  });

  it('a host nobody answers ARP for: Destination Host Unreachable from the router, all at once after 3 s (pipe)', () => {
    assert.deepEqual(
      ping(lab(), 'ping -c 3 ghost.test'),
      lost(
        'PING ghost.test (10.77.2.99) 56(84) bytes of data.\n' +
          'From rtr.test (10.77.1.1) icmp_seq=1 Destination Host Unreachable\n' +
          'From rtr.test (10.77.1.1) icmp_seq=2 Destination Host Unreachable\n' +
          'From rtr.test (10.77.1.1) icmp_seq=3 Destination Host Unreachable\n\n' +
          '--- ghost.test ping statistics ---\n' +
          '3 packets transmitted, 0 received, +3 errors, 100% packet loss, time 2000ms\n' +
          'pipe 3\n',
      ),
    );
    const five = ping(lab(), 'ping -c 5 10.77.2.99');
    assert.equal(five.stdout.split('\n').filter((l) => l.startsWith('From 10.77.1.1 icmp_seq=')).length, 5);
    assert.match(five.stdout, /\n5 packets transmitted, 0 received, \+5 errors, 100% packet loss, time 4000ms\npipe 4\n$/);
    assert.match(ping(lab(), 'ping -c 6 -i 0.5 10.77.2.99').stdout, /time 2500ms\npipe 6\n$/);
    // The router's name unknown: getnameinfo gives the address, printed twice.
    assert.match(
      ping(lab(HOSTS.replace(/.*rtr.*\n/, '')), 'ping -c 1 ghost').stdout,
      /\nFrom 10\.77\.1\.1 \(10\.77\.1\.1\) icmp_seq=1 Destination/,
    );
  });

  it('the error comes too late for -W 1 or -w 3: silence', () => {
    assert.deepEqual(
      ping(lab(), 'ping -c 1 -W 1 10.77.2.99'),
      lost(
        'PING 10.77.2.99 (10.77.2.99) 56(84) bytes of data.\n\n' +
          '--- 10.77.2.99 ping statistics ---\n' +
          '1 packets transmitted, 0 received, 100% packet loss, time 0ms\n\n',
      ),
    );
    assert.match(
      ping(lab(), 'ping -c 2 -w 3 10.77.2.99').stdout,
      /\n\n--- 10\.77\.2\.99 ping statistics ---\n3 packets transmitted, 0 received, 100% packet loss, time 2000ms\n\n$/,
    );
  });

  it("the sender's own ARP failure: the error from its own address", () => {
    assert.deepEqual(
      ping(lab(), 'ping -c 3 10.77.1.99'),
      lost(
        'PING 10.77.1.99 (10.77.1.99) 56(84) bytes of data.\n' +
          'From 10.77.1.10 icmp_seq=1 Destination Host Unreachable\n' +
          'From 10.77.1.10 icmp_seq=2 Destination Host Unreachable\n' +
          'From 10.77.1.10 icmp_seq=3 Destination Host Unreachable\n\n' +
          '--- 10.77.1.99 ping statistics ---\n' +
          '3 packets transmitted, 0 received, +3 errors, 100% packet loss, time 2000ms\n' +
          'pipe 3\n',
      ),
    );
  });

  it('Destination Net Unreachable and Time to live exceeded from the router', () => {
    assert.deepEqual(
      ping(lab(), 'ping -c 2 nonet.test'),
      lost(
        'PING nonet.test (10.77.9.9) 56(84) bytes of data.\n' +
          'From rtr.test (10.77.1.1) icmp_seq=1 Destination Net Unreachable\n' +
          'From rtr.test (10.77.1.1) icmp_seq=2 Destination Net Unreachable\n\n' +
          '--- nonet.test ping statistics ---\n' +
          '2 packets transmitted, 0 received, +2 errors, 100% packet loss, time 1000ms\n\n',
      ),
    );
    assert.deepEqual(
      ping(lab(), 'ping -c 2 -t 1 10.77.2.10'),
      lost(
        'PING 10.77.2.10 (10.77.2.10) 56(84) bytes of data.\n' +
          'From 10.77.1.1 icmp_seq=1 Time to live exceeded\n' +
          'From 10.77.1.1 icmp_seq=2 Time to live exceeded\n\n' +
          '--- 10.77.2.10 ping statistics ---\n' +
          '2 packets transmitted, 0 received, +2 errors, 100% packet loss, time 1000ms\n\n',
      ),
    );
    assert.deepEqual(
      ping(lab(), 'ping -c 1 -t 1 bee.test').stdout,
      'PING bee.test (10.77.2.10) 56(84) bytes of data.\n' +
        'From rtr.test (10.77.1.1) icmp_seq=1 Time to live exceeded\n\n' +
        '--- bee.test ping statistics ---\n' +
        '1 packets transmitted, 0 received, +1 errors, 100% packet loss, time 0ms\n\n',
    );
  });

  it('a drop is silence: -w sends one request a second until the deadline', () => {
    assert.deepEqual(
      ping(lab(), 'ping -w 3 10.77.8.1'),
      lost(
        'PING 10.77.8.1 (10.77.8.1) 56(84) bytes of data.\n\n' +
          '--- 10.77.8.1 ping statistics ---\n' +
          '3 packets transmitted, 0 received, 100% packet loss, time 2000ms\n\n',
      ),
    );
    assert.match(ping(lab(), 'ping -w 2 10.77.2.10').stdout, /\n2 packets transmitted, 2 received, 0% packet loss, time 1000ms\n/);
    assert.equal(ping(lab(), 'ping -w 2 10.77.2.10').status, 0);
  });

  it("the sender's own routes: connect() fails before anything is printed on stdout, exit 2", () => {
    assert.deepEqual(ping(lab(), 'ping -c 1 10.99.0.1'), err('ping: connect: Network is unreachable\n', 2));
    assert.deepEqual(ping(lab(), 'ping -c 1 far.test'), err('ping: connect: Network is unreachable\n', 2));
    assert.deepEqual(ping(lab(), 'ping -c 1 10.66.1.1'), err('ping: connect: Invalid argument\n', 2));
    assert.deepEqual(ping(lab(), 'ping -c 1 10.66.2.1'), err('ping: connect: No route to host\n', 2));
    assert.deepEqual(
      ping(lab(), 'ping -c 1 10.66.3.1'),
      err('ping: Do you want to ping broadcast? Then -b. If not, check your local firewall rules\n', 2),
    );
    assert.deepEqual(ping(lab(), 'ping -c 1 -t 0 10.77.2.10'), err('ping: cannot set unicast time-to-live: Invalid argument\n', 2));
    // -I: an unknown device (real: `ping: SO_BINDTODEVICE nosuch: No such device`); binding to one is not modelled
    assert.deepEqual(ping(lab(), 'ping -c 1 -I nosuch 10.77.2.10'), err('ping: SO_BINDTODEVICE nosuch: No such device\n', 2));
    assert.equal(execCommand(lab().world, { host: 'a', netns: '' }, 'ping -c 1 -I eth0 10.77.2.10').notSimulated?.command, 'ping -I');
  });

  it('a name that does not resolve: getaddrinfo’s words, exit 2', () => {
    assert.deepEqual(ping(lab(), 'ping -c 1 nosuch.test'), err('ping: nosuch.test: Name or service not known\n', 2));
    assert.deepEqual(ping(lab(), 'ping -c 1 -6 10.77.2.10'), err('ping: 10.77.2.10: Address family for hostname not supported\n', 2));
    assert.deepEqual(ping(lab(), 'ping -c 1 -6 bee.test'), err('ping: bee.test: Address family for hostname not supported\n', 2));
  });

  it('argument errors with ping’s words and statuses', () => {
    const w = lab();
    assert.deepEqual(ping(w, 'ping'), err('ping: usage error: Destination address required\n', 1));
    assert.deepEqual(ping(w, 'ping -c 0 x'), err("ping: invalid argument: '0': out of range: 1 <= value <= 9223372036854775807\n", 1));
    assert.deepEqual(ping(w, 'ping -c abc x'), err("ping: invalid argument: 'abc'\n", 1));
    assert.deepEqual(ping(w, 'ping -t 256 x'), err("ping: invalid argument: '256': out of range: 0 <= value <= 255\n", 1));
    assert.deepEqual(ping(w, 'ping -W -1 x'), err('ping: bad linger time: -1\n', 2));
    assert.deepEqual(ping(w, 'ping -4 -6 x'), err('ping: only one -4 or -6 option may be specified\n', 2));
    assert.deepEqual(
      ping(w, 'ping -W abc -c 1 x'),
      err(
        'ping: option argument contains garbage: abc\nping: this will become fatal error in the future\nping: x: Name or service not known\n',
        2,
      ),
    );
    const bad = ping(w, 'ping -x 1.2.3.4');
    assert.equal(bad.status, 2);
    assert.ok(bad.stderr.startsWith("ping: invalid option -- 'x'\n\nUsage\n  ping [options] <destination>\n"), bad.stderr);
    assert.ok(bad.stderr.endsWith('\nFor more details see ping(8).\n'));
    assert.ok(ping(w, 'ping -c').stderr.startsWith("ping: option requires an argument -- 'c'\n\nUsage\n"));
    // options may follow the destination (GNU getopt), and cluster
    assert.equal(ping(w, 'ping 10.77.2.10 -nqc1').status, 0);
  });

  it('without -c or -w the simulator refuses (a real ping runs until interrupted), in both languages', () => {
    const r = execCommand(lab().world, { host: 'a', netns: '' }, 'ping bee');
    assert.equal(r.status, 2);
    assert.equal(r.stdout, '');
    assert.equal(r.stderr, 'knetlab: ping without -c or -w is not simulated: a real ping sends until it is interrupted\n');
    assert.equal(r.notSimulated?.command, 'ping without -c or -w');
    assert.equal(
      localizeNotes(r.stderr, 'ko'),
      'knetlab: -c나 -w 없는 ping은 시뮬레이션하지 않습니다. 실제 ping은 중단할 때까지 계속 보냅니다\n',
    );
    const many = execCommand(lab().world, { host: 'a', netns: '' }, 'ping -c 5000 bee');
    assert.equal(many.stderr, 'knetlab: ping of more than 1000 echo requests is not simulated\n');
    assert.equal(localizeNotes(many.stderr, 'ko'), 'knetlab: echo 요청을 1000개 넘게 보내는 ping은 시뮬레이션하지 않습니다\n');
    assert.equal(execCommand(lab().world, { host: 'a', netns: '' }, 'ping -s 100 -c 1 bee').notSimulated?.command, 'ping -s');
    // real: `ping -c 1 -W 0` to a dropped address never ends (killed by timeout after 4 s, nothing printed)
    const forever = execCommand(lab().world, { host: 'a', netns: '' }, 'ping -c 1 -W 0 10.77.8.1');
    assert.equal(forever.status, 2);
    assert.equal(forever.stdout, '');
    assert.equal(
      localizeNotes(forever.stderr, 'ko'),
      'knetlab: 끝없이 기다리는 ping은 시뮬레이션하지 않습니다. -w 없이 -W 0이면 실제 ping은 중단할 때까지 기다립니다\n',
    );
    assert.equal(forever.notSimulated?.command, 'ping that waits forever');
  });

  it('a numeric target as inet_aton reads it (octal, hex, short forms): named as typed, the address as inet_ntoa writes it', () => {
    // real, in a namespace with lo up: `PING 127.000.000.010 (127.0.0.8)`, `PING 0x7f.1 (127.0.0.1)`, `PING ::0001(::1) 56 data bytes`
    assert.deepEqual(
      ping(lab(), 'ping -c 1 127.000.000.010'),
      ok(
        'PING 127.000.000.010 (127.0.0.8) 56(84) bytes of data.\n' +
          '64 bytes from 127.0.0.8: icmp_seq=1 ttl=64 time=0.000 ms\n\n' +
          '--- 127.000.000.010 ping statistics ---\n' +
          '1 packets transmitted, 1 received, 0% packet loss, time 0ms\n' +
          'rtt min/avg/max/mdev = 0.000/0.000/0.000/0.000 ms\n',
      ),
    );
    assert.match(
      ping(lab(), 'ping -c 1 0x7f.1').stdout,
      /^PING 0x7f\.1 \(127\.0\.0\.1\) 56\(84\) bytes of data\.\n64 bytes from 127\.0\.0\.1: /,
    );
    assert.match(ping(lab(), 'ping -c 1 ::0001').stdout, /^PING ::0001\(::1\) 56 data bytes\n64 bytes from ::1: icmp_seq=1 ttl=64 /);
  });

  it('-V prints the version, -h the usage (exit 2)', () => {
    assert.deepEqual(
      ping(lab(), 'ping -V'),
      ok('ping from iputils 20221126\nlibcap: yes, IDN: yes, NLS: no, error.h: yes, getrandom(): yes, __fpending(): yes\n'),
    );
    const h = ping(lab(), 'ping -h');
    assert.equal(h.status, 2);
    assert.ok(h.stderr.startsWith('\nUsage\n'));
  });

  it("a lab's run line that pings and gets no reply fails, as in a shell script, and says why", () => {
    const text =
      'name: t\nswitches: [lan]\nhosts:\n  b:\n    interfaces: { eth0: lan }\n    run: |\n      ip addr add 10.0.0.2/24 dev eth0\n' +
      '  a:\n    interfaces: { eth0: lan }\n    run: |\n      ip addr add 10.0.0.1/24 dev eth0\n      ping -c 1 10.0.0.2\n      ping -c 1 10.0.0.3\n';
    const loaded = loadLabFor(text, { file: 'lab.yaml' });
    const built = buildWorld(loaded.lab!);
    assert.deepEqual(
      built.diagnostics.map((d) => [d.code, d.line, d.message.en]),
      [
        [
          'command-failed',
          13,
          'a: this command fails (exit status 1): 1 packets transmitted, 0 received, +1 errors, 100% packet loss, time 0ms',
        ],
      ],
    );
    assert.match(built.diagnostics[0]!.message.ko, /^a: 이 명령은 실패합니다 \(종료 상태 1\): 1 packets transmitted/);
  });
});
