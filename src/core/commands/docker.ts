/**
 * `docker`: Docker 24's CLI over the host's daemon (docker/). The daemon's changes to the host run
 * as the ip, sysctl and iptables lines they amount to, through this shell, in the host's root
 * namespace; a container's command runs in its namespace. Images outside the catalogue, and the
 * subcommands and flags not modelled, are not simulated.
 */
import { loc } from '../text/i18n';
import { ROOT_NS } from '../sim/model';
import type { Arg } from '../shell/expand';
import { type DockerEnv, runDocker } from '../docker/index';
import { type CommandHandler, type CommandSpec, notSimulated, result } from './types';

export const dockerCommand: CommandHandler = (ctx, args) => {
  const col = args[0]?.column ?? 0;
  const asArgs = (argv: readonly string[]): Arg[] => argv.map((text) => ({ text, column: col }));
  const root = ctx.host.netns.get(ROOT_NS)!;
  const env: DockerEnv = {
    root,
    exec: (argv) => ctx.exec(root, asArgs(argv)),
    execIn: (netns, argv) => {
      const r = ctx.exec(ctx.host.netns.get(netns) ?? root, asArgs(argv));
      return { stdout: r.stdout, stderr: r.stderr, status: r.status, ...(r.notSimulated ? { notSimulated: r.notSimulated.command } : {}) };
    },
  };
  const r = runDocker(
    env,
    args.map((a) => a.text),
  );
  if (r.notSimulated) {
    const ns = notSimulated(r.notSimulated.what, args[r.notSimulated.index]?.column ?? col, r.stdout);
    return r.stderr ? { ...ns, stderr: r.stderr + ns.stderr } : ns;
  }
  return result(r.stdout, r.stderr, r.status);
};

export const dockerSpec: CommandSpec = {
  names: ['docker'],
  handler: dockerCommand,
  summary: loc(
    "Runs containers as Docker 24 wires them: docker0 at 172.17.0.1/16, a namespace and a veth per container, Docker's iptables rules (DOCKER chains, MASQUERADE, a DNAT per published port).",
    'Docker 24가 연결하는 방식대로 컨테이너를 실행합니다. docker0(172.17.0.1/16), 컨테이너마다 네임스페이스와 veth, Docker의 iptables 규칙(DOCKER 체인, MASQUERADE, 게시한 포트마다 DNAT)을 만듭니다.',
  ),
  usage: loc(
    'docker run [-d] [--rm] [--name N] [--network none|host|bridge|NET] [-p [IP:]HOST:CONT[/PROTO]]... IMAGE [CMD...] | docker ps [-a] | docker network create|ls|inspect|rm | docker inspect|port|stop|start|rm [-f]|exec NAME',
    'docker run [-d] [--rm] [--name 이름] [--network none|host|bridge|네트워크] [-p [IP:]호스트포트:컨테이너포트[/프로토콜]]... 이미지 [명령...] | docker ps [-a] | docker network create|ls|inspect|rm | docker inspect|port|stop|start|rm [-f]|exec 이름',
  ),
  forms: [
    {
      pattern: 'docker run ...',
      doc: loc(
        'Starts a container: on the default bridge it gets the next address of 172.17.0.0/16, a namespace with eth0 (a veth whose host end is on docker0) and a default route via 172.17.0.1; each `-p` adds a DNAT in nat DOCKER and an ACCEPT in filter DOCKER.',
        '컨테이너를 시작합니다. 기본 브리지에서는 172.17.0.0/16의 다음 주소, eth0이 있는 네임스페이스(호스트 쪽 끝이 docker0에 연결된 veth), 172.17.0.1로 가는 기본 경로를 받습니다. `-p`마다 nat DOCKER 체인에 DNAT 규칙, filter DOCKER 체인에 ACCEPT 규칙이 추가됩니다.',
      ),
    },
    {
      pattern: 'docker network create ...',
      doc: loc(
        'Makes a user-defined bridge network: a Linux bridge br-<id> with the next free /16 from 172.18.0.0/16, its MASQUERADE rule and its isolation rules.',
        '사용자 정의 브리지 네트워크를 만듭니다. 172.18.0.0/16부터 비어 있는 /16을 받는 리눅스 브리지 br-<id>와 그 MASQUERADE 규칙, 격리 규칙이 생깁니다.',
      ),
    },
    {
      pattern: 'docker port *',
      doc: loc(
        "Shows a container's published ports: container port -> host address and port.",
        '컨테이너가 게시한 포트를 보여 줍니다 (컨테이너 포트 -> 호스트 주소와 포트).',
      ),
    },
  ],
};
