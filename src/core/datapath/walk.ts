/**
 * The packet walk: a ping, a TCP connect or a UDP datagram from one endpoint to an address, through
 * the simulated kernels (output route, neighbour resolution, veths, bridges, switches, input route,
 * forwarding) and the reply's whole way back. Every step is recorded. The world is never changed:
 * what the walk learns (ARP entries, bridge FDB entries) lives in overlays of its own.
 */
import { type Addr, addrEq, BROADCAST_MAC, formatAddr, isLimitedBroadcast, isLoopback, isMulticast, parseAddr } from '../net/addr';
import { type Localized, loc } from '../text/i18n';
import type { Endpoint } from '../net/endpoint';
import { STRERROR } from '../sim/errors';
import { effectiveGateway, fibTableLookup, routeOutput } from '../sim/fib';
import { hasCarrier, linkForwarding } from '../sim/kernel';
import { routeLine, tableName } from '../sim/routefmt';
import { type Host, type Link, type Netns, nsLabel, ROOT_NS, type Route, type SourceRef, TABLE_MAIN, type World } from '../sim/model';
import type { Hook, Leg, PacketHeaders, Stage, Step, TraceResult, Verdict } from './trace';

export interface TraceRequest {
  readonly from: Endpoint;
  readonly to: string;
  readonly proto: 'icmp' | 'tcp' | 'udp';
  readonly port?: number;
}

/** What a netfilter hook decides; the netfilter issue fills these in. */
export interface HookVerdict {
  readonly verdict: 'accept' | 'drop';
  readonly packet?: Packet;
  readonly detail?: Localized;
  readonly source?: SourceRef;
}

export interface NetfilterHooks {
  run(hook: Hook, ns: Netns, packet: Packet, io: { readonly in?: Link; readonly out?: Link }): HookVerdict | undefined;
}

export interface TraceOptions {
  readonly hooks?: NetfilterHooks;
  /** The most steps a walk may take before it gives up. */
  readonly maxSteps?: number;
}

type IcmpKind =
  'echo-request' | 'echo-reply' | 'time-exceeded' | 'net-unreachable' | 'host-unreachable' | 'port-unreachable' | 'pkt-filtered';

export interface Packet {
  readonly src: Addr;
  readonly dst: Addr;
  readonly ttl: number;
  readonly proto: 'icmp' | 'tcp' | 'udp';
  readonly icmp?: IcmpKind;
  readonly sport?: number;
  readonly dport?: number;
  readonly tcpFlags?: string;
  /** For an ICMP error: the packet that caused it. */
  readonly inner?: Packet;
}

interface Frame {
  readonly src: string;
  readonly dst: string;
  readonly packet?: Packet;
  readonly arp?: { readonly op: 'request' | 'reply'; readonly sender: Addr; readonly target: Addr };
}

const DEFAULT_TTL = 64;
const EPHEMERAL_PORT = 40000;
const MAX_STEPS = 4000;

class Budget extends Error {}

interface Ending {
  readonly verdict: Verdict;
  readonly reason: Localized;
  readonly source?: SourceRef;
}

interface Arrival {
  readonly link: Link;
  readonly frame: Frame;
  readonly path: Step[];
}

function describe(p: Packet): string {
  const s = formatAddr(p.src);
  const d = formatAddr(p.dst);
  switch (p.proto) {
    case 'icmp':
      return `ICMP ${p.icmp} ${s} > ${d}`;
    case 'tcp':
      return `TCP ${s}:${p.sport} > ${d}:${p.dport} [${p.tcpFlags}]`;
    case 'udp':
      return `UDP ${s}:${p.sport} > ${d}:${p.dport}`;
  }
}

/** The IP part of a packet's headers, formatted once per packet (packets are immutable). */
const ipHeaders = new WeakMap<Packet, PacketHeaders>();

function headers(p: Packet | undefined, eth?: { src: string; dst: string }, arp?: Frame['arp']): PacketHeaders {
  let base = p ? ipHeaders.get(p) : undefined;
  if (!base) {
    const h: { -readonly [K in keyof PacketHeaders]: PacketHeaders[K] } = {
      ip: p ? { src: formatAddr(p.src), dst: formatAddr(p.dst), ttl: p.ttl, proto: p.proto } : { src: '', dst: '', ttl: 0, proto: 'icmp' },
    };
    if (p?.proto === 'icmp') h.icmp = { type: p.icmp ?? 'echo-request' };
    else if (p?.proto === 'tcp') h.tcp = { sport: p.sport ?? 0, dport: p.dport ?? 0, flags: p.tcpFlags ?? '' };
    else if (p?.proto === 'udp') h.udp = { sport: p.sport ?? 0, dport: p.dport ?? 0 };
    base = h;
    if (p) ipHeaders.set(p, base);
  }
  if (!eth && !arp) return base;
  const out: { -readonly [K in keyof PacketHeaders]: PacketHeaders[K] } = { ...base };
  if (eth) out.eth = { src: eth.src, dst: eth.dst };
  if (arp) out.arp = { op: arp.op, sender: formatAddr(arp.sender), target: formatAddr(arp.target) };
  return out;
}

function routeText(r: Route): string {
  return routeLine(r);
}

/** Walks a packet from an endpoint to an address and back. Pure: the world is not changed. */
export function tracePacket(world: World, req: TraceRequest, opts: TraceOptions = {}): TraceResult {
  return new Walker(world, opts).run(req);
}

class Walker {
  private readonly request: Step[] = [];
  private readonly reply: Step[] = [];
  private leg: Step[] = this.request;
  private stepsTaken = 0;
  private readonly maxSteps: number;
  /** ARP entries learned during the walk, per namespace: `ifindex|ip` -> MAC. */
  private readonly neigh = new Map<Netns, Map<string, string>>();
  /** Bridge FDB entries learned during the walk. */
  private readonly fdb = new Map<Link, Map<string, Link>>();
  private switchPorts?: Map<string, Link[]>;
  private origin!: { ns: Netns; packet: Packet };
  private ending?: Ending;
  private replied = false;

  constructor(
    private readonly world: World,
    private readonly opts: TraceOptions,
  ) {
    this.maxSteps = opts.maxSteps ?? MAX_STEPS;
  }

  run(req: TraceRequest): TraceResult {
    const host = this.world.hosts.get(req.from.host);
    const ns = host?.netns.get(req.from.netns || ROOT_NS);
    const dst = parseAddr(req.to);
    if (!host || !ns || !dst) {
      const what = !host
        ? `no host "${req.from.host}"`
        : !ns
          ? `no network namespace "${req.from.netns}" on ${host.name}`
          : `"${req.to}" is not an IP address`;
      const ko = !host
        ? `"${req.from.host}" 호스트가 없습니다`
        : !ns
          ? `${host.name}에 "${req.from.netns}" 네트워크 네임스페이스가 없습니다`
          : `"${req.to}"는 IP 주소가 아닙니다`;
      return this.result({ verdict: 'dropped', reason: loc(`Cannot trace: ${what}.`, `추적할 수 없습니다: ${ko}.`) });
    }
    const proto = req.proto;
    const port = req.port ?? (proto === 'icmp' ? undefined : 80);
    const packet: Packet = {
      src: { family: dst.family, value: 0n },
      dst,
      ttl: DEFAULT_TTL,
      proto,
      ...(proto === 'icmp' ? { icmp: 'echo-request' as const } : {}),
      ...(proto === 'tcp' ? { sport: EPHEMERAL_PORT, dport: port, tcpFlags: 'S' } : {}),
      ...(proto === 'udp' ? { sport: EPHEMERAL_PORT, dport: port } : {}),
    };
    this.origin = { ns, packet };
    try {
      this.sendLocal(ns, packet, true);
    } catch (e) {
      if (!(e instanceof Budget)) throw e;
      this.end({
        verdict: 'budget-exceeded',
        reason: loc(`The walk gave up after ${this.maxSteps} steps.`, `${this.maxSteps} 단계를 넘어 추적을 멈췄습니다.`),
      });
    }
    return this.result(this.ending ?? { verdict: 'dropped', reason: loc('The packet went nowhere.', '패킷이 아무 데도 가지 못했습니다.') });
  }

  private result(e: Ending): TraceResult {
    const request: Leg = { kind: 'request', steps: this.request };
    const reply: Leg = { kind: 'reply', steps: this.reply, answers: 0 };
    return {
      replied: this.replied,
      verdict: e.verdict,
      reason: e.reason,
      ...(e.source ? { source: e.source } : {}),
      request,
      reply,
      legs: reply.steps.length ? [request, reply] : [request],
    };
  }

  private end(e: Ending): void {
    if (!this.ending) this.ending = e;
  }

  private step(
    ns: Netns,
    stage: Stage,
    iface: Link | undefined,
    packet: PacketHeaders,
    detail: Localized,
    extra?: { data?: Record<string, unknown>; source?: SourceRef; hook?: Hook },
  ): Step {
    if (++this.stepsTaken > this.maxSteps) throw new Budget();
    const s: { -readonly [K in keyof Step]: Step[K] } = { host: ns.host.name, netns: ns.name, stage, packet, detail };
    if (iface) s.iface = iface.name;
    if (extra) {
      if (extra.hook) s.hook = extra.hook;
      if (extra.data) s.data = extra.data;
      if (extra.source) s.source = extra.source;
    }
    return s;
  }

  private push(s: Step): void {
    this.leg.push(s);
  }

  private add(
    ns: Netns,
    stage: Stage,
    iface: Link | undefined,
    p: Packet | undefined,
    detail: Localized,
    extra?: { data?: Record<string, unknown>; source?: SourceRef; hook?: Hook; eth?: { src: string; dst: string } },
  ): void {
    this.push(this.step(ns, stage, iface, headers(p, extra?.eth), detail, extra));
  }

  private drop(
    ns: Netns,
    iface: Link | undefined,
    p: Packet | undefined,
    verdict: Verdict,
    reason: Localized,
    source?: SourceRef,
    data?: Record<string, unknown>,
  ): void {
    this.add(ns, 'drop', iface, p, reason, { source, data });
    this.end({ verdict, reason: this.leg === this.reply ? this.replyLost(reason) : reason, source });
  }

  private replyLost(reason: Localized): Localized {
    return loc(
      `The request arrived, but the reply did not come back: ${reason.en}`,
      `요청은 도착했지만 응답이 돌아오지 못했습니다: ${reason.ko}`,
    );
  }

  // -------------------------------------------------------------------------------------------
  // Netfilter hooks: named places, empty until the netfilter issue fills them.

  private hook(hook: Hook, ns: Netns, p: Packet, io: { in?: Link; out?: Link }): Packet | undefined {
    const h = this.opts.hooks?.run(hook, ns, p, io);
    if (!h) return p;
    const iface = io.out ?? io.in;
    if (h.verdict === 'drop') {
      this.drop(ns, iface, p, 'dropped', h.detail ?? loc(`Dropped in ${hook}.`, `${hook}에서 버려졌습니다.`), h.source);
      return undefined;
    }
    const after = h.packet ?? p;
    if (h.detail) this.add(ns, 'netfilter', iface, after, h.detail, { hook, source: h.source, data: { before: headers(p) } });
    return after;
  }

  // -------------------------------------------------------------------------------------------
  // Sending

  /** A packet made by this namespace's own stack (a socket, or the kernel's reply). */
  private sendLocal(ns: Netns, p0: Packet, first: boolean): void {
    const fixedSrc = first ? undefined : p0.src;
    const out = routeOutput(ns, p0.dst, fixedSrc ? { src: fixedSrc } : {});
    if (!out.ok) {
      const r = out.route;
      const dst = formatAddr(p0.dst);
      const byType: Record<string, [Verdict, Localized]> = {
        ENETUNREACH: [
          'no-route',
          loc(
            `${nsLabel(ns)} has no route to ${dst} (connect: ${STRERROR.ENETUNREACH}).`,
            `${nsLabel(ns)}에 ${dst}(으)로 가는 경로가 없습니다 (connect: ${STRERROR.ENETUNREACH}).`,
          ),
        ],
        EINVAL: [
          'blackhole',
          loc(
            `The route "${r ? routeText(r) : ''}" on ${nsLabel(ns)} is a blackhole: the packet is discarded (connect: ${STRERROR.EINVAL}).`,
            `${nsLabel(ns)}의 경로 "${r ? routeText(r) : ''}"는 blackhole이라 패킷이 버려집니다 (connect: ${STRERROR.EINVAL}).`,
          ),
        ],
        EHOSTUNREACH: [
          'unreachable-route',
          loc(
            `The route "${r ? routeText(r) : ''}" on ${nsLabel(ns)} marks ${dst} unreachable (connect: ${STRERROR.EHOSTUNREACH}).`,
            `${nsLabel(ns)}의 경로 "${r ? routeText(r) : ''}"가 ${dst}을(를) unreachable로 지정합니다 (connect: ${STRERROR.EHOSTUNREACH}).`,
          ),
        ],
        EACCES: [
          'prohibited',
          loc(
            `The route "${r ? routeText(r) : ''}" on ${nsLabel(ns)} prohibits ${dst} (connect: ${STRERROR.EACCES}).`,
            `${nsLabel(ns)}의 경로 "${r ? routeText(r) : ''}"가 ${dst}을(를) 금지합니다 (connect: ${STRERROR.EACCES}).`,
          ),
        ],
      };
      const [verdict, reason] = byType[out.err.errno] ?? [
        'no-route',
        loc(`No route: ${STRERROR[out.err.errno]}.`, `경로 없음: ${STRERROR[out.err.errno]}.`),
      ];
      if (r) {
        this.add(
          ns,
          'route',
          undefined,
          p0,
          loc(
            `Route lookup for ${dst}: "${routeText(r)}" (table ${tableName(r.table)}) matches.`,
            `${dst} 경로 조회: "${routeText(r)}" (${tableName(r.table)} 테이블)이 일치합니다.`,
          ),
          { data: { route: routeText(r), table: tableName(r.table) }, source: r.origin },
        );
      } else {
        const routes = (ns.tables.get(TABLE_MAIN) ?? []).filter((x) => x.dst.addr.family === p0.dst.family).map(routeText);
        const list = routes.length ? routes.slice(0, 8).join('; ') + (routes.length > 8 ? `; ... (${routes.length - 8} more)` : '') : '';
        this.add(
          ns,
          'route',
          undefined,
          p0,
          routes.length
            ? loc(
                `Route lookup for ${dst}: no route of ${nsLabel(ns)} covers it, and there is no default route. The main table: ${list}.`,
                `${dst} 경로 조회: ${nsLabel(ns)}의 어떤 경로도 이 주소를 포함하지 않고 기본 경로도 없습니다. main 테이블: ${list}.`,
              )
            : loc(
                `Route lookup for ${dst}: ${nsLabel(ns)}'s main table is empty (no address is configured and up, no route added).`,
                `${dst} 경로 조회: ${nsLabel(ns)}의 main 테이블이 비어 있습니다 (설정되어 up 상태인 주소도, 추가한 경로도 없습니다).`,
              ),
          { data: { table: 'main', routes } },
        );
      }
      this.drop(ns, undefined, p0, verdict, reason, r?.origin);
      return;
    }
    const o = out.value;
    const p: Packet = first ? { ...p0, src: o.src ?? p0.src } : p0;
    if (first) this.origin = { ns, packet: p };
    if (first) {
      this.add(
        ns,
        'send',
        undefined,
        p,
        loc(`${nsLabel(ns)} sends ${describe(p)}.`, `${nsLabel(ns)}이(가) ${describe(p)}을(를) 보냅니다.`),
      );
    }
    const r = o.route;
    const src = o.src ? formatAddr(o.src) : '0.0.0.0';
    const via = o.gateway ? loc(` via ${formatAddr(o.gateway)}`, ` (게이트웨이 ${formatAddr(o.gateway)})`) : loc('', '');
    this.add(
      ns,
      'route',
      o.dev,
      p,
      o.type === 'local'
        ? loc(
            `${formatAddr(p.dst)} is one of ${nsLabel(ns)}'s own addresses: route "${routeText(r)}" (table local), out through lo.`,
            `${formatAddr(p.dst)}은(는) ${nsLabel(ns)} 자신의 주소입니다: 경로 "${routeText(r)}" (local 테이블), lo로 나갑니다.`,
          )
        : loc(
            `Route lookup for ${formatAddr(p.dst)}: "${routeText(r)}" (table ${tableName(r.table)}) matches, out dev ${o.dev.name}${via.en}, source ${src}.`,
            `${formatAddr(p.dst)} 경로 조회: "${routeText(r)}" (${tableName(r.table)} 테이블)이 일치합니다. ${o.dev.name}(으)로${via.ko} 나가며 출발지 주소는 ${src}입니다.`,
          ),
      {
        data: {
          route: routeText(r),
          table: tableName(r.table),
          dev: o.dev.name,
          src,
          ...(o.gateway ? { gateway: formatAddr(o.gateway) } : {}),
        },
        source: r.origin,
      },
    );
    const afterOut = this.hook('OUTPUT', ns, p, { out: o.dev });
    if (!afterOut) return;
    if (o.type === 'local') {
      if (!o.dev.up) {
        this.drop(
          ns,
          o.dev,
          afterOut,
          'dropped',
          loc(
            `${formatAddr(p.dst)} is ${nsLabel(ns)}'s own address, and such packets go through lo, which is down: lost.`,
            `${formatAddr(p.dst)}은(는) ${nsLabel(ns)} 자신의 주소라 lo를 거쳐야 하는데 lo가 down 상태라 사라집니다.`,
          ),
          o.dev.origin,
        );
        return;
      }
      this.add(ns, 'xmit', o.dev, afterOut, loc('Looped back through lo.', 'lo를 통해 되돌아옵니다.'));
      this.ipInput(ns, o.dev, afterOut);
      return;
    }
    if (o.type === 'broadcast') {
      this.drop(
        ns,
        o.dev,
        afterOut,
        'dropped',
        loc(
          `${formatAddr(p.dst)} is a broadcast address; broadcasts are not traced.`,
          `${formatAddr(p.dst)}은(는) 브로드캐스트 주소입니다. 브로드캐스트는 추적하지 않습니다.`,
        ),
      );
      return;
    }
    const afterPost = this.hook('POSTROUTING', ns, afterOut, { out: o.dev });
    if (!afterPost) return;
    this.output(ns, o.dev, o.nexthop, afterPost, true);
  }

  /** ip_finish_output: resolve the next hop's MAC on `dev`, then put the frame on the wire. */
  private output(ns: Netns, dev: Link, nexthop: Addr, p: Packet, local: boolean): void {
    const mac = this.resolve(ns, dev, nexthop, p);
    if (!mac) {
      if (local) {
        const reason = loc(
          `No answer to ARP for ${formatAddr(nexthop)} on ${nsLabel(ns)} ${dev.name}: the host is unreachable (${STRERROR.EHOSTUNREACH}).`,
          `${nsLabel(ns)} ${dev.name}에서 ${formatAddr(nexthop)}에 대한 ARP 응답이 없습니다: 호스트에 도달할 수 없습니다 (${STRERROR.EHOSTUNREACH}).`,
        );
        this.drop(ns, dev, p, 'host-unreachable', reason);
      } else {
        this.add(
          ns,
          'drop',
          dev,
          p,
          loc(
            `No answer to ARP for ${formatAddr(nexthop)} on ${dev.name}: ${nsLabel(ns)} cannot forward the packet.`,
            `${dev.name}에서 ${formatAddr(nexthop)}에 대한 ARP 응답이 없어 ${nsLabel(ns)}이(가) 패킷을 전달할 수 없습니다.`,
          ),
        );
        this.icmpError(ns, p, 'host-unreachable', 'host-unreachable');
      }
      return;
    }
    const frame: Frame = { src: dev.mac, dst: mac, packet: p };
    if (dev.kind === 'loopback') {
      this.add(ns, 'xmit', dev, p, loc('Looped back through lo.', 'lo를 통해 되돌아옵니다.'));
      this.ipInput(ns, dev, p);
      return;
    }
    this.add(
      ns,
      'xmit',
      dev,
      p,
      loc(`Frame ${dev.mac} > ${mac} leaves ${dev.name}.`, `프레임 ${dev.mac} > ${mac}이(가) ${dev.name}(으)로 나갑니다.`),
      { eth: frame },
    );
    const arrivals = this.l2Send(dev, frame);
    const accepted = arrivals.filter((a) => a.frame.dst === a.link.mac || a.frame.dst === BROADCAST_MAC);
    if (accepted.length === 0) {
      const lost = arrivals[0]?.path ?? this.lastL2Path;
      for (const s of lost) this.push(s);
      const where = lost.length ? lost[lost.length - 1]! : undefined;
      const reason =
        this.lastL2Drop ??
        loc(`No interface took the frame addressed to ${mac}.`, `${mac}(으)로 보낸 프레임을 받은 인터페이스가 없습니다.`);
      const at = where ? (this.nsOf(where) ?? ns) : ns;
      this.drop(at, undefined, p, 'dropped', reason);
      return;
    }
    const a = accepted[0]!;
    for (const s of a.path) this.push(s);
    this.ipReceive(a.link, a.frame);
  }

  private nsOf(s: Step): Netns | undefined {
    return this.world.hosts.get(s.host)?.netns.get(s.netns);
  }

  // -------------------------------------------------------------------------------------------
  // Neighbour resolution

  private neighKey(dev: Link, a: Addr): string {
    return `${dev.ifindex}|${a.value}`;
  }

  private learn(ns: Netns, dev: Link, a: Addr, mac: string): void {
    let m = this.neigh.get(ns);
    if (!m) this.neigh.set(ns, (m = new Map()));
    m.set(this.neighKey(dev, a), mac);
  }

  private resolve(ns: Netns, dev: Link, nexthop: Addr, p: Packet): string | undefined {
    if (dev.kind === 'loopback') return '00:00:00:00:00:00';
    const known = this.neigh.get(ns)?.get(this.neighKey(dev, nexthop));
    if (known) {
      this.add(
        ns,
        'neigh',
        dev,
        p,
        loc(`${formatAddr(nexthop)} is at ${known} (neighbour cache).`, `${formatAddr(nexthop)}의 MAC은 ${known}입니다 (이웃 캐시).`),
        { data: { nexthop: formatAddr(nexthop), mac: known, from: 'cache' } },
      );
      return known;
    }
    const perm = ns.neigh.find((n) => n.dev === dev && addrEq(n.addr, nexthop) && n.mac);
    if (perm?.mac) {
      this.add(
        ns,
        'neigh',
        dev,
        p,
        loc(
          `${formatAddr(nexthop)} is at ${perm.mac} (static neighbour entry).`,
          `${formatAddr(nexthop)}의 MAC은 ${perm.mac}입니다 (정적 이웃 항목).`,
        ),
        { data: { nexthop: formatAddr(nexthop), mac: perm.mac, from: perm.state } },
      );
      return perm.mac;
    }
    // ARP: who-has nexthop tell <our source>.
    const sender = this.arpSource(dev, p.src);
    const arpReq: Frame = {
      src: dev.mac,
      dst: BROADCAST_MAC,
      arp: { op: 'request', sender: sender ?? { family: 4, value: 0n }, target: nexthop },
    };
    const who = `who-has ${formatAddr(nexthop)} tell ${sender ? formatAddr(sender) : '0.0.0.0'}`;
    if (!hasCarrier(dev)) {
      this.add(
        ns,
        'neigh',
        dev,
        p,
        loc(
          `ARP ${who}: ${dev.name} has no carrier (${this.noCarrierWhy(dev).en}), so nobody hears it.`,
          `ARP ${who}: ${dev.name}에 캐리어가 없어(${this.noCarrierWhy(dev).ko}) 아무도 듣지 못합니다.`,
        ),
        { data: { nexthop: formatAddr(nexthop), answered: false } },
      );
      return undefined;
    }
    const arrivals = this.l2Send(dev, arpReq);
    const answers: { link: Link }[] = [];
    for (const a of arrivals) {
      const rns = a.link.netns;
      if (a.link.kind === 'loopback') continue;
      if (!this.ownsAddress(rns, nexthop)) continue;
      answers.push({ link: a.link });
      if (sender) this.learn(rns, a.link, sender, dev.mac);
    }
    if (answers.length === 0) {
      this.add(
        ns,
        'neigh',
        dev,
        p,
        loc(
          `ARP ${who} on ${dev.name}: no answer. No interface on this segment owns ${formatAddr(nexthop)}.`,
          `${dev.name}에서 ARP ${who}: 응답이 없습니다. 이 세그먼트에서 ${formatAddr(nexthop)}을(를) 가진 인터페이스가 없습니다.`,
        ),
        {
          data: { nexthop: formatAddr(nexthop), answered: false, heardBy: arrivals.map((a) => `${nsLabel(a.link.netns)} ${a.link.name}`) },
        },
      );
      return undefined;
    }
    const first = answers[0]!.link;
    // The reply travels back as unicast; bridges on the way learn the answerer's MAC.
    this.l2Send(first, { src: first.mac, dst: dev.mac, arp: { op: 'reply', sender: nexthop, target: sender ?? nexthop } });
    this.learn(ns, dev, nexthop, first.mac);
    const dup =
      answers.length > 1
        ? loc(
            ` (${answers.length} interfaces answered: ${formatAddr(nexthop)} is used twice on this segment; the first answer wins)`,
            ` (${answers.length}개 인터페이스가 응답했습니다: ${formatAddr(nexthop)}이(가) 이 세그먼트에서 중복 사용됩니다. 첫 응답이 쓰입니다)`,
          )
        : loc('', '');
    this.add(
      ns,
      'neigh',
      dev,
      p,
      loc(
        `ARP ${who} on ${dev.name}: ${formatAddr(nexthop)} is-at ${first.mac} (${nsLabel(first.netns)} ${first.name})${dup.en}.`,
        `${dev.name}에서 ARP ${who}: ${formatAddr(nexthop)}의 MAC은 ${first.mac}입니다 (${nsLabel(first.netns)} ${first.name})${dup.ko}.`,
      ),
      {
        data: {
          nexthop: formatAddr(nexthop),
          mac: first.mac,
          answeredBy: `${nsLabel(first.netns)} ${first.name}`,
          answers: answers.length,
        },
      },
    );
    return first.mac;
  }

  private noCarrierWhy(dev: Link): Localized {
    if (!dev.up) return loc(`${dev.name} is down`, `${dev.name}이(가) down 상태`);
    if (dev.kind === 'veth')
      return dev.peer
        ? loc(`its peer ${dev.peer.name} is down`, `상대편 ${dev.peer.name}이(가) down 상태`)
        : loc('it has no peer', '상대편이 없음');
    if (dev.kind === 'bridge') return loc('no port of the bridge is up', '브리지에 up 상태인 포트가 없음');
    return loc('no link', '링크 없음');
  }

  /** arp_solicit with arp_announce=0: the packet's source if it is ours, else an address of the device. */
  private arpSource(dev: Link, src: Addr): Addr | undefined {
    if (src.value !== 0n && this.ownsAddress(dev.netns, src)) return src;
    const a = dev.addrs.find((x) => x.addr.family === src.family && !x.secondary);
    return a?.addr ?? (src.value !== 0n ? src : undefined);
  }

  private ownsAddress(ns: Netns, a: Addr): boolean {
    const r = fibTableLookup(ns, a);
    return !!r && r.type === 'local' && r.table === 255 && r.dst.len === (a.family === 4 ? 32 : 128);
  }

  // -------------------------------------------------------------------------------------------
  // Layer 2: veth pairs, switches and bridges

  private lastL2Path: Step[] = [];
  private lastL2Drop?: Localized;

  private portsOf(switchName: string): Link[] {
    if (!this.switchPorts) {
      const m = new Map<string, Link[]>();
      for (const h of this.world.hosts.values()) {
        for (const ns of h.netns.values()) {
          for (const l of ns.links.values()) {
            if (l.kind === 'nic' && l.switchName) {
              let list = m.get(l.switchName);
              if (!list) m.set(l.switchName, (list = []));
              list.push(l);
            }
          }
        }
      }
      this.switchPorts = m;
    }
    return this.switchPorts.get(switchName) ?? [];
  }

  private bridgeFdb(br: Link): Map<string, Link> {
    let m = this.fdb.get(br);
    if (!m) this.fdb.set(br, (m = new Map()));
    return m;
  }

  private localToBridge(br: Link, mac: string): boolean {
    if (br.mac === mac) return true;
    for (const l of br.netns.links.values()) if (l.master === br && l.mac === mac) return true;
    return false;
  }

  /**
   * Sends a frame out of `dev` and returns every interface where it arrives at layer 3 (not a bridge
   * port), each with the steps of its way. ARP frames record no steps.
   */
  private l2Send(dev: Link, frame: Frame): Arrival[] {
    const record = !frame.arp;
    const arrivals: Arrival[] = [];
    const seen = new Set<Link>();
    this.lastL2Path = [];
    this.lastL2Drop = undefined;
    const p = frame.packet;
    const eth = { src: frame.src, dst: frame.dst };
    const mk = (ns: Netns, stage: Stage, iface: Link | undefined, detail: Localized, data?: Record<string, unknown>): Step | undefined =>
      record ? this.step(ns, stage, iface, headers(p, eth, frame.arp), detail, data ? { data } : undefined) : undefined;
    /** Keeps the longest path that ended in a drop, to explain a frame nobody took. */
    const dropHere = (path: Step[], reason: Localized) => {
      if (!record) return;
      if (this.lastL2Path.length === 0 || path.length > this.lastL2Path.length) {
        this.lastL2Path = path;
        this.lastL2Drop = reason;
      }
    };
    const with_ = (path: Step[], s: Step | undefined) => (s ? [...path, s] : path);

    const xmit = (link: Link, path: Step[]): void => {
      if (seen.size > 10000) return;
      if (!link.up) {
        dropHere(
          path,
          loc(
            `${nsLabel(link.netns)} ${link.name} is down: the frame is not sent.`,
            `${nsLabel(link.netns)} ${link.name}이(가) down 상태라 프레임을 보내지 않습니다.`,
          ),
        );
        return;
      }
      switch (link.kind) {
        case 'veth': {
          const peer = link.peer;
          if (!peer || !peer.up) {
            dropHere(
              path,
              loc(
                `The veth peer of ${link.name} (${peer ? `${nsLabel(peer.netns)} ${peer.name}` : 'none'}) is down: ${link.name} has no carrier and the frame is lost.`,
                `${link.name}의 veth 상대편(${peer ? `${nsLabel(peer.netns)} ${peer.name}` : '없음'})이 down 상태라 캐리어가 없고 프레임이 사라집니다.`,
              ),
            );
            return;
          }
          const s = mk(
            peer.netns,
            'wire',
            peer,
            loc(
              `Across the veth pair ${link.name} -> ${nsLabel(peer.netns)} ${peer.name}.`,
              `veth 쌍 ${link.name} -> ${nsLabel(peer.netns)} ${peer.name}을(를) 건넙니다.`,
            ),
            { from: `${nsLabel(link.netns)} ${link.name}`, to: `${nsLabel(peer.netns)} ${peer.name}` },
          );
          arrive(peer, with_(path, s));
          return;
        }
        case 'nic': {
          const sw = link.switchName ?? '';
          const ports = this.portsOf(sw).filter((l) => l !== link);
          const unicastTargets = frame.dst === BROADCAST_MAC ? [] : ports.filter((l) => l.mac === frame.dst);
          const targets = unicastTargets.length ? unicastTargets : ports;
          const how = frame.dst === BROADCAST_MAC ? 'broadcast' : unicastTargets.length ? 'unicast' : 'flooded';
          if (targets.length === 0) {
            dropHere(path, loc(`Nothing else is cabled to switch ${sw}.`, `스위치 ${sw}에 연결된 다른 장치가 없습니다.`));
            return;
          }
          for (const t of targets) {
            if (seen.has(t)) continue;
            const s = mk(
              t.netns,
              'wire',
              t,
              how === 'flooded'
                ? loc(
                    `Switch ${sw} does not know ${frame.dst}: it floods the frame to every port, including ${t.netns.host.name} ${t.name}.`,
                    `스위치 ${sw}가 ${frame.dst}을(를) 몰라 모든 포트로 플러딩합니다 (${t.netns.host.name} ${t.name} 포함).`,
                  )
                : loc(
                    `Switch ${sw} delivers the frame to ${t.netns.host.name} ${t.name} (${t.mac}).`,
                    `스위치 ${sw}가 프레임을 ${t.netns.host.name} ${t.name}(${t.mac})에 전달합니다.`,
                  ),
              { switch: sw, how },
            );
            arrive(t, with_(path, s));
          }
          return;
        }
        case 'bridge': {
          bridgeOut(link, undefined, path);
          return;
        }
        case 'loopback':
          arrive(link, path);
          return;
        case 'dummy':
          dropHere(
            path,
            loc(`${link.name} is a dummy device: it discards what it sends.`, `${link.name}은(는) dummy 장치라 보내는 것을 버립니다.`),
          );
          return;
      }
    };

    const bridgeOut = (br: Link, ingress: Link | undefined, path: Step[]): void => {
      const ports = [...br.netns.links.values()].filter((l) => l.master === br && l !== ingress);
      const known = frame.dst === BROADCAST_MAC ? undefined : this.bridgeFdb(br).get(frame.dst);
      if (known && known !== ingress) {
        const s = mk(
          br.netns,
          'bridge',
          known,
          loc(
            `Bridge ${br.name} knows ${frame.dst} on port ${known.name} (learned): forwards the frame there.`,
            `브리지 ${br.name}는 ${frame.dst}이(가) 포트 ${known.name}에 있음을 학습했습니다: 그쪽으로 전달합니다.`,
          ),
          { bridge: br.name, fdb: { mac: frame.dst, port: known.name } },
        );
        portOut(known, with_(path, s));
        return;
      }
      for (const port of ports) {
        const s = mk(
          br.netns,
          'bridge',
          port,
          frame.dst === BROADCAST_MAC
            ? loc(
                `Bridge ${br.name} floods the broadcast to port ${port.name}.`,
                `브리지 ${br.name}가 브로드캐스트를 포트 ${port.name}(으)로 플러딩합니다.`,
              )
            : loc(
                `Bridge ${br.name} has no FDB entry for ${frame.dst}: floods it to port ${port.name}.`,
                `브리지 ${br.name}의 FDB에 ${frame.dst}이(가) 없어 포트 ${port.name}(으)로 플러딩합니다.`,
              ),
          { bridge: br.name, flood: true },
        );
        portOut(port, with_(path, s));
      }
      if (ports.length === 0)
        dropHere(
          path,
          loc(`Bridge ${br.name} has no other port to send the frame to.`, `브리지 ${br.name}에 프레임을 보낼 다른 포트가 없습니다.`),
        );
    };

    const portOut = (port: Link, path: Step[]): void => {
      if (!port.up) {
        dropHere(path, loc(`Bridge port ${port.name} is down.`, `브리지 포트 ${port.name}이(가) down 상태입니다.`));
        return;
      }
      xmit(port, path);
    };

    const arrive = (link: Link, path: Step[]): void => {
      if (seen.has(link)) return;
      seen.add(link);
      if (!link.up) {
        dropHere(
          path,
          loc(
            `${nsLabel(link.netns)} ${link.name} is down: the frame is dropped.`,
            `${nsLabel(link.netns)} ${link.name}이(가) down 상태라 프레임이 버려집니다.`,
          ),
        );
        return;
      }
      const br = link.master;
      if (br) {
        if (!br.up) {
          dropHere(
            path,
            loc(
              `${link.name} is a port of bridge ${br.name}, which is down: the frame is dropped.`,
              `${link.name}은(는) down 상태인 브리지 ${br.name}의 포트라 프레임이 버려집니다.`,
            ),
          );
          return;
        }
        this.bridgeFdb(br).set(frame.src, link);
        const s = mk(
          link.netns,
          'recv',
          link,
          loc(
            `Port ${link.name} of bridge ${br.name} receives the frame; the bridge learns ${frame.src} is on ${link.name}.`,
            `브리지 ${br.name}의 포트 ${link.name}이(가) 프레임을 받습니다. 브리지는 ${frame.src}이(가) ${link.name}에 있음을 학습합니다.`,
          ),
          { bridge: br.name, learned: { mac: frame.src, port: link.name } },
        );
        const path2 = with_(path, s);
        if (frame.dst === BROADCAST_MAC) {
          arrivals.push({ link: br, frame, path: path2 });
          bridgeOut(br, link, path2);
        } else if (this.localToBridge(br, frame.dst)) {
          const s2 = mk(
            br.netns,
            'bridge',
            br,
            loc(
              `${frame.dst} is the bridge's own address: the frame goes up to ${br.name}.`,
              `${frame.dst}은(는) 브리지 자신의 주소라 프레임이 ${br.name}(으)로 올라갑니다.`,
            ),
            { bridge: br.name, local: true },
          );
          arrivals.push({ link: br, frame, path: with_(path2, s2) });
        } else {
          bridgeOut(br, link, path2);
        }
        return;
      }
      arrivals.push({ link, frame, path });
      if (frame.dst !== BROADCAST_MAC && frame.dst !== link.mac) {
        dropHere(
          path,
          loc(
            `${nsLabel(link.netns)} ${link.name} (${link.mac}) ignores a frame addressed to ${frame.dst}.`,
            `${nsLabel(link.netns)} ${link.name}(${link.mac})은(는) ${frame.dst}(으)로 온 프레임을 무시합니다.`,
          ),
        );
      }
    };

    xmit(dev, []);
    return arrivals;
  }

  // -------------------------------------------------------------------------------------------
  // Receiving

  private ipReceive(link: Link, frame: Frame): void {
    const p = frame.packet!;
    const ns = link.netns;
    this.add(
      ns,
      'recv',
      link,
      p,
      loc(`${nsLabel(ns)} ${link.name} receives ${describe(p)}.`, `${nsLabel(ns)} ${link.name}이(가) ${describe(p)}을(를) 받습니다.`),
      { eth: frame },
    );
    this.ipInput(ns, link, p);
  }

  /** ip_rcv and ip_route_input: local delivery, forwarding, or a drop. */
  private ipInput(ns: Netns, inDev: Link, p0: Packet): void {
    const p = this.hook('PREROUTING', ns, p0, { in: inDev });
    if (!p) return;
    const label = nsLabel(ns);
    if (inDev.kind !== 'loopback' && (isMulticast(p.src) || isLimitedBroadcast(p.src) || isLoopback(p.src))) {
      this.drop(
        ns,
        inDev,
        p,
        'dropped',
        loc(
          `${label} drops a packet with the martian source ${formatAddr(p.src)}.`,
          `${label}이(가) 비정상 출발지 ${formatAddr(p.src)}의 패킷을 버립니다.`,
        ),
      );
      return;
    }
    const r = fibTableLookup(ns, p.dst);
    const forwarding = linkForwarding(inDev);
    const perLink = inDev.forwarding !== undefined;
    const fwdSource = (perLink ? inDev.forwardingOrigin : ns.sysctl.ipForwardOrigin) ?? ns.origin ?? ns.host.origin;
    if (r && r.type === 'local') {
      if (inDev.kind !== 'loopback' && p.src.value !== 0n && this.ownsAddress(ns, p.src)) {
        this.drop(
          ns,
          inDev,
          p,
          'dropped',
          loc(
            `${label} drops a packet that claims to come from its own address ${formatAddr(p.src)}.`,
            `${label}이(가) 자신의 주소 ${formatAddr(p.src)}에서 왔다고 하는 패킷을 버립니다.`,
          ),
        );
        return;
      }
      this.add(
        ns,
        'route',
        inDev,
        p,
        loc(
          `${formatAddr(p.dst)} is ${label}'s own address (route "${routeText(r)}", table local): deliver locally.`,
          `${formatAddr(p.dst)}은(는) ${label} 자신의 주소입니다 (경로 "${routeText(r)}", local 테이블): 로컬로 전달합니다.`,
        ),
        { data: { route: routeText(r), table: 'local' } },
      );
      const pin = this.hook('INPUT', ns, p, { in: inDev });
      if (!pin) return;
      this.deliver(ns, inDev, pin);
      return;
    }
    if (r && r.type === 'broadcast') {
      this.drop(
        ns,
        inDev,
        p,
        'dropped',
        loc(
          `${formatAddr(p.dst)} is a broadcast address on ${label}; broadcasts are not traced.`,
          `${formatAddr(p.dst)}은(는) ${label}의 브로드캐스트 주소입니다. 브로드캐스트는 추적하지 않습니다.`,
        ),
      );
      return;
    }
    if (!forwarding && perLink) {
      const reason = loc(
        `${label} is not the destination and net.ipv4.conf.${inDev.name}.forwarding is 0: packets arriving on ${inDev.name} are not routed, so this one is dropped.`,
        `${label}은(는) 목적지가 아니고 net.ipv4.conf.${inDev.name}.forwarding이 0이라 ${inDev.name}(으)로 들어온 패킷을 라우팅하지 않고 버립니다.`,
      );
      this.drop(ns, inDev, p, 'dropped', reason, fwdSource, { sysctl: `net.ipv4.conf.${inDev.name}.forwarding`, value: 0 });
      return;
    }
    if (!forwarding) {
      const reason = loc(
        `${label} is not the destination (${formatAddr(p.dst)} is not one of its addresses) and net.ipv4.ip_forward is 0 there, so it does not route the packet: dropped.`,
        `${label}은(는) 목적지가 아니고(${formatAddr(p.dst)}은(는) 그 주소가 아님) net.ipv4.ip_forward가 0이라 패킷을 라우팅하지 않고 버립니다.`,
      );
      this.drop(ns, inDev, p, 'dropped', reason, fwdSource, { sysctl: 'net.ipv4.ip_forward', value: 0 });
      return;
    }
    if (!r) {
      const reason = loc(
        `${label} forwards packets but has no route to ${formatAddr(p.dst)}: it answers ICMP net unreachable.`,
        `${label}은(는) 패킷을 전달하지만 ${formatAddr(p.dst)}(으)로 가는 경로가 없어 ICMP net unreachable로 응답합니다.`,
      );
      this.add(ns, 'route', inDev, p, reason, { data: { table: 'main', route: null } });
      this.icmpError(ns, p, 'net-unreachable', 'no-route');
      return;
    }
    if (r.type !== 'unicast') {
      const rt = routeText(r);
      if (r.type === 'blackhole') {
        this.drop(
          ns,
          inDev,
          p,
          'blackhole',
          loc(
            `${label} matches the blackhole route "${rt}": the packet is discarded silently.`,
            `${label}에서 blackhole 경로 "${rt}"가 일치하여 패킷이 조용히 버려집니다.`,
          ),
          r.origin,
        );
        return;
      }
      const kind: IcmpKind = r.type === 'prohibit' ? 'pkt-filtered' : r.type === 'unreachable' ? 'host-unreachable' : 'net-unreachable';
      this.add(
        ns,
        'route',
        inDev,
        p,
        loc(
          `${label} matches the ${r.type} route "${rt}": it answers ICMP ${kind}.`,
          `${label}에서 ${r.type} 경로 "${rt}"가 일치하여 ICMP ${kind}로 응답합니다.`,
        ),
        { source: r.origin, data: { route: rt, table: tableName(r.table) } },
      );
      this.icmpError(
        ns,
        p,
        kind,
        r.type === 'prohibit' ? 'prohibited' : r.type === 'unreachable' ? 'unreachable-route' : 'no-route',
        r.origin,
      );
      return;
    }
    const dev = r.dev!;
    const nexthop = effectiveGateway(r) ?? p.dst;
    this.add(
      ns,
      'route',
      inDev,
      p,
      loc(
        `${label} routes ${formatAddr(p.dst)}: "${routeText(r)}" (table ${tableName(r.table)}) matches, out dev ${dev.name}${r.gateway ? ` via ${formatAddr(r.gateway)}` : ''}.`,
        `${label}이(가) ${formatAddr(p.dst)}을(를) 라우팅합니다: "${routeText(r)}" (${tableName(r.table)} 테이블) 일치, ${dev.name}(으)로${r.gateway ? ` ${formatAddr(r.gateway)} 경유` : ''} 나갑니다.`,
      ),
      {
        data: { route: routeText(r), table: tableName(r.table), dev: dev.name, ...(r.gateway ? { gateway: formatAddr(r.gateway) } : {}) },
        source: r.origin,
      },
    );
    if (p.ttl <= 1) {
      this.add(
        ns,
        'forward',
        inDev,
        p,
        loc(
          `TTL is ${p.ttl}: ${label} cannot forward it and answers ICMP time exceeded.`,
          `TTL이 ${p.ttl}이라 ${label}이(가) 전달하지 못하고 ICMP time exceeded로 응답합니다.`,
        ),
      );
      this.icmpError(ns, p, 'time-exceeded', 'ttl-exceeded');
      return;
    }
    const fwd: Packet = { ...p, ttl: p.ttl - 1 };
    this.add(
      ns,
      'forward',
      dev,
      fwd,
      loc(
        `${label} forwards (net.ipv4.ip_forward = 1): TTL ${p.ttl} -> ${fwd.ttl}.`,
        `${label}이(가) 전달합니다 (net.ipv4.ip_forward = 1): TTL ${p.ttl} -> ${fwd.ttl}.`,
      ),
      { source: inDev.forwardingOrigin ?? ns.sysctl.ipForwardOrigin },
    );
    const pf = this.hook('FORWARD', ns, fwd, { in: inDev, out: dev });
    if (!pf) return;
    const pp = this.hook('POSTROUTING', ns, pf, { in: inDev, out: dev });
    if (!pp) return;
    this.output(ns, dev, nexthop, pp, false);
  }

  /** The local stack answers: echo reply, SYN-ACK or RST, a socket, or the end of the walk. */
  private deliver(ns: Netns, inDev: Link, p: Packet): void {
    const label = nsLabel(ns);
    const isOrigin = ns === this.origin.ns && addrEq(p.dst, this.origin.packet.src);
    if (this.leg === this.reply) {
      if (!isOrigin) {
        this.drop(
          ns,
          inDev,
          p,
          'dropped',
          loc(`The answer reached ${label}, which did not send the request.`, `응답이 요청을 보내지 않은 ${label}에 도착했습니다.`),
        );
        return;
      }
      this.finishAtOrigin(ns, inDev, p);
      return;
    }
    const sockets = ns.host.sockets.filter((s) => s.netns === ns.name);
    const reply = (q: Packet, detail: Localized) => {
      this.add(ns, 'deliver', inDev, p, detail);
      this.leg = this.reply;
      this.sendLocal(ns, q, false);
    };
    const back = { src: p.dst, dst: p.src, ttl: DEFAULT_TTL };
    switch (p.proto) {
      case 'icmp':
        if (p.icmp === 'echo-request') {
          reply(
            { ...back, proto: 'icmp', icmp: 'echo-reply' },
            loc(
              `${label} receives the echo request and answers with an echo reply.`,
              `${label}이(가) echo request를 받고 echo reply로 응답합니다.`,
            ),
          );
          return;
        }
        this.drop(
          ns,
          inDev,
          p,
          'dropped',
          loc(`${label} receives an unexpected ICMP ${p.icmp}.`, `${label}이(가) 예상하지 못한 ICMP ${p.icmp}을(를) 받습니다.`),
        );
        return;
      case 'tcp': {
        const sock = sockets.find((s) => s.proto === 'tcp' && s.port === p.dport);
        if (sock) {
          reply(
            { ...back, proto: 'tcp', sport: p.dport, dport: p.sport, tcpFlags: 'S.' },
            loc(
              `${label} has a socket listening on tcp/${p.dport}: it answers SYN-ACK.`,
              `${label}에 tcp/${p.dport}에서 대기 중인 소켓이 있어 SYN-ACK로 응답합니다.`,
            ),
          );
        } else {
          reply(
            { ...back, proto: 'tcp', sport: p.dport, dport: p.sport, tcpFlags: 'R.' },
            loc(
              `Nothing listens on tcp/${p.dport} on ${label}: it answers RST (connection refused).`,
              `${label}의 tcp/${p.dport}에서 대기 중인 것이 없어 RST(연결 거부)로 응답합니다.`,
            ),
          );
        }
        return;
      }
      case 'udp': {
        const sock = sockets.find((s) => s.proto === 'udp' && s.port === p.dport);
        if (sock) {
          this.add(
            ns,
            'deliver',
            inDev,
            p,
            loc(
              `${label} has a socket bound to udp/${p.dport}: the datagram is delivered.`,
              `${label}에 udp/${p.dport}에 바인드된 소켓이 있어 데이터그램이 전달됩니다.`,
            ),
            { source: sock.origin },
          );
          this.replied = true;
          this.end({
            verdict: 'replied',
            reason: loc(
              `The datagram reached a socket on ${label} udp/${p.dport}.`,
              `데이터그램이 ${label}의 udp/${p.dport} 소켓에 도착했습니다.`,
            ),
          });
          return;
        }
        this.add(
          ns,
          'deliver',
          inDev,
          p,
          loc(
            `Nothing listens on udp/${p.dport} on ${label}: it answers ICMP port unreachable.`,
            `${label}의 udp/${p.dport}에서 대기 중인 것이 없어 ICMP port unreachable로 응답합니다.`,
          ),
        );
        this.leg = this.reply;
        this.sendLocal(ns, { ...back, proto: 'icmp', icmp: 'port-unreachable', inner: p }, false);
        return;
      }
    }
  }

  private finishAtOrigin(ns: Netns, inDev: Link, p: Packet): void {
    const label = nsLabel(ns);
    const from = formatAddr(p.src);
    const target = formatAddr(this.origin.packet.dst);
    let e: Ending;
    if (p.proto === 'icmp' && p.icmp === 'echo-reply') {
      this.replied = true;
      e = {
        verdict: 'replied',
        reason: loc(`${label} got the echo reply from ${from}.`, `${label}이(가) ${from}의 echo reply를 받았습니다.`),
      };
    } else if (p.proto === 'tcp' && p.tcpFlags === 'S.') {
      this.replied = true;
      e = {
        verdict: 'replied',
        reason: loc(
          `${label} connected to ${target}:${this.origin.packet.dport} (SYN-ACK received).`,
          `${label}이(가) ${target}:${this.origin.packet.dport}에 연결했습니다 (SYN-ACK 수신).`,
        ),
      };
    } else if (p.proto === 'tcp') {
      e = {
        verdict: 'refused',
        reason: loc(
          `Connection refused: ${target} answered RST, nothing listens on tcp/${this.origin.packet.dport}.`,
          `연결 거부: ${target}이(가) RST로 응답했습니다. tcp/${this.origin.packet.dport}에서 대기 중인 것이 없습니다.`,
        ),
      };
    } else {
      const what: Record<string, [Verdict, Localized]> = {
        'time-exceeded': [
          'ttl-exceeded',
          loc(
            `Time to live exceeded, from ${from}: the packet went round a routing loop or too many hops.`,
            `${from}에서 Time to live exceeded: 패킷이 라우팅 루프를 돌았거나 홉이 너무 많습니다.`,
          ),
        ],
        'net-unreachable': [
          'no-route',
          loc(
            `Destination Net Unreachable, from ${from}: that router has no route to ${target}.`,
            `${from}에서 Destination Net Unreachable: 그 라우터에 ${target}(으)로 가는 경로가 없습니다.`,
          ),
        ],
        'host-unreachable': [
          'host-unreachable',
          loc(`Destination Host Unreachable, from ${from}.`, `${from}에서 Destination Host Unreachable.`),
        ],
        'port-unreachable': [
          'refused',
          loc(
            `Destination Port Unreachable, from ${from}: nothing listens on udp/${this.origin.packet.dport}.`,
            `${from}에서 Destination Port Unreachable: udp/${this.origin.packet.dport}에서 대기 중인 것이 없습니다.`,
          ),
        ],
        'pkt-filtered': [
          'prohibited',
          loc(`Packet filtered, from ${from}: a prohibit route.`, `${from}에서 Packet filtered: prohibit 경로입니다.`),
        ],
      };
      const [verdict, reason] = what[p.icmp ?? ''] ?? ['dropped', loc('Unexpected answer.', '예상하지 못한 응답입니다.')];
      e = { verdict: this.icmpCause ?? verdict, reason, source: this.icmpSource };
    }
    this.add(ns, 'deliver', inDev, p, e.reason);
    this.end(e);
  }

  private icmpCause?: Verdict;
  private icmpSource?: SourceRef;

  /** icmp_send: an error back to the packet's source, from this namespace. */
  private icmpError(ns: Netns, p: Packet, kind: IcmpKind, cause: Verdict, source?: SourceRef): void {
    if (this.leg === this.reply || (p.proto === 'icmp' && p.icmp !== 'echo-request')) {
      this.end({
        verdict: cause,
        reason: loc(`The answer was lost: ${kind} at ${nsLabel(ns)}.`, `응답이 사라졌습니다: ${nsLabel(ns)}에서 ${kind}.`),
        source,
      });
      return;
    }
    this.icmpCause = cause;
    this.icmpSource = source;
    const out = routeOutput(ns, p.src);
    const src = out.ok ? out.value.src : undefined;
    this.add(
      ns,
      'icmp',
      undefined,
      p,
      loc(
        `${nsLabel(ns)} sends ICMP ${kind} back to ${formatAddr(p.src)}.`,
        `${nsLabel(ns)}이(가) ICMP ${kind}을(를) ${formatAddr(p.src)}(으)로 돌려보냅니다.`,
      ),
      { source },
    );
    this.leg = this.reply;
    this.sendLocal(
      ns,
      { src: src ?? { family: p.src.family, value: 0n }, dst: p.src, ttl: DEFAULT_TTL, proto: 'icmp', icmp: kind, inner: p },
      false,
    );
    if (!this.ending)
      this.end({ verdict: cause, reason: loc(`ICMP ${kind} from ${nsLabel(ns)}.`, `${nsLabel(ns)}에서 ICMP ${kind}.`), source });
  }
}

export type { Host };
