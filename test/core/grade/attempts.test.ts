import { strict as assert } from 'node:assert';
import { attemptsNow, formatAttempts, MAX_ATTEMPTS, parseAttempts, recordAttempts } from '../../../src/core/grade/attempts';
import { gradeLab } from '../../../src/core/grade/grade';
import { gatewayLab, GW, load } from '../../support/gradeLab';

describe('attempts file', () => {
  it('round-trips, and reads anything not ours as no attempts', () => {
    const a = new Map([
      ['b', 2],
      ['a', 1],
    ]);
    assert.deepEqual(parseAttempts(formatAttempts(a)), a);
    assert.equal(formatAttempts(a), '{\n  "version": 1,\n  "failed": {\n    "a": 1,\n    "b": 2\n  }\n}\n');
    for (const bad of [undefined, '', '{', '[]', '{"failed": [1]}', '{"failed": {"a": -1, "b": 1.5, "c": "2"}}'])
      assert.equal(parseAttempts(bad).size, 0);
    assert.equal(parseAttempts('{"failed": {"a": 1e9}}').get('a'), MAX_ATTEMPTS);
  });

  it('counts a failed exercise one more, a passed one not', () => {
    const failed = gradeLab(load(gatewayLab(0, GW)));
    assert.deepEqual(recordAttempts(new Map([['gw', 1]]), failed), new Map([['gw', 2]]));
    const passed = gradeLab(load(gatewayLab(1, GW)));
    assert.deepEqual(recordAttempts(new Map([['gw', 1]]), passed), new Map([['gw', 1]]));
    assert.deepEqual(attemptsNow(new Map([['gw', 2]])), new Map([['gw', 3]]));
  });
});
