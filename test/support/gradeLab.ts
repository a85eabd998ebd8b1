/**
 * What the grading tests share: the gateway lab (a — r — b, r forwarding or not) with exercises of
 * the test's choosing, loading it strictly or leniently, and small readers of a grade.
 */
import { strict as assert } from 'node:assert';
import { loadLab } from '../../src/core/lab/load';
import type { Lab } from '../../src/core/lab/types';
import { validateExercises } from '../../src/core/grade/grade';
import { hashAnswer } from '../../src/core/net/answer';
import type { Answers, ExerciseGrade } from '../../src/core/grade/types';

export const SALT = 'gw-salt';
/** The stored hash of a quiz answer, salted with SALT. */
export const H = (a: string, salt = SALT): string => hashAnswer(a, salt);

/** a — r — b: r forwards when `forward` is 1; b serves tcp/80. `exercises` goes under `exercises:`. */
export function gatewayLab(forward: 0 | 1, exercises: string): string {
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

/** The gateway exercise with one check of each packet and command kind: full marks when r forwards. */
export const GW = `  - id: gw
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

/** Two quizzes, answered in answers.yaml under `q`: a's gateway (192.168.1.1), and a choice (IP, the second). */
export const QUIZ = `  - id: q
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

/** Loads a lab that must have no errors. */
export function load(text: string): Lab {
  const r = loadLab(text, { file: 'labs/gw/lab.yaml' });
  assert.ok(r.lab, JSON.stringify(r.diagnostics));
  assert.deepEqual(
    r.diagnostics.filter((d) => d.severity === 'error'),
    [],
  );
  return r.lab;
}

/** Loads a lab whose exercises may be wrong: the schema reports those too, the grader validates them on its own. */
export function loadLenient(text: string): Lab {
  const r = loadLab(text, { file: 'labs/gw/lab.yaml' });
  assert.ok(r.lab, JSON.stringify(r.diagnostics));
  return r.lab;
}

/** The 1-based line of the first line of `text` that contains `needle`. */
export function lineOf(text: string, needle: string): number {
  return text.split('\n').findIndex((l) => l.includes(needle)) + 1;
}

export const answers = (o: Record<string, string[]>): Answers => ({ byExercise: new Map(Object.entries(o)) });

export function ex(g: { exercises: ExerciseGrade[] }, id: string): ExerciseGrade {
  const e = g.exercises.find((x) => x.id === id);
  assert.ok(e, `no exercise ${id}`);
  return e;
}

/** What the grader's own validation says of `checks` (lines under `checks:`) in the gateway lab. */
export function checkDiags(checks: string): { code: string; line: number; en: string }[] {
  const text = gatewayLab(
    1,
    `  - id: v
    checks:
${checks}`,
  );
  return validateExercises(loadLenient(text)).map((d) => ({ code: d.code, line: d.line, en: d.message.en }));
}
