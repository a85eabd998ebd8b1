import { strict as assert } from 'node:assert';
import { eulreul, eunneun, gwawa, iga, ro } from '../../../src/core/text/particle';

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
