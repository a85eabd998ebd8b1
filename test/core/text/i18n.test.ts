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

describe('fill: a placeholder with the Korean particle its value takes', () => {
  it('{0:을} adds the particle, {0|은} prints it alone after a quoted value', () => {
    const m = { en: 'cannot read {0}', ko: '{0:을} 읽을 수 없습니다' };
    assert.equal(fill(m, 'ko', ['eth0']), 'eth0을 읽을 수 없습니다');
    assert.equal(fill(m, 'ko', ['lan2']), 'lan2를 읽을 수 없습니다');
    const q = { en: '"{0}" is not a port', ko: '"{0}"{0|은} 포트가 아닙니다' };
    assert.equal(fill(q, 'ko', ['abc']), '"abc"는 포트가 아닙니다');
    assert.equal(fill(q, 'ko', ['eth1']), '"eth1"은 포트가 아닙니다');
    assert.equal(fill({ en: 'to {port}', ko: '{port:로}' }, 'ko', { port: 'eth0' }), 'eth0으로');
    assert.equal(fill({ en: 'to {port}', ko: '{port:로}' }, 'ko', { port: 'eth1' }), 'eth1로');
    assert.equal(fill(m, 'en', ['eth0']), 'cannot read eth0');
  });
});
