/**
 * The CNI plugins knetlab knows by name: the reference plugins of containernetworking/plugins and
 * the well-known ones of the common Kubernetes network providers. A `type` not listed here is only
 * a warning (any binary in /opt/cni/bin is a plugin), with the closest known name.
 */

/** Interface and meta plugins of containernetworking/plugins (plugins/main, plugins/meta). */
export const REFERENCE_PLUGINS: readonly string[] = [
  'bridge',
  'ipvlan',
  'macvlan',
  'ptp',
  'host-device',
  'vlan',
  'loopback',
  'dummy',
  'tap',
  'vrf',
  'portmap',
  'bandwidth',
  'firewall',
  'sbr',
  'tuning',
  // Windows
  'win-bridge',
  'win-overlay',
];

/** IPAM plugins of containernetworking/plugins (plugins/ipam). */
export const REFERENCE_IPAM: readonly string[] = ['host-local', 'static', 'dhcp'];

/** Plugins of network providers and add-ons, as they appear in `type`. */
export const THIRD_PARTY_PLUGINS: readonly string[] = [
  'flannel',
  'calico',
  'cilium-cni',
  'weave-net',
  'multus',
  'multus-shim',
  'aws-cni',
  'egress-cni',
  'azure-vnet',
  'antrea',
  'kube-ovn',
  'ovn-k8s-cni-overlay',
  'istio-cni',
  'linkerd-cni',
  'sriov',
  'ib-sriov',
  'ovs',
  'bond',
  'route-override',
  'tc-redirect-tap',
  'dnsname',
  'macvtap',
  'kuryr-cni',
  'terway',
  'sdnbridge',
  'sdnoverlay',
];

/** IPAM plugins of network providers and add-ons. */
export const THIRD_PARTY_IPAM: readonly string[] = ['calico-ipam', 'whereabouts', 'azure-vnet-ipam', 'weave-ipam', 'kube-ovn', 'antrea'];

/** Every known plugin type that creates or configures an interface (not IPAM). */
export const KNOWN_PLUGINS: readonly string[] = [...REFERENCE_PLUGINS, ...THIRD_PARTY_PLUGINS];

/** Every known IPAM plugin type. */
export const KNOWN_IPAM: readonly string[] = [...REFERENCE_IPAM, ...THIRD_PARTY_IPAM];

/**
 * Plugins that only work on the result of an earlier plugin: their ADD fails without a
 * `prevResult` ("must be called as chained plugin", "Required prevResult missing", "missing
 * prevResult from earlier plugin").
 */
export const CHAINED_ONLY: readonly string[] = ['portmap', 'bandwidth', 'firewall', 'tuning', 'sbr', 'vrf'];

/** Fields of reference plugins that name a Linux interface, by plugin type (a Map: types are user text). */
export const IFNAME_FIELDS: ReadonlyMap<string, readonly string[]> = new Map([
  ['bridge', ['bridge']],
  ['macvlan', ['master']],
  ['ipvlan', ['master']],
  ['vlan', ['master']],
  ['host-device', ['device']],
  ['vrf', ['vrfname']],
]);

/** The CNI spec versions (libcni's version.All). */
export const CNI_VERSIONS: readonly string[] = ['0.1.0', '0.2.0', '0.3.0', '0.3.1', '0.4.0', '1.0.0', '1.1.0'];
