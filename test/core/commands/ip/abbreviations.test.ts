/**
 * iproute2 6.1 reads its keywords with matches(), a prefix match, so a device name that is a prefix
 * of a keyword is that keyword. Every expected text and status below is what the real `ip` printed
 * in a network namespace (oracle scenario 93 checks the first ones against the kernel).
 */
import { strict as assert } from 'node:assert';
import { fixture } from '../../../support/commands';

const SETUP = ['ip link add a1 type veth peer name a2', 'ip link set a1 up', 'ip link set a2 up', 'ip addr add 10.0.0.1/24 dev a1'];

const CASES: [string, string, number][] = [
  ['ip link add br type bridge', '"type" is invalid lladdr.\n', 1],
  ['ip link add b type bridge', '"type" is invalid lladdr.\n', 1],
  ['ip link add a type bridge', '"type" is invalid lladdr.\n', 1],
  ['ip link add d type dummy', 'Error: argument of "dynamic" must be "on" or "off", not "type"\n', 1],
  ['ip link add m type bridge', 'Error: argument "type" is wrong: Device does not exist\n\n', 255],
  ['ip link add t type bridge', 'Error: argument "type" is wrong: Invalid "txqueuelen" value\n\n', 255],
  ['ip link add al type bridge', 'Not enough information: "type" argument is required\n', 1],
  ['ip link add li type bridge', 'Cannot find device "type"\n', 1],
  ['ip link add nu type bridge', 'Error: argument "type" is wrong: Invalid "numtxqueues" value\n\n', 255],
  ['ip link add numr type bridge', 'Error: argument "type" is wrong: Invalid "numrxqueues" value\n\n', 255],
  ['ip link add addrg type bridge', 'Error: argument "type" is wrong: Invalid address generation mode\n\n', 255],
  ['ip link add link-n type bridge', 'Error: argument "type" is wrong: Invalid "link-netns" value\n\n', 255],
  ['ip link add ty type bridge', 'Garbage instead of arguments "bridge ...". Try "ip link help".\n', 1],
  ['ip link add b bridge type bridge', 'RTNETLINK answers: Invalid argument\n', 2],
  ['ip link set br up', '"up" is invalid lladdr.\n', 1],
  ['ip link set b down', 'Not enough information: "dev" argument is required.\n', 255],
  ['ip link set m up', 'Error: argument "up" is wrong: Device does not exist\n\n', 255],
  ['ip link set d up', 'Error: argument of "dynamic" must be "on" or "off", not "up"\n', 1],
  ['ip link set al up', 'Not enough information: "dev" argument is required.\n', 255],
  ['ip link del br', 'Command line is not complete. Try option "help"\n', 255],
  ['ip link set lo multicast x', 'Error: argument of "multicast" must be "on" or "off", not "x"\n', 1],
  ['ip addr add m dev a1', 'Error: argument "dev" is wrong: "metric" value is invalid\n\n', 255],
  ['ip addr add 10.0.0.9/24 dev a1 pre x', 'Error: argument "x" is wrong: "metric" value is invalid\n\n', 255],
  ['ip addr add 10.0.0.9/24 dev a1 v 5', 'preferred_lft is greater than valid_lft\n', 1],
  ['ip route add 10.5.0.0/24 via 10.0.0.2 d', 'Command line is not complete. Try option "help"\n', 255],
  ['ip route add 10.5.0.0/24 via 10.0.0.2 m', 'Command line is not complete. Try option "help"\n', 255],
  ['ip route add 10.5.0.0/24 via 10.0.0.2 w x', 'Error: argument "x" is wrong: "window" value is invalid\n\n', 255],
  ['ip route add 10.5.0.0/24 via 10.0.0.2 v x', 'Error: argument "x" is wrong: Invalid VRF\n\n', 255],
  ['ip route add 10.5.0.0/24 via 10.0.0.2 pr static', 'Error: argument "static" is wrong: "metric" value is invalid\n\n', 255],
  ['ip route add 10.5.0.0/24 a1', 'Error: either "to" is duplicate, or "a1" is a garbage.\n', 255],
  ['ip route get 10.0.0.5 d', 'Command line is not complete. Try option "help"\n', 255],
];

describe('commands: iproute2 keyword abbreviations', () => {
  for (const [line, stderr, status] of CASES) {
    it(line, () => {
      const f = fixture();
      f.ok(...SETUP);
      const r = f.sh(line);
      assert.equal(r.stderr, stderr);
      assert.equal(r.status, status);
      assert.equal(r.notSimulated, undefined);
    });
  }

  it('a word that is no keyword is a name: `ip link add n type bridge` is nomaster, and the bridge gets the kernel name', () => {
    const f = fixture();
    f.ok('ip link add n type bridge', 'ip link add mt type bridge');
    assert.ok(f.host.netns.get('')!.links.has('bridge0'));
    assert.ok(f.host.netns.get('')!.links.has('mt'));
  });

  it('an option not modelled is reported only once the line is otherwise valid, at its column', () => {
    const f = fixture();
    let r = f.sh('ip link add tx 5 name yy type bridge');
    assert.equal(r.notSimulated?.command, 'ip link option "txqueuelen"');
    assert.equal(r.notSimulated?.column, 12);
    r = f.sh('ip link add al x type bridge');
    assert.equal(r.notSimulated?.command, 'ip link option "alias"');
    r = f.sh('ip route add 10.5.0.0/24 dev lo c 5');
    assert.equal(r.notSimulated?.command, 'ip route ... cwnd');
  });
});
