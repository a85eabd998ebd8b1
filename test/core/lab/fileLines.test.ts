/** A lookup's file lines (/etc/hosts:4, /etc/coredns/Corefile:2) as the lab lines that wrote them (src/core/lab/fileLines.ts). */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { buildWorld, instantiateLab, loadLab } from '../../../src/core/index';
import { labLineOf, legsInLab, lookupInLab, traceInLab } from '../../../src/core/lab/fileLines';
import { traceName } from '../../../src/core/dns/traceName';
import type { Lookup } from '../../../src/core/dns/lookup';

const text = instantiateLab(new Map([['lab.yaml', readFileSync('labs/03-dns/lab.yaml', 'utf8')]]), '').files.get('lab.yaml')!;
const lab = loadLab(text, { file: 'labs/03-dns/lab.yaml' }).lab!;
const world = buildWorld(lab).world;
const lineOf = (needle: string, from = 0) => text.split('\n').findIndex((l, i) => i >= from && l.includes(needle)) + 1;
const at = (file: string, line: number) => ({ file, line, column: 1, endLine: line, endColumn: 10 });

describe('lab: file lines as lab lines', () => {
  it("a host's inline file: its line in lab.yaml, at the text's column", () => {
    const l = labLineOf(lab, 'client', at('/etc/hosts', 4))!;
    assert.equal(l.file, 'labs/03-dns/lab.yaml');
    assert.equal(l.line, lineOf('192.168.2.21    web web.corp.example'));
    assert.equal(l.column, 9);
    assert.equal(labLineOf(lab, 'client', at('/etc/coredns/Corefile', 1)), undefined, 'client has no Corefile');
    assert.equal(labLineOf(lab, 'client', at('lab.yaml', 4)), undefined, 'already a lab line');
  });

  it("a lookup's steps: the client's files for its own steps, the server's (data.host, or the query's address) for what a server did", () => {
    const lookup: Lookup = {
      request: { from: { host: 'client', netns: '' }, name: 'web', tool: 'getaddrinfo' },
      status: 'success',
      answers: [{ name: 'web.corp.example.', type: 'A', ttl: 3600, data: '192.168.2.20', source: at('/etc/coredns/db.corp.example', 12) }],
      answeredBy: 'dns',
      queries: [{ name: 'web.corp.example.', type: 'A', server: '192.168.2.53#53', rcode: 'NOERROR', legs: [] }],
      steps: [
        { kind: 'nsswitch', detail: { en: '', ko: '' }, source: at('/etc/nsswitch.conf', 1) },
        {
          kind: 'server',
          plugin: 'file',
          query: 0,
          detail: { en: '', ko: '' },
          source: at('/etc/coredns/Corefile', 2),
          data: { host: 'dns' },
        },
        { kind: 'server', query: 0, detail: { en: '', ko: '' }, source: at('/etc/coredns/Corefile', 1) },
      ],
      legs: [],
      elapsedMs: 0,
    };
    const moved = lookupInLab(lab, world, lookup);
    assert.equal(moved.steps[0]!.source!.line, lineOf('hosts: files dns'));
    const corefile = lineOf('/etc/coredns/Corefile: |');
    assert.equal(moved.steps[1]!.source!.line, corefile + 2);
    assert.equal(moved.steps[2]!.source!.line, corefile + 1, 'the host that owns 192.168.2.53');
    assert.equal(moved.answers[0]!.source!.line, lineOf('web     IN A    192.168.2.20'));
    assert.equal(moved.answers[0]!.source!.file, 'labs/03-dns/lab.yaml');
  });
});

describe('lab: file lines of a trace', () => {
  it("a lookup's legs: a server's Corefile line as the lab line, by each step's own host", () => {
    const res = traceName(world, { from: { host: 'client', netns: '' }, to: 'mail.corp.example', proto: 'icmp' }).result;
    const before = res.legs.flatMap((l) => l.steps).filter((s) => s.source?.file === '/etc/coredns/Corefile');
    assert.ok(before.length > 0, 'the server names its Corefile');
    const legs = legsInLab(lab, res.legs);
    const after = legs.flatMap((l) => l.steps).filter((s) => s.host === 'dns' && s.stage === 'deliver' && s.source);
    assert.ok(after.every((s) => s.source!.file === 'labs/03-dns/lab.yaml'));
    const block = before[0]!;
    const moved = legs.flatMap((l) => l.steps).find((s) => s.detail === block.detail)!;
    assert.equal(moved.source!.line, labLineOf(lab, 'dns', block.source!)!.line);
    assert.equal(legs.length, res.legs.length);
    // The whole trace: request and reply are still the objects at their places in legs.
    const moved2 = traceInLab(lab, res);
    assert.equal(moved2.legs[res.legs.indexOf(res.request)], moved2.request);
    assert.equal(moved2.legs[res.legs.indexOf(res.reply)], moved2.reply);
    assert.deepEqual(moved2.legs, legs);
  });
});
