/**
 * The simulated machines: hosts, their network namespaces, links, addresses, routing tables,
 * neighbour tables, bridges and the lab's switches. Plain data; the kernel's behaviour lives in
 * kernel.ts (configuration, as rtnetlink does it), fib.ts (route lookup) and ../datapath (packets).
 */
import type { Addr, Prefix } from '../net/addr';
import type { Diagnostic, SourceRange } from '../text/diag';

export type SourceRef = SourceRange;

export type LinkKind = 'loopback' | 'nic' | 'veth' | 'bridge' | 'dummy';

export const ROOT_NS = '';

export type Scope = 'global' | 'site' | 'link' | 'host' | 'nowhere';
export const SCOPE_VALUE: Record<Scope, number> = { global: 0, site: 200, link: 253, host: 254, nowhere: 255 };

export interface IfAddr {
  readonly addr: Addr;
  readonly prefixLen: number;
  readonly scope: Scope;
  readonly label: string;
  readonly broadcast?: Addr;
  /** A secondary address: another address of the same subnet was there first. */
  secondary: boolean;
  readonly origin?: SourceRef;
}

export interface FdbEntry {
  readonly mac: string;
  readonly port: Link;
  /** `local` entries are the bridge's own and its ports' addresses; others were learned. */
  readonly local: boolean;
}

export interface Link {
  ifindex: number;
  name: string;
  readonly kind: LinkKind;
  mac: string;
  mtu: number;
  /** IFF_UP: set with `ip link set DEV up`. */
  up: boolean;
  netns: Netns;
  master?: Link;
  /** The lab line that made `master` this link's bridge. */
  masterOrigin?: SourceRef;
  /** A veth's other end (possibly in another namespace or host). */
  peer?: Link;
  /** A NIC's switch. */
  switchName?: string;
  addrs: IfAddr[];
  /** net.ipv4.conf.DEV.forwarding when set for this link alone; else the namespace's ip_forward. */
  forwarding?: boolean;
  forwardingOrigin?: SourceRef;
  /**
   * net.ipv4.conf.DEV.promote_secondaries: copied from conf.default when the link is made (the kernel
   * does not copy a later write to default into existing links for this key).
   */
  promoteSecondaries?: boolean;
  /** The lab line that last set the link up or down; absent when no line did (never brought up, or up as declared). */
  stateOrigin?: SourceRef;
  /**
   * The last move of the link into its namespace (`ip link set DEV netns NS`): the line, the
   * namespace it came from, and whether it was up (a move sets a link down, as dev_close does).
   */
  moved?: { readonly origin?: SourceRef; readonly from: string; readonly wasUp: boolean };
  /** net.ipv4.conf.DEV.* the device holds itself, written or copied from default (sim/ipv4conf.ts). */
  conf4?: Map<string, string>;
  /** The lines behind conf4's values. */
  conf4Origin?: Map<string, SourceRef>;
  /** A bridge's forwarding database, keyed by MAC. */
  fdb?: Map<string, FdbEntry>;
  readonly origin?: SourceRef;
  /** net.ipv6.conf.DEV.* (sim/ipv6conf.ts); absent until written or read: then a copy of `default`. */
  conf6?: DevConf6;
  /**
   * The address addrconf gave the link when it became ready (up with a carrier): `::1` on lo, the
   * EUI-64 link-local address elsewhere; its routes exist while it does. Gone when the link goes down.
   */
  inet6Auto?: Addr;
}

/** IPv6 settings of one device, or of `all` / `default` (sim/ipv6conf.ts). */
export interface DevConf6 {
  forwarding: number;
  hop_limit: number;
  disable_ipv6: number;
  /** The lab line that last wrote forwarding. */
  forwardingOrigin?: SourceRef;
}

export type RouteType = 'unicast' | 'local' | 'broadcast' | 'anycast' | 'multicast' | 'blackhole' | 'unreachable' | 'prohibit' | 'throw';
export type RouteProto = 'kernel' | 'boot' | 'static';

export const TABLE_MAIN = 254;
export const TABLE_LOCAL = 255;

export interface Route {
  readonly table: number;
  readonly type: RouteType;
  readonly dst: Prefix;
  readonly gateway?: Addr;
  readonly dev?: Link;
  readonly metric: number;
  readonly prefsrc?: Addr;
  readonly scope: Scope;
  readonly proto: RouteProto;
  readonly onlink?: boolean;
  /**
   * The gateway is one of the host's own addresses: the nexthop has host scope and the kernel
   * sends straight to the destination, as if there were no gateway (`ip route show` still shows it).
   */
  readonly gatewayIsLocal?: boolean;
  /** The lab line that made this route; absent for routes the kernel added itself. */
  origin?: SourceRef;
}

/** What removed something a line had made: the route, address or port it was (sim/history.ts). */
export type RemovalCause =
  | 'route-del' // ip route del
  | 'route-flush' // ip route flush
  | 'link-down' // ip link set DEV down
  | 'addr-del' // ip addr del / flush: the address, or a route that used it
  | 'secondary-del' // a secondary deleted with its primary (promote_secondaries 0)
  | 'link-del' // ip link del
  | 'link-netns' // ip link set DEV netns NS
  | 'nomaster'; // ip link set DEV nomaster

export interface Removal {
  readonly cause: RemovalCause;
  /** The run line that removed it, where known. */
  readonly origin?: SourceRef;
  readonly route?: Route;
  readonly addr?: IfAddr;
  /** The device it was on, by its name then. */
  readonly dev: string;
  /** For `nomaster`, `link-del` of a port: the bridge the port left. */
  readonly master?: string;
  /** For a route or address that went with another address: that address (`10.0.0.1/24`). */
  readonly because?: string;
}

export interface NeighEntry {
  readonly addr: Addr;
  readonly dev: Link;
  readonly mac?: string;
  readonly state: 'PERMANENT' | 'REACHABLE' | 'STALE' | 'FAILED' | 'INCOMPLETE';
}

export interface Sysctl {
  ipForward: boolean;
  ipForwardOrigin?: SourceRef;
  /** net.ipv4.conf.all.promote_secondaries: with a link's own value, whether a secondary is promoted (IN_DEV_ORCONF). */
  promoteSecondaries?: boolean;
  /** net.ipv4.conf.default.promote_secondaries: what a new link starts with. */
  promoteSecondariesDefault?: boolean;
}

export interface Netns {
  readonly name: string; // ROOT_NS for the host's own namespace
  readonly host: Host;
  /** Links by name, in creation order. */
  links: Map<string, Link>;
  nextIfindex: number;
  tables: Map<number, Route[]>;
  neigh: NeighEntry[];
  sysctl: Sysctl;
  readonly origin?: SourceRef;
  /** Route lookup index, rebuilt on demand after any change to the tables (see fib.ts). */
  fibIndex?: unknown;
  /** Sysctl values written that the simulator only stores and reads back (rp_filter, ...). */
  sysctlValues?: Map<string, string>;
  /** The lines that wrote sysctlValues' keys, where the walk names them (net.ipv4.conf.all.rp_filter...). */
  sysctlOrigins?: Map<string, SourceRef>;
  /** The value last written to ip_forward, as written (`2` reads back as `2`). */
  ipForwardRaw?: string;
  /** State that parts above the model keep in this namespace (sim/pernet.ts), such as netfilter's tables. */
  pernet?: Map<object, unknown>;
  /** net.ipv6.conf.all.* and net.ipv6.conf.default.* (sim/ipv6conf.ts), once written or read. */
  conf6?: { readonly all: DevConf6; readonly dflt: DevConf6 };
  /** What lines removed, in order (sim/history.ts): for the explanations of what a trace finds missing. */
  removed?: Removal[];
  /** Namespace ids this namespace has assigned to others (`link-netnsid`), in order. */
  nsids?: Map<Netns, number>;
}

/**
 * The program behind a socket, seen from the kernel model: only its name. What it does with what
 * arrives is the datapath's Apps seam (datapath/seams.ts); apps/ holds the programs.
 */
export interface SocketOwner {
  readonly name: string;
}

export interface Socket {
  readonly proto: 'tcp' | 'udp';
  readonly port: number;
  readonly netns: string;
  /** The address it is bound to (`127.0.0.1:9090`); absent: every address of its namespace. */
  readonly addr?: Addr;
  readonly origin?: SourceRef;
  /** The program that holds the socket; absent for a bare listening socket. */
  readonly owner?: SocketOwner;
}

export interface Host {
  readonly name: string;
  netns: Map<string, Netns>;
  files: Map<string, string>;
  sockets: Socket[];
  readonly origin?: SourceRef;
  /** The `run` line being executed, if any: what it creates is marked with it. */
  runOrigin?: SourceRef;
  /** What `hostname NAME` set (the lab name until then). */
  hostname?: string;
  /** The shell's variables, kept from one run line to the next. */
  shellEnv?: Map<string, string>;
  /**
   * The host's run lines the simulator does not model (their `command-not-simulated` warnings, in
   * line order): an answer that reads this host may be wrong (datapath/honesty.ts).
   */
  unmodelled?: Diagnostic[];
}

export interface World {
  hosts: Map<string, Host>;
  /** Switch names to where they were declared. */
  switches: Map<string, SourceRef | undefined>;
}

export function rootNs(host: Host): Netns {
  return host.netns.get(ROOT_NS)!;
}

/** The host's UTS name, as `hostname` prints it: the lab name unless a run line changed it. */
export function utsName(host: Host): string {
  return host.hostname ?? host.name;
}

export function nsLabel(ns: Netns): string {
  return ns.name === ROOT_NS ? ns.host.name : `${ns.host.name}/${ns.name}`;
}
