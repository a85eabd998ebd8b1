/**
 * The Docker room: dockerd's model of a host (its networks and containers) and the `docker` CLI
 * that drives it, wired through the ip, sysctl and iptables lines Docker's changes amount to.
 * `commands/docker.ts` is the thin command; see docs/architecture.md ("The docker room").
 */
import { dockerExec, dockerInspect, dockerLogs, dockerPort, dockerPs, dockerRm, dockerStart, dockerStop } from './containers';
import { type DockerEnv, WiringError } from './daemon';
import { dockerNetwork } from './networks';
import { type DockerResult, fail, notSim } from './result';
import { dockerRun } from './run';

export type { DockerEnv, ExecOut } from './daemon';
export type { DockerResult } from './result';
export { daemonOf, DOCKER } from './model';
export type { Container, Daemon, Network } from './model';
export { IMAGES } from './images';

const CONTAINER_SUBS: Record<string, string> = {
  ls: 'ps',
  ps: 'ps',
  list: 'ps',
  run: 'run',
  rm: 'rm',
  remove: 'rm',
  stop: 'stop',
  start: 'start',
  port: 'port',
  exec: 'exec',
  inspect: 'container-inspect',
};
const REAL = new Set([
  'images',
  'image',
  'pull',
  'push',
  'build',
  'logs',
  'compose',
  'volume',
  'version',
  'info',
  'login',
  'logout',
  'tag',
  'kill',
  'restart',
  'top',
  'stats',
  'cp',
  'commit',
  'save',
  'load',
  'system',
  'swarm',
  'service',
  'create',
  'attach',
  'pause',
  'unpause',
  'rename',
  'update',
  'wait',
  'diff',
  'events',
  'export',
  'import',
  'history',
  'rmi',
  'search',
  'context',
  'builder',
  'buildx',
  'plugin',
  'secret',
  'config',
  'node',
  'stack',
  'trust',
  'manifest',
]);

/** `docker ARGS...` (argv[0] is `docker`) on the host of `env`. Never throws. */
export function runDocker(env: DockerEnv, argv: readonly string[]): DockerResult {
  try {
    return dispatch(env, argv);
  } catch (e) {
    if (e instanceof WiringError) return fail(`docker: Error response from daemon: knetlab could not wire it: ${e.message}\n`, 125);
    throw e;
  }
}

function dispatch(env: DockerEnv, argv: readonly string[]): DockerResult {
  let sub = argv[1];
  let at = 2;
  if (sub === undefined) return notSim('docker', 0);
  if (sub.startsWith('-')) return notSim(`docker ${sub}`, 1);
  if (sub === 'container') {
    const s = argv[2];
    if (s === undefined || !CONTAINER_SUBS[s]) return s === undefined ? notSim('docker container', 1) : notSim(`docker container ${s}`, 2);
    sub = CONTAINER_SUBS[s];
    at = 3;
  }
  const rest = argv.slice(at);
  switch (sub) {
    case 'run':
      return dockerRun(env, rest, at);
    case 'ps':
      return dockerPs(env, rest, at);
    case 'rm':
      return dockerRm(env, rest, at);
    case 'stop':
      return dockerStop(env, rest, at);
    case 'start':
      return dockerStart(env, rest, at);
    case 'port':
      return dockerPort(env, rest, at);
    case 'exec':
      return dockerExec(env, rest, at);
    case 'inspect':
      return dockerInspect(env, rest, at, 'any');
    case 'container-inspect':
      return dockerInspect(env, rest, at, 'container');
    case 'network':
      return dockerNetwork(env, rest, at);
    case 'logs':
      return dockerLogs(env, rest, at);
  }
  if (REAL.has(sub)) return notSim(`docker ${sub}`, 1);
  return fail(`docker: '${sub}' is not a docker command.\nSee 'docker --help'\n`, 1);
}
