/**
 * Netfilter steps as rows (src/core/view/traceNetfilter.ts), on real traces of a NAT lab
 * (test/support/nfLab.ts): the rule's table, chain, number, text and lab line, what it decided, the
 * packet before and after a rewrite with the changed fields, conntrack's un-NAT of the reply, a
 * statistic draw with its seed; and the one-line text the CLI prints, in both languages.
 */
import { strict as assert } from 'node:assert';
import { type Step, type TraceResult, tracePacket, type World } from '../../../src/core/index';
import { TARGETS, UNSIMULATED_TARGETS } from '../../../src/core/netfilter/targets';
import { decisionOf } from '../../../src/core/view/traceDetail';
import { netfilterRow, nfText, ruleTarget, TARGET_NAMES } from '../../../src/core/view/traceNetfilter';
import { NF_LAB, NF_LINES } from '../../support/nfLab';
import { labWorld } from '../../support/world';

describe('netfilter rows (src/core/view/traceNetfilter.ts)', () => {
  let world: World;
  const trace = (to: string, port: number, seed?: number): TraceResult =>
    tracePacket(world, { from: { host: 'c', netns: '' }, to, proto: 'tcp', port, ...(seed !== undefined ? { seed } : {}) });
  const nf = (steps: readonly Step[]) => steps.filter((s) => s.stage === 'netfilter');
  before(() => {
    world = labWorld(NF_LAB);
  });

  it('a DNAT: the jump, the statistic draw not taken, the DNAT rule with the packet before and after', () => {
    const t = trace('192.168.62.1', 8080, 1);
    assert.ok(t.replied);
    const rows = nf(t.request.steps).map((s) => netfilterRow(s, 1)!);
    const jump = rows[0]!;
    assert.deepEqual(
      {
        hook: jump.hook,
        table: jump.table,
        chain: jump.chain,
        rule: jump.rule,
        verdict: jump.verdict,
        target: jump.target,
        line: jump.source?.line,
      },
      { hook: 'PREROUTING', table: 'nat', chain: 'PREROUTING', rule: 1, verdict: 'jump', target: 'WEB', line: NF_LINES.jump },
    );
    assert.equal(jump.text, '-A PREROUTING -i eth0 -p tcp -m tcp --dport 8080 -j WEB');
    assert.equal(jump.rewrite, undefined);
    const stat = rows[1]!;
    assert.equal(stat.verdict, 'statistic');
    assert.equal(stat.source?.line, NF_LINES.statistic);
    assert.deepEqual({ ...stat.statistic, draw: undefined }, { mode: 'random', probability: 0.5, draw: undefined, taken: false, seed: 1 });
    assert.ok(stat.statistic!.draw >= 0.5);
    assert.match(stat.outcome.en, /not taken, on to the next rule/);
    const dnat = rows[2]!;
    assert.deepEqual([dnat.chain, dnat.rule, dnat.verdict, dnat.target, dnat.source?.line], ['WEB', 2, 'target', 'DNAT', NF_LINES.dnat]);
    assert.deepEqual(dnat.rewrite, {
      before: { src: '192.168.62.2', sport: 40000, dst: '192.168.62.1', dport: 8080 },
      after: { src: '192.168.62.2', sport: 40000, dst: '10.200.3.2', dport: 80 },
      changed: ['dst', 'dport'],
    });
    // The hook's own step: the tables' rewrite, then the policies that let it through.
    assert.equal(rows[3]!.verdict, 'rewrite');
    assert.deepEqual(rows[3]!.rewrite?.changed, ['dst', 'dport']);
    const policy = rows.find((r) => r.verdict === 'policy' && r.chain === 'FORWARD')!;
    assert.deepEqual([policy.table, policy.target, policy.rule, policy.text], ['filter', 'ACCEPT', undefined, undefined]);
  });

  it('the reply: conntrack un-NATs it at POSTROUTING, the source changed back', () => {
    const t = trace('192.168.62.1', 8080);
    const ct = nf(t.reply.steps)
      .map((s) => netfilterRow(s, 1)!)
      .find((r) => r.verdict === 'conntrack')!;
    assert.equal(ct.conntrack, 'reply');
    assert.equal(ct.hook, 'POSTROUTING');
    assert.deepEqual(ct.rewrite, {
      before: { src: '10.200.3.2', sport: 80, dst: '192.168.62.2', dport: 40000 },
      after: { src: '192.168.62.1', sport: 8080, dst: '192.168.62.2', dport: 40000 },
      changed: ['src', 'sport'],
    });
    assert.match(ct.outcome.en, /un-NATed/);
    assert.match(ct.outcome.ko, /되돌림/);
  });

  it('a seed whose draw takes the statistic branch: the DNAT of rule 1, the seed given', () => {
    const t = trace('192.168.62.1', 8080, 7);
    const rows = nf(t.request.steps).map((s) => netfilterRow(s, 7)!);
    const stat = rows.find((r) => r.verdict === 'statistic')!;
    assert.deepEqual([stat.statistic!.taken, stat.statistic!.seed], [true, 7]);
    assert.ok(stat.statistic!.draw < 0.5);
    const dnat = rows.find((r) => r.target === 'DNAT')!;
    assert.deepEqual([dnat.rule, dnat.source?.line], [1, NF_LINES.statistic]);
  });

  it('MASQUERADE out of the namespace, and a REJECT in FORWARD with the verdict after it', () => {
    const out = tracePacket(world, { from: { host: 'h', netns: 'web' }, to: '192.168.62.2', proto: 'tcp', port: 22 });
    const masq = nf(out.request.steps)
      .map((s) => netfilterRow(s, 1)!)
      .find((r) => r.target === 'MASQUERADE')!;
    assert.deepEqual([masq.hook, masq.chain, masq.source?.line], ['POSTROUTING', 'POSTROUTING', NF_LINES.masquerade]);
    assert.deepEqual(masq.rewrite?.changed, ['src']);
    assert.equal(masq.rewrite?.after.src, '192.168.62.1');
    const rej = trace('10.200.3.2', 81);
    const rows = nf(rej.request.steps).map((s) => netfilterRow(s, 1)!);
    const rule = rows.find((r) => r.chain === 'FORWARD' && r.rule === 1)!;
    assert.deepEqual([rule.verdict, rule.target, rule.source?.line], ['REJECT', 'REJECT', NF_LINES.reject]);
    assert.equal(rows.at(-1)!.verdict, 'REJECT');
    assert.equal(rows.at(-1)!.text, undefined);
  });

  it("the detail's decision carries the row, and the packet after the rule (not the one it came as)", () => {
    const t = trace('192.168.62.1', 8080, 1);
    const step = nf(t.request.steps).find((s) => s.data?.['chain'] === 'WEB')!;
    const d = decisionOf(step, { seed: 1 });
    assert.equal(d.kind, 'netfilter');
    if (d.kind !== 'netfilter') return;
    assert.equal(d.after.ip.dst, '10.200.3.2');
    assert.deepEqual([...d.changed].sort(), ['ip.dst', 'tcp.dport']);
    assert.equal(d.row.target, 'DNAT');
    // What the row does not show stays a field: the NAT binding.
    assert.deepEqual(d.fields, [{ key: 'nat', value: 'kind=dnat to=10.200.3.2:80' }]);
  });

  it('rule text: the target after the last -j or -g, a quoted comment skipped; every target name known', () => {
    assert.deepEqual(ruleTarget('-A X -m comment --comment "a -j B" -j DROP'), { how: '-j', name: 'DROP' });
    assert.deepEqual(ruleTarget('-A X -s 10.0.0.0/8 -g KUBE-SVC-1'), { how: '-g', name: 'KUBE-SVC-1' });
    assert.equal(ruleTarget('-A X -p tcp'), undefined);
    for (const name of [...TARGETS.keys(), ...UNSIMULATED_TARGETS]) assert.ok(TARGET_NAMES.has(name), name);
    const base: Step = {
      host: 'h',
      netns: '',
      stage: 'netfilter',
      hook: 'FORWARD',
      packet: { ip: { src: '10.0.0.1', dst: '10.0.0.2', ttl: 64, proto: 'icmp' } },
      detail: { en: '', ko: '' },
    };
    const row = (text: string) => netfilterRow({ ...base, data: { table: 'filter', chain: 'FORWARD', rule: 1, text } }, 1)!;
    assert.deepEqual([row('-A FORWARD -j KUBE-FORWARD').verdict, row('-A FORWARD -j KUBE-FORWARD').target], ['jump', 'KUBE-FORWARD']);
    assert.equal(row('-A FORWARD -g DOCKER').verdict, 'goto');
    assert.equal(row('-A FORWARD -j RETURN').verdict, 'RETURN');
    assert.equal(row('-A FORWARD -j LOG --log-prefix "x"').verdict, 'target');
    assert.equal(row('-A FORWARD -s 10.0.0.1/32').verdict, 'count');
    assert.equal(netfilterRow({ ...base, stage: 'route' }, 1), undefined);
    // A bridged frame asking FORWARD (br_netfilter): said so, not left as a loose field.
    const bridged: Step = { ...base, data: { table: 'filter', chain: 'FORWARD', rule: 1, text: '-A FORWARD -j DROP', bridged: true } };
    assert.equal(netfilterRow(bridged, 1)!.bridged, true);
    assert.equal(nfText(bridged, 1, 'en')!.line, 'filter FORWARD #1: -A FORWARD -j DROP → DROP (bridged)');
    assert.equal(nfText(bridged, 1, 'ko')!.line, 'filter 테이블 FORWARD 체인 1번 규칙: -A FORWARD -j DROP → DROP (브리지 트래픽)');
    const d = decisionOf(bridged);
    assert.deepEqual(d.kind === 'netfilter' ? d.fields : undefined, []);
  });

  it("the CLI's text: the rule on one line, the packet before and after on the next, in English and Korean", () => {
    const t = trace('192.168.62.1', 8080, 1);
    const step = nf(t.request.steps).find((s) => s.data?.['chain'] === 'WEB')!;
    assert.deepEqual(nfText(step, 1, 'en'), {
      line: 'nat WEB #2: -A WEB -p tcp -j DNAT --to-destination 10.200.3.2:80 → DNAT',
      packet: '192.168.62.2:40000 > 192.168.62.1:8080 → 192.168.62.2:40000 > 10.200.3.2:80 (destination, destination port changed)',
    });
    assert.deepEqual(nfText(step, 1, 'ko'), {
      line: 'nat 테이블 WEB 체인 2번 규칙: -A WEB -p tcp -j DNAT --to-destination 10.200.3.2:80 → DNAT',
      packet: '192.168.62.2:40000 > 192.168.62.1:8080 → 192.168.62.2:40000 > 10.200.3.2:80 (목적지, 목적지 포트 바뀜)',
    });
    const stat = nf(t.request.steps).find((s) => s.data?.['statistic'])!;
    assert.equal(
      nfText(stat, 1, 'ko')!.line,
      `statistic: 뽑은 값 ${(stat.data!['statistic'] as { draw: number }).draw.toFixed(4)} (확률 50%): 타지 않고 다음 규칙으로 (시드 1)`,
    );
    const jump = nf(t.request.steps)[0]!;
    assert.equal(
      nfText(jump, 1, 'ko')!.line,
      'nat 테이블 PREROUTING 체인 1번 규칙: -A PREROUTING -i eth0 -p tcp -m tcp --dport 8080 -j WEB → WEB 체인으로 점프',
    );
  });
});
