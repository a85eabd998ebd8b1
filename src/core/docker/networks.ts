/** `docker network create|ls|inspect|rm`: user-defined bridges (br-<12 hex>, 172.18.0.0/16 up). */
import { has, last, parseFlags } from './cli';
import { createBridgeNetwork, type DockerEnv, ensureDaemon, nextSubnet, overlaps, removeNetwork } from './daemon';
import { dockerInspect } from './containers';
import { findNetwork, ip4, ip4s } from './model';
import { networkLs } from './format';
import { type DockerResult, fail, notSim, ok } from './result';

const see = (cmd: string) => `See 'docker network ${cmd} --help'.\n`;

function networkCreate(env: DockerEnv, argv: readonly string[], at: number): DockerResult {
  const r = parseFlags(
    argv,
    [
      { long: 'driver', short: 'd', value: true },
      { long: 'subnet', value: true },
      { long: 'gateway', value: true },
      { long: 'label', value: true },
      ...['internal', 'ipv6', 'attachable'].map((l) => ({ long: l, notSimulated: true })),
      ...['opt:o', 'ip-range', 'aux-address', 'ipam-driver', 'scope'].map((l) => ({
        long: l.split(':')[0]!,
        short: l.split(':')[1],
        value: true,
        notSimulated: true,
      })),
    ],
    true,
  );
  if (!r.ok) return 'notSimulated' in r ? notSim(r.notSimulated, at + r.index) : fail(`${r.message}\n${see('create')}`, 125);
  const f = r.parsed;
  if (f.args.length !== 1) {
    return fail(
      `"docker network create" requires exactly 1 argument.\n${see('create')}\nUsage:  docker network create [OPTIONS] NETWORK\n\nCreate a network\n`,
      1,
    );
  }
  const name = f.args[0]!;
  const driver = last(f, 'driver') ?? 'bridge';
  const d = ensureDaemon(env);
  if (driver === 'host' || driver === 'null')
    return fail(`Error response from daemon: only one instance of "${driver}" network is allowed\n`, 1);
  if (driver !== 'bridge') return notSim(`docker network create --driver ${driver}`, at);
  if (d.networks.some((n) => n.name === name)) return fail(`Error response from daemon: network with name ${name} already exists\n`, 1);
  const given = last(f, 'subnet');
  let subnet = given ?? nextSubnet(d);
  if (!subnet)
    return fail(
      'Error response from daemon: could not find an available, non-overlapping IPv4 address pool among the defaults to assign to the network\n',
      1,
    );
  const m = /^(\d+\.\d+\.\d+\.\d+)\/(\d+)$/.exec(subnet);
  if (!m || Number(m[2]) > 30) return fail(`invalid CIDR address: ${subnet}\n`, 1);
  const size = 2 ** (32 - Number(m[2]));
  subnet = `${ip4s(Math.floor(ip4(m[1]!) / size) * size)}/${m[2]}`;
  if (given && d.networks.some((n) => n.subnet && overlaps(n.subnet, subnet!)))
    return fail('Error response from daemon: Pool overlaps with other one on this address space\n', 1);
  const gateway = last(f, 'gateway') ?? ip4s(ip4(subnet.split('/')[0]!) + 1);
  if (!overlaps(`${gateway}/32`, subnet)) return fail(`Error response from daemon: no matching subnet for gateway ${gateway}\n`, 1);
  return ok(`${createBridgeNetwork(env, d, name, subnet, gateway).id}\n`);
}

function networkRm(env: DockerEnv, args: readonly string[]): DockerResult {
  if (!args.length)
    return fail(
      `"docker network rm" requires at least 1 argument.\n${see('rm')}\nUsage:  docker network rm NETWORK [NETWORK...]\n\nRemove one or more networks\n`,
      1,
    );
  const d = ensureDaemon(env);
  let stdout = '';
  let stderr = '';
  for (const ref of args) {
    const n = findNetwork(d, ref);
    if (!n) stderr += `Error response from daemon: network ${ref} not found\n`;
    else if (n.builtin) stderr += `Error response from daemon: ${n.name} is a pre-defined network and cannot be removed\n`;
    else if (d.containers.some((c) => c.network === n.name && c.state === 'running')) {
      stderr += `Error response from daemon: error while removing network: network ${n.name} id ${n.id} has active endpoints\n`;
    } else {
      removeNetwork(env, d, n);
      stdout += `${ref}\n`;
    }
  }
  return { stdout, stderr, status: stderr ? 1 : 0 };
}

export function dockerNetwork(env: DockerEnv, argv: readonly string[], at: number): DockerResult {
  const sub = argv[0];
  const rest = argv.slice(1);
  switch (sub) {
    case 'create':
      return networkCreate(env, rest, at + 1);
    case 'ls':
    case 'list': {
      const r = parseFlags(
        rest,
        [
          { long: 'quiet', short: 'q' },
          { long: 'no-trunc' },
          { long: 'filter', short: 'f', value: true, notSimulated: true },
          { long: 'format', value: true, notSimulated: true },
        ],
        true,
      );
      if (!r.ok) return 'notSimulated' in r ? notSim(r.notSimulated, at + 1 + r.index) : fail(`${r.message}\n${see('ls')}`, 125);
      return ok(networkLs(ensureDaemon(env), has(r.parsed, 'quiet')));
    }
    case 'inspect':
      return dockerInspect(env, rest, at + 1, 'network');
    case 'rm':
    case 'remove':
      return networkRm(env, rest);
    case undefined:
      return notSim('docker network', at - 1);
    case 'connect':
    case 'disconnect':
    case 'prune':
      return notSim(`docker network ${sub}`, at);
    default:
      return fail(`docker: 'network ${sub}' is not a docker command.\nSee 'docker --help'\n`, 1);
  }
}
