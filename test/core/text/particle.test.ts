import { strict as assert } from 'node:assert';
import { eulreul, eunneun, gwawa, ieoya, iga, refitParticle, ro } from '../../../src/core/text/particle';

describe('text: Korean particles after the printed word', () => {
  it('Latin letters and digits as Koreans read them (KOREAN.md)', () => {
    assert.deepEqual(['lan1', 'r', 'a', 'eth0', 'blue', 'router', 'br0', 'green'].map(iga), [
      'lan1이',
      'r이',
      'a가',
      'eth0이',
      'blue가',
      'router가',
      'br0이',
      'green이',
    ]);
    assert.deepEqual(['eth1', '10.0.0.2', 'eth0', 'eth3'].map(ro), ['eth1로', '10.0.0.2로', 'eth0으로', 'eth3으로']);
    assert.equal(eunneun('v-net-0'), 'v-net-0은');
    assert.equal(eulreul('eth0'), 'eth0을');
    assert.equal(eulreul('veth'), 'veth를');
  });

  it('Hangul by its final consonant; ㄹ takes 로', () => {
    assert.equal(iga('매핑'), '매핑이');
    assert.equal(iga('브리지'), '브리지가');
    assert.equal(ro('서울'), '서울로');
    assert.equal(ro('라인'), '라인으로');
    assert.equal(gwawa('포트'), '포트와');
  });
});

describe('particles after every digit, address and name the messages print', () => {
  // How a Korean reads the last digit: 영 일 이 삼 사 오 육 칠 팔 구.
  const reading: Record<string, 'none' | 'rieul' | 'other'> = {
    '0': 'other',
    '1': 'rieul',
    '2': 'none',
    '3': 'other',
    '4': 'none',
    '5': 'none',
    '6': 'other',
    '7': 'rieul',
    '8': 'rieul',
    '9': 'none',
  };
  for (const [d, end] of Object.entries(reading)) {
    it(`an address ending in ${d}`, () => {
      const a = `192.168.2.1${d}`;
      assert.equal(iga(a), a + (end === 'none' ? '가' : '이'));
      assert.equal(eulreul(a), a + (end === 'none' ? '를' : '을'));
      assert.equal(eunneun(a), a + (end === 'none' ? '는' : '은'));
      assert.equal(gwawa(a), a + (end === 'none' ? '와' : '과'));
      assert.equal(ro(a), a + (end === 'other' ? '으로' : '로'));
    });
  }
  it('a number, as well as its text', () => {
    assert.equal(iga(24), '24가');
    assert.equal(eunneun(16), '16은');
    assert.equal(ro(10), '10으로');
  });
  it('Latin names ending in l, m, n, r (a consonant) and in a vowel letter', () => {
    assert.equal(iga('lan1'), 'lan1이');
    assert.equal(eunneun('v-net-0'), 'v-net-0은');
    assert.equal(iga('eth0'), 'eth0이');
    assert.equal(ro('eth1'), 'eth1로');
    assert.equal(iga('lan2'), 'lan2가');
    assert.equal(ro('tcp/80'), 'tcp/80으로');
    assert.equal(iga('r'), 'r이');
    assert.equal(ro('r'), 'r로');
    assert.equal(iga('a'), 'a가');
    assert.equal(eulreul('lo'), 'lo를');
    assert.equal(iga('ctrl'), 'ctrl이');
    assert.equal(ro('ctrl'), 'ctrl로');
    assert.equal(eulreul('vm'), 'vm을');
    assert.equal(ro('vm'), 'vm으로');
    assert.equal(eunneun('green'), 'green은');
    assert.equal(gwawa('router'), 'router와');
    assert.equal(iga('blue'), 'blue가');
  });
  it('Hangul by its final consonant, ㄹ taking 로', () => {
    assert.equal(iga('라우트'), '라우트가');
    assert.equal(iga('실습'), '실습이');
    assert.equal(ro('파일'), '파일로');
    assert.equal(ro('서브넷'), '서브넷으로');
    assert.equal(ieoya('숫자'), '숫자여야');
    assert.equal(ieoya('주소'), '주소여야');
    assert.equal(ieoya('192.168.1.0/24'), '192.168.1.0/24여야');
  });
  it('a quoted word takes the particle of the word inside the quotes', () => {
    assert.equal(eunneun('"eth0"'), '"eth0"은');
    assert.equal(eunneun('"a"'), '"a"는');
  });

  describe('refitParticle: a word replaced by another, the particle after it', () => {
    const refit = (after: string, from: string, to: string) => {
      const f = refitParticle(after, from, to);
      return f ? f.text + after.slice(f.length) : after;
    };

    it('a final consonant lost: 은→는, 이→가, 을→를, 과→와, 으로→로, 이나→나, 이라→라, 이어야→여야, 이에요→예요, 이었→였', () => {
      const got = ['은 ', '이 있다', '을', '과 red', '으로', '이나 ', '이라는', '이어야', '이에요', '이었다'].map((a) =>
        refit(a, 'green', 'purple'),
      );
      assert.deepEqual(got, ['는 ', '가 있다', '를', '와 red', '로', '나 ', '라는', '여야', '예요', '였다']);
    });

    it('a final consonant gained: the reverse', () => {
      const got = ['는 ', '가 있다', '를', '와 red', '로', '나 ', '라는', '여야', '예요', '였다'].map((a) => refit(a, 'yellow', 'maroon'));
      assert.deepEqual(got, ['은 ', '이 있다', '을', '과 red', '으로', '이나 ', '이라는', '이어야', '이에요', '이었다']);
    });

    it('ㄹ takes 로 as a vowel does, and otherwise a final consonant', () => {
      assert.equal(refit('으로', 'green', 'teal'), '로');
      assert.equal(refit('로', 'teal', 'green'), '으로');
      assert.equal(refit('로', 'yellow', 'teal'), '로');
      assert.equal(refit('을', 'green', 'teal'), '을');
      assert.equal(refit('를', 'yellow', 'teal'), '을');
    });

    it('the same reading, no particle, the copula, or a particle that did not fit the old word: left alone', () => {
      assert.equal(refitParticle('은', 'green', 'cyan'), undefined);
      assert.equal(refitParticle('를', 'yellow', 'navy'), undefined);
      for (const a of ['이다', '이고', '이면', '인', '입니다', '의', '에', '에는', '도', ''])
        assert.equal(refitParticle(a, 'green', 'purple'), undefined, a);
      assert.equal(refitParticle('가요', 'yellow', 'green'), undefined);
      assert.equal(refitParticle('는', 'green', 'purple'), undefined, '는 after green was not its particle');
    });
  });
});
