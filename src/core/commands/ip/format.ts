/**
 * How `ip link` and `ip addr` print a link, as iproute2 6.1 does: the header line with flags,
 * qdisc, master and state; the `link/ether` line with `link-netns`; the addresses, including the
 * IPv6 addresses the kernel adds by itself (`::1` on lo, the EUI-64 link-local address).
 */
import { type Addr, BITS, formatAddr } from '../../net/addr';
import { hasCarrier, operState } from '../../sim/kernel';
import type { Link, Netns, Scope } from '../../sim/model';
import { inet6Addrs } from '../../sim/inet6';

// ---------------------------------------------------------------------------------------------
// Namespace ids (NETNSA_NSID): allocated per namespace, in the order the kernel needs them.

/** The id `viewer` knows `target` by, allocating the next free one if `alloc`. */
export function nsidOf(viewer: Netns, target: Netns, alloc = true): number | undefined {
  let m = viewer.nsids;
  if (!m) viewer.nsids = m = new Map();
  let id = m.get(target);
  if (id === undefined && alloc) {
    id = m.size;
    m.set(target, id);
  }
  return id;
}

/** Both namespaces learn each other's id, as when a veth end moves between them. */
export function linkNamespaces(a: Netns, b: Netns): void {
  if (a === b) return;
  nsidOf(a, b);
  nsidOf(b, a);
}

// ---------------------------------------------------------------------------------------------
// Links

/** `eth0`, `veth0@veth1` (peer in the same namespace) or `veth0@if7` (peer elsewhere). */
export function linkDisplayName(l: Link): string {
  if (!l.peer) return l.name;
  return l.peer.netns === l.netns ? `${l.name}@${l.peer.name}` : `${l.name}@if${l.peer.ifindex}`;
}

export function linkFlags(l: Link): string[] {
  const f: string[] = [];
  const carrier = hasCarrier(l);
  if (l.up && !carrier) f.push('NO-CARRIER');
  if (l.kind === 'loopback') f.push('LOOPBACK');
  else f.push('BROADCAST', 'MULTICAST');
  if (l.up) f.push('UP');
  if (carrier) f.push('LOWER_UP');
  // M-DOWN: the link's lower device (a veth's peer, in the same namespace) is down.
  if (l.peer && l.peer.netns === l.netns && !l.peer.up) f.push('M-DOWN');
  return f;
}

function qdisc(l: Link): string {
  if (!l.up) return 'noop';
  return l.kind === 'nic' ? 'fq_codel' : 'noqueue';
}

/** The first line: `3: v0@v1: <...> mtu 1500 qdisc noqueue master br0 state UP [mode DEFAULT ]group default qlen 1000`. */
export function linkHeader(l: Link, withMode: boolean): string {
  const master = l.master ? ` master ${l.master.name}` : '';
  const mode = withMode ? 'mode DEFAULT ' : '';
  return `${l.ifindex}: ${linkDisplayName(l)}: <${linkFlags(l).join(',')}> mtu ${l.mtu} qdisc ${qdisc(l)}${master} state ${operState(l)} ${mode}group default qlen 1000`;
}

/** The `link/ether` line, without the newline. */
export function linkLayerLine(l: Link): string {
  const base = l.kind === 'loopback' ? `    link/loopback ${l.mac} brd 00:00:00:00:00:00` : `    link/ether ${l.mac} brd ff:ff:ff:ff:ff:ff`;
  if (l.peer && l.peer.netns !== l.netns) {
    const other = l.peer.netns;
    const id = nsidOf(l.netns, other)!;
    return other.name && other.host === l.netns.host ? `${base} link-netns ${other.name}` : `${base} link-netnsid ${id}`;
  }
  return base;
}

// ---------------------------------------------------------------------------------------------
// Addresses

export interface ShownAddr {
  readonly addr: Addr;
  readonly prefixLen: number;
  readonly scope: Scope;
  readonly label?: string;
  readonly broadcast?: Addr;
  readonly secondary: boolean;
  /** An IPv6 address whose duplicate address detection has not run: its link is down or has no carrier. */
  readonly tentative?: boolean;
}

/** Every address of a link in `ip addr` order: IPv4 as configured, then IPv6 (newest first, then addrconf's). */
export function shownAddrs(l: Link, family: 0 | 4 | 6): ShownAddr[] {
  const out: ShownAddr[] = [];
  if (family !== 6) for (const a of l.addrs) if (a.addr.family === 4) out.push(a);
  if (family !== 4) for (const a of inet6Addrs(l)) out.push({ ...a, secondary: false });
  return out;
}

/** `inet 10.0.0.1/24 brd 10.0.0.255 scope global secondary eth0` (no indentation, no newline). */
export function addrLine(a: ShownAddr): string {
  if (a.addr.family === 4) {
    const brd = a.broadcast ? ` brd ${formatAddr(a.broadcast)}` : '';
    return `inet ${formatAddr(a.addr)}/${a.prefixLen}${brd} scope ${a.scope}${a.secondary ? ' secondary' : ''} ${a.label ?? ''}`;
  }
  return `inet6 ${formatAddr(a.addr)}/${a.prefixLen} scope ${a.scope} ${a.tentative ? 'tentative ' : ''}`;
}

export const LIFETIME = '       valid_lft forever preferred_lft forever';

export function brief(name: string, state: string): string {
  return `${name.padEnd(16)} ${state.padEnd(14)} `;
}

export function isHostRoute(len: number, a: Addr): boolean {
  return len === BITS[a.family];
}
