/**
 * Who answered a reach check. A reply proves nothing when the wrong machine sends it: an address
 * put on the router's loopback answers for a host never configured. So a reach check names the
 * endpoint it means, and passes only when that endpoint answers:
 *
 * - `to: c`, `to: c/eth0`, `to: host1/green`, `to: host1/green/veth-green`: a named endpoint, resolved
 *   in the student's world to the address the packet goes to: the primary (first, not secondary)
 *   IPv4 address of the named interface, else of the endpoint's first interface (creation order,
 *   loopback last) that has one; IPv6 global addresses the same way when the endpoint has no IPv4.
 *   The second part names a namespace when the host has one of that name, else an interface.
 * - `to: 192.168.2.10`: an address, held to the endpoint that answers the same packet in the
 *   reference world (the lab with its solution applied), else to the one endpoint that owns the
 *   address there. Without a reference world who answers is not checked, and the result says so.
 *
 * The trace says who answered: the host and namespace of the request's last `deliver` step.
 */
import { type Localized, loc } from '../../text/i18n';
import { iga } from '../../text/particle';
import { type Addr, addrEq, formatAddr, isLoopback, parseAddr } from '../../net/addr';
import { type Link, type Netns, ROOT_NS, type World } from '../../sim/model';
import type { TraceResult } from '../../datapath/trace';
import { type TraceRequest, tracePacket } from '../../datapath/walk';

/** A named endpoint as `to:` writes it. */
export interface NamedTarget {
  readonly host: string;
  /** The second part: a namespace or an interface, decided in a world (see resolveNamed). */
  readonly second?: string;
  /** The third part: an interface of the namespace. */
  readonly iface?: string;
}

export type Target = { readonly addr: string } | { readonly named: NamedTarget };

/** `to:` as an address (with an IPv6 zone) or a named endpoint; undefined when it is neither. */
export function parseTarget(text: string): Target | undefined {
  const t = text.trim();
  const zone = t.indexOf('%');
  if (parseAddr(zone < 0 ? t : t.slice(0, zone))) return { addr: t };
  // A host name is a DNS label (the lab's hosts:), never all digits: `192.168.2` is a bad address.
  const m = /^([A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)(?:\/([^/\s]+))?(?:\/([^/\s]+))?$/.exec(t);
  if (!m || /^[0-9]+$/.test(m[1]!)) return undefined;
  return { named: { host: m[1]!, ...(m[2] ? { second: m[2] } : {}), ...(m[3] ? { iface: m[3] } : {}) } };
}

/** `host`, `host/netns`: how an endpoint is shown. */
export function endpointName(host: string, netns: string): string {
  return netns === ROOT_NS ? host : `${host}/${netns}`;
}

function primary(link: Link, family: 4 | 6): Addr | undefined {
  const a = link.addrs.find((x) => x.addr.family === family && !x.secondary && x.scope !== 'link' && x.scope !== 'host');
  return a?.addr;
}

/** The address a named endpoint is reached at: the endpoint (`host/netns`) and that address, or why there is none. */
export function resolveNamed(world: World, t: NamedTarget): { endpoint: string; addr: string } | { missing: Localized } {
  const host = world.hosts.get(t.host);
  if (!host) return { missing: loc(`There is no host ${t.host}.`, `${t.host} 호스트가 없습니다.`) };
  let ns: Netns | undefined = host.netns.get(ROOT_NS)!;
  let ifname = t.iface;
  if (t.second !== undefined) {
    if (t.iface !== undefined || host.netns.has(t.second)) ns = host.netns.get(t.second);
    else ifname = t.second;
  }
  if (!ns) {
    const n = t.second!;
    return {
      missing: loc(`${t.host} has no network namespace "${n}".`, `${t.host}에 "${n}" 네트워크 네임스페이스가 없습니다.`),
    };
  }
  const endpoint = endpointName(t.host, ns.name);
  let links = [...ns.links.values()];
  if (ifname !== undefined) {
    const l = ns.links.get(ifname);
    if (!l) {
      if (t.iface === undefined && t.second !== undefined)
        return {
          missing: loc(
            `${t.host} has no network namespace and no interface named "${ifname}".`,
            `${t.host}에는 "${ifname}" 네트워크 네임스페이스도, 인터페이스도 없습니다.`,
          ),
        };
      return { missing: loc(`${endpoint} has no interface ${ifname}.`, `${endpoint}에 ${ifname} 인터페이스가 없습니다.`) };
    }
    links = [l];
  } else links = [...links.filter((l) => l.kind !== 'loopback'), ...links.filter((l) => l.kind === 'loopback')];
  for (const family of [4, 6] as const) {
    for (const l of links) {
      const a = primary(l, family);
      if (a) return { endpoint, addr: formatAddr(a) };
    }
  }
  const what = ifname !== undefined ? `${endpoint}/${ifname}` : endpoint;
  return { missing: loc(`${what} has no address to send to.`, `${iga(what)} 보낼 주소가 없습니다.`) };
}

/** The endpoint the request was delivered to (its last `deliver` step), if it was. */
export function answeredBy(trace: TraceResult): string | undefined {
  const d = [...trace.request.steps].reverse().find((s) => s.stage === 'deliver');
  return d ? endpointName(d.host, d.netns) : undefined;
}

/** Every endpoint of the world that has the address on one of its interfaces. */
export function ownersOf(world: World, addr: Addr): string[] {
  const out: string[] = [];
  for (const host of world.hosts.values())
    for (const ns of host.netns.values())
      if ([...ns.links.values()].some((l) => l.addrs.some((a) => addrEq(a.addr, addr)))) out.push(endpointName(host.name, ns.name));
  return out;
}

/**
 * Who should answer `req` to an address: whoever answers the same packet in the reference world,
 * else the one endpoint that owns the address there; undefined when neither says, or when the
 * reference rewrote the destination on the way (DNAT to a Service's backend: any backend will do).
 */
export function expectedAnswerer(reference: World, req: TraceRequest): string | undefined {
  const zone = req.to.indexOf('%');
  const addr = parseAddr(zone < 0 ? req.to : req.to.slice(0, zone));
  const host = reference.hosts.get(req.from.host);
  if (host && host.netns.has(req.from.netns)) {
    const trace = tracePacket(reference, req);
    const d = [...trace.request.steps].reverse().find((s) => s.stage === 'deliver');
    if (d) {
      // Rewritten on the way (DNAT, a Service): a fixed rewrite names who answers (a port forwarded
      // to a namespace); a random one (a Service's backends, `-m statistic`) is chance, not an owner.
      const dst = d.packet && parseAddr(d.packet.ip.dst);
      if (addr && dst && !addrEq(addr, dst) && byChance(trace)) return undefined;
      return endpointName(d.host, d.netns);
    }
  }
  if (!addr || isLoopback(addr)) return undefined;
  const owners = ownersOf(reference, addr);
  return owners.length === 1 ? owners[0] : undefined;
}

/** A random choice on the way (a `-m statistic` rule) decided the packet's path. */
function byChance(trace: TraceResult): boolean {
  return trace.legs.some((leg) => leg.steps.some((s) => s.stage === 'netfilter' && s.data?.['statistic'] !== undefined));
}

/** `192.168.2.10 answered by r, not c`. */
export function wrongAnswerer(to: string, answered: string, expected: string): Localized {
  return loc(`${to} answered by ${answered}, not ${expected}`, `${to}에는 ${iga(expected)} 아니라 ${iga(answered)} 응답했습니다`);
}

/** Said of a reach to an address when there is no reference world to say who should answer. */
export const IDENTITY_UNCHECKED: Localized = loc(
  'who answered was not checked: no reference solution says who owns this address, or a random rule picks who answers',
  '누가 응답했는지는 확인하지 않았습니다: 이 주소의 주인을 알려 줄 참조 해법이 없거나, 무작위 규칙이 응답할 곳을 고릅니다',
);

/** `c (192.168.4.10)`: a named target with the address it resolved to. */
export function namedLabel(endpoint: string, addr: string): string {
  return `${endpoint} (${addr})`;
}

/**
 * A packet check's `to:` as the walk takes it: an address as written, a named endpoint resolved
 * in `world` (its primary address); undefined when it is neither or has no address. For the tools
 * that trace a check's packet again (CodeLens, the lab panel, quick fixes).
 */
export function resolveTo(world: World, to: string): string | undefined {
  const t = parseTarget(to);
  if (!t) return undefined;
  if ('addr' in t) return t.addr;
  const r = resolveNamed(world, t.named);
  return 'addr' in r ? r.addr : undefined;
}
