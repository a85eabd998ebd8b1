/**
 * One plugin object: its `type` (`cni-plugins`, `cni-unknown-plugin`, an IPAM plugin in a plugin's
 * place), its own `cniVersion` in a list, the interface names it creates or uses (`cni-ifname`),
 * its MTU (`cni-mtu`) and its `ipam` (ipam.ts).
 */
import { getNodeValue } from 'jsonc-parser/lib/esm/main.js';
import { type Localized, loc } from '../text/i18n';
import { didYouMean } from '../text/didyoumean';
import { type JsonNode, prop, str } from './json';
import { CNI_VERSIONS, IFNAME_FIELDS, KNOWN_IPAM, KNOWN_PLUGINS } from './plugins';
import type { CniPlugin } from './types';
import type { CniContext, Versions } from './context';
import { checkIpam } from './ipam';
import { eulreul, eunneun } from '../text/particle';

/** The smallest and largest MTU Linux accepts on an interface (IPv4's minimum; ETH_MAX_MTU). */
const MIN_MTU = 68;
const MAX_MTU = 65535;

/** One plugin object: its type, interface names, MTU and IPAM. `where` is `plugins[0]` or ''. */
export function checkPlugin(ctx: CniContext, obj: JsonNode, where: string, versions: Versions, inList: boolean): CniPlugin {
  const value = getNodeValue(obj) as Record<string, unknown>;
  const prefix = where ? `${where}: ` : '';
  const typeNode = prop(obj, 'type');
  const type = str(typeNode);
  if (!typeNode) {
    const hint = ctx.keyHint(obj, 'type');
    ctx.add(
      ctx.doc.objectAnchor(obj),
      'error',
      'cni-plugins',
      inList
        ? loc(
            `${where} has no "type": the plugin's binary in /opt/cni/bin, e.g. "type": "bridge" (libcni: missing 'type').${hint.en}`,
            `${where}에 "type"이 없습니다: /opt/cni/bin에 있는 플러그인 바이너리입니다. 예: "type": "bridge" (libcni: missing 'type').${hint.ko}`,
          )
        : loc(
            `Missing "type": the plugin's binary in /opt/cni/bin, e.g. "type": "bridge"; or, for a list of plugins, "plugins" in a .conflist (libcni: missing 'type').${hint.en}`,
            `"type"이 없습니다: /opt/cni/bin에 있는 플러그인 바이너리입니다. 예: "type": "bridge". 플러그인 리스트라면 .conflist에 "plugins"로 쓰세요 (libcni: missing 'type').${hint.ko}`,
          ),
    );
  } else if (type === '') {
    ctx.add(
      typeNode,
      'error',
      'cni-plugins',
      loc(
        `${prefix}"type" is empty: name the plugin's binary, e.g. "bridge" (libcni: missing 'type').`,
        `${prefix}"type"이 비어 있습니다: 플러그인 바이너리 이름을 쓰세요. 예: "bridge" (libcni: missing 'type').`,
      ),
    );
  } else if (type !== undefined && !KNOWN_PLUGINS.includes(type)) {
    if (KNOWN_IPAM.includes(type)) {
      ctx.add(
        typeNode,
        'warning',
        'cni-ipam',
        loc(
          `"${type}" is an IPAM plugin: it hands out addresses but creates no interface. Use it inside an interface plugin: "ipam": { "type": "${type}", ... }.`,
          `${eunneun(`"${type}"`)} IPAM 플러그인입니다: 주소를 나눠 줄 뿐 인터페이스를 만들지 않습니다. 인터페이스 플러그인 안에서 "ipam": { "type": "${type}", ... }으로 쓰세요.`,
        ),
      );
    } else {
      const hint = didYouMean(type, KNOWN_PLUGINS);
      ctx.add(
        typeNode,
        'warning',
        'cni-unknown-plugin',
        loc(
          `Unknown plugin type "${type}"${hint ? `; did you mean "${hint}"?` : '.'} The runtime needs a binary of that name in its CNI bin folder (/opt/cni/bin); a name nobody ships fails with "failed to find plugin".`,
          `알 수 없는 플러그인 타입 "${type}"입니다.${hint ? ` ${eulreul(`"${hint}"`)} 뜻했나요?` : ''} 런타임의 CNI 바이너리 폴더(/opt/cni/bin)에 그 이름의 바이너리가 있어야 합니다. 아무도 배포하지 않는 이름이면 "failed to find plugin"으로 실패합니다.`,
        ),
      );
    }
  }
  // A plugin's own cniVersion in a list: libcni replaces it with the list's.
  const ownVersion = inList ? prop(obj, 'cniVersion') : undefined;
  if (ownVersion) {
    const v = str(ownVersion);
    if (v === undefined) {
      ctx.add(
        ownVersion,
        'error',
        'cni-version',
        loc(
          `${where}.cniVersion must be a string such as "1.0.0" (libcni: failed to parse plugin config).`,
          `${where}.cniVersion은 "1.0.0" 같은 문자열이어야 합니다 (libcni: failed to parse plugin config).`,
        ),
      );
    } else if (!CNI_VERSIONS.includes(v)) {
      ctx.add(
        ownVersion,
        'warning',
        'cni-version',
        loc(
          `"${v}" is not a CNI spec version; libcni gives every plugin the list's cniVersion anyway, so remove this one.`,
          `${eunneun(`"${v}"`)} CNI 스펙 버전이 아닙니다. 어차피 libcni는 모든 플러그인에 리스트의 cniVersion을 주므로 이것은 지우세요.`,
        ),
      );
    }
  }
  if (type !== undefined) checkIfNames(ctx, obj, type);
  checkMtu(ctx, obj);
  const ipam = prop(obj, 'ipam');
  if (ipam && ipam.type === 'object') checkIpam(ctx, ipam, obj, versions);
  return { ...(type !== undefined ? { type } : {}), range: typeNode ? ctx.doc.range(typeNode) : ctx.doc.objectAnchor(obj), value };
}

function checkIfNames(ctx: CniContext, obj: JsonNode, type: string): void {
  for (const field of IFNAME_FIELDS.get(type) ?? []) {
    const node = prop(obj, field);
    const v = str(node);
    if (!node || v === undefined || v === '') continue;
    let why: Localized | undefined;
    if (v.length > 15)
      why = loc(
        `it has ${v.length} characters, and Linux allows at most 15 (IFNAMSIZ is 16 with the final NUL)`,
        `${v.length}자인데 리눅스는 최대 15자까지 허용합니다 (IFNAMSIZ는 끝의 NUL을 포함해 16)`,
      );
    else if (v === '.' || v === '..') why = loc('"." and ".." are not interface names', '"."과 ".."은 인터페이스 이름이 될 수 없습니다');
    else if (/[/:\s]/.test(v))
      why = loc('an interface name has no "/", ":" or spaces', '인터페이스 이름에는 "/", ":", 공백을 쓸 수 없습니다');
    if (why) {
      ctx.add(
        node,
        'error',
        'cni-ifname',
        loc(
          `${type}: "${field}" "${v}" is not a valid Linux interface name: ${why.en}.`,
          `${type}: "${field}"의 ${eunneun(`"${v}"`)} 올바른 리눅스 인터페이스 이름이 아닙니다: ${why.ko}.`,
        ),
      );
    }
  }
}

function checkMtu(ctx: CniContext, obj: JsonNode): void {
  const node = prop(obj, 'mtu');
  if (!node || node.type !== 'number' || typeof node.value !== 'number') return;
  const v = node.value;
  // 0 means "not set": the plugins leave the kernel's default.
  if (v === 0 || !Number.isInteger(v)) return;
  if (v < MIN_MTU || v > MAX_MTU) {
    ctx.add(
      node,
      'error',
      'cni-mtu',
      loc(
        `"mtu" ${v} is out of range: Linux takes ${MIN_MTU} to ${MAX_MTU} (0 or no "mtu" keeps the default, usually 1500).`,
        `"mtu" ${eunneun(v)} 범위를 벗어났습니다: 리눅스는 ${MIN_MTU}에서 ${MAX_MTU}까지 받습니다 (0이나 "mtu"가 없으면 기본값, 보통 1500).`,
      ),
    );
  }
}
