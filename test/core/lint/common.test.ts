/**
 * The lint rules' shared helpers (src/core/lint/common.ts): "N other routes ... too", its verb
 * agreeing with N in English, its Korean.
 */
import { strict as assert } from 'node:assert';
import { moreRoutes } from '../../../src/core/lint/common';

describe('lint common: moreRoutes', () => {
  it('says nothing for a single route', () => {
    assert.deepEqual(moreRoutes(1), { en: '', ko: '' });
    assert.deepEqual(moreRoutes(1, false), { en: '', ko: '' });
  });

  it('of this namespace: "uses" for one other route, "use" for several', () => {
    assert.deepEqual(moreRoutes(2), {
      en: ' (1 other route of this namespace uses it too.)',
      ko: ' (이 네임스페이스의 다른 라우트 1개도 같은 게이트웨이를 사용합니다.)',
    });
    assert.deepEqual(moreRoutes(4), {
      en: ' (3 other routes of this namespace use it too.)',
      ko: ' (이 네임스페이스의 다른 라우트 3개도 같은 게이트웨이를 사용합니다.)',
    });
  });

  it('of the lab: "goes" for one other route, "go" for several', () => {
    assert.deepEqual(moreRoutes(2, false), {
      en: ' (1 other route of the lab goes through it too.)',
      ko: ' (실습의 다른 라우트 1개도 이 라우터를 거쳐 갑니다.)',
    });
    assert.deepEqual(moreRoutes(3, false), {
      en: ' (2 other routes of the lab go through it too.)',
      ko: ' (실습의 다른 라우트 2개도 이 라우터를 거쳐 갑니다.)',
    });
  });
});
