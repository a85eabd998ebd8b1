/**
 * Lints of a built lab (src/core/lab/lint.ts): one positive and one negative case per code, small
 * labs as YAML text; the bundled labs produce none; the benchmark lab lints quickly.
 */
import { strict as assert } from 'node:assert';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateBenchLab } from '../../bench/gen';
import { checkLab } from '../../src/core/check/check';
import type { Diagnostic, DiagnosticCode } from '../../src/core/text/diag';
import { lintWorld } from '../../src/core/lint/lint';
import { loadLab } from '../../src/core/lab/load';
import { buildWorld } from '../../src/core/world/build';

function lint(text: string): Diagnostic[] {
  const loaded = loadLab(text, { file: 'lab.yaml' });
  assert.ok(loaded.lab, JSON.stringify(loaded.diagnostics));
  const errors = loaded.diagnostics.filter((d) => d.severity === 'error');
  assert.deepEqual(errors, [], 'the test lab loads');
  const built = buildWorld(loaded.lab);
  assert.deepEqual(
    built.diagnostics.map((d) => d.message.en),
    [],
    'the test lab builds',
  );
  const diags = lintWorld(loaded.lab, built.world);
  for (const d of diags) {
    assert.equal(d.severity, 'warning');
    assert.ok(d.message.en && d.message.ko && d.message.en !== d.message.ko, `${d.code}: both languages`);
  }
  return diags;
}

function codes(diags: Diagnostic[], code?: DiagnosticCode): Diagnostic[] {
  return code ? diags.filter((d) => d.code === code) : diags;
}

/** The 1-based line of the first line of `text` that contains `needle`. */
function lineOf(text: string, needle: string, nth = 1): number {
  const lines = text.split('\n');
  let seen = 0;
  for (let i = 0; i < lines.length; i++) if (lines[i]!.includes(needle) && ++seen === nth) return i + 1;
  throw new Error(`no line with ${needle}`);
}

const TWO = (aRun: string, bRun: string, extra = ''): string => `name: t
switches: [lan1, lan2]
hosts:
  a:
    interfaces:
      eth0: lan1
    run: |
${aRun
  .trim()
  .split('\n')
  .map((l) => '      ' + l.trim())
  .join('\n')}
  b:
    interfaces:
      eth0: lan1
    run: |
${bRun
  .trim()
  .split('\n')
  .map((l) => '      ' + l.trim())
  .join('\n')}
${extra}`;

/** Lab 02 of the course: a and b talk through r. */
const GATEWAY = (rExtra: string): string => `name: gw
switches: [lan1, lan2]
hosts:
  a:
    interfaces:
      eth0: lan1
    run: |
      ip addr add 192.168.1.10/24 dev eth0
      ip route add 192.168.2.0/24 via 192.168.1.1
  r:
    interfaces:
      eth0: lan1
      eth1: lan2
    run: |
      ip addr add 192.168.1.1/24 dev eth0
      ip addr add 192.168.2.1/24 dev eth1
      ${rExtra}
  b:
    interfaces:
      eth0: lan2
    run: |
      ip addr add 192.168.2.10/24 dev eth0
      ip route add 192.168.1.0/24 via 192.168.2.1
`;

describe('lab lints', () => {
  describe('duplicate-address', () => {
    it('two hosts with one address on a switch: one warning, at the later line', () => {
      const text = TWO('ip addr add 10.0.0.1/24 dev eth0', 'ip addr add 10.0.0.1/24 dev eth0');
      const d = codes(lint(text), 'duplicate-address');
      assert.equal(d.length, 1);
      assert.equal(d[0]!.line, lineOf(text, 'ip addr add', 2));
      assert.match(d[0]!.message.en, /10\.0\.0\.1 .*a eth0 \(line \d+\)/);
      assert.deepEqual(
        codes(lint(text)).map((x) => x.code),
        ['duplicate-address'],
        'nothing else: the subnet is shared',
      );
    });

    it('across a switch, a bridge and a veth pair: one segment', () => {
      const text = `name: t
switches: [lan]
hosts:
  h1:
    interfaces:
      eth0: lan
    run: |
      ip netns add red
      ip link add br0 type bridge
      ip link set br0 up
      ip link set eth0 master br0
      ip link add v type veth peer name v-br
      ip link set v netns red
      ip link set v-br master br0
      ip link set v-br up
      ip -n red link set v up
      ip -n red addr add 10.0.0.2/24 dev v
  h2:
    interfaces:
      eth0: lan
    run: |
      ip addr add 10.0.0.2/24 dev eth0
`;
      const d = codes(lint(text), 'duplicate-address');
      assert.equal(d.length, 1);
      assert.equal(d[0]!.line, lineOf(text, 'ip addr add 10.0.0.2/24 dev eth0'));
      assert.match(d[0]!.message.en, /h1\/red v/);
    });

    it('one address on two different switches is no conflict', () => {
      const text = TWO('ip addr add 10.0.0.1/24 dev eth0', 'ip addr add 10.0.0.1/24 dev eth0').replace(
        /(b:\n {4}interfaces:\n {6}eth0: )lan1/,
        '$1lan2',
      );
      assert.deepEqual(lint(text), []);
    });
  });

  describe('duplicate-mac', () => {
    const macs = (a: string, b: string): string => `name: t
switches: [lan1, lan2]
hosts:
  a:
    interfaces:
      eth0: { switch: lan1, mac: "${a}" }
  b:
    interfaces:
      eth0: lan2
      eth1: { switch: lan2, mac: "${b}" }
`;

    it('two machines with one MAC (cloned VMs): at the later interface', () => {
      const text = macs('02:00:00:00:00:01', '02:00:00:00:00:01');
      const d = codes(lint(text), 'duplicate-mac');
      assert.equal(d.length, 1);
      assert.equal(d[0]!.line, lineOf(text, 'eth1:'));
      assert.match(d[0]!.message.en, /02:00:00:00:00:01.*a eth0/);
    });

    it('a MAC set by a run line is reported at that line', () => {
      const text = TWO(
        'ip addr add 10.0.0.1/24 dev eth0',
        'ip link set eth0 address 02:aa:00:00:00:01\nip addr add 10.0.0.2/24 dev eth0',
      ).replace(
        'eth0: lan1\n    run: |\n      ip addr add 10.0.0.1',
        'eth0: { switch: lan1, mac: "02:AA:00:00:00:01" }\n    run: |\n      ip addr add 10.0.0.1',
      );
      const d = codes(lint(text), 'duplicate-mac');
      assert.equal(d.length, 1);
      assert.equal(d[0]!.line, lineOf(text, 'ip link set eth0 address'));
    });

    it('different MACs, or a bridge with its port MAC, are fine', () => {
      assert.deepEqual(lint(macs('02:00:00:00:00:01', '02:00:00:00:00:02')), []);
      const text = `name: t
switches: [lan]
hosts:
  a:
    interfaces:
      eth0: { switch: lan, mac: "02:00:00:00:00:01" }
    run: |
      ip link add br0 type bridge
      ip link set br0 address 02:00:00:00:00:01
      ip link set eth0 master br0
`;
      assert.deepEqual(lint(text), []);
    });
  });

  describe('duplicate-hostname', () => {
    it('a host renamed to another host name, ignoring case', () => {
      const text = TWO('ip addr add 10.0.0.1/24 dev eth0', 'hostname A\nip addr add 10.0.0.2/24 dev eth0');
      const d = codes(lint(text), 'duplicate-hostname');
      assert.equal(d.length, 1);
      assert.equal(d[0]!.line, lineOf(text, 'hostname A'));
      assert.match(d[0]!.message.en, /host name is set to "A", the name of a .*ignore case/);
    });

    it('two clones with one /etc/hostname', () => {
      const text = `name: t
switches: [lan]
hosts:
  n1:
    interfaces:
      eth0: lan
    files:
      /etc/hostname: "node\\n"
  n2:
    interfaces:
      eth0: lan
    files:
      /etc/hostname: "node\\n"
`;
      const d = codes(lint(text), 'duplicate-hostname');
      assert.equal(d.length, 1, JSON.stringify(d));
      assert.equal(d[0]!.line, lineOf(text, '/etc/hostname', 2));
      assert.match(d[0]!.message.en, /^n2: its \/etc\/hostname says "node"/);
    });

    it('distinct names, and a host that sets its own name, are fine', () => {
      assert.deepEqual(lint(TWO('hostname a\nip addr add 10.0.0.1/24 dev eth0', 'hostname web\nip addr add 10.0.0.2/24 dev eth0')), []);
    });
  });

  describe('lonely-subnet', () => {
    it('the odd one out on a switch', () => {
      const text = `name: t
switches: [lan]
hosts:
  a:
    interfaces: { eth0: lan }
    run: ip addr add 10.0.0.1/24 dev eth0
  b:
    interfaces: { eth0: lan }
    run: ip addr add 10.0.0.2/24 dev eth0
  c:
    interfaces: { eth0: lan }
    run: ip addr add 10.0.1.3/24 dev eth0
`;
      const d = codes(lint(text));
      assert.deepEqual(
        d.map((x) => x.code),
        ['lonely-subnet'],
      );
      assert.equal(d[0]!.line, lineOf(text, '10.0.1.3/24'));
      assert.match(d[0]!.message.en, /^c: .*10\.0\.1\.0\/24.*10\.0\.0\.0\/24/);
    });

    it('two hosts that disagree: one warning, not two', () => {
      const text = TWO('ip addr add 10.0.0.1/24 dev eth0', 'ip addr add 10.0.1.2/24 dev eth0');
      const d = codes(lint(text));
      assert.deepEqual(
        d.map((x) => x.code),
        ['lonely-subnet'],
      );
      assert.equal(d[0]!.line, lineOf(text, '10.0.1.2/24'));
    });

    it('an address on a bridge is on the bridge segment', () => {
      const text = `name: t
switches: [lan]
hosts:
  h:
    interfaces:
      eth0: lan
    run: |
      ip netns add red
      ip link add br0 type bridge
      ip link set br0 up
      ip link add v type veth peer name v-br
      ip link set v netns red
      ip link set v-br master br0
      ip link set v-br up
      ip -n red link set v up
      ip -n red addr add 192.168.15.1/24 dev v
      ip addr add 192.168.16.5/24 dev br0
`;
      const d = codes(lint(text));
      assert.deepEqual(
        d.map((x) => x.code),
        ['lonely-subnet'],
      );
      assert.equal(d[0]!.line, lineOf(text, '192.168.16.5/24'));
      const ok = text.replace('192.168.16.5/24', '192.168.15.5/24');
      assert.deepEqual(lint(ok), []);
    });

    it('shared subnets, /32 addresses and hosts not yet configured are fine', () => {
      assert.deepEqual(lint(TWO('ip addr add 10.0.0.1/24 dev eth0', 'ip addr add 10.0.0.2/16 dev eth0')), []);
      assert.deepEqual(
        lint(TWO('ip addr add 10.0.0.1/24 dev eth0\nip addr add 10.9.9.9/32 dev eth0', 'ip addr add 10.0.0.2/24 dev eth0')),
        [],
      );
      assert.deepEqual(lint(TWO('ip addr add 10.0.0.1/24 dev eth0', 'true')), []);
    });
  });

  describe('gateway-not-owned', () => {
    it('a gateway nobody on the segment owns: once per gateway, at its first route', () => {
      const text = `name: t
switches: [lan1, lan2]
hosts:
  a:
    interfaces: { eth0: lan1 }
    run: |
      ip addr add 10.0.0.1/24 dev eth0
      ip route add 10.1.0.0/16 via 10.0.0.254
      ip route add default via 10.0.0.254
  b:
    interfaces: { eth0: lan1 }
    run: ip addr add 10.0.0.2/24 dev eth0
  c:
    interfaces: { eth0: lan2 }
    run: ip addr add 10.0.0.254/24 dev eth0
`;
      const d = codes(lint(text));
      assert.deepEqual(
        d.map((x) => x.code),
        ['gateway-not-owned'],
        'c owns 10.0.0.254, but on another switch',
      );
      assert.equal(d[0]!.line, lineOf(text, 'ip route add 10.1.0.0/16'));
      assert.match(d[0]!.message.en, /10\.0\.0\.254.*\(1 other route/);
    });

    it('a gateway owned on the segment (here: inside a namespace, through a bridge) is fine', () => {
      const text = `name: t
switches: [lan]
hosts:
  h:
    interfaces:
      eth0: lan
    run: |
      ip netns add red
      ip link add br0 type bridge
      ip link set br0 up
      ip link add v type veth peer name v-br
      ip link set v netns red
      ip link set v-br master br0
      ip link set v-br up
      ip -n red link set v up
      ip -n red addr add 192.168.15.1/24 dev v
      ip addr add 192.168.15.5/24 dev br0
      ip route add 10.5.0.0/16 via 192.168.15.1
      ip netns exec red sysctl -w net.ipv4.ip_forward=1
`;
      assert.deepEqual(lint(text), []);
    });

    it('a lonely subnet is reported once: not again for its gateway', () => {
      const text = TWO('ip addr add 10.0.0.1/24 dev eth0', 'ip addr add 10.0.1.2/24 dev eth0\nip route add default via 10.0.1.1');
      assert.deepEqual(
        codes(lint(text)).map((x) => x.code),
        ['lonely-subnet'],
      );
    });
  });

  describe('forwarding-off', () => {
    it('a router with ip_forward 0: one warning, at the first route through it, with the fix', () => {
      const text = GATEWAY('true');
      const d = codes(lint(text));
      assert.deepEqual(
        d.map((x) => x.code),
        ['forwarding-off'],
      );
      assert.equal(d[0]!.line, lineOf(text, 'ip route add 192.168.2.0/24 via 192.168.1.1'));
      assert.match(d[0]!.message.en, /^a: .*192\.168\.1\.1 \(r\).*net\.ipv4\.ip_forward is 0.*sysctl -w net\.ipv4\.ip_forward=1/);
      assert.match(d[0]!.message.ko, /sysctl -w net\.ipv4\.ip_forward=1/);
    });

    it('ip_forward turned off by a line: the message points at it', () => {
      const text = GATEWAY('sysctl -w net.ipv4.ip_forward=0');
      const d = codes(lint(text), 'forwarding-off');
      assert.equal(d.length, 1);
      assert.match(d[0]!.message.en, new RegExp(`is 0 there \\(line ${lineOf(text, 'ip_forward=0')}\\)`));
    });

    it('a namespace router: the fix runs inside the namespace', () => {
      const text = `name: t
switches: [lan]
hosts:
  h:
    interfaces:
      eth0: lan
    run: |
      ip netns add r
      ip link add v type veth peer name v-r
      ip link set v-r netns r
      ip link set v up
      ip -n r link set v-r up
      ip addr add 10.0.0.1/24 dev v
      ip -n r addr add 10.0.0.2/24 dev v-r
      ip route add 10.7.0.0/16 via 10.0.0.2
`;
      const d = codes(lint(text));
      assert.deepEqual(
        d.map((x) => x.code),
        ['forwarding-off'],
      );
      assert.match(d[0]!.message.en, /\(h\/r\).*ip netns exec r sysctl -w net\.ipv4\.ip_forward=1/);
    });

    it('a router that forwards, or that is only the destination, is fine', () => {
      assert.deepEqual(lint(GATEWAY('sysctl -w net.ipv4.ip_forward=1')), []);
      const dest = GATEWAY('true')
        .replace('ip route add 192.168.2.0/24 via 192.168.1.1', 'ip route add 192.168.2.1/32 via 192.168.1.1')
        .replace('ip route add 192.168.1.0/24 via 192.168.2.1', 'ip route add 192.168.1.1 via 192.168.2.1');
      assert.deepEqual(lint(dest), []);
    });
  });

  describe('in checkLab, on the bundled and the benchmark labs', () => {
    it('checkLab includes the lints', () => {
      const d = checkLab(GATEWAY('true'), { file: 'lab.yaml' });
      assert.deepEqual(
        d.map((x) => x.code),
        ['forwarding-off'],
      );
    });

    const dirs = readdirSync('labs', { withFileTypes: true })
      .filter((e) => e.isDirectory() && existsSync(join('labs', e.name, 'lab.yaml')))
      .map((e) => e.name)
      .sort();
    for (const dir of dirs) {
      it(`${dir}: no lint warnings`, () => {
        const file = join('labs', dir, 'lab.yaml');
        const loaded = loadLab(readFileSync(file, 'utf8'), {
          file,
          readFile: (rel) => {
            try {
              return readFileSync(join('labs', dir, rel), 'utf8');
            } catch {
              return undefined;
            }
          },
        });
        assert.ok(loaded.lab);
        const d = lintWorld(loaded.lab, buildWorld(loaded.lab).world);
        assert.deepEqual(
          d.map((x) => `${x.file}:${x.line}: ${x.code}: ${x.message.en}`),
          [],
        );
      });
    }

    it('the benchmark lab (200 hosts, 10,000 routes) lints in a few milliseconds', function () {
      const bench = generateBenchLab();
      const loaded = loadLab(bench.text, { file: 'bench.yaml' });
      assert.ok(loaded.lab);
      const world = buildWorld(loaded.lab).world;
      assert.deepEqual(lintWorld(loaded.lab, world), []);
      const times: number[] = [];
      for (let i = 0; i < 30; i++) {
        const t = performance.now();
        lintWorld(loaded.lab, world);
        times.push(performance.now() - t);
      }
      const sorted = [...times].sort((x, y) => x - y);
      console.log(
        `      lintWorld on ${bench.hosts} hosts, ${bench.routes} routes: first ${times[0]!.toFixed(2)} ms, median ${sorted[15]!.toFixed(2)} ms, best ${sorted[0]!.toFixed(2)} ms`,
      );
    });

    it('never throws, even on a broken world', () => {
      const loaded = loadLab(GATEWAY('true'), { file: 'lab.yaml' });
      const world = buildWorld(loaded.lab!).world;
      (world.hosts.get('r') as unknown as { netns: unknown }).netns = null;
      assert.doesNotThrow(() => lintWorld(loaded.lab!, world));
    });
  });
});
