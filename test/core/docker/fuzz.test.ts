/**
 * Bad input: docker lines made of random words and flags (seeded, so a failure repeats) never
 * throw, whatever state the daemon is in; each answers with a status, and the host stays whole
 * (every container that runs still has its namespace; no namespace is left without a container).
 */
import { strict as assert } from 'node:assert';
import { runLine } from '../../../src/core/commands/run';
import { daemonOf } from '../../../src/core/docker/index';
import { fixture } from '../../support/commands';

const WORDS = [
  'run',
  'ps',
  'rm',
  'stop',
  'start',
  'port',
  'exec',
  'inspect',
  'network',
  'create',
  'ls',
  'container',
  'images',
  '-d',
  '-it',
  '-dit',
  '--rm',
  '-a',
  '-f',
  '-q',
  '--name',
  '--name=',
  'web',
  'db',
  'x',
  '--network',
  '--net=host',
  'none',
  'host',
  'bridge',
  'mynet',
  '-p',
  '8080:80',
  '80',
  '127.0.0.1:8080:80',
  '1.2.3.4::80/udp',
  ':::',
  '8080-8081:80-81',
  '80/sctp',
  '-p8080:80',
  '--subnet',
  '172.18.0.0/16',
  '10.0.0.0/33',
  '--gateway',
  '10.9.9.9',
  '--driver',
  'overlay',
  'nginx',
  'redis',
  'busybox',
  'alpine:3.19',
  'sleep',
  '1d',
  'ip',
  'addr',
  'unknown/image',
  '-f',
  "'{{.Name}}'",
  '{{range .X}}',
  '{{end}}',
  '--',
  '-',
  '',
  '--foo',
  '-Z',
  '-h',
  'h1',
];

function rng(seed: number): () => number {
  return () => {
    seed = (seed * 1103515245 + 12345) >>> 0;
    return seed / 4294967296;
  };
}

describe('docker: bad input never throws', () => {
  it('3,000 random docker lines on one host: a status for each, the host consistent after', () => {
    const r = rng(12);
    const f = fixture();
    const ctx = { world: f.world, host: f.host, netns: f.host.netns.get('')! };
    for (let i = 0; i < 3000; i++) {
      const n = 1 + Math.floor(r() * 8);
      const words = Array.from({ length: n }, () => WORDS[Math.floor(r() * WORDS.length)]!);
      const line = `docker ${words.map((w) => (w === '' ? "''" : w.includes(' ') || w.includes('{') ? `'${w}'` : w)).join(' ')}`;
      const res = runLine(ctx, line);
      // Valid runs among them, so the random lines meet a daemon with containers and networks.
      if (i % 40 === 0) runLine(ctx, `docker network create n${i % 200}`);
      if (i % 25 === 0)
        runLine(
          ctx,
          `docker run -d --name c${i} --network ${['bridge', 'none', 'host', `n${i % 200}`][i % 4]} -p ${8000 + (i % 7)}:80 nginx`,
        );
      assert.equal(typeof res.status, 'number', line);
    }
    const d = daemonOf(f.host.netns.get('')!)!;
    assert.ok(d.containers.filter((c) => c.state === 'running').length >= 3, 'the fuzz ran containers');
    for (const c of d.containers) {
      const wired =
        c.state === 'running' && (c.network === 'bridge' || c.network === 'none' || c.network.length > 0) && c.network !== 'host';
      assert.equal(f.host.netns.has(c.name), wired, `${c.name} ${c.state} ${c.network}`);
    }
    for (const name of f.host.netns.keys())
      if (name)
        assert.ok(
          d.containers.some((c) => c.name === name),
          `namespace ${name} has its container`,
        );
  });
});
