/** Builds small worlds straight through the kernel API, for tests of the packet walk. */
import { buildWorld, loadLabFor } from '../../src/core/index';
import { applyIptables, parseIptables } from '../../src/core/netfilter/index';
import { parseAddr, parsePrefixLoose } from '../../src/core/net/addr';
import { type Link, type Netns, type World, ROOT_NS } from '../../src/core/sim/model';
import {
  addAddress,
  addHost,
  addLink,
  addRoute,
  addVethPair,
  createNetns,
  createWorld,
  setIpForward,
  setLinkUp,
  setMaster,
} from '../../src/core/sim/kernel';

export class W {
  readonly world: World = createWorld();

  switch(name: string): this {
    this.world.switches.set(name, undefined);
    return this;
  }

  host(name: string, nics: Record<string, string> = {}): Netns {
    const h = addHost(this.world, name);
    const ns = h.netns.get(ROOT_NS)!;
    for (const [ifname, sw] of Object.entries(nics)) {
      if (!this.world.switches.has(sw)) this.switch(sw);
      const l = addLink(ns, { name: ifname, kind: 'nic', switchName: sw });
      if (!l.ok) throw new Error('addLink');
      setLinkUp(l.value, true);
    }
    return ns;
  }

  ns(host: string, name = ''): Netns {
    return this.world.hosts.get(host)!.netns.get(name)!;
  }

  netns(host: string, name: string): Netns {
    return createNetns(this.world.hosts.get(host)!, name);
  }

  link(ns: Netns, name: string): Link {
    const l = ns.links.get(name);
    if (!l) throw new Error(`no link ${name}`);
    return l;
  }

  addr(ns: Netns, dev: string, cidr: string): this {
    const p = parsePrefixLoose(cidr)!;
    const r = addAddress(this.link(ns, dev), { addr: p.addr, prefixLen: p.len });
    if (!r.ok) throw new Error(`addr ${cidr}: ${r.err.errno}`);
    return this;
  }

  route(ns: Netns, dst: string, via?: string, dev?: string, metric?: number): this {
    const p = dst === 'default' ? { addr: parseAddr('0.0.0.0')!, len: 0 } : parsePrefixLoose(dst)!;
    const r = addRoute(ns, {
      dst: { addr: p.addr, len: p.len },
      ...(via ? { gateway: parseAddr(via)! } : {}),
      ...(dev ? { dev: this.link(ns, dev) } : {}),
      ...(metric !== undefined ? { metric } : {}),
    });
    if (!r.ok) throw new Error(`route ${dst}: ${r.err.errno} ${r.err.extack ?? ''}`);
    return this;
  }

  forward(ns: Netns, on = true): this {
    setIpForward(ns, on);
    return this;
  }

  veth(a: Netns, an: string, b: Netns, bn: string): this {
    const r = addVethPair(a, an, bn, undefined, b);
    if (!r.ok) throw new Error('veth');
    setLinkUp(r.value[0], true);
    setLinkUp(r.value[1], true);
    return this;
  }

  /** An iptables command in `ns` (words split on spaces, no quoting): `w.iptables(r, '-P FORWARD DROP')`. */
  iptables(ns: Netns, line: string): this {
    const parsed = parseIptables(['iptables', ...line.trim().split(/\s+/)]);
    if (!parsed.ok) throw new Error(`iptables ${line}: ${'message' in parsed ? parsed.message : parsed.notSimulated}`);
    const out = applyIptables(ns, parsed.command);
    if (out.error) throw new Error(`iptables ${line}: ${out.error.stderr}`);
    return this;
  }

  bridge(ns: Netns, name: string, ports: string[]): this {
    const br = addLink(ns, { name, kind: 'bridge' });
    if (!br.ok) throw new Error('bridge');
    setLinkUp(br.value, true);
    for (const p of ports) setMaster(this.link(ns, p), br.value);
    return this;
  }
}

/**
 * The course's gateway lab in miniature: a -- lan1 -- r -- lan2 -- b, a with a route to lan2 via r,
 * b with the route back (unless `returnRoute` is false), r forwarding when `forward` is true.
 */
export function gatewayWorld(forward: boolean, returnRoute = true): W {
  const w = new W();
  const a = w.host('a', { eth0: 'lan1' });
  const r = w.host('r', { eth0: 'lan1', eth1: 'lan2' });
  const b = w.host('b', { eth0: 'lan2' });
  w.addr(a, 'eth0', '192.168.1.10/24')
    .addr(r, 'eth0', '192.168.1.1/24')
    .addr(r, 'eth1', '192.168.2.1/24')
    .addr(b, 'eth0', '192.168.2.10/24');
  w.route(a, '192.168.2.0/24', '192.168.1.1');
  if (returnRoute) w.route(b, '192.168.1.0/24', '192.168.2.1');
  if (forward) w.forward(r);
  return w;
}

/** The world a lab text builds (its `run` lines run), for tests that need the lab's lines. */
export function labWorld(text: string): World {
  const loaded = loadLabFor(text, { file: 'lab.yaml', readFile: () => undefined });
  if (!loaded.lab) throw new Error('the lab does not load');
  return buildWorld(loaded.lab).world;
}
