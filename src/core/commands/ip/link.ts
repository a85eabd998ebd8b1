/** `ip link`: add, set, delete and show links (show in link-show.ts), as iproute2 6.1's iplink.c reads its arguments. */
import {
  addLink,
  addVethPair,
  deleteLink,
  findLink,
  moveLink,
  renameLink,
  setLinkMac,
  setLinkMtu,
  setLinkUp,
  setMaster,
} from '../../sim/kernel';
import type { Link, LinkKind, Netns } from '../../sim/model';
import { USAGE_LINK } from '../usage';
import {
  Args,
  duparg2,
  incomplete,
  IpExit,
  type IpState,
  ipNotSimulated,
  matches,
  nodev,
  rtnlError,
  unknownCommand,
  usage,
} from './common';
import { linkNamespaces } from './format';
import { type LinkReq, parseLinkArgs, throwNotSimulated } from './link-args';
import { linkShow } from './link-show';

export { filteredLinks, type LinkFilter, parseShowFilter } from './link-show';
export { validIfname } from './link-args';

/** Link kinds Linux has that the simulator does not model. */
const REAL_KINDS = new Set([
  'vlan',
  'vxlan',
  'macvlan',
  'macvtap',
  'ipvlan',
  'ipvtap',
  'gre',
  'gretap',
  'ip6gre',
  'ip6gretap',
  'ipip',
  'sit',
  'ip6tnl',
  'vti',
  'vti6',
  'bond',
  'team',
  'tun',
  'tap',
  'wireguard',
  'vrf',
  'geneve',
  'bareudp',
  'nlmon',
  'can',
  'vcan',
  'vxcan',
  'ifb',
  'netdevsim',
  'macsec',
  'xfrm',
  'hsr',
  'erspan',
  'ip6erspan',
  'batadv',
  'amt',
  'gtp',
  'virt_wifi',
  'ipoib',
  'lowpan',
  'rmnet',
]);

function check<T>(r: { ok: true; value: T } | { ok: false; err: import('../../sim/errors').KernelError }): T {
  if (!r.ok) throw rtnlError(r.err);
  return r.value;
}

/** Applies the attributes of `ip link set` in the order the kernel's do_setlink does. */
function applyLinkReq(l: Link, req: LinkReq): void {
  if (req.netns && req.netns !== l.netns) {
    if (l.kind === 'bridge') throw rtnlError({ errno: 'EINVAL', extack: 'The interface netns is immutable' });
    const from = l.netns;
    check(moveLink(l, req.netns));
    linkNamespaces(from, req.netns);
    if (l.peer && l.peer.netns !== l.netns) linkNamespaces(l.netns, l.peer.netns);
  }
  if (req.address !== undefined) {
    const first = parseInt(req.address.slice(0, 2), 16);
    if (first & 1 || req.address === '00:00:00:00:00:00') throw rtnlError({ errno: 'EADDRNOTAVAIL' });
    setLinkMac(l, req.address);
  }
  if (req.mtu !== undefined) {
    const [min, max] = mtuRange(l.kind);
    if (req.mtu < min) throw rtnlError({ errno: 'EINVAL', extack: 'mtu less than device minimum' });
    if (req.mtu > max) throw rtnlError({ errno: 'EINVAL', extack: 'mtu greater than device maximum' });
    setLinkMtu(l, req.mtu);
  }
  if (req.name !== undefined && req.name !== l.name) check(renameLink(l, req.name));
  if (req.master !== undefined) {
    if (req.master && l.kind === 'bridge') throw rtnlError({ errno: 'EINVAL', extack: 'Can not enslave a bridge to a bridge' });
    check(setMaster(l, req.master ?? undefined));
  }
  if (req.up !== undefined) check(setLinkUp(l, req.up));
}

function mtuRange(kind: LinkKind): [number, number] {
  switch (kind) {
    case 'dummy':
      return [0, Infinity];
    case 'loopback':
      return [0, Infinity];
    case 'nic':
      return [68, 9216];
    default:
      return [68, 65535];
  }
}

/** The kernel's name for an unnamed link: the kind with the lowest free number (`bridge0`, `veth1`). */
function autoName(ns: Netns, base: string): string {
  for (let i = 0; ; i++) if (!ns.links.has(`${base}${i}`)) return `${base}${i}`;
}

function linkAdd(st: IpState, a: Args): void {
  const ns = st.netns;
  const req = parseLinkArgs(st, a, ns);
  if (req.name !== undefined && req.dev !== undefined && req.name !== req.dev) {
    // `ip link add DEV name NAME`: DEV would be the parent (`link`), which we do not simulate.
    throw ipNotSimulated('ip link add DEV name NAME', req.devCol);
  }
  // iplink_parse's last check: the `link` device must exist.
  if (req.link !== undefined && !findLink(ns, req.link)) throw nodev(req.link);
  if (req.type === undefined) {
    throw new IpExit(1, 'Not enough information: "type" argument is required\n');
  }
  const type = req.type;
  const name = req.name ?? req.dev;
  if (name !== undefined && name.length > 15) throw rtnlError({ errno: 'EINVAL', extack: 'Attribute failed policy validation' });
  if (type === 'veth') {
    let peer: LinkReq = { devCol: 0, typeCol: 0 };
    if (!a.done) {
      if (a.cur !== 'peer')
        throw new IpExit(255, "Usage: ip link <options> type veth [peer <options>]\nTo get <options> type 'ip link add help'\n");
      a.advance();
      peer = parseLinkArgs(st, a, ns);
      if (peer.type !== undefined) throw duparg2('type', peer.type);
    }
    throwNotSimulated(req);
    throwNotSimulated(peer);
    const peerNs = peer.netns ?? ns;
    const peerName = peer.name ?? peer.dev ?? autoName(peerNs, 'veth');
    if (peerName.length > 15) throw rtnlError({ errno: 'EINVAL', extack: 'Attribute failed policy validation' });
    const myName = name ?? autoName(ns, 'veth');
    if (peer.master !== undefined || peer.up !== undefined) {
      // Attributes of the peer beyond its name, namespace, address and mtu: not modelled.
      if (peer.master) throw ipNotSimulated('ip link add ... peer ... master', a.col);
    }
    const [l, p] = check(addVethPair(ns, myName, peerName, undefined, peerNs));
    if (peerNs !== ns) linkNamespaces(ns, peerNs);
    if (peer.address) setLinkMac(p, peer.address);
    if (peer.mtu !== undefined) setLinkMtu(p, peer.mtu);
    if (peer.up) setLinkUp(p, true);
    applyCreated(l, req);
    return;
  }
  if (type === 'bridge' || type === 'dummy') {
    if (!a.done) throw ipNotSimulated(`ip link add ... type ${type} ${a.cur}`, a.col);
    throwNotSimulated(req);
    const l = check(addLink(ns, { name: name ?? autoName(ns, type), kind: type }));
    applyCreated(l, req);
    return;
  }
  if (REAL_KINDS.has(type)) throw ipNotSimulated(`ip link add ... type ${type}`, req.typeCol);
  // A kind iproute2 has no module for: what follows it is garbage.
  if (!a.done) {
    if (matches(a.cur, 'help')) throw usage(USAGE_LINK);
    throw new IpExit(1, `Garbage instead of arguments "${a.cur} ...". Try "ip link help".\n`);
  }
  throwNotSimulated(req);
  throw rtnlError({ errno: 'EOPNOTSUPP', extack: 'Unknown device type' });
}

/** Attributes given with `ip link add` that apply to the new link. */
function applyCreated(l: Link, req: LinkReq): void {
  const rest: LinkReq = { ...req, name: undefined };
  applyLinkReq(l, rest);
}

function linkSet(st: IpState, a: Args): void {
  const req = parseLinkArgs(st, a, st.netns);
  if (req.type !== undefined) throw ipNotSimulated(`ip link set ... type ${req.type}`, req.typeCol);
  if (req.dev === undefined) throw new IpExit(255, 'Not enough information: "dev" argument is required.\n');
  const l = findLink(st.netns, req.dev);
  if (!l) throw nodev(req.dev);
  throwNotSimulated(req);
  applyLinkReq(l, req);
}

function linkDel(st: IpState, a: Args): void {
  const req = parseLinkArgs(st, a, st.netns);
  if (req.dev === undefined) throw new IpExit(255, 'Not enough information: "dev" argument is required.\n');
  const l = findLink(st.netns, req.dev);
  if (!l) throw nodev(req.dev);
  throwNotSimulated(req);
  check(deleteLink(l));
}

export function doLink(st: IpState, a: Args): void {
  if (a.done) return linkShow(st, a);
  const w = a.cur;
  a.advance();
  if (matches(w, 'add')) return linkAdd(st, a);
  if (matches(w, 'set') || matches(w, 'change')) return linkSet(st, a);
  if (matches(w, 'replace')) throw ipNotSimulated('ip link replace', a.list[a.i - 1]!.column);
  if (matches(w, 'delete')) return linkDel(st, a);
  if (matches(w, 'show') || matches(w, 'lst') || matches(w, 'list')) return linkShow(st, a);
  if (matches(w, 'xstats') || matches(w, 'afstats') || matches(w, 'property'))
    throw ipNotSimulated(`ip link ${w}`, a.list[a.i - 1]!.column);
  if (matches(w, 'help')) throw usage(USAGE_LINK);
  throw unknownCommand(w, 'link');
}

export { incomplete };
