/**
 * The rule check (src/core/grade/checks/rule.ts): a rule with at least these matches and this
 * target in a chain, or a chain's policy, read off the student's tables and compared on the parsed
 * rule; its failures say what the chain holds and the closest rule; it grades with a key.
 */
import { strict as assert } from 'node:assert';
import { gradeFiles, type GradingKey, readKey, splitLab } from '../../../../src/core';
import { gradeLab } from '../../../../src/core/grade/grade';
import { ruleCheck, splitRule } from '../../../../src/core/grade/checks/rule';
import { checkDiags, ex, load } from '../../../support/gradeLab';
import type { CheckGrade } from '../../../../src/core/grade/types';

const RUN = [
  'ip addr add 192.168.1.1/24 dev eth0',
  'iptables -t nat -A POSTROUTING -o eth0 -s 192.168.15.0/24 -j MASQUERADE',
  'iptables -A FORWARD -p tcp -m tcp --dport 80 -j ACCEPT',
  'iptables -P FORWARD DROP',
  'iptables -t nat -A PREROUTING -p tcp --dport 8080 -j DNAT --to-destination 192.168.15.2:80',
  'iptables -A INPUT -s 1.2.3.4 -j DROP',
  'iptables -D INPUT -s 1.2.3.4 -j DROP',
  'iptables -A INPUT -j ACCEPT',
  'iptables -A INPUT -p tcp --dport 22 -j DROP',
];

function lab(checks: string[], run = RUN): string {
  return `name: nat
switches: [lan]
hosts:
  r:
    interfaces: { eth0: lan }
    run: |
${run.map((l) => `      ${l}\n`).join('')}exercises:
  - id: e
    checks:
${checks.map((c) => `      - ${c}\n`).join('')}`;
}

function grade(...checks: string[]): CheckGrade[] {
  return ex(gradeLab(load(lab(checks))), 'e').checks;
}

describe('grade: rule', () => {
  it('finds a rule whatever the order, the spelling and the host bits of its words', () => {
    const got = grade(
      'rule: { on: r, table: nat, chain: POSTROUTING, match: "-j MASQUERADE -s 192.168.15.1/24" }',
      'rule: { on: r, chain: FORWARD, match: "-p tcp --destination-port 80 --jump ACCEPT" }',
      'rule: { on: r, chain: FORWARD, match: "--protocol tcp -m tcp --dport 80" }',
      'rule: { on: r, table: nat, chain: PREROUTING, match: "-p tcp -m tcp --dport 8080 -j DNAT --to-destination 192.168.15.2:80" }',
    );
    for (const c of got) assert.equal(c.passed, true, c.feedback.en);
    assert.match(got[0]!.feedback.en, /-A POSTROUTING -s 192\.168\.15\.0\/24 -o eth0 -j MASQUERADE \(lab\.yaml:8\)/);
    assert.equal(got[0]!.source?.line, 8, 'the lab line that wrote the rule');
  });

  it('fails on a rule with other matches, another target or other target options, saying what the chain holds and the closest rule', () => {
    const [src, dnat, udp] = grade(
      'rule: { on: r, table: nat, chain: POSTROUTING, match: "-s 10.0.0.0/8 -j MASQUERADE" }',
      'rule: { on: r, table: nat, chain: PREROUTING, match: "-p tcp --dport 8080 -j DNAT --to-destination 192.168.15.3:80" }',
      'rule: { on: r, chain: FORWARD, match: "-p udp --dport 80 -j ACCEPT" }',
    );
    assert.equal(src!.passed, false);
    assert.equal(
      src!.feedback.en,
      'r: iptables -t nat: no rule of POSTROUTING has -s 10.0.0.0/8 -j MASQUERADE; it holds: -A POSTROUTING -s 192.168.15.0/24 -o eth0 -j MASQUERADE (lab.yaml:8); the closest, -A POSTROUTING -s 192.168.15.0/24 -o eth0 -j MASQUERADE (lab.yaml:8), lacks -s 10.0.0.0/8',
    );
    assert.match(
      src!.feedback.ko,
      /^r: iptables -t nat: POSTROUTING 체인에 -s 10\.0\.0\.0\/8 -j MASQUERADE 규칙이 없습니다; 체인의 규칙: .*가장 가까운 규칙: .*\(빠진 부분: -s 10\.0\.0\.0\/8\)$/,
    );
    assert.equal(dnat!.passed, false);
    assert.match(dnat!.feedback.en, /lacks -j DNAT --to-destination 192\.168\.15\.3:80$/);
    assert.equal(udp!.passed, false);
    assert.match(udp!.feedback.en, /lacks -p udp -m udp --dport 80|lacks -p udp --dport 80/);
  });

  it("asks for at least what match gives: one option among more, a port by its name, no target, a rule per source, a target's defaults", () => {
    const run = [
      'iptables -A INPUT -p tcp --sport 1024: --dport 80 -i eth0 -j ACCEPT',
      'iptables -A INPUT -s 10.0.0.0/8 -j REJECT',
      'iptables -A INPUT -s 10.1.0.0/16 -j REJECT --reject-with tcp-reset -p tcp',
      'iptables -A INPUT -p udp -m udp ! --dport 53 -j DROP',
    ];
    const g = (...checks: string[]) => ex(gradeLab(load(lab(checks, run))), 'e').checks.map((c) => c.passed);
    assert.deepEqual(
      g(
        'rule: { on: r, chain: INPUT, match: "-p tcp --dport http -j ACCEPT" }',
        'rule: { on: r, chain: INPUT, match: "-i eth0" }',
        'rule: { on: r, chain: INPUT, match: "-s 10.0.0.0/8,10.1.0.0/16" }',
        'rule: { on: r, chain: INPUT, match: "-s 10.0.0.0/8,10.2.0.0/16" }',
        'rule: { on: r, chain: INPUT, match: "-s 10.0.0.0/8 -j REJECT" }',
        'rule: { on: r, chain: INPUT, match: "-s 10.1.0.0/16 -j REJECT" }',
        'rule: { on: r, chain: INPUT, match: "-p tcp -s 10.1.0.0/16 -j REJECT --reject-with tcp-reset" }',
        'rule: { on: r, chain: INPUT, match: "-s 10.0.0.0/16 -j REJECT" }',
        'rule: { on: r, chain: INPUT, match: "-p udp ! --dport 53" }',
        'rule: { on: r, chain: INPUT, match: "-p udp --dport 53" }',
      ),
      [true, true, true, false, true, false, true, false, true, false],
    );
  });

  it('reads the tables as the run lines left them: a rule deleted later is gone, and an empty chain says so with its policy', () => {
    const [deleted, empty] = grade(
      'rule: { on: r, chain: INPUT, match: "-s 1.2.3.4 -j DROP" }',
      'rule: { on: r, chain: OUTPUT, match: "-j ACCEPT" }',
    );
    assert.equal(deleted!.passed, false);
    assert.match(deleted!.feedback.en, /it holds: -A INPUT -j ACCEPT \(lab\.yaml:14\), -A INPUT -p tcp -m tcp --dport 22 -j DROP/);
    assert.equal(empty!.passed, false);
    assert.match(empty!.feedback.en, /no rule of OUTPUT has -j ACCEPT; OUTPUT is empty \(policy ACCEPT\)$/);
    assert.match(empty!.feedback.ko, /OUTPUT 체인은 비어 있습니다 \(정책 ACCEPT\)$/);
  });

  it('carries as warnings the lines of its host the simulator does not model: its verdict may be wrong', () => {
    const [c] = ex(
      gradeLab(load(lab(['rule: { on: r, chain: INPUT, match: "-j ACCEPT" }'], ['iptables -A INPUT -m limit --limit 1/s -j ACCEPT']))),
      'e',
    ).checks;
    assert.equal(c!.passed, false);
    assert.deepEqual(
      c!.warnings?.map((w) => [w.code, w.line]),
      [['command-not-simulated', 7]],
    );
  });

  it('passes a rule an earlier ACCEPT shadows, and says it never matches', () => {
    const [c] = grade('rule: { on: r, chain: INPUT, match: "-p tcp --dport 22 -j DROP" }');
    assert.equal(c!.passed, true);
    assert.match(c!.feedback.en, /but it never matches: -A INPUT -j ACCEPT \(lab\.yaml:14\) comes first/);
    assert.match(c!.feedback.ko, /다만 이 규칙은 매치되지 않습니다/);
  });

  it("checks a chain's policy, with the line that set it", () => {
    const [drop, wrong, dflt] = grade(
      'rule: { on: r, chain: FORWARD, policy: DROP }',
      'rule: { on: r, chain: FORWARD, policy: ACCEPT }',
      'rule: { on: r, table: nat, chain: PREROUTING, policy: ACCEPT }',
    );
    assert.equal(drop!.passed, true);
    assert.equal(drop!.source?.line, 10);
    assert.equal(wrong!.passed, false);
    assert.equal(wrong!.feedback.en, 'r: iptables: the policy of FORWARD is DROP (lab.yaml:10), not ACCEPT');
    assert.equal(wrong!.feedback.ko, 'r: iptables: FORWARD 체인의 정책은 DROP입니다 (lab.yaml:10) (기대: ACCEPT)');
    assert.equal(dflt!.passed, true, 'a chain nobody wrote to has policy ACCEPT');
  });

  it('fails on a user chain that does not exist, and on a namespace the run lines never made', () => {
    const [chain, ns] = grade('rule: { on: r, chain: MYCHAIN, match: "-j ACCEPT" }', 'rule: { on: r/red, chain: INPUT, policy: DROP }');
    assert.equal(chain!.passed, false);
    assert.match(chain!.feedback.en, /the filter table has no chain MYCHAIN/);
    assert.match(chain!.feedback.ko, /filter 테이블에 MYCHAIN 체인이 없습니다 \(iptables -t filter -N MYCHAIN으로 만듭니다\)/);
    assert.equal(ns!.passed, false);
    assert.match(ns!.feedback.en, /no network namespace "red"/);
  });

  it('validates its arguments: the table, match or policy, a rule iptables takes, a target its table can hold', () => {
    const codes = (c: string) => checkDiags(`      - ${c}\n`).map((d) => d.code);
    assert.deepEqual(codes('rule: { on: a, table: nat, chain: POSTROUTING, match: "-j MASQUERADE" }'), []);
    assert.deepEqual(codes('rule: { on: a, table: natt, chain: POSTROUTING, match: "-j MASQUERADE" }'), ['bad-rule']);
    assert.deepEqual(codes('rule: { on: a, chain: INPUT }'), ['missing-key']);
    assert.deepEqual(codes('rule: { on: a, chain: INPUT, policy: DROP, match: "-j DROP" }'), ['missing-key']);
    assert.deepEqual(codes('rule: { on: zz, chain: INPUT, policy: DROP }'), ['unknown-host']);
    const bad = checkDiags('      - rule: { on: a, chain: INPUT, match: "-p tcp --dprot 80 -j ACCEPT" }\n');
    assert.deepEqual(
      bad.map((d) => d.code),
      ['bad-rule'],
    );
    assert.equal(bad[0]!.en, 'iptables does not take this rule: unknown option "--dprot"');
    const dnat = checkDiags('      - rule: { on: a, chain: INPUT, match: "-j DNAT --to-destination 10.0.0.2" }\n');
    assert.match(dnat[0]!.en, /DNAT is only valid in the nat table/);
    assert.deepEqual(codes('rule: { on: a, chain: MINE, policy: DROP }'), ['bad-rule']);
    assert.equal(
      checkDiags('      - rule: { on: a, chain: INPUT, match: "-m limit --limit 1/s -j ACCEPT" }\n')[0]!.en,
      '"iptables -m limit" is not simulated, so no rule of the simulated tables has it.',
    );
    const pre = checkDiags('      - rule: { on: a, chain: PREROUTING, match: "-j ACCEPT" }\n');
    assert.deepEqual(
      pre.map((d) => d.en),
      ['The filter table has no PREROUTING chain; PREROUTING is a chain of raw, mangle, nat.'],
    );
  });

  it('labels itself as the iptables command', () => {
    const at = { file: 'lab.yaml', line: 1, column: 1, endLine: 1, endColumn: 2 };
    const c = (args: unknown) => ({ kind: 'rule', args, range: at, argRanges: {} });
    assert.equal(
      ruleCheck.label(c({ on: 'r', table: 'nat', chain: 'POSTROUTING', match: '-s 10.0.0.0/8 -j MASQUERADE' })),
      'r: iptables -t nat -A POSTROUTING -s 10.0.0.0/8 -j MASQUERADE',
    );
    assert.equal(ruleCheck.label(c({ on: 'r', chain: 'FORWARD', policy: 'DROP' })), 'r: iptables -P FORWARD DROP');
    assert.deepEqual(splitRule(`-m comment --comment "two words" -j ACCEPT`), ['-m', 'comment', '--comment', 'two words', '-j', 'ACCEPT']);
  });

  it("grades with the instructor's key: the student's rules, whatever they wrote under exercises", () => {
    const text = lab(['rule: { on: r, table: nat, chain: POSTROUTING, match: "-s 192.168.15.0/24 -j MASQUERADE" }'], RUN.slice(0, 1));
    const split = splitLab(new Map([['lab.yaml', text]]), { displayPath: (p) => p });
    assert.deepEqual(split.diagnostics, []);
    const key: GradingKey = readKey(split.key.get('key.yaml')!, 'key/key.yaml').key!;
    const handout = split.handout.get('lab.yaml')!;
    assert.ok(!handout.includes('MASQUERADE'), 'the handout does not give the rule away');
    const g = (lab: string) => gradeFiles(new Map([['lab.yaml', lab]]), { displayPath: (p) => p, key });
    assert.equal(g(handout).score, 0);
    const solved = handout.replace(
      'ip addr add 192.168.1.1/24 dev eth0\n',
      'ip addr add 192.168.1.1/24 dev eth0\n      iptables -t nat -A POSTROUTING -s 192.168.15.7/24 -o eth0 -j MASQUERADE\n',
    );
    assert.equal(g(solved).score, g(solved).maxScore);
    const cheat = handout + '    checks:\n      - rule: { on: r, chain: INPUT, policy: ACCEPT }\n';
    assert.equal(g(cheat).score, 0, "a student's own check counts for nothing");
  });
});
