/**
 * ping through iptables rules, against the real ping 20221126 on Linux 6.18 (nf_tables), in the
 * namespaces of ../ping.test.ts (a -- r -- b):
 * - a DROP in the sender's OUTPUT: silence, nothing on stderr (`2 packets transmitted, 0 received`);
 * - a REJECT in the sender's OUTPUT: `From 10.77.1.10 icmp_seq=N Destination Port Unreachable` (its
 *   own address) and, on stderr, `ping: sendmsg: Operation not permitted` for each request;
 * - a REJECT in b's INPUT: `From 10.77.2.10 icmp_seq=N Destination Port Unreachable`, exit 1.
 */
import { strict as assert } from 'node:assert';
import { execCommand } from '../../../../src/core/commands/exec';
import type { W } from '../../../support/world';
import { pingLab } from '../../../support/pingLab';

function lab(on: string, rule: string): W {
  const w = pingLab();
  assert.equal(execCommand(w.world, { host: on, netns: '' }, rule).status, 0, rule);
  return w;
}

const ping = (w: W) => {
  const r = execCommand(w.world, { host: 'a', netns: '' }, 'ping -c 2 10.77.2.10');
  return { stdout: r.stdout, stderr: r.stderr, status: r.status };
};

const HEAD = 'PING 10.77.2.10 (10.77.2.10) 56(84) bytes of data.\n';
const ERRORS = '\n--- 10.77.2.10 ping statistics ---\n2 packets transmitted, 0 received, +2 errors, 100% packet loss, time 1000ms\n\n';

describe('ping through iptables rules', () => {
  it("a DROP in the sender's OUTPUT is silence", () => {
    assert.deepEqual(ping(lab('a', 'iptables -A OUTPUT -d 10.77.2.10 -j DROP')), {
      stdout: `${HEAD}\n--- 10.77.2.10 ping statistics ---\n2 packets transmitted, 0 received, 100% packet loss, time 1000ms\n\n`,
      stderr: '',
      status: 1,
    });
  });

  it("a REJECT in the sender's OUTPUT: the error from itself, and sendmsg's EPERM on stderr", () => {
    assert.deepEqual(ping(lab('a', 'iptables -A OUTPUT -d 10.77.2.10 -j REJECT')), {
      stdout: `${HEAD}From 10.77.1.10 icmp_seq=1 Destination Port Unreachable\nFrom 10.77.1.10 icmp_seq=2 Destination Port Unreachable\n${ERRORS}`,
      stderr: 'ping: sendmsg: Operation not permitted\nping: sendmsg: Operation not permitted\n',
      status: 1,
    });
  });

  it("a REJECT in the target's INPUT: Destination Port Unreachable from the target", () => {
    assert.deepEqual(ping(lab('b', 'iptables -A INPUT -p icmp -j REJECT')), {
      stdout: `${HEAD}From 10.77.2.10 icmp_seq=1 Destination Port Unreachable\nFrom 10.77.2.10 icmp_seq=2 Destination Port Unreachable\n${ERRORS}`,
      stderr: '',
      status: 1,
    });
  });
});
