/**
 * What the Docker daemon of a host knows: its networks (the three built-in ones and the user's
 * bridges) and its containers, kept in the host's root namespace (sim/pernet.ts) from the first
 * `docker` command, as dockerd is started on first use.
 */
import { PernetKey, pernet, setPernet } from '../sim/pernet';
import type { Netns, Socket, SourceRef } from '../sim/model';
import type { Image } from './images';
import { hex64 } from './ids';

export interface Publish {
  /** `0.0.0.0` unless `-p IP:HOST:CONT`. */
  readonly hostIp: string;
  readonly hostPort: number;
  readonly port: number;
  readonly proto: 'tcp' | 'udp';
}

export interface Network {
  readonly id: string;
  readonly name: string;
  readonly driver: 'bridge' | 'host' | 'null';
  /** The Linux bridge: docker0, or br-<12 hex> for a user-defined network. */
  readonly bridge?: string;
  /** 172.17.0.0/16 ... */
  readonly subnet?: string;
  readonly gateway?: string;
  readonly builtin: boolean;
}

export type ContainerState = 'created' | 'running' | 'exited';

export interface Container {
  readonly id: string;
  readonly name: string;
  readonly imageRef: string;
  readonly image: Image;
  /** The command it runs: the image's unless given after the image. */
  readonly command: readonly string[];
  readonly network: string;
  readonly ports: readonly Publish[];
  readonly hostname: string;
  readonly endpointId: string;
  /** `--rm`: removed when its program ends or it is stopped. */
  readonly autoRemove: boolean;
  state: ContainerState;
  exitCode: number;
  /** What its program logged, when the simulator knows it (a bind that failed): `docker logs`. */
  log?: string;
  /** While attached to a bridge: its address, MAC and the host end of its veth. */
  ip?: string;
  mac?: string;
  veth?: string;
  /** The sockets it holds (its image's ports; docker-proxy's on the host), closed when it stops. */
  sockets: Socket[];
  /** Its lines' iptables rules and links, to undo when it stops (argv lists). */
  undo: string[][];
  /** The lab line that made it (`docker run ...`), for the panels to point at. */
  readonly origin?: SourceRef;
}

export interface Daemon {
  readonly networks: Network[];
  readonly containers: Container[];
  /** How many containers and networks were ever made: the seed of the next id. */
  seq: number;
}

export const DOCKER = new PernetKey<Daemon>('docker');

export function daemonOf(root: Netns): Daemon | undefined {
  return pernet(root, DOCKER);
}

export function newDaemon(root: Netns): Daemon {
  const id = (n: string) => hex64(`${root.host.name}/network/${n}`);
  const d: Daemon = {
    networks: [
      {
        id: id('bridge'),
        name: 'bridge',
        driver: 'bridge',
        bridge: 'docker0',
        subnet: '172.17.0.0/16',
        gateway: '172.17.0.1',
        builtin: true,
      },
      { id: id('host'), name: 'host', driver: 'host', builtin: true },
      { id: id('none'), name: 'none', driver: 'null', builtin: true },
    ],
    containers: [],
    seq: 0,
  };
  setPernet(root, DOCKER, d);
  return d;
}

/** A container by full name, by id, or by a unique prefix of its id (as Docker looks them up). */
export function findContainer(d: Daemon, ref: string): Container | undefined {
  const byName = d.containers.find((c) => c.name === ref.replace(/^\//, '') || c.id === ref);
  if (byName) return byName;
  const byPrefix = d.containers.filter((c) => ref.length > 0 && c.id.startsWith(ref));
  return byPrefix.length === 1 ? byPrefix[0] : undefined;
}

export function findNetwork(d: Daemon, ref: string): Network | undefined {
  return d.networks.find((n) => n.name === ref || n.id === ref) ?? d.networks.find((n) => ref.length > 0 && n.id.startsWith(ref));
}

/** `a.b.c.d` as a number, and back. */
export const ip4 = (s: string): number => s.split('.').reduce((a, b) => a * 256 + Number(b), 0);
export const ip4s = (n: number): string => [24, 16, 8, 0].map((s) => Math.floor(n / 2 ** s) % 256).join('.');

/** The MAC Docker gives a container on a bridge: 02:42 and its IPv4 address. */
export function macOf(ip: string): string {
  return ['02', '42', ...ip.split('.').map((b) => Number(b).toString(16).padStart(2, '0'))].join(':');
}
