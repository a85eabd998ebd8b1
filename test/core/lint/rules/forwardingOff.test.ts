/**
 * The forwarding-off lint rule (src/core/lint/rules/forwardingOff.ts): a router with forwarding
 * off, at the first route through it, with the fix (inside a namespace too); a router that is only
 * the destination is fine.
 */
import { strict as assert } from 'node:assert';
import { codes, GATEWAY, lineOf, lint } from '../../../support/lint';

describe('lab lints', () => {
  describe('forwarding-off', () => {
    it('a router with ip_forward 0: one warning, at the first route through it, with the fix', () => {
      const text = GATEWAY('true');
      const d = codes(lint(text));
      assert.deepEqual(
        d.map((x) => x.code),
        ['forwarding-off'],
      );
      assert.equal(d[0]!.line, lineOf(text, 'ip route add 192.168.2.0/24 via 192.168.1.1'));
      assert.match(d[0]!.message.en, /^a: .*192\.168\.1\.1 \(r\).*net\.ipv4\.ip_forward is 0.*sysctl -w net\.ipv4\.ip_forward=1/);
      assert.match(d[0]!.message.ko, /sysctl -w net\.ipv4\.ip_forward=1/);
      // b's route through r counts too: a route of another host, so not "of this namespace".
      assert.match(d[0]!.message.en, /\(1 other route of the lab goes through it too\.\)$/);
    });

    it('an IPv6 gateway: net.ipv4.ip_forward does not count, net.ipv6.conf.all.forwarding does', () => {
      const v6 = (routerLine: string) => `name: t
switches: [lan1, lan2]
hosts:
  a:
    interfaces:
      eth0: lan1
    run: |
      ip addr add 2001:db8:1::10/64 dev eth0
      ip route add 2001:db8:2::/64 via 2001:db8:1::1
  r:
    interfaces:
      eth0: lan1
      eth1: lan2
    run: |
      ip addr add 2001:db8:1::1/64 dev eth0
      ip addr add 2001:db8:2::1/64 dev eth1
      ${routerLine}
`;
      const off = codes(lint(v6('sysctl -w net.ipv4.ip_forward=1')), 'forwarding-off');
      assert.equal(off.length, 1);
      assert.match(
        off[0]!.message.en,
        /r does not forward packets: net\.ipv6\.conf\.all\.forwarding is 0 there\. Enable it on r: sysctl -w net\.ipv6\.conf\.all\.forwarding=1$/,
      );
      assert.equal(codes(lint(v6('sysctl -w net.ipv6.conf.eth0.forwarding=1')), 'forwarding-off').length, 1);
      assert.equal(codes(lint(v6('sysctl -w net.ipv6.conf.all.forwarding=1')), 'forwarding-off').length, 0);
    });

    it('ip_forward turned off by a line: the message points at it', () => {
      const text = GATEWAY('sysctl -w net.ipv4.ip_forward=0');
      const d = codes(lint(text), 'forwarding-off');
      assert.equal(d.length, 1);
      assert.match(d[0]!.message.en, new RegExp(`is 0 there \\(line ${lineOf(text, 'ip_forward=0')}\\)`));
    });

    it('a namespace router: the fix runs inside the namespace', () => {
      const text = `name: t
switches: [lan]
hosts:
  h:
    interfaces:
      eth0: lan
    run: |
      ip netns add r
      ip link add v type veth peer name v-r
      ip link set v-r netns r
      ip link set v up
      ip -n r link set v-r up
      ip addr add 10.0.0.1/24 dev v
      ip -n r addr add 10.0.0.2/24 dev v-r
      ip route add 10.7.0.0/16 via 10.0.0.2
`;
      const d = codes(lint(text));
      assert.deepEqual(
        d.map((x) => x.code),
        ['forwarding-off'],
      );
      assert.match(d[0]!.message.en, /\(h\/r\).*ip netns exec r sysctl -w net\.ipv4\.ip_forward=1/);
    });

    it('a router that forwards, or that is only the destination, is fine', () => {
      assert.deepEqual(lint(GATEWAY('sysctl -w net.ipv4.ip_forward=1')), []);
      const dest = GATEWAY('true')
        .replace('ip route add 192.168.2.0/24 via 192.168.1.1', 'ip route add 192.168.2.1/32 via 192.168.1.1')
        .replace('ip route add 192.168.1.0/24 via 192.168.2.1', 'ip route add 192.168.1.1 via 192.168.2.1');
      assert.deepEqual(lint(dest), []);
    });
  });
});
