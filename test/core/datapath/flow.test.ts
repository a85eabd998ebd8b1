/** The walk's Flow: its seeded random numbers (the same seed, the same draws) and its per-walk state. */
import { strict as assert } from 'node:assert';
import { DEFAULT_SEED, Flow } from '../../../src/core/datapath/flow';

describe('Flow: seeded random choices', () => {
  it('the same seed gives the same draws, in [0, 1); another seed others', () => {
    const draws = (seed?: number) => {
      const f = new Flow(seed);
      return Array.from({ length: 50 }, () => f.random());
    };
    assert.deepEqual(draws(42), draws(42));
    assert.deepEqual(draws(), draws(DEFAULT_SEED));
    assert.notDeepEqual(draws(42), draws(43));
    assert.ok(draws(42).every((x) => x >= 0 && x < 1));
    const mean = draws(9).reduce((a, b) => a + b, 0) / 50;
    assert.ok(mean > 0.3 && mean < 0.7, String(mean));
  });

  it('keeps per-walk state by key, apart for each flow', () => {
    const a = new Flow();
    const b = new Flow();
    const key = Symbol('k');
    a.state.set(key, 1);
    assert.equal(a.state.get(key), 1);
    assert.equal(b.state.get(key), undefined);
  });
});
