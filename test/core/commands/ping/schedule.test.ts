/**
 * ping's simulated schedule (schedule.ts) and the numbers format.ts prints, on their own: when ping
 * stops, what it counts, the `pipe` of requests in flight, the loss as `%g` prints it, ping's time
 * formats. The expected runs are the real ping's (Linux 6.18, see ../ping.test.ts) with its clock's
 * noise taken out: `time 2055ms` is 2000 here.
 */
import { strict as assert } from 'node:assert';
import { percent, rttText, statistics } from '../../../../src/core/commands/ping/format';
import { type Fate, MAX_REQUESTS, type Plan, schedule } from '../../../../src/core/commands/ping/schedule';

const plan = (p: Partial<Plan>): Plan => ({ deadline: 0, intervalMs: 1000, lingerMs: 10000, ...p });
const REPLY: Fate = { kind: 'reply' };
const SILENT: Fate = { kind: 'silent' };
const NEIGH: Fate = { kind: 'error', neighbour: true, acknowledged: true };
const AT_ONCE: Fate = { kind: 'error', neighbour: false, acknowledged: true };
const brief = (r: ReturnType<typeof schedule>) => [r.sent, r.received, r.errors, r.pipe, r.elapsedMs];

describe('ping: the simulated schedule', () => {
  it('-c N replies: N sent, N received, one interval apart', () => {
    assert.deepEqual(brief(schedule(plan({ count: 3 }), REPLY)), [3, 3, 0, 1, 2000]);
    assert.deepEqual(brief(schedule(plan({ count: 1 }), REPLY)), [1, 1, 0, 1, 0]);
    assert.deepEqual(brief(schedule(plan({ count: 2, intervalMs: 200 }), REPLY)), [2, 2, 0, 1, 200]);
  });

  it('a failed neighbour resolution answers everything queued 3 s after the first (pipe 3, 4, 6 as seen)', () => {
    assert.deepEqual(brief(schedule(plan({ count: 3 }), NEIGH)), [3, 0, 3, 3, 2000]);
    assert.deepEqual(brief(schedule(plan({ count: 5 }), NEIGH)), [5, 0, 5, 4, 4000]);
    assert.deepEqual(brief(schedule(plan({ count: 6, intervalMs: 500 }), NEIGH)), [6, 0, 6, 6, 2500]);
    // IPv6's errors are not acknowledged: no pipe
    assert.equal(schedule(plan({ count: 3 }), { ...NEIGH, acknowledged: false }).pipe, 0);
  });

  it('too late: -W shorter than the 3 s, or a deadline at 3 s, hears nothing', () => {
    assert.deepEqual(brief(schedule(plan({ count: 1, lingerMs: 1000 }), NEIGH)), [1, 0, 0, 0, 0]);
    assert.deepEqual(brief(schedule(plan({ count: 2, lingerMs: 1000 }), NEIGH)), [2, 0, 0, 0, 1000]);
    assert.deepEqual(brief(schedule(plan({ count: 2, deadline: 3 }), NEIGH)), [3, 0, 0, 0, 2000]);
  });

  it('-w: sends until the deadline, stops at -c answers or at the first error', () => {
    assert.deepEqual(brief(schedule(plan({ deadline: 3 }), SILENT)), [3, 0, 0, 0, 2000]);
    assert.deepEqual(brief(schedule(plan({ deadline: 2 }), REPLY)), [2, 2, 0, 1, 1000]);
    assert.deepEqual(brief(schedule(plan({ deadline: 10, count: 2 }), REPLY)), [2, 2, 0, 1, 1000]);
    assert.deepEqual(brief(schedule(plan({ deadline: 10 }), AT_ONCE)), [1, 0, 1, 1, 0]);
  });

  it('-c with silence: every request sent, then -W after the last', () => {
    const r = schedule(plan({ count: 4 }), SILENT);
    assert.deepEqual(brief(r), [4, 0, 0, 0, 3000]);
    assert.deepEqual(r.arrivals, []);
  });

  it('-i 0: an answer at once comes before the next request (no pipe, as seen); -W 0 with nothing back never ends', () => {
    assert.deepEqual(brief(schedule(plan({ count: 3, intervalMs: 0 }), REPLY)), [3, 3, 0, 1, 0]);
    assert.equal(schedule(plan({ count: 1, lingerMs: 0 }), SILENT).forever, true);
    assert.equal(schedule(plan({ count: 1, lingerMs: 0 }), REPLY).forever, false);
    assert.equal(schedule(plan({ count: 1, lingerMs: 0, deadline: 2 }), SILENT).forever, false);
    // no timer, so the neighbour failure's error comes after 3 s all the same
    assert.deepEqual(brief(schedule(plan({ count: 1, lingerMs: 0 }), NEIGH)), [1, 0, 1, 1, 0]);
  });

  it('more than MAX_REQUESTS requests is not run', () => {
    assert.equal(schedule(plan({ count: MAX_REQUESTS }), REPLY).truncated, false);
    assert.equal(schedule(plan({ count: MAX_REQUESTS + 1 }), REPLY).truncated, true);
    assert.equal(schedule(plan({ deadline: 5, intervalMs: 0 }), REPLY).truncated, true);
  });
});

describe('ping: the numbers it prints', () => {
  it('the loss as printf %g of a float', () => {
    assert.deepEqual(
      [percent(1, 1), percent(1, 0), percent(2, 1), percent(3, 1), percent(3, 2), percent(7, 6)],
      ['0', '100', '50', '66.6667', '33.3333', '14.2857'],
    );
  });

  it('round-trip times as gather_statistics prints them, by size', () => {
    assert.deepEqual(
      [rttText(0), rttText(42), rttText(1234), rttText(12345), rttText(123456)],
      ['0.000 ms', '0.042 ms', '1.23 ms', '12.3 ms', '123 ms'],
    );
  });

  it('the statistics: errors, the rtt line, pipe on the same line or alone, ipg/ewma for -i 0', () => {
    const base = { hostname: 'h', sent: 3, received: 0, errors: 3, elapsedMs: 2000, pipe: 3, noInterval: false };
    assert.equal(
      statistics(base),
      '\n--- h ping statistics ---\n3 packets transmitted, 0 received, +3 errors, 100% packet loss, time 2000ms\npipe 3\n',
    );
    assert.equal(
      statistics({ ...base, received: 2, errors: 0, pipe: 2 }),
      '\n--- h ping statistics ---\n3 packets transmitted, 2 received, 33.3333% packet loss, time 2000ms\n' +
        'rtt min/avg/max/mdev = 0.000/0.000/0.000/0.000 ms, pipe 2\n',
    );
    assert.equal(
      statistics({ ...base, received: 3, errors: 0, pipe: 1, elapsedMs: 0, noInterval: true }),
      '\n--- h ping statistics ---\n3 packets transmitted, 3 received, 0% packet loss, time 0ms\n' +
        'rtt min/avg/max/mdev = 0.000/0.000/0.000/0.000 ms, ipg/ewma 0.000/0.000 ms\n',
    );
  });
});
