/**
 * `cniVersion` and `cniVersions` (`cni-version`): present, strings, spec versions; the version the
 * plugins run with is the highest listed in `cniVersions` when it is newer (libcni's choice).
 */
import { loc } from '../text/i18n';
import { items, type JsonNode, prop, str } from './json';
import { CNI_VERSIONS } from './plugins';
import type { CniContext, Versions } from './context';
import { eulreul, eunneun } from '../text/particle';

export function checkVersion(ctx: CniContext, root: JsonNode, kind: 'list' | 'single'): Versions {
  const known = CNI_VERSIONS.join(', ');
  const listed: string[] = [];
  for (const item of items(prop(root, 'cniVersions'))) {
    const v = str(item);
    if (v === undefined) {
      ctx.add(
        item,
        'error',
        'cni-version',
        loc(
          `Each entry of "cniVersions" must be a version string such as "1.0.0" (libcni: invalid type for cniVersions).`,
          `"cniVersions"의 각 항목은 "1.0.0" 같은 버전 문자열이어야 합니다 (libcni: invalid type for cniVersions).`,
        ),
      );
    } else if (!/^\d+\.\d+\.\d+$/.test(v)) {
      ctx.add(
        item,
        'error',
        'cni-version',
        loc(
          `"${v}" is not a version: write MAJOR.MINOR.PATCH, one of ${known} (libcni: invalid cniVersions entry).`,
          `${eunneun(`"${v}"`)} 버전이 아닙니다: ${known} 중 하나를 MAJOR.MINOR.PATCH로 쓰세요 (libcni: invalid cniVersions entry).`,
        ),
      );
    } else if (!CNI_VERSIONS.includes(v)) {
      ctx.add(
        item,
        'warning',
        'cni-version',
        loc(
          `"${v}" is not a CNI spec version (${known}): libcni skips versions newer than its own, and plugins refuse versions they do not know.`,
          `${eunneun(`"${v}"`)} CNI 스펙 버전(${known})이 아닙니다: libcni는 자신보다 새 버전을 건너뛰고, 플러그인은 모르는 버전을 거부합니다.`,
        ),
      );
    } else {
      listed.push(v);
    }
  }
  const node = prop(root, 'cniVersion');
  const highest = [...listed].sort((a, b) => CNI_VERSIONS.indexOf(a) - CNI_VERSIONS.indexOf(b)).pop();
  if (!node) {
    if (kind === 'list' && highest) return { effective: highest };
    const hint = ctx.keyHint(root, 'cniVersion');
    ctx.add(
      ctx.doc.rangeAt(root.offset, 1),
      'error',
      'cni-version',
      loc(
        `Missing "cniVersion": the CNI spec version this configuration follows, e.g. "cniVersion": "1.0.0" (one of ${known}).${hint.en}`,
        `"cniVersion"이 없습니다: 이 설정이 따르는 CNI 스펙 버전입니다. 예: "cniVersion": "1.0.0" (${known} 중 하나).${hint.ko}`,
      ),
    );
    return {};
  }
  const v = str(node);
  if (v === undefined) {
    ctx.add(
      node,
      'error',
      'cni-version',
      loc(
        `"cniVersion" must be a string such as "1.0.0" (libcni: invalid cniVersion type).`,
        `"cniVersion"은 "1.0.0" 같은 문자열이어야 합니다 (libcni: invalid cniVersion type).`,
      ),
    );
    return {};
  }
  if (!CNI_VERSIONS.includes(v)) {
    const close = CNI_VERSIONS.find((k) => k === `${v}.0` || k === `${v}.0.0`);
    ctx.add(
      node,
      'error',
      'cni-version',
      loc(
        `"${v}" is not a CNI spec version${close ? `; did you mean "${close}"?` : '.'} Use one of ${known}: plugins refuse a version they do not support.`,
        `${eunneun(`"${v}"`)} CNI 스펙 버전이 아닙니다.${close ? ` ${eulreul(`"${close}"`)} 뜻했나요?` : ''} ${known} 중 하나를 쓰세요: 플러그인은 지원하지 않는 버전을 거부합니다.`,
      ),
    );
    return { cniVersion: v };
  }
  const effective = highest && CNI_VERSIONS.indexOf(highest) > CNI_VERSIONS.indexOf(v) ? highest : v;
  return { cniVersion: v, effective };
}
