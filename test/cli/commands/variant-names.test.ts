/**
 * Lab 05's namespace names are variables (green, yellow): two students of the class get other
 * names (and other answers), the Korean README reads right with each, every solved copy scores full
 * marks with the key under the same exercise ids, and the lab as written is the lab as it was.
 */
import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { applySolution, instantiateLab, readVariantRecord } from '../../../src/core';
import { readTree } from '../../../src/cli/tree';
import { run } from '../../support/cli';

const LAB = 'labs/05-network-namespaces';
const SECRET = 'the names secret';
const IDS = [
  'direct-pair',
  'namespace-cable',
  'namespace-address',
  'namespace-service',
  'namespace-way-out',
  'nat-out',
  'port-forward',
  'veth-pairs',
  'fix-unreachable',
];

interface GradeJson {
  score: number;
  maxScore: number;
  exercises: { id: string; score: number; maxScore: number; passed: boolean }[];
  diagnostics: { severity: string; message: string }[];
}

describe('lab 05: the namespaces green and yellow are named per student', () => {
  let tmp = '';
  let key = '';
  let secret = '';
  const copy = (s: string) => join(tmp, 'class', s);
  const values = (s: string) => new Map(readVariantRecord(readFileSync(join(copy(s), 'lab.yaml'), 'utf8'))!.values);

  before(() => {
    tmp = mkdtempSync(join(tmpdir(), 'knetlab-names-'));
    key = join(tmp, 'key');
    secret = join(tmp, 'secret');
    writeFileSync(secret, SECRET + '\n');
    writeFileSync(join(tmp, 'roster.csv'), 'id,name\ns1,Kim\ns3,Lee\n');
    assert.equal(run('build', LAB, '--handout', join(tmp, 'handout'), '--key', key).code, 0);
    const v = run('variant', join(tmp, 'handout'), '--roster', join(tmp, 'roster.csv'), '--out', join(tmp, 'class'), '--secret', secret);
    assert.equal(v.code, 0, v.err);
  });
  after(() => rmSync(tmp, { recursive: true, force: true }));

  it('two students: other names than each other and than the notes, each name everywhere, no default left', () => {
    const [a, b] = [values('s1'), values('s3')];
    assert.deepEqual([a.get('green'), a.get('yellow'), b.get('green'), b.get('yellow')], ['crimson', 'peach', 'navy', 'brown']);
    for (const s of ['s1', 's3']) {
      const { green, yellow } = Object.fromEntries(values(s));
      for (const [rel, text] of readTree(copy(s))) {
        const body = rel === 'lab.yaml' ? text.replace(/^variant:.*$/m, '') : text;
        assert.doesNotMatch(body, /(?<![A-Za-z0-9_])(green|yellow)(?![A-Za-z0-9_])/, `${s}/${rel}`);
      }
      const lab = readFileSync(join(copy(s), 'lab.yaml'), 'utf8');
      assert.ok(
        lab.includes(`ip netns add ${green}\n`) && lab.includes(`ip link add veth-${yellow} type veth peer name veth-${yellow}-br`),
      );
      assert.ok(lab.includes(`- veth-${green}-br\n`), 'a quiz choice');
    }
  });

  it('the Korean README reads right with names that end otherwise than green and yellow (navy, brown)', () => {
    const ko = readFileSync(join(copy('s3'), 'README.ko.md'), 'utf8');
    assert.ok(ko.includes('**navy**를'), 'green**을 → navy**를');
    assert.ok(ko.includes('brown과 통신할 수'), 'yellow와 → brown과');
    assert.ok(!/navy[은이을과]|brown[는가를와]|brown로/.test(ko), ko.match(/.{20}(navy|brown)[은이을과는가를와로].{5}/)?.[0]);
    const lab = readFileSync(join(copy('s3'), 'lab.yaml'), 'utf8');
    assert.match(lab, /ko: "?navy를 브리지에 연결하기/);
    assert.ok(lab.includes('네임스페이스 **navy**는 있지만'));
    assert.ok(lab.includes('brown은 TCP 5432번 포트에서'));
  });

  it("each solved copy scores full marks with the key, under the lab's exercise ids; the other's answers do not", () => {
    for (const s of ['s1', 's3']) {
      const drawn = instantiateLab(readTree(LAB), s, { secret: SECRET });
      const solution = new Map([...drawn.files].filter(([rel]) => rel.startsWith('solution/')));
      const record = readFileSync(join(copy(s), 'lab.yaml'), 'utf8').match(/^variant:.*$/m)![0];
      for (const [rel, text] of applySolution(new Map([...readTree(copy(s)), ...solution])).files) {
        writeFileSync(join(copy(s), rel), rel === 'lab.yaml' ? `${text.replace(/^variant:.*\n?/m, '').trimEnd()}\n${record}\n` : text);
      }
      const g = JSON.parse(run('grade', copy(s), '--key', key, '--secret', secret, '--format', 'json').out) as GradeJson;
      assert.deepEqual([g.score, g.maxScore], [105, 105], JSON.stringify(g.diagnostics.filter((d) => d.severity === 'error')));
      assert.deepEqual(
        g.exercises.map((e) => e.id),
        IDS,
      );
    }
    // s1's quiz answers (their names) handed in by s3: the quizzes fail
    writeFileSync(join(copy('s3'), 'answers.yaml'), readFileSync(join(copy('s1'), 'answers.yaml'), 'utf8'));
    const g = JSON.parse(run('grade', copy('s3'), '--key', key, '--secret', secret, '--format', 'json').out) as GradeJson;
    assert.deepEqual(
      g.exercises.filter((e) => !e.passed).map((e) => e.id),
      ['nat-out', 'veth-pairs', 'fix-unreachable'],
    );
  });

  it('the lab as written is the lab as it was: every file but the variables block', () => {
    const tree = readTree(LAB);
    const inst = instantiateLab(tree, '');
    assert.deepEqual(
      inst.diagnostics.filter((d) => d.severity !== 'info'),
      [],
    );
    for (const [rel, text] of tree) {
      if (rel !== 'lab.yaml') assert.equal(inst.files.get(rel), text, rel);
    }
    const [given, asWritten] = [tree.get('lab.yaml')!.split('\n'), inst.files.get('lab.yaml')!.split('\n')];
    const at = given.indexOf('variables:');
    assert.deepEqual(asWritten.slice(0, at), given.slice(0, at));
    assert.match(
      asWritten[at]!,
      /values: \{ lan: "192\.168\.1\.0\/24", bridge: "192\.168\.15\.0\/24", pair: "192\.168\.16\.0\/24", green: "green", yellow: "yellow" \}/,
    );
  });
});
