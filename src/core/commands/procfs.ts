/**
 * The sysctls of a namespace (and kernel.hostname), seen as `sysctl` keys (`net.ipv4.ip_forward`)
 * and as files under /proc/sys. Every net.* key a fresh namespace of the real kernel lists exists,
 * with its default (generated/sysctlDefaults.ts, data written by scripts/sysctl-defaults.mjs), per
 * interface for the conf and neigh families. A few keys are modelled (MODELLED): the simulation acts
 * on them. Every other key keeps what is written and changes nothing in the simulation, which the
 * caller reports as not simulated.
 */
import { setHostname, setIpForward } from '../sim/kernel';
import { CONF4_WALK, conf4Get, conf4Set } from '../sim/ipv4conf';
import { type Link, type Netns, utsName } from '../sim/model';
import { LOOPBACK, NET_KEYS, PER_INTERFACE } from './generated/sysctlDefaults';
import { ipv6SysctlKey } from './sysctl6';
import { readInt, type SysctlKey } from './sysctlKey';

export type { SysctlKey } from './sysctlKey';

/** A key of a per-interface family, split: `net.ipv4.conf` `eth0` `rp_filter`. */
interface IfKey {
  readonly family: string;
  readonly dev: string;
  readonly leaf: string;
}

function splitIfKey(name: string): IfKey | undefined {
  for (const family of Object.keys(PER_INTERFACE)) {
    if (!name.startsWith(family + '.')) continue;
    const rest = name.slice(family.length + 1);
    const dot = rest.indexOf('.');
    if (dot <= 0) return undefined;
    return { family, dev: rest.slice(0, dot), leaf: rest.slice(dot + 1) };
  }
  return undefined;
}

/** A modelled key: what the simulation acts on. Each answers for the names it knows, else undefined. */
type Modelled = (ns: Netns, name: string, k: IfKey | undefined) => SysctlKey | undefined;

/** The raw value written to ip_forward (`2` reads back as `2`) as long as it agrees with the switch. */
const forwardKey: Modelled = (_ns, name) => {
  if (name !== 'net.ipv4.ip_forward' && name !== 'net.ipv4.conf.all.forwarding') return undefined;
  return {
    name,
    simulated: true,
    get(ns) {
      const raw = ns.ipForwardRaw;
      if (raw !== undefined && (raw !== '0') === ns.sysctl.ipForward) return raw;
      return ns.sysctl.ipForward ? '1' : '0';
    },
    set(ns, value) {
      const n = readInt(value);
      if (n === undefined) return false;
      setIpForward(ns, n !== 0);
      ns.ipForwardRaw = String(n);
      // devinet's inet_forward_change: every device takes the new value.
      for (const l of ns.links.values()) {
        l.forwarding = undefined;
        l.forwardingOrigin = undefined;
      }
      return true;
    },
  };
};

/** net.ipv4.conf.DEV.forwarding: the link's own switch (Link.forwarding), else the namespace's. */
const linkForwardKey: Modelled = (ns, name, k) => {
  if (k?.family !== 'net.ipv4.conf' || k.leaf !== 'forwarding' || !ns.links.has(k.dev)) return undefined;
  const dev = k.dev;
  return {
    name,
    simulated: true,
    get(ns) {
      const l = ns.links.get(dev);
      return (l?.forwarding ?? ns.sysctl.ipForward) ? '1' : '0';
    },
    set(ns, value) {
      const n = readInt(value);
      const l = ns.links.get(dev);
      if (n === undefined || !l) return false;
      l.forwarding = n !== 0;
      return true;
    },
  };
};

/**
 * net.ipv4.conf.{all,default,DEV}.promote_secondaries: whether deleting a primary address promotes a
 * secondary (all or the device's, IN_DEV_ORCONF) or deletes them; a new link copies default's.
 */
const promoteKey: Modelled = (ns, name, k) => {
  if (k?.family !== 'net.ipv4.conf' || k.leaf !== 'promote_secondaries') return undefined;
  const dev = k.dev;
  if (dev !== 'all' && dev !== 'default' && !ns.links.has(dev)) return undefined;
  const raw = (ns: Netns) => ns.sysctlValues?.get(name);
  return {
    name,
    simulated: true,
    get(ns) {
      const on =
        dev === 'all'
          ? ns.sysctl.promoteSecondaries
          : dev === 'default'
            ? ns.sysctl.promoteSecondariesDefault
            : ns.links.get(dev)?.promoteSecondaries;
      const r = raw(ns);
      return r !== undefined && (r !== '0') === !!on ? r : on ? '1' : '0';
    },
    set(ns, value) {
      const n = readInt(value);
      if (n === undefined) return false;
      if (dev === 'all') ns.sysctl.promoteSecondaries = n !== 0;
      else if (dev === 'default') ns.sysctl.promoteSecondariesDefault = n !== 0;
      else if (ns.links.has(dev)) ns.links.get(dev)!.promoteSecondaries = n !== 0;
      else return false;
      (ns.sysctlValues ??= new Map()).set(name, String(n));
      return true;
    },
  };
};

/**
 * kernel.hostname: the UTS name, as `hostname` sets and prints it. A longer write is cut to 64
 * bytes without an error (proc_dostring), unlike `hostname NAME`, which sethostname(2) refuses.
 */
const hostnameKey: Modelled = (_ns, name) =>
  name !== 'kernel.hostname'
    ? undefined
    : {
        name,
        simulated: true,
        get: (ns) => utsName(ns.host),
        set(ns, value) {
          const bytes = new TextEncoder().encode(value.replace(/\n$/, ''));
          setHostname(ns.host, new TextDecoder().decode(bytes.slice(0, 64)));
          return true;
        },
      };

/** net.ipv6.conf.{all,default,DEV}.{forwarding,hop_limit,disable_ipv6}: IPv6's modelled keys (sysctl6.ts). */
const ipv6Key: Modelled = (ns, name) => {
  const k = ipv6SysctlKey(ns, name);
  return k?.simulated ? k : undefined;
};

/**
 * Every other net.ipv4.conf.{all,default,DEV}.KEY, kept as devinet keeps them (sim/ipv4conf.ts): a
 * device follows `default` until it has its own value. The walk acts on rp_filter, accept_local and
 * route_localnet; the rest are stored only.
 */
const conf4Key: Modelled = (ns, name, k) => {
  if (k?.family !== 'net.ipv4.conf') return undefined;
  const { dev, leaf } = k;
  const base = PER_INTERFACE['net.ipv4.conf']?.[leaf];
  if (base === undefined) return undefined;
  const special = dev === 'all' || dev === 'default';
  if (!special && !ns.links.has(dev)) return undefined;
  return {
    name,
    simulated: leaf in CONF4_WALK,
    get(ns) {
      return conf4Get(ns, dev, leaf) ?? (special ? (NET_KEYS[name] ?? base) : (ifDefault(k, ns.links.get(dev)) ?? base));
    },
    set(ns, value) {
      const v = storedValue(base, value);
      return v !== undefined && conf4Set(ns, dev, leaf, v);
    },
  };
};

/**
 * net.bridge.bridge-nf-call-iptables: whether bridged IPv4 traffic crosses iptables FORWARD
 * (datapath/walk/brnf.ts reads the stored value; 1 when none was written, as br_netfilter starts).
 */
const bridgeNfKey: Modelled = (_ns, name) => {
  if (name !== 'net.bridge.bridge-nf-call-iptables') return undefined;
  return { ...storedKey(name, NET_KEYS[name] ?? '1', () => NET_KEYS[name] ?? '1'), simulated: true };
};

/** The keys the simulation acts on, asked in order before the table of defaults. */
const MODELLED: readonly Modelled[] = [forwardKey, linkForwardKey, promoteKey, hostnameKey, ipv6Key, bridgeNfKey, conf4Key];

/** A key the simulation only stores: it reads back what was written, else the kernel's default. */
function storedKey(name: string, sample: string, def: (ns: Netns) => string): SysctlKey {
  return {
    name,
    simulated: false,
    get(ns) {
      return ns.sysctlValues?.get(name) ?? def(ns);
    },
    set(ns, value) {
      const v = storedValue(sample, value);
      if (v === undefined) return false;
      (ns.sysctlValues ??= new Map()).set(name, v);
      return true;
    },
  };
}

/** A written value as the key keeps it: an integer key (its default is one) reads it as proc_dointvec does; undefined when it refuses it. */
function storedValue(sample: string, value: string): string | undefined {
  if (!/^-?[0-9]+$/.test(sample)) return value.trim();
  const n = readInt(value);
  return n === undefined ? undefined : String(n);
}

/** The kernel's default of a per-interface key for `link` (lo's own where it differs; IPv6 mtu is the link's). */
function ifDefault(k: IfKey, link: Link | undefined): string | undefined {
  const base = PER_INTERFACE[k.family]?.[k.leaf];
  if (base === undefined || !link) return base;
  if (link.kind === 'loopback') return LOOPBACK[k.family]?.[k.leaf] ?? base;
  if (k.family === 'net.ipv6.conf' && k.leaf === 'mtu') return String(Math.max(1280, link.mtu));
  return base;
}

/** Finds a key by its dotted (or slashed) name, as it exists in `ns` (per-interface keys need the interface). */
export function findSysctl(ns: Netns, key: string): SysctlKey | undefined {
  const name = key.replace(/\//g, '.');
  const k = splitIfKey(name);
  for (const m of MODELLED) {
    const found = m(ns, name, k);
    if (found) return found;
  }
  if (name in NET_KEYS) return storedKey(name, NET_KEYS[name]!, () => NET_KEYS[name]!);
  if (k && ns.links.has(k.dev) && ifDefault(k, ns.links.get(k.dev)) !== undefined) {
    const dev = k.dev;
    const base = PER_INTERFACE[k.family]![k.leaf]!;
    return storedKey(name, base, (n) => ifDefault(k, n.links.get(dev)) ?? base);
  }
  return undefined;
}

/** Every key that exists in `ns`, sorted as `sysctl -a` prints them, for `sysctl -a`. */
export function allSysctls(ns: Netns): SysctlKey[] {
  const names = ['kernel.hostname', ...Object.keys(NET_KEYS)];
  for (const dev of ns.links.keys()) {
    for (const [family, keys] of Object.entries(PER_INTERFACE))
      for (const leaf of Object.keys(keys)) names.push(`${family}.${dev}.${leaf}`);
  }
  return [...new Set(names)]
    .sort()
    .map((n) => findSysctl(ns, n)!)
    .filter(Boolean);
}

/** The sysctl key of a /proc/sys path, if it is one. */
export function procSysKey(path: string): string | undefined {
  const m = /^\/proc\/sys\/(.+)$/.exec(path.replace(/\/+/g, '/'));
  return m ? m[1]!.replace(/\//g, '.') : undefined;
}
