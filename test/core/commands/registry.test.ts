/**
 * The commands' registry (src/core/commands/registry.ts): the commands it collects from their
 * modules' specs, each describing itself in English and Korean; the real tools it knows but does
 * not run; and registering a new command.
 */
import { strict as assert } from 'node:assert';
import { COMMANDS, commandSpecs, REAL_TOOLS, registerCommand } from '../../../src/core/commands/registry';
import { runLine } from '../../../src/core/commands/run';
import { result } from '../../../src/core/commands/types';
import { loc } from '../../../src/core/text/i18n';
import { addHost, createWorld } from '../../../src/core/sim/kernel';

const HANGUL = /[\uac00-\ud7a3]/;

describe('commands: the registry', () => {
  it('runs the commands whose specs have a handler, by every name', () => {
    assert.deepEqual([...COMMANDS.keys()].sort(), [
      ':',
      'cat',
      'coredns',
      'dig',
      'docker',
      'echo',
      'false',
      'getent',
      'host',
      'hostname',
      'ip',
      'iptables',
      'iptables-restore',
      'iptables-save',
      'nslookup',
      'ping',
      'sleep',
      'sysctl',
      'true',
    ]);
    for (const s of commandSpecs()) for (const n of s.names) assert.equal(COMMANDS.get(n), s.handler, n);
  });

  it('knows real tools it does not run, none of them a command', () => {
    for (const t of ['bridge', 'curl', 'ip6tables', 'tcpdump', 'sudo', '[']) assert.ok(REAL_TOOLS.has(t), t);
    assert.equal(REAL_TOOLS.size, 74);
    assert.deepEqual(
      [...COMMANDS.keys()].filter((n) => REAL_TOOLS.has(n)),
      [],
    );
  });

  it('has every command describe itself: summary and usage in both languages, forms, manual page', () => {
    const names = commandSpecs().flatMap((s) => s.names);
    assert.equal(new Set(names).size, names.length, 'each name once');
    for (const s of commandSpecs()) {
      const n = s.names[0]!;
      assert.ok(s.summary.en && !HANGUL.test(s.summary.en) && HANGUL.test(s.summary.ko), `${n}: summary`);
      assert.ok(s.usage.en.startsWith(n) && s.usage.ko.startsWith(n), `${n}: usage`);
      // A manual page on man7.org, or the program's own manual where man7.org has none (CoreDNS; BIND's dig, host, nslookup).
      if (s.link !== undefined) {
        assert.match(
          s.link,
          /^https:\/\/(man7\.org\/linux\/man-pages\/man[18]\/[a-z-]+\.[18]\.html|coredns\.io\/manual\/|bind9\.readthedocs\.io\/en\/v9\.18\.49\/manpages\.html#[a-z-]+$)/,
          n,
        );
      }
      for (const f of s.forms ?? []) {
        assert.ok(s.names.includes(f.pattern.split(' ')[0]!), `${n}: form ${f.pattern}`);
        assert.ok(f.doc.en && HANGUL.test(f.doc.ko), `${n}: form ${f.pattern}`);
      }
    }
  });

  it('registers a new command: the shell runs it, and it is no longer a real tool', () => {
    const world = createWorld();
    const host = addHost(world, 'h1');
    const ctx = { world, host, netns: host.netns.get('')! };
    const before = runLine(ctx, 'knetlab-selftest a b');
    assert.equal(before.status, 127);
    registerCommand({
      names: ['knetlab-selftest'],
      handler: (_c, args) => result(args.map((a) => a.text).join('|') + '\n'),
      summary: loc('Says its arguments.', '인자를 말합니다.'),
      usage: loc('knetlab-selftest [ARG]...', 'knetlab-selftest [인자]...'),
    });
    assert.equal(runLine(ctx, 'knetlab-selftest a b').stdout, 'knetlab-selftest|a|b\n');
    assert.ok(commandSpecs().some((s) => s.names.includes('knetlab-selftest')));
    assert.ok(!REAL_TOOLS.has('knetlab-selftest'));
  });
});
