/**
 * The packet walk: a ping, a TCP connect or a UDP datagram from one endpoint to an address, through
 * the simulated kernels (output route, netfilter, neighbour resolution, veths, bridges, switches,
 * input route, forwarding, the socket layer) and the answer's whole way back. Every step is
 * recorded, leg by leg. The world is never changed: what the walk learns (ARP and FDB entries,
 * conntrack) lives in its Flow.
 *
 * The stages are modules of their own (walk/ and link/); this one wires them and starts the walk.
 */
import type { Endpoint } from '../net/endpoint';
import { parseAddr } from '../net/addr';
import { loc } from '../text/i18n';
import { ROOT_NS, type World } from '../sim/model';
import { traceWarnings } from './honesty';
import { l2Send } from './link/l2';
import { EPHEMERAL_PORT, openingPacket, type Payload } from './packet';
import type { TraceResult } from './trace';
import { Budget, type Ending, MAX_STEPS, NOWHERE, type Stages, Walk } from './walk/context';
import { runHook } from './walk/hooks';
import { icmpError } from './walk/icmp';
import { ipInput } from './walk/input';
import { deliver } from './walk/local';
import { output } from './walk/output';
import { sendLocal } from './walk/send';
import { eunneun } from '../text/particle';

export interface TraceRequest {
  readonly from: Endpoint;
  readonly to: string;
  readonly proto: 'icmp' | 'tcp' | 'udp';
  readonly port?: number;
  /** What the application sends (a DNS question, an HTTP request), for the program that answers. */
  readonly payload?: Payload;
  /**
   * The seed of the walk's random choices (a `statistic` rule's branch): the same seed, the same
   * trace. Absent: DEFAULT_SEED (flow.ts).
   */
  readonly seed?: number;
  /** The IP TTL (IPv6 hop limit) the socket sets (`ping -t 1`); absent: the kernel's default. */
  readonly ttl?: number;
}

export interface TraceOptions {
  /** The most steps a walk may take before it gives up. */
  readonly maxSteps?: number;
}

const STAGES: Stages = { sendLocal, output, ipInput, deliver, icmpError, hook: runHook, l2Send };

/** Walks a packet from an endpoint to an address and back. Pure: the world is not changed. */
export function tracePacket(world: World, req: TraceRequest, opts: TraceOptions = {}): TraceResult {
  const maxSteps = opts.maxSteps ?? MAX_STEPS;
  const w = new Walk(world, STAGES, maxSteps, req.seed);
  const host = world.hosts.get(req.from.host);
  const ns = host?.netns.get(req.from.netns || ROOT_NS);
  // `fe80::1%eth0`: an IPv6 address with its zone, the device it is reached through (as ping -6 takes it).
  const zone = req.to.indexOf('%');
  const dst = parseAddr(zone < 0 ? req.to : req.to.slice(0, zone));
  const oif = zone < 0 || dst?.family !== 6 ? undefined : ns?.links.get(req.to.slice(zone + 1));
  if (!host || !ns || !dst || (zone >= 0 && !oif)) {
    const what = !host
      ? `no host "${req.from.host}"`
      : !ns
        ? `no network namespace "${req.from.netns}" on ${host.name}`
        : `"${req.to}" is not an IP address`;
    const ko = !host
      ? `"${req.from.host}" 호스트가 없습니다`
      : !ns
        ? `${host.name}에 "${req.from.netns}" 네트워크 네임스페이스가 없습니다`
        : `${eunneun(`"${req.to}"`)} IP 주소가 아닙니다`;
    return result(w, false, { verdict: 'dropped', reason: loc(`Cannot trace: ${what}.`, `추적할 수 없습니다: ${ko}.`) });
  }
  const opening = openingPacket(dst, req.proto, req.port, EPHEMERAL_PORT, req.payload);
  const packet = req.ttl === undefined ? opening : { ...opening, ttl: req.ttl };
  const main = w.open(ns, packet);
  try {
    sendLocal(w, ns, packet, true, oif);
  } catch (e) {
    if (!(e instanceof Budget)) throw e;
    w.resume(main, w.legIndex);
    main.ending = {
      verdict: 'budget-exceeded',
      reason: loc(`The walk gave up after ${maxSteps} steps.`, `${maxSteps} 단계를 넘어 추적을 멈췄습니다.`),
    };
  }
  return result(w, main.replied, main.ending ?? NOWHERE, main.answer);
}

function result(w: Walk, replied: boolean, e: Ending, answer?: Payload): TraceResult {
  const { legs, request, reply } = w.result();
  const warnings = [...traceWarnings(w.world, legs), ...w.warnings];
  return {
    replied,
    verdict: e.verdict,
    reason: e.reason,
    ...(e.source ? { source: e.source } : {}),
    request,
    reply,
    legs,
    ...(warnings.length ? { warnings } : {}),
    ...(answer ? { answer } : {}),
  };
}
