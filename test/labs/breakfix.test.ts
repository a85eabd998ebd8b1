/**
 * The bundled labs' break-and-fix exercises (issue 11, point 5): each starter has a fault to find.
 * As given (and for every student's addresses), the exercise's reach checks fail with the cause the
 * fault makes (traceCauses), the exercise scores 0; fixing only the faulty line passes its checks,
 * and the quiz takes the right cause, in English or in Korean or by number, and no other.
 */
import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import { buildWorld, instantiateLab, loadLab, readVariantRecord, studentCopy, tracePacket } from '../../src/core/index';
import { traceCauses } from '../../src/core/datapath/causes';
import { packetRequest } from '../../src/core/grade/checks/packet';
import { gradeFiles } from '../../src/core/grade/folder';
import { readTree } from '../../src/cli/grade';

interface BreakFix {
  readonly dir: string;
  readonly id: string;
  /**
   * The causes the starter's reach checks show, `cause@endpoint`, one list per reach check; a
   * `{name}` is the student's value of that name variable (the default for the lab as written).
   */
  readonly causes: readonly (readonly string[])[];
  /** The fix: one line of the starter's lab.yaml (as drawn for the student) changed, added or moved; `name` as above. */
  readonly fix: (lab: string, name: (variable: string) => string) => string;
  /** The right answer's choice number (1 for the first). */
  readonly right: number;
}

const CASES: readonly BreakFix[] = [
  {
    dir: '01-switching-routing',
    id: 'fix-printer',
    causes: [
      ['wrong-mask@printer', 'host-unreachable@printer'],
      ['wrong-mask@printer', 'host-unreachable@printer'],
    ],
    fix: (t) => t.replace(/(ip addr add \S+\.20)\/8 dev eth0/, '$1/24 dev eth0'),
    right: 3,
  },
  {
    dir: '02-gateway',
    id: 'fix-d',
    causes: [['no-route-back@d'], ['no-route-back@d']],
    fix: (t) =>
      t.replace(/( {6}ip route add (\S+) via (\S+)\n {4}serve: \[tcp\/22\])/, '      ip route add default via $3\n    serve: [tcp/22]'),
    right: 3,
  },
  {
    dir: '05-network-namespaces',
    id: 'fix-unreachable',
    causes: [['interface-down@host1/red'], ['interface-down@host1'], ['no-route@host1/{yellow}']],
    fix: (t, name) => {
      const y = name('yellow');
      return t
        .replace(`      ip link set veth-${y} up\n`, '')
        .replace(new RegExp(`( {6}ip -n ${y} addr add \\S+ dev veth-${y}\n)`), `$1      ip -n ${y} link set veth-${y} up\n`);
    },
    right: 3,
  },
  {
    dir: '06-docker-networking',
    id: 'host-conflict',
    causes: [['not-listening@host1']],
    // blog on the bridge, its port 80 on the host port the student's task names (the check's port).
    fix: (t, name) => {
      const port = /docker port \S+ 80\/tcp", match: "\^0\\\\\.0\\\\\.0\\\\\.0:(\d+)\$"/.exec(t)![1]!;
      return t.replace(
        `docker run -d --name ${name('blog')} --network host httpd`,
        `docker run -d --name ${name('blog')} -p ${port}:80 httpd`,
      );
    },
    right: 1,
  },
  {
    dir: '06-docker-networking',
    id: 'published-firewall',
    causes: [['filtered@host1']],
    fix: (t) => t.replace('iptables -A INPUT -p tcp --dport 8080 -j DROP', 'iptables -I DOCKER-USER -i eth0 -d 172.17.0.3 -j DROP'),
    right: 1,
  },
];

const STUDENTS = ['', 's2026001', 's2026017', 'kim.minsu'];

/** A name variable's value in a starter's lab.yaml: the copy's record, or the default as written. */
function nameIn(lab: string): (variable: string) => string {
  const values = new Map(readVariantRecord(lab)?.values ?? []);
  return (variable) => values.get(variable) ?? variable;
}

/** The lab for a student ('' is the lab as written): its files, without solution/ and answers. */
function starter(dir: string, student: string): Map<string, string> {
  const tree = readTree(join('labs', dir));
  const files = student === '' ? instantiateLab(tree, '').files : studentCopy(tree, student).files;
  return new Map([...files].filter(([p]) => !p.startsWith('solution/') && p !== 'answers.yaml'));
}

function exercise(files: ReadonlyMap<string, string>, id: string, answers?: string) {
  const f = new Map(files);
  if (answers !== undefined) f.set('answers.yaml', `${id}: ${JSON.stringify(answers)}\n`);
  const g = gradeFiles(f, { displayPath: (p) => p, attempts: 1 });
  assert.deepEqual(
    g.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message.en),
    [],
  );
  const e = g.exercises.find((x) => x.id === id);
  assert.ok(e, id);
  return e;
}

describe('bundled labs: break-and-fix exercises', () => {
  it("05: yellow's fault is blamed for nothing else (an ARP for green's address, which nobody has yet)", () => {
    const files = starter('05-network-namespaces', '');
    const e = exercise(files, 'namespace-address');
    assert.deepEqual(
      e.causes?.map((x) => `${x.cause}@${x.host}${x.netns ? `/${x.netns}` : ''}`),
      ['no-route@host1/green', 'host-unreachable@host1'],
    );
    assert.doesNotMatch(e.checks[1]!.feedback.en, /yellow/);
  });

  for (const c of CASES) {
    describe(`${c.dir}: ${c.id}`, () => {
      for (const student of STUDENTS) {
        const who = student || 'the lab as written';
        it(`${who}: the starter's reach checks fail with the fault's cause, and the exercise scores 0`, () => {
          const files = starter(c.dir, student);
          const loaded = loadLab(files.get('lab.yaml')!, { file: 'lab.yaml', readFile: (p) => files.get(p) });
          assert.ok(loaded.lab);
          const world = buildWorld(loaded.lab).world;
          const ex = loaded.lab.exercises.find((e) => e.id === c.id)!;
          const seen = ex.checks
            .filter((k) => k.kind === 'reach')
            .map((k) => {
              const run = packetRequest(k, world);
              assert.ok(run && !('missing' in run), `${c.id}: the check sends a packet`);
              const t = tracePacket(world, run.req);
              assert.equal(t.replied, false, `${who}: ${run.label} already works`);
              return traceCauses(t).map((x) => `${x.cause}@${x.host}${x.netns ? `/${x.netns}` : ''}`);
            });
          const name = nameIn(files.get('lab.yaml')!);
          assert.deepEqual(
            seen,
            c.causes.map((l) => l.map((x) => x.replace(/\{(\w+)\}/g, (_m, v: string) => name(v)))),
          );
          const e = exercise(files, c.id);
          assert.equal(e.score, 0);
          assert.ok(e.checks.every((k) => !k.passed));
        });

        it(`${who}: fixing only the faulty line passes the behaviour checks; the quiz takes the right cause only`, () => {
          const files = starter(c.dir, student);
          const lab = files.get('lab.yaml')!;
          const fixed = c.fix(lab, nameIn(lab));
          assert.notEqual(fixed, lab, 'the fix applies');
          // One line changed, added or moved: the rest of the lab as given.
          const before = lab.split('\n');
          const after = fixed.split('\n');
          assert.ok(Math.abs(before.length - after.length) <= 1);
          assert.ok(after.filter((l) => !before.includes(l)).length <= 1, 'one new line');
          files.set('lab.yaml', fixed);
          const e = exercise(files, c.id);
          const behaviour = e.checks.filter((k) => k.kind !== 'quiz');
          assert.deepEqual(
            behaviour.filter((k) => !k.passed).map((k) => k.feedback.en),
            [],
          );
          assert.equal(e.passed, false, 'the quiz is still to answer');
          assert.equal(exercise(files, c.id, String(c.right)).passed, true);
          const lab2 = loadLab(fixed, { file: 'lab.yaml', readFile: (p) => files.get(p) }).lab!;
          const quiz = lab2.exercises.find((x) => x.id === c.id)!.checks.find((k) => k.kind === 'quiz')!;
          const choices = (quiz.args as { choices: { en: string; ko: string }[] }).choices;
          assert.ok(choices.length >= 3);
          choices.forEach((ch, i) => {
            const right = i + 1 === c.right;
            assert.equal(exercise(files, c.id, ch.en).passed, right, `${ch.en}`);
            assert.equal(exercise(files, c.id, ch.ko).passed, right, `${ch.ko}`);
          });
        });
      }

      it('the reference solution passes it', () => {
        const tree = readTree(join('labs', c.dir));
        const g = gradeFiles(tree, { displayPath: (p) => p, solution: true });
        assert.equal(g.exercises.find((e) => e.id === c.id)!.passed, true);
      });
    });
  }
});
