/**
 * A plugin's `ipam` (`cni-ipam`): its `type` (a known IPAM plugin, not an interface plugin), then
 * per type: host-local's ranges (hostLocal.ts), static's addresses, and the routes both hand out.
 */
import { loc } from '../text/i18n';
import { didYouMean } from '../text/didyoumean';
import { parseAddr } from '../net/addr';
import { items, type JsonNode, prop, str } from './json';
import { KNOWN_IPAM, KNOWN_PLUGINS } from './plugins';
import type { CniContext, Versions } from './context';
import { parseCidr } from './cidr';
import { checkHostLocal } from './hostLocal';
import { eulreul, eunneun, iga } from '../text/particle';

export function checkIpam(ctx: CniContext, ipam: JsonNode, plugin: JsonNode, versions: Versions): void {
  const typeNode = prop(ipam, 'type');
  const type = str(typeNode);
  if (!typeNode) {
    const hint = ctx.keyHint(ipam, 'type');
    ctx.add(
      ctx.doc.objectAnchor(ipam),
      'error',
      'cni-ipam',
      loc(
        `"ipam" needs "type": the IPAM plugin that hands out addresses, e.g. "host-local", "dhcp" or "static".${hint.en}`,
        `"ipam"에는 "type"이 필요합니다: 주소를 나눠 주는 IPAM 플러그인입니다. 예: "host-local", "dhcp", "static".${hint.ko}`,
      ),
    );
    return;
  }
  if (type === undefined) return; // the schema says it must be a string
  if (type === '') {
    ctx.add(
      typeNode,
      'error',
      'cni-ipam',
      loc(
        'ipam "type" is empty: name the IPAM plugin, e.g. "host-local".',
        'ipam의 "type"이 비어 있습니다: IPAM 플러그인 이름을 쓰세요. 예: "host-local".',
      ),
    );
    return;
  }
  if (!KNOWN_IPAM.includes(type)) {
    if (KNOWN_PLUGINS.includes(type)) {
      ctx.add(
        typeNode,
        'warning',
        'cni-ipam',
        loc(
          `"${type}" is not an IPAM plugin: "ipam" takes a plugin that hands out addresses, such as "host-local", "dhcp" or "static".`,
          `${eunneun(`"${type}"`)} IPAM 플러그인이 아닙니다: "ipam"에는 "host-local", "dhcp", "static"처럼 주소를 나눠 주는 플러그인이 와야 합니다.`,
        ),
      );
    } else {
      const hint = didYouMean(type, KNOWN_IPAM);
      ctx.add(
        typeNode,
        'warning',
        'cni-unknown-plugin',
        loc(
          `Unknown IPAM plugin "${type}"${hint ? `; did you mean "${hint}"?` : '.'} The runtime needs a binary of that name in /opt/cni/bin.`,
          `알 수 없는 IPAM 플러그인 "${type}"입니다.${hint ? ` ${eulreul(`"${hint}"`)} 뜻했나요?` : ''} 런타임의 /opt/cni/bin에 그 이름의 바이너리가 있어야 합니다.`,
        ),
      );
    }
    return;
  }
  if (type === 'host-local') checkHostLocal(ctx, ipam, plugin, versions);
  if (type === 'static') checkStatic(ctx, ipam);
  if (type === 'host-local' || type === 'static') checkRoutes(ctx, ipam);
}

function checkStatic(ctx: CniContext, ipam: JsonNode): void {
  for (const a of items(prop(ipam, 'addresses'))) {
    const node = prop(a, 'address');
    const text = str(node);
    if (node && text !== undefined && !parseCidr(text)) {
      ctx.add(
        node,
        'error',
        'cni-ipam',
        loc(
          `"${text}" is not an address with its prefix length: static IPAM takes ADDRESS/LENGTH, e.g. "10.10.0.1/24".`,
          `${eunneun(`"${text}"`)} 프리픽스 길이가 붙은 주소가 아닙니다: static IPAM은 "10.10.0.1/24"처럼 주소/길이를 받습니다.`,
        ),
      );
    }
    const gw = prop(a, 'gateway');
    const gwText = str(gw);
    if (gw && gwText !== undefined && !parseAddr(gwText)) {
      ctx.add(
        gw,
        'error',
        'cni-ipam',
        loc(`gateway "${gwText}" is not an IP address.`, `gateway의 ${eunneun(`"${gwText}"`)} IP 주소가 아닙니다.`),
      );
    }
  }
}

function checkRoutes(ctx: CniContext, ipam: JsonNode): void {
  for (const r of items(prop(ipam, 'routes'))) {
    const dst = prop(r, 'dst');
    const dstText = str(dst);
    if (dst && dstText !== undefined && !parseCidr(dstText)) {
      ctx.add(
        dst,
        'error',
        'cni-ipam',
        loc(
          `Route destination "${dstText}" is not in CIDR form: write ADDRESS/LENGTH, e.g. "0.0.0.0/0" for the default route.`,
          `라우트 목적지 ${iga(`"${dstText}"`)} CIDR 형식이 아닙니다: 기본 라우트라면 "0.0.0.0/0"처럼 주소/길이로 쓰세요.`,
        ),
      );
    }
    const gw = prop(r, 'gw');
    const gwText = str(gw);
    if (gw && gwText !== undefined && !parseAddr(gwText)) {
      ctx.add(
        gw,
        'error',
        'cni-ipam',
        loc(`Route gateway "${gwText}" is not an IP address.`, `라우트 게이트웨이 ${eunneun(`"${gwText}"`)} IP 주소가 아닙니다.`),
      );
    }
  }
}
