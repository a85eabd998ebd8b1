/**
 * `docker run`: the flags as Docker 24's CLI reads them, the daemon's checks in its order (image,
 * network, name, ports), then the container's network wired for its mode and its program started:
 * a service image listens on its ports; a shell without stdin ends at once; a command of the
 * student's runs in the container's namespace when it is a simulated one.
 */
import { type FlagSpec, has, last, parseFlags } from './cli';
import { findImage } from './images';
import { generatedName, hex64 } from './ids';
import type { Container, Daemon, Publish } from './model';
import { type DockerEnv, embeddedDnsName, ensureDaemon, portTaken, startNetwork, stopNetwork } from './daemon';
import { type DockerResult, fail, notSim } from './result';

const NS = true;
export const RUN_FLAGS: readonly FlagSpec[] = [
  { long: 'detach', short: 'd' },
  { long: 'interactive', short: 'i' },
  { long: 'tty', short: 't' },
  { long: 'rm' },
  { long: 'name', value: true },
  { long: 'network', value: true },
  { long: 'net', value: true },
  { long: 'publish', short: 'p', value: true },
  { long: 'hostname', short: 'h', value: true },
  // Accepted; nothing of the network depends on them.
  { long: 'env', short: 'e', value: true },
  { long: 'label', short: 'l', value: true },
  { long: 'restart', value: true },
  { long: 'workdir', short: 'w', value: true },
  { long: 'user', short: 'u', value: true },
  { long: 'memory', short: 'm', value: true },
  { long: 'cpus', value: true },
  { long: 'init' },
  // Real flags the simulator does not model.
  ...['publish-all:P', 'privileged', 'help'].map((f) => ({ long: f.split(':')[0]!, short: f.split(':')[1], notSimulated: NS })),
  ...[
    'volume:v',
    'ip',
    'ip6',
    'dns',
    'add-host',
    'link',
    'mac-address',
    'entrypoint',
    'cap-add',
    'network-alias',
    'expose',
    'mount',
    'env-file',
  ].map((f) => ({ long: f.split(':')[0]!, short: f.split(':')[1], value: true, notSimulated: NS })),
];

const SEE = "See 'docker run --help'.\n";

/** `[IP:][HOST:]CONT[/PROTO]`; HOST empty or absent is an ephemeral port (32768 up, as Docker's allocator picks). */
export function parsePublish(spec: string): Publish | string {
  const [main, proto = 'tcp'] = spec.split('/');
  if (proto !== 'tcp' && proto !== 'udp') return proto === 'sctp' ? 'sctp' : `Invalid proto: ${proto}`;
  const parts = main!.split(':');
  if (parts.length > 3) return `Invalid ip address: ${parts.slice(0, -2).join(':')}`;
  const [cont, hostPart, ip] = [parts.at(-1)!, parts.length >= 2 ? parts.at(-2)! : '', parts.length === 3 ? parts[0]! : '0.0.0.0'];
  if (ip && !/^\d+\.\d+\.\d+\.\d+$/.test(ip)) return `Invalid ip address: ${ip}`;
  if (/-/.test(cont) || /-/.test(hostPart)) return 'range';
  const port = /^\d+$/.test(cont) ? Number(cont) : NaN;
  if (!(port >= 1 && port <= 65535)) return `Invalid containerPort: ${cont}`;
  const hostPort = hostPart === '' ? 0 : /^\d+$/.test(hostPart) ? Number(hostPart) : NaN;
  if (!(hostPort >= 0 && hostPort <= 65535)) return `Invalid hostPort: ${hostPart}`;
  return { hostIp: ip || '0.0.0.0', hostPort, port, proto };
}

const RUNNING_COMMANDS = new Set(['sleep', 'tail', 'nginx', 'httpd', 'redis-server']);

export function dockerRun(env: DockerEnv, argv: readonly string[], at: number): DockerResult {
  const r = parseFlags(argv, RUN_FLAGS, false);
  if (!r.ok) return 'notSimulated' in r ? notSim(r.notSimulated, at + r.index) : fail(`${r.message}\n${SEE}`, 125);
  const f = r.parsed;
  if (f.args.length === 0) {
    return fail(
      `"docker run" requires at least 1 argument.\n${SEE}\nUsage:  docker run [OPTIONS] IMAGE [COMMAND] [ARG...]\n\nCreate and run a new container from an image\n`,
      1,
    );
  }
  const publishes: Publish[] = [];
  for (const s of f.flags.get('publish') ?? []) {
    const p = parsePublish(s);
    if (p === 'range' || p === 'sctp') return notSim(`docker run -p ${s}`, at);
    if (typeof p === 'string') return fail(`docker: ${p}.\n${SEE}`, 125);
    publishes.push(p);
  }
  const detach = has(f, 'detach');
  if (has(f, 'tty') && !detach) return fail('the input device is not a TTY\n', 1);
  const imageRef = f.args[0]!;
  const image = findImage(imageRef);
  if (!image)
    return notSim(`docker run ${imageRef} (images: nginx, httpd, redis, mysql, postgres, busybox, alpine, ubuntu)`, at + f.argIndex[0]!);
  const d = ensureDaemon(env);
  const netName = last(f, 'network') ?? last(f, 'net') ?? 'bridge';
  if (netName.startsWith('container:')) return notSim(`docker run --network ${netName}`, at);
  const network = d.networks.find((n) => n.name === netName || n.id === netName || n.id.startsWith(netName));
  if (!network) return fail(`docker: Error response from daemon: network ${netName} not found.\n${SEE}`, 125);
  const seq = d.seq++;
  const id = hex64(`${env.root.host.name}/container/${seq}`);
  const name = last(f, 'name') ?? uniqueName(d, id);
  if (!/^\/?[a-zA-Z0-9][a-zA-Z0-9_.-]+$/.test(name)) {
    return fail(
      `docker: Error response from daemon: Invalid container name (${name}), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed.\n${SEE}`,
      125,
    );
  }
  const taken = d.containers.find((c) => c.name === name);
  if (taken) {
    return fail(
      `docker: Error response from daemon: Conflict. The container name "/${name}" is already in use by container "${taken.id}". You have to remove (or rename) that container to be able to reuse that name.\n${SEE}`,
      125,
    );
  }
  let stderr = '';
  let ports = publishes;
  if (network.driver !== 'bridge' && ports.length) {
    if (network.driver === 'host') stderr += 'WARNING: Published ports are discarded when using host network mode\n';
    ports = [];
  }
  ports = ports.map((p) => (p.hostPort ? p : { ...p, hostPort: ephemeral(d, env, p) }));
  const cmd = f.args.slice(1);
  const c: Container = {
    id,
    name: name.replace(/^\//, ''),
    imageRef,
    image,
    command: cmd.length ? cmd : image.command,
    network: network.name,
    ports,
    hostname: network.driver === 'host' ? (env.root.host.hostname ?? env.root.host.name) : (last(f, 'hostname') ?? id.slice(0, 12)),
    endpointId: hex64(`${id}/endpoint`),
    autoRemove: has(f, 'rm'),
    state: 'created',
    exitCode: 0,
    sockets: [],
    undo: [],
    ...(env.root.host.runOrigin ? { origin: env.root.host.runOrigin } : {}),
  };
  d.containers.push(c);
  const refused = refusal(d, env, c);
  if (refused) {
    if (has(f, 'rm')) d.containers.splice(d.containers.indexOf(c), 1);
    return fail(
      `${stderr}docker: Error response from daemon: driver failed programming external connectivity on endpoint ${c.name} (${c.endpointId}): ${refused}.\n`,
      125,
    );
  }
  const service = cmd.length === 0 ? image.ports.length > 0 : RUNNING_COMMANDS.has(cmd[0]!);
  const stays = service || (cmd.length === 0 && detach && has(f, 'interactive')) || (cmd.length > 0 && detach);
  const started = startNetwork(env, d, c, cmd.length === 0 && image.ports.length > 0);
  let out: DockerResult = { stdout: detach ? `${id}\n` : '', stderr, status: 0 };
  if (!started) {
    // Host mode: the image's program found its port taken in the host's namespace and ended.
    c.state = 'exited';
    c.exitCode = 1;
    const taken = image.ports.find((p) =>
      env.root.host.sockets.some((s) => s.netns === '' && s.proto === p.proto && s.port === p.port && !c.sockets.includes(s)),
    );
    c.log = taken && image.bindError?.(taken.port);
    stopNetwork(env, c);
  } else if (stays) {
    c.state = 'running';
    if (cmd.length && !service)
      out = { ...out, notSimulated: { what: `docker run ... ${cmd[0]} (the container's program)`, index: at + f.argIndex[1]! } };
    else if (!detach) {
      // Attached, the line would wait on the program for ever; the simulator goes on as with -d.
      out = { ...out, notSimulated: { what: `docker run without -d (the line would stay attached to ${c.name})`, index: at - 1 } };
    }
  } else {
    const dns = embeddedDnsName(d, c, cmd);
    if (dns !== undefined) {
      out = {
        ...out,
        notSimulated: { what: `name resolution between containers (Docker's embedded DNS, 127.0.0.11)`, index: at + f.argIndex[1 + dns]! },
      };
    } else if (cmd.length && env.execIn) {
      const e = env.execIn(network.driver === 'host' ? '' : c.name, cmd);
      out = {
        stdout: e.stdout,
        stderr: stderr + e.stderr,
        status: e.status,
        ...(e.notSimulated ? { notSimulated: { what: e.notSimulated, index: at + f.argIndex[1]! } } : {}),
      };
      c.exitCode = e.status;
    }
    c.state = 'exited';
    stopNetwork(env, c);
  }
  if (c.state === 'exited' && has(f, 'rm')) d.containers.splice(d.containers.indexOf(c), 1);
  return out;
}

function uniqueName(d: Daemon, id: string): string {
  const base = generatedName(id);
  return d.containers.some((c) => c.name === base) ? `${base}${d.seq}` : base;
}

function ephemeral(d: Daemon, env: DockerEnv, p: Publish): number {
  for (let port = 32768; ; port++) {
    const q = { ...p, hostPort: port };
    if (!portTaken(d, q) && !env.root.host.sockets.some((s) => s.netns === '' && s.proto === p.proto && s.port === port)) return port;
  }
}

/** Why a container's ports cannot be published: Docker's port allocator, then docker-proxy's bind(). */
function refusal(d: Daemon, env: DockerEnv, c: Container): string | undefined {
  for (const p of c.ports) {
    if (portTaken(d, p)) return `Bind for ${p.hostIp}:${p.hostPort} failed: port is already allocated`;
    if (env.root.host.sockets.some((s) => s.netns === '' && s.proto === p.proto && s.port === p.hostPort)) {
      return `Error starting userland proxy: listen ${p.proto}4 ${p.hostIp}:${p.hostPort}: bind: address already in use`;
    }
  }
  return undefined;
}
