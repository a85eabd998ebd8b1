/**
 * The simulated `ip addr` against what iproute2 6.1, procps sysctl and dash print on kernel 6.18
 * (every expected text below was taken from the real tools in a network namespace).
 */
import { strict as assert } from 'node:assert';
import { expectErr, lab } from '../../../support/commands';

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
