/** Quiz answers as salted hashes (src/core/net/answer.ts): normalising, hashing, checking. */
import { strict as assert } from 'node:assert';
import { createHash } from 'node:crypto';
import { checkAnswer, hashAnswer, normaliseAnswer, sameAnswer } from '../../../src/core/net/answer';
import { H, SALT } from '../../support/gradeLab';

describe('grade: quiz hashes', () => {
  it('normalises answers: trim, case, inner white space, NFC', () => {
    for (const kind of ['text', 'network'] as const) {
      assert.equal(normaliseAnswer(kind, '  Ip   Route\tGET \n'), 'ip route get');
      assert.equal(normaliseAnswer(kind, 'cafe\u0301'), normaliseAnswer(kind, 'caf\u00e9'));
      assert.equal(normaliseAnswer(kind, '게이트웨이'), '게이트웨이');
      assert.equal(normaliseAnswer(kind, ''), '');
    }
    assert.equal(normaliseAnswer('text', '0.0.0.0/0 via 192.168.1.1'), '0.0.0.0/0 via 192.168.1.1');
  });

  it('reads addresses and prefixes as iproute2 does: one canonical form each', () => {
    const n = (s: string) => normaliseAnswer('network', s);
    // A default route, however its destination is written.
    for (const d of [
      'default via 192.168.1.1',
      '0.0.0.0/0 via 192.168.1.1',
      '0/0 via 192.168.1.1',
      'all via 192.168.1.1',
      'DEFAULT  via 192.168.1.1',
    ])
      assert.equal(n(d), 'default via 192.168.1.1', d);
    assert.equal(n('::/0 via fe80::1'), 'default via fe80::1');
    // iproute2 fills missing IPv4 parts in a prefix: 10/8 is 10.0.0.0/8.
    assert.equal(n('10/8'), '10.0.0.0/8');
    assert.equal(n('ip route add 172.16/12 dev eth0'), 'ip route add 172.16.0.0/12 dev eth0');
    // A full-length prefix is the bare address, as ip addr add without a length makes it.
    assert.equal(n('192.168.1.10/32'), '192.168.1.10');
    assert.equal(n('2001:db8::1/128'), '2001:db8::1');
    // IPv6: compressed, lower case; a zone kept.
    assert.equal(n('2001:0DB8:0000:0000:0000:0000:0000:0001'), '2001:db8::1');
    assert.equal(n('2001:DB8:0:0:1::/64'), '2001:db8:0:0:1::/64');
    assert.equal(n('FE80::0001%eth0'), 'fe80::1%eth0');
    // Host bits of a prefix stay (an interface address is not its network).
    assert.equal(n('192.168.1.10/24'), '192.168.1.10/24');
    assert.notEqual(n('192.168.1.10/24'), n('192.168.1.0/24'));
    // Numbers stay numbers; octal and hex parts, as iproute2 reads them, equal no other form.
    assert.equal(n('10'), '10');
    assert.equal(n('2 hops'), '2 hops');
    assert.equal(n('192.168.001.010'), '192.168.001.010');
    assert.notEqual(n('192.168.001.010'), n('192.168.1.10'));
    assert.notEqual(n('192.168.001.010'), n('192.168.1.8'));
    assert.equal(n('0x0a/8'), '0x0a/8');
    // Not addresses: left as they are.
    assert.equal(n('999.1.1.1'), '999.1.1.1');
    assert.equal(n('10.0.0.0/33'), '10.0.0.0/33');
    assert.equal(n('all of them'), 'all of them');
    assert.equal(n('a:b'), 'a:b');
    assert.ok(sameAnswer('Default via 192.168.1.1', '0.0.0.0/0 via 192.168.1.1'));
    assert.ok(!sameAnswer('default via 192.168.1.1', 'default via 192.168.1.2'));
  });

  it('a hash of one form accepts every form that means the same; old text hashes still check', () => {
    const h = { sha256: hashAnswer('default via 192.168.1.1', SALT), salt: SALT };
    assert.ok(checkAnswer('0.0.0.0/0 via 192.168.1.1', h));
    assert.ok(checkAnswer('0/0   VIA 192.168.1.1', h));
    assert.ok(!checkAnswer('default via 192.168.1.10', h));
    const v6 = { sha256: hashAnswer('2001:db8::10', SALT), salt: SALT };
    assert.ok(checkAnswer('2001:0db8:0:0::0010', v6));
    // A hash made of a non-canonical form with the old (text) normalisation still takes that form.
    const old = { sha256: hashAnswer('0.0.0.0/0 via 192.168.1.1', SALT, 'text'), salt: SALT };
    assert.ok(checkAnswer('0.0.0.0/0 via 192.168.1.1', old));
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
