/**
 * Traces through a Docker host: a request from the LAN to a published port is DNATed in nat
 * DOCKER, accepted in filter DOCKER, and its reply un-NATed by conntrack; a container reaching out
 * is MASQUERADEd; docker-proxy answers what nat leaves alone; removing the container closes it all.
 */
import { strict as assert } from 'node:assert';
import { tracePacket } from '../../../src/core/datapath/walk';
import type { Step, TraceResult } from '../../../src/core/datapath/trace';
import type { World } from '../../../src/core/sim/model';
import { dockerLab } from '../../support/docker';

const trace = (w: World, from: string, to: string, proto: 'tcp' | 'icmp', port?: number): TraceResult => {
  const [host, netns = ''] = from.split('/');
  return tracePacket(w, { from: { host: host!, netns }, to, proto, ...(port ? { port } : {}) });
};
const rules = (t: TraceResult, leg = 0): string[] =>
  t.legs[leg]!.steps.filter((s: Step) => s.stage === 'netfilter' && (s.data as { text?: string })?.text).map((s) => {
    const d = s.data as { table: string; text: string };
    return `${d.table} ${d.text}`;
  });

describe('docker: traces', () => {
  const w = dockerLab(['docker run -d --name web -p 8080:80 nginx', 'docker run -d --name c2 busybox sleep 1d']);

  it('LAN -> HOST_IP:8080: DNAT in nat DOCKER, ACCEPT in filter DOCKER, nginx answers, the reply comes back from :8080', () => {
    const t = trace(w, 'ext', '192.168.90.10', 'tcp', 8080);
    assert.equal(t.verdict, 'replied', t.reason.en);
    const r = rules(t);
    assert.ok(r.includes('nat -A PREROUTING -m addrtype --dst-type LOCAL -j DOCKER'));
    assert.ok(r.includes('nat -A DOCKER ! -i docker0 -p tcp -m tcp --dport 8080 -j DNAT --to-destination 172.17.0.2:80'));
    assert.ok(r.includes('filter -A DOCKER -d 172.17.0.2/32 ! -i docker0 -o docker0 -p tcp -m tcp --dport 80 -j ACCEPT'));
    const dnat = t.request.steps.find((s) => (s.data as { text?: string })?.text?.includes('DNAT'))!;
    assert.equal((dnat.data as { after: { ip: { dst: string } } }).after.ip.dst, '172.17.0.2');
    assert.ok(dnat.source, 'the rule names the docker run line');
    const atWeb = t.request.steps.filter((s) => s.host === 'h' && s.stage === 'deliver').at(-1)!;
    assert.equal(atWeb.packet!.ip.dst, '172.17.0.2');
    const back = t.reply.steps.at(-1)!;
    assert.equal(back.host, 'ext');
    assert.equal(back.packet!.ip.src, '192.168.90.10');
    assert.equal(back.packet!.tcp!.sport, 8080);
  });

  it('an unpublished port is refused; the container is not reachable from the LAN directly', () => {
    assert.equal(trace(w, 'ext', '192.168.90.10', 'tcp', 8081).verdict, 'refused');
    assert.equal(trace(w, 'ext', '172.17.0.2', 'icmp').replied, false);
  });

  it('container -> LAN: MASQUERADE to the host address, un-NATed back', () => {
    const t = trace(w, 'h/web', '192.168.90.20', 'tcp', 9000);
    assert.equal(t.verdict, 'replied', t.reason.en);
    assert.ok(rules(t).includes('nat -A POSTROUTING -s 172.17.0.0/16 ! -o docker0 -j MASQUERADE'));
    assert.equal(t.request.steps.filter((s) => s.host === 'ext').at(-1)!.packet!.ip.src, '192.168.90.10');
    assert.equal(t.reply.steps.at(-1)!.packet!.ip.dst, '172.17.0.2');
  });

  it('the host itself reaches HOST_IP:8080 through nat OUTPUT; container to container through the bridge', () => {
    const t = trace(w, 'h', '192.168.90.10', 'tcp', 8080);
    assert.equal(t.verdict, 'replied', t.reason.en);
    assert.ok(rules(t).includes('nat -A OUTPUT ! -d 127.0.0.0/8 -m addrtype --dst-type LOCAL -j DOCKER'));
    assert.equal(trace(w, 'h/c2', '172.17.0.2', 'tcp', 80).verdict, 'replied');
  });

  it('docker-proxy answers what nat leaves alone (127.0.0.1:8080, a container via the host address) with a connection of its own', () => {
    for (const [from, to] of [
      ['h', '127.0.0.1'],
      ['h/c2', '192.168.90.10'],
    ] as const) {
      const t = trace(w, from, to, 'tcp', 8080);
      assert.equal(t.verdict, 'replied', `${from}: ${t.reason.en}`);
      assert.ok(!rules(t).some((r) => r.includes('DNAT')), 'not DNATed');
      const up = t.legs.find((l) => l.parent !== undefined);
      assert.ok(up, 'docker-proxy opens an upstream connection');
      assert.equal(up.steps.filter((s) => s.stage === 'deliver').at(-1)!.packet!.ip.dst, '172.17.0.2');
    }
  });

  it('after docker rm -f, the port is refused again and the DNAT is gone', () => {
    const gone = dockerLab(['docker run -d --name web -p 8080:80 nginx', 'docker rm -f web']);
    assert.equal(trace(gone, 'ext', '192.168.90.10', 'tcp', 8080).verdict, 'refused');
    assert.equal(trace(gone, 'h', '127.0.0.1', 'tcp', 8080).verdict, 'refused');
  });

  it('user-defined bridges are isolated from docker0 (DOCKER-ISOLATION-STAGE-2 drops), and reach out', () => {
    const u = dockerLab(['docker network create mynet', 'docker run -d --name db --network mynet redis', 'docker run -d --name web nginx']);
    const t = trace(u, 'h/db', '172.17.0.2', 'tcp', 80);
    assert.notEqual(t.verdict, 'replied');
    assert.ok(
      rules(t).some((r) => /^filter -A DOCKER-ISOLATION-STAGE-2 -o docker0 -j DROP$/.test(r)),
      rules(t).join('\n'),
    );
    assert.equal(trace(u, 'h/db', '192.168.90.20', 'tcp', 9000).verdict, 'replied');
    assert.equal(trace(u, 'h/web', '172.18.0.2', 'tcp', 6379).replied, false);
  });

  it('--network host: nginx answers on the host address itself, no NAT', () => {
    const hn = dockerLab(['docker run -d --name web --network host nginx']);
    const t = trace(hn, 'ext', '192.168.90.10', 'tcp', 80);
    assert.equal(t.verdict, 'replied', t.reason.en);
    assert.ok(!rules(t).some((r) => r.includes('DNAT')));
  });
});
