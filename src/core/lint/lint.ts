/**
 * Warnings the simulator can see in a built lab without running a check: an address two hosts
 * hold on one L2 segment, MAC addresses and host names used twice, an address whose subnet no
 * neighbour on its segment shares, a route through a gateway nobody on the route's segment owns,
 * and a host others route through that does not forward. Each warning sits at the lab line that
 * made the address or route (its origin), else at the host's or interface's declaration.
 *
 * L2 segments: a lab switch joins the NICs plugged into it, a bridge joins its ports (and an
 * address on the bridge is on that segment), a veth pair joins its two ends. Loopback and dummy
 * links are on no segment. Link state (up or down) does not change a segment.
 *
 * Linear in the size of the world: one pass over links and addresses, one over routes. Never throws.
 */
import type { Diagnostic, DiagnosticCode, SourceRange } from '../text/diag';
import { type Localized, loc } from '../text/i18n';
import { type Addr, BITS, formatAddr, formatPrefix, formatRouteDst, networkOf, prefixContains } from '../net/addr';
import { fibTableLookup } from '../sim/fib';
import { type Host, type IfAddr, type Link, type Netns, nsLabel, ROOT_NS, type Route, utsName, type World } from '../sim/model';
import type { HostSpec, Lab } from '../lab/types';

/** Lints a built lab. Warnings only, sorted by place; never throws (returns what it found so far). */
export function lintWorld(lab: Lab, world: World): Diagnostic[] {
  const out: Diagnostic[] = [];
  try {
    const ctx = new LintContext(lab, world, out);
    ctx.run();
  } catch {
    // A lint must never break a check: keep what was found.
  }
  return out.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.code.localeCompare(b.code));
}

interface AddrAt {
  readonly link: Link;
  readonly a: IfAddr;
}

/** Addresses on one segment, keyed by address value, per family. */
interface Segment {
  readonly links: Link[];
  readonly addrs: AddrAt[];
  /** Keyed by addrKey(). */
  readonly byAddr: Map<number | string, AddrAt[]>;
}

class LintContext {
  private readonly parent: number[] = [];
  private readonly linkId = new Map<Link, number>();
  private readonly switchId = new Map<string, number>();
  private readonly segments = new Map<number, Segment>();
  /** Addresses reported as lonely: a gateway in their subnet is not reported again. */
  private readonly lonely = new Set<IfAddr>();
  private readonly specs = new Map<string, HostSpec>();

  constructor(
    private readonly lab: Lab,
    private readonly world: World,
    private readonly out: Diagnostic[],
  ) {
    for (const h of lab.hosts) this.specs.set(h.name, h);
  }

  run(): void {
    this.buildSegments();
    this.duplicateAddresses();
    this.lonelySubnets();
    this.routes();
    this.duplicateMacs();
    this.duplicateHostnames();
  }

  // -------------------------------------------------------------------------------------------
  // Places and messages

  private warn(code: DiagnosticCode, at: SourceRange, message: Localized): void {
    this.out.push({ ...at, severity: 'warning', code, message });
  }

  private fileStart(): SourceRange {
    return {
      file: this.lab.file,
      line: 1,
      column: 1,
      endLine: 1,
      endColumn: 1,
    };
  }

  private nsPlace(ns: Netns): SourceRange {
    return ns.origin ?? ns.host.origin ?? this.fileStart();
  }

  private linkPlace(link: Link): SourceRange {
    return link.origin ?? this.nsPlace(link.netns);
  }

  private addrPlace(x: AddrAt): SourceRange {
    return x.a.origin ?? this.linkPlace(x.link);
  }

  private routePlace(r: Route, ns: Netns): SourceRange {
    return r.origin ?? (r.dev ? this.linkPlace(r.dev) : this.nsPlace(ns));
  }

  /** `host1 (line 12)`, `host1/red veth-red`... the place of another thing, for a message. */
  private lineOf(at: SourceRange | undefined): { en: string; ko: string } {
    if (!at || at.file !== this.lab.file) return { en: '', ko: '' };
    return { en: ` (line ${at.line})`, ko: ` (${at.line}행)` };
  }

  // -------------------------------------------------------------------------------------------
  // L2 segments: union-find over links and switches

  private node(): number {
    const id = this.parent.length;
    this.parent.push(id);
    return id;
  }

  private find(x: number): number {
    const p = this.parent;
    while (p[x]! !== x) {
      p[x] = p[p[x]!]!;
      x = p[x]!;
    }
    return x;
  }

  private union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent[ra] = rb;
  }

  private idOf(link: Link): number {
    let id = this.linkId.get(link);
    if (id === undefined) this.linkId.set(link, (id = this.node()));
    return id;
  }

  private static onSegment(link: Link): boolean {
    return link.kind === 'nic' || link.kind === 'veth' || link.kind === 'bridge';
  }

  private allLinks(): Link[] {
    const links: Link[] = [];
    for (const host of this.world.hosts.values()) for (const ns of host.netns.values()) for (const l of ns.links.values()) links.push(l);
    return links;
  }

  private buildSegments(): void {
    const links = this.allLinks();
    for (const l of links) {
      const id = this.idOf(l);
      if (!LintContext.onSegment(l)) continue;
      if (l.kind === 'nic' && l.switchName !== undefined) {
        let sw = this.switchId.get(l.switchName);
        if (sw === undefined) this.switchId.set(l.switchName, (sw = this.node()));
        this.union(id, sw);
      }
      if (l.master) this.union(id, this.idOf(l.master));
      if (l.peer) this.union(id, this.idOf(l.peer));
    }
    for (const l of links) {
      if (!LintContext.onSegment(l)) continue;
      const root = this.find(this.idOf(l));
      let seg = this.segments.get(root);
      if (!seg)
        this.segments.set(
          root,
          (seg = {
            links: [],
            addrs: [],
            byAddr: new Map(),
          }),
        );
      seg.links.push(l);
      for (const a of l.addrs) {
        if (a.scope === 'host') continue;
        const x = { link: l, a };
        seg.addrs.push(x);
        const m = seg.byAddr;
        const key = addrKey(a.addr);
        const list = m.get(key);
        if (list) list.push(x);
        else m.set(key, [x]);
      }
    }
  }

  private segmentOf(link: Link): Segment | undefined {
    if (!LintContext.onSegment(link)) return undefined;
    const id = this.linkId.get(link);
    return id === undefined ? undefined : this.segments.get(this.find(id));
  }

  // -------------------------------------------------------------------------------------------
  // duplicate-address

  private duplicateAddresses(): void {
    for (const seg of this.segments.values()) {
      for (const list of seg.byAddr.values()) {
        if (list.length < 2) continue;
        const sorted = [...list].sort((x, y) => placeOrder(this.addrPlace(x), this.addrPlace(y)));
        const first = sorted[0]!;
        for (const x of sorted.slice(1)) {
          if (x.link === first.link) continue;
          const addr = formatAddr(x.a.addr);
          const other = `${nsLabel(first.link.netns)} ${first.link.name}`;
          const l = this.lineOf(this.addrPlace(first));
          this.warn(
            'duplicate-address',
            this.addrPlace(x),
            loc(
              `${nsLabel(x.link.netns)}: ${addr} on ${x.link.name} is already the address of ${other}${l.en}, on the same L2 segment. Both answer ARP for it; packets for ${addr} go to one or the other.`,
              `${nsLabel(x.link.netns)}: ${x.link.name}의 ${addr}은(는) 같은 L2 세그먼트에 있는 ${other}${l.ko}의 주소이기도 합니다. 둘 다 이 주소의 ARP에 응답하므로 ${addr}로 가는 패킷이 둘 중 하나로 갑니다.`,
            ),
          );
        }
      }
    }
  }

  // -------------------------------------------------------------------------------------------
  // lonely-subnet

  private lonelySubnets(): void {
    for (const seg of this.segments.values()) {
      if (seg.addrs.length === 0) continue;
      // Per family and prefix length used on the segment: network -> the links with an address in it.
      const lens: Record<4 | 6, Set<number>> = { 4: new Set(), 6: new Set() };
      const fams: Record<4 | 6, number> = { 4: 0, 6: 0 };
      for (const x of seg.addrs) {
        lens[x.a.addr.family].add(x.a.prefixLen);
        fams[x.a.addr.family]++;
      }
      const nets = new Map<string, { link: Link; many: boolean }>();
      for (const x of seg.addrs) {
        for (const len of lens[x.a.addr.family]) {
          const key = `${x.a.addr.family}/${len}/${networkOf(x.a.addr, len).value}`;
          const e = nets.get(key);
          if (!e) nets.set(key, { link: x.link, many: false });
          else if (e.link !== x.link) e.many = true;
        }
      }
      for (const fam of [4, 6] as const) {
        if (fams[fam] < 2) continue;
        const all = seg.addrs.filter((x) => x.a.addr.family === fam);
        // Neighbours with an address of this family; without any (nothing configured yet), no warning.
        if (all.every((y) => y.link === all[0]!.link)) continue;
        const lonely = all.filter((x) => {
          if (x.a.prefixLen >= BITS[fam]) return false; // a /32 (or /128) has no neighbours by design
          return !nets.get(`${fam}/${x.a.prefixLen}/${networkOf(x.a.addr, x.a.prefixLen).value}`)?.many;
        });
        for (const x of lonely) this.lonely.add(x.a);
        // When no two interfaces there agree, there is no odd one out: one warning, at the last address.
        const report =
          lonely.length === all.length ? lonely.sort((x, y) => placeOrder(this.addrPlace(x), this.addrPlace(y))).slice(-1) : lonely;
        for (const x of report) this.reportLonely(seg, x);
      }
    }
  }

  private reportLonely(seg: Segment, x: AddrAt): void {
    const subnet = formatPrefix({ addr: networkOf(x.a.addr, x.a.prefixLen), len: x.a.prefixLen });
    const others = this.neighbourSubnets(seg, x);
    this.warn(
      'lonely-subnet',
      this.addrPlace(x),
      loc(
        `${nsLabel(x.link.netns)}: no other interface on the L2 segment of ${x.link.name} has an address in ${subnet}, so ${formatAddr(x.a.addr)}/${x.a.prefixLen} has no neighbour to talk to directly. The others there are on ${others}: is the address or the prefix length a typo?`,
        `${nsLabel(x.link.netns)}: ${x.link.name}의 L2 세그먼트에 ${subnet} 주소를 가진 다른 인터페이스가 없어 ${formatAddr(x.a.addr)}/${x.a.prefixLen}은(는) 직접 통신할 이웃이 없습니다. 그곳의 다른 인터페이스는 ${others}에 있습니다. 주소나 프리픽스 길이를 잘못 쓴 것 아닌가요?`,
      ),
    );
  }

  /** The subnets of the other interfaces on the segment, for a message (at most three). */
  private neighbourSubnets(seg: Segment, x: AddrAt): string {
    const seen = new Set<string>();
    for (const y of seg.addrs) {
      if (y.link === x.link || y.a.addr.family !== x.a.addr.family) continue;
      seen.add(
        formatPrefix({
          addr: networkOf(y.a.addr, y.a.prefixLen),
          len: y.a.prefixLen,
        }),
      );
      if (seen.size > 3) break;
    }
    const list = [...seen];
    return list.length > 3 ? `${list.slice(0, 3).join(', ')}, ...` : list.join(', ');
  }

  // -------------------------------------------------------------------------------------------
  // gateway-not-owned, forwarding-off

  private routes(): void {
    /** One warning per (namespace, segment, gateway) for an unowned gateway. */
    const unowned = new Map<string, { route: Route; ns: Netns; count: number }>();
    /** One warning per non-forwarding router: its namespace, or the interface that owns the gateway when forwarding is set for it alone. */
    const noForward = new Map<Link | Netns, { route: Route; ns: Netns; owner: AddrAt; count: number }>();
    /** Whether a router only serves as the destination of a prefix, by router and prefix. */
    const destOnly = new Map<string, boolean>();

    for (const host of this.world.hosts.values()) {
      for (const ns of host.netns.values()) {
        for (const table of ns.tables.values()) {
          for (const r of table) {
            if (!r.gateway || !r.dev || r.gatewayIsLocal || r.proto === 'kernel') continue;
            const seg = this.segmentOf(r.dev);
            if (!seg) continue;
            const gw = r.gateway;
            const found = seg.byAddr.get(addrKey(gw));
            const owners = found && (found.length === 1 && found[0]!.link.netns !== ns ? found : found.filter((o) => o.link.netns !== ns));
            if (!owners || owners.length === 0) {
              if (
                r.dev.addrs.some(
                  (a) =>
                    this.lonely.has(a) &&
                    prefixContains(
                      {
                        addr: networkOf(a.addr, a.prefixLen),
                        len: a.prefixLen,
                      },
                      gw,
                    ),
                )
              )
                continue;
              const key = `${this.linkId.get(r.dev)}|${gw.family}|${gw.value}`;
              keepFirst(unowned, key, { route: r, ns, count: 1 }, (e) => this.routePlace(e.route, e.ns));
              continue;
            }
            if (owners.length !== 1) continue; // a duplicate address: reported as such
            const owner = owners[0]!;
            const routerNs = owner.link.netns;
            const fwd = owner.link.forwarding ?? routerNs.sysctl.ipForward;
            if (fwd) continue;
            const dk = `${this.linkId.get(owner.link)}|${r.dst.addr.family}|${r.dst.addr.value}/${r.dst.len}`;
            let only = destOnly.get(dk);
            if (only === undefined) destOnly.set(dk, (only = onlyDestination(routerNs, r)));
            if (only) continue;
            keepFirst(noForward, owner.link.forwarding !== undefined ? owner.link : routerNs, { route: r, ns, owner, count: 1 }, (e) =>
              this.routePlace(e.route, e.ns),
            );
          }
        }
      }
    }

    for (const { route: r, ns, count } of unowned.values()) {
      const gw = formatAddr(r.gateway!);
      const more = moreRoutes(count);
      this.warn(
        'gateway-not-owned',
        this.routePlace(r, ns),
        loc(
          `${nsLabel(ns)}: this route sends ${formatRouteDst(r.dst)} through ${gw}, but no interface on the L2 segment of ${r.dev!.name} has that address: ARP for ${gw} gets no answer and the packets are lost.${more.en}`,
          `${nsLabel(ns)}: 이 경로는 ${formatRouteDst(r.dst)}을(를) ${gw}(으)로 보내지만 ${r.dev!.name}의 L2 세그먼트에 그 주소를 가진 인터페이스가 없습니다. ${gw}에 대한 ARP에 응답이 없어 패킷이 사라집니다.${more.ko}`,
        ),
      );
    }

    for (const { route: r, ns, owner, count } of noForward.values()) {
      const gw = formatAddr(r.gateway!);
      const routerNs = owner.link.netns;
      const router = nsLabel(routerNs);
      const perLink = owner.link.forwarding !== undefined;
      const setting = perLink ? `net.ipv4.conf.${owner.link.name}.forwarding` : 'net.ipv4.ip_forward';
      const setAt = this.lineOf(perLink ? owner.link.forwardingOrigin : routerNs.sysctl.ipForwardOrigin);
      const exec = routerNs.name === ROOT_NS ? '' : `ip netns exec ${routerNs.name} `;
      const fix = `${exec}sysctl -w ${setting}=1`;
      const more = moreRoutes(count);
      this.warn(
        'forwarding-off',
        this.routePlace(r, ns),
        loc(
          `${nsLabel(ns)}: this route sends ${formatRouteDst(r.dst)} through ${gw} (${router}), but ${router} does not forward packets: ${setting} is 0 there${setAt.en}. Enable it on ${routerNs.host.name}: ${fix}${more.en}`,
          `${nsLabel(ns)}: 이 경로는 ${formatRouteDst(r.dst)}을(를) ${gw}(${router})(으)로 보내지만 ${router}은(는) 패킷을 전달하지 않습니다: 그곳의 ${setting}이(가) 0입니다${setAt.ko}. ${routerNs.host.name}에서 켜세요: ${fix}${more.ko}`,
        ),
      );
    }
  }

  // -------------------------------------------------------------------------------------------
  // duplicate-mac

  private duplicateMacs(): void {
    const byMac = new Map<string, Link[]>();
    for (const l of this.allLinks()) {
      if (l.kind === 'loopback' || l.mac === '00:00:00:00:00:00') continue;
      const mac = l.mac.toLowerCase();
      const list = byMac.get(mac);
      if (list) list.push(l);
      else byMac.set(mac, [l]);
    }
    for (const [mac, list] of byMac) {
      if (list.length < 2) continue;
      const placed = list.map((l) => ({ l, at: this.macPlace(l, mac) })).sort((x, y) => placeOrder(x.at, y.at));
      for (let i = 1; i < placed.length; i++) {
        const x = placed[i]!;
        const first = placed.slice(0, i).find((y) => macConflict(x.l, y.l, (a) => this.segmentOf(a)));
        if (!first) continue;
        const other = `${nsLabel(first.l.netns)} ${first.l.name}`;
        const l = this.lineOf(first.at);
        this.warn(
          'duplicate-mac',
          x.at,
          loc(
            `${nsLabel(x.l.netns)}: ${x.l.name} has the MAC address ${mac}, which ${other}${l.en} has too. Every machine needs its own MAC addresses (cloned VMs keep the original's: give each clone new ones).`,
            `${nsLabel(x.l.netns)}: ${x.l.name}의 MAC 주소 ${mac}은(는) ${other}${l.ko}도 가지고 있습니다. 기계마다 MAC 주소가 달라야 합니다 (복제한 VM은 원본의 주소를 그대로 가지므로 복제본마다 새 주소를 주세요).`,
          ),
        );
      }
    }
  }

  /** Where a link's MAC address came from: the run line that wrote it, else the link's declaration. */
  private macPlace(link: Link, mac: string): SourceRange {
    const spec = this.specs.get(link.netns.host.name);
    if (spec) {
      for (let i = spec.run.length - 1; i >= 0; i--) {
        const line = spec.run[i]!;
        if (line.text.toLowerCase().includes(mac)) return line.range;
      }
    }
    return this.linkPlace(link);
  }

  // -------------------------------------------------------------------------------------------
  // duplicate-hostname

  private duplicateHostnames(): void {
    const byName = new Map<
      string,
      {
        host: Host;
        name: string;
        at: SourceRange;
        how: 'lab' | 'uts' | 'file';
      }[]
    >();
    for (const host of this.world.hosts.values()) {
      const spec = this.specs.get(host.name);
      const claims: {
        name: string;
        at: SourceRange;
        how: 'lab' | 'uts' | 'file';
      }[] = [];
      const uts = utsName(host);
      if (uts && uts !== host.name)
        claims.push({
          name: uts,
          at: this.hostnameLine(spec, uts) ?? host.origin ?? this.fileStart(),
          how: 'uts',
        });
      else
        claims.push({
          name: host.name,
          at: host.origin ?? this.fileStart(),
          how: 'lab',
        });
      const etc = host.files.get('/etc/hostname')?.split('\n')[0]?.trim();
      if (etc) {
        const f = spec?.files.find((x) => x.path === '/etc/hostname');
        const at = f?.range ?? this.runLineMentioning(spec, '/etc/hostname') ?? host.origin ?? this.fileStart();
        claims.push({ name: etc, at, how: 'file' });
      }
      const seen = new Set<string>();
      for (const c of claims) {
        const key = c.name.toLowerCase();
        if (seen.has(key)) continue;
        seen.add(key);
        const list = byName.get(key);
        if (list) list.push({ host, ...c });
        else byName.set(key, [{ host, ...c }]);
      }
    }
    for (const list of byName.values()) {
      if (list.length < 2) continue;
      list.sort((x, y) => placeOrder(x.at, y.at));
      const first = list[0]!;
      const l = this.lineOf(first.at);
      for (const x of list.slice(1)) {
        const same = x.name === first.name;
        const how =
          x.how === 'file'
            ? {
                en: `its /etc/hostname says "${x.name}"`,
                ko: `/etc/hostname이 "${x.name}"입니다`,
              }
            : x.how === 'uts'
              ? {
                  en: `its host name is set to "${x.name}"`,
                  ko: `호스트 이름이 "${x.name}"(으)로 설정됩니다`,
                }
              : {
                  en: `it is named "${x.name}"`,
                  ko: `이름이 "${x.name}"입니다`,
                };
        const caseNote = same
          ? { en: '', ko: '' }
          : {
              en: ' (host names ignore case)',
              ko: ' (호스트 이름은 대소문자를 구분하지 않습니다)',
            };
        this.warn(
          'duplicate-hostname',
          x.at,
          loc(
            `${x.host.name}: ${how.en}, the name of ${first.host.name}${l.en} too${caseNote.en}. Every node needs its own host name (a cluster refuses to join a second node of the same name; cloned VMs keep the original's).`,
            `${x.host.name}: ${how.ko}. ${first.host.name}${l.ko}의 이름과 같습니다${caseNote.ko}. 노드마다 호스트 이름이 달라야 합니다 (클러스터는 같은 이름의 두 번째 노드를 받지 않습니다. 복제한 VM은 원본의 이름을 그대로 가집니다).`,
          ),
        );
      }
    }
  }

  /** The last run line of a host that sets its host name to `name`. */
  private hostnameLine(spec: HostSpec | undefined, name: string): SourceRange | undefined {
    if (!spec) return undefined;
    const re = /(?:^|[\s;&|(])hostname\s+(\S+)/g;
    for (let i = spec.run.length - 1; i >= 0; i--) {
      const line = spec.run[i]!;
      for (const m of line.text.matchAll(re)) if (m[1]!.replace(/^["']|["']$/g, '') === name) return line.range;
    }
    return undefined;
  }

  private runLineMentioning(spec: HostSpec | undefined, text: string): SourceRange | undefined {
    if (!spec) return undefined;
    for (let i = spec.run.length - 1; i >= 0; i--) if (spec.run[i]!.text.includes(text)) return spec.run[i]!.range;
    return undefined;
  }
}

// ---------------------------------------------------------------------------------------------

/** A Map key for an address: a number for IPv4 (cheaper to hash than a bigint), a string for IPv6. */
function addrKey(a: Addr): number | string {
  return a.family === 4 ? Number(a.value) : `6:${a.value.toString(16)}`;
}

function placeOrder(a: SourceRange, b: SourceRange): number {
  return a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column;
}

/** Keeps the entry with the earliest place under `key`, counting every candidate. */
function keepFirst<K, V extends { count: number }>(m: Map<K, V>, key: K, v: V, place: (v: V) => SourceRange): void {
  const e = m.get(key);
  if (!e) {
    m.set(key, v);
    return;
  }
  const count = e.count + 1;
  if (placeOrder(place(v), place(e)) < 0) m.set(key, { ...v, count });
  else e.count = count;
}

function moreRoutes(count: number): Localized {
  if (count <= 1) return { en: '', ko: '' };
  const n = count - 1;
  return loc(
    ` (${n} other route${n === 1 ? '' : 's'} of this namespace use it too.)`,
    ` (이 네임스페이스의 다른 경로 ${n}개도 이것을 씁니다.)`,
  );
}

/**
 * Whether the router only receives the route's packets: every address of the route's prefix is
 * local to it (a route to one of its own addresses, or to a prefix it holds as `local`).
 */
function onlyDestination(router: Netns, r: Route): boolean {
  const hit = fibTableLookup(router, r.dst.addr, { ignoreLinkState: true });
  return !!hit && hit.type === 'local' && hit.dst.len <= r.dst.len && prefixContains(hit.dst, r.dst.addr);
}

/**
 * Two links with one MAC address clash when they are on different hosts (cloned machines), or on
 * one host on the same segment; a bridge may share its port's MAC (a common setup).
 */
function macConflict(a: Link, b: Link, segmentOf: (l: Link) => unknown): boolean {
  if (a.netns.host !== b.netns.host) return true;
  if (a.kind === 'bridge' || b.kind === 'bridge') return false;
  const sa = segmentOf(a);
  return sa !== undefined && sa === segmentOf(b);
}
