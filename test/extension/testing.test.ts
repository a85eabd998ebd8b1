/**
 * The Testing view (src/extension/testing.ts) and the simulated shell (exec.ts) against a fake
 * `vscode`: a check whose answer could depend on a lab line the simulator does not model says so
 * at that line, a failed check with its failure messages, a passed one in the run's output; a
 * check that reads no such line says nothing; the shell opens with its host's such lines.
 */
import * as fake from '../support/vscode-fake';
import { strict as assert } from 'node:assert';
import { activate } from '../../src/extension/extension';
import type { ExtensionContext } from 'vscode';

const LAB = `name: honest
switches: [lan]
hosts:
  a:
    interfaces: { eth0: lan }
    run: |
      ip addr add 10.0.0.1/24 dev eth0
      tc qdisc add dev eth0 root netem loss 100%
  b:
    interfaces: { eth0: lan }
    run: |
      ip addr add 10.0.0.2/24 dev eth0
exercises:
  - id: e1
    checks:
      - reach: { from: b, to: 10.0.0.1 }
      - noreach: { from: b, to: 10.0.0.1 }
      - route: { on: b, to: 10.0.0.1 }
`;

const HEAD = 'This answer may be wrong: it could depend on this line, which the simulator does not model: ';
const LINE = 'labs/honest/lab.yaml:8:7: warning command-not-simulated: a: "tc" is not simulated';

describe('extension: the Testing view and the simulated shell say when an answer may be wrong', () => {
  beforeEach(() => fake.reset());

  it('the doubtful line, at its place: with a failed check, and in the output of a passed one', async () => {
    fake.files.set('/ws/labs/honest/lab.yaml', LAB);
    activate({ subscriptions: [] as { dispose(): void }[] } as unknown as ExtensionContext);
    const c = fake.controllers[0]!;
    await c.resolveHandler!();
    const lab = c.items.get('lab:file:///ws/labs/honest')!;
    await c.resolveHandler!(lab);
    await c.runHandler!(new fake.TestRunRequest(undefined), { isCancellationRequested: false });
    const run = fake.testRuns[0]!;
    const id = (i: number) => `lab:file:///ws/labs/honest#e1#${i}`;
    // reach passes: no message, its doubt in the output, at line 8, for that check.
    assert.equal(run.results.get(id(0))!.state, 'passed');
    const out = run.output.filter((o) => o.test?.id === id(0));
    assert.equal(out.length, 1);
    assert.ok(out[0]!.text.startsWith(HEAD + LINE), out[0]!.text);
    const loc = out[0]!.location as { uri: { path: string }; range: { start: { line: number; character: number } } };
    assert.equal(loc.uri.path, '/ws/labs/honest/lab.yaml');
    assert.deepEqual([loc.range.start.line, loc.range.start.character], [7, 6]);
    // noreach fails: its feedback first, then the doubtful line as a message of its own, at line 8.
    const failed = run.results.get(id(1))!;
    assert.equal(failed.state, 'failed');
    assert.equal(failed.messages.length, 2);
    const m = failed.messages[1]!;
    assert.ok(String(m.message).startsWith(HEAD + LINE), String(m.message));
    assert.equal(m.location!.range.start.line, 7);
    // route reads only b, which has no such line.
    assert.equal(run.results.get(id(2))!.state, 'passed');
    assert.equal(run.output.filter((o) => o.test?.id === id(2)).length, 0);
  });

  it("the simulated shell opens with the host's lines the simulator does not model; a host without any, without", async () => {
    fake.files.set('/ws/labs/honest/lab.yaml', LAB);
    activate({ subscriptions: [] as { dispose(): void }[] } as unknown as ExtensionContext);
    const opened = async (on: string) => {
      await fake.commands.executeCommand('knetlab.exec', { uri: fake.Uri.file('/ws/labs/honest'), on });
      const pty = fake.terminals[fake.terminals.length - 1]!.pty as { open(): void; onDidWrite(f: (s: string) => void): void };
      let written = '';
      pty.onDidWrite((s) => (written += s));
      pty.open();
      return written.split('\r\n');
    };
    const a = await opened('a');
    assert.match(a[0]!, /^knetlab: a simulated shell on a \(lab honest\)/);
    assert.equal(a[1], 'This answer may be wrong: it could depend on these lines, which the simulator does not model:');
    assert.ok(a[2]!.startsWith('  labs/honest/lab.yaml:8:7: warning command-not-simulated: a: "tc" is not simulated'), a[2]);
    const b = await opened('b');
    assert.equal(b.length, 2, JSON.stringify(b));
    assert.equal(b[1], 'root@b:~# ');
  });
});
