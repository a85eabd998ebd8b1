/**
 * The simulated `ip route` against what iproute2 6.1, procps sysctl and dash print on kernel 6.18
 * (every expected text below was taken from the real tools in a network namespace).
 */
import { strict as assert } from 'node:assert';
import { expectErr, type Fixture, lab } from '../../../support/commands';

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
