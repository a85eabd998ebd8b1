/**
 * The docker CLI as a student types it: flags read as pflag reads them, Docker's messages and
 * statuses for the mistakes a course sees (unknown flag, name in use, no such container, unknown
 * network, the port already allocated), and what is said to be not simulated.
 */
import { strict as assert } from 'node:assert';
import { parseFlags } from '../../../src/core/docker/cli';
import { RUN_FLAGS, parsePublish } from '../../../src/core/docker/run';
import { runLine } from '../../../src/core/commands/run';
import { fixture } from '../../support/commands';

describe('docker: the CLI', () => {
  it('reads flags as pflag does: clusters, = and attached values, and stops at the image', () => {
    const r = parseFlags(['-dit', '--name=web', '-p8080:80', '--network', 'host', 'nginx', '-p', '1'], RUN_FLAGS, false);
    assert.ok(r.ok);
    assert.deepEqual(
      [...r.parsed.flags.entries()],
      [
        ['detach', ['true']],
        ['interactive', ['true']],
        ['tty', ['true']],
        ['name', ['web']],
        ['publish', ['8080:80']],
        ['network', ['host']],
      ],
    );
    assert.deepEqual(r.parsed.args, ['nginx', '-p', '1']);
  });

  it("says pflag's messages for an unknown flag, an unknown shorthand and a missing value", () => {
    const m = (argv: string[]) => {
      const r = parseFlags(argv, RUN_FLAGS, false);
      return !r.ok && 'message' in r ? r.message : undefined;
    };
    assert.equal(m(['--foo', 'nginx']), 'unknown flag: --foo');
    assert.equal(m(['-dx', 'nginx']), "unknown shorthand flag: 'x' in -dx");
    assert.equal(m(['--name']), 'flag needs an argument: --name');
    assert.equal(m(['-p']), "flag needs an argument: 'p' in -p");
  });

  it('reads -p as [IP:][HOST:]CONT[/PROTO]', () => {
    assert.deepEqual(parsePublish('8080:80'), { hostIp: '0.0.0.0', hostPort: 8080, port: 80, proto: 'tcp' });
    assert.deepEqual(parsePublish('127.0.0.1:53:53/udp'), { hostIp: '127.0.0.1', hostPort: 53, port: 53, proto: 'udp' });
    assert.deepEqual(parsePublish('80'), { hostIp: '0.0.0.0', hostPort: 0, port: 80, proto: 'tcp' });
    assert.equal(parsePublish('8080:http'), 'Invalid containerPort: http');
    assert.equal(parsePublish('x:80'), 'Invalid hostPort: x');
    assert.equal(parsePublish('80/icmp'), 'Invalid proto: icmp');
  });
});

describe('docker: commands and their messages', () => {
  const err = (f: ReturnType<typeof fixture>, line: string) => {
    const r = f.sh(line);
    return [r.status, r.stderr] as const;
  };

  it('docker run -d prints the 64-hex id, the same on every run of the lab; ps shows its 12', () => {
    const a = fixture().sh('docker run -d --name web -p 8080:80 nginx');
    const b = fixture().sh('docker run -d --name web -p 8080:80 nginx');
    assert.equal(a.status, 0);
    assert.match(a.stdout, /^[0-9a-f]{64}\n$/);
    assert.equal(a.stdout, b.stdout);
    const f = fixture();
    const id = f.sh('docker run -d --name web -p 8080:80 nginx').stdout.trim();
    f.ok('docker run -d --name cache redis', 'docker run -d --name box busybox');
    assert.equal(
      f.sh('docker ps').stdout,
      [
        'CONTAINER ID   IMAGE     COMMAND                  CREATED                  STATUS                  PORTS                                   NAMES',
        `${f.sh('docker ps -q').stdout.split('\n')[0]}   redis     "docker-entrypoint.s…"   Less than a second ago   Up Less than a second   6379/tcp                                cache`,
        `${id.slice(0, 12)}   nginx     "/docker-entrypoint.…"   Less than a second ago   Up Less than a second   0.0.0.0:8080->80/tcp, :::8080->80/tcp   web`,
        '',
      ].join('\n'),
    );
    assert.match(f.sh('docker ps -a').stdout, /"sh" +Less than a second ago +Exited \(0\) Less than a second ago +box\n/);
  });

  it('a second container on the same host port: port is already allocated (125), left Created', () => {
    const f = fixture();
    f.ok('docker run -d --name web -p 8080:80 nginx');
    const [status, stderr] = err(f, 'docker run -d --name web2 -p 8080:80 nginx');
    assert.equal(status, 125);
    assert.match(
      stderr,
      /^docker: Error response from daemon: driver failed programming external connectivity on endpoint web2 \([0-9a-f]{64}\): Bind for 0\.0\.0\.0:8080 failed: port is already allocated\.\n$/,
    );
    assert.match(f.sh('docker ps -a').stdout, /Created +web2\n/);
    assert.equal(f.sh('iptables -t nat -S DOCKER').stdout.match(/DNAT/g)!.length, 1, 'no rule for the refused one');
    // Another host address, or another protocol, is another binding.
    f.ok('docker run -d --name dns -p 8080:80/udp nginx');
  });

  it('a host socket on the port: docker-proxy cannot bind it', () => {
    const f = fixture();
    f.ok('docker ps');
    f.host.sockets.push({ proto: 'tcp', port: 8080, netns: '' });
    assert.match(
      err(f, 'docker run -d --name web -p 8080:80 nginx')[1],
      /Error starting userland proxy: listen tcp4 0\.0\.0\.0:8080: bind: address already in use\.\n$/,
    );
  });

  it("says Docker's errors: name in use, invalid name, no such container, unknown network, running container", () => {
    const f = fixture();
    const id = f.sh('docker run -d --name web nginx').stdout.trim();
    assert.deepEqual(err(f, 'docker run -d --name web nginx'), [
      125,
      `docker: Error response from daemon: Conflict. The container name "/web" is already in use by container "${id}". You have to remove (or rename) that container to be able to reuse that name.\nSee 'docker run --help'.\n`,
    ]);
    assert.deepEqual(err(f, 'docker run --network nope nginx'), [
      125,
      "docker: Error response from daemon: network nope not found.\nSee 'docker run --help'.\n",
    ]);
    assert.deepEqual(err(f, 'docker run --nmae x nginx'), [125, "unknown flag: --nmae\nSee 'docker run --help'.\n"]);
    assert.deepEqual(err(f, 'docker rm nope'), [1, 'Error response from daemon: No such container: nope\n']);
    assert.deepEqual(err(f, 'docker rm -f nope'), [0, 'Error response from daemon: No such container: nope\n'], 'rm -f: said, not failed');
    assert.deepEqual(err(f, 'docker stop nope'), [1, 'Error response from daemon: No such container: nope\n']);
    assert.deepEqual(err(f, 'docker port nope'), [1, 'Error response from daemon: No such container: nope\n']);
    assert.deepEqual(err(f, 'docker rm web'), [
      1,
      `Error response from daemon: You cannot remove a running container ${id}. Stop the container before attempting removal or force remove\n`,
    ]);
    assert.deepEqual(err(f, 'docker run -it busybox'), [1, 'the input device is not a TTY\n']);
    assert.deepEqual(err(f, 'docker frobnicate'), [1, "docker: 'frobnicate' is not a docker command.\nSee 'docker --help'\n"]);
    assert.match(
      err(f, 'docker run')[1],
      /^"docker run" requires at least 1 argument\.\nSee 'docker run --help'\.\n\nUsage: {2}docker run \[OPTIONS\] IMAGE/,
    );
    assert.deepEqual(err(f, 'docker inspect nope'), [1, 'Error: No such object: nope\n']);
    assert.equal(f.sh('docker stop web').stdout, 'web\n');
    assert.equal(f.sh('docker rm web').stdout, 'web\n');
  });

  it('an image outside the catalogue, a real subcommand or flag not modelled: not simulated, at its word', () => {
    const f = fixture();
    const r = f.sh('docker run -d traefik');
    assert.equal(r.notSimulated?.command, 'docker run traefik (images: nginx, httpd, redis, mysql, postgres, busybox, alpine, ubuntu)');
    assert.equal(r.notSimulated?.column, 'docker run -d '.length);
    assert.equal(f.sh('docker images').notSimulated?.command, 'docker images');
    assert.equal(f.sh('docker run -v /x:/y nginx').notSimulated?.column, 'docker run '.length);
    assert.equal(f.sh('docker network create -d overlay ov').notSimulated?.command, 'docker network create --driver overlay');
  });

  it('network create, ls, rm with their messages', () => {
    const f = fixture();
    const id = f.sh('docker network create mynet').stdout.trim();
    assert.match(id, /^[0-9a-f]{64}$/);
    const ls = f.sh('docker network ls').stdout.split('\n');
    assert.equal(ls[0], 'NETWORK ID     NAME      DRIVER    SCOPE');
    assert.deepEqual(
      ls.slice(1, -1).map((l) => l.split(/ +/).slice(1).join(' ')),
      ['bridge bridge local', 'host host local', 'mynet bridge local', 'none null local'],
    );
    assert.ok(ls.includes(`${id.slice(0, 12)}   mynet     bridge    local`));
    assert.deepEqual(err(f, 'docker network create mynet'), [1, 'Error response from daemon: network with name mynet already exists\n']);
    assert.deepEqual(err(f, 'docker network create --subnet 172.18.5.0/24 x2'), [
      1,
      'Error response from daemon: Pool overlaps with other one on this address space\n',
    ]);
    f.ok('docker run -d --name db --network mynet redis');
    assert.deepEqual(err(f, 'docker network rm mynet'), [
      1,
      `Error response from daemon: error while removing network: network mynet id ${id} has active endpoints\n`,
    ]);
    assert.deepEqual(err(f, 'docker network rm bridge'), [
      1,
      'Error response from daemon: bridge is a pre-defined network and cannot be removed\n',
    ]);
    f.ok('docker rm -f db');
    assert.equal(f.sh('docker network rm mynet').stdout, 'mynet\n');
    f.ok('docker network create --subnet 10.10.0.0/24 --gateway 10.10.0.254 lab');
    f.ok('docker run -d --name w1 --network lab nginx');
    assert.equal(f.sh('ip -n w1 route show default').stdout, 'default via 10.10.0.254 dev eth0 \n');
    assert.match(f.sh('ip -n w1 -br addr show eth0').stdout, /10\.10\.0\.1\/24/);
  });

  it('inspect: the JSON and the -f templates students use', () => {
    const f = fixture();
    f.ok('docker run -d --name web -p 8080:80 nginx');
    const j = JSON.parse(f.sh('docker inspect web').stdout) as {
      Name: string;
      NetworkSettings: { IPAddress: string; MacAddress: string; Ports: unknown };
    }[];
    assert.equal(j[0]!.Name, '/web');
    assert.equal(j[0]!.NetworkSettings.IPAddress, '172.17.0.2');
    assert.equal(j[0]!.NetworkSettings.MacAddress, '02:42:ac:11:00:02');
    assert.deepEqual(j[0]!.NetworkSettings.Ports, {
      '80/tcp': [
        { HostIp: '0.0.0.0', HostPort: '8080' },
        { HostIp: '::', HostPort: '8080' },
      ],
    });
    assert.match(f.sh('docker inspect web').stdout, /^\[\n {4}\{\n {8}"Id": "/);
    assert.equal(f.sh("docker inspect -f '{{.NetworkSettings.IPAddress}}' web").stdout, '172.17.0.2\n');
    assert.equal(f.sh("docker inspect --format '{{range .NetworkSettings.Networks}}{{.Gateway}}{{end}}' web").stdout, '172.17.0.1\n');
    assert.equal(
      f.sh("docker inspect -f '{{json .NetworkSettings.Ports}}' web").stdout,
      '{"80/tcp":[{"HostIp":"0.0.0.0","HostPort":"8080"},{"HostIp":"::","HostPort":"8080"}]}\n',
    );
    assert.equal(
      f.sh("docker inspect -f '{{.State.Status}} {{.Config.Hostname}}' web").stdout,
      `running ${f.sh('docker ps -q').stdout.trim()}\n`,
    );
    assert.equal(f.sh("docker network inspect -f '{{range .IPAM.Config}}{{.Subnet}}{{end}}' bridge").stdout, '172.17.0.0/16\n');
    assert.equal(f.sh('docker port web 80').stdout, '0.0.0.0:8080\n[::]:8080\n');
    assert.deepEqual(err(f, 'docker port web 81'), [1, "Error: No public port '81/tcp' published for web\n"]);
  });

  it('docker run IMAGE CMD runs a simulated command in the container; --rm removes it; exec runs in a running one', () => {
    const f = fixture();
    const r = f.sh('docker run --rm --network none alpine ip -br link');
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout.split(/ +/)[0], 'lo');
    assert.equal(f.sh('docker ps -aq').stdout, '');
    f.ok('docker run -d --name web nginx');
    assert.match(f.sh('docker exec web ip -br addr show eth0').stdout, /172\.17\.0\.2\/16/);
    assert.equal(f.sh('docker run -d --network host --name hostnet busybox sleep 1d').status, 0);
    f.ok('docker stop web');
    assert.match(err(f, 'docker exec web ip addr')[1], /^Error response from daemon: Container [0-9a-f]{64} is not running\n$/);
  });

  it("a container's name on a user-defined network: Docker's embedded DNS is not simulated; on docker0 no name resolves", () => {
    const f = fixture();
    f.ok(
      'docker network create app',
      'docker run -d --name db --network app redis',
      'docker run -d --name web --network app nginx',
      'docker run -d --name old nginx',
    );
    const r = f.sh('docker exec web ping -c1 db');
    assert.equal(r.notSimulated?.command, "name resolution between containers (Docker's embedded DNS, 127.0.0.11)");
    assert.equal(r.notSimulated?.column, 'docker exec web ping -c1 '.length);
    assert.equal(
      f.sh('docker run --rm --network app busybox ping -c1 db').notSimulated?.column,
      'docker run --rm --network app busybox ping -c1 '.length,
    );
    assert.notEqual(
      f.sh('docker exec old ping -c1 db').notSimulated?.command,
      r.notSimulated?.command,
      'the default bridge has no embedded DNS',
    );
  });

  it('docker run nginx without -d would never end the line: not simulated, the container runs as with -d', () => {
    const f = fixture();
    const r = f.sh('docker run --name web nginx');
    assert.equal(r.notSimulated?.command, 'docker run without -d (the line would stay attached to web)');
    assert.equal(r.notSimulated?.column, 'docker '.length);
    assert.match(f.sh('docker ps').stdout, /Up .* web\n/);
  });

  it('-d --rm: the container is removed when stopped', () => {
    const f = fixture();
    f.ok('docker run -d --rm --name tmp nginx', 'docker run -d --name keep nginx', 'docker stop tmp keep');
    assert.doesNotMatch(f.sh('docker ps -a').stdout, / tmp\n/);
    assert.match(f.sh('docker ps -a').stdout, /Exited \(0\) .* keep\n/);
  });

  it('docker container ls / run / rm are the same commands', () => {
    const f = fixture();
    f.ok('docker container run -d --name web nginx');
    assert.match(f.sh('docker container ls').stdout, / web\n$/);
    assert.equal(f.sh('docker container rm -f web').stdout, 'web\n');
  });

  it('never throws on odd input', () => {
    const f = fixture();
    for (const l of [
      'docker',
      'docker -H x ps',
      'docker network',
      'docker network bogus',
      'docker run -p',
      'docker run -p ::::80 nginx',
      'docker run --name "" nginx',
      "docker inspect -f '{{if .X}}' nope",
      'docker container',
      'docker rm -f',
      'docker port a b c',
    ]) {
      const r = runLine({ world: f.world, host: f.host, netns: f.host.netns.get('')! }, l);
      assert.ok(r.status !== 0 || r.notSimulated, l);
    }
  });
});
