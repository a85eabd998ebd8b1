/**
 * What the topology knows of a host's Docker daemon (src/core/docker/model.ts), read from the
 * daemon itself, never guessed from names: its containers (image, state, network and its mode,
 * namespace, addresses, published and listening ports, the veth that joins it to its network's
 * bridge) and its bridge networks (docker0 as `bridge`, a user-defined one as named, their subnet
 * and gateway). topology.ts puts these on the nodes it builds: a container that has a namespace of
 * its own is that namespace's node, kind `container`; one without (host network: it shares the
 * host's namespace; or not running) is a node of its own inside the host, `c:HOST/NAME`.
 */
import { type Container, type Daemon, daemonOf } from '../docker/index';
import { type Host, ROOT_NS } from '../sim/model';
import { bridgeId, containerId, nodeId, portId } from './ids';
import type { ContainerView, DockerNetworkView, TopoNode } from './types';

export interface HostDocker {
  /** Containers by the name of the namespace of their own they run in. */
  readonly byNetns: ReadonlyMap<string, ContainerView>;
  /** Docker networks by the name of their bridge in the host's namespace. */
  readonly byBridge: ReadonlyMap<string, DockerNetworkView>;
  /** The nodes of the containers without a namespace of their own, in the daemon's order. */
  readonly others: readonly TopoNode[];
}

/** `0.0.0.0:8080->80/tcp`: a published port as `docker ps` prints its IPv4 binding. */
export function publishedPort(p: Container['ports'][number]): string {
  return `${p.hostIp}:${p.hostPort}->${p.port}/${p.proto}`;
}

const MODE = { bridge: 'bridge', host: 'host', null: 'none' } as const;

function containerView(host: Host, d: Daemon, c: Container, ownNs: boolean): ContainerView {
  const net = d.networks.find((n) => n.name === c.network);
  const mode = MODE[net?.driver ?? 'bridge'];
  const running = c.state === 'running';
  const netns = !running ? undefined : mode === 'host' ? ROOT_NS : ownNs ? c.name : undefined;
  const len = net?.subnet?.split('/')[1];
  return {
    id: c.id.slice(0, 12),
    image: c.imageRef,
    state: c.state,
    ...(c.state === 'exited' ? { exitCode: c.exitCode } : {}),
    network: c.network,
    mode,
    ...(netns !== undefined ? { netns } : {}),
    addresses: c.ip && len ? [`${c.ip}/${len}`] : [],
    ports: running ? c.ports.map(publishedPort) : [],
    // Its own sockets: in its namespace (docker-proxy's, for a bridge container, are in the host's).
    listens: netns === undefined ? [] : c.sockets.filter((s) => s.netns === netns).map((s) => `${s.port}/${s.proto}`),
    ...(c.ip && net?.bridge ? { bridge: bridgeId(host.name, ROOT_NS, net.bridge) } : {}),
    ...(c.veth ? { veth: portId(host.name, ROOT_NS, c.veth) } : {}),
  };
}

/** The daemon of a host as the topology shows it; undefined when the host never ran `docker`. */
export function hostDocker(host: Host): HostDocker | undefined {
  const root = host.netns.get(ROOT_NS);
  const d = root && daemonOf(root);
  if (!d) return undefined;
  const byNetns = new Map<string, ContainerView>();
  const others: TopoNode[] = [];
  const idOf = new Map<Container, string>();
  for (const c of d.containers) {
    const ownNs = c.state === 'running' && c.network !== 'host' && host.netns.has(c.name) && c.name !== ROOT_NS;
    const view = containerView(host, d, c, ownNs);
    if (ownNs) {
      byNetns.set(c.name, view);
      idOf.set(c, nodeId(host.name, c.name));
    } else {
      const source = c.origin ?? host.origin;
      others.push({
        id: containerId(host.name, c.name),
        kind: 'container',
        name: c.name,
        parent: nodeId(host.name, ROOT_NS),
        ...(source ? { source } : {}),
        container: view,
      });
      idOf.set(c, containerId(host.name, c.name));
    }
  }
  const byBridge = new Map<string, DockerNetworkView>();
  for (const n of d.networks) {
    if (n.driver !== 'bridge' || !n.bridge || !n.subnet || !n.gateway) continue;
    byBridge.set(n.bridge, {
      name: n.name,
      id: n.id.slice(0, 12),
      subnet: n.subnet,
      gateway: n.gateway,
      containers: d.containers.filter((c) => c.network === n.name && c.ip).map((c) => idOf.get(c)!),
    });
  }
  return { byNetns, byBridge, others };
}
