/** Usage mistakes that used to pass silently: each is a one-line error and exit status 2. */
import { strict as assert } from 'node:assert';
import { COMMANDS } from '../../src/cli/commands';
import { run } from '../support/cli';

function usageError(r: { out: string; err: string; code: number }, re: RegExp): void {
  assert.equal(r.code, 2, r.err);
  assert.equal(r.err.split('\n').filter(Boolean).length, 1, r.err);
  assert.match(r.err, re);
}

describe('knetlab usage mistakes', () => {
  it('an extra argument to trace, exec or variant', () => {
    usageError(run('trace', 'labs/02-gateway', 'extra', '--from', 'a', '--to', '192.168.2.10'), /^knetlab: usage: knetlab trace LAB/);
    usageError(run('exec', 'labs/02-gateway', 'extra', '--on', 'a', '--', 'ip', 'route'), /^knetlab: usage: knetlab exec/);
    usageError(
      run('variant', 'labs/02-gateway', 'extra', '--student', 's1', '--out', '/tmp/knetlab-never'),
      /^knetlab: usage: knetlab variant/,
    );
  });

  it('--min-score above what the lab can give, in points or in percent, before any output', () => {
    const points = run('grade', 'labs/02-gateway', '--min-score', '500');
    usageError(points, /--min-score 500 is above the most points there are \(65\)/);
    assert.equal(points.out, '');
    usageError(run('grade', 'labs/02-gateway', '--min-score', '120%'), /--min-score 120% is above the most points there are \(100%\)/);
    assert.equal(run('grade', 'labs/02-gateway', '--min-score', '100%', '--solution').code, 0);
    assert.equal(
      run('grade', 'labs/02-gateway', '--min-score', '500', '--lang', 'ko').err,
      'knetlab: --min-score 500: 받을 수 있는 최대 점수(65)보다 높아 아무도 통과할 수 없습니다\n',
    );
  });

  it('the help names every option a command reads', () => {
    for (const c of COMMANDS) {
      if (c.listing !== 'command') continue;
      for (const o of c.options) {
        if (o.name === '--student' || o.name === '--lang') continue; // shared options, told once in the README
        assert.ok(c.usage.en.includes(o.name) && c.usage.ko.includes(o.name), `${c.name}: ${o.name} is not in its usage`);
      }
    }
  });
});
