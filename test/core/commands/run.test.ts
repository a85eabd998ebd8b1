/**
 * The simulated shell's lines (`;` `&&` `||`, variables, sh -c, sudo, columns, abbreviations) against what iproute2 6.1, procps sysctl and dash print on kernel 6.18
 * (every expected text below was taken from the real tools in a network namespace).
 */
import { strict as assert } from 'node:assert';
import { execCommand } from '../../../src/core/commands/exec';
import { fixture, lab } from '../../support/commands';

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
      ['ip netns exec red traceroute 10.0.0.1', 'traceroute', 18, 1],
      ['ip netns exec red ping 10.0.0.1', 'ping without -c or -w', 18, 2],
      ['trap "echo bye" EXIT', 'trap', 0, 0],
      ['ulimit -n 1024', 'ulimit', 0, 0],
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
