import { strict as assert } from 'node:assert';
import { resolveName } from '../../../../src/core/dns/resolver/index';
import { writeFile } from '../../../../src/core/sim/kernel';
import { gatewayWorld } from '../../../support/world';

describe('resolveName: the order getaddrinfo gives (glibc rfc3484_sort)', () => {
  const lookup = (hosts: string, hostConf = 'multi on\n', setup?: (w: ReturnType<typeof gatewayWorld>) => void) => {
    const w = gatewayWorld(true);
    const a = w.world.hosts.get('a')!;
    writeFile(a, '/etc/hosts', hosts);
    writeFile(a, '/etc/nsswitch.conf', 'hosts: files\n');
    if (hostConf) writeFile(a, '/etc/host.conf', hostConf);
    setup?.(w);
    return resolveName(w.world, { from: { host: 'a', netns: '' }, name: 'me', tool: 'getent-ahosts' }).answers.map((x) => x.data);
  };

  it('an IPv4 address with a route first, then IPv6 addresses the host cannot use (a zoneless link-local one before a global one)', () => {
    // Seen on glibc 2.36 in a namespace with 10.77.0.1/24 only: getent ahosts me gives 10.77.0.1, fe80::1, 2001:db8::1.
    assert.deepEqual(lookup('192.168.1.10 me\nfe80::1 me\n2001:db8::1 me\n'), ['192.168.1.10', 'fe80::1', '2001:db8::1']);
  });

  it('a usable global IPv6 address comes before IPv4 (precedence 40 against 10)', () => {
    const got = lookup('192.168.2.10 me\n2001:db8:2::10 me\n', 'multi on\n', (w) => {
      w.addr(w.ns('a'), 'eth0', '2001:db8:1::10/64').addr(w.ns('r'), 'eth0', '2001:db8:1::1/64');
      w.route(w.ns('a'), '2001:db8:2::/64', '2001:db8:1::1');
    });
    assert.deepEqual(got, ['2001:db8:2::10', '192.168.2.10']);
  });

  it('without multi on in /etc/host.conf, files gives the first line only', () => {
    assert.deepEqual(lookup('192.168.1.10 me\nfe80::1 me\n', ''), ['192.168.1.10']);
  });
});
