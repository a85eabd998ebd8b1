/**
 * The network sysctls of a namespace (and kernel.hostname), seen as `sysctl` keys (`net.ipv4.ip_forward`) and as files
 * under /proc/sys. `ip_forward` (and `conf.all.forwarding`, the same switch) is the kernel's
 * `sysctl.ipForward`; a few other real keys keep their value here but change nothing in the
 * simulation, which the caller reports as not simulated.
 */
import { setHostname, setIpForward } from '../sim/kernel';
import { type Netns, utsName } from '../sim/model';
import { ipv6SysctlKey, ipv6SysctlNames } from './sysctl6';

export interface SysctlKey {
  /** Dotted name: `net.ipv4.ip_forward`. */
  readonly name: string;
  /** Whether the simulation acts on it. */
  readonly simulated: boolean;
  get(ns: Netns): string;
  /** Writes a value; false when the kernel refuses it (EINVAL). */
  set(ns: Netns, value: string): boolean;
}

function readInt(value: string): number | undefined {
  const m = /^\s*([+-]?[0-9]+)\s*$/.exec(value);
  if (!m) return undefined;
  const n = Number(m[1]);
  return Number.isSafeInteger(n) && Math.abs(n) <= 0x7fffffff ? n : undefined;
}

/** The raw value written to ip_forward (`2` reads back as `2`) as long as it agrees with the switch. */

function forwardKey(name: string): SysctlKey {
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
}

/** net.ipv4.conf.DEV.forwarding: the link's own switch (Link.forwarding), else the namespace's. */
function linkForwardKey(name: string, dev: string): SysctlKey {
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
}

/**
 * kernel.hostname: the UTS name, as `hostname` sets and prints it. A longer write is cut to 64
 * bytes without an error (proc_dostring), unlike `hostname NAME`, which sethostname(2) refuses.
 */
const HOSTNAME_KEY: SysctlKey = {
  name: 'kernel.hostname',
  simulated: true,
  get: (ns) => utsName(ns.host),
  set(ns, value) {
    const bytes = new TextEncoder().encode(value.replace(/\n$/, ''));
    setHostname(ns.host, new TextDecoder().decode(bytes.slice(0, 64)));
    return true;
  },
};

function plainKey(name: string, def: string, isInt = true): SysctlKey {
  return {
    name,
    simulated: false,
    get(ns) {
      return ns.sysctlValues?.get(name) ?? def;
    },
    set(ns, value) {
      let v = value.trim();
      if (isInt) {
        const n = readInt(value);
        if (n === undefined) return false;
        v = String(n);
      }
      let m = ns.sysctlValues;
      if (!m) ns.sysctlValues = m = new Map();
      m.set(name, v);
      return true;
    },
  };
}

const IPV4_CONF: Record<string, string> = {
  forwarding: '0',
  rp_filter: '0',
  proxy_arp: '0',
  accept_redirects: '1',
  send_redirects: '1',
  accept_source_route: '0',
  arp_ignore: '0',
  arp_announce: '0',
  arp_filter: '0',
  log_martians: '0',
};
const GLOBAL: Record<string, string> = {
  'net.ipv4.icmp_echo_ignore_all': '0',
  'net.ipv4.icmp_echo_ignore_broadcasts': '1',
  'net.ipv4.ip_default_ttl': '64',
  'net.ipv4.tcp_syncookies': '1',
  'net.ipv4.ip_nonlocal_bind': '0',
  'net.ipv4.conf.all.route_localnet': '0',
  'net.core.somaxconn': '4096',
};

/** Finds a key by its dotted (or slashed) name, as it exists in `ns` (per-interface keys need the interface). */
export function findSysctl(ns: Netns, key: string): SysctlKey | undefined {
  const name = key.replace(/\//g, '.');
  if (name === 'net.ipv4.ip_forward' || name === 'net.ipv4.conf.all.forwarding') return forwardKey(name);
  if (name === HOSTNAME_KEY.name) return HOSTNAME_KEY;
  if (name in GLOBAL) return plainKey(name, GLOBAL[name]!);
  let m = /^net\.ipv4\.conf\.([^.]+)\.forwarding$/.exec(name);
  if (m && m[1] !== 'all' && m[1] !== 'default' && ns.links.has(m[1]!)) return linkForwardKey(name, m[1]!);
  m = /^net\.ipv4\.conf\.([^.]+)\.([a-z_]+)$/.exec(name);
  if (m && m[2]! in IPV4_CONF && (m[1] === 'all' || m[1] === 'default' || ns.links.has(m[1]!))) return plainKey(name, IPV4_CONF[m[2]!]!);
  return ipv6SysctlKey(ns, name);
}

/** Every key that exists in `ns`, sorted, for `sysctl -a`. */
export function allSysctls(ns: Netns): SysctlKey[] {
  const names = [HOSTNAME_KEY.name, 'net.ipv4.ip_forward', 'net.ipv4.conf.all.forwarding', ...Object.keys(GLOBAL)];
  const ifs = ['all', 'default', ...[...ns.links.keys()]];
  for (const i of ifs) for (const k of Object.keys(IPV4_CONF)) names.push(`net.ipv4.conf.${i}.${k}`);
  names.push(...ipv6SysctlNames(ns));
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
