/** `knetlab trace` text for netfilter steps: table, chain and rule on one line, the packet before and after a rewrite, in English and Korean. */
import { strict as assert } from 'node:assert';
import { run, runWith, tmpLab } from '../../support/cli';
import { NF_LAB, NF_LINES } from '../../support/nfLab';

describe('knetlab trace: netfilter steps', () => {
  let dir: string;
  before(() => {
    dir = tmpLab(NF_LAB);
  });
  const args = (...more: string[]) => ['trace', dir, '--from', 'c', '--to', '192.168.62.1', '--proto', 'tcp', '--port', '8080', ...more];
  /** The lines of the output from the first that matches `re`, `n` of them. */
  const from = (out: string, re: RegExp, n: number) => {
    const lines = out.split('\n');
    const at = lines.findIndex((l) => re.test(l));
    assert.ok(at >= 0, `no line matches ${re}:\n${out}`);
    return lines.slice(at, at + n);
  };

  it('English: each rule with its table and chain, what it decided and its line; the DNAT before and after; the un-NAT of the reply', () => {
    const r = run(...args('--seed', '1'));
    assert.equal(r.code, 0, r.err);
    const file = `${dir.replace(/.*\//, '')}/lab.yaml`;
    const [jump, stat, dnat, packet] = from(r.out, /netfilter PREROUTING: nat PREROUTING #1/, 4);
    assert.match(
      jump!,
      /^ {2}\d+\. \[h eth0\] netfilter PREROUTING: nat PREROUTING #1: -A PREROUTING -i eth0 -p tcp -m tcp --dport 8080 -j WEB → jump to WEB {2}\(/,
    );
    assert.ok(jump!.endsWith(`${file}:${NF_LINES.jump})`), jump);
    assert.match(stat!, /netfilter PREROUTING: statistic: drew 0\.\d{4} \(probability 50%\): not taken, on to the next rule \(seed 1\)/);
    assert.match(dnat!, /nat WEB #2: -A WEB -p tcp -j DNAT --to-destination 10\.200\.3\.2:80 → DNAT {2}\(/);
    assert.equal(
      packet,
      '       192.168.62.2:40000 > 192.168.62.1:8080 → 192.168.62.2:40000 > 10.200.3.2:80 (destination, destination port changed)',
    );
    const [unnat, back] = from(r.out, /conntrack/, 2);
    assert.match(unnat!, /netfilter POSTROUTING: conntrack: the reply is un-NATed/);
    assert.equal(back, '       10.200.3.2:80 > 192.168.62.2:40000 → 192.168.62.1:8080 > 192.168.62.2:40000 (source, source port changed)');
    assert.match(r.out, /netfilter FORWARD: filter FORWARD: no rule decided: policy ACCEPT/);
  });

  it('Korean: the same lines in the course words, and the seed given', () => {
    const r = runWith({ LANG: 'C', KNETLAB_NO_RECORD: '1' }, '--lang', 'ko', ...args('--seed', '7'));
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /넷필터 PREROUTING: nat 테이블 PREROUTING 체인 1번 규칙: -A PREROUTING .* -j WEB → WEB 체인으로 점프/);
    assert.match(r.out, /넷필터 PREROUTING: statistic: 뽑은 값 0\.\d{4} \(확률 50%\): 이 분기를 탐 \(시드 7\)/);
    const [dnat, packet] = from(r.out, /nat 테이블 WEB 체인 1번 규칙/, 2);
    assert.match(
      dnat!,
      /-A WEB -p tcp -m statistic --mode random --probability 0\.50000000000 -j DNAT --to-destination 10\.200\.3\.2:80 → DNAT/,
    );
    assert.match(packet!, /→ 192\.168\.62\.2:40000 > 10\.200\.3\.2:80 \(목적지, 목적지 포트 바뀜\)$/);
    assert.match(r.out, /conntrack: 응답의 NAT를 되돌림 \(역변환\)\n {7}.* \(출발지, 출발지 포트 바뀜\)/);
    assert.match(r.out, /filter 테이블 FORWARD 체인: 결정한 규칙 없음: 정책 ACCEPT/);
    assert.doesNotMatch(r.out, /이\(가\)|을\(를\)|은\(는\)|\(으\)로/);
  });

  it("a REJECT: the rule, then the hook's own sentence for the verdict", () => {
    const r = run('trace', dir, '--from', 'c', '--to', '10.200.3.2', '--proto', 'tcp', '--port', '81');
    const [rule, verdict] = from(r.out, /filter FORWARD #1/, 2);
    assert.match(rule!, /filter FORWARD #1: -A FORWARD -p tcp -m tcp --dport 81 -j REJECT --reject-with icmp-port-unreachable → REJECT/);
    assert.match(verdict!, /netfilter FORWARD: Rejected by filter FORWARD rule 1/);
  });
});
