/**
 * The topology panel's model: the simulated world of a lab as plain data (types.ts). Hosts hold
 * their namespaces, every interface is a port of the host or namespace it lives in, a bridge is a
 * node inside its namespace, and the links are what joins ports: a cable to a switch, the two ends
 * of a veth pair, a port enslaved to a bridge.
 *
 * A host that ran `docker` lines has its daemon's containers and networks (topologyDocker.ts): a
 * container's namespace is a `container` node, docker0 and a user-defined bridge carry their Docker
 * network, and a container without a namespace of its own is a node inside its host.
 *
 * Ids (stable: the same lab gives the same ids, so a panel keeps what the student moved; ids.ts):
 *   host `h:HOST`; namespace `n:HOST/NS`; switch `s:SWITCH`; bridge `b:HOST/NS/DEV`;
 *   container without a namespace of its own `c:HOST/NAME`;
 *   port `p:HOST/NS/DEV` (NS is '' for the host's own namespace, whose node is the host);
 *   links, named by the port that owns them: cable `l:c:HOST/NS/DEV`, bridge port `l:b:HOST/NS/DEV`,
 *   veth pair `l:v:HOST/NS/DEV` for the end whose port id sorts first.
 *
 * Routes are the lines `ip route show table T` prints in the simulator (src/core/sim/routefmt.ts,
 * the same function the `ip` command uses), without print_route's trailing space and new line.
 */
import { formatAddr } from '../net/addr';
import type { Lab } from '../lab/types';
import { operState } from '../sim/kernel';
import { ipv6Forwarding } from '../sim/ipv6conf';
import { type Link, type Netns, ROOT_NS, TABLE_LOCAL, TABLE_MAIN, type World } from '../sim/model';
import { routeLine, tableName } from '../sim/routefmt';
import { bridgeId, bridgePortLinkId, cableId, hostId, nodeId, place, portIdOfLink, switchId, vethId } from './ids';
import { type HostDocker, hostDocker } from './topologyDocker';
import type { RouteTableView, TopoLink, TopologyModel, TopoNode, TopoPort } from './types';

export { bridgeId, bridgePortLinkId, cableId, containerId, hostId, nodeId, portId, portIdOfLink, switchId, vethId } from './ids';

// ---------------------------------------------------------------------------------------------
// The builder

/** The routing tables of a namespace: main and local always, then any other table that has routes. */
function tables(ns: Netns): RouteTableView[] {
  const ids = [
    TABLE_MAIN,
    TABLE_LOCAL,
    ...[...ns.tables.keys()].filter((t) => t !== TABLE_MAIN && t !== TABLE_LOCAL).sort((a, b) => a - b),
  ];
  const out: RouteTableView[] = [];
  for (const id of ids) {
    const routes = (ns.tables.get(id) ?? []).filter((r) => r.dst.addr.family === 4).map((r) => routeLine(r));
    if (routes.length || id === TABLE_MAIN || id === TABLE_LOCAL) out.push({ table: tableName(id), routes });
  }
  return out;
}

/** Links in `ip link` order (by ifindex). */
function linksOf(ns: Netns): Link[] {
  return [...ns.links.values()].sort((a, b) => a.ifindex - b.ifindex);
}

/** The topology of a lab's simulated world (after its `run` lines). Deterministic: same world, same model. */
export function topologyModel(lab: Lab, world: World): TopologyModel {
  const nodes: TopoNode[] = [];
  const ports: TopoPort[] = [];
  const links: TopoLink[] = [];

  // Switches: as the lab declares them, then any a NIC names that the lab does not declare.
  const switches = new Map<string, TopoNode>();
  const addSwitch = (name: string) => {
    if (switches.has(name)) return;
    const source = world.switches.get(name) ?? lab.switches.find((s) => s.name === name)?.range;
    switches.set(name, { id: switchId(name), kind: 'switch', name, ...(source ? { source } : {}) });
  };
  for (const s of lab.switches) addSwitch(s.name);
  for (const name of world.switches.keys()) addSwitch(name);
  for (const host of world.hosts.values())
    for (const ns of host.netns.values()) for (const l of ns.links.values()) if (l.switchName) addSwitch(l.switchName);
  nodes.push(...switches.values());

  for (const host of world.hosts.values()) {
    const docker: HostDocker | undefined = hostDocker(host);
    for (const ns of host.netns.values()) {
      const id = nodeId(host.name, ns.name);
      const source = ns.name === ROOT_NS ? host.origin : ns.origin;
      const container = ns.name === ROOT_NS ? undefined : docker?.byNetns.get(ns.name);
      nodes.push({
        id,
        kind: ns.name === ROOT_NS ? 'host' : container ? 'container' : 'netns',
        name: ns.name === ROOT_NS ? host.name : ns.name,
        ...(ns.name === ROOT_NS ? {} : { parent: hostId(host.name) }),
        ...(source ? { source } : {}),
        tables: tables(ns),
        forwarding: ns.sysctl.ipForward,
        ...(ipv6Forwarding(ns) ? { forwarding6: true } : {}),
        ...(container ? { container } : {}),
      });
      for (const l of linksOf(ns)) {
        if (l.kind !== 'bridge') continue;
        const network = ns.name === ROOT_NS ? docker?.byBridge.get(l.name) : undefined;
        nodes.push({
          id: bridgeId(...place(l)),
          kind: 'bridge',
          name: l.name,
          parent: id,
          ...(l.origin ? { source: l.origin } : {}),
          ...(network ? { network } : {}),
        });
      }
      for (const l of linksOf(ns)) {
        const pid = portIdOfLink(l);
        const source = l.origin ?? ns.origin ?? host.origin;
        ports.push({
          id: pid,
          node: id,
          name: l.name,
          kind: l.kind,
          addresses: l.addrs.map((a) => `${formatAddr(a.addr)}/${a.prefixLen}`),
          mac: l.mac,
          up: l.up,
          state: operState(l),
          ...(l.master ? { master: bridgeId(...place(l.master)) } : {}),
          ...(source ? { source } : {}),
        });
        if (l.switchName) links.push({ id: cableId(...place(l)), kind: 'cable', a: pid, b: switchId(l.switchName) });
        if (l.master) links.push({ id: bridgePortLinkId(...place(l)), kind: 'bridge-port', a: pid, b: bridgeId(...place(l.master)) });
        if (l.peer) {
          const other = portIdOfLink(l.peer);
          // Each pair once, from the end whose port id sorts first.
          if (pid < other) links.push({ id: vethId(place(l), place(l.peer)), kind: 'veth', a: pid, b: other });
        }
      }
    }
    // Containers without a namespace of their own: in the host's (host network), or not running.
    if (docker) nodes.push(...docker.others);
  }
  return { lab: lab.name, ...(lab.title ? { title: lab.title } : {}), nodes, ports, links };
}

// ---------------------------------------------------------------------------------------------
// Looking things up in a model

export interface TopologyIndex {
  readonly nodes: ReadonlyMap<string, TopoNode>;
  readonly ports: ReadonlyMap<string, TopoPort>;
  readonly links: ReadonlyMap<string, TopoLink>;
  /** The links at a port or node (a switch, a bridge), in model order. */
  readonly linksAt: ReadonlyMap<string, readonly TopoLink[]>;
  /** The ports of a host, namespace or bridge node (a bridge: its enslaved ports), in model order. */
  readonly portsOf: ReadonlyMap<string, readonly TopoPort[]>;
  /** The nodes inside a node (a host's namespaces and bridges, a namespace's bridges). */
  readonly children: ReadonlyMap<string, readonly TopoNode[]>;
}

export function indexTopology(model: TopologyModel): TopologyIndex {
  const push = <T>(m: Map<string, T[]>, k: string, v: T) => {
    const list = m.get(k);
    if (list) list.push(v);
    else m.set(k, [v]);
  };
  const linksAt = new Map<string, TopoLink[]>();
  const portsOf = new Map<string, TopoPort[]>();
  const children = new Map<string, TopoNode[]>();
  for (const l of model.links) {
    push(linksAt, l.a, l);
    push(linksAt, l.b, l);
  }
  for (const p of model.ports) {
    push(portsOf, p.node, p);
    if (p.master) push(portsOf, p.master, p);
  }
  for (const n of model.nodes) if (n.parent) push(children, n.parent, n);
  return {
    nodes: new Map(model.nodes.map((n) => [n.id, n])),
    ports: new Map(model.ports.map((p) => [p.id, p])),
    links: new Map(model.links.map((l) => [l.id, l])),
    linksAt,
    portsOf,
    children,
  };
}
