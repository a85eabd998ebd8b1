/**
 * ping with names from a DNS server (a asks b, 192.168.2.10, through r): the canonical name at the
 * end of a CNAME chain in the header and the statistics (ai_canonname, as `PING ns.example.com` for
 * `ping ns` in the DNS oracle's scenario 26-ping-name), the reply's sender named by its PTR record
 * (getnameinfo: /etc/hosts has no line for it, so nss_dns asks `10.2.168.192.in-addr.arpa.`), the
 * bare address twice when the PTR does not exist, and `Temporary failure in name resolution` when
 * no server answers. Every query is a packet through the lab.
 */
import { strict as assert } from 'node:assert';
import { execCommand } from '../../../../src/core/commands/exec';
import { writeFile } from '../../../../src/core/sim/kernel';
import { rr, serveDns, ToyServer } from '../../../support/dns';
import { gatewayWorld } from '../../../support/world';

function lab(resolv = 'nameserver 192.168.2.10\nsearch example.com\n') {
  const w = gatewayWorld(true);
  serveDns(
    w.ns('b'),
    new ToyServer([
      rr('b.example.com. A 192.168.2.10'),
      rr('www.example.com. CNAME b.example.com.'),
      rr('10.2.168.192.in-addr.arpa. PTR b.example.com.'),
      rr('r.example.com. A 192.168.1.1'),
    ]),
  );
  const a = w.world.hosts.get('a')!;
  writeFile(a, '/etc/resolv.conf', resolv);
  writeFile(a, '/etc/hosts', '127.0.0.1\tlocalhost\n');
  return w;
}

const ping = (w: ReturnType<typeof lab>, line: string) => {
  const r = execCommand(w.world, { host: 'a', netns: '' }, line);
  return { stdout: r.stdout, stderr: r.stderr, status: r.status };
};

describe('ping with names from DNS', () => {
  it('a CNAME: the canonical name; the reply named by its PTR record', () => {
    assert.deepEqual(ping(lab(), 'ping -c 1 www'), {
      stdout:
        'PING b.example.com (192.168.2.10) 56(84) bytes of data.\n' +
        '64 bytes from b.example.com (192.168.2.10): icmp_seq=1 ttl=63 time=0.000 ms\n\n' +
        '--- b.example.com ping statistics ---\n' +
        '1 packets transmitted, 1 received, 0% packet loss, time 0ms\n' +
        'rtt min/avg/max/mdev = 0.000/0.000/0.000/0.000 ms\n',
      stderr: '',
      status: 0,
    });
  });

  it('no PTR record: the address, twice', () => {
    assert.match(ping(lab(), 'ping -c 1 r.example.com').stdout, /\n64 bytes from 192\.168\.1\.1 \(192\.168\.1\.1\): icmp_seq=1 ttl=64 /);
  });

  it('a name no server answers for, and one that does not exist', () => {
    assert.deepEqual(ping(lab('nameserver 192.168.2.99\noptions timeout:1 attempts:1\n'), 'ping -c 1 www.example.com'), {
      stdout: '',
      stderr: 'ping: www.example.com: Temporary failure in name resolution\n',
      status: 2,
    });
    assert.deepEqual(ping(lab(), 'ping -c 1 nosuch.example.com'), {
      stdout: '',
      stderr: 'ping: nosuch.example.com: Name or service not known\n',
      status: 2,
    });
  });
});
