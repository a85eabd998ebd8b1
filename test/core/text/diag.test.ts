/**
 * Every diagnostic code of the union in src/core/text/diag.ts is produced: each has an input here,
 * run through the real loader, checker, grader, parsers and linters, and the code must come out of
 * it. A code no input can produce is dead; a new code needs its input here (the table must name
 * exactly the union's codes).
 */
import { parseRoster } from '../../../src/core/grade/roster';
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import {
  applySolution,
  checkCniConfig,
  checkLab,
  findCheckKind,
  gradeFiles,
  loadCourse,
  OUTSIDE_LAB,
  readKey,
  splitLab,
  parseAnswers,
  parseCorefile,
  parseZone,
  parseHosts,
  parseNsswitch,
  parseResolvConf,
} from '../../../src/core';
import type { DiagnosticCode } from '../../../src/core/text/diag';
import { tracePacket } from '../../../src/core/datapath/walk';
import { labWorld } from '../../support/world';

interface Coded {
  readonly code: string;
}

const HEAD = 'name: t\nswitches: [lan]\n';
/** A lab of one host `a` on `lan` with `more` under it (indented for a host's keys) and `rest` after. */
const hostA = (more: string, rest = '') => `${HEAD}hosts:\n  a:\n    interfaces: { eth0: lan }\n${more}${rest}`;
const runA = (...lines: string[]) => hostA(`    run: |\n${lines.map((l) => `      ${l}\n`).join('')}`);
const check = (text: string): Coded[] => checkLab(text, { file: 'lab.yaml', readFile: () => undefined });
const exerciseText = (c: string) => runA('ip addr add 10.0.0.1/24 dev eth0') + `exercises:\n  - id: e\n    checks:\n      - ${c}\n`;
const exercise = (c: string) => check(exerciseText(c));
const graded = (c: string) => gradeFiles(new Map([['lab.yaml', exerciseText(c)]]), { displayPath: (p) => p }).diagnostics;
const variables = (vars: string, run: string) => check(`variables:\n${vars}\n` + runA(run));
/** A zone file for example.org with its SOA, then `rest`. */
const zone = (rest: string) =>
  parseZone(`$TTL 3600\n@ IN SOA ns1 hostmaster 1 7200 3600 1209600 300\n${rest}`, { file: 'db.example.org', origin: 'example.org' })
    .diagnostics;
const cni = (text: string) => checkCniConfig(text, 'net.conflist').diagnostics;
const cniPlugins = (plugins: string) => cni(`{ "cniVersion": "1.0.0", "name": "n", "plugins": [${plugins}] }`);
const two = (runB: string, runA2: string, ifB = '{ eth0: lan }') =>
  check(`${HEAD}hosts:\n  a:\n    interfaces: { eth0: lan }\n    run: ${runA2}\n  b:\n    interfaces: ${ifB}\n    run: ${runB}\n`);
const router = `${HEAD.replace('[lan]', '[lan1, lan2]')}hosts:
  a:
    interfaces: { eth0: lan1 }
    run: |
      ip addr add 192.168.1.10/24 dev eth0
      ip route add 192.168.2.0/24 via 192.168.1.1
  r:
    interfaces: { eth0: lan1, eth1: lan2 }
    run: |
      ip addr add 192.168.1.1/24 dev eth0
      ip addr add 192.168.2.1/24 dev eth1
  b:
    interfaces: { eth0: lan2 }
    run: |
      ip addr add 192.168.2.10/24 dev eth0
      ip route add 192.168.1.0/24 via 192.168.2.1
`;

/** A check kind that throws while validating: the grader's guard must turn it into a diagnostic. */
function withThrowingReach<T>(f: () => T): T {
  const kind = findCheckKind('reach') as { validate: (...a: unknown[]) => unknown } | undefined;
  assert.ok(kind);
  const real = kind.validate;
  kind.validate = () => {
    throw new Error('boom');
  };
  try {
    return f();
  } finally {
    kind.validate = real;
  }
}

const INPUTS: Record<DiagnosticCode, () => readonly Coded[]> = {
  'file-not-found': () => check(hostA('    files: { /etc/motd: { from: missing.txt } }\n')),
  'file-outside-lab': () => checkLab(hostA('    files: { /etc/motd: { from: h } }\n'), { file: 'lab.yaml', readFile: () => OUTSIDE_LAB }),
  'yaml-syntax': () => check('name: [unclosed\n'),
  'lab-not-mapping': () => check('- a\n- b\n'),
  'missing-key': () => check('switches: [lan]\nhosts: {}\n'),
  'unknown-key': () => check(hostA('', 'colour: red\n')),
  'unsupported-section': () => check('name: t\nswitches: [lan]\nhosts: {}\ndocker: {}\n'),
  'wrong-type': () => check('name: t\nswitches: lan\nhosts: {}\n'),
  'bad-name': () => check(`${HEAD}hosts:\n  Bad_Name: {}\n`),
  'duplicate-name': () => check('name: t\nswitches: [lan, lan]\nhosts: {}\n'),
  'unknown-switch': () => check(`${HEAD}hosts:\n  a:\n    interfaces: { eth0: lan9 }\n`),
  'bad-mac': () => check(`${HEAD}hosts:\n  a:\n    interfaces: { eth0: { switch: lan, mac: zz } }\n`),
  'bad-serve': () => check(hostA('    serve: [tcp/99999]\n')),
  'unknown-netns': () => check(hostA('    serve: [red:tcp/80]\n')),
  'bad-file': () => check(hostA('    files: { etc/motd: hello }\n')),
  'shell-syntax': () => check(runA("echo 'unterminated")),
  'command-failed': () => check(runA('ip route add 10.9.0.0/24 via 10.1.0.1')),
  'command-not-simulated': () => check(runA('ifconfig eth0 up')),
  'trace-not-simulated': () => {
    // a DNAT that changes a bridged packet's destination: br_netfilter routes it again, the simulator does not
    const lines = [
      'ip link add br0 type bridge',
      'ip link set br0 up',
      'ip netns add c1',
      'ip link add v1 type veth peer name eth0 netns c1',
      'ip link set v1 master br0 up',
      'ip netns add c2',
      'ip link add v2 type veth peer name eth0 netns c2',
      'ip link set v2 master br0 up',
      'ip -n c2 link set eth0 up',
      'ip -n c2 addr add 10.9.0.3/24 dev eth0',
      'ip -n c1 addr add 10.9.0.2/24 dev eth0',
      'ip -n c1 link set eth0 up',
      'iptables -t nat -A PREROUTING -d 10.9.0.3/32 -j DNAT --to-destination 10.9.0.4',
    ];
    const world = labWorld(`name: t\nhosts:\n  h:\n    run: |\n${lines.map((l) => `      ${l}\n`).join('')}`);
    return tracePacket(world, { from: { host: 'h', netns: 'c1' }, to: '10.9.0.3', proto: 'icmp' }).warnings ?? [];
  },
  'variant-mismatch': () =>
    gradeFiles(new Map([['lab.yaml', hostA('', 'variant: { student: "alice" }\n')]]), { displayPath: (p) => p, student: 'bob' })
      .diagnostics,
  'handout-altered': () => {
    const split = splitLab(new Map([['lab.yaml', exerciseText('reach: { from: a, to: 10.0.0.1 }')]]), { displayPath: (p) => p });
    const key = readKey(split.key.get('key.yaml')!, 'key.yaml').key!;
    const edited = new Map([['lab.yaml', split.handout.get('lab.yaml')!.replace('id: e', 'id: e\n    points: 100')]]);
    return gradeFiles(edited, { displayPath: (p) => p, key }).diagnostics;
  },
  'graded-by-key': () => gradeFiles(new Map([['lab.yaml', 'name: t\nhandout: true\nhosts: {}\n']]), { displayPath: (p) => p }).diagnostics,
  'bad-key': () => readKey('name: t\n', 'key.yaml').diagnostics,
  'variant-tampered': () =>
    gradeFiles(new Map([['lab.yaml', hostA('', 'variant: { student: "alice", values: {}, seal: "lab:00" }\n')]]), { displayPath: (p) => p })
      .diagnostics,
  'bad-roster': () => parseRoster('id,email\ns1,a@b\n', 'roster.csv').diagnostics,
  'unknown-check-kind': () => exercise('teleport: { from: a, to: 10.0.0.1 }'),
  'unknown-cause': () =>
    check(
      runA('ip addr add 10.0.0.1/24 dev eth0') + 'exercises:\n  - id: e\n    hints: [{ when: forward-off, text: x }]\n    checks: []\n',
    ),
  'unknown-host': () => exercise('reach: { from: zz, to: 10.0.0.1 }'),
  'bad-address': () => exercise('reach: { from: a, to: 10.0.0.300 }'),
  // the checker leaves these two to the schema's finding at the same place; the grader gives both
  'bad-port': () => graded('reach: { from: a, to: 10.0.0.1, proto: tcp, port: 70000 }'),
  'bad-regex': () => exercise('output: { on: a, run: "ip a", match: "(" }'),
  'bad-rule': () => exercise('rule: { on: a, chain: INPUT, match: "-j DNAT --to-destination 10.0.0.2" }'),
  'quiz-no-answer': () => graded('quiz: { ask: Why? }'),
  'answers-malformed': () => parseAnswers('q: [unclosed\n', 'answers.yaml').diagnostics,
  'check-internal-error': () => withThrowingReach(() => exercise('reach: { from: a, to: 10.0.0.1 }')),
  'bad-variable': () => variables('  v: { int: [1.5, 3] }', 'true'),
  'variable-conflict': () =>
    variables(
      '  n1: { subnet: 192.168.0.0/24, prefix: 25 }\n  n2: { subnet: 192.168.0.0/24, prefix: 25 }\n  n3: { subnet: 192.168.0.0/24, prefix: 26 }',
      'true',
    ),
  'unknown-variable': () => variables('  net1: { subnet: 10.0.0.0/8, prefix: 24 }', 'ip addr add {{ nett.1 }}/24 dev eth0'),
  'bad-placeholder': () => variables('  net1: { subnet: 10.0.0.0/8, prefix: 24 }', 'ip addr add {{ net1.256 }}/24 dev eth0'),
  'bad-solution': () =>
    applySolution(
      new Map([
        ['lab.yaml', runA('true')],
        ['solution/lab.yaml', '- a\n- b\n'],
      ]),
    ).diagnostics,
  'bad-course': () => loadCourse('- a\n', 'course.yaml').diagnostics,
  'duplicate-address': () => two('ip addr add 10.0.0.1/24 dev eth0', 'ip addr add 10.0.0.1/24 dev eth0'),
  'duplicate-mac': () =>
    check(
      `${HEAD}hosts:\n  a:\n    interfaces: { eth0: { switch: lan, mac: "02:00:00:00:00:01" } }\n  b:\n    interfaces: { eth0: { switch: lan, mac: "02:00:00:00:00:01" } }\n`,
    ),
  'duplicate-hostname': () => two('hostname web', 'hostname web'),
  'lonely-subnet': () => two('ip addr add 10.1.0.2/24 dev eth0', 'ip addr add 10.0.0.1/24 dev eth0'),
  'gateway-not-owned': () => check(runA('ip addr add 10.0.0.1/24 dev eth0', 'ip route add default via 10.0.0.254')),
  'forwarding-off': () => check(router),
  'shadowed-rule': () => check(runA('iptables -A INPUT -p tcp -j ACCEPT', 'iptables -A INPUT -p tcp --dport 22 -j DROP')),
  schema: () => exercise('reach: { from: a, to: 10.0.0.1, proto: ftp }'),
  'zone-syntax': () => zone('www IN A 10.0.0.1 extra\n'),
  'zone-unknown-type': () => zone('www IN AA 10.0.0.1\n'),
  'zone-bad-rdata': () => zone('www IN A 10.0.0.256\n'),
  'zone-soa': () => parseZone('$TTL 60\nwww IN A 10.0.0.1\n', { file: 'db.example.org', origin: 'example.org' }).diagnostics,
  'zone-not-simulated': () => zone('$INCLUDE db.more\n'),
  'zone-out-of-zone': () => zone('www.example.net. IN A 10.0.0.1\n'),
  'zone-cname-conflict': () => zone('www IN CNAME web\nwww IN A 10.0.0.1\n'),
  'zone-target-cname': () => zone('@ IN MX 10 mail\nmail IN CNAME web\nweb IN A 10.0.0.1\n'),
  'corefile-syntax': () => parseCorefile('}\n', 'Corefile').diagnostics,
  'corefile-unknown-plugin': () => parseCorefile('.:53 {\n  forwrd . 8.8.8.8\n}\n', 'Corefile').diagnostics,
  'corefile-duplicate-plugin': () => parseCorefile('.:53 {\n  cache 30\n  cache 10\n}\n', 'Corefile').diagnostics,
  // Corefiles as CoreDNS checks them (dns/corefile/)
  'corefile-bad-key': () => parseCorefile('example..org {\n  whoami\n}\n', 'Corefile').diagnostics,
  'corefile-duplicate-key': () => parseCorefile('example.org {\n  whoami\n}\nexample.org:53 {\n  log\n}\n', 'Corefile').diagnostics,
  'corefile-plugin-args': () => parseCorefile('.:53 {\n  cache 0\n}\n', 'Corefile').diagnostics,
  'corefile-empty-block': () => parseCorefile('example.org {\n}\n', 'Corefile').diagnostics,
  // issue 13, part server: a lab host's Corefile (check/corefileFiles.ts)
  'corefile-missing-file': () =>
    check(hostA(`    files:\n      /etc/coredns/Corefile: |\n        example.org {\n          file /zones/db\n        }\n`)),
  'cni-syntax': () => cni('{ "cniVersion": "1.0.0", '),
  'cni-schema': () => cniPlugins('{ "type": "bridge", "isGateway": "yes" }'),
  'cni-version': () => cni('{ "name": "n", "plugins": [{ "type": "bridge" }] }'),
  'cni-name': () => cni('{ "cniVersion": "1.0.0", "plugins": [{ "type": "bridge" }] }'),
  'cni-plugins': () => cni('{ "cniVersion": "1.0.0", "name": "n" }'),
  'cni-unknown-plugin': () => cniPlugins('{ "type": "bridgee" }'),
  'cni-plugin-order': () => cniPlugins('{ "type": "portmap", "capabilities": { "portMappings": true } }, { "type": "bridge" }'),
  'cni-duplicate-plugin': () => cniPlugins('{ "type": "bridge" }, { "type": "portmap" }, { "type": "portmap" }'),
  'cni-ipam': () => cniPlugins('{ "type": "bridge", "ipam": { "subnet": "10.0.0.0/24" } }'),
  'cni-ifname': () => cniPlugins('{ "type": "bridge", "bridge": "cni-bridge-of-lab1" }'),
  'cni-mtu': () => cniPlugins('{ "type": "bridge", "mtu": 40 }'),
  // issue 13, the resolver's files (dns/files/)
  'hosts-bad-address': () => parseHosts('10.0.0.256 web\n').diagnostics,
  'hosts-no-name': () => parseHosts('10.0.0.1\n').diagnostics,
  'resolv-unknown-keyword': () => parseResolvConf('  nameserver 10.0.0.53\n').diagnostics,
  'resolv-bad-nameserver': () => parseResolvConf('nameserver dns.example\n').diagnostics,
  'resolv-too-many-nameservers': () =>
    parseResolvConf('nameserver 10.0.0.1\nnameserver 10.0.0.2\nnameserver 10.0.0.3\nnameserver 10.0.0.4\n').diagnostics,
  'resolv-domain-overridden': () => parseResolvConf('domain a.example\nsearch b.example\n').diagnostics,
  'resolv-inline-comment': () => parseResolvConf('search a.example # lab\n').diagnostics,
  'resolv-unknown-option': () => parseResolvConf('options ndot:2\n').diagnostics,
  'resolv-bad-option-value': () => parseResolvConf('options ndots:two\n').diagnostics,
  'resolv-option-capped': () => parseResolvConf('options timeout:60\n').diagnostics,
  'resolv-carriage-return': () => parseResolvConf('nameserver 10.0.0.53\r\n').diagnostics,
  'nsswitch-unknown-database': () => parseNsswitch('host: files dns\n').diagnostics,
  'nsswitch-bad-action': () => parseNsswitch('hosts: files [NOTFOUND=retrun] dns\n').diagnostics,
  'nsswitch-unknown-source': () => parseNsswitch('hosts: file dns\n').diagnostics,
  'nsswitch-inline-comment': () => parseNsswitch('hosts: files dns # then mdns\n').diagnostics,
  'nsswitch-no-source': () => parseNsswitch('hosts:\n').diagnostics,
  'nsswitch-duplicate-database': () => parseNsswitch('hosts: dns\nhosts: files\n').diagnostics,
};

describe('diagnostic codes', () => {
  const diagText = readFileSync('src/core/text/diag.ts', 'utf8');
  const start = diagText.indexOf('export type DiagnosticCode');
  const codes = [...diagText.slice(start, diagText.indexOf(';', start)).matchAll(/'([a-z-]+)'/g)].map((m) => m[1]!);

  it('are stable kebab-case strings, each declared once', () => {
    assert.ok(codes.length > 20);
    assert.equal(new Set(codes).size, codes.length);
  });

  it('each has an input here, and nothing else does', () => {
    assert.deepEqual(Object.keys(INPUTS).sort(), [...codes].sort());
  });

  for (const code of codes) {
    it(`"${code}" is produced by its input`, () => {
      const got = INPUTS[code as DiagnosticCode]().map((d) => d.code);
      assert.ok(got.includes(code), `its input gave ${JSON.stringify(got)}`);
    });
  }
});
