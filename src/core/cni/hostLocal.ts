/**
 * host-local's address pools, as its allocator checks them: the old `subnet`/`rangeStart`/
 * `rangeEnd`/`gateway` form and `ranges: [[{ subnet, ... }]]`; subnets in CIDR form, big enough,
 * without host bits; addresses inside their subnet; ranges that do not overlap, one family per
 * range set, one range set per family before CNI 0.3.0.
 */
import { loc } from '../text/i18n';
import { type Addr, BITS, formatAddr, parseAddr } from '../net/addr';
import { items, type JsonNode, prop, str } from './json';
import { CNI_VERSIONS } from './plugins';
import type { CniContext, Versions } from './context';
import { cidrText, inCidr, parseCidr, specialAddress } from './cidr';
import { eunneun, gwawa, iga, ro } from '../text/particle';

interface RangeInfo {
  readonly family: 4 | 6;
  readonly start: bigint;
  readonly end: bigint;
  readonly subnetNode: JsonNode;
  readonly subnet: string;
}

export function checkHostLocal(ctx: CniContext, ipam: JsonNode, plugin: JsonNode, versions: Versions): void {
  const sets: { node: JsonNode; ranges: RangeInfo[] }[] = [];
  const oldSubnet = prop(ipam, 'subnet');
  if (oldSubnet && str(oldSubnet) !== undefined) {
    const r = checkRange(ctx, ipam);
    sets.push({ node: ipam, ranges: r ? [r] : [] });
  }
  const rangesNode = prop(ipam, 'ranges');
  for (const set of items(rangesNode)) {
    if (set.type !== 'array') continue; // the schema's
    if (!items(set).length) {
      ctx.add(
        set,
        'error',
        'cni-ipam',
        loc(
          'This range set is empty: give it at least one { "subnet": ... } (host-local: empty range set).',
          '이 범위 집합이 비어 있습니다: { "subnet": ... }을 하나 이상 넣으세요 (host-local: empty range set).',
        ),
      );
      continue;
    }
    const ranges: RangeInfo[] = [];
    for (const r of items(set)) {
      if (r.type !== 'object') continue;
      const info = checkRange(ctx, r);
      if (!info) continue;
      const other = ranges.find((x) => x.family !== info.family);
      if (other) {
        ctx.add(
          info.subnetNode,
          'error',
          'cni-ipam',
          loc(
            `${info.subnet} is IPv${info.family}, but this range set already has IPv${other.family} ${other.subnet}: one range set is one address family (host-local: mixed address families). Put it in a range set of its own.`,
            `${eunneun(info.subnet)} IPv${info.family}인데 이 범위 집합에는 이미 IPv${other.family} ${iga(other.subnet)} 있습니다: 범위 집합 하나는 주소 패밀리 하나입니다 (host-local: mixed address families). 별도의 범위 집합에 넣으세요.`,
          ),
        );
        continue;
      }
      const overlap = ranges.find((x) => x.start <= info.end && info.start <= x.end);
      if (overlap) {
        ctx.add(
          info.subnetNode,
          'error',
          'cni-ipam',
          loc(
            `This range overlaps the range of ${overlap.subnet} in the same range set (host-local: subnets overlap).`,
            `이 범위는 같은 범위 집합에 있는 ${overlap.subnet}의 범위와 겹칩니다 (host-local: subnets overlap).`,
          ),
        );
        continue;
      }
      ranges.push(info);
    }
    sets.push({ node: set, ranges });
  }
  if (!sets.length) {
    const caps = prop(plugin, 'capabilities');
    const runtimeRanges = prop(caps, 'ipRanges');
    if (runtimeRanges?.type === 'boolean' && runtimeRanges.value === true) return; // given at runtime
    if (rangesNode && rangesNode.type !== 'array') return; // the schema's
    ctx.add(
      ctx.doc.objectAnchor(ipam),
      'error',
      'cni-ipam',
      loc(
        'host-local needs addresses to hand out: a "subnet" (e.g. "subnet": "10.22.0.0/16") or "ranges": [[{ "subnet": ... }]] (host-local: no IP ranges specified).',
        'host-local에는 나눠 줄 주소가 필요합니다: "subnet"(예: "subnet": "10.22.0.0/16")이나 "ranges": [[{ "subnet": ... }]] (host-local: no IP ranges specified).',
      ),
    );
    return;
  }
  // Range sets must not overlap one another.
  const seen: { set: number; r: RangeInfo }[] = [];
  sets.forEach((s, i) => {
    for (const r of s.ranges) {
      const hit = seen.find((x) => x.set !== i && x.r.family === r.family && x.r.start <= r.end && r.start <= x.r.end);
      if (hit) {
        ctx.add(
          r.subnetNode,
          'error',
          'cni-ipam',
          loc(
            `This range overlaps ${hit.r.subnet} of another range set: every container would get two addresses from the same pool (host-local: range set ${hit.set} overlaps with ${i}).`,
            `이 범위는 다른 범위 집합의 ${gwawa(hit.r.subnet)} 겹칩니다: 컨테이너마다 같은 풀에서 주소를 두 개 받게 됩니다 (host-local: range set ${hit.set} overlaps with ${i}).`,
          ),
        );
      }
    }
    for (const r of s.ranges) seen.push({ set: i, r });
  });
  // Before 0.3.0 a result holds one address per family.
  const v = versions.effective;
  if (v && CNI_VERSIONS.indexOf(v) >= 0 && CNI_VERSIONS.indexOf(v) < CNI_VERSIONS.indexOf('0.3.0')) {
    for (const fam of [4, 6] as const) {
      const withFam = sets.filter((s) => s.ranges[0]?.family === fam);
      if (withFam.length > 1) {
        ctx.add(
          withFam[1]!.ranges[0]!.subnetNode,
          'error',
          'cni-ipam',
          loc(
            `Two IPv${fam} range sets, but CNI version ${v} gives a container one address per family (host-local: CNI version ${v} does not support more than 1 address per family). Use "cniVersion" 0.3.0 or later.`,
            `IPv${fam} 범위 집합이 두 개인데 CNI 버전 ${eunneun(v)} 컨테이너에 패밀리마다 주소 하나만 줍니다 (host-local: CNI version ${v} does not support more than 1 address per family). "cniVersion"을 0.3.0 이상으로 쓰세요.`,
          ),
        );
      }
    }
  }
}

/** One host-local range ({ subnet, rangeStart, rangeEnd, gateway }), as its allocator checks it. */
function checkRange(ctx: CniContext, obj: JsonNode): RangeInfo | undefined {
  const subnetNode = prop(obj, 'subnet');
  const subnetText = str(subnetNode);
  if (!subnetNode || subnetText === undefined) return undefined;
  const c = parseCidr(subnetText);
  if (!c) {
    ctx.add(
      subnetNode,
      'error',
      'cni-ipam',
      loc(
        `"${subnetText}" is not a network in CIDR form: write ADDRESS/LENGTH, e.g. "10.22.0.0/16" or "fd00:10::/64".`,
        `${eunneun(`"${subnetText}"`)} CIDR 형식의 네트워크가 아닙니다: "10.22.0.0/16"이나 "fd00:10::/64"처럼 주소/길이로 쓰세요.`,
      ),
    );
    return undefined;
  }
  const bits = BITS[c.addr.family];
  if (c.len > bits - 2) {
    ctx.add(
      subnetNode,
      'error',
      'cni-ipam',
      loc(
        `${subnetText} is too small to allocate from: host-local keeps the network address and needs at least two more (at most /${bits - 2}) (host-local: Network ${subnetText} too small to allocate from).`,
        `${eunneun(subnetText)} 할당하기에 너무 작습니다: host-local은 네트워크 주소를 빼고 주소가 적어도 두 개 더 필요합니다 (최대 /${bits - 2}) (host-local: Network ${subnetText} too small to allocate from).`,
      ),
    );
    return undefined;
  }
  if (c.addr.value !== c.network.value) {
    ctx.add(
      subnetNode,
      'error',
      'cni-ipam',
      loc(
        `${subnetText} has host bits set: for a /${c.len} the network address is ${formatAddr(c.network)}, so write "${cidrText(c)}" (host-local: Network has host bits set).`,
        `${subnetText}에는 호스트 비트가 켜져 있습니다: /${c.len}의 네트워크 주소는 ${formatAddr(c.network)}이므로 ${ro(`"${cidrText(c)}"`)} 쓰세요 (host-local: Network has host bits set).`,
      ),
    );
  }
  const subnet = cidrText(c);
  const addrField = (field: 'gateway' | 'rangeStart' | 'rangeEnd'): { node: JsonNode; addr: Addr } | undefined => {
    const node = prop(obj, field);
    const text = str(node);
    if (!node || text === undefined) return undefined;
    const a = parseAddr(text);
    if (!a) {
      ctx.add(
        node,
        'error',
        'cni-ipam',
        loc(
          `${field} "${text}" is not an IP address (write a bare address, without "/LENGTH").`,
          `${field}의 ${eunneun(`"${text}"`)} IP 주소가 아닙니다 ("/길이" 없이 주소만 쓰세요).`,
        ),
      );
      return undefined;
    }
    if (!inCidr(c, a)) {
      const fam =
        a.family !== c.addr.family
          ? loc(` (IPv${a.family} in an IPv${c.addr.family} subnet)`, ` (IPv${c.addr.family} 서브넷 안의 IPv${a.family})`)
          : loc('', '');
      const why =
        field === 'gateway'
          ? loc(
              'the container cannot reach its gateway directly, so its routes through it fail (older host-local: gateway not in network)',
              '컨테이너가 게이트웨이와 직접 통신할 수 없어 그것을 거치는 라우트가 실패합니다 (이전 host-local: gateway not in network)',
            )
          : loc(
              `host-local refuses it (${field === 'rangeStart' ? 'RangeStart' : 'RangeEnd'} ${text} not in network ${subnet})`,
              `host-local이 거부합니다 (${field === 'rangeStart' ? 'RangeStart' : 'RangeEnd'} ${text} not in network ${subnet})`,
            );
      ctx.add(
        node,
        'error',
        'cni-ipam',
        loc(
          `${field} ${text} is not in the subnet ${subnet}${fam.en}: ${why.en}.`,
          `${field} ${eunneun(text)} 서브넷 ${subnet} 안에 있지 않습니다${fam.ko}: ${why.ko}.`,
        ),
      );
      return undefined;
    }
    const special = specialAddress(c, a);
    if (special) {
      const what =
        field === 'gateway'
          ? loc(
              'no host can use it as its address, so no one answers ARP for the gateway',
              '어떤 호스트도 그것을 주소로 쓸 수 없어 게이트웨이의 ARP에 아무도 응답하지 않습니다',
            )
          : loc('host-local would hand it out to a container', 'host-local이 그것을 컨테이너에 나눠 주게 됩니다');
      ctx.add(
        node,
        'warning',
        'cni-ipam',
        loc(
          `${field} ${text} is ${special.en} of ${subnet}: ${what.en}.`,
          `${field} ${eunneun(text)} ${subnet}의 ${special.ko}입니다: ${what.ko}.`,
        ),
      );
    }
    return { node, addr: a };
  };
  addrField('gateway');
  const start = addrField('rangeStart');
  const end = addrField('rangeEnd');
  const family = c.addr.family;
  const host = (1n << BigInt(bits - c.len)) - 1n;
  const first = start?.addr.value ?? c.network.value + 1n;
  // host-local's default last address: the broadcast address minus one (IPv4), the last (IPv6).
  const last = end?.addr.value ?? (family === 4 ? (c.network.value | host) - 1n : c.network.value | host);
  if (end && first > end.addr.value) {
    const from = start
      ? loc(`rangeStart ${formatAddr(start.addr)}`, `rangeStart ${formatAddr(start.addr)}`)
      : loc(`the default start ${formatAddr({ family, value: first })}`, `기본 시작 주소 ${formatAddr({ family, value: first })}`);
    ctx.add(
      end.node,
      'error',
      'cni-ipam',
      loc(
        `rangeEnd ${formatAddr(end.addr)} comes before ${from.en}: the range is empty (host-local: RangeEnd ${formatAddr(end.addr)} not in network ${subnet}).`,
        `rangeEnd ${iga(formatAddr(end.addr))} ${from.ko}보다 앞섭니다: 범위가 비어 있습니다 (host-local: RangeEnd ${formatAddr(end.addr)} not in network ${subnet}).`,
      ),
    );
    return undefined;
  }
  return { family, start: first, end: last, subnetNode, subnet };
}
