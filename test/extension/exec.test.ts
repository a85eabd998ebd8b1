/**
 * The interactive simulated shell of knetlab.exec (src/extension/exec.ts, SimShell) against a fake
 * `vscode`: the prompt, echo, backspace, Ctrl-C, Enter running the line on the simulated host with
 * the host keeping its state from one line to the next, and exit closing the terminal.
 */
import '../support/vscode-fake';
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as engine from '../../src/extension/engine';
import { SimShell } from '../../src/extension/exec';

function shell(): { sh: SimShell; out: () => string; closed: () => number | void | undefined; reset: () => void } {
  const text = readFileSync('labs/02-gateway/lab.yaml', 'utf8');
  const { world } = engine.loadWorld(new Map([['lab.yaml', text]]), 'lab.yaml');
  const sh = new SimShell(engine, world!, 'r', 'knetlab: a simulated shell on r');
  let written = '';
  let closedWith: number | void | undefined;
  sh.onDidWrite((s) => (written += s));
  sh.onDidClose((c) => (closedWith = c ?? 0));
  sh.open();
  return { sh, out: () => written, closed: () => closedWith, reset: () => (written = '') };
}

describe('extension: the simulated shell (knetlab.exec)', () => {
  it('opens with its banner and a root prompt on the host', () => {
    const { out } = shell();
    assert.equal(out(), 'knetlab: a simulated shell on r\r\nroot@r:~# ');
  });

  it('echoes what is typed, runs the line on Enter, and prompts again', () => {
    const { sh, out, reset } = shell();
    reset();
    sh.handleInput('hostname\r');
    assert.equal(out(), 'hostname\r\nr\r\nroot@r:~# ');
  });

  it("keeps the host's state from one line to the next", () => {
    const { sh, out, reset } = shell();
    sh.handleInput('hostname router1\r');
    reset();
    sh.handleInput('hostname\r');
    assert.match(out(), /\r\nrouter1\r\nroot@r:~# $/);
  });

  it('backspace edits the line; Ctrl-C drops it', () => {
    const { sh, out, reset } = shell();
    reset();
    sh.handleInput('hostnamX\x7fe\r');
    assert.equal(out(), 'hostnamX\b \be\r\nr\r\nroot@r:~# ');
    reset();
    sh.handleInput('ip link del eth0\x03');
    assert.equal(out(), 'ip link del eth0^C\r\nroot@r:~# ');
    reset();
    sh.handleInput('ip -br link show eth0\r');
    assert.match(out(), /eth0 +UP/, 'the dropped line did not run');
  });

  it('a failing command prints its error; exit closes the terminal with status 0', () => {
    const { sh, out, reset, closed } = shell();
    reset();
    sh.handleInput('ip route add 10.9.0.0/16 via 10.77.0.1\r');
    assert.match(out(), /Error: Nexthop has invalid gateway\.\r\nroot@r:~# $/);
    assert.equal(closed(), undefined);
    sh.handleInput('exit\r');
    assert.equal(closed(), 0);
  });

  it("under a Korean VS Code, knetlab's own lines are Korean; a tool's stay as Linux prints them", () => {
    const text = readFileSync('labs/02-gateway/lab.yaml', 'utf8');
    const { world } = engine.loadWorld(new Map([['lab.yaml', text]]), 'lab.yaml');
    const sh = new SimShell(engine, world!, 'r', 'banner', 'ko');
    let written = '';
    sh.onDidWrite((s) => (written += s));
    sh.handleInput('ip link | grep eth0\r');
    assert.equal(written, 'ip link | grep eth0\r\nknetlab: 파이프(|)는 시뮬레이션하지 않습니다\r\nroot@r:~# ');
    written = '';
    sh.handleInput('ip link show eth9\r');
    assert.equal(written, 'ip link show eth9\r\nDevice "eth9" does not exist.\r\nroot@r:~# ');
    // The same line in an English VS Code.
    const en = new SimShell(engine, world!, 'r', 'banner');
    written = '';
    en.onDidWrite((s) => (written += s));
    en.handleInput('cd /\r');
    assert.equal(written, 'cd /\r\nknetlab: the shell builtin "cd" is not simulated\r\nroot@r:~# ');
  });
});
