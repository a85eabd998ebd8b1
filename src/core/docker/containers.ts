/** `docker ps`, `rm`, `stop`, `start`, `port`, `exec` and `inspect`: the containers once they exist. */
import { type FlagSpec, has, last, parseFlags } from './cli';
import { type DockerEnv, embeddedDnsName, ensureDaemon, startNetwork, stopNetwork } from './daemon';
import { containerJson, jsonList, networkJson, template } from './inspect';
import { type Container, type Daemon, findContainer, findNetwork } from './model';
import { port, ps } from './format';
import { type DockerResult, fail, notSim, ok } from './result';

const see = (cmd: string) => `See 'docker ${cmd} --help'.\n`;
const needs = (cmd: string, usage: string, what: string) =>
  fail(`"docker ${cmd}" requires at least 1 argument.\n${see(cmd)}\nUsage:  docker ${cmd} ${usage}\n\n${what}\n`, 1);

/** Reads a subcommand's flags; an error is the CLI's message and 125. */
function flags(argv: readonly string[], specs: readonly FlagSpec[], cmd: string, at: number) {
  const r = parseFlags(argv, specs, true);
  if (r.ok) return r.parsed;
  return 'notSimulated' in r ? notSim(r.notSimulated, at + r.index) : fail(`${r.message}\n${see(cmd)}`, 125);
}
const isResult = (x: unknown): x is DockerResult => typeof x === 'object' && x !== null && 'status' in x;

export function dockerPs(env: DockerEnv, argv: readonly string[], at: number): DockerResult {
  const f = flags(
    argv,
    [
      { long: 'all', short: 'a' },
      { long: 'quiet', short: 'q' },
      { long: 'no-trunc' },
      { long: 'size', short: 's' },
      { long: 'filter', short: 'f', value: true, notSimulated: true },
      { long: 'format', value: true, notSimulated: true },
      { long: 'latest', short: 'l', notSimulated: true },
    ],
    'ps',
    at,
  );
  if (isResult(f)) return f;
  if (f.args.length) return fail(`"docker ps" accepts no arguments.\n${see('ps')}\nUsage:  docker ps [OPTIONS]\n\nList containers\n`, 1);
  return ok(ps(ensureDaemon(env), has(f, 'all'), has(f, 'quiet'), has(f, 'no-trunc')));
}

/** The program's status when stopped: a service ends on SIGTERM (0); `sleep` as PID 1 ignores it and is killed (137). */
const stopCode = (c: Container) => (c.command === c.image.command && c.image.ports.length ? 0 : 137);

/**
 * Acts on each container named; a missing one is an error (status 1), except for `rm -f`
 * (`missingIsFine`), which says so and succeeds, as the CLI has since 20.10.
 */
function each(
  env: DockerEnv,
  refs: readonly string[],
  act: (d: Daemon, c: Container, ref: string) => string | undefined,
  missingIsFine = false,
): DockerResult {
  const d = ensureDaemon(env);
  let stdout = '';
  let stderr = '';
  let failed = false;
  for (const ref of refs) {
    const c = findContainer(d, ref);
    const err = c ? act(d, c, ref) : `Error response from daemon: No such container: ${ref}`;
    if (err) stderr += `${err}\n`;
    else stdout += `${ref}\n`;
    if (err && !(missingIsFine && !c)) failed = true;
  }
  return { stdout, stderr, status: failed ? 1 : 0 };
}

export function dockerRm(env: DockerEnv, argv: readonly string[], at: number): DockerResult {
  const f = flags(
    argv,
    [
      { long: 'force', short: 'f' },
      { long: 'volumes', short: 'v' },
      { long: 'link', short: 'l', notSimulated: true },
    ],
    'rm',
    at,
  );
  if (isResult(f)) return f;
  if (!f.args.length) return needs('rm', '[OPTIONS] CONTAINER [CONTAINER...]', 'Remove one or more containers');
  return each(
    env,
    f.args,
    (d, c) => {
      if (c.state === 'running') {
        if (!has(f, 'force'))
          return `Error response from daemon: You cannot remove a running container ${c.id}. Stop the container before attempting removal or force remove`;
        stopNetwork(env, c);
      }
      d.containers.splice(d.containers.indexOf(c), 1);
      return undefined;
    },
    has(f, 'force'),
  );
}

export function dockerStop(env: DockerEnv, argv: readonly string[], at: number): DockerResult {
  const f = flags(
    argv,
    [
      { long: 'time', short: 't', value: true },
      { long: 'signal', short: 's', value: true },
    ],
    'stop',
    at,
  );
  if (isResult(f)) return f;
  if (!f.args.length) return needs('stop', '[OPTIONS] CONTAINER [CONTAINER...]', 'Stop one or more running containers');
  return each(env, f.args, (d, c) => {
    if (c.state !== 'running') return undefined;
    stopNetwork(env, c);
    c.state = 'exited';
    c.exitCode = stopCode(c);
    if (c.autoRemove) d.containers.splice(d.containers.indexOf(c), 1);
    return undefined;
  });
}

export function dockerStart(env: DockerEnv, argv: readonly string[], at: number): DockerResult {
  const f = flags(
    argv,
    [
      { long: 'attach', short: 'a', notSimulated: true },
      { long: 'interactive', short: 'i', notSimulated: true },
    ],
    'start',
    at,
  );
  if (isResult(f)) return f;
  if (!f.args.length) return needs('start', '[OPTIONS] CONTAINER [CONTAINER...]', 'Start one or more stopped containers');
  const r = each(env, f.args, (d, c) => {
    if (c.state === 'running') return undefined;
    const busy = c.ports.find((p) =>
      d.containers.some((o) => o !== c && o.state === 'running' && o.ports.some((q) => q.hostPort === p.hostPort && q.proto === p.proto)),
    );
    if (busy)
      return `Error response from daemon: driver failed programming external connectivity on endpoint ${c.name} (${c.endpointId}): Bind for ${busy.hostIp}:${busy.hostPort} failed: port is already allocated`;
    const listens = c.command === c.image.command && c.image.ports.length > 0;
    if (!startNetwork(env, d, c, listens)) {
      stopNetwork(env, c);
      c.exitCode = 1;
      return undefined;
    }
    c.state = 'running';
    return undefined;
  });
  return r.status ? { ...r, stderr: `${r.stderr}Error: failed to start containers: ${f.args.join(', ')}\n` } : r;
}

export function dockerPort(env: DockerEnv, argv: readonly string[], at: number): DockerResult {
  const f = flags(argv, [], 'port', at);
  if (isResult(f)) return f;
  if (!f.args.length || f.args.length > 2) {
    return fail(
      `"docker port" requires at least 1 and at most 2 arguments.\n${see('port')}\nUsage:  docker port CONTAINER [PRIVATE_PORT[/PROTO]]\n\nList port mappings or a specific mapping for the container\n`,
      1,
    );
  }
  const d = ensureDaemon(env);
  const c = findContainer(d, f.args[0]!);
  if (!c) return fail(`Error response from daemon: No such container: ${f.args[0]}\n`, 1);
  if (f.args[1] === undefined) return ok(port(c));
  const [num, proto = 'tcp'] = f.args[1].split('/');
  const out = port(c, { port: Number(num), proto: proto! });
  return out ? ok(out) : fail(`Error: No public port '${num}/${proto}' published for ${c.name}\n`, 1);
}

export function dockerExec(env: DockerEnv, argv: readonly string[], at: number): DockerResult {
  const r = parseFlags(
    argv,
    [
      { long: 'interactive', short: 'i' },
      { long: 'tty', short: 't' },
      { long: 'detach', short: 'd', notSimulated: true },
      { long: 'user', short: 'u', value: true },
      { long: 'env', short: 'e', value: true },
      { long: 'workdir', short: 'w', value: true },
    ],
    false,
  );
  if (!r.ok) return 'notSimulated' in r ? notSim(r.notSimulated, at + r.index) : fail(`${r.message}\n${see('exec')}`, 125);
  const f = r.parsed;
  if (f.args.length < 2)
    return fail(
      `"docker exec" requires at least 2 arguments.\n${see('exec')}\nUsage:  docker exec [OPTIONS] CONTAINER COMMAND [ARG...]\n\nExecute a command in a running container\n`,
      1,
    );
  if (has(f, 'tty')) return fail('the input device is not a TTY\n', 1);
  const d = ensureDaemon(env);
  const c = findContainer(d, f.args[0]!);
  if (!c) return fail(`Error response from daemon: No such container: ${f.args[0]}\n`, 1);
  if (c.state !== 'running') return fail(`Error response from daemon: Container ${c.id} is not running\n`, 1);
  if (!env.execIn) return notSim('docker exec', at);
  const dns = embeddedDnsName(d, c, f.args.slice(1));
  if (dns !== undefined) return notSim(`name resolution between containers (Docker's embedded DNS, 127.0.0.11)`, at + f.argIndex[1 + dns]!);
  const e = env.execIn(c.network === 'host' ? '' : c.name, f.args.slice(1));
  return {
    stdout: e.stdout,
    stderr: e.stderr,
    status: e.status,
    ...(e.notSimulated ? { notSimulated: { what: e.notSimulated, index: at + f.argIndex[1]! } } : {}),
  };
}

/** `docker inspect [-f FMT] NAME...`: containers first, then networks, as Docker looks objects up. */
export function dockerInspect(env: DockerEnv, argv: readonly string[], at: number, kind: 'any' | 'container' | 'network'): DockerResult {
  const cmd = kind === 'network' ? 'network inspect' : kind === 'container' ? 'container inspect' : 'inspect';
  const f = flags(
    argv,
    [
      { long: 'format', short: 'f', value: true },
      { long: 'size', short: 's' },
      { long: 'type', value: true, notSimulated: true },
      { long: 'verbose', short: 'v', notSimulated: true },
    ],
    cmd,
    at,
  );
  if (isResult(f)) return f;
  if (!f.args.length) return needs(cmd, '[OPTIONS] NAME|ID [NAME|ID...]', 'Return low-level information on Docker objects');
  const d = ensureDaemon(env);
  const found = [];
  let stderr = '';
  for (const ref of f.args) {
    const c = kind !== 'network' ? findContainer(d, ref) : undefined;
    const n = !c && kind !== 'container' ? findNetwork(d, ref) : undefined;
    if (c) found.push(containerJson(d, c));
    else if (n) found.push(networkJson(d, n));
    else stderr += `Error: No such ${kind === 'any' ? 'object' : kind}: ${ref}\n`;
  }
  const fmt = last(f, 'format');
  if (fmt === undefined) return { stdout: jsonList(found), stderr, status: stderr ? 1 : 0 };
  let stdout = '';
  for (const o of found) {
    const t = template(fmt, o);
    if (t === undefined) return notSim(`docker inspect -f '${fmt}'`, at);
    stdout += t;
  }
  return { stdout, stderr, status: stderr ? 1 : 0 };
}

/** `docker logs NAME`: what the simulator knows its program logged (a failed bind); otherwise not simulated. */
export function dockerLogs(env: DockerEnv, argv: readonly string[], at: number): DockerResult {
  const f = flags(
    argv,
    [
      { long: 'follow', short: 'f' },
      { long: 'timestamps', short: 't', notSimulated: true },
      { long: 'tail', short: 'n', value: true },
    ],
    'logs',
    at,
  );
  if (isResult(f)) return f;
  if (f.args.length !== 1)
    return fail(
      `"docker logs" requires exactly 1 argument.\n${see('logs')}\nUsage:  docker logs [OPTIONS] CONTAINER\n\nFetch the logs of a container\n`,
      1,
    );
  const c = findContainer(ensureDaemon(env), f.args[0]!);
  if (!c) return fail(`Error response from daemon: No such container: ${f.args[0]}\n`, 1);
  return c.log ? { stdout: '', stderr: c.log, status: 0 } : notSim(`docker logs (what ${c.name}'s program writes)`, at - 1);
}
