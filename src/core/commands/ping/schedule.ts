/**
 * When ping sends and what comes back when, on the simulated clock (ping_common.c main_loop, pinger,
 * __schedule_exit, acknowledge). Request k (from 0) leaves at k × interval. A reply or an ICMP error
 * that the walk gives at once arrives at once (the simulated network has no delay of its own); a
 * Destination Host Unreachable comes when the router's neighbour resolution fails, 3 s after the first
 * request it queued (net.ipv4.neigh.default.mcast_solicit 3 × retrans_time_ms 1000), and answers every
 * request queued until then (checked on Linux 6.18: `-c 3` gives `pipe 3`, `-c 5` gives `pipe 4`).
 *
 * ping stops (main_loop) when replies and errors reach `-c`; with `-w`, at the deadline or at the first
 * error; otherwise, once the last request is sent, after -W (10 s) when nothing came back yet, or one
 * interval when something did. An answer the walk gives at once comes before the next request (no
 * `pipe` at -i 0, as seen); a request is sent before a neighbour failure's answers due at the same
 * instant (`-c 5`: pipe 4); an answer at the deadline or at the end of the wait is too late.
 */

/** What every request meets (the simulated network does not change between them). */
export type Fate =
  | { readonly kind: 'reply' }
  /**
   * `neighbour`: a failed neighbour resolution's, which takes its time; `acknowledged`: the error
   * counts in `pipe` (ping4's receive_error acknowledges it, ping6's does not: no `pipe` for IPv6 errors).
   */
  | { readonly kind: 'error'; readonly neighbour: boolean; readonly acknowledged: boolean }
  | { readonly kind: 'silent' };

export interface Plan {
  readonly count?: number;
  /** -w in seconds; 0: none. */
  readonly deadline: number;
  readonly intervalMs: number;
  readonly lingerMs: number;
}

/** What arrived, in order: the sequence number (from 1) and whether it was an error. */
export interface Arrival {
  readonly seq: number;
  readonly error: boolean;
}

export interface Run {
  readonly sent: number;
  readonly arrivals: readonly Arrival[];
  readonly received: number;
  readonly errors: number;
  readonly pipe: number;
  /** From the first request to the last one sent, in ms (finish's `time`). */
  readonly elapsedMs: number;
  /** It would have sent more than MAX_REQUESTS: the simulator does not run it. */
  readonly truncated: boolean;
  /**
   * It never ends: no deadline, answers missing, and no exit timer (a wait of 0: -W 0 when nothing
   * came back, -i 0 when something did arms none; seen: `ping -c 1 -W 0` to a dropped address hangs).
   */
  readonly forever: boolean;
}

/** The neighbour resolution's time to fail: mcast_solicit probes × retrans_time_ms. */
export const NEIGH_FAIL_MS = 3000;

/** The most requests the simulator sends for one ping. */
export const MAX_REQUESTS = 1000;

export function schedule(p: Plan, fate: Fate): Run {
  const deadlineMs = p.deadline ? p.deadline * 1000 : Infinity;
  // `now`: an answer the walk gives at once, taken before the next request even at -i 0.
  const pending: { t: number; seq: number; error: boolean; now: boolean }[] = [];
  const arrivals: Arrival[] = [];
  let sent = 0;
  let received = 0;
  let errors = 0;
  let pipe = 0;
  let exitAt = Infinity;
  let batchEnd = -Infinity;
  let truncated = false;
  for (;;) {
    // pinger: with a deadline ping goes on sending after -c requests (until -c answers came).
    const more = p.deadline ? true : sent < (p.count ?? Infinity);
    const nextSend = more ? sent * p.intervalMs : Infinity;
    const nextArrival = pending[0]?.t ?? Infinity;
    const end = Math.min(deadlineMs, exitAt);
    const sendFirst = nextSend < nextArrival || (nextSend === nextArrival && pending[0] !== undefined && !pending[0].now);
    if (sendFirst && nextSend < end) {
      if (sent >= MAX_REQUESTS) {
        truncated = true;
        break;
      }
      sent++;
      if (fate.kind === 'reply') pending.push({ t: nextSend, seq: sent, error: false, now: true });
      else if (fate.kind === 'error' && !fate.neighbour) pending.push({ t: nextSend, seq: sent, error: true, now: true });
      else if (fate.kind === 'error') {
        if (nextSend > batchEnd) batchEnd = nextSend + NEIGH_FAIL_MS;
        pending.push({ t: batchEnd, seq: sent, error: true, now: false });
      }
      // __schedule_exit, armed once the last request is sent: 2 × the longest trip (0 here) or one
      // interval when something came back, else -W. A wait of 0 arms no timer.
      if (!p.deadline && sent === p.count) {
        const wait = received ? p.intervalMs : p.lingerMs;
        exitAt = wait > 0 ? nextSend + wait : Infinity;
      }
      continue;
    }
    if (nextArrival < end && nextArrival !== Infinity) {
      const a = pending.shift()!;
      arrivals.push({ seq: a.seq, error: a.error });
      if (a.error) errors++;
      else received++;
      if (!a.error || (fate.kind === 'error' && fate.acknowledged)) pipe = Math.max(pipe, sent - a.seq + 1);
      if (p.count && received + errors >= p.count) break;
      if (p.deadline && errors) break;
      continue;
    }
    break;
  }
  const forever = !truncated && !p.deadline && exitAt === Infinity && received + errors < (p.count ?? Infinity);
  return { sent, arrivals, received, errors, pipe, elapsedMs: sent > 0 ? (sent - 1) * p.intervalMs : 0, truncated, forever };
}
