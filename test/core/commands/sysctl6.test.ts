import { strict as assert } from 'node:assert';
import { fixture } from '../../support/commands';

describe('sysctl net.ipv6.conf (src/core/commands/sysctl6.ts)', () => {
  it('reads and writes forwarding, hop_limit and disable_ipv6 of all, default and a device, also through /proc/sys', () => {
    const f = fixture(['eth0']);
    assert.equal(f.sh('sysctl net.ipv6.conf.all.forwarding').stdout, 'net.ipv6.conf.all.forwarding = 0\n');
    f.ok('sysctl -w net.ipv6.conf.all.forwarding=1');
    assert.equal(
      f.sh('sysctl net.ipv6.conf.default.forwarding net.ipv6.conf.eth0.forwarding net.ipv4.ip_forward').stdout,
      'net.ipv6.conf.default.forwarding = 1\nnet.ipv6.conf.eth0.forwarding = 1\nnet.ipv4.ip_forward = 0\n',
    );
    f.ok('echo 0 > /proc/sys/net/ipv6/conf/eth0/forwarding');
    assert.equal(f.sh('cat /proc/sys/net/ipv6/conf/eth0/forwarding /proc/sys/net/ipv6/conf/all/forwarding').stdout, '0\n1\n');
    const bad = f.sh('sysctl -w net.ipv6.conf.all.hop_limit=0');
    assert.equal(bad.status, 1);
    assert.equal(bad.stderr, 'sysctl: setting key "net.ipv6.conf.all.hop_limit": Invalid argument\n');
    const r = f.sh('sysctl -w net.ipv6.conf.eth0.hop_limit=5');
    assert.equal(r.status, 0);
    assert.equal(r.notSimulated, undefined, 'simulated, so no warning');
    assert.equal(
      f.sh('sysctl net.ipv6.conf.eth0.hop_limit net.ipv6.conf.all.hop_limit').stdout,
      'net.ipv6.conf.eth0.hop_limit = 5\nnet.ipv6.conf.all.hop_limit = 64\n',
    );
    assert.match(f.sh('sysctl -a').stdout, /^net\.ipv6\.conf\.eth0\.disable_ipv6 = 0$/m);
    assert.equal(f.sh('sysctl net.ipv6.conf.eth9.forwarding').status, 1);
  });
});
