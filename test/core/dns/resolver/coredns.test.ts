/** The resolver against the CoreDNS engine (dns/server), both walking the simulated network. */
import { strict as assert } from 'node:assert';
import { resolveName } from '../../../../src/core/dns/resolver/index';
import { writeFile } from '../../../../src/core/sim/kernel';
import { gatewayWorld } from '../../../support/world';
import { serveDns } from '../../../support/dns';
import { serverOf } from '../../../support/coredns';

describe('resolveName against CoreDNS', () => {
  const world = () => {
    const w = gatewayWorld(true);
    // b: the zone's server; r: a forwarder whose first upstream (192.168.2.99) does not exist.
    serveDns(w.ns('b'), serverOf('example.com {\n  hosts {\n    10.0.0.5 web.example.com\n  }\n}\n'));
    serveDns(w.ns('r'), serverOf('. {\n  forward . 192.168.2.99 192.168.2.10 {\n    policy sequential\n  }\n}\n'));
    return w;
  };

  it('answers from the hosts plugin, with the plugin decisions as server steps', () => {
    const w = world();
    writeFile(w.world.hosts.get('a')!, '/etc/resolv.conf', 'nameserver 192.168.2.10\n');
    const l = resolveName(w.world, { from: { host: 'a', netns: '' }, name: 'web.example.com', tool: 'getent-ahosts' });
    assert.equal(l.status, 'success', JSON.stringify(l.steps.map((s) => s.detail.en)));
    assert.deepEqual(
      l.answers.map((a) => a.data),
      ['10.0.0.5'],
    );
    assert.ok(l.steps.some((s) => s.kind === 'server' && s.plugin === 'hosts'));
  });

  it('through a forwarder whose first upstream never answers: the forwarder waits, and so does the client', () => {
    const w = world();
    writeFile(w.world.hosts.get('a')!, '/etc/resolv.conf', 'nameserver 192.168.1.1\noptions single-request\n');
    const l = resolveName(w.world, { from: { host: 'a', netns: '' }, name: 'web.example.com', tool: 'getaddrinfo' });
    assert.equal(l.status, 'success', JSON.stringify(l.steps.map((s) => s.detail.en)));
    // forward's read timeout (2 s) for the dead upstream, once for A and once for AAAA (single-request: one after the other).
    assert.equal(l.elapsedMs, 4000);
    const hosts = new Set(l.steps.filter((s) => s.kind === 'server').map((s) => s.data?.['host']));
    assert.deepEqual([...hosts].sort(), ['b', 'r']);
    // The forwarder's upstream queries are legs under the client's query.
    assert.ok(l.legs.some((g) => g.parent !== undefined && g.kind === 'query'));
  });
});
