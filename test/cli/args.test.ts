/** The command line as main reads it: global options on either side of the command, and an option given twice. */
import { strict as assert } from 'node:assert';
import { parseArgs } from '../../src/cli/args';
import { run } from '../support/cli';

const known = { values: new Set(['--from', '--to', '--lang']), flags: new Set(['--help']) };

describe('knetlab command line', () => {
  it('a value option given twice is a usage error that names both values, in either language', () => {
    assert.throws(() => parseArgs(['--from', 'a', '--from', 'b'], known, 'en'), /option --from is given twice \("a" and "b"\)/);
    assert.throws(() => parseArgs(['--from=a', '--from=b'], known, 'ko'), /--from 옵션이 두 번 주어졌습니다/);
    const r = run('trace', 'labs/02-gateway', '--from', 'a', '--from', 'b', '--to', '192.168.2.10');
    assert.equal(r.code, 2);
    assert.equal(r.err, 'knetlab: option --from is given twice ("a" and "b")\n');
    assert.equal(r.out, '');
  });

  it('a flag given twice is still the flag', () => {
    assert.equal(parseArgs(['--help', '--help'], known, 'en').options.get('--help'), 'true');
  });

  it('global options work before the command as after it', () => {
    const before = run('--lang', 'ko', 'check', 'labs/02-gateway');
    const after = run('check', 'labs/02-gateway', '--lang', 'ko');
    const eq = run('--lang=ko', 'check', 'labs/02-gateway');
    assert.equal(before.code, 0, before.err);
    assert.deepEqual(before, after);
    assert.deepEqual(eq, after);
    assert.match(before.out + before.err, /오류 0개/);
  });

  it('global options alone: the help, as with no arguments', () => {
    const r = run('--lang', 'ko');
    assert.equal(r.code, 2);
    assert.match(r.out, /사용법:/);
  });
});
