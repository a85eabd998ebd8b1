/**
 * net.ipv4.conf.{all,default,DEV}.KEY as devinet keeps them (net/ipv4/devinet.c), for the keys that
 * have no model of their own (forwarding and promote_secondaries do): `all` and `default` are the
 * namespace's (Netns.sysctlValues, by full name), each device has its own values (Link.conf4).
 *
 * - A device reads its own value once written; until then it follows `default`: writing `default`
 *   changes every device that has not set the key itself (devinet_copy_dflt_conf).
 * - A device made after `default` was written copies it, and from then on keeps its copy, as if it
 *   had set it itself (the new in_device copies default's values with their "set" bits). A device
 *   moved into a namespace is made anew there (inetdev_init): it takes that namespace's defaults.
 * - The walk reads three keys (the rest are stored, and reported as not simulated):
 *   `rp_filter` (the larger of `all` and the device's, IN_DEV_MAXCONF), `accept_local` and
 *   `route_localnet` (either of them, IN_DEV_ORCONF).
 */
import type { Link, Netns, SourceRef } from './model';

const FAMILY = 'net.ipv4.conf';

/** The keys the walk acts on, with the kernel's default in a fresh namespace. */
export const CONF4_WALK: Readonly<Record<string, string>> = { rp_filter: '0', accept_local: '0', route_localnet: '0' };

export interface Conf4Value {
  readonly value: number;
  /** The line that set the value that decided, where a line did. */
  readonly source?: SourceRef;
  /** The key that decided (`net.ipv4.conf.eth0.rp_filter`). */
  readonly key: string;
}

const nameOf = (dev: string, leaf: string) => `${FAMILY}.${dev}.${leaf}`;

/** The value written for `all` or `default`, if any. */
function nsValue(ns: Netns, which: 'all' | 'default', leaf: string): string | undefined {
  return ns.sysctlValues?.get(nameOf(which, leaf));
}

/**
 * The value of `dev` (`all`, `default` or a device of `ns`) as written, followed or copied, or
 * undefined when nothing was written (the caller's default stands).
 */
export function conf4Get(ns: Netns, dev: string, leaf: string): string | undefined {
  if (dev === 'all' || dev === 'default') return nsValue(ns, dev, leaf);
  return ns.links.get(dev)?.conf4?.get(leaf) ?? nsValue(ns, 'default', leaf);
}

/** Writes the key of `dev`; `default` reaches every device that has not set it. False when there is no such device. */
export function conf4Set(ns: Netns, dev: string, leaf: string, value: string): boolean {
  const origin = ns.host.runOrigin;
  if (dev === 'all' || dev === 'default') {
    (ns.sysctlValues ??= new Map()).set(nameOf(dev, leaf), value);
    if (origin) (ns.sysctlOrigins ??= new Map()).set(nameOf(dev, leaf), origin);
    else ns.sysctlOrigins?.delete(nameOf(dev, leaf));
    return true;
  }
  const link = ns.links.get(dev);
  if (!link) return false;
  (link.conf4 ??= new Map()).set(leaf, value);
  if (origin) (link.conf4Origin ??= new Map()).set(leaf, origin);
  else link.conf4Origin?.delete(leaf);
  return true;
}

/** A new device of `link.netns` (made, or moved in): its own copy of every key `default` has been written for. */
export function inheritConf4(link: Link): void {
  link.conf4 = undefined;
  link.conf4Origin = undefined;
  const ns = link.netns;
  const prefix = `${FAMILY}.default.`;
  for (const [name, value] of ns.sysctlValues ?? []) {
    if (!name.startsWith(prefix)) continue;
    const leaf = name.slice(prefix.length);
    (link.conf4 ??= new Map()).set(leaf, value);
    const origin = ns.sysctlOrigins?.get(name);
    if (origin) (link.conf4Origin ??= new Map()).set(leaf, origin);
  }
}

function intOf(text: string | undefined, dflt: string): number {
  const n = Number.parseInt(text ?? dflt, 10);
  return Number.isFinite(n) ? n : 0;
}

/** One key's value for `dev` (a device or `all`), with the line behind it. */
function valueOf(ns: Netns, dev: Link | 'all', leaf: string, dflt = CONF4_WALK[leaf] ?? '0'): Conf4Value {
  if (dev === 'all')
    return { value: intOf(nsValue(ns, 'all', leaf), dflt), key: nameOf('all', leaf), source: ns.sysctlOrigins?.get(nameOf('all', leaf)) };
  const own = dev.conf4?.get(leaf);
  if (own !== undefined) return { value: intOf(own, dflt), key: nameOf(dev.name, leaf), source: dev.conf4Origin?.get(leaf) };
  const d = nsValue(ns, 'default', leaf);
  return {
    value: intOf(d, dflt),
    key: nameOf(dev.name, leaf),
    source: d !== undefined ? ns.sysctlOrigins?.get(nameOf('default', leaf)) : undefined,
  };
}

/** Nothing written for the namespace's conf nor the device's: every key has the kernel's default (the walk's fast path). */
export function conf4Untouched(link: Link): boolean {
  return !link.conf4 && !link.netns.sysctlValues;
}

/** IN_DEV_MAXCONF: the larger of `all` and the device's; on a tie, the device's. */
function maxConf(link: Link, leaf: string): Conf4Value {
  const all = valueOf(link.netns, 'all', leaf);
  const own = valueOf(link.netns, link, leaf);
  return all.value > own.value ? all : own;
}

/** IN_DEV_ORCONF: on when `all` or the device's is; the one that is on, the device's first. */
function orConf(link: Link, leaf: string, dflt?: string): Conf4Value {
  const own = valueOf(link.netns, link, leaf, dflt);
  if (own.value !== 0) return own;
  const all = valueOf(link.netns, 'all', leaf, dflt);
  return all.value !== 0 ? all : own;
}

/** Reverse path filtering on packets that arrive on `link`: 0 off, 1 strict, 2 loose (other values act as loose). */
export const rpFilter = (link: Link): Conf4Value => maxConf(link, 'rp_filter');
/** Packets from one of the namespace's own addresses arriving on `link` are accepted. */
export const acceptLocal = (link: Link): Conf4Value => orConf(link, 'accept_local');
/** 127.0.0.0/8 is routed when it arrives on `link` (not a martian source or destination). */
export const routeLocalnet = (link: Link): Conf4Value => orConf(link, 'route_localnet');

/**
 * IN_DEV_TX_REDIRECTS (either `all` or the device's send_redirects, default 1): a router sends an
 * ICMP redirect when it forwards a packet back out of the device it came in on. Read for the trace's
 * words only; the walk does not send redirects, so the key stays "not simulated".
 */
export function sendRedirects(link: Link): boolean {
  return orConf(link, 'send_redirects', '1').value !== 0;
}
