/**
 * `reach: { from: B, to: 192.168.2.10, proto: tcp, port: 80 }` — the packet gets its answer (ping
 * its echo reply, TCP its SYN-ACK, UDP a listening socket). A failure says where the packet
 * stopped and why, with the lab line that caused it where known.
 */
import { loc } from '../../text/i18n';
import type { CheckKind, CheckResult } from '../types';
import { where } from './common';
import { answeredBy, expectedAnswerer, IDENTITY_UNCHECKED, wrongAnswerer } from './identity';
import { PACKET_ARGS_SCHEMA, packetLabel, packetTrace, stopPoint, tracedCheck, validatePacketCheck } from './packet';

export const reachCheck: CheckKind = {
  kind: 'reach',
  name: loc('reaches', '도달'),
  summary: loc('The packet must get its answer', '패킷이 응답을 받아야 합니다'),
  docs: {
    text: loc(
      "Passes when a packet from `from` reaches `to` and the reply comes back from the endpoint meant: the one `to` names (`c`, `c/eth0`, `host1/green`), or for an address the one that answers it in the lab's solution.",
      '`from`에서 `to`로 보낸 패킷에 의도한 엔드포인트가 응답해야 통과합니다. 의도한 엔드포인트는 `to`가 가리키는 것(`c`, `c/eth0`, `host1/green`)이거나, 주소라면 실습 해법에서 그 주소에 응답하는 쪽입니다.',
    ),
    example: '- reach: { from: a, to: 192.168.2.10, proto: tcp, port: 80 }',
  },
  schema: {
    defs: { packetArgs: PACKET_ARGS_SCHEMA },
    args: {
      $ref: '#/$defs/packetArgs',
      examples: [
        { from: 'a', to: '192.168.2.10' },
        { from: 'a', to: '192.168.2.10', proto: 'tcp', port: 80 },
        { from: 'a', to: 'c', proto: 'tcp', port: 8080 },
      ],
    },
  },
  label: packetLabel,
  packet: { of: packetTrace, passesWhen: 'replied' },
  validate: validatePacketCheck,
  run(check, ctx): CheckResult {
    const r = tracedCheck(check, ctx.world);
    if ('result' in r) return r.result;
    const { run, trace } = r;
    if (trace.replied) {
      // Who answered: the endpoint `to:` names, else whoever answers it in the reference world.
      const who = answeredBy(trace);
      const expected = run.named ?? (ctx.reference ? expectedAnswerer(ctx.reference, run.req) : undefined);
      if (who !== undefined && expected !== undefined && who !== expected) {
        const w = wrongAnswerer(run.to, who, expected);
        return {
          passed: false,
          feedback: { en: `${run.label}: ${w.en}`, ko: `${run.label}: ${w.ko}` },
          expected: `answered by ${expected}`,
          actual: `answered by ${who}`,
          trace,
        };
      }
      const note = expected === undefined ? IDENTITY_UNCHECKED : undefined;
      return {
        passed: true,
        feedback: {
          en: `${run.label}: ${trace.reason.en}${note ? ` (${note.en})` : ''}`,
          ko: `${run.label}: ${trace.reason.ko}${note ? ` (${note.ko})` : ''}`,
        },
        ...(note ? { identityUnchecked: true } : {}),
        trace,
      };
    }
    const stop = stopPoint(trace);
    const at = trace.source ? ` (${where(trace.source)})` : '';
    const head = stop
      ? stop.leg === 'reply'
        ? loc(`the reply stops at ${stop.host}`, `응답이 ${stop.host}에서 멈춥니다`)
        : loc(`the packet stops at ${stop.host}`, `패킷이 ${stop.host}에서 멈춥니다`)
      : loc('the packet goes nowhere', '패킷이 어디로도 가지 않습니다');
    return {
      passed: false,
      feedback: {
        en: `${run.label}: ${head.en}: ${trace.reason.en}${at}`,
        ko: `${run.label}: ${head.ko}: ${trace.reason.ko}${at}`,
      },
      ...(trace.source ? { source: trace.source } : {}),
      expected: 'replied',
      actual: trace.verdict,
      trace,
    };
  },
};
