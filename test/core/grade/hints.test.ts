/** Hints attached to a failure cause: shown when a failed check's trace shows it, before the plain ones. */
import { strict as assert } from 'node:assert';
import { gradeLab } from '../../../src/core/grade/grade';
import { ex, gatewayLab, load } from '../../support/gradeLab';

const GW = `  - id: gw
    points: 10
    hints:
      - { en: "Look at a's route to lan2.", ko: "a의 lan2 라우트를 보세요." }
      - when: forwarding-off
        text: { en: "r drops what it should forward: net.ipv4.ip_forward.", ko: "r이 포워딩해야 할 패킷을 버립니다: net.ipv4.ip_forward." }
      - when: no-route-back
        text: { en: "The reply has no way back.", ko: "응답이 돌아갈 라우트가 없습니다." }
    checks:
      - reach: { from: a, to: 192.168.2.10 }
`;

describe('hints per cause', () => {
  it("with ip_forward off, the hint speaks of forwarding, not of a's route", () => {
    const e = ex(gradeLab(load(gatewayLab(0, GW))), 'gw');
    assert.deepEqual(
      e.hints.map((h) => h.en),
      ['r drops what it should forward: net.ipv4.ip_forward.'],
    );
    assert.deepEqual(
      e.causes?.map((c) => [c.cause, c.host, c.source?.line]),
      [['forwarding-off', 'r', 14]],
    );
  });

  it('a cause hint shows even before any plain hint is revealed', () => {
    const e = ex(gradeLab(load(gatewayLab(0, GW)), { attempts: 0 }), 'gw');
    assert.deepEqual(
      e.hints.map((h) => h.en),
      ['r drops what it should forward: net.ipv4.ip_forward.'],
    );
  });

  it('the plain hints come one per attempt when no cause hint matches', () => {
    const text = gatewayLab(1, GW).replace('      ip route add 192.168.2.0/24 via 192.168.1.1\n', '');
    const e = ex(gradeLab(load(text), { attempts: 1 }), 'gw');
    assert.deepEqual(
      e.causes?.map((c) => `${c.cause}@${c.host}`),
      ['no-route@a'],
    );
    assert.deepEqual(
      e.hints.map((h) => h.en),
      ["Look at a's route to lan2."],
    );
    assert.equal(ex(gradeLab(load(text), { attempts: new Map([['gw', 0]]) }), 'gw').hints.length, 0);
  });

  it('no cause hint and no cause when the exercise passes', () => {
    const e = ex(gradeLab(load(gatewayLab(1, GW)), { attempts: 5 }), 'gw');
    assert.equal(e.passed, true);
    assert.deepEqual(e.hints, []);
    assert.equal(e.causes, undefined);
  });

  it('the reply without a route shows the no-route-back hint, not the forwarding one', () => {
    const text = gatewayLab(1, GW).replace('      ip route add 192.168.1.0/24 via 192.168.2.1\n', '');
    const e = ex(gradeLab(load(text), { attempts: 0 }), 'gw');
    assert.deepEqual(
      e.hints.map((h) => h.ko),
      ['응답이 돌아갈 라우트가 없습니다.'],
    );
    assert.deepEqual(
      e.causes?.map((c) => `${c.cause}@${c.host}`),
      ['no-route-back@b'],
    );
  });
});
