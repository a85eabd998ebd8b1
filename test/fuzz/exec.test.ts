/**
 * Fuzzing the simulated shell: random command lines made of `ip`/`sysctl` words, real names and
 * addresses, and shell junk. execCommand answers every one (a status and two strings, like a real
 * shell would) without throwing, and the world stays traceable afterwards.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { buildWorld, execCommand, loadLab, tracePacket } from '../../src/core/index';
import type { Endpoint, World } from '../../src/core/index';
import { bundledLabs, timed } from './helpers';

const NUM_RUNS = 120;

const TOKENS = [
  // tools and objects
  'ip',
  'ip',
  'ip',
  'sysctl',
  'echo',
  'hostname',
  'cat',
  'ping',
  'link',
  'addr',
  'address',
  'a',
  'route',
  'r',
  'neigh',
  'netns',
  'l',
  'ro',
  // verbs and keywords
  'add',
  'del',
  'delete',
  'set',
  'show',
  'list',
  'get',
  'replace',
  'flush',
  'exec',
  'change',
  'type',
  'veth',
  'bridge',
  'dummy',
  'vxlan',
  'peer',
  'name',
  'dev',
  'master',
  'nomaster',
  'netns',
  'up',
  'down',
  'address',
  'mtu',
  'via',
  'metric',
  'src',
  'scope',
  'link',
  'host',
  'global',
  'default',
  'proto',
  'table',
  'blackhole',
  'unreachable',
  'onlink',
  'lladdr',
  'nud',
  'permanent',
  '-n',
  '-br',
  '-4',
  '-6',
  '-j',
  '-d',
  '-s',
  '-w',
  '-a',
  '-c',
  '--',
  '-',
  '-netns',
  'net.ipv4.ip_forward=1',
  'net.ipv4.ip_forward=0',
  'net.ipv4.ip_forward',
  'net.ipv6.conf.all.forwarding=1',
  '/proc/sys/net/ipv4/ip_forward',
  '1',
  '0',
  // names
  'eth0',
  'eth1',
  'lo',
  'v-net-0',
  'veth-red',
  'veth-red-br',
  'br0',
  'red',
  'blue',
  'x',
  'a'.repeat(16),
  'eth0.10',
  // addresses and numbers
  '192.168.1.10/24',
  '192.168.1.1',
  '192.168.2.0/24',
  '192.168.15.5/24',
  '10.0.0.1/32',
  '0.0.0.0/0',
  '::1/128',
  'fe80::1/64',
  '300.1.1.1',
  '1.2.3',
  '192.168.1.10/33',
  '02:00:00:00:01:01',
  'ff:ff:ff:ff:ff:ff',
  'zz:zz',
  '65535',
  '-1',
  '1e9',
  '99999999999999999999',
  '1500',
  '68',
  '0x10',
  // shell junk
  '&&',
  '||',
  ';',
  '|',
  '>',
  '>>',
  '<',
  '2>&1',
  '&',
  '"',
  "'",
  '\\',
  '$(ip)',
  '`x`',
  '$X',
  '#',
  '*',
  '~',
  '(',
  ')',
  '{',
  '}',
  '\n',
  '\t',
  '',
];

const token = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom(...TOKENS) },
  { weight: 1, arbitrary: fc.string({ maxLength: 8 }) },
  { weight: 1, arbitrary: fc.tuple(fc.ipV4(), fc.constantFrom('', '/24', '/32', '/0')).map(([a, l]) => a + l) },
);
const glue = fc.constantFrom(' ', ' ', ' ', '  ', '', '\t');
const line = fc.array(fc.tuple(token, glue), { minLength: 0, maxLength: 10 }).map((ts) => ts.map(([t, g]) => t + g).join(''));

/** Lines that start like a real command, so that the parser goes deep. */
const PREFIXES = [
  'ip link add ',
  'ip link set ',
  'ip link del ',
  'ip addr add ',
  'ip addr del ',
  'ip route add ',
  'ip route del ',
  'ip route replace ',
  'ip route get ',
  'ip neigh ',
  'ip netns add ',
  'ip netns exec red ',
  'ip -n red ',
  'ip -br ',
  'sysctl -w ',
  'echo 1 > ',
  'hostname ',
];
const commandLine = fc.oneof(
  line,
  fc.tuple(fc.constantFrom(...PREFIXES), line).map(([p, l]) => p + l),
);

function freshWorlds(): Map<string, () => World> {
  const m = new Map<string, () => World>();
  for (const l of bundledLabs()) {
    const loaded = loadLab(l.text, { file: l.file });
    if (loaded.lab) m.set(l.dir, () => buildWorld(loaded.lab!).world);
  }
  return m;
}

function endpoints(w: World): Endpoint[] {
  const eps: Endpoint[] = [];
  for (const [name, host] of w.hosts) for (const ns of host.netns.keys()) eps.push({ host: name, netns: ns });
  return eps;
}

describe('fuzz: execCommand', function () {
  this.timeout(60_000);
  const worlds = freshWorlds();

  before(() => {
    assert.ok(worlds.size > 0, 'no bundled lab loaded');
  });

  it('any command line: a status and two strings, never a throw', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...worlds.keys()),
        fc.array(commandLine, { minLength: 1, maxLength: 8 }),
        fc.nat(),
        (lab, lines, pick) => {
          const w = worlds.get(lab)!();
          const eps = endpoints(w);
          for (const l of lines) {
            const on = eps[pick % eps.length]!;
            const r = timed(`execCommand(${JSON.stringify(l)})`, () => execCommand(w, on, l));
            assert.equal(typeof r.status, 'number', JSON.stringify(l));
            assert.ok(Number.isInteger(r.status) && r.status >= 0 && r.status <= 255, `status ${r.status} for ${JSON.stringify(l)}`);
            assert.equal(typeof r.stdout, 'string');
            assert.equal(typeof r.stderr, 'string');
          }
        },
      ),
      { numRuns: NUM_RUNS },
    );
  });

  it('unknown hosts and namespaces are answered, not thrown', () => {
    const w = worlds.values().next().value!();
    for (const on of [
      { host: 'nosuch', netns: '' },
      { host: [...w.hosts.keys()][0]!, netns: 'nosuch' },
    ]) {
      const r = timed('execCommand', () => execCommand(w, on, 'ip addr'));
      assert.equal(typeof r.status, 'number');
      assert.notEqual(r.status, 0);
    }
  });

  it('after random commands, tracePacket still answers', () => {
    const addr = fc.oneof(
      fc.constantFrom(
        '192.168.1.10',
        '192.168.2.10',
        '192.168.15.1',
        '192.168.15.5',
        '192.168.1.3',
        '127.0.0.1',
        '0.0.0.0',
        '255.255.255.255',
        '::1',
        'nonsense',
        '',
      ),
      fc.ipV4(),
    );
    fc.assert(
      fc.property(
        fc.constantFrom(...worlds.keys()),
        fc.array(commandLine, { maxLength: 6 }),
        fc.nat(),
        addr,
        fc.constantFrom('icmp', 'tcp', 'udp') as fc.Arbitrary<'icmp' | 'tcp' | 'udp'>,
        fc.integer({ min: -1, max: 70000 }),
        (lab, lines, pick, to, proto, port) => {
          const w = worlds.get(lab)!();
          const eps = endpoints(w);
          for (const l of lines) execCommand(w, eps[pick % eps.length]!, l);
          const from = eps[(pick >> 3) % eps.length]!;
          const r = timed(`tracePacket(${JSON.stringify({ from, to, proto, port })})`, () =>
            tracePacket(w, { from, to, proto, ...(proto === 'icmp' ? {} : { port }) }),
          );
          assert.equal(typeof r.replied, 'boolean');
          assert.equal(typeof r.verdict, 'string');
          assert.ok(r.reason.en.length > 0 && r.reason.ko.length > 0, 'a reason in both languages');
          assert.ok(Array.isArray(r.request.steps) && Array.isArray(r.reply.steps));
        },
      ),
      { numRuns: NUM_RUNS },
    );
  });
});
