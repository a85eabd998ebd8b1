/** What reach and noreach share: their arguments, label, schema and trace, and the packet walk behind them. */
import type { Diagnostic } from '../../text/diag';
import { type Localized, loc } from '../../text/i18n';
import { iga } from '../../text/particle';
import type { CheckSpec, Lab } from '../../lab/types';
import type { World } from '../../sim/model';
import type { Step, TraceResult } from '../../datapath/trace';
import type { CheckResult, CheckTrace, JsonSchema } from '../types';
import { type TraceRequest, tracePacket } from '../../datapath/walk';
import { formatEndpoint } from '../../net/endpoint';
import { type ArgShape, argsOf, checkShape, diag, endpointArg, has, missingEndpoint, shown, text, validateEndpoint } from './common';
import { type Target, parseTarget, resolveNamed } from './identity';
import { validateTarget } from './target';

export type Proto = 'icmp' | 'tcp' | 'udp';
const PROTOS: readonly Proto[] = ['icmp', 'tcp', 'udp'];
export const DEFAULT_PORT = 80;

export function packetShape(kind: string): ArgShape {
  return { required: ['from', 'to'], optional: ['proto', 'port'], example: `${kind}: { from: a, to: 192.168.2.10, proto: tcp, port: 80 }` };
}

export function validatePacketCheck(check: CheckSpec, lab: Lab): Diagnostic[] {
  const out = checkShape(check, packetShape(check.kind));
  const args = argsOf(check);
  if (!args) return out;
  out.push(...validateEndpoint(check, 'from', lab), ...validateTarget(check, 'to', lab));
  const proto = has(args, 'proto') ? text(args, 'proto')?.toLowerCase() : 'icmp';
  if (!PROTOS.includes(proto as Proto)) {
    out.push(
      diag(
        check,
        'proto',
        'wrong-type',
        loc(
          `proto must be icmp, tcp or udp, not "${text(args, 'proto') ?? '?'}".`,
          `proto는 ${iga(`"${text(args, 'proto') ?? '?'}"`)} 아니라 icmp, tcp, udp 중 하나여야 합니다.`,
        ),
      ),
    );
  }
  if (has(args, 'port')) {
    const p = Number(text(args, 'port'));
    if (!Number.isInteger(p) || p < 1 || p > 65535) {
      out.push(
        diag(
          check,
          'port',
          'bad-port',
          loc(
            `port must be a whole number from 1 to 65535, not "${text(args, 'port') ?? '?'}".`,
            `port는 ${iga(`"${text(args, 'port') ?? '?'}"`)} 아니라 1부터 65535 사이의 정수여야 합니다.`,
          ),
        ),
      );
    } else if (proto === 'icmp') {
      out.push(
        diag(
          check,
          'port',
          'bad-port',
          loc(
            'A port means nothing to ping (icmp); add proto: tcp or proto: udp.',
            '포트는 ping(icmp)에 의미가 없습니다. proto: tcp나 proto: udp를 쓰세요.',
          ),
          'warning',
        ),
      );
    }
  }
  return out;
}

export interface PacketRun {
  readonly req: TraceRequest;
  /** `b → 192.168.2.10`, `b → 192.168.2.10 tcp/80`, `a → c (192.168.4.10)`. */
  readonly label: string;
  /** The endpoint `to:` names (`c`, `host1/green`), when it names one rather than an address. */
  readonly named?: string;
  /** The address the packet goes to, as `to:` gives it or as the named endpoint resolved. */
  readonly to: string;
}

/**
 * The check's packet. A named `to:` (identity.ts) is resolved in `world` to the endpoint's address;
 * without a world, or when it has none, `missing` says why.
 */
export function packetRequest(check: CheckSpec, world?: World): PacketRun | { missing: Localized; label: string } | undefined {
  const args = argsOf(check);
  const from = endpointArg(args, 'from');
  const written = text(args, 'to')?.trim();
  const target: Target | undefined = written ? parseTarget(written) : undefined;
  if (!from || !written || !target) return undefined;
  const proto = (text(args, 'proto')?.toLowerCase() ?? 'icmp') as Proto;
  const port = proto === 'icmp' ? undefined : Number(text(args, 'port') ?? DEFAULT_PORT);
  const tail = port !== undefined ? ` ${proto}/${port}` : '';
  let to = written;
  let named: string | undefined;
  if ('named' in target) {
    const r = world ? resolveNamed(world, target.named) : undefined;
    if (!r || 'missing' in r)
      return {
        missing: r?.missing ?? loc('There is no simulated world to look the name up in.', '이름을 찾아볼 시뮬레이션 환경이 없습니다.'),
        label: `${formatEndpoint(from)} → ${written}${tail}`,
      };
    to = r.addr;
    named = r.endpoint;
  }
  const req: TraceRequest = { from, to, proto, ...(port !== undefined ? { port } : {}) };
  const shownTo = named !== undefined ? `${written} (${to})` : to;
  return { req, to, ...(named !== undefined ? { named } : {}), label: `${formatEndpoint(from)} → ${shownTo}${tail}` };
}

/** `a → 192.168.2.10 (icmp)`, `a/red → b (tcp/80)`: the check's label. */
export function packetLabel(check: CheckSpec): string {
  const args = argsOf(check);
  const proto = shown(args, 'proto', 'icmp').toLowerCase();
  const port = proto === 'icmp' ? undefined : shown(args, 'port', String(DEFAULT_PORT));
  return `${shown(args, 'from')} → ${shown(args, 'to')} (${proto}${port !== undefined ? `/${port}` : ''})`;
}

/** The packet the check walks, to trace it again; none when its protocol or port is not valid. */
export function packetTrace(check: CheckSpec): CheckTrace | undefined {
  const args = argsOf(check);
  const from = endpointArg(args, 'from');
  const to = text(args, 'to')?.trim();
  if (!from || !to || !parseTarget(to)) return undefined;
  const proto = (text(args, 'proto')?.toLowerCase() ?? 'icmp') as Proto;
  const port = proto === 'icmp' ? undefined : Number(text(args, 'port') ?? DEFAULT_PORT);
  if (proto !== 'icmp' && proto !== 'tcp' && proto !== 'udp') return undefined;
  if (proto === 'icmp') return { from: formatEndpoint(from), to, proto };
  return port !== undefined && Number.isInteger(port) && port >= 1 && port <= 65535
    ? { from: formatEndpoint(from), to, proto, port }
    : undefined;
}

/** The arguments of reach and noreach, `$defs/packetArgs` of the lab schema. */
export const PACKET_ARGS_SCHEMA: JsonSchema = {
  type: 'object',
  required: ['from', 'to'],
  additionalProperties: false,
  properties: {
    from: {
      $ref: '#/$defs/endpoint',
      description: 'Where the packet starts: a host, or host/netns. / 패킷이 출발하는 곳: 호스트나 호스트/네임스페이스.',
    },
    to: {
      description:
        "Where it goes: an IP address (held to whoever answers it in the lab's solution), or an endpoint named as host, host/netns, host/interface or host/netns/interface (its primary address; it must answer itself). / 목적지: IP 주소(실습 해법에서 응답하는 쪽이 응답해야 함), 또는 host, host/netns, host/interface, host/netns/interface로 이름 붙인 엔드포인트(그 대표 주소로 보내며, 그 엔드포인트가 직접 응답해야 함).",
      type: 'string',
      minLength: 1,
      examples: ['192.168.2.10', 'c', 'c/eth0', 'host1/green'],
    },
    proto: {
      description: 'The protocol: icmp (ping, the default), tcp or udp. / 프로토콜: icmp(ping, 기본값), tcp, udp.',
      enum: ['icmp', 'tcp', 'udp'],
    },
    port: {
      $ref: '#/$defs/port',
      description:
        'The destination port for tcp or udp (default 80), or a variable\'s placeholder ("{{ port }}"). / tcp나 udp의 목적지 포트(기본 80), 또는 변수 자리 표시("{{ port }}").',
    },
  },
  dependentSchemas: {
    port: {
      description: 'A port needs a protocol that has ports: tcp or udp. / 포트에는 포트가 있는 프로토콜(tcp나 udp)이 필요합니다.',
      required: ['proto'],
      properties: { proto: { description: 'tcp or udp, since a port is given. / 포트가 있으므로 tcp나 udp.', enum: ['tcp', 'udp'] } },
    },
  },
};

/** Walks the packet, or says why it cannot (a namespace the run lines never made). */
export function walk(world: World, run: PacketRun): { trace: TraceResult } | { missing: Localized } {
  const missing = missingEndpoint(world, run.req.from);
  if (missing) return { missing };
  return { trace: tracePacket(world, run.req) };
}

/**
 * What reach and noreach share: read the check's request and walk it. Either the trace, or the
 * failed result to return (no valid from/to, an endpoint that does not exist).
 */
export function tracedCheck(check: CheckSpec, world: World): { run: PacketRun; trace: TraceResult } | { result: CheckResult } {
  const run = packetRequest(check, world);
  if (!run)
    return { result: { passed: false, feedback: loc('This check has no valid from and to.', '이 검사에 올바른 from과 to가 없습니다.') } };
  if ('missing' in run)
    return { result: { passed: false, feedback: { en: `${run.label}: ${run.missing.en}`, ko: `${run.label}: ${run.missing.ko}` } } };
  const r = walk(world, run);
  if ('missing' in r)
    return { result: { passed: false, feedback: { en: `${run.label}: ${r.missing.en}`, ko: `${run.label}: ${r.missing.ko}` } } };
  return { run, trace: r.trace };
}

function label(s: Step): string {
  return s.netns ? `${s.host}/${s.netns}` : s.host;
}

/**
 * Where the walk ended: the host that dropped the request, else the host that dropped the reply,
 * else the host the request reached (which refused it).
 */
export function stopPoint(trace: TraceResult): { host: string; leg: 'request' | 'reply' } | undefined {
  const reqDrop = [...trace.request.steps].reverse().find((s) => s.stage === 'drop');
  if (reqDrop) return { host: label(reqDrop), leg: 'request' };
  const repDrop = [...trace.reply.steps].reverse().find((s) => s.stage === 'drop');
  if (repDrop) return { host: label(repDrop), leg: 'reply' };
  const last = trace.request.steps[trace.request.steps.length - 1];
  return last ? { host: label(last), leg: 'request' } : undefined;
}

/** The hosts the request crossed, in order, each once per visit: `a → r → b`. */
export function pathOf(trace: TraceResult): string[] {
  const out: string[] = [];
  for (const s of trace.request.steps) {
    const l = label(s);
    if (out[out.length - 1] !== l) out.push(l);
  }
  return out;
}
