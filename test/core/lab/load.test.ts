/** The lab loader (src/core/lab/load.ts and its readers): the whole format read with places, and its diagnostics. */
import { strict as assert } from 'node:assert';
import { loadLab } from '../../../src/core/lab/load';

const LAB = `name: gateway
title: { en: "Gateways", ko: "게이트웨이" }
switches: [lan1, lan2]
hosts:
  A:
    interfaces:
      eth0: lan1
      eth1: { switch: lan2, mac: "02:00:00:00:01:01" }
    run: |
      ip addr add 192.168.1.10/24 dev eth0

      ip route add 192.168.2.0/24 \\
        via 192.168.1.1
    files:
      /etc/hosts: |
        192.168.1.11 db
      /etc/coredns/Corefile: { from: Corefile }
    serve: [tcp/80, red:tcp/8080]
`;

describe('lab loader', () => {
  it('reads the whole format with places', () => {
    const r = loadLab(LAB, { file: 'lab.yaml', readFile: (p) => (p === 'Corefile' ? '.:53 {\n}\n' : undefined) });
    assert.deepEqual(r.diagnostics, []);
    const lab = r.lab!;
    assert.equal(lab.name, 'gateway');
    assert.deepEqual(lab.title, { en: 'Gateways', ko: '게이트웨이' });
    assert.deepEqual(
      lab.switches.map((s) => s.name),
      ['lan1', 'lan2'],
    );
    const a = lab.hosts[0]!;
    assert.equal(a.name, 'A');
    assert.deepEqual(
      a.interfaces.map((i) => [i.name, i.switch, i.mac]),
      [
        ['eth0', 'lan1', undefined],
        ['eth1', 'lan2', '02:00:00:00:01:01'],
      ],
    );
    assert.equal(a.run.length, 2);
    assert.equal(a.run[0]!.text, 'ip addr add 192.168.1.10/24 dev eth0');
    assert.equal(a.run[0]!.range.line, 10);
    assert.equal(a.run[0]!.range.column, 7);
    assert.equal(a.run[1]!.text, 'ip route add 192.168.2.0/24  via 192.168.1.1');
    assert.equal(a.run[1]!.range.line, 12);
    assert.equal(a.run[1]!.range.endLine, 13);
    assert.deepEqual(
      a.files.map((f) => f.path),
      ['/etc/hosts', '/etc/coredns/Corefile'],
    );
    assert.equal(a.files[1]!.content, '.:53 {\n}\n');
    assert.deepEqual(
      a.serve.map((s) => [s.netns, s.proto, s.port]),
      [
        ['', 'tcp', 80],
        ['red', 'tcp', 8080],
      ],
    );
  });

  const cases: [string, string, string, number, number][] = [
    ['YAML syntax', 'hosts: [a\n', 'yaml-syntax', 2, 0],
    ['not a mapping', '- a\n- b\n', 'lab-not-mapping', 1, 1],
    ['no hosts', 'name: x\n', 'missing-key', 1, 1],
    ['unknown switch with did-you-mean', 'switches: [lan1]\nhosts:\n  a:\n    interfaces:\n      eth0: lan2\n', 'unknown-switch', 5, 13],
    ['bad host name', 'hosts:\n  a_b: {}\n', 'bad-name', 2, 3],
    ['bad mac', 'switches: [s]\nhosts:\n  a:\n    interfaces:\n      eth0: { switch: s, mac: "zz" }\n', 'bad-mac', 5, 31],
    ['bad serve', 'hosts:\n  a:\n    serve: [http/80]\n', 'bad-serve', 3, 13],
    ['unknown key', 'hosts:\n  a:\n    interface: {}\n', 'unknown-key', 3, 5],
    ['missing from file', 'hosts:\n  a:\n    files:\n      /x: { from: nope }\n', 'file-not-found', 4, 19],
    ['duplicate key', 'hosts:\n  a: {}\n  a: {}\n', 'duplicate-name', 3, 3],
  ];
  for (const [what, text, code, line, column] of cases) {
    it(`diagnoses: ${what}`, () => {
      const r = loadLab(text, { file: 'lab.yaml' });
      const d = r.diagnostics.find((x) => x.code === code);
      assert.ok(d, `expected ${code}, got ${JSON.stringify(r.diagnostics.map((x) => [x.code, x.line, x.column]))}`);
      assert.equal(d.line, line);
      if (column) assert.equal(d.column, column);
      assert.ok(d.message.en && d.message.ko);
    });
  }

  it('serve: one socket as a string is a wrong type, as switches: is: a list even of one, and no socket is made', () => {
    const r = loadLab('switches: [lan]\nhosts:\n  a:\n    interfaces: { eth0: lan }\n    serve: tcp/80\n', { file: 'lab.yaml' });
    const ds = r.diagnostics.filter((d) => d.severity === 'error');
    assert.deepEqual(
      ds.map((d) => [d.code, d.line, d.column, d.message.en]),
      [['wrong-type', 5, 12, 'hosts.a.serve must be a list, not the string "tcp/80".']],
    );
    assert.ok(ds[0]!.message.ko.includes('리스트'), ds[0]!.message.ko);
    assert.equal(loadLab('hosts:\n  a:\n    serve: [tcp/80]\n', { file: 'lab.yaml' }).lab!.hosts[0]!.serve.length, 1);
  });

  it('serve: [coredns] and [red:coredns] are CoreDNS started with /etc/coredns/Corefile; a misspelt program is no socket', () => {
    const r = loadLab('switches: [lan]\nhosts:\n  a:\n    interfaces: { eth0: lan }\n    serve: [coredns, red:coredns]\n', {
      file: 'lab.yaml',
    });
    assert.deepEqual(
      r.diagnostics.filter((d) => d.severity === 'error'),
      [],
    );
    assert.deepEqual(
      r.lab!.hosts[0]!.serve.map((s) => [s.netns, s.program?.name, s.program?.conf]),
      [
        ['', 'coredns', '/etc/coredns/Corefile'],
        ['red', 'coredns', '/etc/coredns/Corefile'],
      ],
    );
    const bad = loadLab('hosts:\n  a:\n    serve: [corends]\n', { file: 'lab.yaml' });
    assert.deepEqual(
      bad.diagnostics.filter((d) => d.severity === 'error').map((d) => d.code),
      ['bad-serve'],
    );
  });

  it('docker:, nodes: and cluster:, sections not built yet: a warning at each key, in both languages; variant: none', () => {
    const text = 'name: t\nhosts: {}\ndocker:\n  web: {}\nnodes: [a]\n"cluster": {}\nvariant: { student: s, values: {} }\n';
    const r = loadLab(text, { file: 'lab.yaml' });
    assert.ok(r.lab);
    const ws = r.diagnostics.filter((d) => d.code === 'unsupported-section');
    assert.deepEqual(
      ws.map((d) => [d.severity, d.line, d.column, d.endColumn]),
      [
        ['warning', 3, 1, 7],
        ['warning', 5, 1, 6],
        ['warning', 6, 1, 10],
      ],
    );
    assert.equal(
      ws[0]!.message.en,
      '"docker:" (Docker containers) is a section knetlab does not build yet: it is not checked, and nothing of it exists in the simulator.',
    );
    assert.equal(
      ws[1]!.message.ko,
      '"nodes:"(쿠버네티스 노드)는 knetlab이 아직 지원하지 않는 섹션입니다. 검사하지 않으며, 그 내용은 시뮬레이터에 하나도 생기지 않습니다.',
    );
    assert.deepEqual(
      r.diagnostics.filter((d) => d.code !== 'unsupported-section').map((d) => d.code),
      [],
      'no other diagnostic: the schema knows these keys',
    );
  });

  it('host names: any DNS label (RFC 1123), as Linux and Kubernetes take them: controlplane, 63 characters, a leading digit', () => {
    const long = 'n'.repeat(62) + '1';
    const ok = loadLab(`name: k\nswitches: [lan]\nhosts:\n  controlplane: { interfaces: { eth0: lan } }\n  ${long}: {}\n  01-node: {}\n`, {
      file: 'lab.yaml',
    });
    assert.deepEqual(ok.diagnostics, []);
    assert.deepEqual(
      ok.lab!.hosts.map((h) => h.name),
      ['controlplane', long, '01-node'],
    );
    for (const bad of ['n'.repeat(64), 'node-', '-node', 'node_1', 'nöde']) {
      const r = loadLab(`name: k\nhosts:\n  ${bad}: {}\n`, { file: 'lab.yaml' });
      assert.deepEqual(
        r.diagnostics.map((d) => [d.code, d.line]),
        [['bad-name', 3]],
        bad,
      );
    }
  });

  it('suggests the closest key', () => {
    const r = loadLab('hosts:\n  a:\n    interface: {}\n', { file: 'lab.yaml' });
    assert.match(r.diagnostics.find((d) => d.code === 'unknown-key')!.message.en, /did you mean "interfaces"/);
  });
});
