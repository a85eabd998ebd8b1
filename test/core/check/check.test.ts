import { strict as assert } from 'node:assert';
import { checkLab } from '../../../src/core/check/check';
import { validateCheck } from '../../../src/core/grade/grade';
import { loadLab } from '../../../src/core/lab/load';

const BASE = `name: t
switches: [lan]
hosts:
  a:
    interfaces: { eth0: lan }
    run: |
      ip addr add 10.0.0.1/24 dev eth0
      ip netns add red
`;

function codesOf(text: string) {
  return checkLab(text, { file: 'lab.yaml' }).map((d) => ({
    code: d.code,
    line: d.line,
    column: d.column,
    severity: d.severity,
    en: d.message.en,
    ko: d.message.ko,
  }));
}

describe('checkLab', () => {
  it('a namespace in serve: or in a check that no run line creates: unknown-netns, with did-you-mean', () => {
    const text =
      BASE +
      `    serve: [red:tcp/80, blue:tcp/81]
exercises:
  - id: e
    checks:
      - reach: { from: a/redd, to: 10.0.0.1 }
      - reach: { from: a/red, to: 10.0.0.1 }
`;
    const d = codesOf(text).filter((x) => x.code === 'unknown-netns');
    assert.deepEqual(
      d.map((x) => [x.line, x.column, x.severity]),
      [
        [9, 25, 'warning'],
        [13, 24, 'warning'],
      ],
    );
    assert.match(d[1]!.en, /did you mean "red"/);
    assert.ok(d.every((x) => x.ko.length > 0));
  });

  it('a line the shell cannot read: shell-syntax at that line', () => {
    const d = codesOf(BASE + `      echo 'unterminated\n`);
    const s = d.find((x) => x.code === 'shell-syntax')!;
    assert.equal(s.line, 9);
    assert.match(s.en, /Syntax error: Unterminated quoted string/);
  });

  it('a real command the simulator does not model: command-not-simulated, a warning', () => {
    const d = codesOf(BASE + `      ifconfig eth0 up\n`);
    const s = d.find((x) => x.code === 'command-not-simulated')!;
    assert.equal(s.severity, 'warning');
    assert.equal(s.line, 9);
  });

  it('a check whose validation throws becomes check-internal-error, never a throw', () => {
    const lab = loadLab(BASE, { file: 'lab.yaml' }).lab!;
    const hostile = new Proxy(
      {},
      {
        get() {
          throw new Error('boom');
        },
        ownKeys() {
          throw new Error('boom');
        },
      },
    );
    const d = validateCheck(
      { kind: 'reach', args: hostile, range: { file: 'lab.yaml', line: 1, column: 1, endLine: 1, endColumn: 2 }, argRanges: {} },
      lab,
    );
    assert.equal(d[0]!.code, 'check-internal-error');
  });
});
