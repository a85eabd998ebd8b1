/**
 * The simulated sysctl, /proc/sys, echo, cat and hostname against what iproute2 6.1, procps sysctl and dash print on kernel 6.18
 * (every expected text below was taken from the real tools in a network namespace).
 */
import { strict as assert } from 'node:assert';
import { expectErr, fixture } from '../../support/commands';

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
    const r = fixture().sh('sysctl -w net.ipv4.conf.all.arp_ignore=2');
    assert.equal(r.stdout, 'net.ipv4.conf.all.arp_ignore = 2\n');
    assert.equal(r.status, 0);
    assert.equal(r.notSimulated?.command, 'sysctl net.ipv4.conf.all.arp_ignore');
    // rp_filter is acted on (the walk's reverse path filter): not flagged.
    assert.equal(fixture().sh('sysctl -w net.ipv4.conf.all.rp_filter=2').notSimulated, undefined);
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

  it('sysctl -a lists every key it knows, each once and sorted, with the interface keys of each interface; -N names only', () => {
    const f = fixture(['eth0']);
    const all = f.sh('sysctl -a');
    assert.equal(all.status, 0);
    const names = all.stdout
      .trim()
      .split('\n')
      .map((l) => l.split(' = ')[0]!);
    assert.deepEqual(names, [...new Set(names)].sort(), 'each once, in name order');
    for (const k of ['net.ipv4.ip_forward', 'net.ipv4.conf.all.forwarding', 'net.ipv4.conf.eth0.forwarding', 'net.ipv4.conf.lo.rp_filter'])
      assert.ok(names.includes(k), k);
    assert.match(all.stdout, /^net\.ipv4\.ip_forward = 0$/m);
    assert.deepEqual(f.sh('sysctl -a -N').stdout.trim().split('\n'), names);
    f.ok('sysctl -w net.ipv4.ip_forward=1');
    assert.match(f.sh('sysctl -a').stdout, /^net\.ipv4\.ip_forward = 1$/m);
  });

  it('sysctl -p loads /etc/sysctl.conf; -p FILE... loads each file named, skipping comments', () => {
    const f = fixture();
    const ns = f.host.netns.get('')!;
    f.host.files.set('/etc/sysctl.conf', 'net.ipv4.ip_forward = 1\n# a comment\n; another\n\n');
    assert.deepEqual(f.sh('sysctl -p'), { stdout: 'net.ipv4.ip_forward = 1\n', stderr: '', status: 0 });
    assert.equal(ns.sysctl.ipForward, true);
    f.host.files.set('/etc/off.conf', 'net.ipv4.ip_forward=0\n');
    f.host.files.set('/etc/on.conf', 'net.ipv4.ip_forward=1\n');
    assert.equal(f.sh('sysctl -p /etc/off.conf').stdout, 'net.ipv4.ip_forward = 0\n');
    assert.equal(ns.sysctl.ipForward, false);
    assert.equal(f.sh('sysctl -p /etc/off.conf /etc/on.conf').stdout, 'net.ipv4.ip_forward = 0\nnet.ipv4.ip_forward = 1\n');
    assert.equal(ns.sysctl.ipForward, true);
    assert.equal(f.sh('sysctl --load=/etc/off.conf').stdout, 'net.ipv4.ip_forward = 0\n');
  });

  it('sysctl -p with a file that is not there: says so, loads the others, status 1', () => {
    const f = fixture();
    f.host.files.set('/etc/on.conf', 'net.ipv4.ip_forward=1\n');
    const r = f.sh('sysctl -p /etc/nope.conf /etc/on.conf');
    assert.equal(r.stderr, 'sysctl: cannot open "/etc/nope.conf": No such file or directory\n');
    assert.equal(r.stdout, 'net.ipv4.ip_forward = 1\n');
    assert.equal(r.status, 1);
    assert.equal(f.sh('sysctl -p /etc/nope.conf').status, 1);
  });

  it('kernel.hostname is the UTS name: read and written through sysctl and /proc/sys, as hostname sees it', () => {
    const f = fixture();
    const name = f.sh('hostname').stdout;
    assert.equal(f.sh('cat /proc/sys/kernel/hostname').stdout, name);
    assert.equal(f.sh('sysctl kernel.hostname').stdout, `kernel.hostname = ${name}`);
    assert.equal(f.sh('sysctl -w kernel.hostname=rtr1').stdout, 'kernel.hostname = rtr1\n');
    assert.equal(f.sh('hostname').stdout, 'rtr1\n');
    f.ok('echo web1 > /proc/sys/kernel/hostname');
    assert.equal(f.sh('hostname').stdout, 'web1\n');
    assert.match(f.sh('sysctl -a').stdout, /^kernel\.hostname = web1$/m);
  });

  it('hostname NAME refuses what Debian hostname refuses: a malformed name, then more than 64 bytes', () => {
    const fx = fixture();
    const f = { sh: (line: string) => (({ stdout, stderr, status }) => ({ stdout, stderr, status }))(fx.sh(line)) };
    const max = 'a'.repeat(64);
    assert.deepEqual(f.sh(`hostname ${max}a`), { stdout: '', stderr: 'hostname: name too long\n', status: 1 });
    assert.equal(f.sh('hostname').stdout, 'h1\n', 'the name is unchanged');
    assert.deepEqual(f.sh(`hostname ${'a'.repeat(64)}.b`), { stdout: '', stderr: 'hostname: name too long\n', status: 1 });
    for (const bad of ['a_b', 'a..b', 'a.', '.a', 'a-', 'a.-b', `a_${max}`]) {
      assert.deepEqual(f.sh(`hostname ${bad}`), { stdout: '', stderr: 'hostname: the specified hostname is invalid\n', status: 1 }, bad);
    }
    // two names: the usage on stderr and status 255, as Debian's hostname gives them
    const two = f.sh('hostname a b');
    assert.equal(two.status, 255);
    assert.equal(two.stdout, '');
    assert.match(two.stderr, /^Usage: hostname \[-b\] \{hostname\|-F file\}/);
    assert.match(two.stderr, /part of the FQDN\) in the \/etc\/hosts file\.\n$/);
    assert.equal(f.sh('hostname').stdout, 'h1\n', 'the name is unchanged');
    for (const good of [max, '123', 'a--b', 'A.B-c', 'xn--a']) {
      assert.equal(f.sh(`hostname ${good}`).status, 0, good);
      assert.equal(f.sh('hostname').stdout, `${good}\n`);
    }
  });

  it('kernel.hostname written longer than 64 bytes is cut to 64, without an error (as the kernel does)', () => {
    const f = fixture();
    const long = 'a'.repeat(70);
    const r = f.sh(`sysctl -w kernel.hostname=${long}`);
    assert.equal(r.status, 0);
    assert.equal(r.stdout, `kernel.hostname = ${long}\n`, 'sysctl echoes what it wrote');
    assert.equal(f.sh('hostname').stdout, `${'a'.repeat(64)}\n`);
  });
});
