/**
 * `noreach: { from: C, to: 192.168.1.10 }` — the packet must not get its answer (a firewall, a
 * missing route, isolation). A failure says that it got through and by which path.
 */
import { loc } from '../../text/i18n';
import { eunneun, iga } from '../../text/particle';
import type { CheckKind, CheckResult } from '../types';
import { where } from './common';
import { PACKET_ARGS_SCHEMA, packetLabel, packetTrace, pathOf, tracedCheck, validatePacketCheck } from './packet';

export const noreachCheck: CheckKind = {
  kind: 'noreach',
  name: loc('blocked', '차단'),
  summary: loc('The packet must not get through', '패킷이 통과하면 안 됩니다'),
  docs: {
    text: loc(
      'Passes when a packet from `from` does NOT get an answer from `to` (e.g. a firewall works), and only in a network that works: when every reach check of its exercise passes (of the whole lab, when the exercise has none; in a lab with no reach check, when something on the way blocked it).',
      '`from`에서 보낸 패킷이 `to`의 응답을 받지 못하면 통과합니다(예: 방화벽 동작 확인). 단, 네트워크가 동작할 때만 점수가 됩니다: 과제의 reach 검사가 모두 통과해야 하고, 과제에 reach 검사가 없으면 실습 전체의 reach 검사가, 실습에 reach 검사가 하나도 없으면 패킷을 실제로 막은 무언가가 있어야 합니다.',
    ),
  },
  schema: {
    defs: { packetArgs: PACKET_ARGS_SCHEMA },
    args: { $ref: '#/$defs/packetArgs', examples: [{ from: 'guest', to: '192.168.2.10' }] },
  },
  label: packetLabel,
  packet: { of: packetTrace, passesWhen: 'blocked' },
  validate: validatePacketCheck,
  run(check, ctx): CheckResult {
    const r = tracedCheck(check, ctx.world);
    if ('result' in r) return r.result;
    const { run, trace } = r;
    if (!trace.replied) {
      const at = trace.source ? ` (${where(trace.source)})` : '';
      return {
        passed: true,
        feedback: {
          en: `${run.label} is blocked, as it should be: ${trace.reason.en}${at}`,
          ko: `${eunneun(run.label)} 의도대로 막힙니다: ${trace.reason.ko}${at}`,
        },
        ...(trace.source ? { source: trace.source } : {}),
        trace,
      };
    }
    const path = pathOf(trace).join(' → ');
    return {
      passed: false,
      feedback: loc(
        `${run.label} gets through, but it should not: the request went ${path}, and ${trace.reason.en}`,
        `${iga(run.label)} 통과하지만 막혀야 합니다: 요청이 ${path} 경로로 갔고, ${trace.reason.ko}`,
      ),
      expected: 'blocked',
      actual: `replied via ${path}`,
      trace,
    };
  },
};
