/**
 * The grader (src/core/grade/grade.ts), whatever the check kinds: points split across checks and
 * rounded, partial credit, hints revealed per failed attempt, unknown kinds, odd arguments. Each
 * kind's own cases are in checks/<kind>.test.ts.
 */
import { strict as assert } from 'node:assert';
import { gradeLab, validateExercises } from '../../../src/core/grade/grade';
import { checkDiags, ex, gatewayLab, GW, lineOf, load, loadLenient } from '../../support/gradeLab';

describe('grade: the grader on the gateway lab', () => {
  it('gives full points when r forwards', () => {
    const g = gradeLab(load(gatewayLab(1, GW)));
    const e = ex(g, 'gw');
    assert.deepEqual(
      e.checks.map((c) => c.passed),
      [true, true, true, true],
    );
    assert.equal(e.score, 10);
    assert.equal(e.passed, true);
    assert.deepEqual(e.hints, []);
    assert.equal(g.score, 10);
    assert.equal(g.maxScore, 10);
    assert.equal(g.lab, 'gateway');
    assert.ok(e.checks[0]!.trace?.replied);
  });

  it('gives partial credit: each check its share of the points', () => {
    const g = gradeLab(load(gatewayLab(0, GW)));
    const e = ex(g, 'gw');
    assert.deepEqual(
      e.checks.map((c) => c.passed),
      [false, false, true, false],
    );
    assert.equal(e.score, 2.5);
    assert.equal(e.passed, false);
    assert.equal(e.checks[2]!.points, 2.5);
    assert.equal(e.checks[0]!.points, 0);
    assert.deepEqual(
      e.checks.map((c) => c.kind),
      ['reach', 'reach', 'route', 'output'],
    );
  });

  it('reveals one hint per failed attempt, none when passed', () => {
    const lab = load(gatewayLab(0, GW));
    assert.equal(ex(gradeLab(lab), 'gw').hints.length, 1);
    assert.equal(ex(gradeLab(lab, { attempts: 0 }), 'gw').hints.length, 0);
    const two = ex(gradeLab(lab, { attempts: 2 }), 'gw').hints;
    assert.deepEqual(
      two.map((h) => h.en),
      ["Look at r's sysctls", 'net.ipv4.ip_forward'],
    );
    assert.equal(ex(gradeLab(lab, { attempts: 9 }), 'gw').hints.length, 2);
    assert.equal(ex(gradeLab(load(gatewayLab(1, GW)), { attempts: 9 }), 'gw').hints.length, 0);
  });

  it('splits points evenly and rounds to 2 decimals', () => {
    const g = gradeLab(
      load(
        gatewayLab(
          0,
          `  - id: thirds
    points: 10
    checks:
      - reach: { from: a, to: 192.168.1.1 }
      - reach: { from: a, to: 192.168.2.10 }
      - reach: { from: b, to: 192.168.2.1 }
`,
        ),
      ),
    );
    const e = ex(g, 'thirds');
    assert.equal(e.score, 6.67);
    assert.equal(e.checks[0]!.points, 3.33);
    assert.equal(g.score, 6.67);
    assert.equal(g.maxScore, 10);
  });

  it('grades 40 exercises of 80 checks on one lab', () => {
    const many = Array.from(
      { length: 40 },
      (_, i) => `  - id: e${i}
    checks:
      - reach: { from: a, to: 192.168.2.10, proto: tcp, port: 80 }
      - route: { on: a, to: 192.168.2.10, via: 192.168.1.1 }
`,
    ).join('');
    const lab = load(gatewayLab(1, many));
    // How fast: `npm run bench` (grading the course); here, that 80 checks on one lab all grade.
    const g = gradeLab(lab);
    assert.equal(g.score, 40);
  });
});

describe('grade: validating exercises', () => {
  it('finds nothing wrong in good checks', () => {
    assert.deepEqual(checkDiags(GW.split('checks:\n')[1]!), []);
  });

  it('reports an unknown check kind with did-you-mean, and the grader fails that check', () => {
    const d = checkDiags('      - reech: { from: a, to: 192.168.2.10 }\n');
    assert.equal(d.length, 1);
    assert.equal(d[0]!.code, 'unknown-check-kind');
    assert.match(d[0]!.en, /Unknown check kind "reech"; did you mean "reach"\?/);
    const text = gatewayLab(
      1,
      '  - id: v\n    points: 2\n    checks:\n      - reech: { from: a, to: 192.168.2.10 }\n      - reach: { from: a, to: 192.168.2.10 }\n',
    );
    const g = gradeLab(loadLenient(text));
    assert.equal(ex(g, 'v').score, 1);
    assert.match(ex(g, 'v').checks[0]!.feedback.en, /cannot be graded/);
    assert.ok(g.diagnostics.some((x) => x.code === 'unknown-check-kind' && x.line === lineOf(text, 'reech')));
  });

  it('reports the problems of several checks in the order of the checks', () => {
    const d = checkDiags(`      - route: { on: x, to: 10.0.0.1 }
      - reach: { from: B, to: 192.168.2.10 }
      - output: { on: a, run: "ip a", match: "(" }
`);
    assert.deepEqual(
      d.map((x) => x.code),
      ['unknown-host', 'unknown-host', 'bad-regex'],
    );
    assert.ok(d[0]!.line < d[1]!.line && d[1]!.line < d[2]!.line);
  });

  it('never throws on odd check arguments', () => {
    const text = gatewayLab(
      1,
      `  - id: odd
    checks:
      - reach: [a, b]
      - reach:
      - route: { on: [a], to: { x: 1 } }
      - output: { on: a, run: [ls] }
      - quiz: 3
`,
    );
    const lab = loadLenient(text);
    assert.ok(validateExercises(lab).length >= 5);
    const g = gradeLab(lab);
    assert.ok(ex(g, 'odd').checks.every((c) => !c.passed));
  });
});
