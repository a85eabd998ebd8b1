/**
 * The topology model's ids (types.ts): stable, so the same lab gives the same ids and a panel keeps
 * what the student moved. Split out of topology.ts so that its Docker part (topologyDocker.ts)
 * names nodes the same way.
 */
import type { Link } from '../sim/model';
import { ROOT_NS } from '../sim/model';

export function hostId(host: string): string {
  return `h:${host}`;
}

export function switchId(name: string): string {
  return `s:${name}`;
}

/** A container without a namespace of its own (host network, or not running). */
export function containerId(host: string, name: string): string {
  return `c:${host}/${name}`;
}

/** The node of a namespace: the host itself for its root namespace (`netns` ''). */
export function nodeId(host: string, netns: string): string {
  return netns === ROOT_NS ? hostId(host) : `n:${host}/${netns}`;
}

export function bridgeId(host: string, netns: string, dev: string): string {
  return `b:${host}/${netns}/${dev}`;
}

export function portId(host: string, netns: string, dev: string): string {
  return `p:${host}/${netns}/${dev}`;
}

/** The cable of a port to its switch. */
export function cableId(host: string, netns: string, dev: string): string {
  return `l:c:${host}/${netns}/${dev}`;
}

/** The link of a port to the bridge it is enslaved to. */
export function bridgePortLinkId(host: string, netns: string, dev: string): string {
  return `l:b:${host}/${netns}/${dev}`;
}

/** A veth pair, named by the end whose port id sorts first (so both ends give the same id). */
export function vethId(
  a: readonly [host: string, netns: string, dev: string],
  b: readonly [host: string, netns: string, dev: string],
): string {
  const [first] = [a, b].sort((x, y) => (portId(...x) < portId(...y) ? -1 : portId(...x) > portId(...y) ? 1 : 0));
  return `l:v:${first![0]}/${first![1]}/${first![2]}`;
}

export function place(link: Link): [string, string, string] {
  return [link.netns.host.name, link.netns.name, link.name];
}

/** The port id of a simulated interface. */
export function portIdOfLink(link: Link): string {
  return portId(...place(link));
}
