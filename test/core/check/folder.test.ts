/**
 * Checking a lab folder (src/core/check/folder.ts): the starter as a lab, then the lab with its
 * solution applied as a patch, each diagnostic of the solved lab at the line it came from.
 */
import { strict as assert } from 'node:assert';
import { checkLabFiles } from '../../../src/core';

const STARTER = `name: two
switches: [lan]
hosts:
  a:
    interfaces: { eth0: lan }
    run: |
      ip addr add 10.0.0.1/24 dev eth0
  b:
    interfaces: { eth0: lan }
`;

const show = (rel: string) => `lab/${rel}`;
const at = (ds: ReturnType<typeof checkLabFiles>) => ds.map((d) => `${d.file}:${d.line}:${d.column} ${d.severity} ${d.code}`);

describe('check: a lab folder with its solution applied as a patch', () => {
  it('a good solution adds nothing; its patch is never checked as a lab of its own', () => {
    const files = new Map([
      ['lab.yaml', STARTER],
      ['solution/lab.yaml', 'hosts:\n  b:\n    run: |\n      ip addr add 10.0.0.2/24 dev eth0\n'],
    ]);
    assert.deepEqual(checkLabFiles(files, { displayPath: show }), []);
  });

  it("the solved lab's problems are told at the patch's lines, with their columns", () => {
    const patch =
      'hosts:\n  b:\n    run: |\n      ip addr add 10.0.0.2/24 dev eth0\n      ip route add 10.9.0.0/16 via 10.7.0.1\n      nft list ruleset\n';
    const ds = checkLabFiles(
      new Map([
        ['lab.yaml', STARTER],
        ['solution/lab.yaml', patch],
      ]),
      { displayPath: show },
    );
    assert.deepEqual(at(ds), [
      'lab/solution/lab.yaml:5:36 error command-failed',
      'lab/solution/lab.yaml:6:7 warning command-not-simulated',
    ]);
    assert.match(ds[0]!.message.en, /^b: this command fails .*Nexthop has invalid gateway/);
    assert.equal(ds[0]!.endColumn, 44);
  });

  it("a problem of the starter is told once, at the starter's line; one the solution brings to a starter line, there", () => {
    const starter = STARTER.replace(
      '      ip addr add 10.0.0.1/24 dev eth0\n',
      '      ip addr add 10.0.0.1/24 dev eth0\n      tc qdisc show\n',
    );
    const ds = checkLabFiles(
      new Map([
        ['lab.yaml', starter],
        ['solution/lab.yaml', 'hosts:\n  b:\n    run: |\n      ip addr add 10.0.0.1/24 dev eth0\n'],
      ]),
      { displayPath: show },
    );
    assert.deepEqual(
      at(ds).filter((d) => !d.includes('duplicate-address')),
      ['lab/lab.yaml:8:7 warning command-not-simulated'],
    );
    // b takes a's address: both lines are in the solved lab, the starter's and the patch's.
    const dup = ds.filter((d) => d.code === 'duplicate-address');
    assert.ok(dup.length >= 1, JSON.stringify(at(ds)));
    assert.ok(
      dup.every((d) => (d.file === 'lab/lab.yaml' && d.line === 7) || (d.file === 'lab/solution/lab.yaml' && d.line === 4)),
      JSON.stringify(at(dup)),
    );
  });

  it('a solution that cannot be applied is an error of the patch; the starter is still checked', () => {
    const ds = checkLabFiles(
      new Map([
        ['lab.yaml', STARTER],
        ['solution/lab.yaml', '- not a mapping\n'],
      ]),
      { displayPath: show },
    );
    assert.deepEqual(at(ds), ['lab/solution/lab.yaml:1:1 error bad-solution']);
  });

  it("a lab with variables: the solution patches the lab as drawn, so a number's placeholder stays a number", () => {
    const starter = `${STARTER}    serve: [tcp/{{ port }}]
exercises:
  - id: b-port
    checks:
      - reach: { from: a, to: 10.0.0.2, proto: tcp, port: {{ port }} }
variables:
  port: { int: [8000, 8999], default: 8080 }
`;
    const files = new Map([
      ['lab.yaml', starter],
      ['solution/lab.yaml', 'hosts:\n  b:\n    run: |\n      ip addr add 10.0.0.2/24 dev eth0\n'],
    ]);
    assert.deepEqual(at(checkLabFiles(files, { displayPath: show })), []);
    // A problem of the solved lab is still told at the patch's line.
    files.set('solution/lab.yaml', 'hosts:\n  b:\n    run: |\n      ip addr add 10.0.0.2/24 dev eth0\n      nft list ruleset\n');
    assert.deepEqual(at(checkLabFiles(files, { displayPath: show, student: 's1' })), [
      'lab/solution/lab.yaml:5:7 warning command-not-simulated',
    ]);
  });
});
