/**
 * Bad input: iptables lines made of random words and options (seeded, so a failure repeats) never
 * throw, in the parser or against the tables; every failure is a message with an exit status.
 */
import { strict as assert } from 'node:assert';
import { execCommand } from '../../../src/core';
import { ensureIptables, parseIptables } from '../../../src/core/netfilter/index';
import { restoreIptables } from '../../../src/core/netfilter/restore';
import { labWorld } from '../../support/world';

const WORDS = [
  '-A',
  '-I',
  '-D',
  '-R',
  '-C',
  '-S',
  '-L',
  '-F',
  '-Z',
  '-N',
  '-X',
  '-P',
  '-E',
  '-t',
  'nat',
  'filter',
  'mangle',
  'raw',
  'bogus',
  'INPUT',
  'FORWARD',
  'OUTPUT',
  'PREROUTING',
  'POSTROUTING',
  'web',
  '1',
  '0',
  '99',
  '!',
  '-s',
  '-d',
  '10.0.0.1/8',
  '300.1.1.1',
  '1.2.3.4,5.6.7.8',
  '-p',
  'tcp',
  'udp',
  'icmp',
  'all',
  '47',
  '--dport',
  '--sport',
  '80',
  '1:2',
  '9:1',
  'ssh',
  '-i',
  '-o',
  'eth+',
  '-m',
  'conntrack',
  '--ctstate',
  'NEW,ESTABLISHED',
  'state',
  '--state',
  'addrtype',
  '--dst-type',
  'LOCAL',
  'statistic',
  '--mode',
  'random',
  'nth',
  '--probability',
  '0.5',
  '--every',
  '3',
  '--packet',
  'comment',
  '--comment',
  'mark',
  '--mark',
  '0x1/0xf',
  'multiport',
  '--dports',
  '80,443',
  'physdev',
  '--physdev-in',
  'v1',
  '--physdev-is-bridged',
  '--icmp-type',
  'echo-request',
  '-j',
  '-g',
  'ACCEPT',
  'DROP',
  'RETURN',
  'REJECT',
  '--reject-with',
  'tcp-reset',
  'LOG',
  '--log-prefix',
  'DNAT',
  '--to-destination',
  '10.0.0.2:80',
  'SNAT',
  '--to-source',
  'MASQUERADE',
  '--to-ports',
  '1000-2000',
  'REDIRECT',
  'MARK',
  '--set-mark',
  '--set-xmark',
  '-n',
  '-v',
  '-x',
  '--line-numbers',
  '--append',
  '--source=1.1.1.1',
  '-nvL',
  '--',
  '-',
  '',
  '--foo',
  '-Q',
];

function rng(seed: number): () => number {
  return () => {
    seed = (seed * 1103515245 + 12345) >>> 0;
    return seed / 4294967296;
  };
}

describe('iptables: bad input never throws', () => {
  it('2,000 random lines: the parser answers each, and the command gives a status', () => {
    const r = rng(7);
    const w = labWorld('name: f\nhosts:\n  h: {}\n');
    for (let i = 0; i < 2000; i++) {
      const n = 1 + Math.floor(r() * 10);
      const words = ['iptables', ...Array.from({ length: n }, () => WORDS[Math.floor(r() * WORDS.length)]!)];
      const parsed = parseIptables(words);
      assert.equal(typeof parsed.ok, 'boolean');
      const res = execCommand(w, { host: 'h', netns: '' }, words.map((x) => `'${x}'`).join(' '));
      assert.ok(Number.isInteger(res.status), words.join(' '));
      assert.doesNotMatch(res.stderr, /internal error/, words.join(' '));
    }
  });
});

/** Pieces of restore input: table heads, chain lines, counters, COMMIT, comments and rule lines. */
const RESTORE_LINES = [
  '*filter',
  '*nat',
  '*raw',
  '*bogus',
  '*',
  ':INPUT DROP [0:0]',
  ':INPUT',
  ':FOO - [0:0]',
  ':',
  ':FORWARD BOGUS [x]',
  'COMMIT',
  'COMMIT ',
  '# comment',
  '',
  '   ',
  '[1:2] -A INPUT -j ACCEPT',
  '[1:2',
  '[:] -A INPUT',
  '[x:y] -A INPUT',
  '-A INPUT -j FOO',
  '-A FOO -j NOPE',
  '-X FOO',
  '-t nat -A INPUT',
  '-A INPUT -m comment --comment "open',
  '-A INPUT -m comment --comment "a \\"b\\""',
  '-A PREROUTING -j DNAT --to-destination 10.0.0.1',
  '-I INPUT 9 -j ACCEPT',
  '-D INPUT 1',
  '-P INPUT DROP',
  '-E FOO BAR',
  '-S',
  '-c 1 2 -A INPUT',
];

describe('iptables-restore: bad input never throws', () => {
  it('1,000 random inputs with random flags: a status and, on failure, a message; the tables stay readable', () => {
    const r = rng(11);
    const w = labWorld('name: f\nhosts:\n  h: {}\n');
    const ns = w.hosts.get('h')!.netns.get('')!;
    for (let i = 0; i < 1000; i++) {
      const n = Math.floor(r() * 8);
      const lines = Array.from({ length: n }, () =>
        r() < 0.7
          ? RESTORE_LINES[Math.floor(r() * RESTORE_LINES.length)]!
          : Array.from({ length: 1 + Math.floor(r() * 6) }, () => WORDS[Math.floor(r() * WORDS.length)]!).join(' '),
      );
      const input = lines.join('\n') + (r() < 0.8 ? '\n' : '');
      const opts = { noflush: r() < 0.5, counters: r() < 0.5, test: r() < 0.1, ...(r() < 0.1 ? { table: 'nat' } : {}) };
      const out = restoreIptables(ensureIptables(ns), input, opts);
      assert.ok(Number.isInteger(out.status), input);
      if (out.status !== 0) assert.notEqual(out.stderr, '', input);
      const saved = execCommand(w, { host: 'h', netns: '' }, 'iptables-save -c');
      assert.equal(saved.status, 0);
    }
  });
});
