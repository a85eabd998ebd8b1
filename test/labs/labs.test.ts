/**
 * The bundled labs: each one loads and builds with no error, and the trace its README walks the
 * student through gives the answer the README promises.
 */
import { strict as assert } from 'node:assert';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildWorld, checkLab, execCommand, instantiateLab, loadLab, tracePacket } from '../../src/core/index';
import type { TraceRequest, Verdict, World } from '../../src/core/index';

const LABS = 'labs';

function labDirs(): string[] {
  return readdirSync(LABS, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(LABS, d.name, 'lab.yaml')))
    .map((d) => d.name)
    .sort();
}

function readLab(dir: string): { file: string; text: string; readFile: (rel: string) => string | undefined } {
  const file = join(LABS, dir, 'lab.yaml');
  const readFile = (rel: string): string | undefined => {
    try {
      return readFileSync(join(LABS, dir, rel), 'utf8');
    } catch {
      return undefined;
    }
  };
  // The lab as written: a lab with variables takes their defaults (the course notes' addresses).
  const text = instantiateLab(new Map([['lab.yaml', readFileSync(file, 'utf8')]]), '').files.get('lab.yaml')!;
  return { file, text, readFile };
}

function world(dir: string): World {
  const { file, text, readFile } = readLab(dir);
  const loaded = loadLab(text, { file, readFile });
  assert.ok(loaded.lab, `${file} did not load: ${JSON.stringify(loaded.diagnostics)}`);
  return buildWorld(loaded.lab).world;
}

interface Expect {
  readonly req: TraceRequest;
  readonly verdict: Verdict;
}

const ep = (text: string): { host: string; netns: string } => {
  const [host, netns] = text.split('/');
  return { host: host!, netns: netns ?? '' };
};
const icmp = (from: string, to: string, verdict: Verdict): Expect => ({ req: { from: ep(from), to, proto: 'icmp' }, verdict });
const tcp = (from: string, to: string, port: number, verdict: Verdict): Expect => ({
  req: { from: ep(from), to, proto: 'tcp', port },
  verdict,
});

/** The traces each lab's README asks the student to run, with the answer it explains. */
const README_TRACES: Record<string, Expect[]> = {
  '01-switching-routing': [
    icmp('a', '192.168.1.11', 'replied'), // same switch, same subnet
    icmp('a', '192.168.2.10', 'replied'), // through r
    icmp('b', '192.168.2.11', 'replied'), // through r, by the default route
    icmp('c', '192.168.1.11', 'replied'),
    tcp('a', '192.168.2.11', 80, 'replied'),
    tcp('a', '192.168.2.11', 8080, 'refused'),
  ],
  '02-gateway': [
    icmp('a', '192.168.2.10', 'replied'),
    icmp('b', '192.168.1.10', 'replied'),
    tcp('a', '192.168.2.10', 80, 'replied'),
    icmp('a', '192.168.3.10', 'no-route'),
  ],
  '03-dns': [
    icmp('client', '192.168.2.20', 'replied'), // through r, to web
    tcp('client', '192.168.2.30', 5432, 'replied'),
    icmp('client', '192.168.2.21', 'host-unreachable'), // web's old address (exercise stale-hosts)
    tcp('laptop', '192.168.2.20', 80, 'replied'),
  ],
  '04-coredns': [
    tcp('client', '192.168.1.20', 80, 'replied'),
    icmp('dns', '192.168.50.10', 'replied'), // dns reaches the provider on the uplink
    icmp('client', '192.168.50.10', 'no-route'), // client does not: it asks dns
  ],
  '05-network-namespaces': [
    icmp('host1/red', '192.168.15.2', 'replied'), // namespace to namespace, over the bridge
    icmp('host1', '192.168.15.1', 'replied'), // the host through its bridge address
    icmp('host1/blue', '192.168.15.5', 'replied'),
    tcp('host1', '192.168.15.2', 80, 'replied'),
    icmp('host1/red', '192.168.1.3', 'no-route'), // red has no route out
    icmp('host1/blue', '192.168.1.2', 'replied'), // host1's own LAN address
  ],
  '06-docker-networking': [
    icmp('host1/sealed', '172.17.0.1', 'no-route'), // --network none: lo only
    tcp('host2', '192.168.1.10', 80, 'replied'), // --network host: web on host1's own port 80
    tcp('host1', '172.17.0.2', 6379, 'replied'), // the bridge: host1 reaches cache on docker0
    icmp('host2', '172.17.0.2', 'no-route'), // ... and host2 does not
    icmp('host1/cache', '192.168.1.11', 'replied'), // out through Docker's MASQUERADE
    tcp('host2', '192.168.1.10', 8080, 'replied'), // -p 8080:80: DNAT to shop
    tcp('host2', '192.168.1.10', 8081, 'refused'), // blog exited (exercise host-conflict)
    tcp('host1', '127.0.0.1', 8080, 'dropped'), // the colleague's INPUT rule (exercise published-firewall)
  ],
};

describe('bundled labs', () => {
  const dirs = labDirs();

  it('there are labs, each with an English and a Korean README', () => {
    assert.ok(dirs.length >= 3, `found ${dirs.join(', ')}`);
    for (const d of dirs) {
      assert.ok(existsSync(join(LABS, d, 'README.md')), `${d}/README.md`);
      assert.ok(existsSync(join(LABS, d, 'README.ko.md')), `${d}/README.ko.md`);
    }
  });

  for (const dir of dirs) {
    describe(dir, () => {
      it('checks with no error diagnostics', () => {
        const { file, text, readFile } = readLab(dir);
        const diags = checkLab(text, { file, readFile });
        const errors = diags.filter((d) => d.severity === 'error');
        assert.deepEqual(
          errors.map((d) => `${d.file}:${d.line}:${d.column}: ${d.code}: ${d.message.en}`),
          [],
        );
      });

      it('every run line succeeds', () => {
        const { file, text, readFile } = readLab(dir);
        const loaded = loadLab(text, { file, readFile });
        assert.ok(loaded.lab);
        const { runs } = buildWorld(loaded.lab);
        const failed = runs.filter((r) => r.status !== 0);
        assert.deepEqual(
          failed.map((r) => `${r.host}: ${r.command} -> ${r.status} ${r.stderr}`),
          [],
        );
      });

      for (const { req, verdict } of README_TRACES[dir] ?? []) {
        const what = `${req.from.host}${req.from.netns ? '/' + req.from.netns : ''} -> ${req.to} ${req.proto}${req.port ? '/' + req.port : ''}`;
        it(`trace ${what}: ${verdict}`, () => {
          const r = tracePacket(world(dir), req);
          assert.equal(r.verdict, verdict, `${what}: ${r.reason.en}`);
          assert.equal(r.replied, verdict === 'replied');
          assert.ok(r.reason.en && r.reason.ko, 'the reason exists in both languages');
          assert.ok(r.request.steps.length > 0, 'the request leg has steps');
        });
      }
    });
  }

  describe('02-gateway: the experiments its README suggests', () => {
    it('without ip_forward on r, a cannot reach b', () => {
      const w = world('02-gateway');
      const res = execCommand(w, { host: 'r', netns: '' }, 'sysctl -w net.ipv4.ip_forward=0');
      assert.equal(res.status, 0, res.stderr);
      const r = tracePacket(w, { from: ep('a'), to: '192.168.2.10', proto: 'icmp' });
      assert.equal(r.replied, false);
      assert.equal(r.verdict, 'dropped', r.reason.en);
    });

    it('without the return route on b, the request arrives but no reply comes back', () => {
      const w = world('02-gateway');
      const res = execCommand(w, { host: 'b', netns: '' }, 'ip route del 192.168.1.0/24 via 192.168.2.1');
      assert.equal(res.status, 0, res.stderr);
      const r = tracePacket(w, { from: ep('a'), to: '192.168.2.10', proto: 'icmp' });
      assert.equal(r.replied, false);
      assert.ok(
        r.request.steps.some((s) => s.host === 'b'),
        'the request reached b',
      );
    });
  });

  describe('06-docker-networking: the experiments its README suggests', () => {
    it('a second container on host port 8080 fails as Docker fails; another host port works', () => {
      const w = world('06-docker-networking');
      const again = execCommand(w, { host: 'host1', netns: '' }, 'docker run -d --name shop2 -p 8080:80 nginx');
      assert.equal(again.status, 125);
      assert.match(again.stderr, /Bind for 0\.0\.0\.0:8080 failed: port is already allocated\.\n$/);
      // The refused container stays, created but not started, as Docker leaves it.
      assert.match(execCommand(w, { host: 'host1', netns: '' }, 'docker ps -a').stdout, / Created +shop2\n/);
      const other = execCommand(w, { host: 'host1', netns: '' }, 'docker run -d --name shop3 -p 8082:80 nginx');
      assert.equal(other.status, 0, other.stderr);
      const r = tracePacket(w, { from: ep('host2'), to: '192.168.1.10', proto: 'tcp', port: 8082 });
      assert.equal(r.verdict, 'replied', r.reason.en);
      assert.ok(r.request.steps.some((s) => s.host === 'host1' && s.netns === 'shop3' && s.stage === 'deliver'));
    });

    it("blog, in host mode beside web, exited with httpd's bind error", () => {
      const w = world('06-docker-networking');
      assert.match(execCommand(w, { host: 'host1', netns: '' }, 'docker ps -a').stdout, /Exited \(1\) .* blog\n/);
      const logs = execCommand(w, { host: 'host1', netns: '' }, 'docker logs blog');
      assert.match(logs.stderr, /could not bind to address 0\.0\.0\.0:80/);
    });
  });

  describe('05-network-namespaces: reaching the LAN', () => {
    it('blue reaches host2 only once host2 has a route back', () => {
      const w = world('05-network-namespaces');
      const before = tracePacket(w, { from: ep('host1/blue'), to: '192.168.1.3', proto: 'icmp' });
      assert.equal(before.replied, false, 'no return route on host2 yet (the NAT lab fixes it another way)');
      assert.ok(
        before.request.steps.some((s) => s.host === 'host2'),
        'the request reached host2',
      );
      const res = execCommand(w, { host: 'host2', netns: '' }, 'ip route add 192.168.15.0/24 via 192.168.1.2');
      assert.equal(res.status, 0, res.stderr);
      const after = tracePacket(w, { from: ep('host1/blue'), to: '192.168.1.3', proto: 'icmp' });
      assert.equal(after.verdict, 'replied', after.reason.en);
    });
  });
});
