/**
 * The files a lookup reads on its endpoint, as `ip netns exec` shows them: for a named network
 * namespace, /etc/netns/NAME/FILE when the host has it (bind-mounted over /etc/FILE), else the
 * host's /etc/FILE. A file the host does not have reads as empty, which is glibc's default
 * (resolv.conf: nameserver 127.0.0.1; nsswitch.conf: `hosts: files dns`; no hosts entries).
 */
import type { Endpoint } from '../../net/endpoint';
import { ROOT_NS, type Host, type World } from '../../sim/model';
import { type HostsEntry, type HostsFile, indexHosts, parseHosts } from '../files/hosts';
import { type NsswitchResult, parseNsswitch } from '../files/nsswitch';
import { parseResolvConf, type ResolvConf } from '../files/resolvconf';

export interface ResolverFiles {
  readonly host: Host;
  readonly resolv: ResolvConf;
  /** The path resolv.conf was read from, or undefined when there is none (glibc's defaults). */
  readonly resolvPath?: string;
  readonly hosts: HostsFile;
  readonly hostsIndex: ReadonlyMap<string, readonly HostsEntry[]>;
  readonly hostsPath?: string;
  readonly nsswitch: NsswitchResult;
  readonly nsswitchPath?: string;
  /** /etc/host.conf's `multi on` (every matching hosts line, not only the first). */
  readonly multi: boolean;
  /** The host's name (`hostname`, /etc/hostname, the lab's name). */
  readonly hostname: string;
  /** The endpoint's network namespace name ('' for the host's own). */
  readonly netns: string;
}

/** The path of `/etc/NAME` as the endpoint's programs see it, or undefined when there is no such file. */
export function etcPath(host: Host, netns: string, name: string): string | undefined {
  if (netns !== ROOT_NS) {
    const own = `/etc/netns/${netns}/${name}`;
    if (host.files.has(own)) return own;
  }
  const p = `/etc/${name}`;
  return host.files.has(p) ? p : undefined;
}

export function readResolverFiles(world: World, from: Endpoint): ResolverFiles | undefined {
  const host = world.hosts.get(from.host);
  if (!host || !host.netns.has(from.netns || ROOT_NS)) return undefined;
  const read = (name: string) => {
    const path = etcPath(host, from.netns, name);
    return { path, text: path ? (host.files.get(path) ?? '') : '' };
  };
  const r = read('resolv.conf');
  const h = read('hosts');
  const n = read('nsswitch.conf');
  const hc = read('host.conf');
  const hostname = (host.hostname ?? host.files.get('/etc/hostname')?.split('\n')[0]?.trim() ?? host.name) || host.name;
  const hosts = parseHosts(h.text, h.path ?? '/etc/hosts');
  return {
    host,
    resolv: parseResolvConf(r.text, r.path ?? '/etc/resolv.conf', { hostname }).config,
    ...(r.path ? { resolvPath: r.path } : {}),
    hosts,
    hostsIndex: indexHosts(hosts),
    ...(h.path ? { hostsPath: h.path } : {}),
    nsswitch: parseNsswitch(n.text, n.path ?? '/etc/nsswitch.conf'),
    ...(n.path ? { nsswitchPath: n.path } : {}),
    multi: /^[ \t]*multi[ \t]+on\b/m.test(hc.text),
    hostname,
    netns: from.netns,
  };
}
