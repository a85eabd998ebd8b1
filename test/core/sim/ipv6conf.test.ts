import { strict as assert } from 'node:assert';
import { getConf6, hopLimit, ipv6Forwarding, writeConf6 } from '../../../src/core/sim/kernel';
import { W } from '../../support/world';

describe('net.ipv6.conf (src/core/sim/ipv6conf.ts)', () => {
  it('all.forwarding is copied to default and every device; a device of its own does not forward', () => {
    const w = new W();
    const ns = w.host('r', { eth0: 'lan1', eth1: 'lan2' });
    const eth0 = ns.links.get('eth0')!;
    writeConf6(ns, eth0, 'forwarding', 1);
    assert.equal(ipv6Forwarding(ns), false);
    assert.equal(getConf6(ns, 'all', 'forwarding'), 0);
    writeConf6(ns, 'all', 'forwarding', 2);
    assert.equal(ipv6Forwarding(ns), true);
    assert.deepEqual(
      (['default', eth0, ns.links.get('eth1')!, ns.links.get('lo')!] as const).map((x) => getConf6(ns, x, 'forwarding')),
      [2, 2, 2, 2],
    );
    writeConf6(ns, eth0, 'forwarding', 0);
    assert.equal(ipv6Forwarding(ns), true, 'one device off: all still forwards');
  });

  it('all.hop_limit changes only itself; a new device starts from default', () => {
    const w = new W();
    const ns = w.host('a', { eth0: 'lan' });
    const eth0 = ns.links.get('eth0')!;
    writeConf6(ns, 'all', 'hop_limit', 7);
    assert.equal(hopLimit(eth0), 64);
    writeConf6(ns, 'default', 'hop_limit', 9);
    assert.equal(hopLimit(eth0), 64);
    const eth1 = w.host('b', { eth1: 'lan' }).links.get('eth1')!;
    assert.equal(hopLimit(eth1), 64, 'another namespace keeps its own default');
    const ns2 = w.ns('a');
    writeConf6(ns2, eth0, 'hop_limit', 5);
    assert.equal(hopLimit(eth0), 5);
  });
});
