/**
 * dockerd's work on a host: started on first use (docker0, ip_forward, its chains), bridge
 * networks made and removed, containers attached (namespace, veth, address, route, published
 * ports, listening sockets) and detached. Every change to the host is an ip, sysctl or iptables
 * line run through the simulated commands (wiring.ts), so `iptables -S` and `ip addr` show it.
 */
import { bindSocket, closeSockets } from '../sim/kernel';
import { ROOT_NS, type Netns, type Socket } from '../sim/model';
import { LISTENER } from '../apps/listener';
import { parseAddr } from '../net/addr';
import { hex64 } from './ids';
import { type Container, type Daemon, daemonOf, ip4, ip4s, macOf, type Network, newDaemon } from './model';
import { dockerProxy } from './proxy';
import {
  attachLines,
  bridgeLinkLines,
  bridgeRuleLines,
  daemonLines,
  daemonTailLines,
  detachLines,
  publishLines,
  undoLines,
} from './wiring';

export interface ExecOut {
  readonly status: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** What the daemon runs its lines with: the host's root namespace and a way to run a command there. */
export interface DockerEnv {
  readonly root: Netns;
  readonly exec: (argv: readonly string[]) => ExecOut;
  /** Runs a container's command in its namespace (`''`: the host's), as `docker run IMAGE CMD` and `docker exec` do. */
  readonly execIn?: (netns: string, argv: readonly string[]) => ExecOut & { readonly notSimulated?: string };
}

/** A line of the daemon's that failed: the host was not as dockerd expects (a docker0 made by hand...). */
export class WiringError extends Error {
  constructor(
    readonly line: string,
    readonly out: ExecOut,
  ) {
    super(`${line}: ${out.stderr.trim()}`);
  }
}

export function runAll(env: DockerEnv, lines: readonly string[][]): void {
  for (const l of lines) {
    const out = env.exec(l);
    if (out.status !== 0) throw new WiringError(l.join(' '), out);
  }
}

/** The daemon, started on first use as dockerd starts: docker0 at 172.17.0.1/16 and its rules. */
export function ensureDaemon(env: DockerEnv): Daemon {
  const have = daemonOf(env.root);
  if (have) return have;
  const d = newDaemon(env.root);
  const bridge = d.networks[0]!;
  runAll(env, [
    ...daemonLines(),
    ...bridgeLinkLines(bridge, bridgeMac(env, bridge)),
    ...bridgeRuleLines(bridge, false),
    ...daemonTailLines(),
  ]);
  return d;
}

function bridgeMac(env: DockerEnv, n: Network): string {
  const h = hex64(`${env.root.host.name}/mac/${n.id}`);
  return `02:42:${h.slice(0, 2)}:${h.slice(2, 4)}:${h.slice(4, 6)}:${h.slice(6, 8)}`;
}

/** The next free /16 of 172.18-31 for a user-defined bridge, as Docker's default pools give them. */
export function nextSubnet(d: Daemon): string | undefined {
  for (let b = 17; b <= 31; b++) {
    const s = `172.${b}.0.0/16`;
    if (!d.networks.some((n) => n.subnet && overlaps(n.subnet, s))) return s;
  }
  return undefined;
}

export function overlaps(a: string, b: string): boolean {
  const [pa, la] = a.split('/');
  const [pb, lb] = b.split('/');
  const size = 2 ** (32 - Math.min(Number(la), Number(lb)));
  return Math.floor(ip4(pa!) / size) === Math.floor(ip4(pb!) / size);
}

export function createBridgeNetwork(env: DockerEnv, d: Daemon, name: string, subnet: string, gateway: string): Network {
  const id = hex64(`${env.root.host.name}/network/${name}/${d.seq++}`);
  const n: Network = { id, name, driver: 'bridge', bridge: `br-${id.slice(0, 12)}`, subnet, gateway, builtin: false };
  runAll(env, [...bridgeLinkLines(n, bridgeMac(env, n)), ...bridgeRuleLines(n, true)]);
  d.networks.push(n);
  return n;
}

export function removeNetwork(env: DockerEnv, d: Daemon, n: Network): void {
  runAll(env, [...undoLines(bridgeRuleLines(n, true)), ['ip', 'link', 'del', n.bridge!]]);
  d.networks.splice(d.networks.indexOf(n), 1);
}

/** The lowest free address of a bridge network after its gateway, as Docker's IPAM hands them out. */
export function allocateIp(d: Daemon, n: Network): string | undefined {
  const [base, len] = n.subnet!.split('/');
  const first = ip4(base!) + 1;
  const lastHost = ip4(base!) + 2 ** (32 - Number(len)) - 2;
  const used = new Set(d.containers.filter((c) => c.network === n.name && c.ip).map((c) => c.ip));
  for (let a = first; a <= lastHost; a++) {
    const s = ip4s(a);
    if (s !== n.gateway && !used.has(s)) return s;
  }
  return undefined;
}

/**
 * A word of a container's command that names another container of its user-defined network: Docker
 * resolves it through its embedded DNS (127.0.0.11), which the simulator does not run. (On the
 * default bridge there is no such resolution, as in Docker: the name fails to resolve.)
 */
export function embeddedDnsName(d: Daemon, c: Container, argv: readonly string[]): number | undefined {
  const n = d.networks.find((x) => x.name === c.network);
  if (!n || n.builtin) return undefined;
  const names = new Set(d.containers.filter((o) => o.network === n.name && o.state === 'running').map((o) => o.name));
  const i = argv.findIndex((w) => names.has(w));
  return i < 0 ? undefined : i;
}

const hostNs = (c: Container) => (c.network === 'host' ? ROOT_NS : c.name);

/**
 * Starts a container's network as Docker does for its mode: bridge (namespace, veth, address,
 * route, ports), none (a namespace with lo), host (the host's namespace). Then its image's
 * sockets. Returns false when its program could not start (host mode, a port already taken).
 */
export function startNetwork(env: DockerEnv, d: Daemon, c: Container, listen: boolean): boolean {
  const n = d.networks.find((x) => x.name === c.network)!;
  const host = env.root.host;
  if (n.driver === 'bridge') {
    c.ip = allocateIp(d, n);
    c.mac = macOf(c.ip!);
    c.veth = `veth${hex64(`${c.id}/veth`).slice(0, 7)}`;
    const rules = c.ports.flatMap((p) => publishLines(c, n, p));
    runAll(env, [...attachLines(c, n), ...rules]);
    c.undo = detachLines(c, rules);
    for (const p of c.ports)
      c.sockets.push(
        bind(host, {
          proto: p.proto,
          port: p.hostPort,
          netns: ROOT_NS,
          // -p 127.0.0.1:9090:80: docker-proxy listens on that address only
          ...(p.hostIp !== '0.0.0.0' ? { addr: parseAddr(p.hostIp)! } : {}),
          owner: dockerProxy(c.ip!, p.port, p.proto),
        }),
      );
  } else if (n.driver === 'null') {
    runAll(env, [
      ['ip', 'netns', 'add', c.name],
      ['ip', '-n', c.name, 'link', 'set', 'lo', 'up'],
    ]);
    c.undo = [['ip', 'netns', 'del', c.name]];
  }
  if (!listen) return true;
  const ns = hostNs(c);
  if (c.image.ports.some((p) => host.sockets.some((s) => s.netns === ns && s.proto === p.proto && s.port === p.port))) return false;
  for (const p of c.image.ports) c.sockets.push(bind(host, { proto: p.proto, port: p.port, netns: ns, owner: LISTENER }));
  return true;
}

function bind(host: Netns['host'], s: Socket): Socket {
  const withOrigin: Socket = { ...s, origin: host.runOrigin };
  bindSocket(host, withOrigin);
  return withOrigin;
}

/** Stops a container's network: its sockets closed, its rules, veth and namespace removed. */
export function stopNetwork(env: DockerEnv, c: Container): void {
  closeSockets(env.root.host, c.sockets);
  c.sockets = [];
  const undo = c.undo;
  c.undo = [];
  c.ip = c.mac = c.veth = undefined;
  runAll(env, undo);
}

/** The publishes already bound on the host that a new `-p` would collide with, as Docker's port allocator sees them. */
export function portTaken(d: Daemon, p: Container['ports'][number]): boolean {
  return d.containers.some(
    (c) =>
      c.state === 'running' &&
      c.ports.some(
        (q) =>
          q.proto === p.proto && q.hostPort === p.hostPort && (q.hostIp === p.hostIp || q.hostIp === '0.0.0.0' || p.hostIp === '0.0.0.0'),
      ),
  );
}
