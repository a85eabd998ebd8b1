/**
 * The bundled labs' hints attached to a cause: a typical mistake, made on the reference solution,
 * shows the hint that speaks of it (in English and in Korean without fallback particles), and
 * every cause hint of every lab names a cause the loader knows.
 */
import { strict as assert } from 'node:assert';
import { readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { gradeFiles } from '../../src/core/grade/folder';
import { loadLab } from '../../src/core/lab/load';
import { readTree } from '../../src/cli/grade';

/** The lab graded with its solution, one solution line replaced; each failing exercise's hints (en) and causes. */
function mistake(dir: string, from: string, to: string) {
  const files = readTree(join('labs', dir));
  const sol = files.get('solution/lab.yaml')!;
  assert.ok(sol.includes(from), `${dir}/solution/lab.yaml has ${from}`);
  files.set('solution/lab.yaml', sol.replace(from, to));
  const g = gradeFiles(files, { displayPath: (p) => p, solution: true, attempts: 1 });
  return new Map(g.exercises.filter((e) => !e.passed).map((e) => [e.id, e]));
}

const FALLBACK = /[이가을를은는과와]\([이가을를은는과와]\)|\(으\)로/;

describe('bundled labs: hints per cause', () => {
  it("lab 02: r not forwarding gives the forwarding hint, not the one on a's route", () => {
    const failed = mistake('02-gateway', 'net.ipv4.ip_forward=1', 'net.ipv4.ip_forward=0');
    const e = failed.get('a-reaches-c')!;
    assert.deepEqual(
      e.causes?.map((c) => `${c.cause}@${c.host}`),
      ['forwarding-off@r'],
    );
    assert.equal(e.hints.length, 1);
    assert.match(e.hints[0]!.en, /net\.ipv4\.ip_forward/);
    assert.doesNotMatch(e.hints[0]!.en, /a's route/);
    assert.doesNotMatch(e.hints[0]!.ko, FALLBACK);
  });

  it('lab 02: c without its default route gives the hint of the way back', () => {
    const failed = mistake('02-gateway', '      ip route add default via 192.168.4.1\n', '');
    for (const id of ['a-reaches-c', 'b-reaches-c']) {
      assert.deepEqual(
        failed.get(id)!.causes?.map((c) => `${c.cause}@${c.host}`),
        ['no-route-back@c'],
      );
      assert.match(failed.get(id)!.hints[0]!.en, /no route back/);
    }
  });

  it('lab 02: a wrong gateway on a gives the gateway hint', () => {
    const failed = mistake('02-gateway', 'ip route add 192.168.4.0/24 via 192.168.1.1', 'ip route add 192.168.4.0/24 via 192.168.1.5');
    assert.match(failed.get('a-reaches-c')!.hints[0]!.en, /ARP for the gateway/);
  });

  it("lab 01: e's address as a /32 gives the hint of the missing length", () => {
    const failed = mistake('01-switching-routing', '192.168.2.12/24', '192.168.2.12/32');
    assert.match(failed.get('e-on-lan2')!.hints[0]!.en, /\/32/);
  });

  it("lab 05: green's lo down gives the lo hint; the bridge end down gives the veth hint", () => {
    assert.match(
      mistake('05-network-namespaces', '      ip -n green link set lo up\n', '').get('namespace-service')!.hints[0]!.en,
      /lo is down/,
    );
    const down = mistake('05-network-namespaces', '      ip link set veth-green-br up\n', '');
    assert.ok(down.get('namespace-service')!.hints.some((h) => /both ends are up/.test(h.en)));
  });

  it("lab 06: cache mapped to a port redis does not listen on gives the hint that names redis's port", () => {
    const e = mistake('06-docker-networking', '-p {{ cache_port }}:6379 redis', '-p {{ cache_port }}:80 redis').get('publish-port')!;
    assert.deepEqual(
      e.causes?.map((c) => `${c.cause}@${c.host}${c.netns ? `/${c.netns}` : ''}`),
      ['not-listening@host1/cache'],
    );
    assert.match(e.hints[0]!.en, /redis listens on 6379/);
    assert.doesNotMatch(e.hints[0]!.ko, FALLBACK);
  });

  it('lab 06: blog mapped but still in host mode gives the hint that a host-mode container cannot be mapped', () => {
    const e = mistake(
      '06-docker-networking',
      '--name blog -p {{ blog_port }}:80 httpd',
      '--name blog --network host -p {{ blog_port }}:80 httpd',
    ).get('host-conflict')!;
    assert.deepEqual(
      e.causes?.map((c) => `${c.cause}@${c.host}`),
      ['not-listening@host1'],
    );
    assert.match(e.hints[0]!.en, /A host-mode container cannot be mapped at all/);
  });

  it('every cause hint of a bundled lab loads, in both languages', () => {
    const dirs = readdirSync('labs').filter((d) => existsSync(join('labs', d, 'lab.yaml')));
    let n = 0;
    for (const d of dirs) {
      const files = readTree(join('labs', d));
      const r = loadLab(files.get('lab.yaml')!, { file: 'lab.yaml', readFile: (p) => files.get(p) });
      assert.deepEqual(
        r.diagnostics.filter((x) => x.code === 'unknown-cause'),
        [],
      );
      for (const e of r.lab!.exercises)
        for (const h of e.causeHints ?? []) {
          n++;
          assert.notEqual(h.text.en, h.text.ko, `${d} ${e.id} ${h.when} has a Korean text`);
          assert.doesNotMatch(h.text.ko, FALLBACK);
        }
    }
    assert.ok(n >= 10, `${n} cause hints`);
  });
});
