/**
 * Cheats a student could try on the bundled labs (issue 11): each must now fail to score. A reach
 * check is held to the endpoint that answers in the lab's solution (checks/identity.ts), and a
 * noreach earns nothing in a network that does not work (grade/backing.ts).
 */
import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import { gradeFiles, referenceWorld } from '../../src/core/grade/folder';
import { applySolution } from '../../src/core/grade/overlay';
import { instantiateLab } from '../../src/core/index';
import type { LabGrade } from '../../src/core/grade/types';
import { readTree } from '../../src/cli/grade';

function grade(dir: string, edit: (labYaml: string) => string = (t) => t): LabGrade {
  const files = readTree(join('labs', dir));
  files.set('lab.yaml', edit(files.get('lab.yaml')!));
  files.delete('answers.yaml');
  return gradeFiles(files, { displayPath: (rel) => join('labs', dir, rel) });
}

function exercise(g: LabGrade, id: string) {
  const e = g.exercises.find((x) => x.id === id);
  assert.ok(e, `no exercise ${id}`);
  return e;
}

describe('bundled labs: cheats score nothing', () => {
  it("02-gateway: c never configured, its address on r's loopback and tcp/8080 served by r", () => {
    const cheat = (t: string) =>
      t
        .replace(
          '      ip addr add 192.168.2.1/24 dev eth1\n',
          '      ip addr add 192.168.2.1/24 dev eth1\n      ip addr add 192.168.4.1/24 dev eth2\n      ip addr add 192.168.4.10/32 dev lo\n',
        )
        .replace('      sysctl -w net.ipv4.ip_forward=1\n', '      sysctl -w net.ipv4.ip_forward=1\n    serve: [tcp/8080]\n')
        .replace(
          '      ip route add 192.168.2.0/24 via 192.168.1.1\n',
          '      ip route add 192.168.2.0/24 via 192.168.1.1\n      ip route add 192.168.4.0/24 via 192.168.1.1\n',
        )
        .replace(
          '      ip route add 192.168.1.0/24 via 192.168.2.1\n',
          '      ip route add 192.168.1.0/24 via 192.168.2.1\n      ip route add 192.168.4.0/24 via 192.168.2.1\n',
        );
    const g = grade('02-gateway', cheat);
    assert.deepEqual(
      g.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message.en),
      [],
    );
    const toC = g.exercises.flatMap((e) => e.checks.filter((c) => c.kind === 'reach' && /192\.168\.4\.10/.test(c.feedback.en)));
    assert.equal(toC.length, 4);
    for (const c of toC) {
      assert.equal(c.passed, false, c.feedback.en);
      assert.match(c.feedback.en, /192\.168\.4\.10 answered by r, not c$/);
      assert.match(c.feedback.ko, /192\.168\.4\.10에는 c가 아니라 r이 응답했습니다$/);
      assert.equal(c.expected, 'answered by c');
      assert.equal(c.actual, 'answered by r');
    }
    for (const id of ['r-on-lan3', 'a-reaches-c', 'b-reaches-c']) assert.equal(exercise(g, id).passed, false, id);
    assert.ok(g.score < 35, `score ${g.score}`);
  });

  it("05-network-namespaces: green's address on the bridge does not pass namespace-address", () => {
    const cheat = (t: string) =>
      t.replace(
        '      ip addr add 192.168.15.5/24 dev v-net-0\n',
        '      ip addr add 192.168.15.5/24 dev v-net-0\n      ip addr add 192.168.15.3/24 dev v-net-0\n',
      );
    const g = grade('05-network-namespaces', cheat);
    const e = exercise(g, 'namespace-address');
    assert.equal(e.score, 0);
    const c = e.checks[1]!;
    assert.equal(c.passed, false);
    assert.match(c.feedback.en, /192\.168\.15\.3 answered by host1, not host1\/green$/);
    assert.match(c.feedback.ko, /192\.168\.15\.3에는 host1\/green이 아니라 host1이 응답했습니다$/);
    // red's connection to 192.168.15.3:8080 reaches host1, not green (nothing listens there: refused).
    assert.equal(exercise(g, 'namespace-service').checks[0]!.passed, false);
  });

  it('the starters score nothing but what they already give (02: b still reaches a)', () => {
    for (const dir of ['01-switching-routing', '05-network-namespaces', '06-docker-networking']) {
      const g = grade(dir);
      assert.equal(g.score, 0, `${dir}: ${g.exercises.map((e) => `${e.id} ${e.score}`).join(', ')}`);
    }
    const g = grade('02-gateway');
    const passed = g.exercises.flatMap((e) => e.checks.filter((c) => c.passed).map((c) => `${e.id}: ${c.feedback.en}`));
    assert.equal(passed.length, 1, passed.join('\n'));
    assert.match(passed[0]!, /^b-reaches-c: b → 192\.168\.1\.10: /);
  });

  it("06-docker-networking: blog's host port published on shop does not pass host-conflict", () => {
    // shop takes a second -p for the port blog should have: host2 connects, but to shop.
    const g = grade('06-docker-networking', (t) =>
      t.replace('docker run -d --name shop -p 8080:80 nginx', 'docker run -d --name shop -p 8080:80 -p 8081:80 nginx'),
    );
    const e = exercise(g, 'host-conflict');
    assert.equal(e.checks[0]!.passed, false);
    assert.match(e.checks[0]!.feedback.en, /192\.168\.1\.10 answered by host1\/shop, not host1\/blog$/);
    assert.equal(e.checks[1]!.passed, false);
    assert.match(e.checks[1]!.feedback.en, /No public port '80\/tcp' published for blog/);
    assert.equal(e.passed, false);
  });

  it('01-switching-routing: its noreach checks say why they do not count yet', () => {
    const g = grade('01-switching-routing');
    const noreach = g.exercises.flatMap((e) => e.checks.filter((c) => c.kind === 'noreach'));
    assert.ok(noreach.length >= 2);
    for (const c of noreach) {
      assert.equal(c.passed, false);
      assert.match(
        c.feedback.en,
        /is blocked, as it should be: .*; but a blocked packet counts only once this exercise's reach checks pass \(0 of 2 do\)$/,
      );
      assert.match(c.feedback.ko, /하지만 차단 검사는 이 과제의 reach 검사가 모두 통과해야 점수가 됩니다\(2개 중 0개 통과\)$/);
    }
  });

  it('a student who writes the solution scores full marks, who answered checked against the reference', () => {
    for (const dir of ['01-switching-routing', '02-gateway', '05-network-namespaces', '06-docker-networking']) {
      // The lab as drawn (its variables' defaults), as the student's copy is.
      const tree = instantiateLab(readTree(join('labs', dir)), '').files;
      // The student's folder: the solved lab.yaml and answers, with solution/ still there for the reference.
      const files = new Map([...applySolution(tree).files, ...[...tree].filter(([p]) => p.startsWith('solution/'))]);
      const g = gradeFiles(files, { displayPath: (rel) => join('labs', dir, rel) });
      const reach = g.exercises.flatMap((e) => e.checks.filter((c) => c.kind === 'reach'));
      assert.ok(reach.length > 0);
      for (const c of reach) assert.equal(c.identityUnchecked, undefined, `${dir}: ${c.feedback.en}`);
      assert.equal(
        g.score,
        g.maxScore,
        `${dir}: ${g.exercises.flatMap((e) => e.checks.filter((c) => !c.passed).map((c) => c.feedback.en)).join('; ')}`,
      );
    }
  });

  it('takes a reference world built once (a class graded against one lab)', () => {
    const tree = readTree(join('labs', '02-gateway'));
    const reference = referenceWorld(tree);
    assert.ok(reference);
    const starter = new Map([...tree].filter(([p]) => !p.startsWith('solution/')));
    const cheat = grade('02-gateway', (t) =>
      t.replace(
        '      ip addr add 192.168.2.1/24 dev eth1\n',
        '      ip addr add 192.168.2.1/24 dev eth1\n      ip addr add 192.168.4.1/24 dev eth2\n      ip addr add 192.168.4.10/32 dev lo\n',
      ),
    );
    assert.equal(exercise(cheat, 'r-on-lan3').checks[1]!.passed, false);
    // Without solution/ in the folder, the reference given still holds r to c.
    starter.set(
      'lab.yaml',
      starter
        .get('lab.yaml')!
        .replace(
          '      ip addr add 192.168.2.1/24 dev eth1\n',
          '      ip addr add 192.168.2.1/24 dev eth1\n      ip addr add 192.168.4.1/24 dev eth2\n      ip addr add 192.168.4.10/32 dev lo\n',
        ),
    );
    const alone = gradeFiles(starter, { displayPath: (rel) => rel });
    assert.equal(exercise(alone, 'r-on-lan3').checks[1]!.passed, true);
    const held = gradeFiles(starter, { displayPath: (rel) => rel, reference });
    const c = exercise(held, 'r-on-lan3').checks[1]!;
    assert.equal(c.passed, false);
    assert.match(c.feedback.en, /answered by r, not c$/);
  });

  it('the solutions, graded with --solution, still score full marks', () => {
    for (const dir of ['01-switching-routing', '02-gateway', '05-network-namespaces', '06-docker-networking']) {
      const files = readTree(join('labs', dir));
      const g = gradeFiles(files, { displayPath: (rel) => join('labs', dir, rel), solution: true });
      assert.equal(g.score, g.maxScore, dir);
    }
  });
});
