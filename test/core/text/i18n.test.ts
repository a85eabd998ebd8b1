import { strict as assert } from 'node:assert';
import { fill, loc } from '../../../src/core/text/i18n';

describe('fill: a message in the display language with its placeholders filled', () => {
  const named = loc('{score} of {max} points', '{max}점 중 {score}점');
  const positional = loc('{0} matches in {1}', '{1}에서 {0}개 일치');

  it('fills named placeholders in either language', () => {
    assert.equal(fill(named, 'en', { score: 3.5, max: 10 }), '3.5 of 10 points');
    assert.equal(fill(named, 'ko', { score: 3.5, max: 10 }), '10점 중 3.5점');
  });

  it('fills {0}, {1}... from a list', () => {
    assert.equal(fill(positional, 'en', [2, 'r']), '2 matches in r');
    assert.equal(fill(positional, 'ko', [2, 'r']), 'r에서 2개 일치');
  });

  it('leaves a placeholder with no value as written, and never reads inherited keys', () => {
    assert.equal(fill(named, 'en', { score: 1 }), '1 of {max} points');
    assert.equal(fill(loc('{toString}', '{toString}'), 'en', {}), '{toString}');
  });
});
