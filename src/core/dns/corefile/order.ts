/**
 * CoreDNS's plugin execution order: the order of plugin/plugin.cfg (coredns/coredns, 2026), which
 * core/dnsserver/zdirectives.go turns into `Directives`. A query goes through a server block's plugins
 * in this order, whatever order the Corefile lists them in; `import` is the Corefile's own directive.
 */
export const PLUGIN_ORDER: readonly string[] = [
  'root',
  'metadata',
  'geoip',
  'cancel',
  'proxyproto',
  'quic',
  'grpc_server',
  'https',
  'https3',
  'timeouts',
  'multisocket',
  'reload',
  'nsid',
  'bufsize',
  'bind',
  'debug',
  'trace',
  'ready',
  'health',
  'pprof',
  'shed',
  'prometheus',
  'errors',
  'log',
  'dnstap',
  'local',
  'dns64',
  'any',
  'chaos',
  'loadbalance',
  'tsig',
  'rewrite',
  'autopath',
  'acl',
  'cache',
  'header',
  'dnssec',
  'tls',
  'minimal',
  'template',
  'transfer',
  'hosts',
  'route53',
  'azure',
  'clouddns',
  'k8s_external',
  'kubernetes',
  'file',
  'auto',
  'secondary',
  'etcd',
  'loop',
  'forward',
  'grpc',
  'erratic',
  'whoami',
  'on',
  'sign',
  'view',
  'nomad',
];

/** Every directive a Corefile may use: the plugins and `import`. */
export const COREDNS_PLUGINS: readonly string[] = [...PLUGIN_ORDER, 'import'];

const RANK = new Map(PLUGIN_ORDER.map((p, i) => [p, i]));

/** A plugin's place in the execution order (0 first), or undefined for an unknown name. */
export function pluginRank(name: string): number | undefined {
  return RANK.get(name);
}

/** Plugins (anything with a name) in CoreDNS's execution order; unknown names last, in their order; stable. */
export function inExecutionOrder<T extends { readonly name: string }>(plugins: readonly T[]): T[] {
  return plugins
    .map((p, i) => ({ p, i, r: RANK.get(p.name) ?? PLUGIN_ORDER.length }))
    .sort((a, b) => a.r - b.r || a.i - b.i)
    .map((x) => x.p);
}
