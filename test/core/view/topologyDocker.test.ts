/**
 * The topology of a host that runs Docker (src/core/view/topologyDocker.ts, through topologyModel):
 * containers as the daemon knows them (image, state, network and mode, namespace, addresses,
 * published and listening ports, veth and bridge), docker0 and a user-defined bridge as Docker
 * networks, host-network and stopped containers inside their host. Ids and addresses are checked
 * against what the simulated `docker` and `ip` commands print for the same world.
 */
import { strict as assert } from 'node:assert';
import { buildWorld, execCommand, loadLabFor, type Lab, type World } from '../../../src/core/index';
import { topologyModel } from '../../../src/core/view/topology';
import { publishedPort } from '../../../src/core/view/topologyDocker';
import type { TopologyModel, TopoNode } from '../../../src/core/view/types';

const RUN = [
  'docker run -d --name web -p 8080:80 nginx',
  'docker run -d --name db redis',
  'docker network create app',
  'docker run -d --name api --network app httpd',
  'docker run -d --name hostweb -p 9090:80 --network host nginx',
  'docker run -d --name lonely --network none busybox sleep 1000',
  'docker run -d --name web2 -p 8080:80 nginx || true',
  'docker run -d --name hostweb2 --network host nginx',
  'ip netns add mine',
];
const FIRST_RUN_LINE = 8;

function lab(lines: readonly string[]): { lab: Lab; world: World; text: string } {
  const text = `name: d
switches: [lan]
hosts:
  h:
    interfaces: { eth0: lan }
    run: |
      ip addr add 192.168.90.10/24 dev eth0
${lines.map((l) => `      ${l}`).join('\n')}
  plain:
    interfaces: { eth0: lan }
    run: |
      ip link add br0 type bridge
`;
  const loaded = loadLabFor(text, { file: 'd/lab.yaml' });
  assert.ok(loaded.lab);
  return { lab: loaded.lab, world: buildWorld(loaded.lab).world, text };
}

const sh = (world: World, line: string, netns = ''): string => execCommand(world, { host: 'h', netns }, line).stdout;
const id12 = (world: World, what: string) => sh(world, `docker inspect -f {{.Id}} ${what}`).trim().slice(0, 12);
const node = (m: TopologyModel, id: string): TopoNode => {
  const n = m.nodes.find((x) => x.id === id);
  assert.ok(n, `node ${id}`);
  return n;
};
/** The host end of the veth whose other end is `p:h/NAME/eth0`, as the model's links join them. */
const vethOf = (m: TopologyModel, name: string): string => {
  const l = m.links.find((x) => x.kind === 'veth' && (x.a === `p:h/${name}/eth0` || x.b === `p:h/${name}/eth0`));
  assert.ok(l, `a veth to ${name}`);
  return l.a === `p:h/${name}/eth0` ? l.b : l.a;
};

describe('topologyModel with Docker (src/core/view/topologyDocker.ts)', () => {
  const { lab: l, world, text } = lab(RUN);
  const m = topologyModel(l, world);
  const appBridge = sh(world, 'docker network inspect -f {{.Id}} app').trim().slice(0, 12);

  it("has a container node for each container: its namespace's node, or one inside its host without one", () => {
    assert.deepEqual(
      m.nodes.filter((n) => n.parent === 'h:h').map((n) => `${n.kind} ${n.id}`),
      [
        'bridge b:h//docker0',
        `bridge b:h//br-${appBridge}`,
        'container n:h/web',
        'container n:h/db',
        'container n:h/api',
        'container n:h/lonely',
        'netns n:h/mine',
        'container c:h/hostweb',
        'container c:h/web2',
        'container c:h/hostweb2',
      ],
    );
    // The namespaces are those `ip netns` lists: a container's own, and the student's.
    assert.deepEqual(
      sh(world, 'ip netns list')
        .split('\n')
        .filter(Boolean)
        .map((x) => x.split(' ')[0])
        .sort(),
      ['api', 'db', 'lonely', 'mine', 'web'],
    );
  });

  it('a bridge container: image, state, network, its namespace, address, published and listening ports, veth and bridge', () => {
    const web = node(m, 'n:h/web');
    assert.equal(web.name, 'web');
    assert.deepEqual(web.container, {
      id: id12(world, 'web'),
      image: 'nginx',
      state: 'running',
      network: 'bridge',
      mode: 'bridge',
      netns: 'web',
      addresses: ['172.17.0.2/16'],
      ports: ['0.0.0.0:8080->80/tcp'],
      listens: ['80/tcp'],
      bridge: 'b:h//docker0',
      veth: vethOf(m, 'web'),
    });
    // Its veth's host end is a port of docker0, and its address is the one eth0 has inside.
    assert.equal(m.ports.find((p) => p.id === web.container!.veth)?.master, 'b:h//docker0');
    assert.deepEqual(m.ports.find((p) => p.id === 'p:h/web/eth0')?.addresses, ['172.17.0.2/16']);
    assert.match(sh(world, 'docker ps'), /0\.0\.0\.0:8080->80\/tcp, :::8080->80\/tcp +web\n/);
    assert.deepEqual(node(m, 'n:h/db').container, {
      id: id12(world, 'db'),
      image: 'redis',
      state: 'running',
      network: 'bridge',
      mode: 'bridge',
      netns: 'db',
      addresses: ['172.17.0.3/16'],
      ports: [],
      listens: ['6379/tcp'],
      bridge: 'b:h//docker0',
      veth: vethOf(m, 'db'),
    });
    assert.deepEqual(node(m, 'n:h/api').container, {
      id: id12(world, 'api'),
      image: 'httpd',
      state: 'running',
      network: 'app',
      mode: 'bridge',
      netns: 'api',
      addresses: ['172.18.0.2/16'],
      ports: [],
      listens: ['80/tcp'],
      bridge: `b:h//br-${appBridge}`,
      veth: vethOf(m, 'api'),
    });
    // A container's namespace keeps what a namespace has: its routing tables.
    assert.deepEqual(node(m, 'n:h/web').tables?.[0], {
      table: 'main',
      routes: ['default via 172.17.0.1 dev eth0', '172.17.0.0/16 dev eth0 proto kernel scope link src 172.17.0.2'],
    });
  });

  it("a host-network container lives in the host's namespace: no address, no veth, its -p discarded as Docker does", () => {
    assert.deepEqual(node(m, 'c:h/hostweb'), {
      id: 'c:h/hostweb',
      kind: 'container',
      name: 'hostweb',
      parent: 'h:h',
      source: node(m, 'c:h/hostweb').source,
      container: {
        id: id12(world, 'hostweb'),
        image: 'nginx',
        state: 'running',
        network: 'host',
        mode: 'host',
        netns: '',
        addresses: [],
        ports: [],
        listens: ['80/tcp'],
      },
    });
    // nginx listens in the host's namespace itself (its socket is the host's).
    assert.ok(world.hosts.get('h')!.sockets.some((x) => x.netns === '' && x.proto === 'tcp' && x.port === 80));
    assert.match(sh(world, 'docker ps'), /Up Less than a second {4,}hostweb\n/);
  });

  it('a none-network container has its own namespace with only lo', () => {
    const n = node(m, 'n:h/lonely');
    assert.deepEqual(n.container, {
      id: id12(world, 'lonely'),
      image: 'busybox',
      state: 'running',
      network: 'none',
      mode: 'none',
      netns: 'lonely',
      addresses: [],
      ports: [],
      listens: [],
    });
    assert.deepEqual(
      m.ports.filter((p) => p.node === n.id).map((p) => `${p.name} ${p.kind} ${p.state}`),
      ['lo loopback UNKNOWN'],
    );
  });

  it('containers that do not run have no namespace: one refused its port (Created), one whose program ended (Exited (1))', () => {
    assert.deepEqual(node(m, 'c:h/web2').container, {
      id: id12(world, 'web2'),
      image: 'nginx',
      state: 'created',
      network: 'bridge',
      mode: 'bridge',
      addresses: [],
      ports: [],
      listens: [],
    });
    assert.deepEqual(node(m, 'c:h/hostweb2').container, {
      id: id12(world, 'hostweb2'),
      image: 'nginx',
      state: 'exited',
      exitCode: 1,
      network: 'host',
      mode: 'host',
      addresses: [],
      ports: [],
      listens: [],
    });
    assert.match(sh(world, 'docker ps -a'), /Created +web2\n/);
    assert.match(sh(world, 'docker ps -a'), /Exited \(1\) .* hostweb2\n/);
  });

  it('docker0 and a user-defined bridge are Docker networks: name, id, subnet, gateway, their containers', () => {
    assert.deepEqual(node(m, 'b:h//docker0').network, {
      name: 'bridge',
      id: sh(world, 'docker network inspect -f {{.Id}} bridge').trim().slice(0, 12),
      subnet: '172.17.0.0/16',
      gateway: '172.17.0.1',
      containers: ['n:h/web', 'n:h/db'],
    });
    assert.deepEqual(node(m, `b:h//br-${appBridge}`).network, {
      name: 'app',
      id: appBridge,
      subnet: '172.18.0.0/16',
      gateway: '172.18.0.1',
      containers: ['n:h/api'],
    });
    // A bridge of the student's is no Docker network.
    assert.equal(node(m, 'b:plain//br0').network, undefined);
    assert.equal(node(m, 'n:h/mine').container, undefined);
  });

  it('every container points at its docker run line', () => {
    const lines = text.split('\n');
    for (const n of m.nodes.filter((x) => x.kind === 'container')) {
      assert.ok(n.source, `${n.id} has a source`);
      assert.match(lines[n.source.line - 1]!, new RegExp(`docker run -d --name ${n.name} `), n.id);
      assert.equal(n.source.line, FIRST_RUN_LINE + RUN.findIndex((r) => r.includes(`--name ${n.name} `)));
    }
  });

  it('follows the daemon: a container removed, stopped or started again', () => {
    const { lab: l2, world: w2 } = lab(RUN);
    const rm = (line: string) => assert.equal(execCommand(w2, { host: 'h', netns: '' }, line).status, 0, line);
    rm('docker rm -f web');
    rm('docker stop db');
    let m2 = topologyModel(l2, w2);
    assert.equal(
      m2.nodes.find((n) => n.name === 'web'),
      undefined,
    );
    assert.equal(
      m2.ports.find((p) => p.node === 'n:h/web'),
      undefined,
    );
    assert.deepEqual(node(m2, 'c:h/db').container?.state, 'exited');
    assert.equal(node(m2, 'c:h/db').container?.netns, undefined);
    assert.deepEqual(node(m2, 'b:h//docker0').network?.containers, []);
    rm('docker start db');
    m2 = topologyModel(l2, w2);
    assert.equal(node(m2, 'n:h/db').kind, 'container');
    assert.deepEqual(node(m2, 'b:h//docker0').network?.containers, ['n:h/db']);
  });

  it('is the same on every build, and a host without Docker has no container nor network', () => {
    const again = lab(RUN);
    assert.deepEqual(JSON.parse(JSON.stringify(topologyModel(again.lab, again.world))), JSON.parse(JSON.stringify(m)));
    const bare = lab([]);
    const mb = topologyModel(bare.lab, bare.world);
    assert.ok(mb.nodes.every((n) => n.kind !== 'container' && !n.network));
  });

  it('publishedPort: a binding as docker ps prints its IPv4 form', () => {
    assert.equal(publishedPort({ hostIp: '0.0.0.0', hostPort: 8080, port: 80, proto: 'tcp' }), '0.0.0.0:8080->80/tcp');
    assert.equal(publishedPort({ hostIp: '127.0.0.1', hostPort: 5353, port: 53, proto: 'udp' }), '127.0.0.1:5353->53/udp');
  });
});
