import { strict as assert } from 'node:assert';
import { labChecker } from '../../../src/extension/language/diagnostics';
import {
  buildWorld,
  checkLab,
  HostBuildCache,
  IncrementalLabChecker,
  IncrementalLabParser,
  loadLab,
  loadLabFor,
  parseLabText,
} from '../../../src/core/index';

const LAB = `name: gateway
title: { en: "Gateways", ko: "게이트웨이" }
switches: [lan1, lan2]
hosts:
  a:
    interfaces:
      eth0: lan1
    run: |
      ip addr add 192.168.1.10/24 dev eth0
      ip route add 192.168.2.0/24 via 192.168.1.1
  r:
    interfaces: { eth0: lan1, eth1: lan2 }
    run: |
      ip addr add 192.168.1.1/24 dev eth0
      ip addr add 192.168.2.1/24 dev eth1
      sysctl -w net.ipv4.ip_forward=1
  b:
    interfaces:
      eth0: lan2
    run: |
      ip addr add 192.168.2.10/24 dev eth0
      ip route add 192.168.1.0/24 via 192.168.2.1
    serve: [tcp/80]
exercises:
  - id: ping
    points: 5
    checks:
      - reach: { from: a, to: 192.168.2.10 }
`;
const opts = { file: 'lab.yaml' };

/** Replaces the first `find` of the text (after `after`, if given) with `by`. */
function edit(text: string, find: string, by: string, after = ''): string {
  const at = text.indexOf(find, after ? text.indexOf(after) : 0);
  assert.ok(at >= 0, `no ${find}`);
  return text.slice(0, at) + by + text.slice(at + find.length);
}

/** Checks `before` then `after` incrementally; asserts the result is checkLab's, returns the path taken. */
function recheck(before: string, after: string): string {
  const inc = new IncrementalLabChecker();
  assert.deepStrictEqual(inc.check(before, opts), checkLab(before, opts));
  assert.deepStrictEqual(inc.check(after, opts), checkLab(after, opts));
  const path = inc.lastPath;
  assert.deepStrictEqual(inc.load(after, opts), loadLabFor(after, opts));
  return path;
}

describe('incremental checker', () => {
  it('a command changed inside a run block: the previous document is patched', () => {
    assert.equal(recheck(LAB, edit(LAB, '192.168.2.1/24', '192.168.3.1/24')), 'incremental');
    // A typo that makes the command fail: the error is at the right place.
    const typo = edit(LAB, 'via 192.168.1.1', 'via 192.168.9.1');
    assert.equal(recheck(LAB, typo), 'incremental');
    assert.ok(checkLab(typo, opts).some((d) => d.code === 'command-failed' && d.line === 10));
  });

  it('new lines and removed lines inside a run block: the places after them move', () => {
    const more = edit(LAB, '      sysctl', '      ip link add br0 type bridge\n\n      sysctl');
    assert.equal(recheck(LAB, more), 'incremental');
    assert.equal(recheck(more, LAB), 'incremental');
    const diags = checkLab(edit(more, 'via 192.168.2.1', 'via 10.0.0.1'), opts);
    assert.ok(
      diags.some((d) => d.code === 'command-failed' && d.line === 24),
      JSON.stringify(diags),
    );
  });

  it('a new command below the last one of a block (Enter at its end, then the command): the previous document is patched', () => {
    const last = 'via 192.168.2.1\n';
    const enter = edit(LAB, last, 'via 192.168.2.1\n      \n');
    assert.equal(recheck(LAB, enter), 'incremental');
    const typed = edit(enter, 'via 192.168.2.1\n      \n', 'via 192.168.2.1\n      ip link set eth0 mtu 1400\n');
    assert.equal(recheck(enter, typed), 'incremental');
    assert.equal(recheck(typed, edit(typed, 'mtu 1400\n', 'mtu\n')), 'incremental'); // fails: "mtu" needs a value
    assert.ok(checkLab(edit(typed, 'mtu 1400\n', 'mtu\n'), opts).some((d) => d.code === 'command-failed' && d.line === 23));
    // The last block of the file, before the end of the file.
    const tail = 'name: x\nswitches: [s]\nhosts:\n  a:\n    interfaces: { eth0: s }\n    run: |\n      ip link set eth0 up\n';
    assert.equal(recheck(tail, `${tail}      \n`), 'incremental');
    assert.equal(recheck(`${tail}      \n`, `${tail}      ip addr add 10.0.0.1/24 dev eth0\n`), 'incremental');
  });

  it('a value typed in a plain or quoted scalar on one line: the previous document is patched', () => {
    assert.equal(recheck(LAB, edit(LAB, 'eth0: lan1', 'eth0: lan3')), 'incremental'); // unknown switch now
    assert.equal(recheck(LAB, edit(LAB, '"Gateways"', '"Gateways and routers"')), 'incremental');
    assert.equal(recheck(LAB, edit(LAB, 'points: 5', 'points: 50')), 'incremental');
    assert.equal(recheck(LAB, edit(LAB, 'to: 192.168.2.10', 'to: 192.168.2.11')), 'incremental');
    assert.equal(recheck(LAB, edit(LAB, 'id: ping', 'id: pings')), 'incremental');
  });

  it('edits that can change the structure are parsed in full, with the same result', () => {
    // The block's indentation, its header, a dedented line, a new key, a colon in a plain value,
    // a key made equal to its sibling, a quote, a comment.
    assert.equal(recheck(LAB, edit(LAB, '      ip addr add 192.168.1.10', '     ip addr add 192.168.1.10')), 'full');
    assert.equal(recheck(LAB, edit(LAB, 'run: |', 'run: >')), 'full');
    assert.equal(recheck(LAB, edit(LAB, '      sysctl', '    sysctl')), 'full');
    assert.equal(recheck(LAB, edit(LAB, '    serve:', '    files: {}\n    serve:')), 'full');
    assert.equal(recheck(LAB, edit(LAB, 'eth0: lan1', 'eth0: lan1: x')), 'full');
    assert.equal(recheck(LAB, edit(LAB, 'eth1: lan2', 'eth0: lan2')), 'full');
    assert.equal(recheck(LAB, edit(LAB, 'eth0: lan2', 'eth0: "lan2')), 'full');
    assert.equal(recheck(LAB, edit(LAB, 'points: 5', 'points: 5 # five')), 'full');
  });

  it('after a YAML error, the next text is parsed in full', () => {
    const broken = edit(LAB, 'switches: [lan1, lan2]', 'switches: [lan1, lan2');
    assert.equal(recheck(LAB, broken), 'full');
    assert.equal(recheck(broken, LAB), 'full');
    assert.ok(checkLab(broken, opts).some((d) => d.code === 'yaml-syntax'));
  });

  it('the same text again is not parsed again', () => {
    const p = new IncrementalLabParser();
    const first = p.parse(LAB);
    assert.equal(p.lastPath, 'full');
    assert.equal(p.parse(LAB), first);
    assert.equal(p.lastPath, 'unchanged');
    assert.deepEqual(p.counts, { full: 1, incremental: 0, unchanged: 1 });
  });

  it('the patched line index is the one a full parse builds', () => {
    const p = new IncrementalLabParser();
    p.parse(LAB);
    const next = edit(LAB, 'dev eth1\n', 'dev eth1\n      ip link set eth1 mtu 9000\n');
    const patched = p.parse(next);
    assert.equal(p.lastPath, 'incremental');
    assert.deepEqual(patched.lineCounter.lineStarts, parseLabText(next).lineCounter.lineStarts);
    assert.deepEqual(patched.doc!.toJS(), parseLabText(next).doc!.toJS());
  });

  it('brackets nested too deep, typed inside a run block: the depth error, as a full check says', () => {
    const deep = edit(LAB, 'sysctl -w', `echo ${'['.repeat(120)} ; sysctl -w`);
    const inc = new IncrementalLabChecker();
    inc.check(LAB, opts);
    assert.deepStrictEqual(inc.check(deep, opts), checkLab(deep, opts));
    assert.equal(inc.lastPath, 'full');
    assert.ok(checkLab(deep, opts).some((d) => d.code === 'yaml-syntax'));
  });

  it('hosts taken from the last check and hosts built again make the same diagnostics as a full check', () => {
    const inc = new IncrementalLabChecker();
    inc.check(LAB, opts);
    // r's forwarding off: a's ping check has nothing to say, but b's lines still run on b.
    const next = edit(LAB, '      sysctl -w net.ipv4.ip_forward=1\n', '');
    assert.deepStrictEqual(inc.check(next, opts), checkLab(next, opts));
    const failing = edit(next, 'dev eth0\n      ip route add 192.168.1.0/24', 'dev eth9\n      ip route add 192.168.1.0/24', '  b:');
    assert.deepStrictEqual(inc.check(failing, opts), checkLab(failing, opts));
    assert.deepStrictEqual(inc.check(LAB, opts), checkLab(LAB, opts));
  });

  it('buildWorld with a cache takes again exactly the hosts whose spec is unchanged', () => {
    const cache = new HostBuildCache();
    const first = buildWorld(loadLab(LAB, opts).lab!, cache);
    const next = edit(LAB, 'ip addr add 192.168.2.10/24', 'ip addr add 192.168.2.20/24');
    const second = buildWorld(loadLab(next, opts).lab!, cache);
    assert.equal(second.world.hosts.get('a'), first.world.hosts.get('a'));
    assert.equal(second.world.hosts.get('r'), first.world.hosts.get('r'));
    assert.notEqual(second.world.hosts.get('b'), first.world.hosts.get('b'));
    assert.deepStrictEqual(second.diagnostics, buildWorld(loadLab(next, opts).lab!).diagnostics);
    assert.deepStrictEqual(second.runs, buildWorld(loadLab(next, opts).lab!).runs);
    // A new line moves every place after it: the hosts after it are built again.
    const moved = edit(LAB, '  r:\n', '\n  r:\n');
    const third = buildWorld(loadLab(moved, opts).lab!, cache);
    assert.equal(third.world.hosts.get('a'), first.world.hosts.get('a'));
    assert.notEqual(third.world.hosts.get('r'), first.world.hosts.get('r'));
  });

  it("the editor's lab checker has an incremental session that gives check's diagnostics", () => {
    const session = labChecker.incremental!();
    const ctx = { file: '/x/lab.yaml', readFile: () => undefined };
    for (const text of [
      LAB,
      edit(LAB, 'via 192.168.1.1', 'via 192.168.7.1'),
      edit(LAB, 'switches: [lan1, lan2]', 'switches: [lan1'),
      LAB,
    ]) {
      assert.deepStrictEqual(session.check(text, ctx), labChecker.check(text, ctx));
    }
  });
});
