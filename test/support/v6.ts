/** An IPv6 lab of the IPv6 tests: a -- lan1 -- r -- lan2 -- b, with fixed MACs, built through `ip` and `sysctl` lines. */
import { strict as assert } from 'node:assert';
import { runLine } from '../../src/core/commands/run';
import { ROOT_NS, type World } from '../../src/core/sim/model';
import { W } from './world';

export function v6World(routerLines: string[] = ['sysctl -w net.ipv6.conf.all.forwarding=1']): {
  world: World;
  sh(host: string, line: string): ReturnType<typeof runLine>;
} {
  const w = new W();
  const macs: Record<string, string> = {
    'a/eth0': '02:00:00:00:01:0a',
    'r/eth0': '02:00:00:00:01:01',
    'r/eth1': '02:00:00:00:02:01',
    'b/eth0': '02:00:00:00:02:0b',
  };
  w.host('a', { eth0: 'lan1' });
  w.host('r', { eth0: 'lan1', eth1: 'lan2' });
  w.host('b', { eth0: 'lan2' });
  const sh = (host: string, line: string) => {
    const h = w.world.hosts.get(host)!;
    return runLine({ world: w.world, host: h, netns: h.netns.get(ROOT_NS)! }, line);
  };
  const ok = (host: string, line: string) => {
    const r = sh(host, line);
    assert.equal(r.status, 0, `${host}$ ${line}: ${r.stderr}`);
  };
  for (const [k, mac] of Object.entries(macs)) {
    const [host, dev] = k.split('/');
    ok(host!, `ip link set ${dev} down`);
    ok(host!, `ip link set ${dev} address ${mac}`);
    ok(host!, `ip link set ${dev} up`);
  }
  ok('a', 'ip addr add 2001:db8:1::10/64 dev eth0');
  ok('a', 'ip route add default via 2001:db8:1::1');
  ok('r', 'ip addr add 2001:db8:1::1/64 dev eth0');
  ok('r', 'ip addr add 2001:db8:2::1/64 dev eth1');
  for (const l of routerLines) ok('r', l);
  ok('b', 'ip addr add 2001:db8:2::10/64 dev eth0');
  ok('b', 'ip -6 route add default via 2001:db8:2::1');
  return { world: w.world, sh };
}
