/**
 * topologyModel: for every bundled lab, the nodes, ports and links are those the lab declares and
 * its `run` lines create, as the simulator's own `ip` commands list them (`ip netns list`,
 * `ip link show`, `ip -br addr`, `ip route show table T`); the model is the same on every build.
 */
import { strict as assert } from 'node:assert';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildWorld, execCommand, type Lab, loadLabFor, type World } from '../../../src/core/index';
import { cableId, indexTopology, nodeId, portId, topologyModel, vethId } from '../../../src/core/view/topology';
import type { TopologyModel } from '../../../src/core/view/types';
import { W } from '../../support/world';

const LABS = 'labs';
const labDirs = readdirSync(LABS, { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(join(LABS, d.name, 'lab.yaml')))
  .map((d) => d.name)
  .sort();

function load(dir: string): { lab: Lab; world: World; text: string } {
  const file = join(LABS, dir, 'lab.yaml');
  const text = readFileSync(file, 'utf8');
  const loaded = loadLabFor(text, {
    file,
    readFile: (rel) => (existsSync(join(LABS, dir, rel)) ? readFileSync(join(LABS, dir, rel), 'utf8') : undefined),
  });
  assert.ok(loaded.lab, `${file} does not load`);
  return { lab: loaded.lab, world: buildWorld(loaded.lab).world, text };
}

const run = (world: World, host: string, netns: string, line: string): string => {
  const r = execCommand(world, { host, netns }, line);
  assert.equal(r.status, 0, `${host}/${netns}: ${line}: ${r.stderr}`);
  return r.stdout;
};

/** `ip link show` of a namespace: name, ifindex, peer ifindex (@ifN), master, state, mac, link-netns. */
function ipLinks(world: World, host: string, netns: string) {
  const out: {
    index: number;
    name: string;
    peer?: number;
    master?: string;
    state: string;
    mac: string;
    peerNs?: string;
    peerNsid?: boolean;
    flags: string[];
  }[] = [];
  const lines = run(world, host, netns, 'ip link show').split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = /^(\d+): ([^:@]+)(?:@if(\d+))?: <([^>]*)>.*?(?:master (\S+) )?state (\S+)/.exec(lines[i]!);
    if (!m) continue;
    const l2 = lines[i + 1] ?? '';
    const mac = /link\/\S+ (\S+)/.exec(l2)?.[1] ?? '';
    const peerNs = / link-netns (\S+)/.exec(l2)?.[1];
    const peerNsid = / link-netnsid /.test(l2);
    out.push({
      index: Number(m[1]),
      name: m[2]!,
      ...(m[3] ? { peer: Number(m[3]) } : {}),
      ...(m[5] ? { master: m[5] } : {}),
      state: m[6]!,
      mac,
      ...(peerNs ? { peerNs } : {}),
      peerNsid,
      flags: m[4]!.split(','),
    });
  }
  return out;
}

const lineOf = (text: string, n: number) => text.split('\n')[n - 1] ?? '';

describe('topologyModel (src/core/view/topology.ts)', () => {
  for (const dir of labDirs) {
    describe(dir, () => {
      const { lab, world, text } = load(dir);
      const model = topologyModel(lab, world);
      const ix = indexTopology(model);
      const namespaces = (host: string) =>
        run(world, host, '', 'ip netns list')
          .split('\n')
          .filter(Boolean)
          .map((l) => l.split(' ')[0]!);

      it('has a node for every switch, host, namespace and bridge, and nothing else', () => {
        const want: string[] = lab.switches.map((s) => `s:${s.name}`);
        for (const h of lab.hosts) {
          want.push(`h:${h.name}`);
          for (const ns of ['', ...namespaces(h.name).reverse()]) {
            if (ns) want.push(`n:${h.name}/${ns}`);
            for (const l of ipLinks(world, h.name, ns))
              if (world.hosts.get(h.name)!.netns.get(ns)!.links.get(l.name)!.kind === 'bridge') want.push(`b:${h.name}/${ns}/${l.name}`);
          }
        }
        assert.deepEqual([...model.nodes.map((n) => n.id)].sort(), want.sort());
        for (const n of model.nodes) {
          if (n.kind === 'netns') assert.equal(n.parent, `h:${n.id.slice(2).split('/')[0]}`);
          if (n.kind === 'bridge') assert.ok(n.parent && ix.nodes.has(n.parent), `${n.id} has a parent`);
        }
      });

      it('names every node after the lab and points at the line that declares or creates it', () => {
        for (const n of model.nodes) {
          assert.ok(n.source, `${n.id} has a source`);
          assert.equal(n.source.file, lab.file);
          const line = lineOf(text, n.source.line);
          if (n.kind === 'switch' || n.kind === 'host')
            assert.ok(line.includes(n.name), `${n.id}: line ${n.source.line} "${line}" names it`);
          // A container's namespace is made by its docker run line; docker0 by the first docker line, a network's bridge by its create.
          if (n.kind === 'netns') assert.match(line, new RegExp(`netns add ${n.name}\\b|docker run .*--name ${n.name}\\b`));
          if (n.kind === 'bridge') assert.match(line, new RegExp(`${n.name} type bridge|^\\s*docker `));
        }
      });

      it('has a port for every interface, with its state, MAC, master and addresses as ip shows them', () => {
        let count = 0;
        for (const h of lab.hosts) {
          for (const ns of ['', ...namespaces(h.name)]) {
            const brief = new Map(
              run(world, h.name, ns, 'ip -br addr')
                .split('\n')
                .filter(Boolean)
                .map((l) => {
                  const [name, , ...addrs] = l.trim().split(/\s+/);
                  return [name!.split('@')[0]!, addrs.filter((a) => a.includes('.'))] as const;
                }),
            );
            for (const l of ipLinks(world, h.name, ns)) {
              count++;
              const p = ix.ports.get(portId(h.name, ns, l.name));
              assert.ok(p, `port ${h.name}/${ns}/${l.name}`);
              assert.equal(p.node, nodeId(h.name, ns));
              assert.equal(p.name, l.name);
              assert.equal(p.state, l.state);
              assert.equal(p.up, l.flags.includes('UP'));
              assert.equal(p.mac, l.mac);
              assert.equal(p.master, l.master ? `b:${h.name}/${ns}/${l.master}` : undefined);
              assert.deepEqual(
                p.addresses.filter((a) => a.includes('.')),
                brief.get(l.name),
              );
              assert.ok(p.source, `${p.id} has a source`);
            }
          }
        }
        assert.equal(model.ports.length, count);
      });

      it('links: a cable per declared interface, a veth link per pair, a bridge-port link per enslaved port', () => {
        const cables = model.links.filter((l) => l.kind === 'cable');
        const want = lab.hosts.flatMap((h) =>
          h.interfaces.map((i) => ({ id: cableId(h.name, '', i.name), kind: 'cable', a: portId(h.name, '', i.name), b: `s:${i.switch}` })),
        );
        assert.deepEqual(cables, want);
        const vethLinks = model.links.filter((l) => l.kind === 'veth');
        const wantVeth: string[] = [];
        const bridgePorts: string[] = [];
        for (const h of lab.hosts) {
          const nss = ['', ...namespaces(h.name)];
          const all = nss.map((ns) => ({ ns, links: ipLinks(world, h.name, ns) }));
          for (const { ns, links } of all) {
            for (const l of links) {
              if (l.master) bridgePorts.push(`${portId(h.name, ns, l.name)} -> b:${h.name}/${ns}/${l.master}`);
              // The peer's namespace by name (`link-netns red`); seen from inside a namespace it is
              // only a number (`link-netnsid 0`), and the other end names this one.
              if (l.peer === undefined || l.peerNsid) continue;
              const peerNs = l.peerNs ?? ns;
              const peer = all.find((x) => x.ns === peerNs)!.links.find((x) => x.index === l.peer)!;
              const [a, b] = [portId(h.name, ns, l.name), portId(h.name, peerNs, peer.name)].sort();
              const line = `${vethId([h.name, ns, l.name], [h.name, peerNs, peer.name])} ${a} ${b}`;
              if (!wantVeth.includes(line)) wantVeth.push(line);
            }
          }
        }
        assert.deepEqual(vethLinks.map((l) => `${l.id} ${l.a} ${l.b}`).sort(), wantVeth.sort());
        assert.deepEqual(
          model.links
            .filter((l) => l.kind === 'bridge-port')
            .map((l) => `${l.a} -> ${l.b}`)
            .sort(),
          bridgePorts.sort(),
        );
        for (const l of model.links) {
          assert.ok(ix.ports.has(l.a), `${l.id}: end a ${l.a}`);
          assert.ok(ix.ports.has(l.b) || ix.nodes.has(l.b), `${l.id}: end b ${l.b}`);
        }
      });

      it("routes: every host's and namespace's tables are the lines `ip route show table T` prints", () => {
        for (const n of model.nodes) {
          if (n.kind !== 'host' && n.kind !== 'netns') continue;
          const host = n.kind === 'host' ? n.name : n.id.slice(2).split('/')[0]!;
          const ns = n.kind === 'host' ? '' : n.name;
          assert.deepEqual(n.tables?.map((t) => t.table).slice(0, 2), ['main', 'local']);
          for (const t of n.tables!) {
            const printed = run(world, host, ns, `ip route show table ${t.table}`);
            assert.equal(t.routes.map((r) => `${r} \n`).join(''), printed, `${n.id} table ${t.table}`);
          }
          const fwd = run(world, host, ns, 'sysctl -n net.ipv4.ip_forward').trim();
          assert.equal(n.forwarding, fwd === '1');
        }
      });

      it('is the same, ids and order, on every build', () => {
        const again = load(dir);
        assert.deepEqual(JSON.parse(JSON.stringify(topologyModel(again.lab, again.world))), JSON.parse(JSON.stringify(model)));
        const ids = [...model.nodes, ...model.ports, ...model.links].map((x) => x.id);
        assert.equal(new Set(ids).size, ids.length, 'ids are unique');
        assert.equal(model.lab, lab.name);
        assert.deepEqual(model.title, lab.title);
      });
    });
  }

  it('draws the namespaces lab as its README tells it: red and blue on the bridge v-net-0, green alone', () => {
    const { lab, world } = load('05-network-namespaces');
    const m = topologyModel(lab, world);
    const links = m.links.map((l) => `${l.kind} ${l.a} ${l.b}`);
    assert.deepEqual(links, [
      'cable p:host1//eth0 s:lan',
      'bridge-port p:host1//veth-red-br b:host1//v-net-0',
      'veth p:host1//veth-red-br p:host1/red/veth-red',
      'bridge-port p:host1//veth-blue-br b:host1//v-net-0',
      'veth p:host1//veth-blue-br p:host1/blue/veth-blue',
      'bridge-port p:host1//veth-yellow-br b:host1//v-net-0',
      'veth p:host1//veth-yellow-br p:host1/yellow/veth-yellow',
      'cable p:host2//eth0 s:lan',
    ]);
    assert.deepEqual(
      m.nodes.map((n) => n.id),
      [
        's:lan',
        'h:host1',
        'b:host1//v-net-0',
        'n:host1/red',
        'n:host1/blue',
        'n:host1/green',
        'n:host1/yellow',
        'h:host2',
        'n:host2/red',
        'n:host2/blue',
      ],
    );
    const green = m.ports.filter((p) => p.node === 'n:host1/green');
    assert.deepEqual(
      green.map((p) => [p.name, p.up, p.state]),
      [['lo', false, 'DOWN']],
    );
    assert.deepEqual(m.ports.find((p) => p.id === 'p:host1/red/veth-red')?.addresses, ['192.168.15.1/24']);
  });

  it('keeps other routing tables, a veth up whose peer is down, and a switch a NIC names without a declaration', () => {
    const w = new W();
    const a = w.host('a', { eth0: 'lan' });
    w.addr(a, 'eth0', '10.0.0.1/24');
    const run1 = (line: string) => assert.equal(execCommand(w.world, { host: 'a', netns: '' }, line).status, 0, line);
    run1('ip route add 10.9.0.0/16 via 10.0.0.254 table 100');
    run1('ip link add v0 type veth peer name v1');
    run1('ip link set v0 up');
    run1('sysctl -w net.ipv4.ip_forward=1');
    const lab: Lab = { file: 'x/lab.yaml', name: 'x', switches: [], hosts: [], exercises: [], variables: [] };
    const m = topologyModel(lab, w.world);
    assert.deepEqual(
      m.nodes.map((n) => n.id),
      ['s:lan', 'h:a'],
    );
    const host = m.nodes[1]!;
    assert.equal(host.forwarding, true);
    assert.equal(host.forwarding6, undefined, 'IPv4 forwarding alone does not forward IPv6');
    run1('sysctl -w net.ipv6.conf.all.forwarding=1');
    assert.equal(topologyModel(lab, w.world).nodes[1]!.forwarding6, true);
    assert.deepEqual(host.tables?.find((t) => t.table === '100')?.routes, ['10.9.0.0/16 via 10.0.0.254 dev eth0']);
    const v0 = m.ports.find((p) => p.name === 'v0')!;
    assert.equal(v0.up, true);
    assert.equal(v0.state, 'LOWERLAYERDOWN');
    assert.equal(m.ports.find((p) => p.name === 'v1')!.state, 'DOWN');
    assert.deepEqual(
      m.links.filter((l) => l.kind === 'veth').map((l) => l.id),
      ['l:v:a//v0'],
    );
  });

  it('ids: one scheme, both ends of a veth name the same link', () => {
    assert.equal(nodeId('h1', ''), 'h:h1');
    assert.equal(nodeId('h1', 'red'), 'n:h1/red');
    assert.equal(portId('h1', '', 'eth0'), 'p:h1//eth0');
    assert.equal(vethId(['h', 'red', 'v'], ['h', '', 'v-br']), vethId(['h', '', 'v-br'], ['h', 'red', 'v']));
    const empty: TopologyModel = { lab: 'x', nodes: [], ports: [], links: [] };
    assert.equal(indexTopology(empty).nodes.size, 0);
  });
});
