/**
 * Generates a host whose iptables rules are shaped like kube-proxy's (iptables mode): the nat
 * table's KUBE-SERVICES chain with one rule per service port
 * (`-d CLUSTERIP/32 -p tcp -m comment --comment "ns/svc:port cluster IP" -m tcp --dport P -j KUBE-SVC-…`),
 * KUBE-NODEPORTS as its last rule (`-m addrtype --dst-type LOCAL`), a KUBE-SVC chain per service
 * with a `-m statistic --mode random --probability P` jump per endpoint but the last, a KUBE-SEP
 * chain per endpoint (`-s EP/32 -j KUBE-MARK-MASQ`, then `-p tcp -m tcp -j DNAT --to-destination
 * EP:PORT`), KUBE-MARK-MASQ and KUBE-POSTROUTING; in filter, KUBE-FORWARD and KUBE-SERVICES's
 * REJECT for the services without endpoints. Most services have one endpoint, every tenth two, so a
 * service is four to seven rules: 20,000 rules are about 4,600 services.
 *
 * The lab: `client` (192.168.50.10) routes the service range 10.96.0.0/12 and the pod range
 * 10.244.0.0/16 through `node` (192.168.50.2), which holds the rules and a namespace `pod` whose
 * 10.244.0.2 is the last service's endpoint, serving tcp/8080.
 *
 *   node --import tsx bench/kubeRules.ts 20000 > /tmp/kube/lab.yaml
 */

export interface KubeLab {
  readonly text: string;
  /** iptables rules written (every table), and how many of them are KUBE-SERVICES's in nat. */
  readonly rules: number;
  readonly services: number;
  readonly serviceRules: number;
  readonly from: string;
  /** The last service: its cluster IP and port (a trace to it scans all of KUBE-SERVICES in the kernel). */
  readonly lastService: { readonly ip: string; readonly port: number };
  /** An address no service has (the pod itself) and its port: a trace to it misses every service rule. */
  readonly miss: { readonly ip: string; readonly port: number };
}

const PORTS = [80, 443, 8080, 53, 9090, 3306, 6379, 5432];
const POD_CIDR = '10.244.0.0/16';
const MASQ_MARK = '0x4000/0x4000';

/** kube-proxy's chain suffix: 16 base32 characters of a hash of the service port (here FNV-1a, deterministic). */
function suffix(text: string): string {
  const abc = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (let i = 0; i < text.length; i++) {
    h1 = Math.imul(h1 ^ text.charCodeAt(i), 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ text.charCodeAt(i), 0x5bd1e995) >>> 0;
  }
  let out = '';
  for (let i = 0; i < 16; i++) {
    const h = i < 8 ? h1 : h2;
    out += abc[(h >>> ((i % 8) * 4)) & 31];
  }
  return out;
}

function quad(n: number): string {
  return [24, 16, 8, 0].map((s) => (n >>> s) & 255).join('.');
}

/** A cluster IP in 10.96.0.0/12 (10.96.0.1 is the API server's): the k-th service's. */
const clusterIp = (k: number): string => quad(((10 << 24) | (96 << 16)) + 16 + k);
/** The k-th pod address outside the node's own 10.244.0.0/24 (other nodes' pods). */
const podIp = (k: number): string => quad(((10 << 24) | (244 << 16) | (1 << 8)) + 1 + k);

/** kube-proxy's probability for endpoint i of n: 1/(n-i), printed with 11 decimals. */
const probability = (i: number, n: number): string => (1 / (n - i)).toFixed(11);

/** The lab's text with about `target` iptables rules (whole services: it stops at the first service past it). */
export function generateKubeLab(target: number): KubeLab {
  const nat: string[] = [];
  const natChains: string[] = ['KUBE-SERVICES', 'KUBE-NODEPORTS', 'KUBE-POSTROUTING', 'KUBE-MARK-MASQ'];
  const filter: string[] = [];
  const ipt = (table: 'nat' | 'filter', rule: string) => (table === 'nat' ? nat : filter).push(rule);

  // The fixed part kube-proxy writes whatever the services.
  ipt('nat', `-A PREROUTING -m comment --comment "kubernetes service portals" -j KUBE-SERVICES`);
  ipt('nat', `-A OUTPUT -m comment --comment "kubernetes service portals" -j KUBE-SERVICES`);
  ipt('nat', `-A POSTROUTING -m comment --comment "kubernetes postrouting rules" -j KUBE-POSTROUTING`);
  ipt('nat', `-A KUBE-MARK-MASQ -j MARK --set-xmark ${MASQ_MARK}`);
  ipt('nat', `-A KUBE-POSTROUTING -m mark ! --mark ${MASQ_MARK} -j RETURN`);
  ipt('nat', `-A KUBE-POSTROUTING -j MARK --set-xmark 0x4000/0x0`);
  ipt('nat', `-A KUBE-POSTROUTING -m comment --comment "kubernetes service traffic requiring SNAT" -j MASQUERADE --random-fully`);
  ipt('filter', `-A FORWARD -m comment --comment "kubernetes forwarding rules" -j KUBE-FORWARD`);
  ipt('filter', `-A FORWARD -m conntrack --ctstate NEW -m comment --comment "kubernetes service portals" -j KUBE-SERVICES`);
  ipt('filter', `-A OUTPUT -m conntrack --ctstate NEW -m comment --comment "kubernetes service portals" -j KUBE-SERVICES`);
  ipt('filter', `-A KUBE-FORWARD -m conntrack --ctstate INVALID -j DROP`);
  ipt('filter', `-A KUBE-FORWARD -m comment --comment "kubernetes forwarding rules" -m mark --mark ${MASQ_MARK} -j ACCEPT`);
  ipt(
    'filter',
    `-A KUBE-FORWARD -m comment --comment "kubernetes forwarding conntrack rule" -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT`,
  );

  const services: string[] = [];
  const nodePorts: string[] = [];
  const fixed = nat.length + filter.length + 1; // + KUBE-NODEPORTS's jump, last in KUBE-SERVICES
  let rules = fixed;
  let pod = 0;
  let last = { ip: '', port: 0 };
  let lastSeps: number[] = [];
  let k = 0;
  for (; rules < target; k++) {
    const ip = clusterIp(k);
    const port = PORTS[k % PORTS.length]!;
    const name = `ns${k % 50}/svc-${k}:p${port}`;
    // A service without endpoints is a REJECT in filter's KUBE-SERVICES (never the last one).
    if (k % 50 === 49) {
      ipt(
        'filter',
        `-A KUBE-SERVICES -d ${ip}/32 -p tcp -m comment --comment "${name} has no endpoints" -m tcp --dport ${port} -j REJECT --reject-with icmp-port-unreachable`,
      );
      rules++;
      continue;
    }
    const svc = `KUBE-SVC-${suffix(name)}`;
    natChains.push(svc);
    services.push(`-A KUBE-SERVICES -d ${ip}/32 -p tcp -m comment --comment "${name} cluster IP" -m tcp --dport ${port} -j ${svc}`);
    if (k % 100 === 7) {
      nodePorts.push(`-A KUBE-NODEPORTS -p tcp -m comment --comment "${name}" -m tcp --dport ${30000 + (k % 2768)} -j ${svc}`);
      rules++;
    }
    const n = k % 10 === 3 ? 2 : 1;
    lastSeps = [];
    for (let i = 0; i < n; i++) {
      const ep = podIp(pod++);
      const sep = `KUBE-SEP-${suffix(`${name}/${ep}`)}`;
      natChains.push(sep);
      const stat = i < n - 1 ? ` -m statistic --mode random --probability ${probability(i, n)}` : '';
      ipt('nat', `-A ${svc} -m comment --comment "${name} -> ${ep}:${port}"${stat} -j ${sep}`);
      lastSeps.push(nat.length);
      ipt('nat', `-A ${sep} -s ${ep}/32 -m comment --comment "${name}" -j KUBE-MARK-MASQ`);
      ipt('nat', `-A ${sep} -p tcp -m comment --comment "${name}" -m tcp -j DNAT --to-destination ${ep}:${port}`);
    }
    rules += 1 + 3 * n;
    last = { ip, port };
  }
  // The last service: its endpoints are the pod on this node, on 8080.
  for (const i of lastSeps) {
    nat[i] = nat[i]!.replace(/-s \S+/, '-s 10.244.0.2/32');
    nat[i + 1] = nat[i + 1]!.replace(/--to-destination \S+$/, '--to-destination 10.244.0.2:8080');
  }
  services.push(
    `-A KUBE-SERVICES -m comment --comment "kubernetes service nodeports; NOTE: this must be the last rule in this chain" -m addrtype --dst-type LOCAL -j KUBE-NODEPORTS`,
  );

  const node = [
    'ip addr add 192.168.50.2/24 dev eth0',
    'sysctl -w net.ipv4.ip_forward=1',
    'ip netns add pod',
    'ip link add veth0 type veth peer name eth0 netns pod',
    'ip addr add 10.244.0.1/24 dev veth0',
    'ip link set veth0 up',
    'ip -n pod addr add 10.244.0.2/24 dev eth0',
    'ip -n pod link set eth0 up',
    'ip -n pod route add default via 10.244.0.1',
    ...natChains.map((c) => `iptables -t nat -N ${c}`),
    'iptables -N KUBE-FORWARD',
    'iptables -N KUBE-SERVICES',
    ...[...services, ...nodePorts, ...nat].map((r) => `iptables -t nat ${r}`),
    ...filter.map((r) => `iptables ${r}`),
  ];
  const out = [
    '# Generated by bench/kubeRules.ts: a kube-proxy-shaped host (do not edit).',
    'name: bench-kube',
    'title: { en: "Benchmark: kube-proxy rules", ko: "벤치마크: kube-proxy 규칙" }',
    'switches: [lan]',
    'hosts:',
    '  client:',
    '    interfaces: { eth0: lan }',
    '    run: |',
    '      ip addr add 192.168.50.10/24 dev eth0',
    '      ip route add 10.96.0.0/12 via 192.168.50.2',
    `      ip route add ${POD_CIDR} via 192.168.50.2`,
    '  node:',
    '    interfaces: { eth0: lan }',
    '    run: |',
    ...node.map((l) => `      ${l}`),
    '    serve: [pod:tcp/8080]',
    '',
  ];
  return {
    text: out.join('\n'),
    rules,
    services: services.length - 1,
    serviceRules: services.length,
    from: 'client',
    lastService: last,
    miss: { ip: '10.244.0.2', port: 8080 },
  };
}

if (/bench[\\/]kubeRules\.ts$/.test(process.argv[1] ?? '')) {
  const lab = generateKubeLab(Number(process.argv[2] ?? 20_000));
  process.stdout.write(lab.text);
  process.stderr.write(
    `${lab.rules} rules, ${lab.services} services (KUBE-SERVICES ${lab.serviceRules} rules); last ${lab.lastService.ip}:${lab.lastService.port}\n`,
  );
}
