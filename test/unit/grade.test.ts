/** The grader: check kinds, partial credit, feedback, hints, quiz answers and answers.yaml. */
import { strict as assert } from 'node:assert';
import { createHash } from 'node:crypto';
import { loadLab } from '../../src/core/lab/load';
import type { Lab } from '../../src/core/lab/types';
import { checkAnswerIds, parseAnswers } from '../../src/core/grade/answers';
import { gradeLab, validateExercises } from '../../src/core/grade/grade';
import { checkAnswer, hashAnswer, normaliseAnswer } from '../../src/core/grade/quiz';
import { checkKinds, findCheckKind } from '../../src/core/grade/registry';
import { parseRouteGet } from '../../src/core/grade/checks/route';
import type { Answers, ExerciseGrade } from '../../src/core/grade/types';

const SALT = 'gw-salt';
const H = (a: string, salt = SALT) => hashAnswer(a, salt);

/** a — r — b: r forwards when `forward` is 1. */
function gatewayLab(forward: 0 | 1, exercises: string): string {
  return `name: gateway
switches: [lan1, lan2]
hosts:
  a:
    interfaces: { eth0: lan1 }
    run: |
      ip addr add 192.168.1.10/24 dev eth0
      ip route add 192.168.2.0/24 via 192.168.1.1
  r:
    interfaces: { eth0: lan1, eth1: lan2 }
    run: |
      ip addr add 192.168.1.1/24 dev eth0
      ip addr add 192.168.2.1/24 dev eth1
      sysctl -w net.ipv4.ip_forward=${forward}
  b:
    interfaces: { eth0: lan2 }
    run: |
      ip addr add 192.168.2.10/24 dev eth0
      ip route add 192.168.1.0/24 via 192.168.2.1
    serve: [tcp/80]
exercises:
${exercises}`;
}

function load(text: string): Lab {
  const r = loadLab(text, { file: 'labs/gw/lab.yaml' });
  assert.ok(r.lab, JSON.stringify(r.diagnostics));
  assert.deepEqual(
    r.diagnostics.filter((d) => d.severity === 'error'),
    [],
  );
  return r.lab;
}

/** Loads a lab whose exercises may be wrong: the schema reports those too, the grader validates them on its own. */
function loadLenient(text: string): Lab {
  const r = loadLab(text, { file: 'labs/gw/lab.yaml' });
  assert.ok(r.lab, JSON.stringify(r.diagnostics));
  return r.lab;
}

function lineOf(text: string, needle: string): number {
  return text.split('\n').findIndex((l) => l.includes(needle)) + 1;
}

const answers = (o: Record<string, string[]>): Answers => ({ byExercise: new Map(Object.entries(o)) });

const GW = `  - id: gw
    title: { en: Gateway, ko: 게이트웨이 }
    points: 10
    hints:
      - { en: Look at r's sysctls, ko: r의 sysctl을 보세요 }
      - { en: net.ipv4.ip_forward, ko: net.ipv4.ip_forward }
    checks:
      - reach: { from: a, to: 192.168.2.10 }
      - reach: { from: a, to: 192.168.2.10, proto: tcp, port: 80 }
      - route: { on: a, to: 192.168.2.10, via: 192.168.1.1, dev: eth0 }
      - output: { on: r, run: "sysctl net.ipv4.ip_forward", match: "= 1$" }
`;

function ex(g: { exercises: ExerciseGrade[] }, id: string): ExerciseGrade {
  const e = g.exercises.find((x) => x.id === id);
  assert.ok(e, `no exercise ${id}`);
  return e;
}

describe('grade: quiz hashes', () => {
  it('normalises answers: trim, case, inner white space, NFC', () => {
    assert.equal(normaliseAnswer('  Ip   Route\tGET \n'), 'ip route get');
    assert.equal(normaliseAnswer('cafe\u0301'), normaliseAnswer('caf\u00e9'));
    assert.equal(normaliseAnswer('게이트웨이'), '게이트웨이');
  });
  it('hashes salt:answer with SHA-256, the same as node:crypto', () => {
    assert.equal(hashAnswer('  ABC ', 's'), 'efff0385da714c8573aaf55138e8a03080e2d5666a680a6b017643d379019835');
    assert.equal(hashAnswer('게이트웨이', 'k'), createHash('sha256').update('k:게이트웨이', 'utf8').digest('hex'));
    assert.notEqual(hashAnswer('x', 'y'), hashAnswer('x', 'z'));
  });
  it('checks answers against { sha256, salt }, hex in any case', () => {
    const h = { sha256: H('192.168.1.1').toUpperCase(), salt: SALT };
    assert.ok(checkAnswer(' 192.168.1.1 ', h));
    assert.ok(!checkAnswer('192.168.1.2', h));
  });
});

describe('grade: the registry', () => {
  it('has one module per kind', () => {
    assert.deepEqual(
      checkKinds().map((k) => k.kind),
      ['reach', 'noreach', 'route', 'output', 'quiz'],
    );
    assert.equal(findCheckKind('reach')?.kind, 'reach');
    assert.equal(findCheckKind('nope'), undefined);
  });
});

describe('grade: reach, route, output on the gateway lab', () => {
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

  it('gives partial credit and says where and why the packet stopped, with the lab line', () => {
    const text = gatewayLab(0, GW);
    const g = gradeLab(load(text));
    const e = ex(g, 'gw');
    assert.deepEqual(
      e.checks.map((c) => c.passed),
      [false, false, true, false],
    );
    assert.equal(e.score, 2.5);
    assert.equal(e.passed, false);
    assert.equal(e.checks[2]!.points, 2.5);
    assert.equal(e.checks[0]!.points, 0);
    const reach = e.checks[0]!;
    const line = lineOf(text, 'ip_forward=0');
    assert.match(reach.feedback.en, /^a → 192\.168\.2\.10: the packet stops at r: .*net\.ipv4\.ip_forward is 0/);
    assert.ok(reach.feedback.en.endsWith(`(lab.yaml:${line})`), reach.feedback.en);
    assert.match(reach.feedback.ko, /패킷이 r에서 멈춥니다: .*ip_forward/);
    assert.ok(reach.feedback.ko.includes(`(lab.yaml:${line})`));
    assert.equal(reach.source?.line, line);
    assert.equal(reach.source?.file, 'labs/gw/lab.yaml');
    assert.equal(reach.trace?.verdict, 'dropped');
    assert.match(e.checks[1]!.feedback.en, /^a → 192\.168\.2\.10 tcp\/80: /);
    // the output check shows what the command printed
    assert.match(e.checks[3]!.feedback.en, /expected output showing \/= 1\$\/; actual: net\.ipv4\.ip_forward = 0/);
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

  it('reports a reply that does not come back', () => {
    const text = gatewayLab(
      1,
      `  - id: back
    checks:
      - reach: { from: a, to: 192.168.2.10 }
`,
    ).replace('      ip route add 192.168.1.0/24 via 192.168.2.1\n', '');
    const c = ex(gradeLab(load(text)), 'back').checks[0]!;
    assert.equal(c.passed, false);
    assert.match(c.feedback.en, /the reply stops at b: .*no route to 192\.168\.1\.10/);
  });

  it('noreach passes when blocked and says the path when it gets through', () => {
    const exs = `  - id: iso
    checks:
      - noreach: { from: a, to: 192.168.2.10 }
`;
    const blocked = ex(gradeLab(load(gatewayLab(0, exs))), 'iso').checks[0]!;
    assert.equal(blocked.passed, true);
    const through = ex(gradeLab(load(gatewayLab(1, exs))), 'iso').checks[0]!;
    assert.equal(through.passed, false);
    assert.match(through.feedback.en, /gets through, but it should not: the request went a → r → b/);
    assert.match(through.feedback.ko, /a → r → b/);
  });

  it('route shows expected against actual', () => {
    const exs = `  - id: rt
    checks:
      - route: { on: a, to: 192.168.2.10, via: 192.168.1.254, dev: eth0 }
      - route: { on: r, to: 192.168.2.10, via: none, dev: eth1, src: 192.168.2.1 }
      - route: { on: a, to: 10.1.1.1 }
      - route: { on: b, to: 192.168.1.10, via: 192.168.2.1 }
`;
    const e = ex(gradeLab(load(gatewayLab(1, exs))), 'rt');
    const [wrongVia, direct, noRoute, ok] = e.checks;
    assert.equal(wrongVia!.passed, false);
    assert.equal(wrongVia!.expected, 'via 192.168.1.254 dev eth0');
    assert.equal(wrongVia!.actual, '192.168.2.10 via 192.168.1.1 dev eth0 src 192.168.1.10');
    assert.match(
      wrongVia!.feedback.en,
      /via differs; expected: via 192\.168\.1\.254 dev eth0; actual: 192\.168\.2\.10 via 192\.168\.1\.1 dev eth0/,
    );
    assert.match(wrongVia!.feedback.ko, /기대: via 192\.168\.1\.254 dev eth0; 실제: /);
    assert.equal(direct!.passed, true, direct!.feedback.en);
    assert.equal(noRoute!.passed, false);
    assert.match(noRoute!.feedback.en, /actual: RTNETLINK answers: Network is unreachable/);
    assert.equal(ok!.passed, true);
  });

  it('parses ip route get output', () => {
    assert.deepEqual(parseRouteGet('192.168.2.10 via 192.168.1.1 dev eth0 src 192.168.1.10 uid 0 \n    cache \n'), {
      line: '192.168.2.10 via 192.168.1.1 dev eth0 src 192.168.1.10',
      via: '192.168.1.1',
      dev: 'eth0',
      src: '192.168.1.10',
    });
    assert.equal(parseRouteGet('local 127.0.0.1 dev lo src 127.0.0.1 uid 0\n').type, 'local');
  });

  it('output: regex, contains, not, status', () => {
    const exs = `  - id: out
    checks:
      - output: { on: a, run: "ip -br link show eth0", match: "^eth0\\\\s+UP" }
      - output: { on: a, run: "ip -br link show eth0", contains: "DOWN", not: true }
      - output: { on: a, run: "ip link show eth9", status: 1 }
      - output: { on: a, run: "ip link show eth9", status: 0 }
      - output: { on: a, run: "ip -br addr", contains: "192.168.1.10/24" }
      - output: { on: a, run: "ip -br addr", contains: "10.9.9.9" }
`;
    const e = ex(gradeLab(load(gatewayLab(1, exs))), 'out');
    assert.deepEqual(
      e.checks.map((c) => c.passed),
      [true, true, true, false, true, false],
      JSON.stringify(e.checks.map((c) => c.feedback.en)),
    );
    assert.match(e.checks[3]!.feedback.en, /expected exit status 0, got 1/);
    assert.match(e.checks[5]!.feedback.en, /expected output showing "10\.9\.9\.9"; actual: /);
  });

  it('a namespace no run line made is a failed check, not a lab error', () => {
    const lab = load(
      gatewayLab(
        1,
        `  - id: ns
    checks:
      - reach: { from: a/red, to: 192.168.2.10 }
      - output: { on: b/blue, run: "ip addr", match: "lo" }
`,
      ),
    );
    assert.deepEqual(validateExercises(lab), []);
    const e = ex(gradeLab(lab), 'ns');
    assert.equal(e.checks[0]!.passed, false);
    assert.match(e.checks[0]!.feedback.en, /a has no network namespace "red"/);
    assert.match(e.checks[1]!.feedback.ko, /"blue" 네트워크 네임스페이스가 없습니다/);
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

describe('grade: quizzes and answers.yaml', () => {
  const QUIZ = `  - id: q
    points: 4
    hints: [ "The router's address on lan1" ]
    checks:
      - quiz:
          ask: { en: "a's gateway?", ko: "a의 게이트웨이는?" }
          answer: { sha256: "${H('192.168.1.1')}", salt: ${SALT} }
      - quiz:
          ask: Which layer?
          choices: [ Ethernet, IP, TCP ]
          answer: { sha256: "${H('IP')}", salt: ${SALT} }
`;
  const lab = () => load(gatewayLab(1, QUIZ));

  it('grades right answers, with choice numbers too', () => {
    const e = ex(gradeLab(lab(), { answers: answers({ q: [' 192.168.1.1', 'ip'] }) }), 'q');
    assert.deepEqual(
      e.checks.map((c) => c.passed),
      [true, true],
    );
    assert.equal(e.score, 4);
    const byNumber = ex(gradeLab(lab(), { answers: answers({ q: ['192.168.1.1', '2'] }) }), 'q');
    assert.equal(byNumber.passed, true);
  });

  it('never reveals the answer on a wrong one', () => {
    const e = ex(gradeLab(lab(), { answers: answers({ q: ['192.168.1.2', 'TCP'] }) }), 'q');
    assert.deepEqual(
      e.checks.map((c) => c.passed),
      [false, false],
    );
    assert.match(e.checks[0]!.feedback.en, /Not the right answer/);
    assert.match(e.checks[0]!.feedback.ko, /정답이 아닙니다/);
    assert.ok(!JSON.stringify(e).includes('192.168.1.1'));
    assert.equal(e.hints.length, 1);
  });

  it('marks missing answers unanswered, without hints', () => {
    const e = ex(gradeLab(lab(), { answers: answers({ q: ['192.168.1.1'] }) }), 'q');
    assert.deepEqual(
      e.checks.map((c) => [c.passed, !!c.unanswered]),
      [
        [true, false],
        [false, true],
      ],
    );
    assert.equal(e.score, 2);
    assert.match(e.checks[1]!.feedback.en, /Not answered yet: .*answers\.yaml.*"q".*number 2/);
    assert.match(e.checks[1]!.feedback.ko, /아직 답하지 않았습니다/);
    assert.deepEqual(e.hints, []);
    const none = ex(gradeLab(lab()), 'q');
    assert.ok(none.checks.every((c) => c.unanswered && !c.passed));
  });

  it('reads answers.yaml: strings, lists, numbers as written', () => {
    const r = parseAnswers('q: [192.168.1.1, 2]\nother: 0x10\nthird: 1.50\nempty:\n', 'answers.yaml');
    assert.deepEqual(r.diagnostics, []);
    assert.deepEqual(r.answers.byExercise.get('q'), ['192.168.1.1', '2']);
    assert.deepEqual(r.answers.byExercise.get('other'), ['0x10']);
    assert.deepEqual(r.answers.byExercise.get('third'), ['1.50']);
    assert.deepEqual(r.answers.byExercise.get('empty'), []);
    assert.equal(parseAnswers('', 'answers.yaml').answers.byExercise.size, 0);
    assert.equal(parseAnswers('# nothing yet\n', 'answers.yaml').diagnostics.length, 0);
  });

  it('warns about answers under an id the lab does not have', () => {
    const parsed = parseAnswers('q: 192.168.1.1\nqq: nope\n', 'answers.yaml');
    const d = checkAnswerIds(parsed, lab());
    assert.equal(d.length, 1);
    assert.equal(d[0]!.line, 2);
    assert.equal(d[0]!.severity, 'warning');
    assert.match(d[0]!.message.en, /no exercise "qq"; did you mean "q"\?/);
  });

  it('grades a malformed answers.yaml as unanswered, with a clear diagnostic', () => {
    for (const bad of ['q: [unclosed\n', '- just\n- a list\n', 'q: { a: 1 }\n', 'q: 1\nq: 2\n', 'q:\n  - [nested]\n', '"\\xZZ"']) {
      const r = parseAnswers(bad, 'answers.yaml');
      assert.equal(r.answers.byExercise.size, 0, bad);
      assert.equal(r.diagnostics.length, 1, bad);
      const d = r.diagnostics[0]!;
      assert.equal(d.code, 'answers-malformed');
      assert.equal(d.file, 'answers.yaml');
      assert.ok(d.line >= 1 && d.column >= 1);
      assert.match(d.message.en, /answers\.yaml cannot be read .*graded as unanswered/);
      assert.match(d.message.ko, /답하지 않은 것으로 채점됩니다/);
      const g = gradeLab(lab(), { answers: r.answers, answersDiagnostics: r.diagnostics });
      assert.ok(ex(g, 'q').checks.every((c) => c.unanswered));
      assert.ok(g.diagnostics.some((x) => x.code === 'answers-malformed'));
    }
    const r = parseAnswers('q: ok\nbroken: [x\n', 'answers.yaml');
    assert.ok(r.diagnostics[0]!.line >= 2, 'the place of the error, not the top of the file');
  });
});

describe('grade: validating exercises', () => {
  function diags(checks: string): { code: string; line: number; en: string }[] {
    const text = gatewayLab(
      1,
      `  - id: v
    checks:
${checks}`,
    );
    return validateExercises(loadLenient(text)).map((d) => ({ code: d.code, line: d.line, en: d.message.en }));
  }

  it('finds nothing wrong in good checks', () => {
    assert.deepEqual(diags(GW.split('checks:\n')[1]!), []);
  });

  it('reports an unknown check kind with did-you-mean, and the grader fails that check', () => {
    const d = diags('      - reech: { from: a, to: 192.168.2.10 }\n');
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

  it('reports missing and unknown arguments at their place', () => {
    const d = diags('      - reach: { from: a, too: 192.168.2.10 }\n');
    assert.deepEqual(d.map((x) => x.code).sort(), ['missing-key', 'unknown-key']);
    assert.match(d.find((x) => x.code === 'unknown-key')!.en, /did you mean "to"/);
  });

  it('reports unknown hosts, bad addresses, ports, protocols and regexes', () => {
    const d = diags(`      - reach: { from: B, to: 192.168.2 }
      - reach: { from: a, to: 192.168.2.10, proto: sctp }
      - reach: { from: a, to: 192.168.2.10, proto: tcp, port: 70000 }
      - route: { on: x, to: 10.0.0.1, via: 10.0.0.256 }
      - output: { on: a, run: "ip a", match: "(" }
      - noreach: a
`);
    const codes = d.map((x) => x.code);
    assert.deepEqual(codes, [
      'unknown-host',
      'bad-address',
      'wrong-type',
      'bad-port',
      'unknown-host',
      'bad-address',
      'bad-regex',
      'wrong-type',
    ]);
    assert.match(d[0]!.en, /No host "B" in this lab; did you mean "b"\?/);
  });

  it('requires a quiz answer hash, and never a plain-text answer', () => {
    const d = diags(`      - quiz: { ask: Why? }
      - quiz: { ask: Why?, answer: forty-two }
      - quiz: { ask: Why?, answer: { sha256: abc, salt: s } }
`);
    assert.deepEqual(
      d.map((x) => x.code),
      ['quiz-no-answer', 'quiz-no-answer', 'quiz-no-answer'],
    );
    assert.match(
      d[1]!.en,
      new RegExp(`Never store a quiz answer in plain text.*sha256: "${hashAnswer('forty-two', 'gateway')}", salt: "gateway"`),
    );
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
