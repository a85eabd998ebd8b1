/**
 * A blocked packet proves nothing on its own: in a starter where nothing is configured, every
 * `noreach` holds. So a noreach check earns its points only when the network it isolates works:
 *
 * 1. In an exercise that has reach checks, its noreach checks pass only when all of them pass.
 * 2. In an exercise made only of noreach checks, they pass only when every reach check of the lab
 *    (all its exercises) passes.
 * 3. In a lab with no reach check at all, a noreach passes only when something decided the block:
 *    the request left its sender, a netfilter hook saw it, or a blackhole, prohibit or unreachable
 *    route refused it. "The sender has no address or no route" is not a block anyone built.
 *
 * A noreach that fails on its own keeps its own feedback (it got through).
 */
import { loc } from '../text/i18n';
import type { CheckSpec } from '../lab/types';
import type { TraceResult } from '../datapath/trace';
import type { CheckResult } from './types';

const DECIDED = new Set(['blackhole', 'prohibited', 'unreachable-route']);

/** Whether something on the way blocked the packet, rather than the sender having nothing configured. */
export function blockDecided(trace: TraceResult): boolean {
  if (DECIDED.has(trace.verdict)) return true;
  const steps = trace.request.steps;
  const first = steps[0];
  if (!first) return false;
  return steps.some((s) => s.stage === 'netfilter' || s.host !== first.host || s.netns !== first.netns);
}

/** A sentence without its final full stop, to go on with another clause. */
function trimStop(s: string): string {
  return s.replace(/\.+$/, '');
}

export interface Checked {
  readonly check: CheckSpec;
  readonly result: CheckResult;
}

function count(list: readonly Checked[]): { pass: number; all: number } {
  const reach = list.filter((c) => c.check.kind === 'reach');
  return { pass: reach.filter((c) => c.result.passed).length, all: reach.length };
}

/** The exercises' results with every unbacked noreach turned into a failure that says why. */
export function backNoreach(exercises: readonly (readonly Checked[])[]): Checked[][] {
  const lab = count(exercises.flat());
  return exercises.map((list) => {
    const own = count(list);
    return list.map((c) => {
      if (c.check.kind !== 'noreach' || !c.result.passed) return c;
      const r = c.result;
      let why;
      if (own.all > 0) {
        if (own.pass === own.all) return c;
        why = loc(
          `but a blocked packet counts only once this exercise's reach checks pass (${own.pass} of ${own.all} do)`,
          `하지만 차단 검사는 이 과제의 reach 검사가 모두 통과해야 점수가 됩니다(${own.all}개 중 ${own.pass}개 통과)`,
        );
      } else if (lab.all > 0) {
        if (lab.pass === lab.all) return c;
        why = loc(
          `but a blocked packet counts only once every reach check of the lab passes (${lab.pass} of ${lab.all} do)`,
          `하지만 차단 검사는 이 실습의 reach 검사가 모두 통과해야 점수가 됩니다(${lab.all}개 중 ${lab.pass}개 통과)`,
        );
      } else {
        if (!r.trace || blockDecided(r.trace)) return c;
        why = loc(
          'but nothing blocked it: the packet never left its sender, which has nothing configured to send it',
          '하지만 막은 것이 없습니다: 패킷이 출발지를 떠나지도 못했습니다. 보낼 설정이 아예 없기 때문입니다',
        );
      }
      return {
        check: c.check,
        result: {
          ...r,
          passed: false,
          feedback: { en: `${trimStop(r.feedback.en)}; ${why.en}`, ko: `${trimStop(r.feedback.ko)}. ${why.ko}` },
          expected: 'blocked, in a network that works',
          actual: r.actual ?? 'blocked',
        },
      };
    });
  });
}
