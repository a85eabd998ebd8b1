/**
 * Docker's wiring against oracle scenario 113 (the rules Docker 24 writes for `-p 8080:80`, built
 * by hand and checked against the kernel): the same `iptables -S`, the same namespaces, addresses
 * and routes; user-defined bridges above docker0; none and host.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { labWorld } from '../../support/world';
import { dockerLab, on } from '../../support/docker';

const scenario = parse(readFileSync('test/oracle/scenarios/113-nf-docker0-publish.yaml', 'utf8')) as { lab: string };

describe('docker: the wiring of docker run', () => {
  const byHand = labWorld(scenario.lab);
  const docker = dockerLab(['docker run -d --name c1 -p 8080:80 nginx', 'docker run -d --name c2 busybox sleep 1d']);

  for (const cmd of ['iptables -t nat -S', 'iptables -S', 'iptables -t mangle -S', 'iptables -t raw -S']) {
    it(`${cmd} is scenario 113's, rule for rule`, () => {
      const want = on(byHand, 'h', cmd);
      const got = on(docker, 'h', cmd);
      assert.equal(got.status, 0, got.err);
      assert.equal(got.out, want.out);
    });
  }

  it("a user-defined bridge and a container on each: iptables -S is oracle scenario 150's", () => {
    const byHand150 = labWorld(
      (parse(readFileSync('test/oracle/scenarios/150-nf-docker-user-bridge.yaml', 'utf8')) as { lab: string }).lab,
    );
    const w = dockerLab([
      'docker network create mynet',
      'docker run -d --name web -p 8080:80 nginx',
      'docker run -d --name db --network mynet -p 6379:6379 redis',
    ]);
    const norm = (t: string) => t.replace(/br-[0-9a-f]{12}/g, 'br-X');
    for (const cmd of ['iptables -t nat -S', 'iptables -S'])
      assert.equal(norm(on(w, 'h', cmd).out), norm(on(byHand150, 'h', cmd).out), cmd);
  });

  it('docker0 is 172.17.0.1/16, up, with the veths as its ports; ip_forward is on', () => {
    assert.match(on(docker, 'h', 'ip -br addr show docker0').out, /^docker0 +UP +172\.17\.0\.1\/16 /);
    const ports = on(docker, 'h', 'ip -br link show master docker0').out.trim().split('\n');
    assert.equal(ports.length, 2);
    for (const p of ports) assert.match(p, /^veth[0-9a-f]{7}@if\d+ +UP /);
    assert.equal(on(docker, 'h', 'sysctl net.ipv4.ip_forward').out, 'net.ipv4.ip_forward = 1\n');
  });

  it('each container is a namespace with eth0 (MAC from its address), lo up and a default route via the gateway', () => {
    assert.deepEqual(
      on(docker, 'h', 'ip netns')
        .out.split('\n')
        .map((l) => l.split(' ')[0])
        .filter(Boolean)
        .sort(),
      ['c1', 'c2'],
    );
    const a = on(docker, 'h/c1', 'ip addr show eth0').out;
    assert.match(a, /link\/ether 02:42:ac:11:00:02 /);
    assert.match(a, /inet 172\.17\.0\.2\/16 brd 172\.17\.255\.255 scope global eth0/);
    assert.match(on(docker, 'h/c2', 'ip addr show eth0').out, /inet 172\.17\.0\.3\/16 .*\n.*\n?/);
    assert.equal(
      on(docker, 'h/c2', 'ip route').out,
      'default via 172.17.0.1 dev eth0 \n172.17.0.0/16 dev eth0 proto kernel scope link src 172.17.0.3 \n',
    );
    assert.match(on(docker, 'h/c1', 'ip -br link show lo').out, /UNKNOWN/);
  });

  it('the daemon starts on the first docker command, once', () => {
    const w = dockerLab(['docker ps', 'docker ps']);
    assert.match(on(w, 'h', 'ip -br link show docker0').out, /^docker0 /);
    assert.equal(
      on(w, 'h', 'iptables -t nat -S POSTROUTING').out,
      '-P POSTROUTING ACCEPT\n-A POSTROUTING -s 172.17.0.0/16 ! -o docker0 -j MASQUERADE\n',
    );
    assert.equal(on(dockerLab([]), 'h', 'ip link show docker0').status, 1, 'no docker command, no docker0');
  });

  it('a user-defined bridge: br-<12 hex of its id> at 172.18.0.1/16, its rules above docker0, its containers from .2', () => {
    const w = dockerLab(['docker network create mynet', 'docker network create other', 'docker run -d --name db --network mynet redis']);
    const id = on(w, 'h', 'docker network inspect -f {{.Id}} mynet').out.trim();
    const br = `br-${id.slice(0, 12)}`;
    assert.match(on(w, 'h', `ip -br addr show ${br}`).out, /172\.18\.0\.1\/16/);
    assert.match(on(w, 'h', 'ip -br addr').out, /br-[0-9a-f]{12} +\S+ +172\.19\.0\.1\/16/);
    assert.match(on(w, 'h/db', 'ip -br addr show eth0').out, /172\.18\.0\.2\/16/);
    const fwd = on(w, 'h', 'iptables -S FORWARD').out.split('\n');
    assert.equal(fwd[1], '-A FORWARD -j DOCKER-USER');
    assert.equal(fwd[2], '-A FORWARD -j DOCKER-ISOLATION-STAGE-1');
    assert.match(fwd[3]!, /^-A FORWARD -o br-[0-9a-f]{12} -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT$/);
    assert.equal(fwd.filter((l) => l.includes('docker0')).length, 4);
    assert.equal(
      fwd.findIndex((l) => l.includes('docker0')),
      11,
      'docker0 after both newer bridges (4 rules each)',
    );
    const iso2 = on(w, 'h', 'iptables -S DOCKER-ISOLATION-STAGE-2').out;
    assert.match(
      iso2,
      new RegExp(
        `-A DOCKER-ISOLATION-STAGE-2 -o ${br} -j DROP\n-A DOCKER-ISOLATION-STAGE-2 -o docker0 -j DROP\n-A DOCKER-ISOLATION-STAGE-2 -j RETURN\n$`,
      ),
    );
    assert.match(on(w, 'h', 'iptables -t nat -S POSTROUTING').out, new RegExp(`-s 172\\.18\\.0\\.0/16 ! -o ${br} -j MASQUERADE`));
  });

  it('network rm takes the bridge and every rule it added away', () => {
    const before = dockerLab(['docker ps']);
    const w = dockerLab(['docker network create mynet', 'docker network rm mynet']);
    for (const cmd of ['iptables -S', 'iptables -t nat -S', 'ip -br link'])
      assert.equal(on(w, 'h', cmd).out, on(before, 'h', cmd).out, cmd);
  });

  it('--network none: a namespace with only lo, up', () => {
    const w = dockerLab(['docker run -d --name nn --network none busybox sleep 1d']);
    assert.deepEqual(
      on(w, 'h/nn', 'ip -br link')
        .out.split('\n')
        .filter(Boolean)
        .map((l) => l.split(/ +/)[0]),
      ['lo'],
    );
    assert.equal(on(w, 'h', 'ip -br link show master docker0').out, '');
  });

  it('--network host: no namespace; nginx listens on the host, and a second one finds port 80 taken and exits (1)', () => {
    const w = dockerLab(['docker run -d --name web1 --network host nginx', 'docker run -d --name web2 --network host nginx']);
    assert.equal(on(w, 'h', 'ip netns').out, '');
    assert.match(on(w, 'h', 'docker ps -a').out, /Exited \(1\) .* web2\n/);
    assert.match(on(w, 'h', 'docker ps').out, /Up .* web1\n/);
    const logs = on(w, 'h', 'docker logs web2');
    assert.match(logs.err, /^nginx: \[emerg\] bind\(\) to 0\.0\.0\.0:80 failed \(98: Address already in use\)\n/);
    assert.match(logs.err, /nginx: \[emerg\] still could not bind\(\)\n$/);
    assert.equal(on(w, 'h', 'ip netns').out, '');
  });

  it('stop and rm -f undo a container: its rules, veth and namespace go; a second run reuses the address', () => {
    const base = dockerLab(['docker ps']);
    const w = dockerLab(['docker run -d --name c1 -p 8080:80 nginx', 'docker rm -f c1']);
    for (const cmd of ['iptables -S', 'iptables -t nat -S', 'ip -br link', 'ip netns'])
      assert.equal(on(w, 'h', cmd).out, on(base, 'h', cmd).out, cmd);
    const again = dockerLab(['docker run -d --name aa nginx', 'docker stop aa', 'docker run -d --name bb nginx']);
    assert.match(on(again, 'h/bb', 'ip -br addr show eth0').out, /172\.17\.0\.2\/16/);
  });

  it('-p 127.0.0.1:8080:80/udp and -p 80 (an ephemeral host port from 32768)', () => {
    const w = dockerLab(['docker run -d --name aa -p 127.0.0.1:5353:53/udp -p 80 nginx']);
    const nat = on(w, 'h', 'iptables -t nat -S DOCKER').out;
    assert.match(nat, /-A DOCKER -d 127\.0\.0\.1\/32 ! -i docker0 -p udp -m udp --dport 5353 -j DNAT --to-destination 172\.17\.0\.2:53\n/);
    assert.match(nat, /-A DOCKER ! -i docker0 -p tcp -m tcp --dport 32768 -j DNAT --to-destination 172\.17\.0\.2:80\n/);
    assert.equal(on(w, 'h', 'docker port aa').out, '53/udp -> 127.0.0.1:5353\n80/tcp -> 0.0.0.0:32768\n80/tcp -> [::]:32768\n');
  });
});
