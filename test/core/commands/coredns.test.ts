/** The coredns command: its flags and output as CoreDNS 1.11 prints them, its sockets, and lookups through it end to end. */
import { strict as assert } from 'node:assert';
import { resolveName } from '../../../src/core/dns/resolver/index';
import { checkLab } from '../../../src/core/check/check';
import { buildWorld, loadLab } from '../../../src/core/index';
import { lookupInLab, traceInLab } from '../../../src/core/lab/fileLines';
import { traceName } from '../../../src/core/dns/traceName';
import { labWorld } from '../../support/world';

const COREFILE = `example.org {
  hosts {
    10.0.0.80 web.example.org
  }
}
.:53 {
  log
  forward . 10.0.0.99
}`;

/** A lab: dns (10.0.0.53) runs `coredns` with `run`, the client a asks it. */
function lab(run: string, corefile = COREFILE, serve = ''): string {
  return `name: t
switches: [lan]
hosts:
  dns:
    interfaces: { eth0: lan }
    run: |
      ip addr add 10.0.0.53/24 dev eth0
${run
  .split('\n')
  .filter(Boolean)
  .map((l) => `      ${l}\n`)
  .join('')}${serve}    files:
      /etc/coredns/Corefile: |
${corefile
  .split('\n')
  .map((l) => `        ${l}`)
  .join('\n')}
  a:
    interfaces: { eth0: lan }
    run: ip addr add 10.0.0.10/24 dev eth0
    files:
      /etc/resolv.conf: "nameserver 10.0.0.53\\n"
`;
}

const runOf = (text: string) => labWorld(text);

describe('coredns command', () => {
  it('-version and -plugins print as CoreDNS 1.11.1 does', () => {
    const w = runOf(lab('coredns -version > /tmp/v\ncoredns -plugins > /tmp/p'));
    const dns = w.hosts.get('dns')!;
    assert.equal(dns.files.get('/tmp/v'), 'CoreDNS-1.11.1\nlinux/amd64, go1.20.7, ae2bbc2\n');
    const p = dns.files.get('/tmp/p')!;
    assert.ok(p.startsWith('Server types:\n  dns\n\nCaddyfile loaders:\n  flag\n  default\n\nOther plugins:\n  dns.acl\n  dns.any\n'), p);
    assert.ok(p.endsWith('  dns.whoami\n  on\n\n'), p);
  });

  it('starts: prints each server and its zones, binds UDP and TCP on 53 owned by the server', () => {
    const w = runOf(lab('coredns -conf /etc/coredns/Corefile > /tmp/out'));
    const dns = w.hosts.get('dns')!;
    assert.equal(dns.files.get('/tmp/out'), '.:53\nexample.org.:53\nCoreDNS-1.11.1\nlinux/amd64, go1.20.7, ae2bbc2\n');
    assert.deepEqual(
      dns.sockets.map((s) => `${s.proto}/${s.port} ${s.owner?.name}`),
      ['udp/53 coredns', 'tcp/53 coredns'],
    );
  });

  it('a lookup through it: hosts answers in its block, the trace carries the server block and the plugin', () => {
    const w = runOf(lab('coredns -conf /etc/coredns/Corefile'));
    const l = resolveName(w, { from: { host: 'a', netns: '' }, name: 'web.example.org', tool: 'getaddrinfo' });
    assert.equal(l.status, 'success');
    assert.deepEqual(
      l.answers.map((x) => `${x.name} ${x.type} ${x.data}`),
      ['web.example.org. A 10.0.0.80'],
    );
    const notes = JSON.stringify(l.legs);
    assert.ok(notes.includes('Server block \\"example.org\\" takes the query'), notes.slice(0, 2000));
  });

  it('a bad Corefile: CoreDNS start-up error, exit 1, a diagnostic at the run line', () => {
    const text = lab('coredns -conf /etc/coredns/Corefile', '.:53 {\n  forwad . 8.8.8.8\n}');
    const d = checkLab(text, { file: 'lab.yaml', readFile: () => undefined }).filter((x) => x.code === 'command-failed');
    assert.equal(d.length, 1);
    assert.equal(d[0]!.line, 8);
    assert.equal(
      d[0]!.message.en,
      "dns: this command fails (exit status 1): /etc/coredns/Corefile:2 - Error during parsing: Unknown directive 'forwad'",
    );
  });

  it('flags as Go reads them: -conf=FILE, a missing file, an unknown flag, extra arguments, a port taken', () => {
    const out = (run: string) => {
      const w = runOf(lab(`${run} > /tmp/o 2> /tmp/e || true`));
      const h = w.hosts.get('dns')!;
      return [h.files.get('/tmp/o') ?? '', h.files.get('/tmp/e') ?? ''];
    };
    assert.equal(out('coredns -conf=/etc/coredns/Corefile -quiet')[0], '');
    assert.equal(out('coredns -conf /none')[1], 'open /none: no such file or directory\n');
    assert.match(out('coredns -x')[1]!, /^flag provided but not defined: -x\nUsage of coredns:\n/);
    assert.equal(out('coredns -conf /etc/coredns/Corefile extra')[1], 'extra command line arguments: [extra]\n');
    const twice = runOf(lab('coredns -conf /etc/coredns/Corefile\ncoredns -conf /etc/coredns/Corefile 2> /tmp/e || true')).hosts.get(
      'dns',
    )!;
    assert.equal(twice.files.get('/tmp/e'), 'listen tcp :53: bind: address already in use\n');
  });

  it('-dns.port changes the port of keys that name none; without -conf, the default Corefile is whoami and log', () => {
    const w = runOf(lab('coredns -dns.port 1053 > /tmp/o'));
    const h = w.hosts.get('dns')!;
    assert.equal(h.files.get('/tmp/o'), '.:1053\nCoreDNS-1.11.1\nlinux/amd64, go1.20.7, ae2bbc2\n');
    assert.deepEqual(
      h.sockets.map((s) => `${s.proto}/${s.port}`),
      ['udp/1053', 'tcp/1053'],
    );
  });

  it('serve: [coredns] starts CoreDNS with /etc/coredns/Corefile', () => {
    const w = runOf(lab('', COREFILE, '    serve: [coredns]\n'));
    assert.deepEqual(
      w.hosts.get('dns')!.sockets.map((s) => `${s.proto}/${s.port} ${s.owner?.name}`),
      ['udp/53 coredns', 'tcp/53 coredns'],
    );
    const l = resolveName(w, { from: { host: 'a', netns: '' }, name: 'web.example.org', tool: 'getaddrinfo' });
    assert.equal(l.answers[0]?.data, '10.0.0.80');
  });

  it("loop: its start-up probe comes back through forward to the server's own address; CoreDNS prints [FATAL] and exits 1", () => {
    const cf = '.:53 {\n  loop\n  forward . 10.0.0.53\n}';
    const text = lab('coredns -conf /etc/coredns/Corefile > /tmp/o || true', cf);
    const dns = runOf(text).hosts.get('dns')!;
    assert.equal(
      dns.files.get('/tmp/o'),
      '.:53\nCoreDNS-1.11.1\nlinux/amd64, go1.20.7, ae2bbc2\n' +
        '[FATAL] plugin/loop: Loop (10.0.0.53:41054 -> :53) detected for zone ".", see https://coredns.io/plugins/loop#troubleshooting. Query: "HINFO 6734527898713853361.4219823471029384712."\n',
    );
    assert.deepEqual(dns.sockets, []);
    const d = checkLab(lab('coredns -conf /etc/coredns/Corefile', cf), { file: 'lab.yaml', readFile: () => undefined }).filter(
      (x) => x.code === 'command-failed',
    );
    assert.match(
      d[0]!.message.en,
      /^dns: this command fails \(exit status 1\): \[FATAL\] plugin\/loop: Loop \(10\.0\.0\.53:41054 -> :53\)/,
    );
    // forwarding to another server is no loop at start
    assert.equal(
      runOf(lab('coredns -conf /etc/coredns/Corefile', '.:53 {\n  loop\n  forward . 10.0.0.99\n}')).hosts.get('dns')!.sockets.length,
      2,
    );
  });

  it('forward to a server that is not there: CoreDNS 1.11 retries until its 5 s deadline, so dig times out first, three times', () => {
    const w = runOf(lab('coredns -conf /etc/coredns/Corefile'));
    const l = resolveName(w, { from: { host: 'a', netns: '' }, name: 'x.lab', tool: 'dig', type: 'A' });
    assert.equal(l.status, 'tryagain');
    assert.equal(l.rcode, undefined);
    assert.deepEqual(
      l.queries.map((q) => q.rcode),
      ['TIMEOUT', 'TIMEOUT', 'TIMEOUT'],
    );
    assert.ok(l.steps.some((s) => s.plugin === 'forward' && /^No upstream answered within forward's 5 s/.test(s.detail.en)));
  });

  it('in a named namespace: the Corefile from /etc/netns/NAME/ (ip netns exec mounts it over /etc), the sockets in that namespace', () => {
    const text = lab(
      'ip netns add red\nip netns exec red coredns -conf /etc/coredns/Corefile > /tmp/o',
      '.:53 {\n  whoami\n}',
      '    serve: []\n',
    ).replace('    files:\n', '    files:\n      /etc/netns/red/coredns/Corefile: |\n        .:5353 {\n          whoami\n        }\n');
    const dns = runOf(text).hosts.get('dns')!;
    assert.equal(dns.files.get('/tmp/o'), '.:5353\nCoreDNS-1.11.1\nlinux/amd64, go1.20.7, ae2bbc2\n');
    assert.deepEqual(
      dns.sockets.map((s) => `${s.netns} ${s.proto}/${s.port}`),
      ['red udp/5353', 'red tcp/5353'],
    );
  });

  it('a plugin only parsed: the lookup, and a trace to the name, warn at the lab line that wrote it (trace-not-simulated)', () => {
    const cf = 'example.org {\n  acl {\n    block\n  }\n  hosts {\n    10.0.0.80 web.example.org\n  }\n}';
    const text = lab('', cf, '    serve: [coredns]\n');
    const l = loadLab(text, { file: 'lab.yaml' }).lab!;
    const w = buildWorld(l).world;
    const found = resolveName(w, { from: { host: 'a', netns: '' }, name: 'web.example.org', tool: 'getaddrinfo' });
    assert.equal(found.answers[0]?.data, '10.0.0.80', 'acl is passed over');
    const acl = text.split('\n').findIndex((x) => x.trim() === 'acl {') + 1;
    const warn = (ws: readonly { file: string; line: number; code: string; message: { en: string } }[] | undefined) =>
      (ws ?? []).map((d) => `${d.file}:${d.line} ${d.code} ${d.message.en.slice(0, 40)}`);
    assert.deepEqual(warn(found.warnings), ['/etc/coredns/Corefile:2 trace-not-simulated The acl plugin is only parsed, not simul']);
    assert.deepEqual(warn(lookupInLab(l, w, found).warnings), [
      `lab.yaml:${acl} trace-not-simulated The acl plugin is only parsed, not simul`,
    ]);
    const t = traceInLab(l, traceName(w, { from: { host: 'a', netns: '' }, to: 'web.example.org', proto: 'icmp' }).result);
    assert.deepEqual(warn(t.warnings), [`lab.yaml:${acl} trace-not-simulated The acl plugin is only parsed, not simul`]);
    // a plugin that is simulated warns about nothing
    const plain = buildWorld(loadLab(lab('', COREFILE, '    serve: [coredns]\n'), { file: 'lab.yaml' }).lab!).world;
    assert.equal(resolveName(plain, { from: { host: 'a', netns: '' }, name: 'web.example.org', tool: 'getaddrinfo' }).warnings, undefined);
  });
});
