/**
 * DNS oracle scenarios: hosts on switches, each with its own /etc/hosts, resolv.conf and
 * nsswitch.conf, DNS servers that hold the scenario's records, and commands (getent, dig, host)
 * run on a client. One scenario is one YAML file in `scenarios/`.
 *
 * ```yaml
 * name: search-ndots
 * about: a name with one dot and ndots:2 tries the search list first
 * zones: [example.com]                 # the zones the servers are authoritative for
 * records: |                           # NAME TYPE DATA, written once for dnsmasq and CoreDNS
 *   web.example.com A 10.53.0.80
 *   www.example.com CNAME web.example.com
 * hosts:
 *   c:
 *     ip: 10.53.0.10/24                # eth0 on switch `lan` (or `ifaces: { eth0: "wan 10.2.0.1/24" }`)
 *     files:
 *       /etc/resolv.conf: "nameserver 10.53.0.53\n"
 *       /etc/nsswitch.conf: "hosts: files dns\n"
 *       /etc/hosts: "127.0.0.1 localhost\n"
 *   ns: { ip: 10.53.0.53/24, dns: true } # runs the DNS server (dnsmasq for real, CoreDNS simulated)
 *   dead: { ip: 10.53.0.54/24, dns: true, run: ["iptables -A INPUT -p udp --dport 53 -j DROP"] }
 * questions:
 *   - { on: c, run: "getent ahosts web" }
 *   - { on: c, run: "ping -c1 -n web", known: { what: [stdout], why: "..." } }   # see DnsQuestion.known
 * ```
 *
 * dnsmasq answers PTR queries for the addresses of its `--host-record`s by itself; CoreDNS's zone
 * files do not. A scenario whose questions make reverse lookups (`ping NAME` without -n, `dig -x`,
 * `host ADDRESS`, `getent hosts ADDRESS`) writes the PTR records and their reverse zone itself, so
 * that both sides hold them.
 *
 * From the same data: the lab the simulator builds (`simLab`: the DNS hosts run CoreDNS with a
 * zone file per zone) and the real build (`dnsmasqArgs`: dnsmasq 2.90 with the same records).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';

/** One record: an absolute name (no final dot), its type and its data as a zone file writes it. */
export interface DnsRecord {
  readonly name: string;
  readonly type: 'A' | 'AAAA' | 'CNAME' | 'TXT' | 'MX' | 'SRV' | 'PTR';
  readonly data: string;
}

export interface DnsIface {
  readonly name: string;
  readonly sw: string;
  /** With its prefix length: `10.53.0.10/24`. */
  readonly cidr: string;
}

export interface DnsHost {
  readonly name: string;
  readonly ifaces: readonly DnsIface[];
  /** Absolute path -> content. A file not given does not exist on the host. */
  readonly files: Readonly<Record<string, string>>;
  /** Lines run on both sides after the addresses (routes, sysctls, iptables). */
  readonly run: readonly string[];
  /** Runs the DNS server with the scenario's records. */
  readonly dns: boolean;
}

export interface DnsQuestion {
  readonly on: string;
  readonly run: string;
  /**
   * Where the simulator is known to differ, and why (a command it does not run): those parts of the
   * comparison must still differ (so that a fix says to remove the note), the others must agree.
   */
  readonly known?: { readonly what: readonly string[]; readonly why: string };
}

export interface DnsScenario {
  readonly file: string;
  readonly name: string;
  readonly about: string;
  readonly zones: readonly string[];
  readonly records: readonly DnsRecord[];
  readonly hosts: readonly DnsHost[];
  readonly questions: readonly DnsQuestion[];
}

export const SCENARIO_DIR = join(__dirname, 'scenarios');
/** The TTL of every record, on both sides (dnsmasq's --local-ttl, the zone's $TTL). */
export const TTL = 300;

const TYPES = new Set(['A', 'AAAA', 'CNAME', 'TXT', 'MX', 'SRV', 'PTR']);

function parseRecords(file: string, text: string): DnsRecord[] {
  const out: DnsRecord[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const m = /^(\S+)\s+(\S+)\s+(.+)$/.exec(line);
    if (!m || !TYPES.has(m[2]!)) throw new Error(`${file}: bad record line: ${line}`);
    out.push({ name: m[1]!.replace(/\.$/, ''), type: m[2] as DnsRecord['type'], data: m[3]!.trim() });
  }
  return out;
}

function parseHost(file: string, name: string, v: Record<string, unknown>): DnsHost {
  const ifaces: DnsIface[] = [];
  if (typeof v.ip === 'string') ifaces.push({ name: 'eth0', sw: 'lan', cidr: v.ip });
  for (const [ifname, spec] of Object.entries((v.ifaces as Record<string, string> | undefined) ?? {})) {
    const [sw, cidr] = String(spec).split(/\s+/);
    if (!sw || !cidr) throw new Error(`${file}: host ${name}: interface ${ifname} wants "SWITCH ADDR/LEN"`);
    ifaces.push({ name: ifname, sw, cidr });
  }
  if (ifaces.length === 0) throw new Error(`${file}: host ${name} has no interface`);
  return {
    name,
    ifaces,
    files: (v.files as Record<string, string> | undefined) ?? {},
    run: (v.run as string[] | undefined) ?? [],
    dns: v.dns === true,
  };
}

export function parseScenario(file: string, text: string): DnsScenario {
  const y = parse(text) as Record<string, unknown>;
  const hosts = Object.entries((y.hosts as Record<string, Record<string, unknown>>) ?? {}).map(([n, v]) => parseHost(file, n, v ?? {}));
  const questions: DnsQuestion[] = ((y.questions as DnsQuestion[]) ?? []).map((q) => ({
    on: String(q.on),
    run: String(q.run),
    ...(q.known ? { known: { what: [...q.known.what], why: String(q.known.why) } } : {}),
  }));
  for (const q of questions) {
    if (!hosts.some((h) => h.name === q.on)) throw new Error(`${file}: question on unknown host ${q.on}`);
  }
  return {
    file,
    name: String(y.name),
    about: String(y.about),
    zones: ((y.zones as string[]) ?? []).map((z) => z.replace(/\.$/, '')),
    records: parseRecords(file, String(y.records ?? '')),
    hosts,
    questions,
  };
}

export function loadDnsScenarios(dir = SCENARIO_DIR): DnsScenario[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }))
    .map((f) => parseScenario(f, readFileSync(join(dir, f), 'utf8')));
}

// ---------------------------------------------------------------------------------------------
// The records, for dnsmasq and for CoreDNS

const unquote = (s: string): string => (s.startsWith('"') && s.endsWith('"') ? s.slice(1, -1) : s);

/** dnsmasq 2.90's arguments that serve the scenario's records, authoritative (`--local`) for its zones. */
export function dnsmasqRecordArgs(s: DnsScenario): string[] {
  const args: string[] = [];
  const addrs = new Map<string, string[]>();
  for (const r of s.records) {
    if (r.type === 'A' || r.type === 'AAAA') addrs.set(r.name, [...(addrs.get(r.name) ?? []), r.data]);
  }
  for (const [name, list] of addrs) args.push(`--host-record=${name},${list.join(',')}`);
  for (const r of s.records) {
    const f = r.data.split(/\s+/);
    if (r.type === 'CNAME') args.push(`--cname=${r.name},${r.data.replace(/\.$/, '')}`);
    else if (r.type === 'TXT') args.push(`--txt-record=${r.name},${unquote(r.data)}`);
    else if (r.type === 'MX') args.push(`--mx-host=${r.name},${f[1]!.replace(/\.$/, '')},${f[0]}`);
    else if (r.type === 'SRV') args.push(`--srv-host=${r.name},${f[3]!.replace(/\.$/, '')},${f[2]},${f[0]},${f[1]}`);
    else if (r.type === 'PTR') args.push(`--ptr-record=${r.name},${r.data.replace(/\.$/, '')}`);
  }
  for (const z of s.zones) args.push(`--local=/${z}/`);
  return args;
}

const inZone = (name: string, zone: string): boolean => name === zone || name.endsWith(`.${zone}`);
const absolute = (type: string, data: string): string => {
  if (type === 'CNAME' || type === 'PTR') return `${data.replace(/\.$/, '')}.`;
  if (type === 'MX' || type === 'SRV') {
    const f = data.split(/\s+/);
    f[f.length - 1] = `${f[f.length - 1]!.replace(/\.$/, '')}.`;
    return f.join(' ');
  }
  return data;
};

/** The zone file (RFC 1035) of one zone: an SOA and NS outside every zone (so no name is added), then the records. */
export function zoneFile(s: DnsScenario, zone: string): string {
  const lines = [
    `$ORIGIN ${zone}.`,
    `$TTL ${TTL}`,
    `@ IN SOA ns.invalid. hostmaster.invalid. 1 7200 3600 1209600 ${TTL}`,
    `@ IN NS ns.invalid.`,
  ];
  for (const r of s.records) if (inZone(r.name, zone)) lines.push(`${r.name}. IN ${r.type} ${absolute(r.type, r.data)}`);
  return `${lines.join('\n')}\n`;
}

/** The Corefile: one server block per zone, each serving its zone file. */
export function corefile(s: DnsScenario): string {
  return s.zones.map((z) => `${z} {\n    file /etc/coredns/db.${z}\n}\n`).join('');
}

/** The lab the simulator builds: the same hosts, files and run lines; the DNS hosts run CoreDNS. */
export function simLab(s: DnsScenario): string {
  const switches = [...new Set(s.hosts.flatMap((h) => h.ifaces.map((i) => i.sw)))];
  const hosts: Record<string, unknown> = {};
  for (const h of s.hosts) {
    const files: Record<string, string> = { ...h.files };
    const run = [...h.ifaces.map((i) => `ip addr add ${i.cidr} dev ${i.name}`), ...h.run];
    if (h.dns) {
      files['/etc/coredns/Corefile'] = corefile(s);
      for (const z of s.zones) files[`/etc/coredns/db.${z}`] = zoneFile(s, z);
      run.push('coredns -conf /etc/coredns/Corefile');
    }
    hosts[h.name] = {
      interfaces: Object.fromEntries(h.ifaces.map((i) => [i.name, i.sw])),
      ...(Object.keys(files).length > 0 ? { files } : {}),
      run: `${run.join('\n')}\n`,
    };
  }
  return stringify({ name: s.name, switches, hosts }, { lineWidth: 0 });
}
