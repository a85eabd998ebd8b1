/**
 * The IPv6 keys of `sysctl` and /proc/sys/net/ipv6/conf/: forwarding, hop_limit and disable_ipv6 of
 * `all`, `default` and each device, acted on by the kernel model (sim/ipv6conf.ts, sim/addrconf.ts).
 * procfs.ts asks here first; the other keys of a conf directory are its table of defaults.
 */
import { type Conf6Key, CONF6_DEFAULTS, getConf6, writeConf6 } from '../sim/kernel';
import type { Netns } from '../sim/model';
import { readInt, type SysctlKey } from './sysctlKey';

/** Values a key takes: hop_limit is 1 to 255 (proc_dointvec_minmax), the others any integer. */
function valid(key: Conf6Key, n: number): boolean {
  return key !== 'hop_limit' || (n >= 1 && n <= 255);
}

export function ipv6SysctlKey(ns: Netns, name: string): SysctlKey | undefined {
  const m = /^net\.ipv6\.conf\.([^.]+)\.([a-z_0-9]+)$/.exec(name);
  if (!m) return undefined;
  const dev = m[1]!;
  const key = m[2]!;
  const where = dev === 'all' || dev === 'default' ? dev : ns.links.get(dev);
  if (!where) return undefined;
  if (key in CONF6_DEFAULTS) {
    const k = key as Conf6Key;
    return {
      name,
      simulated: true,
      get: (n) => String(getConf6(n, typeof where === 'string' ? where : (n.links.get(dev) ?? where), k)),
      set(n, value) {
        const v = readInt(value);
        if (v === undefined || !valid(k, v)) return false;
        writeConf6(n, typeof where === 'string' ? where : (n.links.get(dev) ?? where), k, v);
        return true;
      },
    };
  }
  return undefined;
}
