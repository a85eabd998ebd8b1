/**
 * Deleting addresses as the kernel does (__inet_del_ifa, fib_del_ifaddr, fib_disable_ip); every
 * expected text below was taken from kernel 6.18 in a network namespace (oracle scenarios 37, 90, 91).
 */
import { strict as assert } from 'node:assert';
import { fixture } from '../../support/commands';

const SETUP = [
  'ip link set eth0 up',
  'ip addr add 10.1.0.1/24 dev eth0',
  'ip addr add 10.1.0.2/24 dev eth0',
  'ip addr add 10.1.0.3/24 dev eth0',
  'ip addr add 10.2.0.1/24 dev eth0',
  'ip route add 10.9.0.0/24 via 10.1.0.254',
  'ip route add 10.8.0.0/24 via 10.1.0.254 src 10.1.0.2',
];

const addrs = (f: ReturnType<typeof fixture>) =>
  f
    .sh('ip -4 -o addr show dev eth0')
    .stdout.split('\n')
    .filter(Boolean)
    .map((l) =>
      l
        .replace(/^\d+: eth0\s+inet /, '')
        .replace(/\\.*$/, '')
        .trim(),
    );

describe('sim: deleting addresses', () => {
  it('promote_secondaries 0 (the default): the primary takes the secondaries of its subnet with it, and the routes that use them', () => {
    const f = fixture(['eth0']);
    f.ok(...SETUP, 'ip addr del 10.1.0.1/24 dev eth0');
    assert.deepEqual(addrs(f), ['10.2.0.1/24 scope global eth0']);
    assert.equal(
      f.sh('ip route show').stdout,
      '10.2.0.0/24 dev eth0 proto kernel scope link src 10.2.0.1 \n10.9.0.0/24 via 10.1.0.254 dev eth0 \n',
    );
    assert.doesNotMatch(f.sh('ip route show table local').stdout, /10\.1\.0/);
  });

  for (const key of ['net.ipv4.conf.eth0.promote_secondaries', 'net.ipv4.conf.all.promote_secondaries']) {
    it(`${key}=1: the first secondary is promoted and takes over the subnet's routes`, () => {
      const f = fixture(['eth0']);
      f.ok(`sysctl -w ${key}=1`, ...SETUP, 'ip addr del 10.1.0.1/24 dev eth0');
      assert.deepEqual(addrs(f), [
        '10.2.0.1/24 scope global eth0',
        '10.1.0.2/24 scope global eth0',
        '10.1.0.3/24 scope global secondary eth0',
      ]);
      assert.equal(
        f.sh('ip route show').stdout,
        '10.1.0.0/24 dev eth0 proto kernel scope link src 10.1.0.2 \n' +
          '10.2.0.0/24 dev eth0 proto kernel scope link src 10.2.0.1 \n' +
          '10.8.0.0/24 via 10.1.0.254 dev eth0 src 10.1.0.2 \n' +
          '10.9.0.0/24 via 10.1.0.254 dev eth0 \n',
      );
      assert.match(f.sh('ip route show table local').stdout, /^local 10\.1\.0\.3 dev eth0 proto kernel scope host src 10\.1\.0\.2 $/m);
    });
  }

  it('conf.default.promote_secondaries is copied into links made after it, not into those already there', () => {
    const f = fixture(['eth0']);
    f.ok('sysctl -w net.ipv4.conf.default.promote_secondaries=1', 'ip link add v0 type veth peer name v1');
    assert.equal(f.sh('sysctl -n net.ipv4.conf.eth0.promote_secondaries').stdout, '0\n');
    assert.equal(f.sh('sysctl -n net.ipv4.conf.v0.promote_secondaries').stdout, '1\n');
    const r = f.sh('sysctl -w net.ipv4.conf.eth0.promote_secondaries=1');
    assert.equal(r.notSimulated, undefined);
  });

  it('the last IPv4 address of a link takes every IPv4 route through the link with it', () => {
    const f = fixture(['eth0']);
    f.ok(
      'ip link set eth0 up',
      'ip addr add 10.1.0.1/24 dev eth0',
      'ip route add 10.7.0.0/24 dev eth0',
      'ip route add 10.9.0.0/24 via 10.1.0.254',
      'ip route add 10.6.0.0/24 via 10.1.0.254 dev eth0 onlink',
      'ip addr del 10.1.0.1/24 dev eth0',
    );
    assert.equal(f.sh('ip route show').stdout, '');
  });

  it('with another address left, a device route and a gateway route through the deleted subnet stay', () => {
    const f = fixture(['eth0']);
    f.ok(
      'ip link set eth0 up',
      'ip addr add 10.1.0.1/24 dev eth0',
      'ip addr add 10.3.0.1/24 dev eth0',
      'ip route add 10.7.0.0/24 dev eth0',
      'ip route add 10.9.0.0/24 via 10.1.0.254',
      'ip addr del 10.1.0.1/24 dev eth0',
    );
    assert.equal(
      f.sh('ip route show').stdout,
      '10.3.0.0/24 dev eth0 proto kernel scope link src 10.3.0.1 \n10.7.0.0/24 dev eth0 scope link \n10.9.0.0/24 via 10.1.0.254 dev eth0 \n',
    );
  });
});
