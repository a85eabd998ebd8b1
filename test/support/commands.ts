/**
 * The fixtures of the simulated commands' tests (test/core/commands/): a host to run
 * lines on, the oracle's lab namespace, and the check of a failing line's message.
 */
import { strict as assert } from 'node:assert';
import { runLine } from '../../src/core/commands/run';
import { addHost, addLink, createWorld } from '../../src/core/sim/kernel';
import type { Host, World } from '../../src/core/sim/model';

export interface Fixture {
  world: World;
  host: Host;
  /** Runs a line in the host's root namespace (or `ns`). */
  sh(line: string, ns?: string): ReturnType<typeof runLine>;
  /** Runs lines that must all succeed. */
  ok(...lines: string[]): void;
}

export function fixture(nics: string[] = []): Fixture {
  const world = createWorld();
  const host = addHost(world, 'h1');
  for (const n of nics) {
    const r = addLink(host.netns.get('')!, { name: n, kind: 'nic', switchName: 'lan' });
    assert.ok(r.ok);
  }
  const f: Fixture = {
    world,
    host,
    sh: (line, ns = '') => runLine({ world, host, netns: host.netns.get(ns)! }, line),
    ok: (...lines) => {
      for (const l of lines) {
        const r = f.sh(l);
        assert.equal(r.status, 0, `${l}: ${r.stderr}`);
      }
    },
  };
  return f;
}

/** A namespace with the oracle's setup: v0/v1 veth pair, v1 on bridge br0, addresses on v0 and br0. */
export function lab(): Fixture {
  const f = fixture();
  // Fixed MACs, given before the links come up, so that the EUI-64 addresses are known.
  f.ok(
    'ip link add v0 address f6:31:ed:75:d8:c5 type veth peer name v1 address 22:3e:61:f4:ec:97',
    'ip link add br0 address 22:3e:61:f4:ec:97 type bridge',
    'ip link set v0 up',
    'ip link set v1 up',
    'ip link set v1 master br0',
    'ip link set br0 up',
    'ip addr add 10.0.0.1/24 dev v0',
    'ip addr add 10.1.0.1/16 brd + dev br0',
  );
  return f;
}

export function expectErr(f: Fixture, line: string, stderr: string, status: number): void {
  const r = f.sh(line);
  assert.equal(r.stderr, stderr, line);
  assert.equal(r.status, status, line);
  assert.equal(r.stdout, '', line);
}
