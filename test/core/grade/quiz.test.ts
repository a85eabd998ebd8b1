/** Quiz answers as salted hashes (src/core/grade/quiz.ts): normalising, hashing, checking. */
import { strict as assert } from 'node:assert';
import { createHash } from 'node:crypto';
import { checkAnswer, hashAnswer, normaliseAnswer } from '../../../src/core/grade/quiz';
import { H, SALT } from '../../support/gradeLab';

describe('grade: quiz hashes', () => {
  it('normalises answers: trim, case, inner white space, NFC', () => {
    assert.equal(normaliseAnswer('  Ip   Route\tGET \n'), 'ip route get');
    assert.equal(normaliseAnswer('cafe\u0301'), normaliseAnswer('caf\u00e9'));
    assert.equal(normaliseAnswer('게이트웨이'), '게이트웨이');
  });
  it('hashes salt:answer with SHA-256, the same as node:crypto', () => {
    assert.equal(hashAnswer('  ABC ', 's'), 'efff0385da714c8573aaf55138e8a03080e2d5666a680a6b017643d379019835');
    assert.equal(hashAnswer('게이트웨이', 'k'), createHash('sha256').update('k:게이트웨이', 'utf8').digest('hex'));
    assert.notEqual(hashAnswer('x', 'y'), hashAnswer('x', 'z'));
  });
  it('checks answers against { sha256, salt }, hex in any case', () => {
    const h = { sha256: H('192.168.1.1').toUpperCase(), salt: SALT };
    assert.ok(checkAnswer(' 192.168.1.1 ', h));
    assert.ok(!checkAnswer('192.168.1.2', h));
  });
});
